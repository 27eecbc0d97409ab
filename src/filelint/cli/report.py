"""``filelint report FOLDER [-o FILE]``: one self-contained HTML page (timeline, coverage, deadlines).

Also ``filelint check --format html``. Exit codes as ``filelint check``: the page is written in
every case, and a folder whose manifest cannot be read shows its findings instead of a timeline.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from filelint.settings import Settings


def add_parsers(sub: Any) -> None:
    p = sub.add_parser("report", help="write an HTML report: timeline, meet-and-confer coverage, deadlines")
    p.add_argument(
        "paths", nargs="*", type=Path, help="motion folders, or files inside them (default: the current folder)"
    )
    p.add_argument(
        "-o", "--output-file", type=Path, default=None, help="write the page to FILE (default: standard output)"
    )
    p.add_argument(
        "--today",
        type=dt.date.fromisoformat,
        default=None,
        help="treat this date as today (for motions not yet served)",
    )
    p.add_argument("--config", type=Path, default=None, help="use this configuration file")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from filelint.config import load_settings

    settings = load_settings(args.paths, args.config)
    settings.today = args.today or settings.today
    return write_report(args.paths or [Path.cwd()], settings, args.output_file)


def write_report(paths: list[Path], settings: Settings, output: Path | None) -> int:
    """Lint, render and write the page; the exit code of ``filelint check`` for the same folders."""
    from filelint.cli.check import exit_code
    from filelint.errors import EXIT_ERROR, UsageError
    from filelint.plugins import load_plugins
    from filelint.report.build import folder_reports
    from filelint.report.page import page

    plugins = load_plugins()
    results = folder_reports(paths, plugins, settings)
    names = ", ".join(d.case_number or d.folder for d, _ in results)
    html = page([d for d, _ in results], f"filelint report: {names}")
    if output is None:
        sys.stdout.write(html)
    else:
        try:
            output.write_text(html, encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"cannot write {output}: {exc.strerror}") from None
        print(f"filelint: wrote {output}", file=sys.stderr)
    for error in plugins.errors:
        print(f"filelint: error: {error}", file=sys.stderr)
    if plugins.errors or any(r.incomplete for _, r in results):
        return EXIT_ERROR
    return exit_code([f for _, r in results for f in r.findings], settings)
