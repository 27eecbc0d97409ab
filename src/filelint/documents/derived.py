"""Derived facts of a document, by content hash: what the paper helpers compute from a document's
text alone (request references page by page, request mentions and paragraph starts, separate-statement
sections, where a date is written), kept in the text cache so a warm run neither searches the text
again nor compiles the patterns that search it.

A fact is a pure function of the text: the key is a hash of the text itself (pages, pages without
text, Word tables) and of the file's sha256, since the same bytes give different text under another
PDF backend. The version hashes the source of the modules that compute facts (`VERSION_SOURCES`),
so a change to them invalidates every entry. A fact that depends on something else as well (a
date, a device) either names it in the fact's name (``"date:2023-08-17"``) or is cached in a form
that does not depend on it (every mention with its device; the caller filters).

Facts are cached only where the document's text is: `remember` is told by the reader that a
document's text came from, or went to, the cache under ``root`` (never with --no-cache, never in a
motion folder, `filelint.pdf.cache.cache_refusal`). Entries follow the text cache's rules: one
private JSON file per text, written atomically, read without following links, only if this user
owns it and nobody else may write it, checked against its checksum, and decoded defensively: a
damaged or planted entry is ignored and the fact computed again. Within a run each document's
facts are decoded once (several rules ask for the same ones).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import re
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from filelint.pdf.model import DocumentText

T = TypeVar("T")
#: Bump on a change that the source hash cannot see.
DERIVED_VERSION = "1"
#: Modules (relative to the package ``filelint``) whose code computes a cached fact.
VERSION_SOURCES = (
    "documents/derived.py",
    "refs.py",
    "refmodel.py",
    "papers/common.py",
    "papers/dates.py",
    "papers/passages.py",
    "papers/statement_parse.py",
    "papers/statement_table.py",
)
_ROOTS: dict[str, Path] = {}  # sha256 of a file's bytes -> the cache its text is kept in
_MEMO: weakref.WeakKeyDictionary[DocumentText, _Facts] = weakref.WeakKeyDictionary()
_SHA256 = re.compile(r"[0-9a-f]{64}")
#: Errors a decoder raises on a value of the wrong shape.
_DAMAGED = (ValueError, TypeError, KeyError, IndexError, AttributeError)


def remember(sha256: str, root: Path) -> None:
    """The text of these bytes is cached under ``root``: keep its derived facts there too."""
    if _SHA256.fullmatch(sha256):
        _ROOTS[sha256] = root


def root_of(sha256: str) -> Path | None:
    """Where the facts of these bytes are kept (`remember`), if anywhere."""
    return _ROOTS.get(sha256)


@functools.cache
def derived_version() -> str:
    """DERIVED_VERSION plus a short hash of the source of the modules that compute facts."""
    from filelint.pdf.cache import source_version

    return source_version(DERIVED_VERSION, Path(__file__).resolve().parent.parent, VERSION_SOURCES)


def fact(
    doc: DocumentText, name: str, compute: Callable[[], T], encode: Callable[[T], Any], decode: Callable[[Any], T]
) -> T:
    """The fact ``name`` of ``doc``: from this run's memory, else the cache, else ``compute()``
    (then cached as ``encode(value)``, which must be JSON data that ``decode`` turns back into an
    equal value). Callers must not change the value returned."""
    try:
        facts = _MEMO.get(doc)
        if facts is None:
            facts = _MEMO[doc] = _Facts(doc)
    except TypeError:  # a pack's reader left a list in the document: unhashable, so not remembered
        return compute()
    return facts.get(name, compute, encode, decode)


class _Facts:
    """One document's facts: decoded values, and the entry's JSON data when it is cached."""

    def __init__(self, doc: DocumentText) -> None:
        self.values: dict[str, Any] = {}
        root = _ROOTS.get(doc.sha256)
        self.entry = _entry_path(root, doc) if root is not None else None
        self.stored: dict[str, Any] | None = None

    def get(self, name: str, compute: Callable[[], T], encode: Callable[[T], Any], decode: Callable[[Any], T]) -> T:
        if name in self.values:
            return self.values[name]  # type: ignore[no-any-return]
        if self.entry is None:
            value = self.values[name] = compute()
            return value
        if self.stored is None:
            self.stored = _load(self.entry)
        if name in self.stored:
            try:
                value = self.values[name] = decode(self.stored[name])
                return value
            except (*_DAMAGED, RecursionError):
                pass
        value = self.values[name] = compute()
        self.stored[name] = encode(value)
        _store(self.entry, self.stored)
        return value


def _entry_path(root: Path, doc: DocumentText) -> Path:
    return root / "derived" / f"{text_key(doc)}.{derived_version()}.json"


def text_key(doc: DocumentText) -> str:
    """The hash the facts of ``doc`` are kept under: its bytes' sha256 and its text."""
    digest = hashlib.sha256(f"{doc.sha256}\0{doc.scanned_pages}\0{len(doc.pages)}\0".encode())
    for page in doc.pages:
        digest.update(page.encode("utf-8", "surrogatepass"))
        digest.update(b"\0\x01")
    tables = getattr(doc, "tables", ())
    if tables:
        digest.update(json.dumps(tables).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def _checksum(payload: bytes) -> str:
    return hashlib.sha256(payload).hexdigest()


def _load(path: Path) -> dict[str, Any]:
    """The entry's facts; empty when it is missing, damaged, foreign or for another version. An entry
    is a header line (version, checksum of the rest) and the facts as JSON: the checksum is taken over
    the bytes as stored, so loading never serialises the facts again."""
    from filelint.pdf.cache import read_entry

    raw = read_entry(path)
    if raw is None:
        return {}
    head, _, payload = raw.partition(b"\n")
    try:
        header = json.loads(head)
        if not isinstance(header, dict) or header != {"version": derived_version(), "check": _checksum(payload)}:
            return {}
        facts = json.loads(payload)
    except (ValueError, RecursionError):
        return {}
    return facts if isinstance(facts, dict) else {}


def _store(path: Path, facts: dict[str, Any]) -> None:
    """Write the entry; failures are ignored (the cache is optional)."""
    from filelint.pdf.cache import prepare_entries, write_atomically

    with contextlib.suppress(OSError, ValueError, TypeError, RecursionError):
        prepare_entries(path.parent.parent, path.parent)  # the text cache's private folder and .gitignore
        payload = json.dumps(facts)
        header = json.dumps({"version": derived_version(), "check": _checksum(payload.encode())})
        write_atomically(path, f"{header}\n{payload}")
