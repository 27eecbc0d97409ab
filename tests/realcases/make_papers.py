"""Build the few papers the real-case folders carry. Run ``python tests/realcases/make_papers.py``
after changing one; commit the output (reproducible: no timestamps).

Only what a ruling states goes into a paper. Where it does not quote a text, a bracketed
placeholder says so, as in the seed example's reconstructed papers.
"""

from __future__ import annotations

from pathlib import Path

from filelint.testing.pdfwrite import write_pdf

HERE = Path(__file__).resolve().parent

#: Richard R. v. Doe 1 (S.F. Super. Ct. No. CGC22603294, Dept. 302, Sept. 8, 2025):
#: "Plaintiff does not include in Defendant Doe 3's response the discussion regarding the
#: protective order or Plaintiff's response." The
#: statement set out Requests 2 and 14; the ruling names Doe 3's privacy objection to Request 2
#: and its 1983 cut-off for Request 14, and quotes neither request.
STATEMENT_057 = [
    [
        "SUPERIOR COURT OF THE STATE OF CALIFORNIA",
        "COUNTY OF SAN FRANCISCO",
        "",
        "Case No. CGC22603294",
        "",
        "SEPARATE STATEMENT IN SUPPORT OF MOTION TO COMPEL PRODUCTION OF DOCUMENTS",
        "DEMANDED IN THE DEPOSITION NOTICE OF DEFENDANT DOE 3'S PERSON MOST QUALIFIED",
        "",
        "[Reconstructed for filelint's tests from the ruling; not the filed document. The",
        "ruling quotes neither request nor the responses; placeholders stand in for them.",
        "The ruling states that the statement left out Doe 3's proposal and plaintiff's",
        "response to it, so neither appears here.]",
        "",
        "REQUEST NO. 2:",
        "[Request No. 2 of the deposition notice; not quoted in the ruling.]",
        "RESPONSE TO REQUEST NO. 2:",
        "[Doe 3's response: a privacy objection (stated in the ruling); not quoted.]",
        "REASONS WHY FURTHER PRODUCTION SHOULD BE COMPELLED:",
        "[Plaintiff's reasons for Request No. 2; not stated in the ruling.]",
        "",
    ],
    [
        "REQUEST NO. 14:",
        "[Request No. 14 of the deposition notice; not quoted in the ruling.]",
        "RESPONSE TO REQUEST NO. 14:",
        "[Doe 3's response: documents through a cut-off year of 1983 (stated in the ruling);",
        "not quoted.]",
        "REASONS WHY FURTHER PRODUCTION SHOULD BE COMPELLED:",
        "[Plaintiff's reasons for Request No. 14; not stated in the ruling.]",
    ],
]

PAPERS = {"057/separate-statement.pdf": STATEMENT_057}


def build(root: Path = HERE) -> None:
    for name, pages in PAPERS.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        write_pdf(root / name, pages, pleading_paper=True)


if __name__ == "__main__":
    build()
