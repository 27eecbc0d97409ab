"""Splitting a separate statement into request sections (CRC 3.1345(c)), line by line."""

from __future__ import annotations

from pathlib import Path

import pytest

from filelint.papers.statement_parse import classify, incorporates, parse_sections
from filelint.pdf import DocumentText


@pytest.mark.parametrize(
    ("line", "element", "numbers"),
    [
        ("REQUEST FOR PRODUCTION NO. 13:", "request", ("13",)),
        ("Request for Production No. 13:", "request", ("13",)),
        ("SPECIAL INTERROGATORY NO. 5: State all facts", "request", ("5",)),
        ("FORM INTERROGATORY NO. 17.1:", "request", ("17.1",)),
        ("REQUEST FOR ADMISSION NO. 3", "request", ("3",)),
        ("REQUESTS FOR PRODUCTION NOS. 13-16:", "request", ("13", "14", "15", "16")),
        ("REQUEST NO. 2:", "request", ("2",)),
        ("RESPONSE TO REQUEST FOR PRODUCTION NO. 13:", "response", ("13",)),
        ("FURTHER RESPONSE TO SPECIAL INTERROGATORY NO. 5:", "response", ("5",)),
        ("Defendant's Response: Objection.", "response", ()),
        ("OBJECTIONS:", "response", ()),
        ("Response [CONFIDENTIAL]:", "response", ()),  # a real federal RFP response
        ("Document Request No. 4: All Documents sufficient to", "request", ("4",)),
        ("REASONS WHY A FURTHER RESPONSE SHOULD BE COMPELLED:", "reasons", ()),
        ("FACTUAL AND LEGAL REASONS FOR COMPELLING FURTHER RESPONSES", "reasons", ()),
        ("GOOD CAUSE:", "reasons", ()),
        ("MOVING PARTY'S POSITION:", "reasons", ()),
    ],
)
def test_headings(line: str, element: str, numbers: tuple[str, ...]) -> None:
    heading = classify(line)
    assert heading is not None and (heading.element, heading.numbers) == (element, numbers)


@pytest.mark.parametrize(
    "line",
    [
        "Request No. 13 seeks all documents",  # running text: no colon, not in capitals
        "Responding party objects to this request",
        "The reasons are set out below",
        "Plaintiff's answer to this is no",
        "",
    ],
)
def test_body_lines(line: str) -> None:
    assert classify(line) is None


def _doc(*pages: str) -> DocumentText:
    return DocumentText(Path("sep.pdf"), "0" * 64, pages, "ok", "")


def test_sections_collect_each_element_and_its_text() -> None:
    doc = _doc(
        "REQUEST FOR PRODUCTION NO. 13:\nAll repair orders.\nRESPONSE TO REQUEST FOR "
        "PRODUCTION NO. 13:\nObjection.\nREASONS WHY A FURTHER RESPONSE SHOULD BE COMPELLED:\n"
        "As with Request No. 14, they show the defect.",
        "REQUEST FOR PRODUCTION NO. 14:\nAll warranty claims.\nRESPONSE:\nNone.",
    )
    sections = parse_sections(doc)
    assert set(sections) == {"13", "14"}
    assert sections["13"].body("reasons").startswith("As with Request No. 14")
    assert sections["14"].pages == [2] and not sections["14"].has("reasons")
    assert sections["14"].body("response") == "None."


def test_a_grouped_heading_covers_every_number() -> None:
    doc = _doc("REQUESTS FOR PRODUCTION NOS. 13-15:\nText.\nRESPONSES:\nObjection.\nREASONS:\nWhy.")
    sections = parse_sections(doc)
    assert set(sections) == {"13", "14", "15"}
    assert all(s.body("reasons") == "Why." for s in sections.values())


def test_a_response_heading_naming_another_number_moves_to_it() -> None:
    doc = _doc("REQUEST NO. 1:\nA.\nREQUEST NO. 2:\nB.\nRESPONSE TO REQUEST NO. 1:\nObjection.")
    assert parse_sections(doc)["1"].body("response") == "Objection."
    assert not parse_sections(doc)["2"].has("response")


def test_pages_without_text_are_skipped_and_no_headings_give_nothing() -> None:
    doc = DocumentText(
        Path("sep.pdf"), "0" * 64, ("REQUEST NO. 1:\nA.", "No. | Request"), "partial", "", scanned_pages=(1,)
    )
    assert parse_sections(doc) == {}


@pytest.mark.parametrize(
    ("body", "points"),
    [
        ("See Exhibit 2.", True),
        ("The response is incorporated herein by reference.", True),
        ("As set forth in the attached Exhibit B.", True),
        ("Objection: overbroad. Without waiving, responding party will produce.", False),
        ("See Exhibit 2. " + "The reasons are these. " * 20, False),  # long text sets things out
    ],
)
def test_incorporation(body: str, points: bool) -> None:
    assert incorporates(body) is points


def test_quoted_share_ignores_case_punctuation_and_line_breaks() -> None:
    from filelint.packs.core.papers.statement_text import quoted_share, words

    served = words("Objection: overbroad and\nunduly burdensome.")
    assert quoted_share(served, words("OBJECTION overbroad, and unduly burdensome [sic]")) == 1.0
    assert quoted_share(served, words("Defendant objected.")) == 0.0
    assert quoted_share(served, words("Objection: overbroad.")) == 0.4  # 2 of 5 words
