"""The face: the ``filelint`` command line (one module per command, plus drafting and docgen)."""

from filelint.cli.app import console, main

__all__ = ["console", "main"]
