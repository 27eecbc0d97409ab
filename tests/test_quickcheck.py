"""The quick schema check agrees with jsonschema wherever it answers (issue 16: a valid manifest is
validated without importing jsonschema, also with --no-cache and on a cold cache)."""

from __future__ import annotations

import copy
import datetime as dt
import math
import os
import random
import shutil
import subprocess
import sys
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from filelint.manifest import quickcheck
from filelint.manifest import schema as schema_module
from filelint.manifest.aliases import normalize
from filelint.manifest.quickcheck import ANNOTATIONS, compiled, quick_valid
from filelint.manifest.text import read_manifest_text
from filelint.manifest.yamlload import LoadedYaml, ManifestSyntaxError, load_yaml
from filelint.plugins import load_plugins
from hostile.helpers import key_paths

ROOT = Path(__file__).resolve().parents[1]
VALID = ROOT / "examples" / "palominos-cervantes-v-gm-fixed"


@cache
def full_schema() -> dict[str, Any]:
    """The schema with every installed pack (federal and New York where installed)."""
    plugins = load_plugins(autoload=True)
    assert not plugins.errors, plugins.errors
    return plugins.schema()


def jsonschema_valid(data: Any, schema: Any) -> bool:
    return next(Draft202012Validator(schema, format_checker=FormatChecker()).iter_errors(data), None) is None


@cache
def manifests() -> tuple[tuple[str, LoadedYaml], ...]:
    """Every readable filelint.yaml under tests/ and examples/, loaded and normalized as the runner does."""
    found = []
    for path in sorted([*(ROOT / "tests").rglob("filelint.yaml"), *(ROOT / "examples").rglob("filelint.yaml")]):
        text = read_manifest_text(path)
        if isinstance(text, tuple):
            continue
        try:
            loaded = load_yaml(text)
        except ManifestSyntaxError:
            continue
        if isinstance(loaded.data, dict):
            normalize(loaded.data, full_schema())
            found.append((str(path.relative_to(ROOT)), loaded))
    return tuple(found)


def test_every_manifest_in_the_repository_gets_jsonschemas_answer() -> None:
    schema = full_schema()
    answers = {name: quick_valid(loaded.data, schema) for name, loaded in manifests()}
    assert len(answers) > 300
    assert None not in answers.values(), "the real schema must be fully supported"
    wrong = [name for name, loaded in manifests() if answers[name] != jsonschema_valid(loaded.data, schema)]
    assert not wrong
    assert sum(answers.values()) > 100 and not all(answers.values())  # both verdicts occur


def test_validate_reports_exactly_what_jsonschema_reports(monkeypatch: pytest.MonkeyPatch) -> None:
    schema = full_schema()
    quick = [schema_module.validate(loaded, schema) for _, loaded in manifests()]
    monkeypatch.setattr(quickcheck, "quick_valid", lambda data, schema: None)
    assert quick == [schema_module.validate(loaded, schema) for _, loaded in manifests()]


# Seeded random mutations of the repository's valid manifests.

BAD_DATES = [
    "2023-02-30",
    "2023-2-3",
    "2023-02-29",
    "20230217",
    "2023-W07-5",
    "２０２３-02-17",
    "2023-02-17\n",
    "0000-01-01",
]
GOOD_DATES = ["2024-02-29", "2023-12-31", "2023-01-09"]
OTHER_VALUES: list[Any] = [2.0, 2.5, True, False, None, 0, 1, -1, 10**7, "", "x", [], {}, math.nan, -0.0, 1e400]


def _get(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        data = data[part]
    return data


def _replace(value: Any, rng: random.Random) -> Any:
    if isinstance(value, str):
        kind = rng.randrange(6)
        if kind == 0:
            return value + "x" * rng.choice([1, 40, 300, 5000])
        if kind == 1:
            return rng.choice(BAD_DATES + GOOD_DATES)
        if kind == 2:
            return value.upper() if value != value.upper() else value + "-bogus"
        if kind == 3:
            return value[: len(value) // 2]
    if isinstance(value, int | float) and not isinstance(value, bool) and rng.random() < 0.5:
        return rng.choice([value + 1, value - 1, -value, value * 1000, float(value), value + 0.5])
    if rng.random() < 0.1:
        return rng.choice([dt.date(2023, 2, 17), b"bytes", ("a", "tuple")])  # no JSON type
    return copy.deepcopy(rng.choice(OTHER_VALUES))


def mutate(data: dict[str, Any], rng: random.Random) -> None:
    """One random change: delete a key, add an unknown one, change a value's type or value, duplicate
    or drop a list item."""
    path = rng.choice(key_paths(data))
    node = _get(data, path)
    kind = rng.randrange(5)
    if kind == 0 and isinstance(node, dict) and node:
        del node[rng.choice(list(node))]
    elif kind == 1 and isinstance(node, dict):
        node[rng.choice(["notes", "extra", "date", "case_number", 7, "served_on"])] = rng.choice(["x", 1, None])
    elif kind == 2 and isinstance(node, list) and node:
        i = rng.randrange(len(node))
        node.insert(i, copy.deepcopy(node[i])) if rng.random() < 0.7 else node.pop(i)
    elif path:
        parent = _get(data, path[:-1])
        parent[path[-1]] = _replace(node, rng)


def test_random_mutations_get_jsonschemas_answer() -> None:
    schema = full_schema()
    bases = [loaded.data for _, loaded in manifests() if jsonschema_valid(loaded.data, schema)]
    rng = random.Random(16)
    verdicts: list[bool] = []
    for _ in range(2400):
        data = copy.deepcopy(rng.choice(bases))
        for _ in range(rng.choice([1, 1, 1, 2, 3])):
            mutate(data, rng)
        quick = quick_valid(data, schema)
        assert quick is not None, data
        assert quick == jsonschema_valid(data, schema), data
        verdicts.append(quick)
    assert verdicts.count(True) > 200 and verdicts.count(False) > 1000  # both verdicts well exercised


# Each keyword by hand, traps included: (schema, instance, what jsonschema says).

DATE = {"type": "string", "format": "date"}
CASES: list[tuple[dict[str, Any] | bool, Any, bool]] = [
    ({"type": "integer"}, 2.0, True),
    ({"type": "integer"}, 2.5, False),
    ({"type": "integer"}, True, False),
    ({"type": "integer"}, math.inf, False),
    ({"type": "number"}, True, False),
    ({"type": "number"}, 7, True),
    ({"type": "string"}, dt.date(2023, 2, 17), False),
    ({"type": "string"}, b"text", False),
    ({"type": "array"}, ("a", "tuple"), False),
    ({"type": ["string", "null"]}, None, True),
    ({"type": ["string", "null"]}, 0, False),
    ({"type": "boolean"}, 0, False),
    ({"enum": [1, "a"]}, True, False),
    ({"enum": [1, "a"]}, 1.0, True),
    ({"enum": [True]}, 1, False),
    ({"enum": [[1]]}, [True], False),
    ({"enum": [[1]]}, [1.0], True),
    ({"enum": ["mail", "electronic"]}, "Mail", False),
    ({"const": 1}, True, False),
    ({"const": False}, 0, False),
    ({"const": {"a": 1}}, {"a": True}, False),
    ({"const": {"a": 1}}, {"a": 1.0}, True),
    ({"uniqueItems": True}, [1, True], True),
    ({"uniqueItems": True}, [0, False], True),
    ({"uniqueItems": True}, [1, 1.0], False),
    ({"uniqueItems": True}, [{"a": 1}, {"a": 1}], False),
    ({"uniqueItems": True}, [[1], [True]], True),
    ({"uniqueItems": True}, ["a", 1, "a"], False),
    ({"uniqueItems": False}, [1, 1], True),
    ({"pattern": "^2[0-9]STCV"}, "23STCV03596", True),
    ({"pattern": "STCV"}, "23STCV03596", True),  # re.search, not match
    ({"pattern": "^STCV"}, "23STCV03596", False),
    ({"pattern": "^a"}, 5, True),
    (DATE, "2023-02-30", False),
    (DATE, "2023-2-3", False),
    (DATE, "2023-02-29", False),
    (DATE, "2024-02-29", True),
    (DATE, "20230217", False),
    (DATE, "２０２３-02-17", False),
    (DATE, "2023-02-17\n", False),
    (DATE, "0000-01-01", False),
    ({"format": "date"}, 20230217, True),  # format looks only at strings
    ({"format": "date"}, dt.date(2023, 2, 17), True),
    ({"maxLength": 1}, "😀", True),  # code points, not bytes
    ({"maxLength": 1}, "e\u0301", False),
    ({"minLength": 1}, "", False),
    ({"minLength": 3}, ["a"], True),
    ({"minimum": 0}, -1, False),
    ({"minimum": 0}, math.nan, True),  # jsonschema asks `instance < minimum`
    ({"maximum": 0}, math.nan, True),
    ({"minimum": 1}, True, True),  # a bool is no number
    ({"maximum": 10}, 10.0, True),
    ({"maximum": 10}, "11", True),
    ({"minItems": 1}, [], False),
    ({"maxItems": 1}, [1, 2], False),
    ({"minProperties": 1}, {}, False),
    ({"maxProperties": 1}, {"a": 1, "b": 2}, False),
    ({"required": ["a"]}, {"b": 1}, False),
    ({"required": ["a"]}, ["a"], True),
    ({"properties": {"a": {"type": "string"}}, "additionalProperties": False}, {"a": "x", "b": 1}, False),
    ({"properties": {"a": {"type": "string"}}, "additionalProperties": False}, {"a": 1}, False),
    ({"properties": {"a": {"type": "string"}}, "additionalProperties": False}, {"a": "x"}, True),
    ({"properties": {"a": True}, "additionalProperties": False}, {1: "x"}, False),
    ({"properties": {"a": True}, "additionalProperties": {"type": "integer"}}, {"a": "x", "b": 2}, True),
    ({"properties": {"a": True}, "additionalProperties": {"type": "integer"}}, {"b": "2"}, False),
    ({"additionalProperties": True}, {"b": "2"}, True),
    ({"items": False}, [], True),
    ({"items": False}, [1], False),
    ({"items": {"type": "string"}}, ["a", 1], False),
    ({"oneOf": [{"type": "integer"}, {"type": "number"}]}, 2, False),  # valid under both
    ({"oneOf": [{"type": "integer"}, {"type": "number"}]}, 2.5, True),
    ({"oneOf": [{"type": "integer"}, {"type": "string"}]}, None, False),
    ({"allOf": [{"type": "integer"}, {"minimum": 3}]}, 2, False),
    ({"$defs": {"d": DATE}, "$ref": "#/$defs/d"}, "2023-02-17", True),
    ({"$defs": {"d": DATE}, "$ref": "#/$defs/d", "maxLength": 5}, "2023-02-17", False),  # siblings apply
    ({"$defs": {"a/b": {"type": "integer"}}, "$ref": "#/$defs/a~1b"}, "1", False),
    ({"$defs": {"a b": {"type": "integer"}}, "$ref": "#/$defs/a%20b"}, 1, True),
    ({"type": "object", "properties": {"next": {"$ref": "#"}}}, {"next": {"next": {}}}, True),
    ({"type": "object", "properties": {"next": {"$ref": "#"}}}, {"next": {"next": 1}}, False),
    ({"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://example.org/s.json"}, 1, True),
    ({"title": "t", "description": "d", "default": 1, "examples": [1], "$comment": "c", "deprecated": True}, 1, True),
    (True, {"any": "thing"}, True),
    (False, None, False),
]


@pytest.mark.parametrize(("schema", "instance", "expected"), CASES)
def test_keyword(schema: dict[str, Any] | bool, instance: Any, expected: bool) -> None:
    assert jsonschema_valid(instance, schema) is expected  # the case states jsonschema's answer
    assert quick_valid(instance, schema) is expected


UNSUPPORTED: list[dict[str, Any]] = [
    {"if": {"type": "string"}, "then": {"minLength": 1}},
    {"patternProperties": {"^x": {"type": "string"}}},
    {"anyOf": [{"type": "string"}]},
    {"not": {"type": "string"}},
    {"$ref": "https://example.org/other.json#/x"},
    {"$ref": "other.json"},
    {"$ref": "#anchor"},
    {"$ref": "#/$defs/missing", "$defs": {}},
    {"format": "email"},
    {"type": "any"},
    {"$schema": "http://json-schema.org/draft-07/schema#"},
    {"properties": {"a": {"$id": "https://example.org/a.json", "type": "string"}}},
    {"properties": {"a": {"type": "string", "x-unknown": 1}}},
    {"$defs": {"unused": {"prefixItems": [{"type": "string"}]}}, "type": "object"},
    {"items": [{"type": "string"}]},
    {"$defs": {"l": [{"type": "string"}]}, "properties": {"a": {"$ref": "#/$defs/l/0"}}},
]


@pytest.mark.parametrize("schema", UNSUPPORTED)
def test_an_unsupported_schema_is_left_to_jsonschema(schema: dict[str, Any]) -> None:
    assert compiled(schema) is None
    assert quick_valid({"a": "x"}, schema) is None


def test_data_jsonschema_chokes_on_is_left_to_it() -> None:
    schema = {"minimum": 0}
    with pytest.raises(TypeError):
        jsonschema_valid(1j, schema)
    assert quick_valid(1j, schema) is None


def test_the_keywords_are_jsonschemas_and_annotations_are_not() -> None:
    keywords = set(Draft202012Validator.VALIDATORS)
    assert not ANNOTATIONS & keywords
    assert set(quickcheck._KEYWORDS) - {"$defs", "$schema", "$id"} <= keywords


def test_a_schema_is_compiled_once_per_object() -> None:
    schema = copy.deepcopy(full_schema())
    first = compiled(schema)
    assert first is not None and compiled(schema) is first
    assert compiled(copy.deepcopy(schema)) is not first


# The command: a valid manifest needs no jsonschema; an invalid one still gets its findings.


def _check(folder: Path, tmp_path: Path) -> tuple[int, list[str], bool]:
    """Exit code, output lines, and whether jsonschema was imported (``-X importtime`` names every
    module imported: `python -m filelint` leaves through os._exit, so nothing can run after it)."""
    env = {**os.environ, "FILELINT_CACHE_DIR": str(tmp_path / "cache"), "FILELINT_DISABLE_PLUGIN_AUTOLOAD": "1"}
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "filelint", "check", str(folder), "--no-cache", "--select", "FL0"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    imported = {line.rsplit("|", 1)[-1].strip() for line in proc.stderr.splitlines() if line.startswith("import time:")}
    assert "filelint.runner" in imported  # the probe works: the run's imports are listed
    return proc.returncode, proc.stdout.splitlines(), "jsonschema" in imported


def test_check_of_a_valid_manifest_does_not_import_jsonschema(tmp_path: Path) -> None:
    code, lines, imported = _check(VALID, tmp_path)
    assert not imported
    assert code in (0, 1) and not any("FL003" in line or "FL004" in line for line in lines)


def test_check_of_an_invalid_manifest_still_reports_fl003_and_fl004(tmp_path: Path) -> None:
    folder = tmp_path / "motion"
    shutil.copytree(VALID, folder)
    manifest = folder / "filelint.yaml"
    text = manifest.read_text("utf-8").replace("system: ca-superior", "system: ca-superor")
    manifest.write_text(text.replace("court:\n", "court:\n  sytem_note: x\n", 1), "utf-8")
    code, lines, imported = _check(folder, tmp_path)
    assert code == 2 and imported
    assert any("FL003" in line and "court.system" in line for line in lines)
    assert any("FL004" in line and "sytem_note" in line for line in lines)
