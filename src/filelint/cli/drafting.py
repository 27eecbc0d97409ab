"""Draft a manifest from a folder's PDFs (``filelint init``).

Everything here is a guess from the papers' text: roles from their titles, the case number and
court from captions, the requests at issue from the notice, each letter's date and the requests
it names. Every guessed value carries a ``# CONFIRM:`` comment saying what a person must check;
facts the papers cannot show (who sent a letter, service dates, offers) are left for the person
to add, with a comment saying so.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from filelint.papers.common import number_key, number_list

if TYPE_CHECKING:
    from filelint.pdf import DocumentText

CONFIRM = "# CONFIRM:"
#: Title words (in capitals, as captions print them) -> role; the earliest on page 1 wins.
ROLE_TITLES = (
    (re.compile(r"^\s*EXHIBIT\s+([0-9]{1,3}|[A-Z]{1,2})\s*$", re.MULTILINE), "exhibit"),
    (re.compile(r"NOTICE\s+OF\s+MOTION"), "notice"),
    (re.compile(r"MEMORANDUM\s+OF\s+POINTS\s+AND\s+AUTHORITIES"), "memorandum"),
    (re.compile(r"SEPARATE\s+STATEMENT"), "separate-statement"),
    (re.compile(r"JOINT\s+STIPULATION"), "joint-stipulation"),
    (re.compile(r"DECLARATION\s+OF"), "declaration"),
    (re.compile(r"PROOF\s+OF\s+SERVICE"), "proof-of-service"),
    (re.compile(r"\[PROPOSED\]\s+ORDER"), "proposed-order"),
)
_CASE_NO = re.compile(r"Case\s+No\.?:?\s*([0-9A-Z][0-9A-Za-z:-]{5,})", re.IGNORECASE)
_COUNTY = re.compile(r"COUNTY\s+OF\s+([A-Z][A-Z ]+?)\s*(?:\n|$)")
_MONTHS = list(calendar.month_name)[1:]
_DATE = re.compile(r"\b(" + "|".join(_MONTHS) + r")\s+(\d{1,2}),\s+(\d{4})")
_LETTER = re.compile(r"^\s*(?:Re|RE|To|Dear)\b", re.MULTILINE)
_RESPONSES = re.compile(r"RESPONSES?\s+TO")  # in capitals, as a title
_KINDS = (
    (re.compile(r"PRODUCTION", re.IGNORECASE), "compel-further-rfp", "rfp"),
    (re.compile(r"SPECIAL\s+INTERROGATOR", re.IGNORECASE), "compel-further-srog", "srog"),
    (re.compile(r"FORM\s+INTERROGATOR", re.IGNORECASE), "compel-further-frog", "frog"),
    (re.compile(r"ADMISSION", re.IGNORECASE), "compel-further-rfa", "rfa"),
)


@dataclass(frozen=True)
class PaperGuess:
    """A PDF of the folder and what its first page suggests it is."""

    path: str
    role: str
    exhibit: str | None
    doc: DocumentText | None

    @property
    def text(self) -> str:
        return "\n".join(self.doc.pages) if self.doc is not None else ""

    @property
    def first_page(self) -> str:
        return self.doc.pages[0] if self.doc is not None and self.doc.pages else ""


def guess_role(first_page: str) -> tuple[str, str | None]:
    """The role whose title appears first on page 1, and the exhibit number if any."""
    best: tuple[int, str, str | None] | None = None
    for pattern, role in ROLE_TITLES:
        match = pattern.search(first_page)
        if match and (best is None or match.start() < best[0]):
            best = (match.start(), role, match.group(1) if role == "exhibit" else None)
    return (best[1], best[2]) if best else ("other", None)


def first_date(text: str) -> dt.date | None:
    """The first 'Month D, YYYY' date in ``text``."""
    match = _DATE.search(text)
    if not match:
        return None
    month = _MONTHS.index(match.group(1)) + 1
    try:
        return dt.date(int(match.group(3)), month, int(match.group(2)))
    except ValueError:
        return None


def request_numbers(doc: DocumentText | None, device: str) -> list[str]:
    """Request numbers of ``device`` the document names, sorted."""
    if doc is None:
        return []
    from filelint.papers.common import request_pages

    return sorted(request_pages(doc, device), key=number_key)


def guess_papers(docs: dict[str, DocumentText | None]) -> list[PaperGuess]:
    out = []
    for path, doc in sorted(docs.items()):
        first = doc.pages[0] if doc is not None and doc.pages else ""
        role, exhibit = guess_role(first)
        out.append(PaperGuess(path, role, exhibit, doc))
    return out


def _q(value: object) -> str:
    """A YAML scalar (JSON strings are valid YAML)."""
    return json.dumps(value) if isinstance(value, str) else str(value)


class _Writer:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def add(self, text: str, confirm: str | None = None) -> None:
        self.lines.append(f"{text}   {CONFIRM} {confirm}" if confirm else text)

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


def draft_manifest(folder_name: str, docs: dict[str, DocumentText | None]) -> str:
    """The draft manifest's text for a folder whose PDFs read as ``docs`` (relpath -> text)."""
    from filelint.cli.drafting_mail import draft_mail, is_mail

    papers = guess_papers({p: d for p, d in docs.items() if not is_mail(d)})
    notice = next((p for p in papers if p.role == "notice"), None)
    w = _Writer()
    w.add(f"# Draft manifest for {folder_name}, written by `filelint init` from the PDFs.")
    w.add("# Every value marked CONFIRM is a guess from the papers' text, and `unknown` a fact they do not show:")
    w.add("# `filelint check` reports each one (FL005) until you check it, then delete the comment.")
    w.add(
        "# Add what the papers cannot show: who sent each letter (from:), service dates and "
        "methods, offers and answers."
    )
    w.add("filelint: 1")
    _court(w, papers)
    device = _motion(w, notice, papers)
    _responses(w, papers, device)
    if not draft_mail(w.add, docs, device):  # emails, when the folder has them, else letters
        _meet_and_confer(w, papers, device)
    _papers(w, papers)
    return w.text()


def _court(w: _Writer, papers: list[PaperGuess]) -> None:
    # The notice of motion first: its caption is the motion's; an exhibit's may be another case's.
    ordered = sorted(
        (p for p in papers if p.role != "exhibit" and not _correspondence(p)), key=lambda p: p.role != "notice"
    )
    text = "\n".join(p.first_page for p in ordered)
    w.add("court:")
    if "UNITED STATES DISTRICT COURT" in text.upper():
        w.add("  system: federal", "a federal district court, from the caption")
    else:
        w.add(
            "  system: ca-superior",
            "a California superior court (from the caption)"
            if "SUPERIOR COURT" in text.upper()
            else "no caption found; set the court system",
        )
        county = _COUNTY.search(text)
        if county:
            w.add(f"  county: {_q(county.group(1).strip().title())}", "county from the caption")
    number = _CASE_NO.search(text) or _CASE_NO.search("\n".join(p.text for p in ordered))
    source = "the notice of motion's caption" if ordered and ordered[0].role == "notice" else "a caption"
    w.add("case:")
    w.add(
        f"  number: {_q(number.group(1) if number else 'unknown')}",
        f"case number from {source}" if number else "no case number found; write it",
    )


def _motion(w: _Writer, notice: PaperGuess | None, papers: list[PaperGuess]) -> str:
    w.add("motion:")
    title = notice.first_page if notice else ""
    kind, device = next(((k, d) for pattern, k, d in _KINDS if pattern.search(title)), ("unknown", "rfp"))
    w.add(
        f"  kind: {kind}",
        "guessed from the notice's title"
        if kind != "unknown"
        else (
            "the notice's title names no device; set the motion kind"
            if notice
            else "no notice of motion found; set the motion kind"
        ),
    )
    numbers = request_numbers(notice.doc if notice else None, device)
    if numbers:
        w.add(f"  requests_at_issue: {_q(number_list(numbers))}", f"the requests {notice.path if notice else ''} names")
    else:
        w.add(
            '  # requests_at_issue: "..."   # CONFIRM: no request numbers found in a notice; list the requests at issue'
        )
    hearing = first_date(notice.text) if notice else None
    if hearing:
        w.add(f"  hearing: {hearing.isoformat()}", "first date in the notice; is it the hearing?")
    w.add("  # filed: YYYY-MM-DD and served: {date: ..., method: ...} are not read from the papers")
    return device


def _responses(w: _Writer, papers: list[PaperGuess], device: str) -> None:
    found = [p for p in papers if _is_responses(p)]
    if not found:
        return
    w.add("responses:")
    for i, paper in enumerate(found, 1):
        w.add(f"  - id: resp-{i}")
        w.add(f"    device: {device}", "the responses' device")
        w.add(f"    file: {_q(paper.path)}", "these look like written discovery responses")
        w.add("    # served:, method:, verified: are not read from the papers")


def _meet_and_confer(w: _Writer, papers: list[PaperGuess], device: str) -> None:
    letters = []
    for paper in papers:
        date = first_date(paper.first_page) if _is_letter(paper) else None
        if date is not None:
            letters.append((date, paper))
    if not letters:
        w.add("# meet_and_confer: no letters found among the exhibits; list each communication")
        return
    w.add("meet_and_confer:")
    for i, (date, paper) in enumerate(sorted(letters, key=lambda t: (t[0], t[1].path)), 1):
        w.add(f"  - id: m{i}")
        w.add(f"    date: {date.isoformat()}", "the letter's date")
        w.add("    from: unknown", "who sent it? moving or responding (the papers do not say)")
        w.add("    channel: letter", "letter or email?")
        numbers = request_numbers(paper.doc, device)
        if numbers:
            w.add(f"    raises: {_q(number_list(numbers))}", "the requests the letter names")
        else:
            w.add('    # raises: "..."   # CONFIRM: the letter names no request number; list what it raised')
        w.add(f"    file: {_q(paper.path)}")


def _papers(w: _Writer, papers: Iterable[PaperGuess]) -> None:
    w.add("papers:")
    for paper in papers:
        if _correspondence(paper):
            continue  # a letter or responses not filed as an exhibit: listed above, not a paper
        exhibit = f", exhibit: {_exhibit(paper.exhibit)}" if paper.exhibit else ""
        w.add(
            f"  - {{role: {paper.role}{exhibit}, path: {_q(paper.path)}}}",
            "role guessed from the title" if paper.role != "other" else "no title recognised; set the role",
        )


def _is_letter(paper: PaperGuess) -> bool:
    """A letter or email, filed as an exhibit (after its slip sheet) or loose in the folder."""
    return paper.role in ("exhibit", "other") and bool(_LETTER.search(paper.first_page))


def _is_responses(paper: PaperGuess) -> bool:
    """Written discovery responses, filed as an exhibit or loose in the folder."""
    return paper.role in ("exhibit", "other") and bool(_RESPONSES.search(paper.first_page)) and not _is_letter(paper)


def _correspondence(paper: PaperGuess) -> bool:
    """A letter or responses that is not filed (no exhibit slip sheet): not one of the papers."""
    return paper.role == "other" and (_is_letter(paper) or _is_responses(paper))


def _exhibit(ident: str) -> str:
    return ident if ident.isdigit() else _q(ident)
