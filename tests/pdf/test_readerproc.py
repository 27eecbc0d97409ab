"""With --jobs above 1, where the system can fork, a reader process of its own feeds the PDF workers
(filelint.readerproc): it gives each paper what a one-job read gives, answers at once for a paper it
does not hold, stops its workers when closed, and neither it nor its workers outlive the parent."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from filelint import readahead, readerproc
from filelint.documents.read import read_documents, start_documents
from filelint.paperreader import PaperReader, paper_reader
from filelint.plugins import load_plugins
from filelint.runner import lint_folder
from filelint.settings import Settings
from hostile.pdfbytes import busy_content, busy_files
from procs import PROC, descendants, running

from .test_background import _papers

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="a reader process needs fork")
ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "examples" / "palominos-cervantes-v-gm"


def _how(**more: object) -> dict[str, object]:
    return {"jobs": 2, "cache_dir": None, "readers": (), "within": None, "backend": "auto", **more}


def test_the_reader_process_gives_each_path_what_a_one_job_read_gives(tmp_path: Path) -> None:
    paths = _papers(tmp_path / "papers")  # short papers, a long exhibit read in ranges, a duplicate
    expected = read_documents(paths, jobs=1)
    reader = readerproc.ReaderProcess(paths, _how())
    try:
        reader.hurry([paths[3]])
        for path in reversed(paths):  # asked in any order
            assert reader.result(path) == expected[path]
        assert reader.result(paths[0]) == expected[paths[0]]  # and again
    finally:
        reader.close()
    reader.close()  # idempotent
    assert not descendants()


def test_a_path_the_reader_does_not_hold_is_answered_at_once_and_close_stops_a_busy_one(tmp_path: Path) -> None:
    busy = tmp_path / "busy.pdf"
    busy.write_bytes(busy_content())  # keeps pdfminer busy far longer than this test
    reader = readerproc.ReaderProcess([busy], _how(backend="pdfminer"))
    try:
        assert reader.result(tmp_path / "not-in-the-batch.pdf") is None
        deadline = time.monotonic() + 10
        while len(descendants()) < 2 and time.monotonic() < deadline:
            time.sleep(0.02)
        assert len(descendants()) >= 2  # the reader process and its worker, still busy
    finally:
        started = time.monotonic()
        reader.close()
    assert time.monotonic() - started < readerproc.STOP_SECONDS  # stopped, not waited out
    assert not descendants()
    assert reader.result(busy) is None  # closed: nothing more to give


def test_workers_stopped_at_their_time_limit_are_replaced_by_forks_of_the_reader(tmp_path: Path) -> None:
    busy = busy_files(tmp_path, 2)
    papers = _papers(tmp_path / "papers")[:3]
    reader = readerproc.ReaderProcess([*busy, *papers], _how(backend="pdfminer", timeout=3.0))
    try:
        assert [reader.result(path).status for path in busy] == ["timeout", "timeout"]  # type: ignore[union-attr]
        assert all(reader.result(path).status == "ok" for path in papers)  # type: ignore[union-attr]
    finally:
        reader.close()
    assert not descendants()


def test_a_reader_that_cannot_start_reads_nothing_and_the_run_reads_itself(tmp_path: Path) -> None:
    shutil.copytree(SEED, tmp_path / "case")
    folder = tmp_path / "case"
    (folder / "filelint.yaml").write_text("papers: [{path: notice.pdf\n", "utf-8")  # unparsable
    reader = paper_reader(folder, Settings(jobs=2, no_cache=True))
    assert reader.start_from_manifest()
    try:
        assert reader._background.result(folder / "notice.pdf") is None
    finally:
        reader.close()
    reader = readerproc.ReaderProcess(lambda: 1 / 0, _how())  # type: ignore[arg-type, return-value]
    try:
        assert reader.result(folder / "notice.pdf") is None
    finally:
        reader.close()
    assert not descendants()


def _findings(folder: Path, jobs: int) -> list[tuple[str, str, str, int]]:
    settings = Settings(today=dt.date(2026, 11, 28), no_cache=True, jobs=jobs)
    if jobs > 1:
        readahead.begin([folder], settings)
    result = lint_folder(folder, load_plugins(autoload=False), settings, cwd=folder)
    return sorted((f.code, f.message, f.location.path, f.location.line) for f in result.findings)


def test_a_folder_read_by_a_reader_process_finds_what_one_job_finds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(SEED, tmp_path / "case")
    folder = tmp_path / "case"
    in_parent: list[int] = []
    real_read = PaperReader._read

    def read(self: PaperReader, paths: dict[str, Path]) -> object:
        in_parent.append(len(paths))
        return real_read(self, paths)

    one = _findings(folder, 1)
    monkeypatch.setattr(PaperReader, "_read", read)
    assert _findings(folder, 2) == one
    assert not in_parent  # every paper came from the reader process
    assert not descendants()


def test_a_thread_of_ours_running_means_no_reader_process(tmp_path: Path) -> None:
    assert readerproc.usable()
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert not readerproc.usable()  # a fork would copy only this thread, and any lock the other held
        reader = paper_reader(SEED, Settings(jobs=2, no_cache=True))
        assert not reader.start_from_manifest()
    finally:
        stop.set()
        other.join()


def test_the_channel_carries_large_messages_and_tells_a_closed_end() -> None:
    down_read, down_write = os.pipe()
    up_read, up_write = os.pipe()
    here, there = readerproc.Channel(up_read, down_write), readerproc.Channel(down_read, up_write)
    big = [f"page {i} " * 2_000 for i in range(400)]  # about 6 MB, far more than a pipe holds

    def echo() -> None:
        there.send(there.recv())

    thread = threading.Thread(target=echo)
    thread.start()
    here.send(big)
    assert here.recv() == big
    thread.join()
    there.close()
    with pytest.raises(EOFError):
        here.recv()
    here.close()


@pytest.mark.skipif(not PROC, reason="reads /proc (Linux)")
def test_neither_the_reader_process_nor_its_workers_outlive_a_killed_parent(tmp_path: Path) -> None:
    busy = busy_files(tmp_path, 2)
    script = (
        "import sys, time\nfrom pathlib import Path\nfrom filelint import readerproc\n"
        "paths = [Path(p) for p in sys.argv[1:]]\n"
        "reader = readerproc.ReaderProcess(paths, {'jobs': 2, 'cache_dir': None, 'readers': (), 'within': None,"
        " 'backend': 'pdfminer'})\n"
        "print(reader.pid, flush=True)\ntime.sleep(60)\n"
    )
    parent = subprocess.Popen([sys.executable, "-c", script, *map(str, busy)], stdout=subprocess.PIPE, text=True)
    below: set[int] = set()
    try:
        assert parent.stdout is not None
        int(parent.stdout.readline())
        deadline = time.monotonic() + 20
        while len(below) < 3 and time.monotonic() < deadline:
            time.sleep(0.05)
            below = descendants(parent.pid)
        assert len(below) >= 3, "the reader process never started two workers"
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait(timeout=10)
        deadline = time.monotonic() + 5
        while any(map(running, below)) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not [pid for pid in below if running(pid)], "the reader process or its workers outlived the parent"
    finally:
        for pid in below | {parent.pid}:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        parent.wait(timeout=5)
        if parent.stdout is not None:
            parent.stdout.close()


def test_the_reader_process_imports_what_its_workers_need_once_before_it_forks_them() -> None:
    code = (
        "import sys\nfrom pathlib import Path\nfrom filelint.pdf import pool\n"
        "pool.preload([pool.Task(Path('a.pdf'), b'', 'a', backend='pdfium'),"
        " pool.Task(Path('b.x'), b'', 'b', reader='no_such_module:read')])\n"
        "print(*(m in sys.modules for m in ('pypdfium2', 'filelint.pdf.pdfium', 'pdfminer.pdfinterp')))\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert run.stdout.split() == ["True", "True", "False"]  # the backend in use; a failing import left to the worker


def test_a_rule_waiting_for_a_paper_hurries_the_reader_process(tmp_path: Path) -> None:
    paths = _papers(tmp_path / "papers")
    batch = start_documents(paths, jobs=2, thread=False)  # as the reader process starts it
    try:
        assert batch._pool is not None and not batch._pool.urgent
        batch.hurry([paths[3]])  # the long exhibit
        exhibit = {i for i, unit in enumerate(batch._pool.tasks) if unit.path == paths[3]}
        assert set(batch._pool.urgent) == exhibit and len(exhibit) >= 2  # its page ranges go next
    finally:
        batch._pool.cancel()
        batch._pool.shutdown()
    assert not descendants()


def test_a_reader_process_that_dies_leaves_the_reading_to_the_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(SEED, tmp_path / "case")
    folder = tmp_path / "case"
    one = _findings(folder, 1)
    settings = Settings(today=dt.date(2026, 11, 28), no_cache=True, jobs=2)
    readahead.begin([folder], settings)
    reader = readahead._STARTED[folder.resolve()].reader._background
    assert isinstance(reader, readerproc.ReaderProcess) and reader.pid is not None
    os.kill(reader.pid, signal.SIGKILL)  # as the kernel's out-of-memory killer would
    result = lint_folder(folder, load_plugins(autoload=False), settings, cwd=folder)
    assert sorted((f.code, f.message, f.location.path, f.location.line) for f in result.findings) == one
    assert capsys.readouterr().err.count("the reader process failed") == 1
    assert not descendants()
