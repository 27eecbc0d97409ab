"""Validate manifest data against the JSON Schema and explain each error at its YAML position."""

from __future__ import annotations

import copy
import difflib
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from filelint.manifest import quickcheck
from filelint.manifest.aliases import METHOD_MEANING
from filelint.manifest.yamlload import LoadedYaml, Mark, Path_

SCHEMA_ID = "https://filelint.dev/schemas/manifest-1.json"


@dataclass(frozen=True)
class SchemaProblem:
    """One schema violation, already phrased for a person."""

    code: str  # FL003 (wrong value) or FL004 (unknown key)
    message: str
    path: Path_
    mark: Mark
    fix: str


@cache
def core_schema() -> dict[str, Any]:
    """The core manifest schema shipped inside the package."""
    text = resources.files("filelint").joinpath("schemas/manifest-core.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


#: Where each object a pack may extend sits in the schema (``filelint_schema_properties``).
OBJECT_PATHS: dict[str, tuple[str, ...]] = {
    "court": ("court",),
    "case": ("case",),
    "motion": ("motion",),
    "communication": ("meet_and_confer", "items"),
    "response": ("responses", "items"),
    "paper": ("papers", "items"),
    "discovery": ("discovery", "items"),
}
#: The court system every manifest may name: a court no pack covers.
OTHER_SYSTEM = "other"


def full_schema(
    sections: Mapping[str, Mapping[str, Any]],
    properties: Mapping[str, Mapping[str, Mapping[str, Any]]] | None = None,
    systems: Iterable[str] | None = None,
) -> dict[str, Any]:
    """The core schema plus each pack's own sections, the properties packs add to core objects, and
    ``court.system`` listing the registered court systems (``None``: the core file's list)."""
    schema = copy.deepcopy(core_schema())
    for name, fragment in sorted(sections.items()):
        schema["properties"][name] = dict(fragment)
    for obj, props in sorted((properties or {}).items()):
        target = object_schema(schema, obj)
        for name, fragment in sorted(props.items()):
            target.setdefault("properties", {})[name] = dict(fragment)
    if systems is not None:
        court_system = schema["properties"]["court"]["properties"]["system"]
        court_system["enum"] = [*sorted(set(systems) - {OTHER_SYSTEM}), OTHER_SYSTEM]
    return schema


def object_schema(schema: dict[str, Any], obj: str) -> dict[str, Any]:
    """The schema of one core object (see :data:`OBJECT_PATHS`) inside ``schema``."""
    node = schema
    for i, key in enumerate(OBJECT_PATHS[obj]):
        node = node["properties"][key] if i == 0 else node[key]
    return node


@cache
def core_property_names(obj: str) -> frozenset[str]:
    """The properties the core schema itself gives ``obj`` (a pack may not redefine them). Read
    only: no copy of the schema is needed (a deep copy per pack property cost ~1 ms each)."""
    return frozenset(object_schema(core_schema(), obj).get("properties", {}))


def validate(loaded: LoadedYaml, schema: dict[str, Any]) -> list[SchemaProblem]:
    """Every violation, one per location, sorted by position. A manifest the quick check finds valid
    for sure is not given to jsonschema, which is then not even imported (filelint.manifest.quickcheck)."""
    if quickcheck.quick_valid(loaded.data, schema) is True:
        return []
    from jsonschema import Draft202012Validator, FormatChecker  # heavy: import on use

    validator = Draft202012Validator(schema, format_checker=FormatChecker())
    problems: dict[tuple[Path_, str], SchemaProblem] = {}
    for error in validator.iter_errors(loaded.data):
        for problem in _explain(error, loaded):
            problems.setdefault((problem.path, problem.message), problem)
    return sorted(problems.values(), key=lambda p: (p.mark.line, p.mark.column, p.message))


def _explain(error: Any, loaded: LoadedYaml) -> Iterator[SchemaProblem]:
    path: Path_ = tuple(error.absolute_path)
    where = key_path_text(path)
    validator = error.validator
    if validator == "additionalProperties" and isinstance(error.instance, dict):
        yield from _unknown_keys(error, path, loaded)
        return
    mark = loaded.mark_for(path)
    if validator == "required":
        missing = error.message.split("'")[1] if "'" in error.message else "?"
        yield SchemaProblem(
            "FL003", f"{where or 'the manifest'} is missing `{missing}`", path, mark, f"add `{missing}:`"
        )
        return
    message, fix = _phrase(validator, error, where)
    yield SchemaProblem("FL003", message, path, mark, fix)


def _unknown_keys(error: Any, path: Path_, loaded: LoadedYaml) -> Iterator[SchemaProblem]:
    known = sorted(error.schema.get("properties", {}))
    for key in error.instance:
        if key in known:
            continue
        close = difflib.get_close_matches(str(key), known, n=1, cutoff=0.6)
        hint = f"; did you mean `{close[0]}`?" if close else ""
        fix = f"rename it to `{close[0]}`" if close else "remove it; allowed here: " + ", ".join(known)
        where = key_path_text(path)
        inside = f" in {where}" if where else ""
        yield SchemaProblem(
            "FL004", f"unknown key `{key}`{inside}{hint}", (*path, key), loaded.mark_for((*path, key), key=True), fix
        )


def _phrase(validator: str, error: Any, where: str) -> tuple[str, str]:
    instance = error.instance
    schema = error.schema
    label = f"`{where}`" if where else "the manifest"
    if validator == "type":
        wanted = _type_words(schema.get("type"))
        return (f"{label} must be {wanted}, not {_kind(instance)} {_show(instance)}".rstrip(), f"write {wanted}")
    if validator == "enum":
        return _enum_phrase(label, instance, [str(o) for o in schema["enum"]])
    if validator in ("format", "pattern") and "date" in str(schema.get("format", "")) + str(
        schema.get("description", "")
    ):
        return (
            f"{label}: {_show(instance)} is not a real date written YYYY-MM-DD",
            "write the date as YYYY-MM-DD, e.g. 2023-08-17",
        )
    if validator == "const":
        return (f"{label} must be {schema['const']!r}, not {_show(instance)}", f"write {schema['const']!r}")
    if validator in ("oneOf", "anyOf"):
        desc = schema.get("description") or "a value of the documented form"
        return (
            f"{label}: {_show(instance) or _kind(instance)} is not valid here; expected {desc}",
            "see `filelint schema` or docs/manifest.md for this field",
        )
    return f"{label}: {error.message}", "see docs/manifest.md for this field"


def _enum_phrase(label: str, instance: Any, options: list[str]) -> tuple[str, str]:
    """No string-similar suggestion: these values are legal categories ("email" is not "mail").
    What each service method means is spelled out instead, so the user picks by meaning."""
    shown = f"{label} is {_show(instance) or _kind(instance)}, not one of: {', '.join(options)}"
    if set(options) == set(METHOD_MEANING):
        meanings = "; ".join(f"{v}: {METHOD_MEANING[v]}" for v in options)
        return f"{shown} ({meanings})", "write the value that means how the paper was served"
    return shown, f"use the one of {', '.join(options)} that states the fact (see docs/manifest.md)"


def key_path_text(path: Path_) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _type_words(wanted: Any) -> str:
    names = {
        "string": "text",
        "integer": "a whole number",
        "boolean": "true or false",
        "array": "a list",
        "object": "a mapping of keys",
        "number": "a number",
        "null": "empty",
    }
    if isinstance(wanted, list):
        return " or ".join(names.get(str(w), str(w)) for w in wanted)
    return names.get(str(wanted), str(wanted))


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "the number"
    if isinstance(value, str):
        return "the text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return "empty" if value is None else type(value).__name__


def _show(value: Any) -> str:
    if value is None or isinstance(value, dict | list):
        return ""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
