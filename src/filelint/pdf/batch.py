"""One batch of papers read through the worker pool: the loop both readers share.

`filelint.pdf.read_documents` (PDF only) and `filelint.documents.read_documents` (every format)
differ only in how one path becomes a final result or a task (`Prepare`) and where a result is
cached (`Store`); the rest is here: each path once, files with identical bytes extracted once,
one pool for the whole batch, a progress line, results keyed by the paths as given.

`start_batch` runs the same batch in the background (``--jobs`` > 1): the workers are forked at
once, in the calling thread, and a thread feeds them and collects what they send, so the caller
goes on (the rules that need no paper run meanwhile) and waits only for the paper it asks for
(`Background.result`). In a reader process (`filelint.readerproc`) the batch is fed by that
process's only thread instead, which answers the parent's requests as it goes (`Background.serve`).
"""

from __future__ import annotations

import dataclasses
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from filelint.pdf.model import DocumentText
from filelint.pdf.pool import Task, run_tasks

#: A path's final result (a failure, a cache hit) or the task that extracts it; None leaves the path
#: out (a background batch's `Background.result` is then None for it, `read_batch` has no key for it).
Prepare = Callable[[Path], "DocumentText | Task | None"]
#: Keep a freshly extracted result (the cache), given the task that produced it.
Store = Callable[[Task, DocumentText], None]


def read_batch(
    paths: Sequence[Path],
    prepare: Prepare,
    store: Store | None = None,
    *,
    jobs: int = 1,
    timeout: float | None = None,
    progress: bool = False,
) -> dict[Path, DocumentText]:
    """Every path's result, keyed by the paths as given (each read once); see `run_tasks` for
    ``jobs`` and ``timeout``."""
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, got {jobs}")
    unique = list(dict.fromkeys(paths))
    meter = _Progress(len(unique)) if progress else None
    done, todo = _prepare(unique, prepare, meter)
    firsts = [same[0] for same in todo.values()]
    on_start = meter.step_task if meter is not None else None
    for task, doc in zip(firsts, run_tasks(firsts, jobs=jobs, timeout=timeout, on_start=on_start), strict=True):
        _deliver(task, doc, todo, done, store, meter)
    if meter is not None:
        meter.finish()
    return {path: done[path] for path in unique if path in done}


def _prepare(
    unique: Sequence[Path], prepare: Prepare, meter: _Progress | None
) -> tuple[dict[Path, DocumentText], dict[tuple[str, str], list[Task]]]:
    """Final results known without extracting (cache hits, failures), and the tasks to run grouped
    by content and reader (files with identical bytes are extracted once)."""
    done: dict[Path, DocumentText] = {}
    todo: dict[tuple[str, str], list[Task]] = {}
    for path in unique:
        result = prepare(path)
        if result is None:
            continue
        if isinstance(result, Task):
            todo.setdefault((result.sha256, result.reader), []).append(result)
            continue
        done[path] = result
        if meter is not None:
            meter.step(path)
    return done, todo


def _deliver(
    task: Task,
    doc: DocumentText,
    todo: dict[tuple[str, str], list[Task]],
    done: dict[Path, DocumentText],
    store: Store | None,
    meter: _Progress | None = None,
) -> None:
    """A task's result: cached, and given to every path with the same bytes."""
    if store is not None:
        store(task, doc)
    for same in todo[(task.sha256, task.reader)]:
        done[same.path] = dataclasses.replace(doc, path=same.path)
        if meter is not None and same is not task:
            meter.step(same.path)


def start_batch(
    paths: Sequence[Path],
    prepare: Prepare,
    store: Store | None = None,
    *,
    jobs: int,
    timeout: float | None = None,
    thread: bool = True,
) -> Background:
    """Start reading ``paths`` in the background; `Background.result` gives each path's result.
    ``thread`` False: nothing is started until the caller feeds the workers (`Background.serve`)."""
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, got {jobs}")
    done, todo = _prepare(list(dict.fromkeys(paths)), prepare, None)
    return Background(done, todo, store, jobs, timeout, thread)


class Background:
    """A batch being read by worker processes while the caller goes on.

    Thread-safety: the feeding thread writes results under ``_ready``; the caller only reads them
    under it. The feeding thread never forks: the workers are forked here, in the caller's thread,
    before it starts (a worker that must be replaced later comes from a fork server:
    `filelint.pdf.pool`).
    """

    def __init__(
        self,
        done: dict[Path, DocumentText],
        todo: dict[tuple[str, str], list[Task]],
        store: Store | None,
        jobs: int,
        timeout: float | None,
        thread: bool = True,
    ) -> None:
        from filelint.pdf.parts import Split
        from filelint.pdf.pool import _Pool as Pool

        self._done = done
        self._todo = todo
        self._held = set(done) | {task.path for same in todo.values() for task in same}
        self._store = store
        self._ready = threading.Condition()
        self._error: BaseException | None = None
        self._thread: threading.Thread | None = None
        self._channel: Any = None  # the parent's requests, when this process serves them (`serve`)
        self._wants: list[Path] = []  # paths the parent waits for, not read yet
        self._root_of: Callable[[str], Path | None] = lambda sha256: None
        self._pool: Pool | None = None  # none when every path was known without reading
        firsts = [same[0] for same in todo.values()]
        #: Each path's file among ``firsts`` (files with the same bytes are read once).
        self._owner = {task.path: i for i, same in enumerate(todo.values()) for task in same}
        if not firsts:
            return
        self._split = Split(firsts, jobs, None, in_order=True)
        self._pool = pool = Pool(self._split.units, jobs, timeout, self._split.started, self._arrived)
        if not thread:
            return  # a reader process: `serve` sets the pool up for it before the workers are forked
        try:
            pool.spawn_all()
        except BaseException:  # interrupted while the workers started: none may outlive us
            pool.cancel()
            pool.shutdown()
            raise
        self._thread = threading.Thread(target=self._feed, name="filelint-reader", daemon=True)
        self._thread.start()

    def hurry(self, paths: Sequence[Path]) -> None:
        """Read these paths next, in this order (a rule is about to wait for them)."""
        owners = {self._owner[p] for p in paths if p in self._owner and p not in self._done}
        if owners and self._pool is not None:
            units = [i for i, owner in enumerate(list(self._split.owner)) if owner in owners]
            order = {owner: n for n, owner in enumerate(self._owner[p] for p in paths if p in self._owner)}
            self._pool.hurry(sorted(units, key=lambda i: order[self._split.owner[i]]))

    def result(self, path: Path) -> DocumentText | None:
        """The path's result, waiting for it if it is still being read; None if the batch does
        not hold the path (or was stopped before reading it)."""
        if path not in self._held:
            return None  # never waits for a batch that will not read it
        with self._ready:
            while path not in self._done and self._running():
                self._ready.wait()
            if self._error is not None:
                raise RuntimeError("reading papers failed") from self._error
            return self._done.get(path)

    def close(self) -> None:
        """Stop reading (workers killed) and wait for the feeding thread; idempotent."""
        if self._thread is None or self._pool is None:
            return
        self._pool.cancel()
        self._thread.join()

    def _running(self) -> bool:
        return self._thread is not None and self._thread.is_alive() and self._error is None

    def serve(self, channel: Any, root_of: Callable[[str], Path | None], close_in_workers: Sequence[int] = ()) -> None:
        """Feed the workers in this thread (a batch started with ``thread`` False), and answer the
        requests that come on ``channel`` (`filelint.readerproc.Channel`) until it says stop
        or closes: ``("hurry", paths)``, ``("want", path)`` (answered ``("doc", result, root)``, with
        ``root_of(sha256)``, as soon as the path is read) and None. A path the batch does not hold, or
        that a failed batch never read, is answered ``("doc", None, None)``; a failure of the batch
        itself ``("error", why)``. ``close_in_workers``: descriptors a worker forked here closes."""
        self._channel, self._root_of = channel, root_of
        pool = self._pool
        try:
            if pool is not None:
                from filelint.pdf.pool import preload

                preload(self._split.tasks)  # the workers, forked by `run`, share what this process imports now
                pool.tick, pool.depth = None, 1  # no other thread to look at; it answers at once
                pool.listen = (channel, self._request)
                pool.close_in_workers = list(close_in_workers)
                pool.run()
        except Exception as exc:  # told to the parent when it asks, as the feeding thread's are
            self._error = exc
        while self._channel is not None:
            self._answer()
            self._request()

    def _request(self) -> None:
        """One request from the parent (`serve`)."""
        try:
            message = self._channel.recv()
        except (EOFError, OSError):
            message = None  # the parent is gone
        if message is None:
            self._channel = None
            pool = self._pool
            if pool is not None:
                pool.cancel()
            return
        kind, what = message
        if kind == "hurry":
            self.hurry(what)
        else:
            self._wants.append(what)
        self._answer()

    def _answer(self) -> None:
        """Send the parent every path it waits for that is read (or will never be)."""
        if self._channel is None:
            return
        pool = self._pool
        over = pool is None or self._error is not None or not (pool.pending or pool._busy())
        waiting: list[Path] = []
        for path in self._wants:
            if self._error is not None:
                self._channel.send(("error", f"{type(self._error).__name__}: {self._error}"))
            elif path in self._done or path not in self._held or over:
                doc = self._done.get(path)
                root = self._root_of(doc.sha256) if doc is not None else None
                self._channel.send(("doc", doc, root))
            else:
                waiting.append(path)
        self._wants = waiting

    def _feed(self) -> None:
        assert self._pool is not None  # the thread starts only with a pool
        try:
            self._pool.run()
        except BaseException as exc:  # given to the caller by `result`, never lost in this thread
            self._error = exc
        finally:
            with self._ready:
                self._ready.notify_all()

    def _arrived(self, index: int, result: Any) -> Sequence[Task]:
        """A unit's result (in the feeding thread): merged with its file's other parts; a file's
        final result is cached and handed to the caller."""
        follow = self._split.done(index, result)
        owner = self._split.owner[index]
        doc = self._split.merged[owner]
        if doc is not None and not follow:
            task = self._split.tasks[owner]
            results: dict[Path, DocumentText] = {}
            _deliver(task, doc, self._todo, results, self._store)
            with self._ready:
                self._done.update(results)
                self._ready.notify_all()
            if self._wants:
                self._answer()
        return follow


class _Progress:
    """``\\r[3/12] reading decl.pdf`` on stderr, cleared at the end."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.count = 0
        self.width = 0

    def step(self, path: Path) -> None:
        self.count += 1
        # control characters shown as escapes, as filelint.output.escape.terminal does (pdf/ sits
        # below output/): a file name must not move the cursor or retitle the terminal
        name = "".join(c if c.isprintable() else repr(c)[1:-1] for c in path.name)
        self._show(f"[{self.count}/{self.total}] reading {name}")

    def step_task(self, task: Task) -> None:
        self.step(task.path)

    def finish(self) -> None:
        if self.width:
            self._show("")
            sys.stderr.write("\r")
            sys.stderr.flush()

    def _show(self, line: str) -> None:
        # Pad over the previous, possibly longer, line.
        sys.stderr.write("\r" + line.ljust(self.width))
        sys.stderr.flush()
        self.width = max(self.width, len(line))
