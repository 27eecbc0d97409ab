"""A worker holds its running unit and the next (`pool.DEPTH`), so it never waits for the parent
between units; a file read in page ranges is sent to a worker once, not once per part."""

from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path
from typing import Any

from filelint.pdf import pool

from .test_parts import exhibit


class _Process:
    """Stands in for a worker process that has already exited."""

    exitcode = 0

    def is_alive(self) -> bool:
        return False

    def join(self, timeout: float | None = None) -> None:
        return None

    def kill(self) -> None:
        return None


class _Pipe:
    """Records what the pool sends to a worker."""

    def __init__(self) -> None:
        self.sent: list[Any] = []

    def send(self, message: Any) -> None:
        self.sent.append(message)

    def close(self) -> None:
        return None


def _task(name: str, size: int) -> pool.Task:
    data = name.encode() * (size // len(name) + 1)
    return pool.Task(Path(name), data[:size], hashlib.sha256(data[:size]).hexdigest(), backend="pdfium")


def _pool(tasks: list[pool.Task], workers: int = 2) -> tuple[pool._Pool, list[_Pipe]]:
    work = pool._Pool(tasks, workers, None, None)
    pipes = [_Pipe() for _ in range(workers)]
    work.workers = [pool._Worker(_Process(), pipe) for pipe in pipes]  # type: ignore[arg-type]
    return work, pipes


def test_each_worker_gets_a_running_unit_and_one_queued_behind_it() -> None:
    parts = [dataclasses.replace(_task("exhibit.pdf", 500_000), part=(i, 6)) for i in range(6)]
    work, _pipes = _pool(parts)
    work._assign()
    assert [list(w.queue) for w in work.workers] == [[0, 2], [1, 3]]
    assert list(work.pending) == [4, 5]  # the rest wait for a worker to finish one


def test_a_files_bytes_go_to_a_worker_once_then_its_other_parts_are_sent_without_them() -> None:
    parts = [dataclasses.replace(_task("exhibit.pdf", 500_000), part=(i, 4)) for i in range(4)]
    work, pipes = _pool(parts)
    work._assign()
    first, queued = pipes[0].sent
    assert first[1].data == parts[0].data and first[2] is False
    assert queued[1].data == b"" and queued[2] is True
    held: dict[str, bytes] = {}
    received = [pool._with_bytes(task, sent_before, held) for _, task, sent_before in pipes[0].sent]
    assert received == [parts[0], parts[2]]  # the worker reads them with the bytes, as sent once


def test_the_parent_and_the_worker_keep_the_same_files() -> None:
    """The parent's list of what a worker keeps mirrors the worker's own through any order of files."""
    files = [_task(f"f{i}.pdf", 40_000 + i) for i in range(4)]
    order = [0, 1, 0, 2, 1, 3, 0, 0, 3, 2, 1]
    worker = pool._Worker(_Process(), _Pipe())  # type: ignore[arg-type]
    held: dict[str, bytes] = {}
    for n, i in enumerate(order):
        _index, task, sent_before = pool._message(worker, n, files[i])
        assert pool._with_bytes(task, sent_before, held) == files[i]
        assert worker.held == list(held)
    assert len(held) == pool.HELD_FILES


def test_a_big_unit_is_not_queued_behind_a_running_one() -> None:
    """Its message would fill the pipe, and the parent would wait until the worker is free."""
    work, _pipes = _pool([_task("a.pdf", 500_000), _task("b.pdf", 500_000), _task("c.pdf", 500_000)])
    work._assign()
    assert [list(w.queue) for w in work.workers] == [[0], [1]] and list(work.pending) == [2]
    small, _ = _pool([_task("a.pdf", 500_000), _task("b.pdf", 500_000), _task("c.pdf", 2_000)])
    small._assign()
    assert [list(w.queue) for w in small.workers] == [[0, 2], [1]]


def test_the_cleaning_of_a_split_file_waits_for_a_free_worker() -> None:
    cleaning = dataclasses.replace(_task("exhibit.pdf", 0), raw=((), 0))
    work, _ = _pool([_task("a.pdf", 100), _task("b.pdf", 100), cleaning])
    work._assign()
    assert list(work.pending) == [2]


def test_a_unit_queued_on_a_worker_that_failed_goes_back_to_be_read_by_another() -> None:
    work, _pipes = _pool([_task("a.pdf", 100), _task("b.pdf", 100), _task("c.pdf", 100), _task("d.pdf", 100)])
    work._assign()
    failing = work.workers[0]
    assert list(failing.queue) == [0, 2]
    work.cancelled = True  # look at the order only: nothing is assigned again
    work._fail(failing, "timeout", "extraction did not finish")
    assert work.results[0].status == "timeout" and work.results[2] is None
    assert list(work.pending)[:1] == [2] and failing not in work.workers


def test_a_queued_unit_starts_its_clock_when_the_one_before_it_is_done() -> None:
    work, _ = _pool([_task("a.pdf", 100), _task("b.pdf", 100)], workers=1)
    work._assign()
    worker = work.workers[0]
    assert list(worker.queue) == [0, 1]
    worker.started = 0.0  # long ago: the unit before ran for a while
    worker.conn = _Reply(("done", 0, None))  # type: ignore[assignment]
    work.cancelled = True
    work._receive(worker)
    assert list(worker.queue) == [1] and worker.started > 0.0 and worker.done == 0


class _Reply(_Pipe):
    def __init__(self, message: Any) -> None:
        super().__init__()
        self.message = message

    def recv(self) -> Any:
        return self.message


def test_a_long_exhibit_read_in_queued_parts_has_the_text_of_a_one_job_read(tmp_path: Path) -> None:
    path = exhibit(tmp_path / "exhibit.pdf", 70)
    data = path.read_bytes()
    task = pool.Task(path, data, hashlib.sha256(data).hexdigest(), backend="pdfium")
    (one,) = pool.run_tasks([task], jobs=1)
    (two,) = pool.run_tasks([task], jobs=2)  # four parts of 17-18 pages, two of them queued
    assert two.pages == one.pages and two.status == one.status == "ok"
