"""Turn positioned text lines into clean page text.

Removes the noise that trips later regexes: CM/ECF header stamps (their
"Document 19-2" and "Page 3 of 4" look like request numbers), running
headers and footers, typographic dashes and quotes, justified-text space runs
and words split by a hyphen at a line end. Pure string work, no pdfminer.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Container, Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

_CHAR_MAP = str.maketrans(
    {
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\ufe58": "-",
        "\ufe63": "-",
        "\uff0d": "-",
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\ufb00": "ff",
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\ufb03": "ffi",
        "\ufb04": "ffl",
        "\u00a0": " ",
        "\u2002": " ",
        "\u2003": " ",
        "\u2007": " ",
        "\u2009": " ",
        "\u200a": " ",
        "\u202f": " ",
        "\t": " ",
        "\r": " ",
        "\n": " ",
        "\f": " ",
        "\u200b": "",
        "\ufeff": "",
    }
)
_REPLACEMENTS = {chr(code): str(value) for code, value in _CHAR_MAP.items()}
_MAPPED = re.compile("[" + "".join(map(re.escape, _REPLACEMENTS)) + "]")
_SPACES = re.compile(r" {2,}")
_SOFT_HYPHEN = "\u00ad"
# Joins a page's lines for `_normalise_all`: not mapped, not a space (a control character).
_SEPARATOR = "\x1e"

# The CM/ECF header stamp and the "#:1234" tail that
# C.D. Cal. stamps sometimes wrap onto a second line.
_STAMP = re.compile(
    r"^(?:Case|Appeal)[: ]\s*\S+.*?(?:Document|Doc:?|Dkt)\s*\S+.*?(?:Filed|Entered)\b.*$",
    re.IGNORECASE,
)
_STAMP_TAIL = re.compile(r"^(?:Page\s*ID\s*)?#:\s*\d+$", re.IGNORECASE)
# What either stamp pattern can start with (no letter of these folds to another under IGNORECASE).
_STAMP_FIRST = frozenset("CcAaPp#")

# Running headers/footers live in these bands (fractions of page height)
# when the page has no line-number column; with one, outside the numbered
# lines (a body line never is, however often its words repeat).
_TOP_BAND = 0.91
_BOTTOM_BAND = 0.075
_BELOW_LAST_NUMBER = 2.0
_DIGITS = re.compile(r"\d+")
_ROMAN = re.compile(r"^[ivxlc]+$")
_SHORT_KEY = 6
_X_BUCKET = 36.0  # half an inch
# A band line is "running" when it is on this many pages (2 in a short
# document). Not "most pages": a joint stipulation embeds other filings,
# each with its own footer over a minority of the pages.
_RUNNING_PAGES = 3
_SHORT_DOCUMENT = 4

# Same visual line: baselines within this (pt), gap under this many heights.
_BASELINE_TOLERANCE = 1.0
_MAX_GAP = 3.0

_HYPHEN_END = re.compile(r"(\w+)([-\u00ad])$")
_LINE_END_HYPHENS = ("-", "\u00ad")
_NEXT_START = re.compile(r"^(\S+)\s*(.*)$")
_WORD = re.compile(r"[A-Za-z]+")
_VOCABULARY_BATCH = 256


class Line(NamedTuple):
    """One text line of a page and its box (pt, origin bottom left). A named tuple: pages hold
    thousands, built and pickled (from a worker) faster than a frozen dataclass."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float


@dataclass(frozen=True)
class Page:
    """The text lines of one page in reading order, the page height, and on
    pleading paper the y range (bottom, top) of the numbered lines."""

    lines: tuple[Line, ...]
    height: float
    body: tuple[float, float] | None = None


def normalise(text: str) -> str:
    """Map dashes, quotes, ligatures and odd spaces to ASCII; collapse space
    runs (justified text) and trim. Soft hyphens are kept for `join_hyphens`."""
    text = _translate(text)
    return (_SPACES.sub(" ", text) if "  " in text else text).strip()


def _translate(text: str) -> str:
    """``text.translate(_CHAR_MAP)``: str.translate is fast on ASCII text only, a regex finds the
    few mapped characters in other text (4x faster on a page with curly quotes)."""
    return text.translate(_CHAR_MAP) if text.isascii() else _MAPPED.sub(_mapped, text)


def _mapped(match: re.Match[str]) -> str:
    return _REPLACEMENTS[match.group()]


def is_stamp(text: str) -> bool:
    """True for a (normalised) CM/ECF header stamp line or its wrapped tail."""
    if text[:1] not in _STAMP_FIRST:  # the usual line: no regex
        return False
    return bool(_STAMP.match(text) or _STAMP_TAIL.match(text))


def strip_stamps(page: Page) -> Page:
    """Normalise every line of the page and drop empty lines and stamps."""
    texts = _normalise_all([line.text for line in page.lines])
    kept = [
        line if text == line.text else Line(text, line.x0, line.y0, line.x1, line.y1)
        for text, line in zip(texts, page.lines, strict=True)
        if text and not is_stamp(text)
    ]
    return Page(tuple(kept), page.height, page.body)


def _normalise_all(texts: list[str]) -> list[str]:
    """`normalise` of each text, in one pass over the page: joined by a character that no
    mapping or space run touches (when no text holds it)."""
    joined = _SEPARATOR.join(texts)
    if joined.count(_SEPARATOR) != len(texts) - 1:
        return [normalise(text) for text in texts]
    joined = _translate(joined)
    if "  " in joined:
        joined = _SPACES.sub(" ", joined)
    return [text.strip() for text in joined.split(_SEPARATOR)]


def _band_key(line: Line, page: Page) -> str | None:
    """Comparison key for a line in the header/footer band, else None.

    Digits and lone roman numerals are masked so "- 3 -", "Page 2" and "iv"
    match across pages. Short keys also carry the horizontal position: a
    centred page number "12" must not take a footnote number "13" with it.
    """
    if not _in_band(line, page):
        return None
    key = _ROMAN.sub("#", _DIGITS.sub("#", line.text.lower()))
    if len(key) <= _SHORT_KEY:
        key += f"@{round((line.x0 + line.x1) / 2 / _X_BUCKET)}"
    return key


def _band_keys(page: Page) -> list[str | None]:
    """`_band_key` of each line of the page (the band's edges worked out once)."""
    if page.body is not None:
        low, high = page.body[0] - _BELOW_LAST_NUMBER, page.body[1]
        return [None if low <= ln.y0 <= high else _band_key(ln, page) for ln in page.lines]
    low, high = _BOTTOM_BAND * page.height, _TOP_BAND * page.height
    return [None if low < ln.y0 < high else _band_key(ln, page) for ln in page.lines]


def _in_band(line: Line, page: Page) -> bool:
    if page.body is not None:
        bottom, top = page.body
        return line.y0 < bottom - _BELOW_LAST_NUMBER or line.y0 > top
    return line.y0 <= _BOTTOM_BAND * page.height or line.y0 >= _TOP_BAND * page.height


def drop_running_lines(pages: Sequence[Page]) -> list[Page]:
    """Remove header/footer lines repeated across pages of the document."""
    if len(pages) < 2:
        return list(pages)
    keys = [_band_keys(page) for page in pages]
    counts: Counter[str] = Counter()
    for page_keys in keys:
        counts.update({k for k in page_keys if k})
    needed = 2 if len(pages) <= _SHORT_DOCUMENT else _RUNNING_PAGES
    running = {key for key, n in counts.items() if n >= needed}
    if not running:
        return list(pages)
    return [
        Page(tuple(ln for ln, k in zip(p.lines, page_keys, strict=True) if k not in running), p.height, p.body)
        for p, page_keys in zip(pages, keys, strict=True)
    ]


def merge_same_baseline(page: Page) -> Page:
    """Join consecutive pieces of one visual line, left to right.

    pdfminer splits a widely justified line into separate lines ("as" /
    "follows:" / "see"), and sorts a paragraph number ("9.") after the text
    beside it when its baseline sits a hair lower. Pieces on the same
    baseline with a gap of a few character heights are rejoined in x order.
    """
    merged: list[Line] = []
    for line in page.lines:
        # the baseline test of `_join_pieces` first, inline: most lines start a new baseline
        near = merged and abs(merged[-1].y0 - line.y0) <= _BASELINE_TOLERANCE
        joined = _join_pieces(merged[-1], line) if near else None
        if joined is None:
            merged.append(line)
        else:
            merged[-1] = joined
    return Page(tuple(merged), page.height, page.body)


def _join_pieces(first: Line, second: Line) -> Line | None:
    """The two pieces as one line if they sit side by side, else None."""
    if abs(first.y0 - second.y0) > _BASELINE_TOLERANCE:
        return None
    reach = _MAX_GAP * max(first.y1 - first.y0, second.y1 - second.y0, 1.0)
    if 0 <= second.x0 - first.x1 <= reach:
        left, right = first, second
    elif 0 <= first.x0 - second.x1 <= reach:
        left, right = second, first
    else:
        return None
    return Line(f"{left.text} {right.text}", left.x0, min(left.y0, right.y0), right.x1, max(left.y1, right.y1))


def vocabulary(texts: Iterable[str]) -> set[str]:
    """Lower-case words of the document, used to decide hyphen joins."""
    words: set[str] = set()
    batch: list[str] = []
    for text in texts:  # a few hundred lines at a time: the words of a whole document would be a long list
        batch.append(text)
        if len(batch) == _VOCABULARY_BATCH:
            _add_words(words, batch)
            batch.clear()
    _add_words(words, batch)
    return words


def _add_words(words: set[str], texts: list[str]) -> None:
    joined = "\n".join(texts)
    if joined.isascii():  # lower-casing ASCII text first finds the same words, lower-cased
        words.update(_WORD.findall(joined.lower()))
    else:
        words.update(w.lower() for w in _WORD.findall(joined))


class LazyVocabulary:
    """`vocabulary` of the texts, found when a hyphen join first needs it: most documents have no
    word split at a line end, and then the document's words are never collected."""

    def __init__(self, texts: Callable[[], Iterable[str]]) -> None:
        self._texts = texts
        self._words: set[str] | None = None

    def __contains__(self, word: object) -> bool:
        if self._words is None:
            self._words = vocabulary(self._texts())
        return word in self._words


def join_hyphens(lines: Sequence[str], vocab: Container[str]) -> list[str]:
    """Pull the second half of a word split at a line end up to its first half.

    "discov-" + "ery" becomes "discovery" when the document uses "discovery"
    elsewhere (or the break is a soft hyphen); otherwise the hyphen is kept,
    because Word-made pleadings rarely auto-hyphenate and a line-end hyphen is
    usually a compound ("work-" + "product", "L.R. 7-" + "3").
    """
    out = list(lines)
    for i in range(len(out) - 1):
        if not out[i].endswith(_LINE_END_HYPHENS):  # the search below is slow; most lines end otherwise
            continue
        end = _HYPHEN_END.search(out[i])
        start = _NEXT_START.match(out[i + 1])
        if not end or not start or not _continues(end.group(1), start.group(1)):
            continue
        head, tail = end.group(1), start.group(1)
        word = head + re.split(r"\W", tail, maxsplit=1)[0]
        soft = end.group(2) == _SOFT_HYPHEN
        glue = "" if soft or word.lower() in vocab else "-"
        # The whole next token moves up ("7-" + "3," -> "7-3,") so that no
        # line starts with stray punctuation.
        out[i] = out[i][: end.start(2)] + glue + tail
        out[i + 1] = start.group(2)
    if not any(_SOFT_HYPHEN in ln for ln in out):
        return [ln for ln in out if ln]
    return [ln.replace(_SOFT_HYPHEN, "") for ln in out if ln]


def _continues(head: str, tail: str) -> bool:
    """Whether the next line's first word plausibly continues the split word."""
    if head[-1].isdigit():
        return tail[0].isdigit()  # "13-" + "16", "7-" + "3"
    return tail[0].islower()


def page_texts(pages: Sequence[Page], stripped: bool = False) -> list[str]:
    """Final text of each page: stamps and running lines gone, hyphens joined (``stripped``: the
    pages are already as `strip_stamps` leaves them, page by page)."""
    first = list(pages) if stripped else [strip_stamps(p) for p in pages]
    cleaned = [merge_same_baseline(p) for p in drop_running_lines(first)]
    vocab = LazyVocabulary(lambda: (ln.text for p in cleaned for ln in p.lines))
    return ["\n".join(join_hyphens([ln.text for ln in p.lines], vocab)) for p in cleaned]
