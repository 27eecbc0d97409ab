"""FL110-FL112: papers whose text cannot be read. Never a silent pass: a paper no rule could
read is a finding, and an unreadable one fails the run."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from filelint import Context, Problem, rule
from filelint.papers import named_files, present

if TYPE_CHECKING:
    from filelint.papers import DocumentText

FORMAT = "filelint manifest format 1 (docs/manifest.md)"
#: FL111 statuses and what to tell the user.
UNREADABLE = {
    "encrypted": "is encrypted (password protected)",
    "corrupt": "is damaged (truncated or corrupt PDF)",
    "not-pdf": "is not a PDF",
    "empty-file": "is empty (0 bytes)",
    "timeout": "took too long to read",
    "error": "could not be read",
    "unsupported": "is not a format filelint reads (PDF, Word .docx, email .eml/.msg/.mbox)",
    "too-large": "is too large to read",
}


def _documents(ctx: Context) -> Iterator[tuple[str, tuple[str | int, ...], DocumentText]]:
    files = [f for f in named_files(ctx) if present(ctx, f.path)]
    ctx.prefetch([f.path for f in files])
    for f in files:
        doc = ctx.document(f.path)
        if doc is not None:
            yield f.path, f.at, doc


@rule(
    "FL110",
    "paper-has-no-text",
    "error",
    summary="A paper has no usable text layer (a scan, an image-only PDF, or garbled fonts); "
    "nothing in it could be checked.",
    why="Every check that reads papers silently finds nothing in a scan. A linter that passed "
    "it would look clean while checking nothing, and courts and opponents cannot search it "
    "either.",
    authority=[FORMAT],
    fix="Run OCR on the file (e.g. `ocrmypdf in.pdf out.pdf`) or export it again from the "
    "word processor, then run filelint again.",
    fail_example="papers:\n  - {role: exhibit, exhibit: 3, path: ex3-scan.pdf}   # image-only",
    pass_example="papers:\n  - {role: exhibit, exhibit: 3, path: ex3.pdf}   # has a text layer",
    reads=("papers[].path", "responses[].file", "meet_and_confer[].file"),
    notes="Every file the manifest names is read. Status 'no-text' and 'garbled' from the PDF "
    "reader; a paper with only some pages unusable is FL112.",
)
def no_text(ctx: Context) -> Iterator[Problem]:
    for path, at, doc in _documents(ctx):
        if doc.status in ("no-text", "garbled"):
            detail = doc.detail or "no text layer"
            scan = getattr(doc, "format", "pdf") == "pdf"  # a Word file without text needs no OCR
            fix = (
                "run OCR on it (e.g. `ocrmypdf in.pdf out.pdf`) and check again"
                if scan
                else "check that this is the right file and that it has its text"
            )
            yield Problem(f"{path}: {detail}; nothing in it could be checked", at=at, fix=fix, key=path)


@rule(
    "FL111",
    "paper-unreadable",
    "error",
    summary="A paper could not be opened: encrypted, damaged, not a PDF, empty, or reading it timed out.",
    why="No rule could check it, and the court's e-filing system would likely reject it too. "
    "The run fails rather than pass a folder it could not read.",
    authority=[FORMAT],
    fix="Save the paper again as an unencrypted PDF (print to PDF), replace a damaged or "
    "mis-named file, then run filelint again.",
    fail_example="papers:\n  - {role: notice, path: notice.pdf}   # an HTML page saved as .pdf",
    pass_example="papers:\n  - {role: notice, path: notice.pdf}   # a PDF",
    reads=("papers[].path", "responses[].file", "meet_and_confer[].file"),
    notes="Statuses encrypted, corrupt, not-pdf, empty-file, timeout and error from the PDF "
    "reader, and unsupported and too-large from the Word and email readers (a file's format "
    "is read from its bytes, not its name: a Word file named .pdf is read as Word). A "
    "timeout is not cached, so a later run tries again.",
)
def unreadable(ctx: Context) -> Iterator[Problem]:
    for path, at, doc in _documents(ctx):
        if doc.status in UNREADABLE:
            what = f": {doc.detail}" if doc.detail else f" {UNREADABLE[doc.status]}"
            yield Problem(f"{path}{what}; nothing in it was checked", at=at, key=path)


@rule(
    "FL112",
    "pages-without-text",
    "warning",
    summary="Some pages of a paper have no usable text layer; nothing on them was checked.",
    why="Scanned exhibits inside a declaration are common, but a request named only on a "
    "scanned page is invisible to every check.",
    authority=[FORMAT],
    fix="Run OCR on the paper (e.g. `ocrmypdf --skip-text in.pdf out.pdf`) and check again.",
    fail_example="# decl.pdf: pages 1-3 typed, pages 4-9 a scanned letter",
    pass_example="# decl.pdf: every page has text",
    reads=("papers[].path", "responses[].file", "meet_and_confer[].file"),
    notes="Status 'partial' from the PDF reader; the message lists the pages.",
)
def partial(ctx: Context) -> Iterator[Problem]:
    for path, at, doc in _documents(ctx):
        if doc.status == "partial":
            yield Problem(f"{path}: {doc.detail}; nothing on those pages was checked", at=at, key=path)


RULES = (no_text, unreadable, partial)
