"""``filelint check [PATH ...]``: lint motion folders."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path
from typing import Any

from filelint import gctune
from filelint.config import apply_cli_extensions, load_settings
from filelint.findings import Finding, Severity
from filelint.settings import Settings


def add_parsers(sub: Any) -> None:
    p = sub.add_parser("check", help="lint motion folders (the default command)")
    p.add_argument(
        "paths", nargs="*", type=Path, help="motion folders, or files inside them (default: the current folder)"
    )
    p.add_argument(
        "--format",
        "--output-format",
        dest="output_format",
        default=None,
        help="concise (default), full, json, sarif, github, junit, rdjson or html",
    )
    p.add_argument(
        "--output-file", "-o", type=Path, default=None, help="write the report to this file instead of standard output"
    )
    p.add_argument("--quiet", "-q", action="store_true", help="print findings only, without the summary line")
    p.add_argument(
        "--color",
        choices=["auto", "always", "never"],
        default="auto",
        help="colour the concise and full formats (auto: on a terminal; NO_COLOR, FORCE_COLOR)",
    )
    p.add_argument("--select", action="append", default=None, help="codes or prefixes to run")
    p.add_argument("--ignore", action="append", default=None, help="codes or prefixes to skip")
    p.add_argument("--fail-on", choices=["error", "warning", "info"], default=None)
    p.add_argument("--exit-zero", action="store_true", help="exit 0 even with findings")
    p.add_argument("--show-waived", action="store_true")
    p.add_argument("--jobs", "-j", type=_jobs, default=None, help="papers read in parallel")
    p.add_argument(
        "--pdf-backend",
        choices=["auto", "pdfium", "pdfminer"],
        default=None,
        help="how PDF text is read: auto (pdfium when installed), pdfium, pdfminer (the reference)",
    )
    p.add_argument("--no-cache", action="store_true", help="do not cache extracted PDF text")
    p.add_argument(
        "--today",
        type=dt.date.fromisoformat,
        default=None,
        help="treat this date as today (reproducible deadline checks)",
    )
    p.add_argument("--no-plugins", action="store_true", help="load only built-in rules, not installed plugin packs")
    p.add_argument(
        "--isolate-plugins",
        action="store_true",
        help="run installed packs in a separate process (even os._exit cannot end the run early)",
    )
    p.add_argument(
        "--disable-pack",
        action="append",
        default=None,
        metavar="NAME",
        help="do not load this pack (`filelint plugins` lists them; core cannot be disabled)",
    )
    p.add_argument("--extend-select", action="append", default=None, help="codes to add to select")
    p.add_argument("--extend-ignore", action="append", default=None, help="codes to add to ignore")
    p.add_argument(
        "--exclude",
        action="append",
        default=None,
        help="folder names or globs to skip when looking for motion folders (adds to config)",
    )
    p.add_argument("--statistics", action="store_true", help="print a count of findings per code")
    p.add_argument("--config", type=Path, default=None, help="use this configuration file")
    p.set_defaults(handler=run)


def _jobs(text: str) -> int:
    """``--jobs`` as a whole number of at least 1 (a negative count crashed the PDF reader)."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of at least 1, not {text!r}")
    return value


def settings_from_args(args: argparse.Namespace) -> Settings:
    settings = load_settings(args.paths, args.config)
    if args.select:
        settings.select = [s for item in args.select for s in item.split(",") if s]
    if args.ignore:
        settings.ignore = [s for item in args.ignore for s in item.split(",") if s]
    if args.fail_on:
        settings.fail_on = Severity.parse(args.fail_on)
    if args.output_format:
        settings.output_format = args.output_format
    settings.exit_zero = args.exit_zero
    settings.show_waived = args.show_waived
    settings.jobs = args.jobs or settings.jobs
    settings.pdf_backend = args.pdf_backend or settings.pdf_backend
    settings.no_cache = args.no_cache
    settings.today = args.today or settings.today
    settings.statistics = args.statistics
    settings.isolate_plugins = args.isolate_plugins
    settings.quiet = args.quiet
    settings.verbose = getattr(args, "verbose", False)
    settings.color = args.color if args.color != "auto" or args.output_file is None else "never"
    if args.disable_pack:
        settings.disable_packs = [*settings.disable_packs, *args.disable_pack]
    apply_cli_extensions(settings, args)
    return settings


def run(args: argparse.Namespace) -> int:
    from filelint.errors import EXIT_ERROR, UsageError
    from filelint.output import formatter, formatters

    settings = settings_from_args(args)
    _apply_limits(settings)
    if settings.output_format == "html":  # one page for all folders: it needs the cases, not only findings
        from filelint import readahead

        readahead.discard()  # it reads the papers its own way
        from filelint.cli.report import write_report as write_html

        return write_html(args.paths or [Path.cwd()], settings, args.output_file)
    chosen = formatter(settings.output_format)
    if chosen is None:
        raise UsageError(f"unknown format {settings.output_format!r}; use one of " + ", ".join(sorted(formatters())))
    from filelint import readahead

    try:
        # --jobs: the papers are read while the rest of filelint (runner, packs, formats) loads
        readahead.begin(args.paths or [Path.cwd()], settings)
        from filelint.config import check_selectors
        from filelint.output import statistics
        from filelint.output.escape import plain
        from filelint.session import lint_paths

        plugins = _load_plugins(args, settings)
        check_selectors(settings, plugins, cli_selectors(args))
        gctune.freeze_startup()
        findings, incomplete = lint_paths(args.paths or [Path.cwd()], plugins, settings)
    finally:
        readahead.discard()
    show = statistics.render if settings.statistics else chosen
    if args.output_file is None:
        show(findings, plugins, settings, sys.stdout)
    else:
        write_report(args.output_file, lambda out: show(findings, plugins, settings, out))
    for error in plugins.errors:
        print(f"filelint: error: {plain(str(error))}", file=sys.stderr)
    if incomplete or plugins.errors:
        return EXIT_ERROR
    return exit_code(findings, settings)


def _apply_limits(settings: Settings) -> None:
    """Read every limit before anything runs (a bad value is a configuration error) and cap jobs."""
    from filelint import limits
    from filelint.boundary import time_limit

    time_limit()
    limits.check_all()
    settings.jobs, note = limits.capped_jobs(settings.jobs)
    if note:
        print(f"filelint: note: {note}", file=sys.stderr)


def _load_plugins(args: argparse.Namespace, settings: Settings) -> Any:
    """The packs, loaded in this process; with --isolate-plugins the installed ones are tried in a
    child first, and none is loaded here if one ended or hung that child."""
    from filelint.plugins import load_plugins

    autoload = False if args.no_plugins else None
    if settings.isolate_plugins and autoload is None:
        from filelint import isolate
        from filelint.plugins import DISABLE_ENV

        isolate.require_fork()
        failure = None if os.environ.get(DISABLE_ENV) else isolate.probe_entry_points(settings.disable_packs)
        if failure is not None:
            plugins = load_plugins(autoload=False, blocked=settings.disable_packs)
            plugins.errors.append(f"{failure}; no installed pack was loaded")
            return plugins
    return load_plugins(autoload=autoload, blocked=settings.disable_packs)


def write_report(path: Path, write: Any) -> None:
    """``--output-file``: the whole report, or a usage error naming the file (never a traceback)."""
    from filelint.errors import UsageError

    try:
        with path.open("w", encoding="utf-8") as out:
            write(out)
    except OSError as exc:
        raise UsageError(f"{path}: cannot write the report: {exc.strerror or exc}") from None


def exit_code(findings: list[Finding], settings: Settings) -> int:
    if settings.exit_zero:
        return 0
    failing = [f for f in findings if f.waived is None and f.severity >= settings.fail_on]
    return 1 if failing else 0


def cli_selectors(args: argparse.Namespace) -> dict[str, list[str]]:
    """The selectors given on the command line, by flag (``{"--select": ["CAL1", "FL003"]}``), for
    :func:`filelint.config.check_selectors`."""
    found = {}
    for flag in ("select", "ignore", "extend_select", "extend_ignore"):
        items = getattr(args, flag, None) or []
        found[f"--{flag.replace('_', '-')}"] = [s for item in items for s in item.split(",") if s]
    return found
