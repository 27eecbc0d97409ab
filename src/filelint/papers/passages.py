"""Where a declaration describes a communication: the passage from a mention of its date to
the next paragraph, the next date of another event, or a length bound; and the request
numbers each passage names."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from filelint.lazyre import LazyPattern
from filelint.papers.dates import date_patterns

if TYPE_CHECKING:
    from filelint.pdf import DocumentText

#: A passage never runs longer than this (characters): about one pleading-paper paragraph.
PASSAGE_MAX = 1500
#: A numbered paragraph ("9. On September 5, ...") starts a line.
_NUMBERED = LazyPattern(r"\n[ \t]*\d{1,3}\.[ \t]+(?=[A-Z(\[\"'])")
_BLANK = LazyPattern(r"\n[ \t]*\n")
#: A line ending like this continues into the next one ("Nos. 34 and" / "35. We ..."), so a
#: number that starts the next line is not a paragraph number.
_CONTINUES = LazyPattern(
    r"(?:\b(?:and|or|through|thru|to|nos?\.?|numbers?|exhibits?|exs?\.|"
    r"paragraphs?|para\.|¶+)|[,&\-\u2013\u2014(])\s*$",
    re.IGNORECASE,
)


#: Words just before a mention that say the requests were NOT raised: "said nothing about
#: Nos. 34 and 35", "did not address Request No. 35", "other than No. 34". Kept narrow (a verb
#: of raising right after the negation) so that "did not answer my letter about Nos. 13-16"
#: still names Nos. 13-16.
_NEGATED = LazyPattern(
    r"(?:\b(?:did\s+not|didn't|does\s+not|doesn't|never|not)\s+(?:specifically\s+)?"
    r"(?:address|mention|raise|discuss|cover|include|identify|reference|refer\s+to)\w*"
    r"|\bsaid\s+nothing\s+(?:about|of|on|regarding)|\bno\s+mention\s+of"
    r"|\bwithout\s+(?:mentioning|addressing|raising)|\bexcept(?:\s+for)?|\bother\s+than"
    r"|\bbut\s+not)(?:\s+(?:the|any|of|to|defendant's|plaintiff's|its|his|her|their)){0,3}\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Mention:
    """Request numbers named at one place in the paper; ``negated`` when the words before say
    they were not raised."""

    pos: int
    page: int
    numbers: tuple[str, ...]
    negated: bool = False


@dataclass(frozen=True)
class PaperText:
    """A paper's searchable pages joined into one text, with page starts and mentions."""

    text: str
    starts: tuple[int, ...]
    mentions: tuple[Mention, ...]
    boundaries: tuple[int, ...]
    #: The document the text is of (`read_paper`): its date hits are cached with its other facts.
    doc: DocumentText | None = field(default=None, compare=False, repr=False)

    def page_of(self, pos: int) -> int:
        return bisect.bisect_right(self.starts, pos)

    def date_hits(self, day: dt.date) -> list[int]:
        """Offsets where the text writes ``day`` (`date_patterns`)."""
        if self.doc is None:
            return _date_hits(self.text, day)
        from filelint.documents.derived import fact

        return fact(self.doc, f"paper-date:{day.isoformat()}", lambda: _date_hits(self.text, day), list, _offsets)

    def passage_end(self, start: int, stops: Iterable[int]) -> int:
        """End of the passage that starts at ``start``: the first paragraph boundary or stop
        after it, at most PASSAGE_MAX characters on."""
        ends = [start + PASSAGE_MAX, len(self.text)]
        ends += [b for b in self.boundaries if b > start][:1]
        ends += [s for s in stops if s > start]
        return min(ends)

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        return [m for m in self.mentions if start <= m.pos < end]


def read_paper(doc: DocumentText, device: str) -> PaperText:
    """Join the pages (pages without text count as empty) and find request mentions of
    ``device`` or of no stated device."""
    pages = ["" if i in doc.scanned_pages else text for i, text in enumerate(doc.pages, 1)]
    starts: list[int] = []
    offset = 0
    for text in pages:
        starts.append(offset)
        offset += len(text) + 1
    joined = "\n".join(pages)
    found = _paper_facts(doc, joined)
    grouped: dict[int, list[str]] = {}
    for pos, ref_device, number in found.mentions:
        if ref_device in (None, device):
            grouped.setdefault(pos, []).append(number)
    mentions = tuple(
        Mention(pos, bisect.bisect_right(starts, pos), tuple(dict.fromkeys(numbers)), pos in found.negated)
        for pos, numbers in sorted(grouped.items())
    )
    return PaperText(joined, tuple(starts), mentions, found.boundaries, doc)


@dataclass(frozen=True)
class _PaperFacts:
    """What `read_paper` finds in the joined text for every device: each mention (offset, device,
    number) in text order, the offsets whose mention the words before negate, paragraph starts."""

    mentions: tuple[tuple[int, str | None, str], ...]
    negated: frozenset[int]
    boundaries: tuple[int, ...]


def _paper_facts(doc: DocumentText, joined: str) -> _PaperFacts:
    """`_find_paper_facts`, a derived fact of the document (`filelint.documents.derived`)."""
    from filelint.documents.derived import fact

    return fact(doc, "paper-mentions", lambda: _find_paper_facts(joined), _encode_facts, _decode_facts)


def _find_paper_facts(joined: str) -> _PaperFacts:
    from filelint.refs import find_request_mentions

    mentions = tuple((pos, ref.device, ref.number) for pos, ref in find_request_mentions(joined))
    negated = frozenset(pos for pos in {pos for pos, _, _ in mentions} if _negated(joined, pos))
    return _PaperFacts(mentions, negated, _boundaries(joined))


def _encode_facts(facts: _PaperFacts) -> dict[str, Any]:
    return {
        "mentions": [list(m) for m in facts.mentions],
        "negated": sorted(facts.negated),
        "boundaries": list(facts.boundaries),
    }


def _decode_facts(data: Any) -> _PaperFacts:
    mentions = tuple((_offset(pos), _device(device), _text(number)) for pos, device, number in data["mentions"])
    return _PaperFacts(
        mentions, frozenset(_offset(p) for p in data["negated"]), tuple(_offset(b) for b in data["boundaries"])
    )


def _offset(value: Any) -> int:
    if type(value) is not int or value < 0:
        raise ValueError("not an offset")
    return value


def _device(value: Any) -> str | None:
    return None if value is None else _text(value)


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError("not a string")
    return value


def _date_hits(text: str, day: dt.date) -> list[int]:
    return [m.start() for m in date_patterns(day).finditer(text)]


def _offsets(data: Any) -> list[int]:
    return [_offset(pos) for pos in data]


def _negated(text: str, pos: int) -> bool:
    before = " ".join(text[max(0, pos - 80) : pos].split())
    return bool(_NEGATED.search(before))


def _boundaries(text: str) -> tuple[int, ...]:
    """Offsets where a paragraph starts: a blank line, or a numbered paragraph whose line does
    not continue the one before."""
    found = {m.start() for m in _BLANK.finditer(text)}
    for match in _NUMBERED.finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        if not _CONTINUES.search(text[line_start : match.start()]):
            found.add(match.start())
    return tuple(sorted(found))
