"""pytest plugin for rule-pack authors (entry point ``pytest11``: ``filelint``).

Fixtures:

* ``filelint_run(folder, plugins=(), select=("ALL",), today=DEFAULT_TODAY)``: run filelint on a
  motion folder with the built-in rules plus the given plugin objects; returns sorted findings.
* ``filelint_today``: the fixed date the kit runs cases on.

Option ``--filelint-regen`` does what ``FILELINT_REGEN=1`` does: rewrite expected.txt files.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from typing import Any

import pytest

from filelint.findings import Finding
from filelint.testing import DEFAULT_TODAY, REGEN_ENV, run_folder

RunFolder = Callable[..., list[Finding]]


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("filelint", "filelint rule-pack test kit")
    group.addoption(
        "--filelint-regen",
        action="store_true",
        default=False,
        help="rewrite expected.txt of fail-* rule cases (review every diff)",
    )


def pytest_configure(config: pytest.Config) -> None:
    if config.getoption("--filelint-regen", default=False):
        os.environ[REGEN_ENV] = "1"


@pytest.fixture
def filelint_today() -> dt.date:
    return DEFAULT_TODAY


@pytest.fixture
def filelint_run(filelint_today: dt.date) -> RunFolder:
    """A callable running filelint on one folder with extra plugins (nothing auto-loaded)."""

    def run(folder: Any, plugins: Any = (), **options: Any) -> list[Finding]:
        options.setdefault("today", filelint_today)
        return run_folder(folder, plugins, **options)

    return run
