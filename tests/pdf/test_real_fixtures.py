"""The reader on 15 real court filings: the corpus suite (``pytest -m corpus``, see README).

The filings are public court records kept outside the repository (``$FILELINT_CORPUS/real-pdfs``);
what they prove about layout is also covered by generated PDFs in test_layout.py."""

from __future__ import annotations

import re

import pytest

from filelint.pdf import DocumentText
from filelint.refs import RequestRef, find_request_refs

from .helpers import bare_numbers, doc_of, flat

pytestmark = pytest.mark.corpus

Docs = dict[str, DocumentText]

#: File name prefix -> expected status.
STATUS = {
    "cacd-630649": "ok",  # minutes with a tentative ruling
    "cacd-635155": "ok",  # L.R. 37 supplemental brief
    "cacd-652774": "ok",  # order on pleading paper
    "cacd-657892-167": "ok",  # memorandum
    "cacd-657892-168": "ok",  # notice of motion
    "cacd-657892-174": "ok",  # letter to opposing counsel
    "cacd-661853": "ok",  # joint stipulation, 42 pages
    "cacd-775358": "ok",  # RFP responses exhibit
    "cacd-775858": "no-text",  # image-only minutes
    "caed-338083": "ok",  # transcript whose text sits in a Form XObject
    "cand-203070": "no-text",  # scan whose only text is the ECF stamp
    "cand-299327": "partial",  # declaration + scanned redacted exhibits
    "cand-349925": "ok",  # joint discovery letter brief
    # Pages 2-3 of the declaration are flattened page images (redacted, no
    # text layer), so the honest status is "partial", not "ok".
    "cand-350613": "partial",
    "nysd-413994": "garbled",  # fonts without a Unicode map
}
PLEADING = (
    "cacd-635155",
    "cacd-652774",
    "cacd-657892-167",
    "cacd-657892-168",
    "cacd-661853",
    "cacd-775358",
    "cand-299327",
    "cand-350613",
    "caed-338083",
)
STAMP = re.compile(r"(?im)^\s*(Case|Appeal)[: ]\s*\S+.*?(Document|Doc:?|Dkt)\s*\S+.*?(Filed|Entered).*$")


@pytest.mark.parametrize("prefix", sorted(STATUS))
def test_status(real_docs: Docs, prefix: str) -> None:
    doc = doc_of(real_docs, prefix)
    assert doc.status == STATUS[prefix], doc.detail
    assert bool(doc.detail) == (doc.status != "ok")
    assert len(doc.pages) == doc.page_count > 0


def test_every_fixture_is_covered(real_docs: Docs) -> None:
    assert len(real_docs) == len(STATUS) == 15


def test_redacted_exhibits_are_listed_as_scanned(real_docs: Docs) -> None:
    doc = doc_of(real_docs, "cand-299327")
    assert doc.scanned_pages == tuple(range(3, 24))
    assert "pages 3-23" in doc.detail and "OCR" in doc.detail
    assert "Loren Kieve states" in doc.pages[0]


def test_scans_and_broken_fonts_list_every_page(real_docs: Docs) -> None:
    for prefix in ("cacd-775858", "cand-203070", "nysd-413994"):
        doc = doc_of(real_docs, prefix)
        assert doc.scanned_pages == tuple(range(1, doc.page_count + 1)), prefix


def test_stamp_only_scan_keeps_no_stamp(real_docs: Docs) -> None:
    doc = doc_of(real_docs, "cand-203070")
    assert not any("Document 2" in page or "Filed" in page for page in doc.pages)


def test_declaration_sentence_is_whole(real_docs: Docs) -> None:
    doc = doc_of(real_docs, "cand-350613")
    text = flat(doc)
    assert "has not met and conferred with me or any other" in text
    assert "me or 10 any other" not in text
    assert doc.scanned_pages == (2, 3)


def test_transcript_in_form_xobject_has_lines(real_docs: Docs) -> None:
    doc = doc_of(real_docs, "caed-338083")
    assert "REPORTER'S TRANSCRIPT OF PROCEEDINGS" in doc.pages[0]
    assert "instructed the Government to hand over all Brady material by" in doc.pages[2].split("\n")


@pytest.mark.parametrize("prefix", PLEADING)
def test_line_numbers_are_gone(real_docs: Docs, prefix: str) -> None:
    doc = doc_of(real_docs, prefix)
    for number, page in enumerate(doc.pages, 1):
        if number in doc.scanned_pages:
            continue
        left = bare_numbers(page)
        # Footnote markers may stand alone; a leftover column would leave 1..28.
        assert len(set(left)) < 3, (number, left)
        if prefix not in ("cacd-657892-167", "cand-299327"):
            # (the memorandum has lone footnote numbers, the declaration a
            # page number "1" that no other page repeats)
            assert left == [], (number, left)


def test_real_number_at_line_start_survives(real_docs: Docs) -> None:
    lines = doc_of(real_docs, "cacd-635155").pages[1].split("\n")
    assert any(line.startswith("11 [Dkt. 854-2]") for line in lines)


def test_letter_brief_keeps_its_footnotes(real_docs: Docs) -> None:
    lines = [ln for page in doc_of(real_docs, "cand-349925").pages for ln in page.split("\n")]
    assert "1 https://about.att.com/story/att_teams_to_develop_mobile_authentication_solution.html" in lines
    assert any(line.startswith("4 https://www.verizon.com/") for line in lines)


def test_no_stamps_or_typographic_characters_remain(real_docs: Docs) -> None:
    for name, doc in real_docs.items():
        for page in doc.pages:
            assert not STAMP.search(page), name
            assert not re.search(r"^#:\d+$", page, re.MULTILINE), name
            assert not set(page) & set("\u2013\u2014\u2212\u2018\u2019\u201c\u201d"), name


def test_running_footers_and_page_numbers_are_gone(real_docs: Docs) -> None:
    doc = doc_of(real_docs, "cacd-657892-168")
    assert not any("DEFS.' NOTICE OF MOTION AND MOTION" in page for page in doc.pages)
    assert "DEFENDANTS' NOTICE OF" in doc.pages[0]  # the caption itself stays
    letter = doc_of(real_docs, "cand-349925")
    assert not any(page.startswith("Magistrate Judge Ryu") for page in letter.pages[1:])


def test_hyphenated_line_end_is_joined(real_docs: Docs) -> None:
    doc = doc_of(real_docs, "cacd-775358")
    assert "the attorney work-product" in doc.pages[2]  # a compound keeps its hyphen
    notice = doc_of(real_docs, "cacd-657892-168")
    assert "pursuant to L.R. 7-3,\nwhich" in notice.pages[2]  # not "7-\n3, which"


def test_justified_pieces_rejoin(real_docs: Docs) -> None:
    # "see LEXLAW..." sits far right on the same baseline: pdfminer keeps it apart, PDFium reads on.
    page = doc_of(real_docs, "cacd-775358").pages[2]
    assert "Lexington responds\nas follows:\n" in page or "Lexington responds\nas follows: see LEXLAW" in page
    assert "\n9. My partner, Aaron Craig" in "\n" + doc_of(real_docs, "cand-350613").pages[5]


def test_letter_brief_request_references(real_docs: Docs) -> None:
    refs: list[RequestRef] = []
    for page in doc_of(real_docs, "cand-349925").pages:
        refs.extend(r for r in find_request_refs(page) if r not in refs)
    rfp = {r.number for r in refs if r.device == "rfp"}
    assert {"13", "22"} | {str(n) for n in range(35, 48)} <= rfp
    assert RequestRef("srog", "9", None) in refs
    assert all(r.device in ("rfp", "srog") for r in refs)


def test_rfp_responses_and_joint_stipulation_references(real_docs: Docs) -> None:
    responses = {(r.device, r.number) for p in doc_of(real_docs, "cacd-775358").pages for r in find_request_refs(p)}
    assert responses == {("rfp", "4"), ("rfp", "5")}
    stip = {(r.device, r.number, r.set) for p in doc_of(real_docs, "cacd-661853").pages for r in find_request_refs(p)}
    assert ("srog", "5", 2) in stip  # "Interrogatory No. 5 of Nomadix's Second Set"
    assert {number for _, number, _ in stip} <= {"5", "10"}


def test_no_false_references_in_briefs_without_requests(real_docs: Docs) -> None:
    for prefix in ("cacd-635155", "cacd-657892-167", "cacd-652774", "caed-338083", "cacd-630649"):
        doc = doc_of(real_docs, prefix)
        assert [r for p in doc.pages for r in find_request_refs(p)] == [], prefix
