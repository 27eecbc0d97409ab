"""Refuse zip packages (.docx) that would take unbounded memory or time to open.

`zipfile` never inflates an entry past the size its header declares (it stops and fails the
CRC), so checking the declared sizes bounds what python-docx can allocate; the ratio check
names the classic zip bomb (a few KB that claim gigabytes) for what it is.
"""

from __future__ import annotations

import zipfile
from io import BytesIO

MAX_ENTRIES = 5_000
MAX_ENTRY_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 200 * 1024 * 1024
#: Word's XML compresses about 10:1; 200:1 on a large entry is a bomb, not a paper.
MAX_RATIO = 200
_RATIO_FLOOR = 1024 * 1024


def check(data: bytes) -> str | None:
    """Why the package must not be opened, or None when it is safe to."""
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        return f"damaged Word file (not a readable zip: {exc})"
    if len(infos) > MAX_ENTRIES:
        return f"the Word package holds {len(infos)} parts (limit {MAX_ENTRIES}): not a paper"
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            return "the Word package is encrypted (zip encryption); save an unprotected copy"
        if info.file_size > MAX_ENTRY_BYTES:
            return f"part {info.filename} would inflate to {_mib(info.file_size)} (limit {_mib(MAX_ENTRY_BYTES)})"
        if info.file_size > _RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            return (
                f"part {info.filename} would inflate {info.file_size // max(info.compress_size, 1)}-fold "
                "(a zip bomb, not a paper)"
            )
        total += info.file_size
    if total > MAX_TOTAL_BYTES:
        return f"the Word package would inflate to {_mib(total)} (limit {_mib(MAX_TOTAL_BYTES)})"
    return None


def _mib(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MiB"
