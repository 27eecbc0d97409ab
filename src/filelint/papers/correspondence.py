"""What one communication's source says: its date (in the court's time zone), sender and
recipients, the requests its new text raises, and what it offers or asks for.

A message sent at 11:30 p.m. Pacific is dated that day in a California court, not the next
day in UTC: dates are taken in the court's time zone (``court.timezone``, default
America/Los_Angeles).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

if TYPE_CHECKING:
    from filelint.pdf import DocumentText

DEFAULT_TIMEZONE = "America/Los_Angeles"
_MONTHS = list(calendar.month_name)[1:]
_LETTER_DATE = re.compile(r"\b(" + "|".join(_MONTHS) + r")\s+(\d{1,2}),\s+(\d{4})")
#: The offer vocabulary (the manifest's offer kinds), as letters and emails word them.
VOCABULARY: dict[str, re.Pattern[str]] = {
    k: re.compile(v, re.IGNORECASE)
    for k, v in {
        "supplement": r"\bsupplement(?:al|ing|ed|s)?\b",
        "protective-order": r"\bprotective\s+order\b",
        "search-terms": r"\bsearch\s+terms?\b",
        "narrowing": r"\bnarrow(?:ing|ed|er)?\b",
        "extension": r"\bextension\b|\bextend\b",
        "verification": r"\bverifications?\b",
        "amend-responses": r"\bamended\s+responses?\b|\bamend\s+(?:its|our|their|the)\s+responses?\b",
        "production": r"\b(?:will|to|agree\w*\s+to)\s+produce\b",
        "conference": r"\b(?:phone\s+call|telephone|call\s+(?:you|me|us)|meet\s+in\s+person|zoom|video\s+conference)\b",
        "idc": r"\binformal\s+discovery\s+conference\b|\bIDC\b",
    }.items()
}
#: A clause is an offer when its speaker commits ("we will", "GM agrees to"); words after a
#: condition ("if plaintiff agrees to", "in exchange for") are what is asked in return.
_OFFER_MARK = re.compile(
    r"\b(?:will|agree[sd]?\s+to|(?:is|are|am)\s+(?:willing|available)|offer(?:s|ed)?|propose[sd]?|can)\b", re.IGNORECASE
)
_CONDITION = re.compile(
    r"\b(?:if|provided\s+that|on\s+condition|in\s+exchange\s+for|once|subject\s+to|so\s+that)\b", re.IGNORECASE
)
_ASK_MARK = re.compile(r"\b(?:please|we\s+(?:ask|request|need|demand)|must|require)\b", re.IGNORECASE)
#: Sentence ends: not inside an ellipsis ("provide ... a list") or after "No." before a number.
_SENTENCE = re.compile(r"(?<=[!?;])\s+|(?<=[^.]\.)\s+(?=[A-Z\"(\[])|\n{2,}")


@dataclass(frozen=True)
class SourceFacts:
    """What a source shows; None/() where it does not show it."""

    date: dt.date | None
    sender: str
    recipients: tuple[str, ...]
    text: str
    pages: tuple[int, ...]
    offers: tuple[str, ...]
    asks: tuple[str, ...]
    mentioned: tuple[str, ...]


def court_zone(name: str | None) -> dt.tzinfo:
    """The court's time zone; UTC if the name is unknown to this system (`unknown_zone` says)."""
    try:
        return ZoneInfo(name or DEFAULT_TIMEZONE)
    except (ZoneInfoNotFoundError, ValueError):
        return dt.UTC


def unknown_zone(name: str | None) -> bool:
    """True when ``name`` is not a time zone this system knows (dates then fall back to UTC)."""
    return court_zone(name) is dt.UTC and (name or DEFAULT_TIMEZONE) not in ("UTC", "Etc/UTC")


def local_date(iso: str | None, zone: dt.tzinfo) -> dt.date | None:
    """The calendar date in the court's zone of an ISO timestamp with an offset."""
    if not iso:
        return None
    try:
        when = dt.datetime.fromisoformat(iso)
    except ValueError:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return when.astimezone(zone).date()


def source_facts(doc: DocumentText, zone: dt.tzinfo, message_id: str | None = None) -> SourceFacts:
    """Facts of one message of an email source (the first, or the one with ``message_id``),
    or of a letter (PDF or Word)."""
    messages = getattr(doc, "messages", ())
    if messages:
        index = next((i for i, m in enumerate(messages) if m.message_id == (message_id or "").strip("<> ")), 0)
        first = messages[index]
        end = messages[index + 1].page if index + 1 < len(messages) else len(doc.pages)
        pages = tuple(range(first.page, max(end, first.page + 1)))
        text = "\n".join(doc.pages[i] for i in pages if i < len(doc.pages))
        date = local_date(first.date, zone)
        sender, recipients = first.sender, (*first.to, *first.cc)
    else:
        pages = tuple(range(len(doc.pages)))
        text = "\n".join(doc.pages)
        date, sender, recipients = letter_date(text), "", ()
    offers, asks = offers_and_asks(text)
    return SourceFacts(date, sender, tuple(recipients), text, pages, offers, asks, mentioned_kinds(text))


def letter_date(text: str) -> dt.date | None:
    """The first 'Month D, YYYY' date of a letter (its dateline)."""
    match = _LETTER_DATE.search(text)
    if not match:
        return None
    try:
        return dt.date(int(match.group(3)), _MONTHS.index(match.group(1)) + 1, int(match.group(2)))
    except ValueError:
        return None


def mentioned_kinds(text: str) -> tuple[str, ...]:
    """Every offer kind the text words at all (offered, asked or refused)."""
    return tuple(kind for kind, pattern in VOCABULARY.items() if pattern.search(text))


def offers_and_asks(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Kinds the sender offers, and kinds it asks for in return, clause by clause."""
    offers: list[str] = []
    asks: list[str] = []
    for sentence in _SENTENCE.split(" ".join(text.split("\n"))):
        condition = _CONDITION.search(sentence)
        head = sentence[: condition.start()] if condition else sentence
        tail = sentence[condition.start() :] if condition else ""
        if _ASK_MARK.search(head):
            asks.extend(mentioned_kinds(head))
        elif _OFFER_MARK.search(head):
            offers.extend(mentioned_kinds(head))
        asks.extend(mentioned_kinds(tail))
    return tuple(dict.fromkeys(offers)), tuple(k for k in dict.fromkeys(asks) if k not in offers)
