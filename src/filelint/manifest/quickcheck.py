"""Tell whether manifest data is valid against the schema without importing jsonschema.

``quick_valid(data, schema)`` answers what ``Draft202012Validator(schema,
format_checker=FormatChecker())`` of jsonschema 4.26 would answer, for the keywords the manifest schema
and the packs' fragments use: True (no error for sure), False (at least one error) or None (the schema
uses a keyword, format or reference this module does not implement, or the data is of a kind jsonschema
itself would choke on; the caller then asks jsonschema). Each keyword copies jsonschema's own check
(``_keywords.py``, ``_types.py``, ``_utils.equal``/``uniq``, ``_format.is_date``), traps included:
``True`` is not ``1`` (enum, const, uniqueItems), ``2.0`` is an integer, a bool is no number, a value of
a Python type JSON does not have is of no JSON type, ``format`` and ``pattern`` look only at strings.

The schema is compiled once into a tree of small checks (closures) and kept for the schema object it
was compiled from (the runner validates every folder of a run against one schema object; the object is
held, so its id is not reused). A schema must not be changed after it has been checked.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from numbers import Number
from typing import Any

Check = Callable[[Any], bool]

#: Keywords that only annotate: Draft 2020-12 validation ignores them.
ANNOTATIONS = frozenset(
    {"description", "title", "$comment", "default", "examples", "deprecated", "readOnly", "writeOnly"}
)
#: The only ``$schema`` a schema may declare here (the validator is Draft 2020-12 whatever it says).
DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema"
#: jsonschema's ``_format._RE_DATE``.
_RE_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)


class Unsupported(Exception):
    """The schema uses something this module does not implement."""


def quick_valid(data: Any, schema: Any) -> bool | None:
    """True if jsonschema would report no error, False if it would report one, None if unsure."""
    check = compiled(schema)
    if check is None:
        return None
    try:
        return check(data)
    except Exception:  # data jsonschema itself would choke on (a comparison, deep nesting): let it say
        return None


#: The last schema compiled and its check (None: unsupported); the schema is held, so its id stays its own.
_LAST: list[tuple[Any, Check | None]] = []


def compiled(schema: Any) -> Check | None:
    """The check of ``schema`` (compiled on first use), or None if the schema is unsupported."""
    last = _LAST[-1] if _LAST else None  # read once: another thread may replace it meanwhile
    if last is not None and last[0] is schema:
        return last[1]
    try:
        check: Check | None = _Compiler(schema).root()
    except (Unsupported, RecursionError):
        check = None
    _LAST[:] = [(schema, check)]
    return check


# Types, as jsonschema's draft 2020-12 type checker.


def _is_integer(x: Any) -> bool:
    if isinstance(x, bool):
        return False
    return isinstance(x, int) or (isinstance(x, float) and x.is_integer())


def _is_number(x: Any) -> bool:
    return not isinstance(x, bool) and isinstance(x, Number)


TYPES: dict[str, Check] = {
    "array": lambda x: isinstance(x, list),
    "boolean": lambda x: isinstance(x, bool),
    "integer": _is_integer,
    "null": lambda x: x is None,
    "number": _is_number,
    "object": lambda x: isinstance(x, dict),
    "string": lambda x: isinstance(x, str),
}


# jsonschema._utils.equal, unbool and uniq.


def equal(one: Any, two: Any) -> bool:
    """Equal in JSON's sense: ``True`` is not ``1``; sequences and mappings compared item by item."""
    if one is two:
        return True
    if isinstance(one, str) or isinstance(two, str):
        return bool(one == two)
    if isinstance(one, Sequence) and isinstance(two, Sequence):
        return len(one) == len(two) and all(equal(i, j) for i, j in zip(one, two, strict=False))
    if isinstance(one, Mapping) and isinstance(two, Mapping):
        return len(one) == len(two) and all(key in two and equal(value, two[key]) for key, value in one.items())
    return bool(_unbool(one) == _unbool(two))


_TRUE, _FALSE = object(), object()


def _unbool(element: Any) -> Any:
    if element is True:
        return _TRUE
    if element is False:
        return _FALSE
    return element


def uniq(container: list[Any]) -> bool:
    """No two items equal (jsonschema's sort-then-compare, or pairwise when the items do not sort)."""
    try:
        ordered = sorted(_unbool(i) for i in container)
        for i, j in zip(ordered, itertools.islice(ordered, 1, None), strict=False):
            if equal(i, j):
                return False
    except (NotImplementedError, TypeError):
        seen: list[Any] = []
        for e in container:
            e = _unbool(e)
            if any(equal(i, e) for i in seen):
                return False
            seen.append(e)
    return True


def is_date(x: Any) -> bool:
    """jsonschema's "date" format checker: YYYY-MM-DD (ASCII digits) that is a real date."""
    if not isinstance(x, str):
        return True
    if not _RE_DATE.fullmatch(x):
        return False
    try:
        date.fromisoformat(x)
    except ValueError:
        return False
    return True


FORMATS: dict[str, Check] = {"date": is_date}


def _always(x: Any) -> bool:
    return True


def _never(x: Any) -> bool:
    return False


def _all_of(checks: list[Check]) -> Check:
    checks = [c for c in checks if c is not _always]
    if not checks:
        return _always
    if len(checks) == 1:
        return checks[0]

    def check(x: Any) -> bool:
        for c in checks:
            if not c(x):
                return False
        return True

    return check


def _number_value(value: Any) -> int | float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise Unsupported(f"not a number: {value!r}")
    return value


def _count_value(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise Unsupported(f"not a count: {value!r}")
    return value


class _Compiler:
    """Compiles one root schema; each local ``$ref`` target is compiled once (recursion allowed)."""

    def __init__(self, root: Any) -> None:
        self.root_schema = root
        self.refs: dict[str, list[Check]] = {}

    def root(self) -> Check:
        return self.schema(self.root_schema)

    def schema(self, schema: Any) -> Check:
        if schema is True:
            return _always
        if schema is False:
            return _never
        if not isinstance(schema, dict):
            raise Unsupported(f"not a schema: {schema!r}")
        checks: list[Check] = []
        for key, value in schema.items():
            if key in ANNOTATIONS:
                continue
            build = _KEYWORDS.get(key)
            if build is None:
                raise Unsupported(key)
            checks.append(build(self, value, schema))
        return _all_of(checks)

    def ref(self, ref: Any) -> Check:
        if not isinstance(ref, str) or not (ref == "#" or ref.startswith("#/")):
            raise Unsupported(f"$ref {ref!r}")  # remote, relative or anchor references: jsonschema's job
        cell = self.refs.get(ref)
        if cell is None:
            cell = self.refs[ref] = []
            cell.append(self.schema(self._resolve(ref[1:])))
        if cell:
            return cell[0]
        return lambda x: cell[0](x)  # a reference to a schema still being compiled (recursion)

    def _resolve(self, pointer: str) -> Any:
        """referencing's JSON pointer lookup (percent-decoded, then ~1 and ~0), through objects only."""
        node = self.root_schema
        if not pointer:
            return node
        if "%" in pointer:
            from urllib.parse import unquote

            pointer = "/" + unquote(pointer[1:])
        for segment in pointer[1:].split("/"):
            key = segment.replace("~1", "/").replace("~0", "~")
            if not isinstance(node, dict) or key not in node:
                raise Unsupported(f"$ref #{pointer}")
            node = node[key]
        return node


# Keywords: each builder takes (compiler, keyword value, the schema holding it) and returns a check.


def _type(c: _Compiler, value: Any, schema: dict[str, Any]) -> Check:
    names = [value] if isinstance(value, str) else value
    if not isinstance(names, list) or not all(isinstance(n, str) and n in TYPES for n in names):
        raise Unsupported(f"type {value!r}")
    checks = [TYPES[n] for n in names]
    if len(checks) == 1:
        return checks[0]
    return lambda x: any(t(x) for t in checks)


def _enum(c: _Compiler, value: Any, schema: dict[str, Any]) -> Check:
    if not isinstance(value, list):
        raise Unsupported("enum")
    texts = frozenset(v for v in value if type(v) is str)

    def check(x: Any) -> bool:
        if type(x) is str:
            return x in texts  # equal(each, x) is each == x, and only a str equals a plain str
        return any(equal(each, x) for each in value)

    return check


def _const(c: _Compiler, value: Any, schema: dict[str, Any]) -> Check:
    return lambda x: equal(x, value)


def _pattern(c: _Compiler, value: Any, schema: dict[str, Any]) -> Check:
    if not isinstance(value, str):
        raise Unsupported("pattern")
    search = re.compile(value).search
    return lambda x: not isinstance(x, str) or search(x) is not None


def _format(c: _Compiler, value: Any, schema: dict[str, Any]) -> Check:
    check = FORMATS.get(value) if isinstance(value, str) else None
    if check is None:
        raise Unsupported(f"format {value!r}")
    return check


def _minimum(c: _Compiler, value: Any, schema: dict[str, Any]) -> Check:
    m = _number_value(value)
    return lambda x: not _is_number(x) or not x < m  # not `x >= m`: NaN passes, as in jsonschema


def _maximum(c: _Compiler, value: Any, schema: dict[str, Any]) -> Check:
    m = _number_value(value)
    return lambda x: not _is_number(x) or not x > m


def _size(is_kind: Check, at_least: bool) -> Callable[[_Compiler, Any, dict[str, Any]], Check]:
    """minLength, maxLength, minItems, maxItems, minProperties, maxProperties: ``len`` of a value of
    that kind (code points for strings, as jsonschema), at least or at most the count."""

    def build(c: _Compiler, value: Any, schema: dict[str, Any]) -> Check:
        n = _count_value(value)
        if at_least:
            return lambda x: not is_kind(x) or len(x) >= n
        return lambda x: not is_kind(x) or len(x) <= n

    return build


def _unique_items(c: _Compiler, value: Any, schema: dict[str, Any]) -> Check:
    if not isinstance(value, bool):
        raise Unsupported("uniqueItems")
    if not value:
        return _always
    return lambda x: not isinstance(x, list) or uniq(x)


def _required(c: _Compiler, value: Any, schema: dict[str, Any]) -> Check:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise Unsupported("required")
    names = tuple(value)
    return lambda x: not isinstance(x, dict) or all(n in x for n in names)


def _properties(c: _Compiler, value: Any, schema: dict[str, Any]) -> Check:
    if not isinstance(value, dict):
        raise Unsupported("properties")
    subs = {name: c.schema(sub) for name, sub in value.items()}
    subs = {name: sub for name, sub in subs.items() if sub is not _always}

    def check(x: Any) -> bool:
        if not isinstance(x, dict):
            return True
        for name, sub in subs.items():
            if name in x and not sub(x[name]):
                return False
        return True

    return check


def _additional_properties(c: _Compiler, value: Any, schema: dict[str, Any]) -> Check:
    known = schema.get("properties", {})
    if not isinstance(known, dict) or not isinstance(value, bool | dict):
        raise Unsupported("additionalProperties")
    sub = c.schema(value)  # jsonschema: a schema is descended into; False refuses any extra key
    if sub is _always:
        return _always
    if sub is _never:
        return lambda x: not isinstance(x, dict) or all(k in known for k in x)
    return lambda x: not isinstance(x, dict) or all(sub(v) for k, v in x.items() if k not in known)


def _items(c: _Compiler, value: Any, schema: dict[str, Any]) -> Check:
    if not isinstance(value, bool | dict):
        raise Unsupported("items")
    sub = c.schema(value)
    if sub is _always:
        return _always
    return lambda x: not isinstance(x, list) or all(sub(i) for i in x)


def _subschemas(c: _Compiler, value: Any) -> list[Check]:
    if not isinstance(value, list) or not value:
        raise Unsupported("an empty or non-list applicator")
    return [c.schema(s) for s in value]


def _one_of(c: _Compiler, value: Any, schema: dict[str, Any]) -> Check:
    subs = _subschemas(c, value)

    def check(x: Any) -> bool:
        valid = 0
        for sub in subs:
            if sub(x):
                valid += 1
                if valid > 1:
                    return False
        return valid == 1

    return check


def _all_of_keyword(c: _Compiler, value: Any, schema: dict[str, Any]) -> Check:
    return _all_of(_subschemas(c, value))


def _ref(c: _Compiler, value: Any, schema: dict[str, Any]) -> Check:
    return c.ref(value)


def _defs(c: _Compiler, value: Any, schema: dict[str, Any]) -> Check:
    if not isinstance(value, dict):
        raise Unsupported("$defs")
    for name, sub in value.items():  # every definition must be supported, referenced or not
        plain = schema is c.root_schema and isinstance(name, str) and not any(ch in name for ch in "~/%")
        c.ref(f"#/$defs/{name}") if plain else c.schema(sub)
    return _always


def _schema_keyword(c: _Compiler, value: Any, schema: dict[str, Any]) -> Check:
    if schema is not c.root_schema or value != DRAFT_2020_12:
        raise Unsupported("$schema")  # another draft's rules, or a subschema's own dialect
    return _always


def _id(c: _Compiler, value: Any, schema: dict[str, Any]) -> Check:
    if schema is not c.root_schema or not isinstance(value, str):
        raise Unsupported("$id")  # a subschema's $id changes what its references mean
    return _always


_KEYWORDS: dict[str, Callable[[_Compiler, Any, dict[str, Any]], Check]] = {
    "type": _type,
    "enum": _enum,
    "const": _const,
    "pattern": _pattern,
    "format": _format,
    "minLength": _size(TYPES["string"], at_least=True),
    "maxLength": _size(TYPES["string"], at_least=False),
    "minimum": _minimum,
    "maximum": _maximum,
    "minItems": _size(TYPES["array"], at_least=True),
    "maxItems": _size(TYPES["array"], at_least=False),
    "minProperties": _size(TYPES["object"], at_least=True),
    "maxProperties": _size(TYPES["object"], at_least=False),
    "uniqueItems": _unique_items,
    "required": _required,
    "properties": _properties,
    "additionalProperties": _additional_properties,
    "items": _items,
    "oneOf": _one_of,
    "allOf": _all_of_keyword,
    "$ref": _ref,
    "$defs": _defs,
    "$schema": _schema_keyword,
    "$id": _id,
}
