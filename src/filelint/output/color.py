"""ANSI colour for terminal formats: ``--color auto|always|never``.

``auto`` (the default) colours only a terminal; NO_COLOR (https://no-color.org) turns it off and
FORCE_COLOR on (https://force-color.org), NO_COLOR winning when both are set. The flag beats both.
"""

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
_LINE = re.compile(
    r"^(?P<loc>\S.*?:\d+:\d+:) (?P<code>[A-Z]{2,4}[0-9]{3}) \[(?P<sev>error|warning|info)\]"
    r"(?P<rest>.*)$"
)
MODES = ("auto", "always", "never")


def enabled(out: TextIO, mode: str = "auto") -> bool:
    """Whether to colour ``out``; any non-empty NO_COLOR or FORCE_COLOR counts as set."""
    if mode != "auto":
        return mode == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(out, "isatty", None)
    return bool(isatty and isatty())


def paint(text: str, *styles: str) -> str:
    return "".join(styles) + text + RESET if styles else text


def concise(findings: Sequence[Finding], plugins: Plugins, settings: Settings, out: TextIO) -> None:
    """The concise format, coloured by severity when writing to a terminal."""
    from filelint.output import text

    if not enabled(out, settings.color):
        text.concise(findings, plugins, settings, out)
        return
    buffer = io.StringIO()
    text.concise(findings, plugins, settings, buffer)
    out.writelines(colour_line(line) + "\n" for line in buffer.getvalue().splitlines())


def colour_line(line: str) -> str:
    """Bold location, code and severity in the severity's colour; other lines (the summary) bold."""
    match = _LINE.match(line)
    if match is None:
        return paint(line, BOLD)
    style = SEVERITY[Severity.parse(match["sev"])]
    return (
        f"{paint(match['loc'], BOLD)} {paint(match['code'], BOLD, style)} "
        f"{paint('[' + match['sev'] + ']', style)}{match['rest']}"
    )
