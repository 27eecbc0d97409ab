"""``filelint init FOLDER``: draft a manifest from the folder's papers (PDF, Word) and emails."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def add_parsers(sub: Any) -> None:
    p = sub.add_parser("init", help="draft a filelint.yaml from the papers and emails in a motion folder")
    p.add_argument("folder", nargs="?", type=Path, default=Path("."),
                   help="the motion folder (default: the current folder)")
    p.add_argument("--jobs", "-j", type=int, default=1, help="papers read in parallel")
    p.add_argument("--no-cache", action="store_true", help="do not cache extracted PDF text")
    p.add_argument("--stdout", action="store_true", help="print the draft instead of writing it")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from filelint.cli.drafting import draft_manifest
    from filelint.errors import UsageError
    from filelint.runner import MANIFEST_NAME

    folder: Path = args.folder
    if not folder.is_dir():
        raise UsageError(f"{folder}: not a folder")
    target = folder / MANIFEST_NAME
    if target.exists() and not args.stdout:
        raise UsageError(f"{target} already exists; filelint init never overwrites a manifest "
                         "(move it away, or use --stdout to print a draft)")
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
    print(f"wrote {target} ({confirms} values to confirm: search for CONFIRM), then run "
          f"`filelint check {folder}`", file=sys.stderr)
    return 0


def _read(folder: Path, args: argparse.Namespace) -> dict[str, Any]:
    from filelint.documents import read_documents
    from filelint.pdf import default_cache_dir
    from filelint.progress import Status

    # Papers (PDF, Word) and correspondence (emails, Outlook messages, mailboxes).
    suffixes = {".pdf", ".docx", ".eml", ".msg", ".mbox"}
    paths = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in suffixes)
    with Status(f"reading {len(paths)} files"):
        docs = read_documents(paths, jobs=max(1, args.jobs),
                              cache_dir=None if args.no_cache else default_cache_dir())
    return {p.relative_to(folder).as_posix(): (d if d.status in ("ok", "partial") else None)
            for p, d in docs.items()}
