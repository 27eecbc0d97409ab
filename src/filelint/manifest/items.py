"""Deposition items: what a deposition notice or subpoena asks for, by number or by name.

A PMQ notice lists the matters for examination (CCP 2025.230) and the categories of documents to
bring (CCP 2025.220(a)(4)); a motion under CCP 2025.450 or 2025.480 is about some of them, or
about questions the deponent refused to answer. Notices number them ("Category No. 3"), and
letters often only name them ("the topic 'maintenance records'"). The manifest says either:
``"topics 1-4, 7"``, ``"topic: vehicle maintenance records"``, ``{topic: 5, name: ...}``.

Named items match only when their labels are equal after case, whitespace and punctuation are
set aside: a label that is merely similar never counts as raised (`similar` says so instead).
"""

from __future__ import annotations

import re
from functools import lru_cache

KINDS = ("topic", "category", "request", "question")
ITEM_LABEL = {"topic": "PMQ topic", "category": "Category", "request": "Document request", "question": "Question"}
#: How a manifest string names the kind: "topics 1-4", "PMQ topic: ...", "Category No. 3".
_KIND = re.compile(
    r"^(?:(?:pmq|pmk|deposition)\s+)?"
    r"(?P<kind>topics?|categor(?:y|ies)|document\s+(?:requests?|demands?)|questions?)\b\s*(?P<colon>:?)\s*(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)
#: "5 (vehicle maintenance records)": a number with the item's name.
_NUMBER_NAME = re.compile(r"^(?:nos?\.?\s*)?([0-9]+)\s*\((.+)\)$", re.IGNORECASE | re.DOTALL)
_QUOTES = "\"'“”‘’"
_STOP = frozenset({"the", "of", "and", "or", "for", "to", "a", "an", "in", "on", "all", "any", "re", "regarding"})
#: The share of the shorter label's words the other must hold for two different labels to be a
#: near miss (a warning), never a match.
SIMILAR = 0.6


def split_kind(text: str) -> tuple[str, str, bool] | None:
    """``"topics 1-4"`` -> ``("topic", "1-4", False)``; ``"topic: maintenance"`` -> ``("topic",
    "maintenance", True)``; ``None`` when ``text`` names no deposition item kind."""
    match = _KIND.match(text.strip())
    if match is None:
        return None
    word = match.group("kind").lower()
    kind = "request" if word.startswith("document") else next(k for k in KINDS if word.startswith(k[:4]))
    return kind, match.group("rest").strip(), bool(match.group("colon"))


def number_and_name(text: str) -> tuple[str, str] | None:
    """``"5 (vehicle maintenance records)"`` -> ``("5", "vehicle maintenance records")``."""
    match = _NUMBER_NAME.match(text.strip())
    return (match.group(1).lstrip("0") or "0", clean_name(match.group(2))) if match else None


def clean_name(text: str) -> str:
    """The name as written, without surrounding quotes and runs of whitespace."""
    text = " ".join(text.split())
    while len(text) > 1 and text[0] in _QUOTES and text[-1] in _QUOTES:
        text = text[1:-1].strip()
    return text


@lru_cache(maxsize=8192)
def name_key(name: str) -> str:
    """What two labels must share to be the same item: letters and digits, case and spacing set aside."""
    return " ".join(re.sub(r"[\W_]+", " ", name.casefold()).split())


@lru_cache(maxsize=8192)
def name_words(name: str) -> frozenset[str]:
    """The words that carry a label's meaning, a plural ``s`` set aside: what near misses share."""
    return frozenset(w.rstrip("s") for w in name_key(name).split() if w not in _STOP)


def similar(a: str, b: str) -> bool:
    """Labels that differ but look like the same item ('maintenance records' and 'vehicle
    maintenance records'; 'maintanance' for 'maintenance' in a label of three words): most of
    the shorter label's words are in the other. Worth a warning, never a match."""
    if name_key(a) == name_key(b):
        return False
    wa, wb = name_words(a), name_words(b)
    return bool(wa and wb) and len(wa & wb) / min(len(wa), len(wb)) >= SIMILAR
