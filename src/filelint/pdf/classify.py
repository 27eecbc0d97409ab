"""Decide whether a document's text layer is usable, page by page.

Measured on real court filings (tests/pdf): scanned pages carry no
text, only the ECF stamp, or loose letter fragments ("l . g t") left by a
redaction tool; broken fonts give "(cid:36)" tokens or control characters.
A page counts as scanned when it is nearly empty *and* mostly covered by an
image, or when its "text" is fragments. Exhibit slip sheets ("Exhibit 4") are
short but real text: such a sparse page belongs to the exhibit that follows
it, so it is listed with a scanned exhibit and counts as text otherwise.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

_CID = re.compile(r"\(cid:\d+\)")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_WORD = re.compile(r"[A-Za-z]{3,}")
_ALNUM = re.compile(r"[A-Za-z0-9]")

# A page is garbled when unmapped glyphs are more than half of its characters.
_GARBLED_SHARE = 0.5
# Below this many real words a page with a big image is a scan.
_SPARSE_WORDS = 10
# Share of the page an image must cover to make a sparse page a scan.
_IMAGE_COVER = 0.5
# Redaction fragments: at least this many tokens, this share single characters.
_FRAGMENT_TOKENS = 10
_FRAGMENT_SHARE = 0.6


@dataclass(frozen=True)
class PageInfo:
    """Clean text of one page and the share of the page covered by images."""

    text: str
    image_cover: float = 0.0


@dataclass(frozen=True)
class Verdict:
    """Document-level outcome: status, human detail, pages lacking text."""

    status: str
    detail: str
    scanned_pages: tuple[int, ...]


def page_kind(page: PageInfo) -> str:
    """Classify one page: "text", "sparse", "garbled", "scanned" or "blank"."""
    text = page.text
    cids = "(cid:" in text  # rare: skip the scans below on the usual page
    chars = len("".join(text.split()))
    bad = (sum(len(m) for m in _CID.findall(text)) if cids else 0) + len(_CONTROL.findall(text))
    if chars and bad / chars > _GARBLED_SHARE:
        return "garbled"
    readable = _CID.sub(" ", text) if cids else text
    if not _ALNUM.search(readable):
        return "scanned" if page.image_cover > 0 else "blank"
    sparse = sum(1 for _ in itertools.islice(_WORD.finditer(readable), _SPARSE_WORDS)) < _SPARSE_WORDS  # stop at 10
    if sparse and page.image_cover >= _IMAGE_COVER:
        return "scanned"
    tokens = readable.split()
    singles = list(map(len, tokens)).count(1)
    if len(tokens) >= _FRAGMENT_TOKENS and singles >= _FRAGMENT_SHARE * len(tokens):
        return "scanned"
    return "sparse" if sparse else "text"


def resolve_sparse(kinds: Sequence[str]) -> list[str]:
    """Give each sparse page the kind of the next page with a clear kind
    (a slip sheet goes with its exhibit); "text" if none follows."""
    resolved = list(kinds)
    following = "text"
    for i in range(len(resolved) - 1, -1, -1):
        if resolved[i] == "sparse":
            resolved[i] = following
        elif resolved[i] != "blank":
            following = resolved[i]
    return resolved


def classify(pages: Sequence[PageInfo]) -> Verdict:
    """Combine page kinds into the document status."""
    kinds = resolve_sparse([page_kind(p) for p in pages])
    scanned = [i for i, k in enumerate(kinds, 1) if k == "scanned"]
    garbled = [i for i, k in enumerate(kinds, 1) if k == "garbled"]
    unusable = tuple(sorted(scanned + garbled))
    if "text" in kinds:
        if not unusable:
            return Verdict("ok", "", ())
        return Verdict("partial", _partial_detail(scanned, garbled), unusable)
    if garbled:
        detail = f"{_pages(garbled)} garbled text (fonts without a Unicode map); OCR the document"
        return Verdict("garbled", detail, unusable)
    if scanned:
        return Verdict("no-text", "no text layer (scanned or image-only); OCR it", unusable)
    return Verdict("no-text", "every page is blank", ())


def _partial_detail(scanned: list[int], garbled: list[int]) -> str:
    parts = []
    if scanned:
        parts.append(f"{_pages(scanned)} no text layer (scanned)")
    if garbled:
        parts.append(f"{_pages(garbled)} garbled text")
    return "; ".join(parts) + ("; OCR them" if len(scanned) + len(garbled) > 1 else "; OCR it")


def page_ranges(numbers: list[int]) -> list[str]:
    """[1, 2, 3, 5] -> ["1-3", "5"]: consecutive page numbers folded into ranges."""
    ranges: list[str] = []
    start = prev = numbers[0]
    for n in [*numbers[1:], None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        ranges.append(str(start) if start == prev else f"{start}-{prev}")
        if n is not None:
            start = prev = n
    return ranges


def _pages(numbers: list[int]) -> str:
    """ "page 3 has" / "pages 3-23 have" / "pages 1, 4-5 have"."""
    ranges = page_ranges(numbers)
    if len(numbers) == 1:
        return f"page {ranges[0]} has"
    return f"pages {', '.join(ranges)} have"
