"""Which bytes a paper holds, known from its file identity, so a warm run finds a paper's cached text
without reading and hashing the whole file again (a 20 MB PDF costs ~30 ms to read and hash).

The identity is (device, inode, size, mtime, ctime) of the *opened* file (``fstat`` of the descriptor
`filelint.safeopen` checked), mapped to the sha256 of its bytes and the reader that read them. It is
safe to trust because of the ctime: every write, truncation, rename onto the path or ``utime`` sets
the file's ctime to the current time, and no program can set it back; a tool that keeps the size and
restores the mtime (``cp -p``, ``touch -r``, an editor) still changes the ctime. Two cases remain,
and both are handled by never trusting a racy identity (git's "racily clean" rule): a file changed
twice within one tick of the file system's clock (ext4 and most file systems: a few ms; FAT: 2 s)
keeps its ctime, so an identity is only recorded or used when the file's mtime and ctime are at
least `RACY_NS` old; and a file system that reports no ctime (0) is never trusted. A new file that
reuses a deleted file's inode has a new ctime. A clock set back by more than `RACY_NS` between two
writes of the same size within one tick is not detected; neither is a file system that lies about
ctime. Anything else (no entry, a damaged or foreign one, another sniffer or reader version, a pack
reader added) is a miss: the bytes are read and hashed as before.

Entries live in the text cache (``file-ids/``), under its rules (private, written atomically, read
without following links, only if this user owns them), never with --no-cache.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import stat
import time
from pathlib import Path

#: A file changed less than this long ago (mtime or ctime) is read, never looked up or recorded.
RACY_NS = 3_000_000_000
#: Bump when the entry's meaning changes.
FILEIDS_VERSION = "1"
_SHA256 = re.compile(r"[0-9a-f]{64}")


def identity(info: os.stat_result) -> str | None:
    """The identity of an opened regular file, or None when it must not be trusted (changed within
    `RACY_NS`, or no ctime)."""
    ctime, mtime = info.st_ctime_ns, info.st_mtime_ns
    if not stat.S_ISREG(info.st_mode) or ctime <= 0 or time.time_ns() - max(ctime, mtime) < RACY_NS:
        return None
    return f"{info.st_dev}:{info.st_ino}:{info.st_size}:{mtime}:{ctime}"


class FileIds:
    """Identity -> (sha256, reader) for one reading context (readers, their version, PDF backend)."""

    def __init__(self, root: Path, context: str) -> None:
        self.root = root
        self.entries = root / "file-ids"
        self.context = f"{FILEIDS_VERSION}\0{context}"
        self._named = hashlib.sha256((self.context + "\0").encode())

    def _entry(self, ident: str) -> Path:
        named = self._named.copy()
        named.update(ident.encode())
        return self.entries / f"{named.hexdigest()}.json"

    def lookup(self, ident: str) -> tuple[str, str] | None:
        """The sha256 and reader recorded for this identity, or None."""
        from filelint.pdf.cache import read_entry

        raw = read_entry(self._entry(ident))
        if raw is None:
            return None
        try:
            data = json.loads(raw)
        except (ValueError, RecursionError):
            return None
        if not isinstance(data, dict) or set(data) != {"context", "id", "sha256", "reader"}:
            return None
        sha256, reader = data["sha256"], data["reader"]
        if data["context"] != self.context or data["id"] != ident or not isinstance(reader, str):
            return None
        return (sha256, reader) if isinstance(sha256, str) and _SHA256.fullmatch(sha256) else None

    def remember(self, ident: str, sha256: str, reader: str) -> None:
        """Record that the file with this identity holds these bytes; failures are ignored."""
        from filelint.pdf.cache import prepare_entries, write_atomically

        entry = {"context": self.context, "id": ident, "sha256": sha256, "reader": reader}
        with contextlib.suppress(OSError):
            prepare_entries(self.root, self.entries)  # the text cache's private folder and .gitignore
            write_atomically(self._entry(ident), json.dumps(entry))
