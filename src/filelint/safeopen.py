"""Open a file named by the manifest only if it is a regular file inside the motion folder.

Checking a path and then opening it by name are two steps; a symlink swapped in between would be
followed out of the folder. So the file is opened once, without following a final symlink
(``O_NOFOLLOW``), without blocking on a FIFO (``O_NONBLOCK``), and the *opened* file is checked:
``fstat`` says it is a regular file, and the path the kernel gives for the descriptor
(``/proc/self/fd``) says it is inside the folder. Every reader (PDF text, ``init``) reads from that
descriptor. ``check`` classifies a path without opening it, for the findings FL010, FL011, FL012.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from pathlib import Path

#: Kinds of refusal: each maps to one finding (FL011, FL010, FL010, FL012); TOO_LARGE is the
#: caller's limit (``read_file(max_bytes=)``), reported by the caller.
OUTSIDE, MISSING, SPECIAL, UNOPENABLE, TOO_LARGE = "outside", "missing", "special", "unopenable", "too-large"
_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_BINARY", 0)
)
NAME_MAX = 255  # bytes in one path component on the file systems filelint meets
#: The rule context's `Context.derived` key of the folder's `FolderCheck` (one per folder run).
CHECK_KEY = "filelint.safeopen"


class PathRefused(OSError):
    """A path filelint will not read, with the reason in words (``strerror``)."""

    def __init__(self, kind: str, reason: str) -> None:
        super().__init__(reason)
        self.kind, self.reason, self.strerror = kind, reason, reason


def check(folder: Path, relpath: str | Path, root: str | None = None) -> PathRefused | None:
    """Why ``folder/relpath`` would not be read, or None if it is a regular file inside the folder.
    Opens nothing (a FIFO must not block, a device must not be touched). ``root``: the folder's
    real path, if known."""
    bad = _bad_name(str(relpath))
    if bad is not None:
        return PathRefused(UNOPENABLE, bad)
    root = root if root is not None else os.path.realpath(folder)
    target = os.path.join(folder, relpath)
    try:  # an existing path resolves the same strictly or not: resolve it once
        real = os.path.realpath(target, strict=True)
        mode = os.stat(real).st_mode
    except OSError as exc:
        if not _within(os.path.realpath(target), root):  # leading outside comes first, as for a file
            return PathRefused(OUTSIDE, "it leads outside the motion folder")
        if isinstance(exc, FileNotFoundError | NotADirectoryError):
            return PathRefused(MISSING, "it is not in the motion folder")
        return PathRefused(UNOPENABLE, describe(exc))
    if not _within(real, root):
        return PathRefused(OUTSIDE, "it leads outside the motion folder")
    if not stat.S_ISREG(mode):
        return PathRefused(SPECIAL, "it is not a regular file (a folder, FIFO or device)")
    return None


class FolderCheck:
    """`check` for one folder run: each path is resolved once and its verdict kept for the run, so the
    ~100 times the rules of a folder ask cost a dictionary lookup, not an ``lstat`` each. A path that
    cannot be ``lstat``-ed (missing, a name too long) is never remembered: it is checked each time.
    The verdict only decides findings (FL010, FL011, FL012) and which papers are asked for; reading
    never relies on it: `open_file` checks the path again and then the opened descriptor, so a paper
    swapped for a symlink out of the folder after its verdict is refused when it is opened."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._root: str | None = None
        self._seen: dict[str, PathRefused | None] = {}

    def __call__(self, relpath: str | Path) -> PathRefused | None:
        key = str(relpath)
        if key in self._seen:
            return self._seen[key]
        settled = "\x00" not in key and _identity(os.path.join(self.folder, key)) is not None
        if self._root is None:
            self._root = os.path.realpath(self.folder)
        verdict = check(self.folder, relpath, self._root)
        if settled:
            self._seen[key] = verdict
        return verdict


def _identity(path: str) -> tuple[int, ...] | None:
    try:
        st = os.lstat(path)
    except (OSError, ValueError):
        return None
    return (st.st_dev, st.st_ino, st.st_mode, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def open_file(path: Path, within: Path | None) -> int:
    """A descriptor for ``path``, a regular file (inside ``within`` when given); raise PathRefused.
    A symlink as the last component is followed only when it stays inside the folder."""
    root = os.path.realpath(within) if within is not None else None
    if within is not None:
        _raise(check(within, os.path.relpath(path, within), root))
    try:
        fd = os.open(path, _FLAGS if within is not None else _FLAGS & ~getattr(os, "O_NOFOLLOW", 0))
    except OSError as exc:
        if exc.errno != errno.ELOOP or within is None or not os.path.islink(path):
            raise PathRefused(UNOPENABLE, describe(exc)) from None
        fd = _open_link(path, within)
    try:
        _check_opened(fd, path, root)
    except BaseException:
        os.close(fd)
        raise
    return fd


def _open_link(path: Path, within: Path) -> int:
    # checked again now: the link may have been swapped in after the first check
    _raise(check(within, os.path.relpath(path, within)))
    try:
        return os.open(os.path.realpath(path), _FLAGS)
    except OSError as exc:
        raise PathRefused(UNOPENABLE, describe(exc)) from None


def _raise(refused: PathRefused | None) -> None:
    if refused is not None:
        raise refused


def read_file(path: Path, within: Path | None, max_bytes: int | None = None) -> bytes:
    """The bytes of ``path`` read through `open_file`'s checked descriptor; more than ``max_bytes``
    (judged on the open file, and again on what is read: it may grow) raises PathRefused(TOO_LARGE)."""
    fd = open_file(path, within)
    try:
        size = os.fstat(fd).st_size
        data = read_at_most(fd, size, max_bytes) if max_bytes is None or size <= max_bytes else None
    finally:
        os.close(fd)
    if data is None:
        raise PathRefused(TOO_LARGE, f"it is larger than {max_bytes:,} bytes")
    return data


def read_at_most(fd: int, size: int, limit: int | None) -> bytes | None:
    """What is left to read from ``fd`` (``size``: its size when opened, a hint), or None when that is
    more than ``limit`` bytes. Reads in chunks sized by what there is, never a buffer of ``limit``."""
    chunks: list[bytes] = []
    total = 0
    want = max(size, 0) + 1  # one more byte: a file that grew is noticed
    while True:
        chunk = os.read(fd, want if limit is None else min(want, limit + 1 - total))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
        if limit is not None and total > limit:
            return None
        want = max(want, 1 << 20)


def _check_opened(fd: int, path: Path, root: str | None) -> None:
    """``root``: the real path of the folder the file must be in (None: anywhere)."""
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        raise PathRefused(SPECIAL, "it is not a regular file (a folder, FIFO or device)")
    if root is not None and not _within(_fd_path(fd, path), root):
        raise PathRefused(OUTSIDE, "it leads outside the motion folder (it changed while being opened)")


def _fd_path(fd: int, path: Path) -> str:
    """Where the open file really is. Linux tells through /proc, macOS through F_GETPATH; elsewhere
    the name is resolved again, which narrows the race to the open itself (docs/architecture.md)."""
    try:
        if sys.platform.startswith("linux"):
            return os.readlink(f"/proc/self/fd/{fd}")
        if sys.platform == "darwin":
            import fcntl

            getpath = getattr(fcntl, "F_GETPATH", 50)  # 50: F_GETPATH in <sys/fcntl.h>
            return os.fsdecode(fcntl.fcntl(fd, getpath, bytes(1024)).rstrip(b"\0"))
    except OSError:
        pass
    return os.path.realpath(path)


def _within(real: str, root: str) -> bool:
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


def _bad_name(relpath: str) -> str | None:
    if "\x00" in relpath:
        return "its name contains a NUL character, which no file name can hold"
    longest = max((len(os.fsencode(part)) for part in Path(relpath).parts), default=0)
    if longest > NAME_MAX:
        return f"a name in it is {longest} bytes long; file systems allow {NAME_MAX}"
    return None


def describe(exc: OSError) -> str:
    """An OS error in the words filelint's findings use."""
    reasons = {
        errno.ELOOP: "it is a symlink loop (or a symlink where a file was expected)",
        errno.EACCES: "permission denied: the file or a folder on its way cannot be read",
        errno.EPERM: "permission denied: the file or a folder on its way cannot be read",
        errno.ENAMETOOLONG: "its name is longer than the file system allows",
    }
    return reasons.get(exc.errno or 0, exc.strerror or type(exc).__name__)
