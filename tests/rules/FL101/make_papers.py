"""Build the manifests and small PDFs of the paper-reading rule cases (FL101-FL112, CAL501,
CAL502). Run ``python tests/rules/FL101/make_papers.py`` after changing a case; commit the
output. Output is reproducible (``filelint.testing.pdfwrite`` writes no timestamps)."""

from __future__ import annotations

from pathlib import Path

from filelint.testing.pdfwrite import write_pdf

RULES = Path(__file__).resolve().parents[1]
CASE_NUMBER = "23STCV03596"

BASE = """\
filelint: 1
court: {{system: ca-superior, county: Los Angeles, department: "52"}}
case: {{number: {case}}}
parties:
  - {{name: Plaintiff, side: moving}}
  - {{name: Defendant, side: responding}}
motion:
  kind: compel-further-rfp
  requests_at_issue: "13-16, 34, 35"
  filed: 2023-09-15
  hearing: 2023-12-05
{rest}"""

M1 = """\
meet_and_confer:
  - id: m1
    date: 2023-08-17
    from: moving
    channel: letter
{raises}    file: ex3-letter.pdf
"""

LETTER = [
    "August 17, 2023",
    "",
    "To: Counsel for defendant",
    "Re: Case No. 23STCV03596; responses to requests for production",
    "",
    "We write to meet and confer about the responses.",
]


def caption(title: str) -> list[str]:
    return [
        "SUPERIOR COURT OF THE STATE OF CALIFORNIA",
        "COUNTY OF LOS ANGELES",
        "",
        f"Case No. {CASE_NUMBER}",
        "",
        title,
        "",
    ]


def manifest(rest: str) -> str:
    return BASE.format(case=CASE_NUMBER, rest=rest)


def letter(*paragraphs: str) -> list[list[str]]:
    return [[*LETTER, "", *paragraphs]]


def decl(*paragraphs: str) -> list[list[str]]:
    return [
        [
            *caption("DECLARATION OF COUNSEL"),
            *paragraphs,
            "I declare under penalty of perjury that the foregoing is true.",
        ]
    ]


def numbered(title: str, numbers: list[int]) -> list[list[str]]:
    lines = [f"REQUEST FOR PRODUCTION NO. {n}:" for n in numbers]
    return [[*caption(title), *lines]]


def argument_pages(count: int) -> list[list[str]]:
    return [[f"ARGUMENT, page {i + 1}.", "The responses are evasive and incomplete."] for i in range(count)]


def memo(pages: int, tables: bool) -> list[list[str]]:
    out = [caption("MEMORANDUM OF POINTS AND AUTHORITIES")]
    if tables:
        out += [
            [
                "TABLE OF CONTENTS",
                "I. Introduction ........ 1",
                "II. Argument ........ 2",
                "III. Conclusion ........ 9",
            ],
            [
                "TABLE OF AUTHORITIES",
                "Clement v. Alegre ........ 3",
                "CCP 2031.310 ........ 2",
                "CCP 2016.040 ........ 2",
            ],
        ]
    out += argument_pages(pages)
    out.append(["PROOF OF SERVICE", "I served this paper electronically."])
    return out


PAPERS = "papers:\n{entries}"


def section(
    n: int,
    request: str = "All repair orders for the subject vehicle.",
    response: str = "Objection: overbroad and unduly burdensome.",
    reasons: str | None = "The repair orders show whether the defect recurred.",
) -> list[str]:
    """One request's block of a separate statement; ``reasons=None`` leaves that heading out."""
    lines = [f"REQUEST FOR PRODUCTION NO. {n}:", request, f"RESPONSE TO REQUEST FOR PRODUCTION NO. {n}:", response]
    if reasons is not None:
        lines += ["REASONS WHY A FURTHER RESPONSE SHOULD BE COMPELLED:", reasons]
    return lines


def statement(*blocks: list[str]) -> list[list[str]]:
    """A separate statement, two request blocks to a page."""
    pages = [caption("SEPARATE STATEMENT")]
    for i, block in enumerate(blocks):
        if i and i % 2 == 0:
            pages.append([])
        pages[-1] += block
    return pages


SEP_PAPER = PAPERS.format(entries="  - {role: separate-statement, path: sep.pdf}\n")
FULL_STATEMENT = statement(*(section(n) for n in (13, 14, 15, 16, 34, 35)))
M2_OFFER = """\
meet_and_confer:
  - {id: m1, date: 2023-08-17, from: moving, channel: letter, raises: "13-16, 34, 35"}
  - {id: m2, date: 2023-08-30, from: responding, channel: letter, answers: m1, raises: "13-16",
     offers: [protective-order]}
  - {id: m3, date: 2023-09-05, from: moving, channel: letter, answers: m2, raises: "13-16"}
"""
RESPONSES_FILE = """\
responses:
  - {device: rfp, set: 1, served: 2023-08-04, method: electronic, verified: true, kind: hybrid,
     file: responses.pdf}
"""
SERVED_RESPONSES = [
    [
        *caption("DEFENDANT'S RESPONSES TO REQUESTS FOR PRODUCTION, SET ONE"),
        *(line for n in (13, 14, 15) for line in section(n, reasons=None)),
    ],
    [line for n in (16, 34, 35) for line in section(n, reasons=None)],
]
DECL_PAPERS = PAPERS.format(
    entries="  - {role: declaration, path: decl.pdf}\n  - {role: exhibit, exhibit: 3, path: ex3-letter.pdf}\n"
)
ALL_SIX = letter("Request Nos. 13-16, 34 and 35: not reproduced.")
M2_REPLY = """\
  - {id: m2, date: 2023-08-30, from: responding, channel: letter, answers: m1, raises: "13-16"}
"""
FRAGMENTS = ["l . g t r d x e a c t", "o n s b"]

CASES: dict[str, dict[str, object]] = {
    "FL101/pass-letter-names-every-raised-request": {
        "manifest": manifest(M1.format(raises='    raises: "13-16"\n')),
        "ex3-letter.pdf": letter("Request Nos. 13-16: the responses are incomplete."),
    },
    "FL101/fail-letter-omits-request-34": {
        "manifest": manifest(M1.format(raises='    raises: "13-16, 34"\n')),
        "ex3-letter.pdf": letter("Request Nos. 13-16: the responses are incomplete."),
    },
    "FL102/pass-raises-stated": {
        "manifest": manifest(M1.format(raises='    raises: "2, 3, 8, 13-16"\n')),
        "ex3-letter.pdf": letter("Request Nos. 2, 3 and 8: not reproduced.", "Request Nos. 13-16: not reproduced."),
    },
    "FL102/fail-raises-derived-from-letter": {
        "manifest": manifest(M1.format(raises="")),
        "ex3-letter.pdf": letter("Request Nos. 2, 3 and 8: not reproduced.", "Request Nos. 13-16: not reproduced."),
    },
    "FL103/pass-declaration-states-letter-and-exhibit": {
        "manifest": manifest(
            M1.format(raises='    raises: "13-16, 34, 35"\n')
            + PAPERS.format(
                entries="  - {role: declaration, path: decl.pdf}\n"
                "  - {role: exhibit, exhibit: 3, path: ex3-letter.pdf}\n"
            )
        ),
        "decl.pdf": decl(
            "7. On August 17, 2023, I sent defendant a meet and confer letter.", "A true copy is attached as Exhibit 3."
        ),
        "ex3-letter.pdf": letter("Request Nos. 13-16, 34 and 35: not reproduced."),
    },
    "FL103/fail-reply-not-stated-call-not-letter-exhibit-5-missing": {
        "manifest": manifest(
            M1.format(raises='    raises: "13-16, 34, 35"\n')
            + """\
  - {id: m2, date: 2023-08-30, from: responding, channel: letter, answers: m1}
"""
            + PAPERS.format(
                entries="  - {role: declaration, path: decl.pdf}\n"
                "  - {role: exhibit, exhibit: 3, path: ex3-letter.pdf}\n"
            )
        ),
        "decl.pdf": decl(
            "7. On August 17, 2023, I met and conferred with defendant's counsel.",
            "8. My notes are attached as Exhibit 5.",
        ),
        "ex3-letter.pdf": letter("Request Nos. 13-16, 34 and 35: not reproduced."),
    },
    "FL104/pass-every-request-set-out": {
        "manifest": manifest(PAPERS.format(entries="  - {role: separate-statement, path: sep.pdf}\n")),
        "sep.pdf": numbered("SEPARATE STATEMENT", [13, 14, 15, 16, 34, 35]),
    },
    "FL104/fail-request-35-left-out": {
        "manifest": manifest(PAPERS.format(entries="  - {role: separate-statement, path: sep.pdf}\n")),
        "sep.pdf": numbered("SEPARATE STATEMENT", [13, 14, 15, 16, 34]),
    },
    "FL105/pass-notice-names-the-same-requests": {
        "manifest": manifest(PAPERS.format(entries="  - {role: notice, path: notice.pdf}\n")),
        "notice.pdf": [
            [
                *caption("NOTICE OF MOTION AND MOTION TO COMPEL FURTHER RESPONSES"),
                "Plaintiff will move to compel further responses to Requests for",
                "Production Nos. 13-16, 34 and 35.",
            ]
        ],
    },
    "FL105/fail-notice-names-36-not-35": {
        "manifest": manifest(PAPERS.format(entries="  - {role: notice, path: notice.pdf}\n")),
        "notice.pdf": [
            [
                *caption("NOTICE OF MOTION AND MOTION TO COMPEL FURTHER RESPONSES"),
                "Plaintiff will move to compel further responses to Requests for",
                "Production Nos. 13-16, 34 and 36.",
            ]
        ],
    },
    "FL110/pass-paper-has-text": {
        "manifest": manifest(PAPERS.format(entries="  - {role: notice, path: notice.pdf}\n")),
        "notice.pdf": [[*caption("NOTICE OF MOTION"), "Production Nos. 13-16, 34 and 35."]],
    },
    "FL110/fail-blank-pages": {
        "manifest": manifest(PAPERS.format(entries="  - {role: exhibit, exhibit: 3, path: ex3-scan.pdf}\n")),
        "ex3-scan.pdf": [[], []],
    },
    "FL111/pass-every-paper-opens": {
        "manifest": manifest(PAPERS.format(entries="  - {role: notice, path: notice.pdf}\n")),
        "notice.pdf": [[*caption("NOTICE OF MOTION"), "Production Nos. 13-16, 34 and 35."]],
    },
    "FL111/fail-html-empty-and-truncated": {
        "manifest": manifest(
            PAPERS.format(
                entries="  - {role: notice, path: notice.pdf}\n"
                "  - {role: declaration, path: decl.pdf}\n"
                "  - {role: memorandum, path: memo.pdf}\n"
            )
        ),
        "notice.pdf": b"<!DOCTYPE html><html><body>Session expired</body></html>\n",
        "decl.pdf": b"",
        "memo.pdf": ("truncate", [[*caption("MEMORANDUM"), "Argument."]]),
    },
    "FL112/pass-every-page-has-text": {
        "manifest": manifest(PAPERS.format(entries="  - {role: declaration, path: decl.pdf}\n")),
        "decl.pdf": decl("7. On August 17, 2023, I sent a letter.", "It is Exhibit 3.") * 2,
    },
    "FL112/fail-page-2-redaction-fragments": {
        "manifest": manifest(PAPERS.format(entries="  - {role: declaration, path: decl.pdf}\n")),
        "decl.pdf": [*decl("7. On August 17, 2023, I sent a letter.", "It is Exhibit 3."), FRAGMENTS],
    },
    "CAL501/pass-nine-pages": {
        "manifest": manifest(PAPERS.format(entries="  - {role: memorandum, path: memo.pdf}\n")),
        "memo.pdf": memo(9, tables=False),
    },
    "CAL501/fail-seventeen-pages": {
        "manifest": manifest(PAPERS.format(entries="  - {role: memorandum, path: memo.pdf}\n")),
        "memo.pdf": memo(17, tables=True),
    },
    "CAL502/pass-twelve-pages-with-tables": {
        "manifest": manifest(PAPERS.format(entries="  - {role: memorandum, path: memo.pdf}\n")),
        "memo.pdf": memo(12, tables=True),
    },
    "CAL502/fail-twelve-pages-no-tables": {
        "manifest": manifest(PAPERS.format(entries="  - {role: memorandum, path: memo.pdf}\n")),
        "memo.pdf": memo(12, tables=False),
    },
    "FL107/pass-every-element-set-out": {"manifest": manifest(SEP_PAPER), "sep.pdf": FULL_STATEMENT},
    "FL107/fail-elements-missing-or-incorporated": {
        "manifest": manifest(SEP_PAPER),
        "sep.pdf": statement(
            section(13),
            section(14, reasons="As with Request No. 15, the repair orders are central."),
            section(16, request=""),
            section(34, response="See Exhibit 2."),
            section(35, reasons=None),
        ),
    },
    "FL108/pass-headed-sections": {"manifest": manifest(SEP_PAPER), "sep.pdf": FULL_STATEMENT},
    "FL108/fail-table-without-headings": {
        "manifest": manifest(SEP_PAPER),
        "sep.pdf": [
            [
                *caption("SEPARATE STATEMENT"),
                "No. | Request | Response | Reasons",
                *(f"{n} | All repair orders. | Objection. | Relevant to the defect." for n in (13, 14, 15, 16, 34, 35)),
            ]
        ],
    },
    "CAL204/pass-offer-set-out": {
        "manifest": manifest(M2_OFFER + SEP_PAPER),
        "sep.pdf": statement(
            *(
                section(
                    n,
                    reasons="On August 30, 2023 defendant proposed a "
                    "protective order; plaintiff agreed on September "
                    "5, 2023, and the documents are still withheld.",
                )
                for n in (13, 14, 15, 16)
            ),
            section(34),
            section(35),
        ),
    },
    "CAL204/fail-offer-left-out": {"manifest": manifest(M2_OFFER + SEP_PAPER), "sep.pdf": FULL_STATEMENT},
    "FL109/pass-quoted-as-served": {
        "manifest": manifest(RESPONSES_FILE + SEP_PAPER),
        "sep.pdf": FULL_STATEMENT,
        "responses.pdf": SERVED_RESPONSES,
    },
    "FL109/fail-response-paraphrased-request-shortened": {
        "manifest": manifest(RESPONSES_FILE + SEP_PAPER),
        "sep.pdf": statement(
            *(section(n) for n in (13, 14, 15, 16)),
            section(34, response="Defendant objected to the request."),
            section(35, request="Repair orders."),
        ),
        "responses.pdf": SERVED_RESPONSES,
    },
    "FL106/pass-declaration-says-what-the-letter-left-out": {
        "manifest": manifest(M1.format(raises='    raises: "13-16"\n') + DECL_PAPERS),
        "decl.pdf": decl(
            "7. On August 17, 2023, I sent defendant a meet and confer letter",
            "about Request Nos. 13-16. It said nothing about Nos. 34 and 35.",
            "A true copy is attached as Exhibit 3.",
        ),
        "ex3-letter.pdf": letter("Request Nos. 13-16: not reproduced."),
    },
    "FL106/fail-m1-paragraph-names-13-16-only": {
        "manifest": manifest(M1.format(raises='    raises: "13-16, 34, 35"\n') + DECL_PAPERS),
        "decl.pdf": decl(
            "7. On August 17, 2023, I sent defendant a meet and confer letter",
            "about Request Nos. 13-16. A true copy is attached as Exhibit 3.",
            "8. Defendant never answered it.",
        ),
        "ex3-letter.pdf": ALL_SIX,
    },
    "FL106/pass-requests-described-collectively": {
        "manifest": manifest(M1.format(raises='    raises: "13-16, 34, 35"\n') + DECL_PAPERS),
        "decl.pdf": decl(
            "7. On August 17, 2023, I sent defendant a meet and confer letter",
            "about its responses to the requests at issue. A true copy is",
            "attached as Exhibit 3.",
        ),
        "ex3-letter.pdf": ALL_SIX,
    },
    "FL106/pass-each-paragraph-names-what-it-raised": {
        "manifest": manifest(M1.format(raises='    raises: "13-16, 34, 35"\n') + M2_REPLY + DECL_PAPERS),
        "decl.pdf": decl(
            "7. On August 17, 2023, I sent defendant a meet and confer letter",
            "about Request Nos. 13-16, 34 and",
            "35. A true copy is attached as Exhibit 3.",
            "8. On August 30, 2023, defendant replied by letter, offering to",
            "supplement its responses to Request Nos. 13-16.",
        ),
        "ex3-letter.pdf": ALL_SIX,
    },
    "FL106/fail-names-requests-m1-did-not-raise": {
        "manifest": manifest(M1.format(raises='    raises: "13-16"\n') + DECL_PAPERS),
        "decl.pdf": decl(
            "7. On August 17, 2023, I sent defendant a meet and confer letter",
            "about Request Nos. 13-16, 34 and 35. A true copy is attached as",
            "Exhibit 3.",
        ),
        "ex3-letter.pdf": letter("Request Nos. 13-16: not reproduced."),
    },
    "FL106/fail-request-35-never-named": {
        "manifest": manifest(M1.format(raises='    raises: "13-16, 34, 35"\n') + DECL_PAPERS),
        "decl.pdf": decl(
            "3. Plaintiff moves to compel further responses to Requests for",
            "Production Nos. 13-16 and 34.",
            "7. On August 17, 2023, I sent defendant a meet and confer letter",
            "about the requests at issue. A true copy is attached as Exhibit 3.",
        ),
        "ex3-letter.pdf": ALL_SIX,
    },
    "FL106/pass-reply-refers-to-the-letter-and-other-requests-left-out": {
        "manifest": manifest(M1.format(raises='    raises: "2, 3, 8, 13-16, 34, 35"\n') + M2_REPLY + DECL_PAPERS),
        "decl.pdf": decl(
            "7. On August 17, 2023, I sent defendant a meet and confer letter",
            "about Request Nos. 13-16, 34 and 35. A true copy is attached as",
            "Exhibit 3.",
            "8. On August 30, 2023, defendant replied to my August 17, 2023",
            "letter, offering to supplement its responses to Nos. 13-16.",
        ),
        "ex3-letter.pdf": letter("Request Nos. 2, 3, 8, 13-16, 34 and 35: not reproduced."),
    },
}


def build(root: Path = RULES) -> None:
    for name, files in CASES.items():
        folder = root / name
        folder.mkdir(parents=True, exist_ok=True)
        for filename, content in files.items():
            target = folder / ("filelint.yaml" if filename == "manifest" else filename)
            if isinstance(content, str):
                target.write_text(content, "utf-8")
            elif isinstance(content, bytes):
                target.write_bytes(content)
            elif isinstance(content, tuple):  # ("truncate", pages): a PDF cut in half
                write_pdf(target, content[1], pleading_paper=True)
                data = target.read_bytes()
                target.write_bytes(data[: len(data) // 2])
            else:
                write_pdf(target, content, pleading_paper=True)  # type: ignore[arg-type]


if __name__ == "__main__":
    build()
