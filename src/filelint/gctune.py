"""The garbage collector, tuned for linting (issue 16).

A motion folder's manifest becomes tens of thousands of long-lived objects (YAML nodes, marks, the
typed case) and rules make many short-lived ones; almost none of them are in reference cycles, so
reference counting frees them. With CPython's default thresholds the collector still runs every 700
allocations and, as the heap grows, scans it again and again: about 40% of the CPU time of a folder
with 10,000 communications, and the reason that time grew faster than the manifest.

* `startup`: the command's start-up collects as rarely as a folder run (its objects are never garbage).
* `freeze_startup`: what start-up built (modules, packs, rules, the schema) lives as long as the
  process; ``gc.freeze()`` moves it out of every later collection's sight.
* `folder_run`: while one folder is checked, a young collection runs every `FOLDER_THRESHOLDS`[0]
  allocations (cycles a rule leaves behind are still found) and the older generations rarely; the
  thresholds in force before are restored after the folder, also when the collector was switched off
  (threshold 0: left alone).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

#: Collector thresholds while a folder is checked (CPython's defaults: 700, 10, 10).
FOLDER_THRESHOLDS = (20_000, 100, 1_000)


def startup() -> None:
    """The ``filelint`` command's start-up: imports, packs and the schema build only objects that live
    as long as the process, so the young generation is collected as rarely as in a folder run (with
    CPython's defaults, ~60 collections that free nothing). Not done on ``import filelint``: a
    program that imports it keeps its own thresholds."""
    if gc.get_threshold()[0] != 0:  # the collector is off by the caller's choice: leave it so
        gc.set_threshold(*FOLDER_THRESHOLDS)


def freeze_startup() -> None:
    """Keep start-up's objects out of later collections (they are never garbage)."""
    gc.freeze()


@contextmanager
def folder_run() -> Iterator[None]:
    """`FOLDER_THRESHOLDS` for the block, the previous thresholds after it."""
    previous = gc.get_threshold()
    if previous[0] == 0:  # the collector is off by the caller's choice: leave it so
        yield
        return
    gc.set_threshold(*FOLDER_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*previous)
