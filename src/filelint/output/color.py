"""ANSI colour for terminal formats: only on a terminal, and never when NO_COLOR is set."""

from __future__ import annotations

import io
import os
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from filelint.findings import Finding, Severity

if TYPE_CHECKING:
    from filelint.plugins import Plugins
    from filelint.settings import Settings

BOLD, DIM, RESET = "\033[1m", "\033[2m", "\033[0m"
SEVERITY = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m"}
_LINE = re.compile(r"^(?P<loc>\S.*?:\d+:\d+:) (?P<code>[A-Z]{2,4}[0-9]{3})(?P<rest>.*)$")


def enabled(out: TextIO) -> bool:
    """https://no-color.org: any non-empty NO_COLOR turns colour off."""
    if os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(out, "isatty", None)
    return bool(isatty and isatty())


def paint(text: str, *styles: str) -> str:
    return "".join(styles) + text + RESET if styles else text


def concise(findings: Sequence[Finding], plugins: Plugins, settings: Settings, out: TextIO) -> None:
    """The concise format, coloured by severity when writing to a terminal."""
    from filelint.output import text

    if not enabled(out):
        text.concise(findings, plugins, settings, out)
        return
    buffer = io.StringIO()
    text.concise(findings, plugins, settings, buffer)
    levels = {f.code: f.severity for f in findings}
    out.writelines(colour_line(line, levels) + "\n" for line in buffer.getvalue().splitlines())


def colour_line(line: str, levels: dict[str, Severity]) -> str:
    """Bold location, code in its severity's colour; other lines (the summary) bold."""
    match = _LINE.match(line)
    if match is None:
        return paint(line, BOLD)
    style = SEVERITY.get(levels.get(match["code"], Severity.ERROR), "")
    return f"{paint(match['loc'], BOLD)} {paint(match['code'], BOLD, style)}{match['rest']}"
