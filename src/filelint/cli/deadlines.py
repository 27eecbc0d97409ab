"""``filelint deadlines [FOLDER]``: every deadline that applies, computed step by step.

Exit 0 whatever the deadlines say (this command explains; ``filelint check`` judges); 2 when the
manifest cannot be read or the folder has none.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import sys
from pathlib import Path
from typing import Any, TextIO

from filelint.courtdays import Computation, Step, fmt_date
from filelint.deadlines import Deadline, merge_reports
from filelint.deadlines import DeadlineReport as Report
from filelint.manifest.requests import format_requests
from filelint.output.escape import plain

CONFIDENCE_WORDS = {"C": "C: confirmed in the text", "S": "S: secondary source", "U": "U: unconfirmed"}
STATUS_TEXT = {
    "met": "met",
    "late": "LATE",
    "gap": "after the safe date, not after the legal last day (warning)",
    "pending": "not done yet",
    "overdue": "NOT DONE, and the deadline has passed",
}


def add_parsers(sub: Any) -> None:
    p = sub.add_parser("deadlines", help="show every deadline that applies, computed step by step")
    p.add_argument(
        "path", nargs="?", type=Path, default=None, help="a motion folder or a file in it (default: the current folder)"
    )
    p.add_argument(
        "--format",
        dest="output_format",
        choices=["text", "json", "ics"],
        default="text",
        help="text (default), json, or ics (iCalendar, for a calendar program)",
    )
    p.add_argument(
        "--today",
        type=dt.date.fromisoformat,
        default=None,
        help="treat this date as today (for motions not yet served)",
    )
    p.add_argument(
        "--disable-pack",
        action="append",
        default=None,
        metavar="NAME",
        help="do not load this pack (as for `filelint check`; the configuration's disable-packs also applies)",
    )
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from filelint.config import load_settings
    from filelint.output.text import concise
    from filelint.plugins import load_plugins
    from filelint.runner import lint_folder
    from filelint.session import resolve_folders

    path = args.path or Path.cwd()
    # The same packs as `filelint check` over this folder: the configuration's disable-packs and
    # --disable-pack turn a pack's deadlines off too (its schema fields become unknown keys).
    settings = load_settings([path])
    settings.disable_packs = [*settings.disable_packs, *(args.disable_pack or [])]
    settings.select = []  # read and validate the manifest only; run no rule
    plugins = load_plugins(blocked=settings.disable_packs)
    folder = resolve_folders([path], walk=False)[0]
    result = lint_folder(folder, plugins, settings, cwd=Path.cwd())
    if result.case is None:
        concise(result.findings, plugins, settings, sys.stderr)
        print("filelint: error: the manifest cannot be read; deadlines not computed", file=sys.stderr)
        return 2
    case = result.case
    today = args.today or dt.date.today()
    report = merge_reports(plugins.deadline_reports(case, today))
    if args.output_format == "ics":
        from filelint.report.ics import calendar

        sys.stdout.flush()
        sys.stdout.buffer.write(calendar(case, report, (folder / "filelint.yaml").as_posix()))
        return 0
    if args.output_format == "json":
        json.dump(to_json(folder, case.case_number, today, report), sys.stdout, indent=2)
        print()
    else:
        write_text(sys.stdout, folder, case.case_number, today, report)
    for error in plugins.errors:  # a pack that failed: its deadlines are missing from the report
        print(f"filelint: error: {error}", file=sys.stderr)
    return 2 if plugins.errors else 0


# --------------------------------------------------------------------------- text


def write_text(out: TextIO, folder: Path, number: str, today: dt.date, report: Report | None) -> None:
    """The report, each line made plain (no control characters from the manifest or the folder)."""
    buffer = io.StringIO()
    _write_report(buffer, folder, number, today, report)
    out.writelines(plain(line) + "\n" for line in buffer.getvalue().splitlines())


def _write_report(out: TextIO, folder: Path, number: str, today: dt.date, report: Report | None) -> None:
    # values that could hold a newline are escaped here, so they cannot add a line of their own
    out.write(f"Deadlines for {plain(folder.as_posix())} (case {plain(number)}; today {today})\n")
    if report is None:
        out.write(
            "\nNo deadline rules for this court system: no installed pack computes deadlines for it "
            "(`filelint plugins` lists the packs).\n"
        )
        return
    if report.source:
        out.write(f"Computed by: {report.source}\n")
    if not report.deadlines:
        out.write("\nNo deadline could be computed.\n")
    out.writelines("\n" + _text_block(d) for d in report.deadlines)
    if report.missing:
        out.write("\nMissing facts (these deadlines were not checked):\n")
        out.writelines(f"  - {m.field}: {m.why}\n" for m in report.missing)
    if report.uncovered:
        out.write("\nRequests at issue that no response answers:\n")
        out.writelines(
            f"  - {format_requests(reqs) if reqs else device.upper() + ' set'}\n" for device, reqs in report.uncovered
        )


def _text_block(d: Deadline) -> str:
    lines = [d.title + (" [unsettled trigger: unverified objections only]" if d.unsettled else "")]
    two = d.latest != d.deadline
    if two and not d.computation.alternative_is_legal:  # a pack that keeps a later reading without ranking it
        lines.append(f"  Deadline: {fmt_date(d.deadline)}; later reading: {fmt_date(d.latest)}")
    else:
        lines.append(f"  Legal last day: {fmt_date(d.latest)}")
    if two and d.computation.alternative_is_legal:
        lines.append(f"  Safe date: {fmt_date(d.deadline)} (the earlier reading: serve or act by it to be safe)")
    lines += [f"  {line}" for line in _steps_text(d.computation)]
    lines += [f"  {note}" for note in d.notes]
    if d.forward is not None:
        lines.append("  Forward count (used by some courts; the backward count is the rule):")
        lines += [f"    {line}" for line in _steps_text(d.forward)]
    verdict = STATUS_TEXT[d.status]
    if d.status == "met" and d.forward is not None and d.forward.result > d.computation.trigger:
        verdict += " (counted backward; counted forward the notice is short: warning)"
    if two and not d.computation.alternative_is_legal:
        dates = f"deadline {fmt_date(d.deadline)}, later reading {fmt_date(d.latest)}"
    else:
        dates = f"legal last day {fmt_date(d.latest)}" + (f", safe date {fmt_date(d.deadline)}" if two else "")
    lines.append(f"  Motion: {d.act_label}: {verdict} ({dates})")
    return "\n".join(lines) + "\n"


def _steps_text(c: Computation) -> list[str]:
    """Trigger and every step with its authority and confidence; the legal reading's steps too."""
    lines = [f"Trigger: {fmt_date(c.trigger)} ({c.trigger_event})"]
    lines += [_step(str(i), s) for i, s in enumerate(c.steps, 1)]
    if c.alternative is not None:
        label = "Legal reading" if c.alternative_is_legal else "Later reading"
        lines.append(f"{label}: {fmt_date(c.alternative)}: {c.alternative_note}")
        lines += [f"  {_step(f'{label.split()[0].lower()} {i}', s)}" for i, s in enumerate(c.alternative_steps, 1)]
    lines += [
        f"Warning: {fmt_date(day)} was counted as a court day, but {why} (sources disagree whether it counts)"
        for day, why in c.uncertain
    ]
    return lines


def _step(label: str, step: Step) -> str:
    return f"{label}. {fmt_date(step.date)}: {step.text} [{step.authority}] ({CONFIDENCE_WORDS[step.confidence]})"


# --------------------------------------------------------------------------- json


def to_json(folder: Path, number: str, today: dt.date, report: Report | None) -> dict[str, Any]:
    if report is None:
        return {
            "folder": folder.as_posix(),
            "case": number,
            "today": today.isoformat(),
            "supported": False,
            "deadlines": [],
            "missing": [],
            "uncovered": [],
        }
    return {
        "folder": folder.as_posix(),
        "case": number,
        "today": today.isoformat(),
        "supported": True,
        "source": report.source,
        "deadlines": [_deadline_json(d) for d in report.deadlines],
        "missing": [{"field": m.field, "why": m.why} for m in report.missing],
        "uncovered": [{"device": device, "requests": [r.ref for r in reqs]} for device, reqs in report.uncovered],
    }


def _deadline_json(d: Deadline) -> dict[str, Any]:
    return {
        "kind": d.kind,
        "title": d.title,
        "deadline": d.deadline.isoformat(),
        # legal: the better reading where the pack ranks the two (None where it keeps them unranked)
        "legal": d.latest.isoformat() if d.computation.alternative_is_legal or d.latest == d.deadline else None,
        "safe": d.deadline.isoformat(),
        "latest": d.latest.isoformat(),
        "act": d.act.isoformat() if d.act else None,
        "act_label": d.act_label,
        "status": d.status,
        "unsettled_trigger": d.unsettled,
        "requests": [f"{r.device}:{r.ref}" for r in d.requests],
        "notes": list(d.notes),
        "computation": _computation_json(d.computation),
        "forward": _computation_json(d.forward) if d.forward is not None else None,
        "explain": d.steps(),
    }


def _computation_json(c: Computation) -> dict[str, Any]:
    return {
        "trigger": c.trigger.isoformat(),
        "trigger_event": c.trigger_event,
        "steps": [_step_json(s) for s in c.steps],
        "result": c.result.isoformat(),
        "confidence": c.confidence,
        "alternative": c.alternative.isoformat() if c.alternative else None,
        "alternative_note": c.alternative_note,
        "alternative_is_legal": c.alternative_is_legal,
        "alternative_steps": [_step_json(s) for s in c.alternative_steps],
        "uncertain_days": [{"date": d.isoformat(), "why": why} for d, why in c.uncertain],
    }


def _step_json(s: Step) -> dict[str, str]:
    return {"date": s.date.isoformat(), "text": s.text, "authority": s.authority, "confidence": s.confidence}
