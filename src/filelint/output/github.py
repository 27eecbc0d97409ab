"""``--format github``: GitHub Actions workflow commands, plus a job-summary table.

GitHub shows at most 10 annotations of each type per step (50 per job), so the first 10 of
each type become ``::error``/``::warning``/``::notice`` annotations and the rest are printed as
plain lines with a count; ``$GITHUB_STEP_SUMMARY`` gets a Markdown table of every finding.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Sequence
from itertools import groupby
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, TextIO

from filelint.findings import Finding, Severity
from filelint.output.escape import markdown_cell, terminal, workflow_data, workflow_property

if TYPE_CHECKING:
    from filelint.plugins import Plugins
    from filelint.settings import Settings

COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
CAP = 10  # annotations per type per step
SUMMARY_LIMIT = 1024 * 1024  # GitHub's cap on a step summary


def render(findings: Sequence[Finding], plugins: Plugins, settings: Settings, out: TextIO) -> None:
    from filelint.output.text import summary

    shown = [f for f in findings if f.waived is None or settings.show_waived]
    used: Counter[Severity] = Counter()
    overflow = 0
    for folder, group in groupby(shown, key=_folder):
        out.write(f"::group::{workflow_data(folder)}\n")  # a folder name must not end the line
        for f in group:
            if f.waived is None:
                used[f.severity] += 1
                if used[f.severity] <= CAP:
                    out.write(annotation(f) + "\n")
                    continue
                overflow += 1
            out.write(_plain(f) + "\n")
        out.write("::endgroup::\n")
    if overflow:
        out.write(
            f"{overflow} more finding{'s' if overflow != 1 else ''} not annotated "
            f"(GitHub shows {CAP} per type); all are listed above and in the job summary\n"
        )
    out.write(summary(findings) + "\n")
    write_step_summary(findings)


def _folder(f: Finding) -> str:
    return str(PurePosixPath(f.location.path).parent)


def annotation(f: Finding) -> str:
    """``::error file=...,line=...,col=...,title=CODE::message``."""
    loc = f.location
    props = {"file": loc.path, "line": str(loc.line), "col": str(loc.column), "title": f"{f.code} {f.rule}"}
    text = f.message + (f" (page {loc.page})" if loc.page else "") + f" [{f.authority}]"
    joined = ",".join(f"{k}={workflow_property(v)}" for k, v in props.items())
    return f"::{COMMAND[f.severity]} {joined}::{workflow_data(text)}"


def _plain(f: Finding) -> str:
    loc = f.location
    waived = f" [waived: {f.waived}]" if f.waived is not None else ""
    # a plain log line: a newline in a path or reason would start a forged `::error` line
    return terminal(f"{loc.path}:{loc.line}:{loc.column}: {f.code} {f.message}{waived}")


def write_step_summary(findings: Sequence[Finding]) -> None:
    """Append a Markdown table of every finding (waived ones too) to $GITHUB_STEP_SUMMARY."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return
    text = summary_markdown(findings)
    if len(text.encode()) > SUMMARY_LIMIT:
        text = text.encode()[: SUMMARY_LIMIT - 200].decode(errors="ignore").rsplit("\n", 1)[0]
        text += "\n\n*(table truncated at GitHub's 1 MiB summary limit; use --format json for all)*\n"
    with open(target, "a", encoding="utf-8") as fh:
        fh.write(text)


def summary_markdown(findings: Sequence[Finding]) -> str:
    from filelint.output.text import summary

    lines = ["## filelint", "", summary(findings), ""]
    if findings:
        lines += ["| Severity | Code | Location | Message | Waived |", "|---|---|---|---|---|"]
        for f in findings:
            loc = f.location
            where = f"{loc.path}:{loc.line}:{loc.column}" + (f" (page {loc.page})" if loc.page else "")
            cells = [str(f.severity), f"{f.code} {f.rule}", where, f.message, f.waived or ""]
            lines.append("| " + " | ".join(map(markdown_cell, cells)) + " |")
    return "\n".join(lines) + "\n"
