"""Kill filelint every way a CI timeout or a closed terminal does, while two PDF workers are busy:
no worker may survive its parent (they used to block in send() forever, keeping their memory), nor
the reader process that feeds them (`filelint.readerproc`)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from procs import descendants, running

from .helpers import TODAY, make_folder
from .pdfbytes import busy_content

BASE = (Path(__file__).parent / "manifests" / "018-bom.yaml").read_text("utf-8-sig")
pytestmark = pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads /proc (Linux)")


def _start(tmp_path: Path) -> subprocess.Popen[bytes]:
    papers = "".join(f"  - {{role: exhibit, exhibit: {i}, path: busy{i}.pdf}}\n" for i in range(1, 4))
    folder = make_folder(tmp_path, BASE + "papers:\n" + papers)
    busy = busy_content()
    for i in range(1, 4):
        (folder / f"busy{i}.pdf").write_bytes(busy + b"%" + str(i).encode())  # distinct bytes
    return subprocess.Popen(
        [sys.executable, "-m", "filelint", "check", "case", "--today", TODAY, "--jobs", "2", "--no-cache"],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


@pytest.mark.parametrize(
    "signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT, signal.SIGKILL], ids=lambda s: signal.Signals(s).name
)
def test_no_worker_survives_its_parent(signum: int, tmp_path: Path) -> None:
    parent = _start(tmp_path)
    workers: set[int] = set()
    try:
        deadline = time.monotonic() + 20
        while len(workers) < 3 and time.monotonic() < deadline and parent.poll() is None:
            time.sleep(0.05)
            workers = descendants(parent.pid)
        assert len(workers) >= 3, "filelint never started its reader process and two PDF workers"
        os.kill(parent.pid, signum)  # the parent alone, not its process group
        _, raw = parent.communicate(timeout=10)
        code, err = parent.returncode, raw.decode()
        if signum != signal.SIGKILL:
            assert code == 2, (code, err)  # handled like Ctrl-C: "interrupted", exit 2
            assert "interrupted" in err and "Traceback" not in err, err
        deadline = time.monotonic() + 5
        while any(map(running, workers)) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not [w for w in workers if running(w)], "PDF workers outlived filelint"
    finally:
        for pid in workers | descendants(parent.pid) | {parent.pid}:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        parent.communicate(timeout=5)
