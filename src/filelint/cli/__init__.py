"""The face: the ``filelint`` command line (one module per command, plus drafting and docgen)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from filelint.cli.app import main

__all__ = ["console", "main"]


def console() -> None:
    """The ``filelint`` script. A plain ``filelint check FOLDER --jobs N`` starts reading the folder's
    papers first (`filelint.readahead.begin_from_argv`), before the command line parser, the
    configuration and the packs are imported; then `filelint.cli.app.console` runs the command."""
    from filelint import gctune, readahead

    gctune.startup()
    readahead.begin_from_argv(sys.argv[1:])
    from filelint.cli.app import console as run

    run()


def __getattr__(name: str) -> Any:
    if name == "main":  # imported on use: `console` reads the command line before the parser loads
        from filelint.cli.app import main

        return main
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
