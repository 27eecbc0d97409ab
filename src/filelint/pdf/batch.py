"""One batch of papers read through the worker pool: the loop both readers share.

`filelint.pdf.read_documents` (PDF only) and `filelint.documents.read_documents` (every format)
differ only in how one path becomes a final result or a task (`Prepare`) and where a result is
cached (`Store`); the rest is here: each path once, files with identical bytes extracted once,
one pool for the whole batch, a progress line, results keyed by the paths as given.
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from filelint.pdf.model import DocumentText
from filelint.pdf.pool import Task, run_tasks

#: A path's final result (a failure, a cache hit) or the task that extracts it.
Prepare = Callable[[Path], "DocumentText | Task"]
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
    done: dict[Path, DocumentText] = {}
    todo: dict[tuple[str, str], list[Task]] = {}
    for path in unique:
        result = prepare(path)
        if isinstance(result, Task):
            todo.setdefault((result.sha256, result.reader), []).append(result)
            continue
        done[path] = result
        if meter is not None:
            meter.step(path)
    firsts = [same[0] for same in todo.values()]
    on_start = meter.step_task if meter is not None else None
    for task, doc in zip(firsts, run_tasks(firsts, jobs=jobs, timeout=timeout, on_start=on_start), strict=True):
        if store is not None:
            store(task, doc)
        for same in todo[(task.sha256, task.reader)]:
            done[same.path] = dataclasses.replace(doc, path=same.path)
            if meter is not None and same is not task:
                meter.step(same.path)
    if meter is not None:
        meter.finish()
    return {path: done[path] for path in unique}


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
