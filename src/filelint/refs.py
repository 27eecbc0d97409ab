"""Discovery request references in free text: "RFP Nos. 13-16", "Special
Interrogatory No. 5", "Form Interrogatory 17.1", "Nos. 2, 3, 8, and 13 through 16".

Devices: ``"rfp"`` (requests for production / inspection demands / document
requests), ``"srog"`` (special interrogatories), ``"frog"`` (form
interrogatories), ``"rfa"`` (requests for admission). A bare "Interrogatory"
or "Rog" counts as ``"srog"``: California form interrogatories are always
called "Form Interrogatory" and numbered like "17.1", while federal and
special interrogatories are the ones written as plain "Interrogatory No. 9".

A number list after a device name belongs to that device. A list after a
generic "Request No." or a bare "No."/"Nos." takes the device of the nearest
device name before it in the same paragraph, else ``None``. A bare "No." only
counts after punctuation or a connective ("to Nos. 2, 3"), never after a
word, so "Case No.", "Dkt. No.", "Exhibit No." are not requests; numbers
glued to ":"/"/"/letters ("No. 2:20-cv-02161", "23STCV03596", dates) are not
numbers here.
"""

from __future__ import annotations

import bisect
import re

from filelint.refmodel import RequestRef

__all__ = ["RequestRef", "find_request_mentions", "find_request_refs", "parse_number_list"]

#: parse_number_list refuses lists longer than this (a typo such as "1-10000").
MAX_ITEMS = 2000
# How far back (characters) a bare "Nos." looks for the device it refers to.
_CONTEXT_CHARS = 1500

_DASH = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
# One request number: "34", "17.1". Not part of a case number ("2:20-cv",
# "13-cv-2451"), a date ("12/3"), an identifier ("23STCV03596") or a
# thousands figure ("1,500").
_NUM = rf"\d{{1,4}}(?:\.\d{{1,3}})?(?![\w/]|[:.]\d|,\d{{3}}|\s*[{_DASH}]\s*[A-Za-z])"
_RANGE = rf"\s*(?:[{_DASH}]|\bthrough\b|\bthru\b|\bto\b)\s*"
_ITEM = rf"{_NUM}(?:{_RANGE}{_NUM})?"
# Separators; a comma before a year ends the list ("No. 5, 2019 WL ...").
_SEP = r"\s*(?:,\s*(?:and\b|or\b|&)?|\band\b|\bor\b|&)\s*(?!(?:19|20)\d\d\b)"
_LIST = rf"{_ITEM}(?:{_SEP}{_ITEM})*"
# A list is not a request list when a unit follows: "RFA 30 days after".
_NOT_UNIT = (
    r"(?!\s*(?:days?|business|court|calendar|hours?|minutes?|weeks?|months?|years?"
    r"|pages?|percent|%|a\.m|p\.m|am\b|pm\b))"
)
_NO = r"(?:\bnos?\b\.?|\bnumbers?\b|#)"


def _word_list(words: str) -> tuple[str, ...]:
    """Space-separated words as a tuple (keeps long vocabularies readable)."""
    return tuple(words.split())


_WORDS = _word_list(
    "one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen twenty"
)
_ORDINALS = _word_list(
    "first second third fourth fifth sixth seventh eighth ninth tenth "
    "eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth "
    "eighteenth nineteenth twentieth"
)
_SET = (
    rf"(?:\bset\s+(?:{_NO}\s*)?(?P<setval>\d{{1,2}}|{'|'.join(_WORDS)})\b"
    rf"|\b(?P<setord>{'|'.join(_ORDINALS)})\s+set\b)"
)

_DEVICES: dict[str, str] = {
    "frog": r"\bform\s+interrogator(?:y|ies)(?:\s*[-,]?\s*general\b)?|\bfrogs?\b",
    "rfa": r"\brequests?\s+for\s+admissions?\b|\badmission\s+requests?\b|\brfas?\b",
    "rfp": (
        r"\brequests?\s+for\s+(?:the\s+)?production(?:\s+of\s+documents)?"
        r"(?:\s+and\s+(?:for\s+the\s+)?inspection(?:\s+of\s+tangible\s+things)?)?"
        r"|\brequests?\s+to\s+produce\b"
        r"|\b(?:document|production|inspection)\s+(?:requests?|demands?)\b"
        r"|\bdemands?\s+for\s+(?:production|inspection)(?:\s+(?:and|or)\s+"
        r"(?:production|inspection|copying))?(?:\s+of\s+documents)?"
        r"|\brfpd?s?\b|\brpds?\b"
    ),
    "srog": r"\bspecial(?:ly\s+prepared)?\s+interrogator(?:y|ies)|\binterrogator(?:y|ies)\b"
    r"|\bs?rogs?\b",
}
# Each pattern below starts with a look-ahead at the letters its names can start with: the same
# matches, found in a third of the time (the regex engine skips other positions at once).
_DEVICE_RE = re.compile(
    "(?=[adfiprs])(?:" + "|".join(f"(?P<{name}>{pattern})" for name, pattern in _DEVICES.items()) + ")",
    re.IGNORECASE,
)
# What may sit between a device name and its numbers: "'s", ", Set One,", "No.".
_AFTER_DEVICE = re.compile(
    rf"(?:'s)?[\s,(]*(?:{_SET}[\s,)]*)?(?P<no>{_NO}\s*)?(?P<list>{_LIST}){_NOT_UNIT}", re.IGNORECASE
)
_GENERIC = re.compile(
    rf"(?=[dr])\b(?:requests?|demands?)\s*(?P<no>{_NO})\s*(?P<list>{_LIST}){_NOT_UNIT}", re.IGNORECASE
)
_BARE = re.compile(rf"(?=n)(?<![\w.])(?:nos?\.|numbers?)\s*(?P<list>{_LIST}){_NOT_UNIT}", re.IGNORECASE)
# A bare "No." counts only after these (or after punctuation / line start).
_CONNECTIVES = frozenset(
    _word_list(
        "and or nor to of in see also including include includes included with for as under at "
        "re regarding namely e.g i.e viz both either between from"
    )
)
# Lower-case nouns whose own numbers follow "No." ("case no. 5", "page no. 3").
_NUMBERED_NOUNS = frozenset(
    _word_list(
        "case cases dkt docket ecf doc docs document documents bar sbn exhibit exhibits ex exh "
        "claim claims patent account invoice page pages paragraph para section sec rule rules "
        "order orders resolution appeal application serial policy check license lot unit suite "
        "room box bates item items line lines question questions footnote fn appendix schedule "
        "ordinance bill file reference ref tel phone fax code statute id part chapter title "
        "volume vol tab attachment plaintiff plaintiffs defendant defendants witness trial "
        "count counts step steps dept department courtroom no nos"
    )
)
_SET_RE = re.compile(_SET, re.IGNORECASE)
_SET_WORD = re.compile("set", re.IGNORECASE)  # in every match of _SET_RE
_LAST_WORD_COMMA = re.compile(r"(\S+),$")
_LAST_WORD = re.compile(r"([A-Za-z]+)(\.?)$")
_PARAGRAPH = re.compile(r"\n\s*\n")
_SENTENCE_END = re.compile(r"[.!?;]\s+(?=[A-Z(\"'])|\n\s*\n")


def find_request_refs(text: str) -> list[RequestRef]:
    """Every request mentioned in ``text``, deduplicated, in order of first mention."""
    return list(dict.fromkeys(ref for _, ref in find_request_mentions(text)))


def find_request_mentions(text: str) -> list[tuple[int, RequestRef]]:
    """Each request mentioned in ``text`` with the offset where its mention (the device name
    or "Nos." that introduces the list) starts, in text order, repeats kept."""
    named = list(_DEVICE_RE.finditer(text))  # device names, searched once
    anchors = [(m.start(), m.lastgroup) for m in named]
    found: list[tuple[int, RequestRef]] = []
    taken: list[tuple[int, int]] = []  # the spans kept so far, sorted: no two overlap
    for start, end, device, numbers in _mentions(text, named, anchors):
        if _overlaps(taken, start, end):
            continue
        bisect.insort(taken, (start, end))
        number_set = _set_near(text, start, end)
        found.extend((start, RequestRef(device, n, number_set)) for n in numbers)
    found.sort(key=lambda item: item[0])
    return found


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps a span of ``taken`` (sorted spans, no two overlapping, so their
    ends rise with their starts: only the last span that starts before ``end`` can reach past ``start``)."""
    before = bisect.bisect_left(taken, (end, -1))  # the spans that start before ``end``
    return before > 0 and taken[before - 1][1] > start


def _mentions(
    text: str, named: list[re.Match[str]], anchors: list[tuple[int, str | None]]
) -> list[tuple[int, int, str | None, list[str]]]:
    """(start, end, device, numbers) of every number list, explicit device
    names (``named``: the matches of _DEVICE_RE) first so that their lists win
    over overlapping bare matches."""
    out: list[tuple[int, int, str | None, list[str]]] = []
    positions = [pos for pos, _ in anchors]
    for match in named:
        after = _AFTER_DEVICE.match(text, match.end())
        if after is None or not _plausible(after, explicit_no=bool(after.group("no"))):
            continue
        numbers = _numbers(after.group("list"))
        if numbers:
            out.append((match.start(), after.end(), match.lastgroup, numbers))
    for regex in (_GENERIC, _BARE):
        for match in regex.finditer(text):
            if regex is _BARE and not _bare_allowed(text, match.start()):
                continue
            numbers = _numbers(match.group("list"))
            if numbers:
                device = _context_device(text, match.start(), anchors, positions)
                out.append((match.start(), match.end(), device, numbers))
    return out


def _plausible(after: re.Match[str], *, explicit_no: bool) -> bool:
    """Without "No." a number right after a device name must not be a year
    ("Interrogatories 2019")."""
    if explicit_no:
        return True
    first = re.match(r"\d+", after.group("list"))
    return first is not None and not (len(first.group()) == 4 and first.group()[:2] in ("19", "20"))


def _numbers(number_list: str) -> list[str]:
    try:
        return parse_number_list(number_list)
    except ValueError:  # reversed or absurd range: not a request list
        return []


def _bare_allowed(text: str, start: int) -> bool:
    """A bare "No." must not follow a noun that takes a number ("Case No.",
    "Dkt. No.", "exhibit no."): after punctuation, a line start, a sentence
    end, a connective or a lower-case verb ("refused to answer Nos. 2, 3")."""
    before = text[max(0, start - 40) : start].rstrip()
    if before.endswith(","):
        # "Smith v. Jones, No. 18-1234" / "Acme, Inc., No. 5" cite a case;
        # "the remaining requests, Nos. 6 and 7" does not.
        previous = _LAST_WORD_COMMA.search(before)
        return previous is not None and previous.group(1).islower() and "." not in previous.group(1)
    if not before or not (before[-1].isalnum() or before[-1] == "."):
        return True
    if before[-1] == "." and before[-2:-1] in (")", *"0123456789"):
        return True  # "... (RFP 5). Nos. 6" ends a sentence
    match = _LAST_WORD.search(before)
    if match is None:
        return False  # a number or symbol glued to "No."
    word, dot = match.group(1), match.group(2)
    if word.lower() in _CONNECTIVES:
        return True
    if word.lower() in _NUMBERED_NOUNS:
        return False  # "Case No.", "Dkt. No.", "exhibit no."
    if not word.islower() and not _starts_sentence(before[: match.start()]):
        return False  # a name mid-sentence: "Resolution No.", "Acme Corp No."
    # A lower-case word: a verb or adjective ("answer", "disputed"), or a
    # sentence end ("served."); short lower-case abbreviations ("ex.") are not.
    return not dot or len(word) >= 4


def _starts_sentence(before: str) -> bool:
    """Whether a word preceded by ``before`` opens a sentence or a line."""
    stripped = before.rstrip(" \t")
    return not stripped or stripped.endswith(("\n", ".", "!", "?", ";", ":", "("))


def _context_device(text: str, start: int, anchors: list[tuple[int, str | None]], positions: list[int]) -> str | None:
    """The device named nearest before ``start`` in the same paragraph (``positions``: the
    anchors' offsets, ascending)."""
    floor = max(0, start - _CONTEXT_CHARS)
    breaks = [m.end() for m in _PARAGRAPH.finditer(text, floor, start)]
    floor = max([floor, *breaks])
    last = bisect.bisect_left(positions, start) - 1  # the last anchor before start
    return anchors[last][1] if last >= 0 and positions[last] >= floor else None


def _set_near(text: str, start: int, end: int) -> int | None:
    """Set number stated in the sentence around text[start:end], nearest first."""
    if _SET_WORD.search(text, max(0, start - 300), end + 120) is None:
        return None  # no "set" anywhere near: most mentions (the window searched below is within this)
    lo = max([0, *(m.end() for m in _SENTENCE_END.finditer(text, max(0, start - 300), start))])
    following = _SENTENCE_END.search(text, end)
    hi = following.start() if following else len(text)
    best: tuple[int, int] | None = None
    for match in _SET_RE.finditer(text, lo, min(hi, end + 120)):
        distance = 0 if start <= match.start() < end else min(abs(match.start() - start), abs(match.start() - end))
        value = _set_value(match)
        if value is not None and (best is None or distance < best[0]):
            best = (distance, value)
    return best[1] if best else None


def _set_value(match: re.Match[str]) -> int | None:
    word = (match.group("setval") or "").lower()
    if word.isdigit():
        return int(word)
    if word in _WORDS:
        return _WORDS.index(word) + 1
    ordinal = (match.group("setord") or "").lower()
    return _ORDINALS.index(ordinal) + 1 if ordinal in _ORDINALS else None


# ------------------------------------------------------------- number lists

_TOKEN = re.compile(
    rf"\s*(?:(?P<num>\d+(?:\.\d+)?)|(?P<range>[{_DASH}]|through\b|thru\b|to\b)"
    r"|(?P<sep>,|&|and\b|or\b))",
    re.IGNORECASE,
)


def parse_number_list(s: str) -> list[str]:
    """Expand a request number list, keeping order and dropping repeats.

    "2, 3, 8, and 13 through 16" -> ["2", "3", "8", "13", "14", "15", "16"];
    also "13-16", "13–16", "13 - 16", "13, 14 & 15", "17.1", "17.1-17.3".
    Raises ValueError for text that is not a number list, a reversed range
    ("16-13") or a list of more than MAX_ITEMS numbers.
    """
    if s.isascii() and s.isdigit():  # one plain number ("No. 34"), the commonest list
        return [_canonical(s)]
    items = _list_items(s)
    numbers: list[str] = []
    for low, high in items:
        numbers.extend(_expand(low, high, s))
        if len(numbers) > MAX_ITEMS:
            raise ValueError(f"{s!r} lists more than {MAX_ITEMS} request numbers")
    return list(dict.fromkeys(numbers))


def _list_items(s: str) -> list[tuple[str, str | None]]:
    """Tokenise into (number, range end or None) items; ValueError if malformed.

    Grammar: ITEM (SEP ITEM)*, ITEM = NUM (RANGE NUM)?, SEP = "," | "&" |
    "and" | "or" | "," followed by one of the others."""
    items: list[tuple[str, str | None]] = []
    last, pos = "start", 0
    for match in _TOKEN.finditer(s):
        if match.start() != pos:
            break
        pos, kind, token = match.end(), match.lastgroup, match.group().strip()
        if kind == "num" and last in ("start", "sep", "comma"):
            items.append((token, None))
        elif kind == "num" and last == "range":
            items[-1] = (items[-1][0], token)
            kind = "end"
        elif kind == "range" and last == "num":
            pass
        elif kind == "sep" and last in ("num", "end"):
            kind = "comma" if token == "," else "sep"
        elif kind == "sep" and last == "comma" and token != ",":
            pass
        else:
            raise ValueError(f"cannot read {s!r} as a list of request numbers")
        last = kind or last
    if s[pos:].strip() or last not in ("num", "end"):
        raise ValueError(f"cannot read {s!r} as a list of request numbers")
    return items


def _expand(low: str, high: str | None, source: str) -> list[str]:
    """The numbers from ``low`` to ``high`` (just ``low`` when no range)."""
    if high is None:
        return [_canonical(low)]
    (lo_int, lo_frac), (hi_int, hi_frac) = _split(low), _split(high)
    if lo_frac is None and hi_frac is None:
        return [str(n) for n in _bounded(lo_int, hi_int, low, high, source)]
    if lo_frac is not None and hi_frac is not None and lo_int == hi_int:
        # "17.1-17.3": form interrogatory subsections of one group.
        width = len(low.split(".")[1])
        return [
            f"{lo_int}.{n:0{width}d}" if width > 1 else f"{lo_int}.{n}"
            for n in _bounded(lo_frac, hi_frac, low, high, source)
        ]
    raise ValueError(f"cannot expand the range {low}-{high} in {source!r}")


def _bounded(lo: int, hi: int, low: str, high: str, source: str) -> range:
    if hi < lo:
        raise ValueError(f"reversed range {low}-{high} in {source!r} (did you mean {high}-{low}?)")
    if hi - lo + 1 > MAX_ITEMS:
        raise ValueError(f"range {low}-{high} in {source!r} expands to {hi - lo + 1} numbers (limit {MAX_ITEMS})")
    return range(lo, hi + 1)


def _split(number: str) -> tuple[int, int | None]:
    whole, _, frac = number.partition(".")
    return int(whole), (int(frac) if frac else None)


def _canonical(number: str) -> str:
    """ "05" -> "5"; "17.1" stays (a form interrogatory number)."""
    whole, dot, frac = number.partition(".")
    return str(int(whole)) + dot + frac
