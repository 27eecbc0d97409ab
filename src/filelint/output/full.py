"""``--format full``: each finding with severity, the manifest lines around it, authority and fix."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from filelint.findings import Finding
from filelint.output.color import BOLD, DIM, SEVERITY, enabled, paint
from filelint.output.escape import terminal

if TYPE_CHECKING:
    from filelint.plugins import Plugins
    from filelint.settings import Settings

CONTEXT = 2  # manifest lines shown before and after the finding's line


def render(findings: Sequence[Finding], plugins: Plugins, settings: Settings, out: TextIO) -> None:
    from filelint.output.text import summary

    colour = enabled(out, settings.color)
    for f in findings:
        if f.waived is not None and not settings.show_waived:
            continue
        out.write(block(f, colour) + "\n\n")
    if not settings.quiet:
        out.write(summary(findings) + "\n")


def block(f: Finding, colour: bool = False) -> str:
    """One finding: header, source snippet with a caret, then authority and fix."""
    loc = f.location
    sev = str(f.severity)
    if colour:
        sev = paint(sev, SEVERITY[f.severity])
    head = f"{terminal(loc.path)}:{loc.line}:{loc.column}: {f.code} [{sev}] {terminal(f.message)}"
    lines = [paint(head, BOLD) if colour else head]
    lines += snippet(loc.path, loc.line, loc.column, SEVERITY[f.severity] if colour else None)
    if loc.page:
        lines.append(f"  = page: {loc.page}")
    lines.append(f"  = authority: {terminal(f.authority)}")
    if f.fix:
        lines.append(f"  = fix: {terminal(f.fix)}")
    if f.waived is not None:
        lines.append(f"  = waived: {terminal(f.waived)}")
    return "\n".join(lines)


def snippet(path: str, line: int, column: int, caret_style: str | None = None) -> list[str]:
    """The manifest lines around ``line`` with a caret under ``column`` (nothing for PDFs)."""
    text = _source(path)
    if text is None or not 1 <= line <= len(text):
        return []
    first, last = max(1, line - CONTEXT), min(len(text), line + CONTEXT)
    width = len(str(last))
    gutter = " " * width + " |"
    out = [gutter]
    for n in range(first, last + 1):
        out.append(f"{n:>{width}} | {terminal(text[n - 1])}")
        if n == line:
            caret = " " * len(terminal(text[n - 1][: column - 1])) + "^"  # under the escaped line
            out.append(f"{gutter} {paint(caret, BOLD, caret_style) if caret_style else caret}")
    out.append(paint(gutter, DIM) if caret_style else gutter)
    return out


def _source(path: str) -> tuple[str, ...] | None:
    if not path.endswith((".yaml", ".yml")):
        return None  # papers are binary; their findings carry a page instead
    from filelint.safeopen import read_file

    try:  # read_file: the manifest may have been swapped for a FIFO since it was checked
        return tuple(read_file(Path(path), None).decode("utf-8-sig").splitlines())
    except (OSError, UnicodeDecodeError):
        return None
