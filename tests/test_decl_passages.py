"""FL106's passages: where a declaration's description of a communication starts and ends,
and which request numbers count (the data-driven cases are in tests/rules/FL106)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from filelint.papers.passages import PASSAGE_MAX, PaperText, read_paper
from filelint.pdf import DocumentText

AUG17, AUG30 = dt.date(2023, 8, 17), dt.date(2023, 8, 30)


def _paper(*pages: str, scanned: tuple[int, ...] = ()) -> PaperText:
    doc = DocumentText(Path("decl.pdf"), "0", tuple(pages), "ok", "", scanned, len(pages))
    return read_paper(doc, "rfp")


def _named(paper: PaperText, day: dt.date, stops: list[int] | None = None) -> list[str]:
    out: list[str] = []
    for hit in paper.date_hits(day):
        for mention in paper.mentions_in(hit, paper.passage_end(hit, stops or [])):
            out.extend(mention.numbers)
    return out


def test_a_numbered_paragraph_ends_the_passage() -> None:
    paper = _paper("7. On August 17, 2023, I sent a letter.\n8. Defendant refused to answer Request Nos. 13-16.")
    assert _named(paper, AUG17) == []


def test_a_number_that_continues_a_list_is_not_a_paragraph() -> None:
    paper = _paper(
        "7. On August 17, 2023, I wrote about Request Nos. 13-16, 34 and\n"
        "35. A true copy is attached as Exhibit\n"
        "3. Defendant did not answer.\n"
        "8. Defendant served Request No. 99 on me."
    )
    assert _named(paper, AUG17) == ["13", "14", "15", "16", "34", "35"]


def test_another_communications_date_ends_the_passage() -> None:
    paper = _paper(
        "7. On August 17, 2023, I wrote about Request No. 13; on August 30, 2023, "
        "defendant answered about Request No. 14."
    )
    stops = paper.date_hits(AUG30)
    assert _named(paper, AUG17, stops) == ["13"]
    assert _named(paper, AUG30, paper.date_hits(AUG17)) == ["14"]


def test_a_paragraph_runs_on_to_the_next_page() -> None:
    paper = _paper("7. On August 17, 2023, I sent a letter about", "Request Nos. 34 and 35.")
    assert paper.mentions[0].page == 2
    assert _named(paper, AUG17) == ["34", "35"]


def test_the_passage_is_bounded() -> None:
    paper = _paper("7. On August 17, 2023, I wrote. " + "x " * PASSAGE_MAX + "Request No. 5.")
    assert _named(paper, AUG17) == []


def test_other_devices_and_case_numbers_do_not_count() -> None:
    paper = _paper(
        "7. On August 17, 2023, in Case No. 23STCV03596, I wrote about Special "
        "Interrogatory Nos. 1-3 and Dkt. No. 116 and Request for Production No. 8."
    )
    assert _named(paper, AUG17) == ["8"]


def test_pages_without_text_are_not_read() -> None:
    paper = _paper("7. On August 17, 2023, I wrote.", "Request No. 5.", scanned=(2,))
    assert paper.mentions == ()


def test_a_negated_mention_is_not_what_the_letter_raised() -> None:
    paper = _paper(
        "7. On August 17, 2023, I sent a letter about Request Nos. 13-16. It said "
        "nothing about Nos. 34 and 35, and did not address Request No. 2."
    )
    mentions = paper.mentions_in(0, len(paper.text))
    assert [(m.numbers, m.negated) for m in mentions] == [
        (("13", "14", "15", "16"), False),
        (("34", "35"), True),
        (("2",), True),
    ]


def test_a_negation_about_something_else_does_not_count() -> None:
    paper = _paper("8. Defendant did not answer my letter about Request Nos. 13-16, other than to ask for time.")
    assert [m.negated for m in paper.mentions_in(0, len(paper.text))] == [False]
