"""The searches made faster find exactly what the plain ones find: the overlap test of
`find_request_mentions` (sorted spans instead of a scan of every span kept), the date patterns and
the offer patterns (a leading class of the characters every alternative starts with)."""

from __future__ import annotations

import datetime as dt
import re
from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st

from filelint import refs
from filelint.packs.california import separate_statement
from filelint.papers import date_patterns

PIECES = [
    "Request for Production No. 34",
    "Requests for Production Nos. 13-16, 34 and 35",
    "RFP Nos. 13 through 16",
    "Special Interrogatory No. 4",
    "Form Interrogatories Nos. 17.1 and 12.1",
    "Request for Admission No. 2",
    "Nos. 6 and 7",
    "No. 18-1234",
    "Case No. 23STCV03596",
    "set two",
    "Set One, Nos. 1-3",
    "and",
    "the remaining requests,",
    "Plaintiff served",
    "(RFP 5).",
    "\n\n",
    "\n",
    "Response to Request No. 12: Responding Party objects.",
    "see Dkt. No. 4",
    "RFPs 1 and 2",
]


def _plain_mentions(text: str) -> list[tuple[int, refs.RequestRef]]:
    """`find_request_mentions` with the overlap test as it was: every span kept, scanned."""
    named = list(refs._DEVICE_RE.finditer(text))
    anchors = [(m.start(), m.lastgroup) for m in named]
    found: list[tuple[int, refs.RequestRef]] = []
    taken: list[tuple[int, int]] = []
    for start, end, device, numbers in refs._mentions(text, named, anchors):
        if any(s < end and start < e for s, e in taken):
            continue
        taken.append((start, end))
        number_set = refs._set_near(text, start, end)
        found.extend((start, refs.RequestRef(device, n, number_set)) for n in numbers)
    found.sort(key=lambda item: item[0])
    return found


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40), st.lists(st.sampled_from([" ", ", ", "; ", ". "]), max_size=40))
def test_request_mentions_are_those_of_the_plain_overlap_test(pieces: list[str], seps: list[str]) -> None:
    text = "".join(p + (seps[i] if i < len(seps) else " ") for i, p in enumerate(pieces))
    assert refs.find_request_mentions(text) == _plain_mentions(text)


def test_spans_that_touch_do_not_overlap_and_spans_inside_do() -> None:
    taken = [(0, 5), (5, 5), (5, 9), (12, 20)]
    assert not refs._overlaps(taken, 9, 12)
    assert not refs._overlaps(taken, 20, 25)
    assert refs._overlaps(taken, 8, 10)
    assert refs._overlaps(taken, 13, 14)
    assert refs._overlaps(taken, 1, 2)
    assert not refs._overlaps([], 0, 3)


def _plain(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The pattern without its leading class of first characters."""
    lead = re.match(r"\(\?=\[[^\]]*\]\)", pattern.pattern)
    assert lead is not None
    return re.compile(pattern.pattern[lead.end() :], pattern.flags)


def _writings(day: dt.date) -> list[str]:
    month = day.strftime("%B")
    return [
        f"{month} {day.day}, {day.year}",
        f"{month[:3]}. {day.day}, {day.year}",
        f"{month[:3].upper()} {day.day:02d}th {day.year}",
        f"{day.day} {month} {day.year}",
        f"{day.month}/{day.day}/{day.year}",
        f"{day.month:02d}/{day.day:02d}/{day.year % 100:02d}",
        day.isoformat(),
        f"Sept. {day.day}, {day.year}",
    ]


@settings(max_examples=300, deadline=None)
@given(st.dates(dt.date(1990, 1, 1), dt.date(2040, 12, 31)), st.dates(dt.date(1990, 1, 1), dt.date(2040, 12, 31)))
def test_date_patterns_find_what_the_plain_alternation_finds(day: dt.date, other: dt.date) -> None:
    text = " letter of ".join(_writings(day) + _writings(other) + ["served 1/2/2023", "on a12/3"])
    fast = date_patterns(day)
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in _plain(fast).finditer(text)]
    assert fast.search(_writings(day)[0]) is not None


OFFER_PHRASES = [
    "the Protective Order",
    "SEARCH TERMS",
    "to supplement",
    "Supplemental responses",
    "narrowed the request",
    "offered to produce",
    "Agreed that it would produce",
    "willing to make the documents available and produce",
    "proposed to produce",
    "amended responses",
    "an offer",
    "the proposal",
    "reamend",
    "counteroffer",
]


@given(
    st.lists(st.sampled_from(sorted(separate_statement.OFFER_TEXT)), min_size=1, max_size=3),
    st.sampled_from(OFFER_PHRASES),
)
def test_offers_are_found_as_by_the_plain_alternation(kinds: list[str], phrase: str) -> None:
    offer = SimpleNamespace(offers=kinds, date=dt.date(2023, 8, 30))
    plain = re.compile("|".join(separate_statement.OFFER_TEXT[k] for k in kinds), re.IGNORECASE)
    for text in (f"In its letter the other side said: {phrase}; we declined.", "It said no more.", phrase):
        expected = bool(plain.search(text) or date_patterns(offer.date).search(text))
        assert separate_statement._discussed(text, offer) is expected  # type: ignore[arg-type]


def test_every_offer_kind_has_its_first_letters() -> None:
    assert set(separate_statement.OFFER_FIRSTS) == set(separate_statement.OFFER_TEXT)
