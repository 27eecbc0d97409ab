"""``filelint init FOLDER``: draft a manifest from the folder's papers (PDF, Word) and emails."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any


def add_parsers(sub: Any) -> None:
    p = sub.add_parser("init", help="draft a filelint.yaml from the papers and emails in a motion folder")
    p.add_argument(
        "folder", nargs="?", type=Path, default=Path("."), help="the motion folder (default: the current folder)"
    )
    p.add_argument("--jobs", "-j", type=int, default=1, help="papers read in parallel")
    p.add_argument("--no-cache", action="store_true", help="do not cache extracted PDF text")
    p.add_argument("--stdout", action="store_true", help="print the draft instead of writing it")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from filelint.cli.drafting import draft_manifest
    from filelint.errors import UsageError
    from filelint.output.escape import plain
    from filelint.runner import MANIFEST_NAME

    folder: Path = args.folder
    if not folder.is_dir():
        raise UsageError(f"{folder}: not a folder")
    target = folder / MANIFEST_NAME
    if target.exists() and not args.stdout:
        raise UsageError(
            f"{target} already exists; filelint init never overwrites a manifest "
            "(move it away, or use --stdout to print a draft)"
        )
    docs = _read(folder, args)
    if not docs:
        raise UsageError(f"{folder}: no PDF, Word or email files to draft a manifest from")
    text = draft_manifest(folder.resolve().name, docs)
    if args.stdout:
        sys.stdout.write(text)
        return 0
    with open(target, "x", encoding="utf-8") as out:  # "x": never overwrite, even in a race
        out.write(text)
    confirms = text.count("# CONFIRM:")
    print(
        f"wrote {plain(str(target))} ({confirms} values to confirm: search for CONFIRM), then run "
        f"`filelint check {plain(str(folder))}`",
        file=sys.stderr,
    )
    return 0


def _read(folder: Path, args: argparse.Namespace) -> dict[str, Any]:
    from filelint.documents import read_documents
    from filelint.pdf import default_cache_dir
    from filelint.progress import Status
    from filelint.runner import usable_cache_dir

    # Papers (PDF, Word) and correspondence (emails, Outlook messages, mailboxes), found without
    # following symlinked folders and opened only inside the folder.
    paths = [p for p in _papers(folder) if _readable(folder, p)]
    with Status(f"reading {len(paths)} files"):
        docs = read_documents(
            paths,
            jobs=max(1, args.jobs),
            within=folder,
            cache_dir=None if args.no_cache else usable_cache_dir(default_cache_dir(), folder),
        )
    return {p.relative_to(folder).as_posix(): (d if d.status in ("ok", "partial") else None) for p, d in docs.items()}


#: What `init` reads: papers (PDF, Word) and correspondence (emails, Outlook messages, mailboxes).
SUFFIXES = (".pdf", ".docx", ".eml", ".msg", ".mbox")


def _papers(folder: Path) -> list[Path]:
    """Every paper and message under ``folder``, not following symlinked folders; a subfolder that
    cannot be listed is named in a note (a draft silently missing its papers would look complete)."""
    found: list[Path] = []
    for top, dirs, files in os.walk(folder, onerror=_skipped_folder(folder)):
        dirs.sort()
        found += [Path(top) / name for name in files if name.lower().endswith(SUFFIXES)]
    return sorted(found)


def _skipped_folder(folder: Path) -> Callable[[OSError], None]:
    from filelint.output.escape import plain
    from filelint.safeopen import describe

    def note(exc: OSError) -> None:
        where = os.path.relpath(exc.filename, folder) if exc.filename else str(folder)
        print(
            f"filelint: note: skipped the folder {plain(where)}: {describe(exc)}; its files are not in the draft",
            file=sys.stderr,
        )

    return note


def _readable(folder: Path, path: Path) -> bool:
    """The rule `check` applies to papers: a regular file inside the folder (a symlink out of it is
    skipped, with a note, so its text never reaches the draft)."""
    from filelint.output.escape import plain
    from filelint.safeopen import MISSING, check

    refused = check(folder, path.relative_to(folder))
    if refused is not None and refused.kind != MISSING:
        print(
            f"filelint: note: skipped {plain(path.relative_to(folder).as_posix())}: {refused.reason}", file=sys.stderr
        )
    return refused is None
