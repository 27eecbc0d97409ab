"""Load a YAML manifest into plain Python data while keeping every node's position.

PyYAML's ``safe_load`` forgets where values came from and silently keeps the last of two
duplicate keys. Composing nodes ourselves lets every later error point at ``line:col`` and
lets duplicate keys, anchors and aliases (the "billion laughs" vector) be refused outright.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import yaml

from filelint.manifest.scalars import ScalarError, build_scalar, check_key, check_tag

Path_ = tuple[str | int, ...]

MAX_DEPTH = 64


@dataclass(frozen=True)
class Mark:
    """A 1-based position in the manifest."""

    line: int
    column: int


class ManifestSyntaxError(Exception):
    """The manifest cannot be read as YAML data; carries a position and a code."""

    def __init__(self, code: str, message: str, mark: Mark, fix: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.mark = mark
        self.fix = fix
        self.detail = ""  # the parser's own words, shown with --verbose


@dataclass
class LoadedYaml:
    """The data plus the position of every value and every mapping key, by path."""

    data: Any
    values: dict[Path_, Mark] = field(default_factory=dict)
    keys: dict[Path_, Mark] = field(default_factory=dict)

    def mark_for(self, path: Path_, *, key: bool = False) -> Mark:
        """Position of ``path``; falls back to the nearest ancestor that has one."""
        table = self.keys if key else self.values
        probe = tuple(path)
        while probe:
            if probe in table:
                return table[probe]
            if probe in self.values:
                return self.values[probe]
            probe = probe[:-1]
        return self.values.get((), Mark(1, 1))


def _mark(node: yaml.Node) -> Mark:
    return Mark(node.start_mark.line + 1, node.start_mark.column + 1)


#: libyaml's parser, about 3x faster than PyYAML's own on big manifests, with the same node marks.
_FAST_LOADER: Any = getattr(yaml, "CSafeLoader", None)


def _compose(text: str) -> yaml.Node | None:
    """The node tree of ``text``: by libyaml when it reads the text cleanly (the common case), else
    by PyYAML's own parser, whose errors (and only those) users see, so both paths report a broken
    manifest with identical messages and positions."""
    if _FAST_LOADER is not None and text.isascii():
        try:
            node: yaml.Node | None = yaml.compose(text, Loader=_FAST_LOADER)
            return node
        except (yaml.YAMLError, RecursionError):
            pass  # re-read below for PyYAML's message
    return yaml.compose(text, Loader=yaml.SafeLoader)


def load_yaml(text: str) -> LoadedYaml:
    """Parse ``text`` (one YAML document) keeping positions; raise ManifestSyntaxError."""
    try:
        node = _compose(text)
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(exc) from None
    except yaml.reader.ReaderError as exc:  # a control character: PyYAML's own text spans lines
        before = text[: exc.position]
        where = Mark(before.count("\n") + 1, exc.position - (before.rfind("\n") + 1) + 1)
        char = exc.character if isinstance(exc.character, str) else chr(exc.character)
        raise ManifestSyntaxError(
            "FL001",
            f"not valid YAML: control character U+{ord(char):04X} is not allowed",
            where,
            "delete the character (often pasted from a PDF or word processor)",
        ) from None
    except yaml.YAMLError as exc:
        raise ManifestSyntaxError("FL001", f"not valid YAML: {exc}", Mark(1, 1), "fix the YAML syntax") from None
    except RecursionError:
        raise ManifestSyntaxError(
            "FL001", "YAML nested too deeply to read", Mark(1, 1), f"a manifest needs at most {MAX_DEPTH} levels"
        ) from None
    loaded = LoadedYaml(data=None)
    if node is None:
        loaded.data = None
        return loaded
    loaded.data = _build(node, (), loaded, set())
    return loaded


def _syntax_error(exc: yaml.MarkedYAMLError) -> ManifestSyntaxError:
    from filelint.manifest.yaml_words import explain, parser_words

    plain = explain(exc)
    error = ManifestSyntaxError("FL001", f"not valid YAML: {plain.message}", Mark(plain.line, plain.column), plain.fix)
    error.detail = parser_words(exc)
    return error


def _build(node: yaml.Node, path: Path_, out: LoadedYaml, seen: set[int]) -> Any:
    if len(path) > MAX_DEPTH:
        raise ManifestSyntaxError(
            "FL001",
            f"nested deeper than {MAX_DEPTH} levels",
            _mark(node),
            "a manifest is a few levels deep; check the indentation",
        )
    if id(node) in seen:
        # compose() returns the very same node object for an alias.
        raise ManifestSyntaxError(
            "FL001",
            "YAML anchors and aliases are not allowed in a manifest",
            _mark(node),
            "write the value out in full",
        )
    seen.add(id(node))
    out.values[path] = _mark(node)
    _checked(check_tag, node)
    if isinstance(node, yaml.MappingNode):
        return _build_mapping(node, path, out, seen)
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, (*path, i), out, seen) for i, item in enumerate(node.value)]
    assert isinstance(node, yaml.ScalarNode)
    return _checked(build_scalar, node)


def _checked(step: Callable[[Any], Any], node: yaml.Node) -> Any:
    """``step(node)``, with a refused scalar or tag reported at the node (scalars.py says why)."""
    try:
        return step(node)
    except ScalarError as exc:
        raise ManifestSyntaxError(exc.code, exc.message, _mark(node), exc.fix) from None


def _build_mapping(node: yaml.MappingNode, path: Path_, out: LoadedYaml, seen: set[int]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            raise ManifestSyntaxError(
                "FL001", "a mapping key must be a plain word", _mark(key_node), "use a plain key such as `date:`"
            )
        key = str(key_node.value)
        if key == "<<":
            raise ManifestSyntaxError(
                "FL001", "YAML merge keys (<<) are not allowed", _mark(key_node), "write the keys out in full"
            )
        _checked(check_tag, key_node)
        _checked(check_key, key_node)  # keys stay text as written: `1:` is the key "1"
        if key in result:
            first = out.keys[(*path, key)]
            raise ManifestSyntaxError(
                "FL002",
                f"duplicate key `{key}` (first at line {first.line}); YAML would silently keep only the last value",
                _mark(key_node),
                "merge the two entries into one key",
            )
        out.keys[(*path, key)] = _mark(key_node)
        result[key] = _build(value_node, (*path, key), out, seen)
    return result
