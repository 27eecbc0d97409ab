"""filelint.gctune: the collector's thresholds during a folder run, restored after; cycles a rule
leaves behind are still collected; a collector switched off stays off."""

from __future__ import annotations

import datetime as dt
import gc
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest

from filelint import gctune
from filelint.runner import lint_folder
from filelint.settings import Settings

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "palominos-cervantes-v-gm-fixed"


@pytest.fixture
def thresholds() -> Iterator[None]:
    saved = gc.get_threshold()
    yield
    gc.set_threshold(*saved)


def test_a_folder_run_uses_the_folder_thresholds_and_restores_the_previous(thresholds: None) -> None:
    gc.set_threshold(700, 10, 10)
    with gctune.folder_run():
        assert gc.get_threshold() == gctune.FOLDER_THRESHOLDS
    assert gc.get_threshold() == (700, 10, 10)
    with pytest.raises(RuntimeError), gctune.folder_run():
        raise RuntimeError  # restored also when the run fails
    assert gc.get_threshold() == (700, 10, 10)


def test_a_collector_switched_off_is_left_off(thresholds: None) -> None:
    gc.set_threshold(0)
    with gctune.folder_run():
        assert gc.get_threshold()[0] == 0


def test_lint_folder_restores_the_thresholds_and_gives_the_same_findings(plugins, thresholds: None) -> None:  # type: ignore[no-untyped-def]
    settings = Settings(today=dt.date(2023, 11, 1), no_cache=True)
    gc.set_threshold(0)  # the reference: no collector at all
    expected = lint_folder(EXAMPLE, plugins, settings, cwd=EXAMPLE).findings
    gc.set_threshold(700, 10, 10)
    found = lint_folder(EXAMPLE, plugins, settings, cwd=EXAMPLE).findings
    assert gc.get_threshold() == (700, 10, 10)
    assert [f.to_dict() for f in found] == [f.to_dict() for f in expected]


def test_cycles_made_during_a_folder_run_are_still_collected(thresholds: None) -> None:
    class Node:
        other: object = None

    with gctune.folder_run():
        first, second = Node(), Node()
        first.other, second.other = second, first
        gone = weakref.ref(first)
        del first, second
        kept = [Node() for _ in range(gctune.FOLDER_THRESHOLDS[0] * 2)]  # enough for a young collection
        assert gone() is None
        assert len(kept) == gctune.FOLDER_THRESHOLDS[0] * 2


def test_the_command_starts_up_with_the_folder_thresholds_and_import_changes_nothing() -> None:
    import subprocess
    import sys

    code = (
        "import gc; default = gc.get_threshold(); import filelint, filelint.cli, filelint.runner; "
        "assert gc.get_threshold() == default; from filelint import gctune; gctune.startup(); "
        "print(*gc.get_threshold())"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert tuple(map(int, out.split())) == gctune.FOLDER_THRESHOLDS
    off = "import gc; gc.set_threshold(0); from filelint import gctune; gctune.startup(); print(*gc.get_threshold())"
    out = subprocess.run([sys.executable, "-c", off], capture_output=True, text=True, check=True).stdout
    assert out.split()[0] == "0"
