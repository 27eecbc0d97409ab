"""This test process's child processes, read from /proc (Linux): the PDF workers of a thread-fed batch
are its children, those of a reader process (`filelint.readerproc`) its grandchildren, which
`multiprocessing.active_children` does not see."""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

PROC = Path("/proc/self/task").exists()


def descendants(pid: int | None = None) -> set[int]:
    """Running (not zombie) processes below ``pid`` (this process), at any depth; without /proc,
    multiprocessing's children."""
    if not PROC:
        return {p.pid for p in multiprocessing.active_children() if p.pid is not None}
    multiprocessing.active_children()  # reaps the multiprocessing children that have ended
    found: set[int] = set()
    todo = [os.getpid() if pid is None else pid]
    while todo:
        for child in _children(todo.pop()):
            if child not in found:
                found.add(child)
                todo.append(child)
    return {p for p in found - _servers() if running(p)}


def _servers() -> set[int]:
    """multiprocessing's own helpers (a fork server lives as long as the test process)."""
    from multiprocessing import forkserver, resource_tracker

    pids = {getattr(forkserver._forkserver, "_forkserver_pid", None), resource_tracker._resource_tracker._pid}
    return {p for p in pids if p is not None}


def running(pid: int) -> bool:
    """Alive and not a zombie (a zombie holds no memory; only its exit status waits for a reaper)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found.update(int(c) for c in (task / "children").read_text().split())
        except OSError:
            pass
    return found
