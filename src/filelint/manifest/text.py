"""A manifest's text as filelint reads it: one bounded, checked open, UTF-8, or why not."""

from __future__ import annotations

from pathlib import Path

from filelint.earlyargs import MANIFEST_NAME
from filelint.limits import MANIFEST_KB
from filelint.manifest.yamlload import Mark

__all__ = ["MANIFEST_NAME", "read_manifest_text"]


def read_manifest_text(manifest: Path) -> str | tuple[str, str, Mark, str]:
    """The manifest's text, or (code, message, mark, fix) saying why it cannot be read."""
    try:
        size = manifest.stat().st_size
        if size > MANIFEST_KB.value() * 1024:
            message = f"manifest is {size // 1024} KiB; a manifest is a few KiB ({MANIFEST_KB.says()})"
            return ("FL001", message, Mark(1, 1), "check that this is the right file")
        from filelint.safeopen import read_file

        raw = read_file(manifest, None)  # one open: a FIFO or device swapped in is refused, not read
    except OSError as exc:
        return ("FL001", f"cannot read the manifest: {exc.strerror}", Mark(1, 1), "check the file's permissions")
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return (
            "FL001",
            "the manifest is saved as UTF-16; filelint reads UTF-8",
            Mark(1, 1),
            "save the manifest as UTF-8 (most editors: File > Save with Encoding > UTF-8)",
        )
    if b"\x00" in raw:
        return (
            "FL001",
            "the manifest contains binary (NUL) bytes",
            _byte_mark(raw, raw.index(0)),
            "save the manifest as plain UTF-8 text",
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        at = exc.start + (3 if raw.startswith(b"\xef\xbb\xbf") else 0)  # utf-8-sig counts after its BOM
        return (
            "FL001",
            f"the manifest is not UTF-8 text (byte 0x{raw[at]:02x})",
            _byte_mark(raw, at),
            "save the manifest as UTF-8",
        )


def _byte_mark(raw: bytes, offset: int) -> Mark:
    """The position of byte ``offset``, its column counted in characters as editors count them (an
    undecodable byte before it counts as one, a BOM as none)."""
    before = raw[:offset]
    line = before.count(b"\n") + 1
    prefix = before[before.rfind(b"\n") + 1 :]
    chars = prefix.decode("utf-8-sig" if line == 1 else "utf-8", errors="replace")
    return Mark(line, len(chars) + 1)
