"""Where a declaration describes a communication: the passage from a mention of its date to
the next paragraph, the next date of another event, or a length bound; and the request
numbers each passage names."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from filelint.papers.dates import date_patterns

if TYPE_CHECKING:
    from filelint.pdf import DocumentText

#: A passage never runs longer than this (characters): about one pleading-paper paragraph.
PASSAGE_MAX = 1500
#: A numbered paragraph ("9. On September 5, ...") starts a line.
_NUMBERED = re.compile(r"\n[ \t]*\d{1,3}\.[ \t]+(?=[A-Z(\[\"'])")
_BLANK = re.compile(r"\n[ \t]*\n")
#: A line ending like this continues into the next one ("Nos. 34 and" / "35. We ..."), so a
#: number that starts the next line is not a paragraph number.
_CONTINUES = re.compile(
    r"(?:\b(?:and|or|through|thru|to|nos?\.?|numbers?|exhibits?|exs?\.|"
    r"paragraphs?|para\.|¶+)|[,&\-\u2013\u2014(])\s*$",
    re.IGNORECASE,
)


#: Words just before a mention that say the requests were NOT raised: "said nothing about
#: Nos. 34 and 35", "did not address Request No. 35", "other than No. 34". Kept narrow (a verb
#: of raising right after the negation) so that "did not answer my letter about Nos. 13-16"
#: still names Nos. 13-16.
_NEGATED = re.compile(
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

    def page_of(self, pos: int) -> int:
        return bisect.bisect_right(self.starts, pos)

    def date_hits(self, day: dt.date) -> list[int]:
        return [m.start() for m in date_patterns(day).finditer(self.text)]

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
    from filelint.refs import find_request_mentions

    pages = ["" if i in doc.scanned_pages else text for i, text in enumerate(doc.pages, 1)]
    starts: list[int] = []
    offset = 0
    for text in pages:
        starts.append(offset)
        offset += len(text) + 1
    joined = "\n".join(pages)
    grouped: dict[int, list[str]] = {}
    for pos, ref in find_request_mentions(joined):
        if ref.device in (None, device):
            grouped.setdefault(pos, []).append(ref.number)
    mentions = tuple(
        Mention(pos, bisect.bisect_right(starts, pos), tuple(dict.fromkeys(numbers)), _negated(joined, pos))
        for pos, numbers in sorted(grouped.items())
    )
    return PaperText(joined, tuple(starts), mentions, _boundaries(joined))


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
