"""The face: the ``filelint`` command line (one module per command, plus drafting and docgen)."""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False  # not `typing`'s: the command's first step imports as little as it can
if TYPE_CHECKING:
    from typing import Any

    from filelint.cli.app import main

__all__ = ["console", "main"]

#: Signals that unwind the run like Ctrl-C (`filelint.boundary.install_interrupt_handlers` handles
#: them once the command runs; these cover the start before it).
_INTERRUPTS = ("SIGINT", "SIGTERM", "SIGHUP")


def console() -> None:
    """The ``filelint`` script. A plain ``filelint check FOLDER --jobs N`` starts reading the folder's
    papers first (`filelint.readahead.begin_from_argv`), before the command line parser, the
    configuration and the packs are imported; then `filelint.cli.app.console` runs the command."""
    from filelint import gctune, readahead

    gctune.startup()
    _unwind_on_signals()  # the workers may start before the command's own handlers are installed
    try:
        readahead.begin_from_argv(sys.argv[1:])
        from filelint.cli.app import console as run

        run()  # leaves the process with the command's exit code
    except KeyboardInterrupt:  # before the command's own handling began
        readahead.discard()
        print("filelint: interrupted", file=sys.stderr, flush=True)
        os._exit(2)  # as `filelint.cli.app.main` exits when interrupted


def _unwind_on_signals() -> None:
    import signal

    def interrupted(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    for name in _INTERRUPTS:
        number = getattr(signal, name, None)
        if number is not None:
            signal.signal(number, interrupted)


def __getattr__(name: str) -> Any:
    if name == "main":  # imported on use: `console` reads the command line before the parser loads
        from filelint.cli.app import main

        return main
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
