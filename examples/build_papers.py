"""Build the example folders' PDFs from the text sources in ``examples/papers-src/``.

    python examples/build_papers.py            # rewrite every example PDF
    python examples/build_papers.py --check    # exit 1 if a committed PDF differs

Each ``papers-src/<folder>/<name>.txt`` starts with ``@key value`` header lines:
``@output <path in the folder>`` (required), ``@pleading`` (28-line pleading paper),
``@title`` and ``@footer``. The body is paragraphs separated by blank lines; a line holding
only ``@page`` starts a new page. A folder listed in ``INHERITS`` also gets every source of
its base folder that it does not override. Every page starts with the folder's banner line,
so nobody mistakes a reconstruction for a filed paper. Output is byte-for-byte reproducible.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import textwrap
from dataclasses import dataclass
from pathlib import Path

from filelint.testing.pdfwrite import write_pdf

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "papers-src"
SEED = "palominos-cervantes-v-gm"
FIXED = "palominos-cervantes-v-gm-fixed"
BANNERS = {
    SEED: "Reconstructed for the filelint example from the court's ruling; not the filed document.",
    FIXED: "Hypothetical version of the seed case for the filelint example; not a filed document.",
}
INHERITS = {FIXED: SEED}
#: Characters per line and lines per page (pleading paper has 28 numbered lines).
PLEADING = (62, 27)
PLAIN = (78, 44)


@dataclass(frozen=True)
class Source:
    """One paper: where it goes, its layout options and its paragraphs."""

    output: str
    pleading: bool
    title: str | None
    footer: str | None
    body: str


def parse_source(text: str) -> Source:
    """Split ``@key value`` header lines from the body."""
    options: dict[str, str] = {}
    lines = text.splitlines()
    while lines and lines[0].startswith("@") and lines[0].strip() != "@page":
        key, _, value = lines.pop(0)[1:].partition(" ")
        options[key] = value.strip()
    if "output" not in options:
        raise ValueError("source has no @output line")
    return Source(
        options["output"], "pleading" in options, options.get("title"), options.get("footer"), "\n".join(lines)
    )


def layout(body: str, banner: str, width: int, per_page: int) -> list[list[str]]:
    """Wrap paragraphs to ``width`` and cut pages of ``per_page`` lines, banner first."""
    pages: list[list[str]] = []
    current: list[str] = []

    def new_page() -> None:
        nonlocal current
        if current:
            pages.append(current)
        current = [banner, ""]

    new_page()
    for block in body.split("\n\n"):
        if block.strip() == "@page":
            new_page()
            continue
        lines = [w for line in block.splitlines() for w in textwrap.wrap(line, width) or [""]]
        if len(current) + len(lines) > per_page:
            new_page()
        current.extend(lines)
        if len(current) < per_page:
            current.append("")
    pages.append(current)
    return pages


def paragraph_layout(body: str, banner: str, width: int, per_page: int) -> list[list[str]]:
    """The pages of `layout` as a word processor holds them: one paragraph per source line
    (unwrapped), the same blocks on the same pages (for the Word versions of the papers)."""
    pages: list[list[str]] = []
    current: list[str] = []
    used = 0

    def new_page() -> None:
        nonlocal current, used
        if current:
            pages.append(current)
        current, used = [banner], 2

    new_page()
    for block in body.split("\n\n"):
        if block.strip() == "@page":
            new_page()
            continue
        height = sum(len(textwrap.wrap(line, width)) or 1 for line in block.splitlines())
        if used + height > per_page:
            new_page()
        current.extend(line for line in block.splitlines() if line.strip())
        used += height + (1 if used + height < per_page else 0)
    pages.append(current)
    return pages


def folder_sources(folder: str) -> dict[str, Source]:
    """Sources of one example folder by output path, inherited ones first."""
    sources: dict[str, Source] = {}
    base = INHERITS.get(folder)
    if base:
        sources.update(folder_sources(base))
    for path in sorted((SOURCES / folder).glob("*.txt")):
        source = parse_source(path.read_text("utf-8"))
        sources[source.output] = source
    return sources


def build_folder(folder: str, dest: Path) -> list[Path]:
    """Write every PDF of ``folder`` under ``dest``; return the paths written."""
    written = []
    for output, source in sorted(folder_sources(folder).items()):
        width, per_page = PLEADING if source.pleading else PLAIN
        target = dest / output
        target.parent.mkdir(parents=True, exist_ok=True)
        write_pdf(
            target,
            layout(source.body, BANNERS[folder], width, per_page),
            pleading_paper=source.pleading,
            title=source.title,
            footer=source.footer,
        )
        written.append(target)
    return written


def build_all(root: Path = HERE) -> list[Path]:
    """Build both example folders under ``root`` (the examples folder by default)."""
    return [p for folder in BANNERS for p in build_folder(folder, root / folder)]


def check() -> list[str]:
    """Paths whose committed PDF differs from a fresh build."""
    with tempfile.TemporaryDirectory() as tmp:
        fresh = build_all(Path(tmp))
        return [
            str(p.relative_to(tmp))
            for p in fresh
            if not (HERE / p.relative_to(tmp)).is_file() or (HERE / p.relative_to(tmp)).read_bytes() != p.read_bytes()
        ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args(argv)
    if args.check:
        stale = check()
        for path in stale:
            print(f"out of date: {path}", file=sys.stderr)
        return 1 if stale else 0
    for path in build_all():
        print(path.relative_to(HERE))
    return 0


if __name__ == "__main__":
    sys.exit(main())
