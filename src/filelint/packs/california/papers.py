"""Memorandum length and tables (CRC 3.1113(d), (f)), read from the memorandum PDF."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from filelint import Authority, Context, Problem, rule
from filelint.packs.california.scope import CALIFORNIA
from filelint.papers import iter_docs, page_list

if TYPE_CHECKING:
    from filelint.papers import DocumentText

LIMIT, TABLES_OVER = 15, 10
TRAILING = "declarations/exhibits/proof of service"
#: How far into a page a heading may start (characters of cleaned text).
HEAD = 400
_TOC = re.compile(r"TABLE\s+OF\s+CONTENTS", re.IGNORECASE)
_TOA = re.compile(r"TABLE\s+OF\s+AUTHORITIES", re.IGNORECASE)
_LEADER = re.compile(r"(?:\.\s?){5,}\s*\d+\s*$", re.MULTILINE)
_CAPTION = re.compile(r"SUPERIOR\s+COURT|Case\s+No\.", re.IGNORECASE)
_MEMO = re.compile(r"MEMORANDUM\s+OF\s+POINTS\s+AND\s+AUTHORITIES", re.IGNORECASE)
#: Parts after the argument that the rule excludes; each runs to the end of the paper.
_TRAILING = {
    "declarations": re.compile(r"^\s*(?:\S+\s+){0,3}DECLARATION\s+OF\b", re.MULTILINE),
    "proof of service": re.compile(r"PROOF\s+OF\s+SERVICE"),
    "exhibits": re.compile(r"^\s*EXHIBIT\s+[0-9A-Z]{1,3}\s*$", re.MULTILINE),
}
NOTES = (
    "Counting is approximate and per PDF page: filelint drops (1) the first page when it carries "
    "the caption ('SUPERIOR COURT' or 'Case No.'), (2) pages before the 'MEMORANDUM OF POINTS AND "
    "AUTHORITIES' heading when the paper also holds the notice of motion, (3) pages headed 'TABLE "
    "OF CONTENTS' / 'TABLE OF AUTHORITIES' and pages of dot-leader entries, and (4) everything from "
    "the first page headed (in capitals) 'DECLARATION OF', 'PROOF OF SERVICE' or a slip sheet 'EXHIBIT n' to the "
    "end. A heading counts only in the first 400 characters of a page. The limits are for an "
    "opening or opposition memorandum (a reply is limited to 10 pages; a summary-judgment "
    "memorandum to 20) and leave of court is not read from the papers: waive the finding when "
    "leave was granted."
)


@dataclass(frozen=True)
class PageCount:
    """Pages counted against the limit, and why the others were not."""

    counted: int
    total: int
    excluded: dict[str, list[int]]

    def explain(self) -> str:
        parts = [f"{label} {page_list(pages)}" for label, pages in self.excluded.items() if pages]
        skipped = f"; not counted: {', '.join(parts)}" if parts else ""
        return f"{self.counted} counted of {self.total} pages{skipped}"


def count_pages(doc: DocumentText) -> PageCount:
    """Apply the exclusions of CRC 3.1113(d) as far as the text shows them."""
    heads = [" ".join(t.split())[:HEAD] for t in doc.pages]
    excluded: dict[str, list[int]] = {"caption": [], "notice": [], "tables": [], TRAILING: []}
    if heads and _CAPTION.search(doc.pages[0]):
        excluded["caption"].append(1)
    memo_start = next((i for i, h in enumerate(heads) if _MEMO.search(h)), 0)
    excluded["notice"] = [i + 1 for i in range(memo_start) if i + 1 not in excluded["caption"]]
    trailing_start = _trailing_start(doc)
    for i, text in enumerate(doc.pages):
        n = i + 1
        if n >= trailing_start:
            excluded[TRAILING].append(n)
        elif (_TOC.search(heads[i]) or _TOA.search(heads[i]) or len(_LEADER.findall(text)) >= 3) and n not in excluded[
            "notice"
        ]:
            excluded["tables"].append(n)
    gone = {n for pages in excluded.values() for n in pages}
    return PageCount(len(doc.pages) - len(gone), len(doc.pages), excluded)


def _trailing_start(doc: DocumentText) -> int:
    for i, text in enumerate(doc.pages[1:], 2):
        head = text[:HEAD]
        if any(p.search(head) for p in _TRAILING.values()):
            return i
    return len(doc.pages) + 1


def _memoranda(ctx: Context) -> Iterator[tuple[str, DocumentText, tuple[str | int, ...]]]:
    papers = ctx.case.papers_with_role("memorandum")
    for path, doc in iter_docs(ctx, [p.path for p in papers]):
        yield path, doc, next(p.at for p in papers if p.path == path)


@rule(
    "CAL501",
    "memorandum-too-long",
    "error",
    systems=CALIFORNIA,
    summary="The memorandum is longer than 15 pages.",
    why="An opening or opposition memorandum may not exceed 15 pages; a longer one is "
    "filed only with leave, and the court may treat it like a late-filed paper.",
    authority=[Authority("CRC 3.1113(d)"), Authority("CRC 3.1113(g)")],
    fix="Cut the memorandum to 15 pages, or apply ex parte for leave to file a longer one "
    "(and then waive this finding, citing the order).",
    fail_example="# memorandum.pdf: caption + 17 pages of argument",
    pass_example="# memorandum.pdf: caption + 9 pages of argument",
    reads=("papers[].role",),
    notes=NOTES,
)
def memorandum_too_long(ctx: Context) -> Iterator[Problem]:
    for path, doc, at in _memoranda(ctx):
        count = count_pages(doc)
        if count.counted > LIMIT:
            yield Problem(
                f"{path} is about {count.counted} pages, over the {LIMIT}-page limit ({count.explain()})",
                at=(*at, "path"),
                key=path,
            )


@rule(
    "CAL502",
    "memorandum-tables-missing",
    "warning",
    systems=CALIFORNIA,
    summary="A memorandum over 10 pages has no table of contents or no table of authorities.",
    why="A memorandum that exceeds 10 pages must include a table of contents and a table of authorities.",
    authority=[Authority("CRC 3.1113(f)")],
    fix="Add a table of contents and a table of authorities (they do not count toward the page limit).",
    fail_example="# memorandum.pdf: 12 pages of argument, no TABLE OF CONTENTS",
    pass_example="# memorandum.pdf: TABLE OF CONTENTS, TABLE OF AUTHORITIES, 12 pages of argument",
    reads=("papers[].role",),
    notes=NOTES + " The tables are found by their headings anywhere in the paper.",
)
def memorandum_tables(ctx: Context) -> Iterator[Problem]:
    for path, doc, at in _memoranda(ctx):
        count = count_pages(doc)
        if count.counted <= TABLES_OVER:
            continue
        text = "\n".join(doc.pages)
        lacking = [
            name
            for name, pattern in (("a table of contents", _TOC), ("a table of authorities", _TOA))
            if not pattern.search(text)
        ]
        if lacking:
            yield Problem(
                f"{path} is about {count.counted} pages ({count.explain()}) and has no "
                f"{' and no '.join(n.removeprefix('a ') for n in lacking)}",
                at=(*at, "path"),
                key=path,
            )


RULES = (memorandum_too_long, memorandum_tables)
