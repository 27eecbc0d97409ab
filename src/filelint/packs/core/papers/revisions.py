"""FL113: a Word paper that still carries tracked changes or comments."""

from __future__ import annotations

from collections.abc import Iterator

from filelint import Authority, Context, Problem, rule
from filelint.papers import named_files, present


@rule(
    "FL113",
    "paper-has-revisions",
    "warning",
    summary="A Word paper still carries tracked changes or comments.",
    why="A filed paper must be the final text. Tracked changes and comments print or convert "
    "to PDF with the markup (or the reviewers' notes), and may disclose privileged drafting "
    "and strategy to the court and the other side.",
    authority=[
        "filelint manifest format 1 (docs/manifest.md)",
        Authority("CCP § 2018.030", "U", note="attorney work product, which comments and deleted text can disclose"),
        Authority("Fed. R. Civ. P. 26(b)(3)", "U", note="the federal work-product rule, for the same risk"),
    ],
    fix="In Word: Review > Accept All Changes, Review > Delete All Comments, save, and run "
    "filelint again (or convert to PDF after doing so).",
    fail_example="papers:\n  - {role: memorandum, path: memo.docx}   # 3 tracked insertions, 1 comment",
    pass_example="papers:\n  - {role: memorandum, path: memo.docx}   # all changes accepted",
    reads=("papers[].path", "responses[].file", "meet_and_confer[].file", "meet_and_confer[].source"),
    notes="Counts w:ins, w:del, moves and formatting changes in the body and footnotes, and the "
    "comments part. Every other rule reads the text as it would print with all changes "
    "accepted.",
)
def has_revisions(ctx: Context) -> Iterator[Problem]:
    files = [f for f in named_files(ctx) if present(ctx, f.path)]
    ctx.prefetch([f.path for f in files])
    for f in files:
        doc = ctx.document(f.path)
        revisions = getattr(doc, "revisions", ())
        if revisions:
            yield Problem(f"{f.path} still carries {', '.join(revisions)}", at=f.at, key=f.path)


RULES = (has_revisions,)
