"""Each pack's own test suite, run from the core suite (each pack is a separate distribution).

Nothing is installed here: the pack's ``src`` goes on PYTHONPATH and the filelint.testing pytest plugin
is loaded explicitly, so this works whether or not ``pip install -e plugins/<pack>`` ran.
"""

from __future__ import annotations

import os
import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("pack", ["filelint-federal", "filelint-newyork"])
def test_pack_tests_pass(pack: str) -> None:
    folder = ROOT / "plugins" / pack
    env = dict(os.environ, PYTEST_DISABLE_PLUGIN_AUTOLOAD="1")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(folder / "src"), env.get("PYTHONPATH", "")) if p)
    command = [sys.executable, "-m", "pytest", "-p", "filelint.testing.plugin", "-p", "no:cacheprovider"]
    proc = subprocess.run(
        [*command, str(folder / "tests")],
        check=False,
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]
    assert " passed" in proc.stdout


def test_pytest_plugin_entry_point_declared() -> None:
    names = {ep.name: ep.value for ep in entry_points(group="pytest11")}
    assert names.get("filelint") == "filelint.testing.plugin"
