"""FL103: the meet-and-confer declaration states the facts of each communication and its
exhibits exist."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from filelint import Authority, Communication, Context, Problem, rule
from filelint.packs.core.papers.systems import CALIFORNIA_AND_FEDERAL
from filelint.papers import iter_docs, page_date_hits, page_list, searched_pages

if TYPE_CHECKING:
    from filelint.papers import DocumentText

#: Words that show how a communication happened, by manifest channel.
CHANNEL_WORDS = {
    "letter": r"letter|correspondence|wrote|writing|written",
    "email": r"e-?mail|electronic mail",
    "phone": r"tele?phone|phone|call(?:ed)?|spoke",
    "video": r"video|zoom|teams|webex",
    "in-person": r"in person|in-person|met with|meeting",
    "idc": r"informal discovery conference|\bIDC\b",
    "voicemail": r"voice ?mail|message",
    "text": r"text message|texted|\btext\b",
}
#: A channel word counts when it is this close to the date (characters).
NEAR = 400
_EXHIBIT = re.compile(
    r"\b(?:Exhibits?|Exs?\.)\s+("
    r"[0-9]{1,3}\b(?:\s*(?:,|and|&)\s*[0-9]{1,3}\b)*"  # 3, 4 and 5
    r"|[A-Z]{1,2}\b(?:\s*(?:,|and|&)\s*[A-Z]{1,2}\b(?!\s+[a-z]))*)"
)  # A and B (not "A, I declare")
_EXHIBIT_ID = re.compile(r"[0-9]{1,3}|[A-Z]{1,2}")


@rule(
    "FL103",
    "declaration-facts",
    "warning",
    systems=CALIFORNIA_AND_FEDERAL,
    summary="The meet-and-confer declaration does not state the date or the means of a "
    "communication the manifest relies on, or cites an exhibit the papers do not include.",
    why="A meet-and-confer declaration 'shall state facts showing a reasonable and good faith "
    "attempt at an informal resolution'; a communication the declaration does not describe "
    "is not before the court, and an exhibit it cites but the filing lacks proves nothing.",
    authority=[Authority("CCP § 2016.040 ('state facts')"), Authority("Fed. R. Civ. P. 37(a)(1)")],
    fix="Describe each communication in the declaration (date, letter/email/call, who, which "
    "requests) and attach every exhibit it cites, listed under papers with `exhibit:`.",
    fail_example="meet_and_confer:\n  - {id: m3, date: 2023-09-05, from: moving, channel: letter}\n"
    "# the declaration never mentions September 5, 2023",
    pass_example="# declaration: '9. On September 5, 2023, I answered defendant's reply by "
    "letter ... attached as Exhibit 5.'\npapers:\n  - {role: exhibit, exhibit: 5, "
    "path: exhibits/ex5.pdf}",
    reads=("papers[].role", "papers[].exhibit", "meet_and_confer[].date", "meet_and_confer[].channel", "motion.filed"),
    notes="Checks every communication dated on or before filing except formal discovery "
    "responses (channel: response). A date counts in the usual forms (August 17, 2023; Aug. "
    "17, 2023; 8/17/2023; 2023-08-17); the means counts when a word for it (letter, "
    "e-mail, telephone/call, video, in person, IDC, ...) appears within 400 characters "
    "of the date. Exhibit citations are 'Exhibit 5', 'Ex. 5', 'Exhibits 3 and 4'. A "
    "missing declaration is CAL001's finding; a missing file is FL010's.",
)
def declaration_facts(ctx: Context) -> Iterator[Problem]:
    decls = ctx.case.papers_with_role("declaration")
    for path, doc in iter_docs(ctx, [p.path for p in decls]):
        paper = next(p for p in decls if p.path == path)
        yield from _communication_facts(ctx, path, doc, paper.at)
        yield from _cited_exhibits(ctx, path, doc, paper.at)


def _communication_facts(ctx: Context, path: str, doc: DocumentText, at: tuple[str | int, ...]) -> Iterator[Problem]:
    pages = [" ".join(text.split()) for text in doc.pages]
    for comm in ctx.case.before_filing():
        if comm.channel == "response":
            continue
        hits = page_date_hits(doc, comm.date)
        what = f"{comm.id}, the {comm.channel} of {comm.date}"
        if not hits:
            yield Problem(
                f"{path} does not state the date of {what} (searched {searched_pages(doc)})",
                at=(*comm.at, "date"),
                communication=comm.id,
                key=f"{comm.id}:date",
            )
        elif comm.channel in CHANNEL_WORDS and not _channel_near(comm, pages, hits):
            where = page_list(sorted({p for p, _ in hits}))
            yield Problem(
                f"{path} mentions {comm.date} ({where}) but not that {comm.id} was a {comm.channel}",
                at=(*comm.at, "channel"),
                communication=comm.id,
                key=f"{comm.id}:channel",
            )


def _channel_near(comm: Communication, pages: list[str], hits: list[tuple[int, int]]) -> bool:
    words = re.compile(CHANNEL_WORDS[comm.channel], re.IGNORECASE)
    for page, pos in hits:
        text = pages[page - 1]
        if words.search(text[max(0, pos - NEAR // 2) : pos + NEAR]):
            return True
    return False


def _cited_exhibits(ctx: Context, path: str, doc: DocumentText, at: tuple[str | int, ...]) -> Iterator[Problem]:
    listed = {str(p.exhibit).strip().upper() for p in ctx.case.papers if p.exhibit is not None}
    cited: dict[str, list[int]] = {}
    for page_no, text in enumerate(doc.pages, 1):
        for match in _EXHIBIT.finditer(" ".join(text.split())):
            for ident in _EXHIBIT_ID.findall(match.group(1)):
                pages = cited.setdefault(ident.upper(), [])
                if page_no not in pages:
                    pages.append(page_no)
    for ident, pages in cited.items():
        if ident not in listed:
            yield Problem(
                f"{path} cites Exhibit {ident} ({page_list(pages)}), but no paper in "
                f"the manifest has `exhibit: {ident}`",
                at=(*at, "path"),
                key=f"exhibit:{ident}",
            )


RULES = (declaration_facts,)
