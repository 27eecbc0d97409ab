"""Unit tests of the pure parts of the reader: geometry, clean-up, classification."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest

from filelint.pdf import cleanup, layout
from filelint.pdf.classify import PageInfo, classify, page_kind, resolve_sparse
from filelint.pdf.cleanup import Line, Page


@dataclass
class Glyph:
    text: str
    x0: float
    x1: float

    def get_text(self) -> str:
        return self.text


@dataclass
class FakeLine:
    """Shaped like pdfminer's LTTextLine."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    glyphs: list[Glyph] = field(default_factory=list)

    def get_text(self) -> str:
        return self.text + "\n"

    def __iter__(self) -> Iterator[Glyph]:
        return iter(self.glyphs)

    def __len__(self) -> int:
        return len(self.text) + 1


def number_lines(right: float = 90.0, count: int = 28) -> list[FakeLine]:
    """Right-aligned 1..count down the margin, 24 pt apart."""
    return [
        FakeLine(str(n), right - 6 * len(str(n)), 712 - 24 * (n - 1), right, 724 - 24 * (n - 1))
        for n in range(1, count + 1)
    ]


def test_column_found_and_numbers_dropped() -> None:
    lines = [*number_lines(), FakeLine("11 [Dkt. 854-2] under the exception", 108, 472, 500, 484)]
    column = layout.find_number_column(lines, 612)
    assert column is not None
    assert (round(column.left), round(column.right)) == (75, 93)
    assert (column.bottom, column.top) == (64, 724)
    dropped = [ln.text for ln in lines if layout.is_number_line(ln, ln.get_text(), column)]
    assert dropped == [str(n) for n in range(1, 29)]  # the body line starting "11" stays


@pytest.mark.parametrize(
    "lines",
    [
        [FakeLine("1", 72, 100, 78, 110), FakeLine("2", 72, 80, 78, 90)],  # footnote numbers
        list(reversed([FakeLine(ln.text, ln.x0, -ln.y0, ln.x1, -ln.y1) for ln in number_lines()])),
        number_lines(right=400),  # not in the left margin
    ],
    ids=["few", "decreasing", "right-side"],
)
def test_no_column(lines: list[FakeLine]) -> None:
    assert layout.find_number_column(lines, 612) is None


def test_column_tolerates_a_ragged_right_edge() -> None:
    lines = number_lines()
    for i, line in enumerate(lines):
        line.x1 += 1.9 * (i % 2)  # straddles any fixed bucket boundary
    assert layout.find_number_column(lines, 612) is not None


def test_glued_number_is_stripped_only_inside_the_column() -> None:
    column = layout.Column(left=75, right=93)
    glyphs = [Glyph("1", 81, 87), Glyph("7", 87, 93), Glyph(" ", 93, 96)] + [
        Glyph(c, 108 + 6 * i, 114 + 6 * i) for i, c in enumerate("5 is based")
    ]
    glued = FakeLine("17 5 is based", 81, 300, 170, 312, glyphs)
    assert layout.strip_glued_number(glued, column) == "5 is based"
    stamp = FakeLine("Case 2:20-cv", 60, 760, 300, 772, [Glyph("C", 60, 66)])
    assert layout.strip_glued_number(stamp, column) is None  # starts left of the column


def test_normalise() -> None:
    assert (
        cleanup.normalise("  It\u2019s  \u201cNos.\u201d 13\u201316 \u2014 \u2212x\ufb01le\u00a0 ")
        == 'It\'s "Nos." 13-16 - -xfile'
    )


@pytest.mark.parametrize(
    "text",
    [
        "Case 2:16-cv-06794-AB-JC Document 168 Filed 02/01/19 Page 2 of 3 Page ID #:3595",
        "Case 4:08-cv-02214-SBA Document 26 Filed 01/29/2009 Page 1 of 2",
        "Case: 19-35012, 02/01/2019, ID: 11172383, DktEntry: 12, Page 1 of 30 Filed",
        "#:3438",
    ],
)
def test_stamps(text: str) -> None:
    assert cleanup.is_stamp(text)


def test_not_stamps() -> None:
    assert not cleanup.is_stamp("Action Filed: 10/29/2019")
    assert not cleanup.is_stamp("In this case the Document was Filed late")


def line(text: str, y0: float, x0: float = 108, x1: float = 500) -> Line:
    return Line(text, x0, y0, x1, y0 + 12)


def test_running_lines_need_repetition_and_the_band() -> None:
    pages = [
        Page(
            (
                line(f"Body text that differs on page {n}", 400),
                line(f"REQUEST FOR PRODUCTION NO. {n}:", 64),  # line 28 of the body
                line(f"- {n} -", 30, 300, 320),
                line("PLAINTIFF'S MOTION TO COMPEL", 20),
            ),
            792,
            (64, 724),
        )
        for n in (1, 2, 3)
    ]
    kept = cleanup.drop_running_lines(pages)
    assert [ln.text for ln in kept[1].lines] == ["Body text that differs on page 2", "REQUEST FOR PRODUCTION NO. 2:"]


def test_footnote_number_is_not_a_page_number() -> None:
    pages = [Page((line(str(n + 10), 30, 300, 310),), 792) for n in range(3)]
    pages.append(Page((line("13", 30, 108, 118),), 792))
    kept = cleanup.drop_running_lines(pages)
    assert [p.lines for p in kept[:3]] == [(), (), ()]
    assert [ln.text for ln in kept[3].lines] == ["13"]


def test_one_page_has_no_running_lines() -> None:
    page = Page((line("- 1 -", 30),), 792)
    assert cleanup.drop_running_lines([page]) == [page]


def test_same_baseline_pieces_merge_in_x_order() -> None:
    page = Page(
        (
            Line("My partner, Aaron Craig,", 180, 700, 400, 712),
            Line("9.", 144, 700.4, 156, 712),
            Line("next line", 108, 676, 200, 688),
        ),
        792,
    )
    assert [ln.text for ln in cleanup.merge_same_baseline(page).lines] == ["9. My partner, Aaron Craig,", "next line"]


def test_join_hyphens() -> None:
    vocab = cleanup.vocabulary(["discovery responses"])
    assert cleanup.join_hyphens(["the discov-", "ery was", "meet-and-", "confer letters"], vocab) == [
        "the discovery",
        "was",
        "meet-and-confer",
        "letters",
    ]
    assert cleanup.join_hyphens(["soft\u00ad", "hyphen", "UPPER-", "Case", "dash -", "x"], set()) == [
        "softhyphen",
        "UPPER-",
        "Case",
        "dash -",
        "x",
    ]


@pytest.mark.parametrize(
    ("text", "cover", "kind"),
    [
        ("", 0.0, "blank"),
        ("", 1.0, "scanned"),
        ("XXXXXXXX", 1.0, "scanned"),  # a scan's stray overlay text
        ("EXHIBIT B", 0.0, "sparse"),  # a slip sheet
        ("l . g t e h f s e h t n n f f", 1.0, "scanned"),
        ("l . g t e h f s e h t n n f f", 0.0, "scanned"),  # fragments even without an image
        ("(cid:36)(cid:30)(cid:25)(cid:35) (cid:21)(cid:20)", 0.0, "garbled"),
        ("\x01\x02\x03\x04\x05 ab", 0.0, "garbled"),
        (" ".join(["Plaintiff served requests for production"] * 5), 1.0, "text"),  # OCR'd scan
    ],
)
def test_page_kind(text: str, cover: float, kind: str) -> None:
    assert page_kind(PageInfo(text, cover)) == kind


def test_slip_sheets_go_with_the_exhibit_that_follows() -> None:
    assert resolve_sparse(["text", "sparse", "scanned", "sparse", "blank", "text", "sparse"]) == [
        "text",
        "scanned",
        "scanned",
        "text",
        "blank",
        "text",
        "text",
    ]


def test_classify() -> None:
    words = " ".join(["The responses were evasive and incomplete"] * 3)
    scan = PageInfo("", 1.0)
    assert classify([PageInfo(words)]).status == "ok"
    partial = classify([PageInfo(words), PageInfo("Exhibit 4"), scan, scan, PageInfo(words), scan])
    assert (partial.status, partial.scanned_pages) == ("partial", (2, 3, 4, 6))
    assert partial.detail == "pages 2-4, 6 have no text layer (scanned); OCR them"
    assert classify([PageInfo(words), scan]).detail == "page 2 has no text layer (scanned); OCR it"
    assert classify([scan, scan]).status == "no-text"
    assert classify([PageInfo(""), PageInfo("")]).status == "no-text"
    garbled = classify([PageInfo("(cid:1)(cid:2)(cid:3)")])
    assert (garbled.status, garbled.scanned_pages) == ("garbled", (1,))


def test_the_vocabulary_is_collected_only_for_a_word_split_at_a_line_end() -> None:
    asked: list[int] = []

    def texts() -> list[str]:
        asked.append(1)
        return ["the discovery responses", "were late"]

    vocab = cleanup.LazyVocabulary(texts)
    assert cleanup.join_hyphens(["no split here,", "nor here."], vocab) == ["no split here,", "nor here."]
    assert asked == []  # no hyphen at a line end: the document's words were never collected
    assert cleanup.join_hyphens(["the discov-", "ery was", "late-", "ly served"], vocab) == [
        "the discovery",
        "was",
        "late-ly",
        "served",
    ]
    assert asked == [1]  # collected once, for the first join that needed it
