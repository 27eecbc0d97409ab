"""PyYAML's syntax errors in plain words, with the line to look at and what to do.

A litigator cannot act on "expected <block end>, but found '<block mapping start>'"; the parser's own
words stay available (``--verbose``) for whoever fixes filelint.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml


@dataclass(frozen=True)
class Plain:
    message: str
    fix: str
    line: int  # 1-based
    column: int


def explain(exc: yaml.MarkedYAMLError) -> Plain:
    """The plain-words reading of a syntax error; a generic one when the pattern is unknown."""
    problem, context = exc.problem or "", exc.context or ""
    at = exc.problem_mark or exc.context_mark
    line, column = (at.line + 1, at.column + 1) if at else (1, 1)
    opened = exc.context_mark.line + 1 if exc.context_mark else line
    opened_column = exc.context_mark.column + 1 if exc.context_mark else 1
    if "'\\t'" in problem or "\t" in problem or "tab" in problem:
        return Plain(
            f"line {line} is indented with a tab character",
            "indent with spaces: YAML does not allow tabs (most editors can convert tabs to spaces)",
            line,
            column,
        )
    if "quoted scalar" in context and "end of stream" in problem:
        return Plain(
            f"a quotation mark opened on line {opened} is never closed",
            f"close the quote on line {opened}, or remove it",
            opened,
            opened_column,
        )
    if "quoted scalar" in context:
        return Plain(
            f"line {line} has a backslash or character YAML cannot read inside double quotes",
            "use single quotes around the text, or write the backslash twice",
            line,
            column,
        )
    if "simple key" in context and "expected ':'" in problem:
        return Plain(
            f"line {opened} is missing the colon after its key",
            f"write line {opened} as 'key: value' (a colon and a space after the key)",
            opened,
            opened_column,
        )
    if "mapping values are not allowed" in problem:
        return Plain(
            f"line {line} has a colon YAML does not expect there",
            "if the value contains ': ', put the whole value in quotes; otherwise check that the "
            "line above has its colon and that this line is indented like its neighbours",
            line,
            column,
        )
    if "expected <block end>" in problem and set(_chars_at(exc.problem_mark)) & set("\"'"):
        return Plain(
            f"a quotation mark before line {line} is not closed, so YAML read the lines up to the quote "
            f"on line {line} as one value",
            "find the value above with an opening quote and no closing one, and close it",
            line,
            column,
        )
    if "expected <block end>" in problem:
        return Plain(
            f"the indentation of line {line} does not match the lines above it",
            f"line up line {line} with the other keys of its section (the same number of spaces; "
            "a list item starts with '- ' under its key)",
            line,
            column,
        )
    if "flow sequence" in context or "flow mapping" in context:
        return Plain(
            f"a list in [ ] or a mapping in {{ }} opened on line {opened} is not closed, or misses a comma",
            "close the bracket, separate items with ', ', and quote items that contain ':'",
            opened,
            opened_column,
        )
    if "single document" in context:
        return Plain(
            f"line {line} starts a second YAML document (a line `---`); a manifest is one document",
            "remove the `---` line and merge what follows it into the manifest",
            line,
            column,
        )
    if "cannot start any token" in problem:
        return Plain(
            f"line {line} has a value starting with a character YAML reserves (such as @ or `)",
            "put the value in quotes",
            line,
            column,
        )
    return Plain(
        f"the YAML syntax is broken near line {line}",
        "compare the line with the ones around it (indentation, colons, quotes)",
        line,
        column,
    )


def _chars_at(mark: yaml.Mark | None) -> str:
    """The character a mark points at and the one before it ("" when the parser kept no buffer)."""
    buffer = getattr(mark, "buffer", None)
    pointer = getattr(mark, "pointer", -1)
    return buffer[max(pointer - 1, 0) : pointer + 1] if isinstance(buffer, str) and pointer >= 0 else ""


def parser_words(exc: yaml.MarkedYAMLError) -> str:
    """PyYAML's own description, on one line, for ``--verbose``."""
    return "; ".join(part for part in (exc.context, exc.problem) if part)
