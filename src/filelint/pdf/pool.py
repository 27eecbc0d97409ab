"""Run extractions in worker processes, with a time limit per document.

pdfminer is pure Python with no timeout of its own, and some files make it
loop for minutes (pdfminer.six #879, #909). A worker process can be killed
cleanly, a thread cannot; workers also give parallelism (one file, or one
page range of a long PDF, per worker: filelint.pdf.parts). Each worker is
reused for many files so pdfminer is imported once per worker, not once per
file.

The default time limit is earned by work actually done, never by what the
file says about itself: 5 s plus a little per megabyte to parse the file,
plus 0.5 s for each page the worker has finished (a 1-page file declaring
100,000 pages gets no more time than a 1-page file). Each worker also has
an address-space limit (filelint.pdf.workerlimits) and dies with the
parent: SIGKILL of filelint leaves no worker behind.
"""

from __future__ import annotations

import dataclasses
import math
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.context import ForkContext, ForkServerContext, SpawnContext
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import TYPE_CHECKING, Any

from filelint.pdf.model import DocumentText, failure

if TYPE_CHECKING:
    from filelint.pdf.parts import Part

BASE_SECONDS = 5.0
PER_PAGE_SECONDS = 0.5
#: Parsing speed credited before the first page is done (slow, on purpose).
_BYTES_PER_SECOND = 2_000_000
#: Seconds a run fed by a thread waits at most before it looks whether it was cancelled or hurried.
_CANCEL_TICK = 0.02
#: Units a worker holds at once when a thread of the parent feeds the pool: the one it reads and the
#: next. A worker that finishes a unit starts the next at once, instead of waiting until the parent
#: takes its result and sends another (milliseconds: the feeding thread needs the interpreter lock the
#: rules hold). A pool fed by a process of its own (`filelint.readerproc`) answers at once and keeps
#: one unit per worker, so that no unit waits behind a long one while another worker idles.
DEPTH = 2
#: A second unit is queued behind a running one only when its message is this small (it fits in
#: the pipe, so sending it never blocks the parent until the worker has finished the first).
QUEUED_BYTES = 32_768
#: Files whose bytes a worker keeps, so that the next parts of a file read in page ranges are sent
#: without them (the parent mirrors the list: `_Worker.held`).
HELD_FILES = 2


@dataclass(frozen=True)
class Task:
    """One document to extract: its path, bytes, their sha256 and the reader to use
    (``"module:function"``, see filelint.documents.registry)."""

    path: Path
    data: bytes
    sha256: str
    reader: str = "filelint.pdf.extract:extract"
    backend: str = "pdfminer"  # resolved: "pdfium" or "pdfminer"
    part: tuple[int, int] | None = None  # (i, n): the i-th of n page ranges of a PDF (filelint.pdf.parts)
    #: A PDF read in parts: every part's pickled (pages, covers) in page order, and their pages, to be
    #: cleaned and classified as one document (in a worker: the parent only hands them on, unopened;
    #: `filelint.pdf.parts.Part`). ``data`` is then empty.
    raw: tuple[tuple[bytes, ...], int] | None = field(default=None, compare=False)


#: The PDF reader's spec: it alone takes a backend and reports each finished page (time is earned per page).
PDF_READER = "filelint.pdf.extract:extract"


def extract_task(
    task: Task, on_page_count: Callable[..., None] | None = None, on_page_done: Callable[..., None] | None = None
) -> DocumentText | Part:
    """Run the task's reader (in whatever process calls this); a part of a PDF gives a `Part`."""
    if task.raw is not None:
        from filelint.pdf.extract import finish
        from filelint.pdf.parts import unpack

        return finish(task.path, task.sha256, *unpack(task.raw[0]), stripped=True)  # as `Part`s are
    if task.part is not None:
        from filelint.pdf.parts import extract_part

        return extract_part(task, on_page_count, on_page_done)
    if task.reader == PDF_READER:
        from filelint.pdf.extract import extract

        return extract(task.path, task.data, task.sha256, on_page_count, on_page_done, backend=task.backend)
    from filelint.documents.registry import run

    return run(task.reader, task.path, task.data, task.sha256, on_page_count)


#: The modules a worker imports to read a PDF with each backend (`preload`).
_PDF_MODULES = {
    "pdfium": ("pypdfium2", "pypdfium2.raw", "filelint.pdf.pdfium"),
    "pdfminer": (
        "pdfminer.converter",
        "pdfminer.layout",
        "pdfminer.pdfdocument",
        "pdfminer.pdfinterp",
        "pdfminer.pdfpage",
        "pdfminer.pdfparser",
    ),
}


def preload(tasks: Sequence[Task]) -> None:
    """Import what the workers will need to run ``tasks``, before they are forked: they share it then,
    instead of each importing it again (pdfminer takes about 200 ms, pypdfium2 about 15). Only where the
    import is off the rules' way (the reader process, `filelint.readerproc`); an import that fails is
    left to the worker, which reports it for the file as it always did."""
    import importlib

    names = ["filelint.pdf.extract", "filelint.pdf.parts"]
    for reader, backend in {(t.reader, t.backend) for t in tasks}:
        names.extend(_PDF_MODULES.get(backend, ()) if reader == PDF_READER else [reader.partition(":")[0]])
    for name in dict.fromkeys(names):
        try:
            importlib.import_module(name)
        except Exception:  # noqa: S112  # the worker meets the same failure, and reports it
            continue


def default_timeout(pages: int) -> float:
    """The default time limit for a document of this many pages."""
    return BASE_SECONDS + PER_PAGE_SECONDS * max(pages, 0)


def run_tasks(
    tasks: Sequence[Task],
    *,
    jobs: int = 1,
    timeout: float | None = None,
    on_start: Callable[[Task], None] | None = None,
) -> list[DocumentText]:
    """Extract every task; results in task order.

    ``timeout`` is seconds per document; None means `default_timeout` of its
    page count; ``math.inf`` means no limit, and with ``jobs == 1`` the work
    then runs in this process (no worker start-up cost at all). With more
    than one job a long PDF is read in page ranges by several workers
    (`filelint.pdf.parts`); its result is the same as a whole-file read.
    """
    if not tasks:  # every paper came from the cache: no pool to set up
        return []
    if timeout is not None and math.isinf(timeout) and jobs == 1:
        return _run_inline(tasks, on_start)
    from filelint.pdf.parts import Split

    split = Split(tasks, jobs, on_start)
    _Pool(split.units, jobs, timeout, split.started, split.done).run()
    return split.results()


def _run_inline(tasks: Sequence[Task], on_start: Callable[[Task], None] | None) -> list[DocumentText]:
    results: list[DocumentText] = []
    for task in tasks:
        if on_start is not None:
            on_start(task)
        doc = extract_task(task)
        assert isinstance(doc, DocumentText)  # one job: never split into parts
        results.append(doc)
    return results


def _worker_main(conn: Connection, parent_pid: int, inherited: Sequence[int]) -> None:
    """Worker loop: receive (index, task), send ("count", index, n) early, ("page", index, n)
    after each page and ("done", index, result) at the end; stop on None or a closed pipe."""
    # Ctrl-C goes to the whole process group; the parent handles it and
    # kills the workers, so a worker must not die with a traceback first.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from filelint.pdf import workerlimits

    workerlimits.bind_to_parent(parent_pid, inherited)
    workerlimits.limit_memory()

    held: dict[str, bytes] = {}
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):  # the parent is gone, perhaps in the middle of a message
            return
        if message is None:
            return
        index, task, sent_before = message
        task = _with_bytes(task, sent_before, held)

        def report(pages: int, index: int = index, kind: str = "count") -> None:
            conn.send((kind, index, pages))

        def run_task(path: Any, data: bytes, sha256: str, count: Any, page_done: Any, _task: Task = task) -> Any:
            return extract_task(_task, count, page_done)

        result = workerlimits.extract_within_memory(run_task, task, report)
        conn.send(("done", index, result))


def _with_bytes(task: Task, sent_before: bool, held: dict[str, bytes]) -> Task:
    """The task with its file's bytes: sent with it (and kept), or kept from an earlier part.
    Both sides update their lists in the order of the messages, so they always agree."""
    if sent_before:
        data = held.pop(task.sha256)
        held[task.sha256] = data
        return dataclasses.replace(task, data=data)
    if task.data:
        held.pop(task.sha256, None)
        held[task.sha256] = task.data
        while len(held) > HELD_FILES:
            del held[next(iter(held))]
    return task


def _message(worker: _Worker, index: int, task: Task) -> tuple[int, Task, bool]:
    """What the worker is sent for a unit: without the file's bytes if it keeps them already."""
    sent_before = bool(task.data) and task.sha256 in worker.held
    if task.data:
        if sent_before:
            worker.held.remove(task.sha256)
        worker.held.append(task.sha256)
        del worker.held[:-HELD_FILES]
    return index, (dataclasses.replace(task, data=b"") if sent_before else task), sent_before


def _small(worker: _Worker, task: Task) -> bool:
    """Whether the unit's message is small enough to queue behind a running unit (`QUEUED_BYTES`)."""
    return task.raw is None and (task.sha256 in worker.held or len(task.data) <= QUEUED_BYTES)


def _fork_worker(
    context: ForkContext | ForkServerContext | SpawnContext, others: Sequence[Connection], more: Sequence[int] = ()
) -> _Worker:
    parent, child = context.Pipe()
    # A forked worker inherits our ends of every pipe, its own included; it closes them, or
    # none of them would see EOF when we die (fork only: other start methods inherit nothing).
    forked = context.get_start_method() == "fork"
    inherited = [c.fileno() for c in others] + [parent.fileno(), *more] if forked else []
    process = context.Process(target=_worker_main, args=(child, os.getpid(), inherited), daemon=True)
    process.start()
    child.close()
    return _Worker(process, parent)


def _context() -> ForkContext | ForkServerContext | SpawnContext:
    """fork is fastest and re-imports nothing, but forking while another thread
    runs (a progress spinner) can copy a held lock into the child; then use a
    fork server, or spawn where there is none (Windows)."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and not _other_threads():
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        return multiprocessing.get_context("forkserver")
    return multiprocessing.get_context("spawn")


def _other_threads() -> list[threading.Thread]:
    """Threads besides this one that would run during a fork (filelint's watchdog is stopped
    before every fork, so it does not count: filelint.boundary)."""
    me = threading.current_thread()
    return [t for t in threading.enumerate() if t is not me and not getattr(t, "stops_before_fork", False)]


@dataclass
class _Worker:
    """A worker process, its pipe, and the units sent to it: the first is running, the next waits
    in the pipe (`DEPTH`)."""

    process: BaseProcess
    conn: Connection
    queue: deque[int] = field(default_factory=deque)
    held: list[str] = field(default_factory=list)  # sha256 of the files whose bytes it keeps, oldest first
    started: float = 0.0  # when the running unit started
    deadline: float = math.inf
    pages: int = 0  # as the file declares it (shown, not trusted)
    done: int = 0  # pages actually read

    @property
    def index(self) -> int | None:
        """The unit the worker is running, or None when it is idle."""
        return self.queue[0] if self.queue else None


class _Pool:
    """Schedules tasks on up to ``jobs`` workers and enforces deadlines."""

    def __init__(
        self,
        tasks: Sequence[Task],
        jobs: int,
        timeout: float | None,
        on_start: Callable[[Task], None] | None,
        on_done: Callable[[int, Any], Sequence[Task]] | None = None,
    ) -> None:
        self.tasks = list(tasks)
        self.jobs = max(1, min(jobs, len(tasks)))
        self.timeout = timeout
        self.on_start = on_start
        self.on_done = on_done  # may return follow-up tasks, run by this same pool
        self.results: list[Any] = [None] * len(tasks)
        self.pending = deque(range(len(tasks)))
        self.workers: list[_Worker] = []
        self.cancelled = False
        #: Longest wait for a worker's message: short when another thread may `cancel` the run.
        self.tick: float | None = None
        #: Units another thread needs now (`hurry`): started before the rest of ``pending``.
        self.urgent: deque[int] = deque()
        #: Units a worker holds at once (`DEPTH`).
        self.depth = DEPTH
        #: Another connection to wait on beside the workers', and what to do when it is ready (the
        #: parent's requests to a reader process: `filelint.readerproc`).
        self.listen: tuple[Any, Callable[[], None]] | None = None
        #: Descriptors a forked worker closes (besides the pool's own pipes).
        self.close_in_workers: list[int] = []

    def spawn_all(self) -> None:
        """Fork the workers and give each its first task, in the calling thread: a run fed by another
        thread (`filelint.pdf.batch.Background`) starts so, and that thread then never forks."""
        self.tick = _CANCEL_TICK
        self._assign()

    def hurry(self, indices: Sequence[int]) -> None:
        """Start these units (from another thread) before any other still waiting, in this order."""
        self.urgent.extend(indices)  # one append per unit: safe beside the feeding thread

    def cancel(self) -> None:
        """Stop the run (from another thread): nothing more is assigned, the workers are killed."""
        self.cancelled = True

    def run(self) -> list[DocumentText]:
        try:
            while not self.cancelled and (self.pending or self._busy()):
                self._assign()
                self._collect()
        finally:
            self.shutdown()
        return [r for r in self.results if r is not None]

    def _busy(self) -> list[_Worker]:
        return [w for w in self.workers if w.index is not None]

    def _assign(self) -> None:
        if self.urgent:
            self._reorder()
        while self.pending and not self.cancelled:
            worker = self._free_worker()
            if worker is None:
                return
            self._start(worker, self.pending.popleft())

    def _free_worker(self) -> _Worker | None:
        """An idle worker; else a new one while fewer than ``jobs`` run; else the least loaded with room."""
        idle = next((w for w in self.workers if not w.queue), None)
        if idle is not None:
            return idle
        if len(self.workers) < self.jobs:
            return self._spawn()
        task = self.tasks[self.pending[0]]
        room = [w for w in self.workers if len(w.queue) < self.depth and _small(w, task)]
        return min(room, key=lambda w: len(w.queue)) if room else None

    def _reorder(self) -> None:
        """Move the units `hurry` asked for to the front of ``pending`` (those not started yet)."""
        asked: list[int] = []
        while self.urgent:
            asked.append(self.urgent.popleft())
        waiting = set(self.pending)
        first = [i for i in dict.fromkeys(asked) if i in waiting]
        if first:
            chosen = set(first)
            self.pending = deque(first + [i for i in self.pending if i not in chosen])

    def _spawn(self) -> _Worker:
        context = _context()  # chosen at each start: another thread may be running by now
        worker = _fork_worker(context, [w.conn for w in self.workers], self.close_in_workers)
        self.workers.append(worker)
        return worker

    def _start(self, worker: _Worker, index: int) -> None:
        task = self.tasks[index]
        if self.on_start is not None:
            self.on_start(task)
        worker.queue.append(index)
        if len(worker.queue) == 1:
            self._running(worker)
        try:
            worker.conn.send(_message(worker, index, task))
        except OSError:  # the worker died before this task (or while running the one before it)
            started = worker.queue[0] == index
            self._fail(worker, "error", "extraction process " + ("failed to start" if started else "died"))

    def _running(self, worker: _Worker) -> None:
        """The worker's first unit has started now: its clock and page counts begin."""
        worker.pages, worker.done = 0, 0
        worker.started = time.monotonic()
        worker.deadline = worker.started + self._allowance(self.tasks[worker.queue[0]], 0)

    def _collect(self) -> None:
        busy = self._busy()
        if not busy:
            return
        soonest = min(w.deadline for w in busy)
        wait_for = None if math.isinf(soonest) else max(0.0, soonest - time.monotonic())
        if self.tick is not None:
            wait_for = self.tick if wait_for is None else min(wait_for, self.tick)
        extra = [self.listen[0]] if self.listen is not None else []
        ready = wait([*extra, *(w.conn for w in busy)], timeout=wait_for)
        if self.listen is not None and self.listen[0] in ready:
            self.listen[1]()
        for worker in busy:
            if worker.conn in ready:
                self._receive(worker)
        now = time.monotonic()
        for worker in self._busy():
            if now >= worker.deadline:
                self._fail(worker, "timeout", self._timeout_detail(worker, now))

    def _receive(self, worker: _Worker) -> None:
        try:
            kind, index, payload = worker.conn.recv()
        except (EOFError, OSError):
            worker.process.join(timeout=1)  # the pipe closes just before the exit
            code = worker.process.exitcode
            self._fail(worker, "error", f"extraction process died (exit code {code})")
            return
        if kind == "count":
            worker.pages = int(payload)  # what the file declares: shown, never trusted for time
        elif kind == "page" and index == worker.index:
            worker.done = int(payload)
            worker.deadline = worker.started + self._allowance(self.tasks[index], worker.done)
        elif kind == "done" and index == worker.index:
            worker.queue.popleft()
            if worker.queue:
                self._running(worker)  # the worker went on to its next unit when it sent this
            self._finished(index, payload)

    def _allowance(self, task: Task, pages_done: int) -> float:
        """Seconds the task may run: the fixed limit, or time earned by the work done so far."""
        if self.timeout is not None:
            return self.timeout
        if task.raw is not None:  # cleaning pages the parts have read: earned by those pages
            pages_done = max(pages_done, task.raw[1])
        return default_timeout(pages_done) + len(task.data) / _BYTES_PER_SECOND

    def _timeout_detail(self, worker: _Worker, now: float) -> str:
        pages = f" ({worker.done} of the {worker.pages} pages it declares read)" if worker.pages else ""
        return f"extraction did not finish within {now - worker.started:.1f} s{pages}"

    def _fail(self, worker: _Worker, status: str, detail: str) -> None:
        """Record a failure for the worker's task and retire the worker: after
        a timeout or a crash its state is unknown."""
        assert worker.index is not None
        index, task = worker.index, self.tasks[worker.index]
        self._kill(worker)
        self.workers.remove(worker)
        worker.queue.popleft()
        self.pending.extendleft(reversed(worker.queue))  # sent but never started: another worker reads them
        worker.queue.clear()
        self._finished(index, failure(task.path, task.sha256, status, detail, worker.pages))

    def _finished(self, index: int, result: Any) -> None:
        self.results[index] = result
        # A follow-up completes a file whose parts are all in (its cleaning, or the file read whole):
        # it goes first, since nothing of that file is usable until it is done.
        for task in reversed(list(self.on_done(index, result) if self.on_done is not None else ())):
            self.tasks.append(task)
            self.results.append(None)
            self.pending.appendleft(len(self.tasks) - 1)
        self._assign()

    @staticmethod
    def _kill(worker: _Worker) -> None:
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join(timeout=5)
        worker.conn.close()

    def shutdown(self) -> None:
        """Stop every worker: idle ones are asked to quit, busy ones killed."""
        for worker in self.workers:
            if worker.index is None:
                _send_quietly(worker.conn, None)
        for worker in self.workers:
            if worker.index is None:
                worker.process.join(timeout=1)
            self._kill(worker)
        self.workers.clear()


def _send_quietly(conn: Connection, message: Any) -> None:
    try:
        conn.send(message)
    except (OSError, ValueError):
        pass  # worker already gone
