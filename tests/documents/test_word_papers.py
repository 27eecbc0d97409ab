"""Papers in Word: the same papers written as .docx give the same findings as their PDFs."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from filelint.findings import Finding
from filelint.testing import run_folder
from filelint.testing.docxwrite import write_docx
from filelint.testing.pdfwrite import write_pdf

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
sys.path.insert(0, str(EXAMPLES))
import build_papers  # noqa: E402


def as_pdf_names(findings: list[Finding]) -> list[tuple[str, int, int, str, str]]:
    return [
        (
            Path(f.location.path).name.replace(".docx", ".pdf"),
            f.location.line,
            f.location.column,
            f.code,
            f.message.replace(".docx", ".pdf"),
        )
        for f in findings
    ]


def word_folder(example: str, dest: Path) -> Path:
    """The example folder with every paper written as a Word file (whole paragraphs, a page
    break where the PDF starts a new page) and the manifest naming the .docx files."""
    shutil.copytree(EXAMPLES / example, dest)
    for output, source in build_papers.folder_sources(example).items():
        width, per_page = build_papers.PLEADING if source.pleading else build_papers.PLAIN
        pages = build_papers.paragraph_layout(source.body, build_papers.BANNERS[example], width, per_page)
        (dest / output).unlink()
        write_docx((dest / output).with_suffix(".docx"), pages, header=source.title, pleading_numbers=source.pleading)
    manifest = dest / "filelint.yaml"
    manifest.write_text(manifest.read_text("utf-8").replace(".pdf", ".docx"), "utf-8")
    return dest


@pytest.mark.parametrize("example", ["palominos-cervantes-v-gm", "palominos-cervantes-v-gm-fixed"])
def test_example_in_word_gives_the_same_findings(example: str, tmp_path: Path) -> None:
    pdf = run_folder(EXAMPLES / example)
    word = run_folder(word_folder(example, tmp_path / example))
    assert as_pdf_names(word) == as_pdf_names(pdf)
    assert pdf  # the seed example has findings; the comparison is not vacuous


MANIFEST = """filelint: 1
court: {system: ca-superior, county: Los Angeles, department: "52"}
case: {number: 23STCV03596}
parties:
  - {name: Plaintiff, side: moving}
  - {name: Defendant, side: responding}
motion:
  kind: compel-further-rfp
  requests_at_issue: "13-16, 34, 35"
  filed: 2023-09-15
  hearing: 2023-12-05
papers:
  - {role: memorandum, path: memo.EXT}
  - {role: notice, path: notice.EXT}
  - {role: separate-statement, path: sep.EXT}
  - {role: declaration, path: decl.EXT}
"""


def paper_pages() -> dict[str, list[list[str]]]:
    argument = [f"Argument paragraph {i}: the responses to RFP Nos. 13-16 are evasive." for i in range(20)]
    return {
        "memo": [
            ["SUPERIOR COURT OF CALIFORNIA", "MEMORANDUM OF POINTS AND AUTHORITIES"],
            *[[f"Page {n} of the argument.", *argument] for n in range(17)],
        ],
        "notice": [
            [
                "NOTICE OF MOTION AND MOTION TO COMPEL FURTHER RESPONSES",
                "Plaintiff moves to compel further responses to Requests for Production Nos. 13-16 and 34.",
            ]
        ],
        "sep": [
            [
                "SEPARATE STATEMENT",
                "REQUEST FOR PRODUCTION NO. 13:",
                "All repair orders.",
                "RESPONSE TO REQUEST FOR PRODUCTION NO. 13:",
                "See Exhibit 2.",
            ]
        ],
        "decl": [["DECLARATION OF COUNSEL", "1. On August 17, 2023 I sent a letter about RFP Nos. 13-16."]],
    }


def test_every_paper_rule_same_on_word_and_pdf(tmp_path: Path) -> None:
    folders = {}
    for ext in ("pdf", "docx"):
        folder = tmp_path / ext
        folder.mkdir()
        (folder / "filelint.yaml").write_text(MANIFEST.replace("EXT", ext), "utf-8")
        for name, pages in paper_pages().items():
            if ext == "pdf":
                write_pdf(folder / f"{name}.pdf", pages, pleading_paper=True)
            else:
                write_docx(folder / f"{name}.docx", pages, pleading_numbers=True)
        folders[ext] = run_folder(folder)
    codes = {f.code for f in folders["pdf"]}
    assert {"CAL501", "CAL502", "FL104", "FL105", "FL107"} <= codes
    assert as_pdf_names(folders["docx"]) == as_pdf_names(folders["pdf"])
