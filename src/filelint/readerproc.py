"""A folder's papers read by a process of its own (``--jobs`` above 1, where the system can fork).

The background batch (`filelint.pdf.batch.Background`) can be fed by a thread of the parent, but that
thread shares the interpreter lock with the rules: each time a worker finishes, its next unit waits
until the rules let go of the lock (milliseconds, several times per unit), so a worker is given a
second unit ahead, which at the end of a run can leave one unit waiting behind a long one while the
other worker idles. A reader process runs no rules: it forks the workers, feeds them, merges a long
PDF's page ranges and has them cleaned the moment they are in, and sends the parent a paper when a
rule asks for it. The start of the reading leaves the parent too: the reading modules are imported,
the files opened, hashed and looked up in the cache, and the workers forked, in the reader process
while the parent loads the command line parser, the configuration and the packs.

`ReaderProcess` has `Background`'s interface (`hurry`, `result`, `close`). It is used only when the
system can fork and no other thread runs (a fork copies the forking thread alone, and with it any
lock another thread held); otherwise the thread reads. The reader process ends when the parent says
so or its end of the pipe closes (the parent is gone), and, on Linux, with the parent's death; its
workers end with it.
"""

from __future__ import annotations

import contextlib
import os
import struct
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

TYPE_CHECKING = False  # not `typing`'s, nor `pickle` yet: this module is imported before the fork
if TYPE_CHECKING:
    from typing import Any

    from filelint.pdf.model import DocumentText

#: Seconds `ReaderProcess.close` waits for the reader process to stop its workers and end, before it
#: kills it (its workers then die with it).
STOP_SECONDS = 5.0
_LENGTH = struct.Struct("<Q")


def usable() -> bool:
    """Whether a reader process may be forked here: the system forks, and no thread of ours runs
    (filelint's watchdog stops itself before a fork: `filelint.boundary`)."""
    if not hasattr(os, "fork"):
        return False
    threading = sys.modules.get("threading")
    if threading is None:
        return True  # nothing has even imported threads
    me = threading.current_thread()
    return all(t is me or getattr(t, "stops_before_fork", False) for t in threading.enumerate())


class Channel:
    """Pickled messages over two pipes, each framed by its length (both ends are filelint's own)."""

    def __init__(self, read_fd: int, write_fd: int) -> None:
        self._read, self._write = read_fd, write_fd

    def fileno(self) -> int:
        """The end to read (`multiprocessing.connection.wait` waits on it)."""
        return self._read

    def send(self, message: Any) -> None:
        import pickle

        data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
        self._write_all(_LENGTH.pack(len(data)))
        self._write_all(data)

    def recv(self) -> Any:
        """The next message; EOFError when the other end is closed."""
        import pickle

        (size,) = _LENGTH.unpack(self._exactly(_LENGTH.size))
        return pickle.loads(self._exactly(size))

    def close(self) -> None:
        for fd in (self._read, self._write):
            with contextlib.suppress(OSError):
                os.close(fd)

    def fds(self) -> list[int]:
        return [self._read, self._write]

    def _write_all(self, data: bytes) -> None:
        view = memoryview(data)
        while view:
            view = view[os.write(self._write, view) :]

    def _exactly(self, size: int) -> bytes:
        chunks: list[bytes] = []
        left = size
        while left:
            chunk = os.read(self._read, min(left, 1 << 20))
            if not chunk:
                raise EOFError("the other end of the channel is closed")
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)


class ReaderProcess:
    """The papers ``paths`` read in a reader process, with the options of
    `filelint.documents.read.start_documents` (``how``); the parent's side. ``paths`` may be a function
    that the reader process calls to find them (it reads the manifest: the parent forks sooner)."""

    def __init__(self, paths: Sequence[Path] | Callable[[], Sequence[Path]], how: dict[str, Any]) -> None:
        down_read, down_write = os.pipe()  # parent -> reader
        up_read, up_write = os.pipe()  # reader -> parent
        parent = os.getpid()
        pid = os.fork()
        if pid == 0:  # the reader process: it never returns into the parent's code
            code = 1
            try:
                os.close(down_write)
                os.close(up_read)
                _serve(Channel(down_read, up_write), paths, how, parent)
                code = 0
            finally:
                os._exit(code)
        os.close(down_read)
        os.close(up_write)
        self.pid: int | None = pid
        self._channel = Channel(up_read, down_write)

    def hurry(self, paths: Sequence[Path]) -> None:
        """Read these paths next, in this order (a rule is about to wait for them)."""
        if self.pid is not None:
            with contextlib.suppress(OSError):  # a reader that is gone is reported by `result`
                self._channel.send(("hurry", list(paths)))

    def result(self, path: Path) -> DocumentText | None:
        """The path's result, waiting for it if it is still being read; None if the batch does not
        hold the path, was closed, or failed. A reader process that failed or ended is said once on
        stderr and stopped; the caller then reads the paper itself (`filelint.paperreader`), where a
        paper's own problem is found and reported as it always is."""
        if self.pid is None:
            return None
        try:
            self._channel.send(("want", path))
            reply = self._channel.recv()
        except (EOFError, OSError):
            reply = ("error", f"it ended ({_ended(self.pid)})")
        if reply[0] == "error":
            self._give_up(str(reply[1]))
            return None
        _, doc, root = reply
        if root is not None:
            from filelint.documents import derived

            derived.remember(doc.sha256, root)  # its text is cached there: its derived facts go beside it
        return doc  # type: ignore[no-any-return]

    def close(self) -> None:
        """Stop reading: the reader process stops its workers and ends (killed if it does not);
        idempotent."""
        if self.pid is None:
            return
        pid, self.pid = self.pid, None
        with contextlib.suppress(OSError):
            self._channel.send(None)
        self._channel.close()
        _reap(pid)

    def _give_up(self, why: str) -> None:
        from filelint.output.escape import plain

        print(f"filelint: warning: the reader process failed: {plain(why)}; reading the papers here", file=sys.stderr)
        self.close()


def _ended(pid: int) -> str:
    """How the reader process ended, if it has (reaped here)."""
    with contextlib.suppress(ChildProcessError):
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return f"exit code {os.waitstatus_to_exitcode(status)}"
    return "its pipe closed"


def _reap(pid: int) -> None:
    """Wait for the reader process to end; kill it after `STOP_SECONDS`."""
    deadline = time.monotonic() + STOP_SECONDS
    pause = 0.0005
    while time.monotonic() < deadline:
        try:
            done, _ = os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            return  # reaped already (`_ended`)
        if done:
            return
        time.sleep(pause)
        pause = min(pause * 2, 0.05)
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, 9)  # SIGKILL (not named: `signal` is not imported here)
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, 0)


def _serve(
    channel: Channel, paths: Sequence[Path] | Callable[[], Sequence[Path]], how: dict[str, Any], parent: int
) -> None:
    """The reader process: start the batch, then feed it and answer the parent until told to stop. If
    the batch cannot even start, every path is answered None: the parent reads what it needs itself,
    and reports any problem as it always does (this is only a head start)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group: the parent stops us
    from filelint.pdf import workerlimits

    workerlimits.bind_to_parent(parent, [], watch=False)  # no thread: this process forks the workers
    try:
        from filelint.documents import derived
        from filelint.documents.read import start_documents

        batch = start_documents(list(paths() if callable(paths) else paths), thread=False, **how)
    except Exception:
        _answer_none(channel)
        return
    batch.serve(channel, derived.root_of, close_in_workers=channel.fds())


def _answer_none(channel: Channel) -> None:
    """Answer every request with None (nothing read here), until told to stop."""
    while True:
        try:
            message = channel.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        if message[0] == "want":
            channel.send(("doc", None, None))
