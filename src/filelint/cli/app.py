"""Command-line entry point: ``filelint check FOLDER`` and friends.

Exit codes follow ruff: 0 clean (nothing at or above ``fail-on``), 1 findings, 2 usage,
configuration or internal error, or a check that could not run.
"""

from __future__ import annotations

import argparse
import sys
import traceback
from collections.abc import Callable, Sequence

from filelint import __version__
from filelint.earlyargs import COMMANDS
from filelint.errors import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, UsageError

__all__ = ["EXIT_ERROR", "EXIT_FINDINGS", "EXIT_OK", "UsageError", "build_parser", "main"]
#: Modules under filelint.cli; each has ``add_parsers(subparsers)`` and sets a handler.
COMMAND_MODULES = ("check", "info", "config", "init", "deadlines", "report", "completion")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="filelint", description=("Lint a motion folder for procedural defects before filing.")
    )
    parser.add_argument("--version", action="version", version=f"filelint {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="show tracebacks of internal errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    import importlib

    for name in COMMAND_MODULES:
        importlib.import_module(f"filelint.cli.{name}").add_parsers(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run filelint; returns the exit code (the console script exits with it)."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list and args_list[0] not in COMMANDS and not args_list[0].startswith("-"):
        args_list.insert(0, "check")  # `filelint FOLDER` means `filelint check FOLDER`
    verbose = "-v" in args_list or "--verbose" in args_list
    # --verbose may stand anywhere (before or after the command), as users type it.
    args_list = [a for a in args_list if a not in ("-v", "--verbose")]
    from filelint import boundary

    restore = boundary.install_interrupt_handlers()  # SIGTERM and SIGHUP unwind like Ctrl-C
    try:
        return _dispatch(args_list, verbose)
    except UsageError as exc:
        from filelint.output.escape import plain

        print(f"filelint: error: {plain(str(exc))}", file=sys.stderr)  # paths in it are the user's
        return EXIT_ERROR
    except BrokenPipeError:  # output piped into `head`: not an error of the check
        sys.stderr.close()
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("filelint: interrupted", file=sys.stderr)
        return EXIT_ERROR
    except SystemExit as exc:  # plugin calls are guarded; anything else must not pass as a result
        print(
            f"filelint: error: the run was ended early (SystemExit({exc.code!r})); the folder was NOT fully checked",
            file=sys.stderr,
        )
        return EXIT_ERROR
    except BaseException as exc:  # the one top-level error path: short message, exit 2
        _report_internal_error(exc, verbose)
        return EXIT_ERROR
    finally:
        restore()
        if "filelint.readahead" in sys.modules:  # a read started before the command line was parsed
            sys.modules["filelint.readahead"].discard()


def console() -> None:
    """The ``filelint`` script: ``main()``, then leave with its exit code no matter what plugins left
    behind (a non-daemon thread, an atexit handler that would exit 0)."""
    from filelint import boundary, gctune

    gctune.startup()
    boundary.leave(main())


def _dispatch(args_list: list[str], verbose: bool = False) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(args_list)
    except SystemExit as exc:  # argparse exits 2 on bad usage, 0 on --help
        return int(exc.code or 0)
    args.verbose = verbose
    handler: Callable[[argparse.Namespace], int] | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return EXIT_ERROR
    return handler(args)


def _report_internal_error(exc: BaseException, verbose: bool) -> None:
    tb = traceback.extract_tb(exc.__traceback__)
    where = f" (in {tb[-1].name}, {tb[-1].filename.rsplit('/', 1)[-1]}:{tb[-1].lineno})" if tb else ""
    print(f"filelint: internal error: {type(exc).__name__}: {exc}{where}", file=sys.stderr)
    if verbose:
        traceback.print_exception(exc, file=sys.stderr)
    else:
        print(
            "The folder was NOT fully checked. Run again with --verbose for the traceback "
            "and report it to the filelint maintainers.",
            file=sys.stderr,
        )
