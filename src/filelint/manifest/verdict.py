"""Remember which manifests passed schema validation, so an unchanged folder skips jsonschema.

A warm run of `filelint check` on an unchanged manifest needs neither the jsonschema import nor the
validation (together most of a small folder's time). The verdict is keyed by the SHA-256 of the
manifest's data and of the full schema (core, every pack's sections and properties, the registered
court systems), so a new pack, a schema change or an edit to the manifest validates again. Only
"valid" is remembered: an invalid manifest is always validated, so its errors are always reported.
The cache lives with the PDF text cache, outside the motion folder.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

#: Bump when what validation checks changes without the schema changing.
VERDICT_VERSION = "1"


def verdict_key(data: Any, schema: dict[str, Any]) -> str:
    """The cache key of ``data`` validated against ``schema``."""
    digest = hashlib.sha256(VERDICT_VERSION.encode())
    digest.update(_schema_bytes(schema))
    digest.update(b"\0")
    digest.update(json.dumps(data, sort_keys=True, default=str).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


#: The serialised schema of the last schema object seen: it depends only on the loaded packs, and
#: every folder of a run validates against the same object (the object is kept, so its id is not reused).
_LAST_SCHEMA: list[tuple[dict[str, Any], bytes]] = []


def _schema_bytes(schema: dict[str, Any]) -> bytes:
    if _LAST_SCHEMA and _LAST_SCHEMA[0][0] is schema:
        return _LAST_SCHEMA[0][1]
    text = json.dumps(schema, sort_keys=True, default=str).encode("utf-8", "surrogatepass")
    _LAST_SCHEMA[:] = [(schema, text)]
    return text


def known_valid(cache_dir: Path | None, key: str) -> bool:
    """True if this exact data passed this exact schema before (a plain file, nothing else)."""
    if cache_dir is None:
        return False
    try:
        return _path(cache_dir, key).lstat().st_size == 0 and _path(cache_dir, key).is_file()
    except (OSError, ValueError):
        return False


def remember_valid(cache_dir: Path | None, key: str) -> None:
    """Record a valid verdict; a cache that cannot be written is simply not used."""
    if cache_dir is None:
        return
    path = _path(cache_dir, key)
    try:
        for folder in (cache_dir, cache_dir / "verdicts", path.parent):  # private, as the text cache
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_NOFOLLOW, 0o600)
        os.close(fd)
    except OSError:
        pass


def _path(cache_dir: Path, key: str) -> Path:
    return cache_dir / "verdicts" / key[:2] / key
