"""``path:line:col: CODE [severity] message [authority]`` lines, as ruff prints them.

The severity is on every line, so a log without colour (pre-commit, CI) still says which findings
failed the run; ``--quiet`` leaves out the summary line.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from filelint.findings import Finding, Severity
from filelint.output.escape import terminal

if TYPE_CHECKING:
    from filelint.plugins import Plugins
    from filelint.settings import Settings


def concise(findings: Sequence[Finding], plugins: Plugins, settings: Settings, out: TextIO) -> None:
    for f in findings:
        if f.waived is not None and not settings.show_waived:
            continue
        loc = f.location
        page = f" (page {loc.page})" if loc.page else ""
        waived = " [waived]" if f.waived is not None else ""
        cite = f.authority.split("; ")[0]
        parser = f" (parser: {f.extra['yaml_parser']})" if settings.verbose and f.extra.get("yaml_parser") else ""
        out.write(
            terminal(
                f"{loc.path}:{loc.line}:{loc.column}: {f.code} [{f.severity}] {f.message}{page}{parser}"
                f" [{cite}]{waived}"
            )
            + "\n"
        )
    if not settings.quiet:
        out.write(summary(findings) + "\n")


def summary(findings: Sequence[Finding]) -> str:
    active = [f for f in findings if f.waived is None]
    if not active:
        waived = len(findings)
        return "All checks passed." + (f" ({waived} waived)" if waived else "")
    counts = Counter(f.severity for f in active)
    parts = [
        f"{counts[s]} {s}{'s' if counts[s] != 1 else ''}"
        for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)
        if counts[s]
    ]
    noun = "problem" if len(active) == 1 else "problems"
    waived = len(findings) - len(active)
    tail = f"; {waived} waived" if waived else ""
    return f"Found {len(active)} {noun} ({', '.join(parts)}{tail})."
