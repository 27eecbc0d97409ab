"""Write the example folders' papers (run from anywhere: ``python build_papers.py``).

The papers are short stand-ins for a real New York motion to compel: a notice of motion, counsel's affirmation
in support and a separate affirmation of good faith. They are generated with ``filelint.testing.pdfwrite`` so
the example needs no binary files in the repository history beyond these.
"""

from __future__ import annotations

from pathlib import Path

from filelint.testing.pdfwrite import write_pdf

HERE = Path(__file__).parent
CAPTION = [
    "SUPREME COURT OF THE STATE OF NEW YORK",
    "COUNTY OF NEW YORK",
    "",
    "MARISOL ALVAREZ, Plaintiff,",
    "- against -",
    "HUDSON YARDS BUILDERS LLC, Defendant.",
    "Index No. 153412/2024",
    "",
]


def notice(return_date: str, served: str) -> list[list[str]]:
    return [
        CAPTION
        + [
            "NOTICE OF MOTION TO COMPEL",
            "PLEASE TAKE NOTICE that upon the annexed affirmations, plaintiff will move this Court at the",
            f"Motion Submission Part, 60 Centre Street, New York, New York, on {return_date} at 9:30 a.m.,",
            "for an order pursuant to CPLR 3124 compelling defendant to produce the documents sought by",
            "Request Nos. 4 through 9 of plaintiff's First Notice for Discovery and Inspection.",
            "An affirmation that a good faith effort has been made to resolve the issues raised in this",
            "motion is annexed hereto.",
            "Pursuant to CPLR 2214(b), answering affidavits, if any, are required to be served upon the",
            "undersigned at least seven days before the return date of this motion.",
            f"Dated: New York, New York, {served}",
        ]
    ]


def affirmation_in_support() -> list[list[str]]:
    return [
        CAPTION
        + [
            "AFFIRMATION IN SUPPORT",
            "DANA REYES, an attorney admitted to practice in the courts of New York, affirms:",
            "1. I am counsel for plaintiff and make this affirmation in support of the motion to compel.",
            "2. Request Nos. 4 through 9 seek the site-safety logs and incident reports for the",
            "   44th Street hoist for March 2024. Defendant objected to each as overbroad.",
        ]
    ]


def good_faith(details: bool) -> list[list[str]]:
    who = (
        "Participating were the undersigned and Mark Feld, counsel for defendant; the call lasted about 25 minutes."
        if details
        else ""
    )
    return [
        CAPTION
        + [
            "AFFIRMATION OF GOOD FAITH (22 NYCRR 202.7, 202.20-f)",
            "1. By letter of April 22, 2024 I raised Request Nos. 4 through 9 with defendant's counsel.",
            "2. Defendant's counsel answered by letter of April 30, 2024, standing on the objections.",
            "3. On May 6, 2024 at 2:30 p.m. I conferred with defendant's counsel by telephone about",
            "   defendant's objections to Request Nos. 4 through 9. No resolution was reached.",
            *([f"   {who}"] if who else []),
        ]
    ]


def build(folder: str, *, return_date: str, served: str, details: bool) -> None:
    out = HERE / folder
    write_pdf(out / "notice-of-motion.pdf", notice(return_date, served), title="Notice of Motion")
    write_pdf(out / "affirmation-in-support.pdf", affirmation_in_support(), title="Affirmation in Support")
    write_pdf(out / "affirmation-of-good-faith.pdf", good_faith(details), title="Affirmation of Good Faith")


if __name__ == "__main__":
    build("alvarez-v-hudson-yards", return_date="June 14, 2024", served="June 4, 2024", details=False)
    build("alvarez-v-hudson-yards-fixed", return_date="June 14, 2024", served="May 24, 2024", details=True)
