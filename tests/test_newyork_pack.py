"""The New York pack's own test suite, run from the core suite (the pack is a separate distribution).

As for the federal pack, nothing is installed here: the pack's ``src`` goes on PYTHONPATH and the
filelint.testing pytest plugin is loaded explicitly.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACK = ROOT / "plugins" / "filelint-newyork"


def test_newyork_pack_tests_pass() -> None:
    env = dict(os.environ, PYTEST_DISABLE_PLUGIN_AUTOLOAD="1")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(PACK / "src"), env.get("PYTHONPATH", "")) if p)
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "filelint.testing.plugin",
            "-p",
            "no:cacheprovider",
            str(PACK / "tests"),
        ],
        check=False,
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]
    assert " passed" in proc.stdout
