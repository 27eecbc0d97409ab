"""Errors and exit codes shared by every layer (below the CLI, so no layer imports the face)."""

from __future__ import annotations

#: Exit codes follow ruff: 0 clean, 1 findings at or above ``fail-on``, 2 usage, configuration or
#: internal error, or a check that could not run.
EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class UsageError(Exception):
    """A problem with how filelint was called or configured (exit 2, no traceback)."""
