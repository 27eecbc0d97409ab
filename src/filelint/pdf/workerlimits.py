"""What a PDF worker does to itself before its first document: die with its parent, and cap its
memory. Other readers (Word, email) that run in these workers get the same limits.

Dying with the parent takes three measures, because a worker blocked in ``send()`` to a dead
parent would otherwise keep its memory forever: the Linux parent-death signal (``prctl``), closing
the inherited parent ends of the other workers' pipes (so EOF and EPIPE arrive), and a thread
that watches the parent's pid (macOS, and a parent that died before ``prctl`` ran).
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Sequence
from typing import Any

#: Address space a worker may use, in MiB (env FILELINT_PDF_MEMORY_MB; 0 turns the limit off).
MEMORY_ENV, DEFAULT_MEMORY_MB = "FILELINT_PDF_MEMORY_MB", 2048
_PR_SET_PDEATHSIG = 1
_WATCH_INTERVAL = 0.5


def bind_to_parent(parent_pid: int, inherited: Sequence[int], watch: bool = True) -> None:
    """Make this worker exit when ``parent_pid`` does, however it ends (SIGKILL included). ``watch``
    False starts no thread to watch the parent's pid (the reader process, which forks workers and sees
    the parent go by its pipe, `filelint.readerproc`); only Linux's parent-death signal then holds."""
    # The parent's handlers (SIGTERM/SIGHUP raise KeyboardInterrupt) came with fork: a worker just dies.
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    for fd in inherited:
        try:
            os.close(fd)
        except OSError:
            pass  # already closed
    if sys.platform.startswith("linux"):
        _parent_death_signal()
    original = os.getppid()
    if original != parent_pid and not _alive(parent_pid):
        os._exit(0)  # the parent died before we could ask to die with it
    if watch:
        threading.Thread(target=_watch, args=(parent_pid, original), daemon=True, name="filelint-parent-watch").start()


def _parent_death_signal() -> None:
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
    except (OSError, AttributeError):
        pass  # no prctl (not glibc/musl): the pid watch below still holds


def _watch(parent_pid: int, original_ppid: int) -> None:
    while True:
        time.sleep(_WATCH_INTERVAL)
        if os.getppid() != original_ppid or not _alive(parent_pid):
            os._exit(0)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def memory_limit_mb() -> int:
    """The per-worker limit from FILELINT_PDF_MEMORY_MB (default 2048); junk means the default."""
    try:
        value = int(os.environ.get(MEMORY_ENV, DEFAULT_MEMORY_MB))
    except ValueError:
        return DEFAULT_MEMORY_MB
    return max(value, 0)


def limit_memory() -> None:
    """Cap this worker's address space, so one document cannot eat the machine: pdfminer then gets
    a MemoryError, reported for that document (`extract_within_memory`)."""
    megabytes = memory_limit_mb()
    try:
        import resource
    except ImportError:  # Windows: no rlimits; the time limit still holds
        return
    if not megabytes:
        return
    wanted = megabytes * 1024 * 1024
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        wanted = min(wanted, hard)
    try:
        resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))
    except (ValueError, OSError):
        pass  # a platform that refuses it (macOS): the time limit still holds


def extract_within_memory(extract: Callable[..., Any], task: Any, report: Callable[..., None]) -> Any:
    """``extract`` the task, turning running out of the memory limit into a clear failure."""
    from filelint.pdf.model import failure

    def page_done(pages: int) -> None:
        report(pages, kind="page")

    try:
        result = extract(task.path, task.data, task.sha256, report, page_done)
    except MemoryError:
        result = None
    if result is None or (result.status == "error" and "MemoryError" in result.detail):
        return failure(
            task.path,
            task.sha256,
            "error",
            f"needs more memory than the per-document limit ({memory_limit_mb()} MB; {MEMORY_ENV} raises it)",
        )
    return result
