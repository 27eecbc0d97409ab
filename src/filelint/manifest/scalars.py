"""Turn one YAML scalar into a manifest value, refusing what PyYAML would silently misread.

PyYAML implements YAML 1.1, whose plain scalars hold surprises for a person writing a case file:
``1:0`` is the number 60 (base 60), ``010`` is 8 (octal), ``yes``/``off`` are booleans, and an
explicit tag (``!!bool maybe``) crashes its constructor. A manifest accepts the YAML 1.2 core forms
only (``true``/``false``, decimal ``12``, ``1.5``, ISO dates) and names the problem otherwise.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Any

import yaml

_Y = "tag:yaml.org,2002:"
NULL, BOOL, INT, FLOAT, STR = f"{_Y}null", f"{_Y}bool", f"{_Y}int", f"{_Y}float", f"{_Y}str"
TIMESTAMP, SEQ, MAP = f"{_Y}timestamp", f"{_Y}seq", f"{_Y}map"
#: Plain forms a manifest accepts; ``re.ASCII`` so that Arabic-Indic or fullwidth digits are not digits.
_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)", re.ASCII)
_FLOAT = re.compile(r"[-+]?[0-9]+\.[0-9]*(?:[eE][-+]?[0-9]+)?", re.ASCII)
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_DATE = re.compile(r"([0-9]{4})-[0-9]{2}-[0-9]{2}", re.ASCII)
_SURROGATE = re.compile("[\ud800-\udfff]")
#: Whole numbers in a manifest are request numbers, sets and days; more digits is a typo or an attack
#: (Python refuses to convert more than 4300 digits at all).
MAX_DIGITS = 18
#: Years the court-day arithmetic handles; outside them a date is a typo (and date arithmetic near
#: year 1 or 9999 overflows).
FIRST_YEAR, LAST_YEAR = 1900, 2199


class ScalarError(ValueError):
    """A scalar the manifest refuses; the loader adds its position."""

    def __init__(self, code: str, message: str, fix: str) -> None:
        super().__init__(message)
        self.code, self.message, self.fix = code, message, fix


def check_tag(node: yaml.Node) -> None:
    """Refuse tags the manifest does not use (``!include``, ``!!python/...``, ``!!binary``, ``!!set``)."""
    if node.tag not in _ALLOWED_TAGS.get(type(node), ()):
        raise ScalarError(
            "FL001",
            f"YAML tag `{node.tag.replace(_Y, '!!')}` is not allowed in a manifest",
            "remove the tag and write the value plainly",
        )


def check_key(node: yaml.ScalarNode) -> None:
    """A mapping key is used as written, but must be real text (it reaches every output)."""
    _check_text(str(node.value))


def _check_text(text: str) -> None:
    if _SURROGATE.search(text):
        shown = _shown(text.encode("utf-8", "backslashreplace").decode("utf-8"))  # shown as \ud800
        raise ScalarError(
            "FL003",
            f"{shown} holds a lone surrogate (an escape such as \\ud800 that is not a character)",
            "remove the escape, or write the character itself",
        )


def build_scalar(node: yaml.ScalarNode) -> Any:
    """The value of ``node`` (tag already checked): None, bool, int, float or str."""
    text = str(node.value)
    if not text.isascii():  # surrogates are not ASCII; most manifest text is
        _check_text(text)
    builder = _BUILDERS.get(node.tag)
    if builder is None:
        _check_date(text)
        return text
    return builder(text)


def _null(text: str) -> None:
    if text not in _NULLS:
        raise ScalarError(
            "FL003",
            f"{_shown(text)} is tagged !!null but is not empty",
            "remove the !!null tag, or leave the value empty",
        )


def _bool(text: str) -> bool:
    if text in _BOOLS:
        return _BOOLS[text]
    if text.lower() in ("yes", "no", "on", "off", "y", "n"):
        raise ScalarError(
            "FL003",
            f"{_shown(text)} is read by YAML 1.1 as true/false, not as the word",
            f'write true or false; or "{text}" in quotes if you mean the word',
        )
    raise ScalarError("FL003", f"{_shown(text)} is tagged !!bool but is not true or false", "write true or false")


def _int(text: str) -> int:
    if _INT.fullmatch(text):
        if len(text.lstrip("+-")) > MAX_DIGITS:
            raise ScalarError(
                "FL003",
                f"the number {_shown(text)} has {len(text.lstrip('+-'))} digits; "
                f"a manifest number has at most {MAX_DIGITS}",
                "check the number",
            )
        return int(text)
    raise ScalarError(
        "FL003", _int_surprise(text), "write a plain decimal number (e.g. 13); put the value in quotes if it is text"
    )


def _int_surprise(text: str) -> str:
    if ":" in text:
        return f"{_shown(text)} is read by YAML 1.1 as a base-60 number, not as the text"
    if re.fullmatch(r"[-+]?0[0-7_]+", text):
        return f"{_shown(text)} is read by YAML 1.1 as an octal number (010 is 8)"
    if re.fullmatch(r"[-+]?0[xXbBoO][0-9a-fA-F_]*", text) or "_" in text:
        return f"{_shown(text)} is a YAML 1.1 number form (hex, binary or with _), not a plain number"
    return f"{_shown(text)} is tagged !!int but is not a whole number"


def _float(text: str) -> float:
    if _FLOAT.fullmatch(text) and len(text) <= 40 and math.isfinite(float(text)):  # 1.0e400 is inf
        return float(text)
    if ":" in text:
        return _reject_float(f"{_shown(text)} is read by YAML 1.1 as a base-60 number, not as the text")
    if text.lower().lstrip("+-") in (".inf", ".nan") or _FLOAT.fullmatch(text):
        return _reject_float(f"{_shown(text)} is not a finite number")
    return _reject_float(f"{_shown(text)} is not a plain decimal number")


def _reject_float(message: str) -> float:
    raise ScalarError(
        "FL003", message, "write a plain decimal number (e.g. 1.5); put the value in quotes if it is text"
    )


_ALLOWED_TAGS: dict[type, tuple[str, ...]] = {
    yaml.ScalarNode: (NULL, BOOL, INT, FLOAT, STR, TIMESTAMP),
    yaml.SequenceNode: (SEQ,),
    yaml.MappingNode: (MAP,),
}
_BUILDERS: dict[str, Callable[[str], Any]] = {NULL: _null, BOOL: _bool, INT: _int, FLOAT: _float}


def _check_date(text: str) -> None:
    match = _DATE.fullmatch(text)
    if match and not FIRST_YEAR <= int(match.group(1)) <= LAST_YEAR:
        raise ScalarError(
            "FL003",
            f"the date {text} is outside the years filelint computes ({FIRST_YEAR}-{LAST_YEAR})",
            "check the year",
        )


def _shown(text: str) -> str:
    return f"`{text}`" if len(text) <= 40 else f"`{text[:37]}...`"
