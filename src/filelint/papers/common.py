"""Helpers the paper rules share: finding papers, reading them, and where requests appear."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from filelint.manifest.requests import Req

if TYPE_CHECKING:
    from filelint.context import Context
    from filelint.pdf import DocumentText
    from filelint.safeopen import PathRefused

#: Statuses whose text can be searched (a partial document only on its text pages).
READABLE = frozenset({"ok", "partial"})
At = tuple[str | int, ...]


@dataclass(frozen=True)
class NamedFile:
    """A file the manifest names, at its first mention."""

    path: str
    at: At


def named_files(ctx: Context) -> list[NamedFile]:
    """Every distinct file the manifest names (papers, responses, communications), in order."""
    return [NamedFile(path, at) for path, at in ctx.case.named_files()]


def present(ctx: Context, relpath: str) -> bool:
    """The file is a regular file inside the folder (FL010/FL011/FL012 report the other cases)."""
    return refusal(ctx, relpath) is None


def refusal(ctx: Context, relpath: str) -> PathRefused | None:
    """Why filelint will not read this named file (``.kind``: outside, missing, special or
    unopenable; ``.reason`` in words), or None if it will. Opens nothing; each path is resolved
    once per folder (`filelint.safeopen.FolderCheck`)."""
    from filelint.safeopen import CHECK_KEY, FolderCheck

    return ctx.derived(CHECK_KEY, lambda: FolderCheck(ctx.folder))(relpath)


def readable(ctx: Context, relpath: str | None) -> DocumentText | None:
    """The document's text if it can be searched; ``None`` otherwise (FL110/FL111 say why)."""
    if not relpath or not present(ctx, relpath):
        return None
    doc = ctx.document(relpath)
    return doc if doc is not None and doc.status in READABLE and doc.pages else None


def prefetch(ctx: Context, paths: Iterable[str | None]) -> None:
    """Read the papers a rule needs in one batch (parallel with --jobs)."""
    ctx.prefetch([p for p in dict.fromkeys(paths) if p and present(ctx, p)])


def searched_pages(doc: DocumentText) -> str:
    """'pages 1-3' (and which pages could not be searched)."""
    text_pages = [i for i in range(1, len(doc.pages) + 1) if i not in doc.scanned_pages]
    out = page_list(text_pages) if text_pages else "no page"
    if doc.scanned_pages:
        out += f"; {page_list(list(doc.scanned_pages))} without text not searched"
    return out


def page_list(numbers: list[int]) -> str:
    """[1, 2, 3, 5] -> 'pages 1-3, 5'; [4] -> 'page 4'."""
    if not numbers:
        return "no page"
    from filelint.pdf.classify import page_ranges

    ranges = page_ranges(numbers)
    return ("page " if len(numbers) == 1 else "pages ") + ", ".join(ranges)


def request_pages(doc: DocumentText, device: str) -> dict[str, list[int]]:
    """Request number -> pages that mention it, for references to ``device`` (or to no
    device in particular, as in "Nos. 13-16" after a heading naming the device)."""
    found: dict[str, list[int]] = {}
    for page_no, refs in enumerate(_page_refs(doc), 1):
        if page_no in doc.scanned_pages:
            continue
        for ref in refs:
            ref_device = getattr(ref, "device", None)
            if ref_device and ref_device != device:
                continue
            pages = found.setdefault(str(ref.number), [])
            if page_no not in pages:
                pages.append(page_no)
    return found


def _page_refs(doc: DocumentText) -> list[list[Any]]:
    """`find_request_refs` of every page of ``doc`` (none on a page without text): a derived fact of
    the document (`filelint.documents.derived`), found once and cached with its text."""
    from filelint.documents.derived import fact

    return fact(doc, "page-refs", lambda: _find_page_refs(doc), _encode_refs, _decode_refs)


def _find_page_refs(doc: DocumentText) -> list[list[Any]]:
    from filelint.refs import find_request_refs

    scanned = doc.scanned_pages
    return [[] if i in scanned else find_request_refs(t) for i, t in enumerate(doc.pages, 1)]


def _encode_refs(pages: list[list[Any]]) -> list[list[list[Any]]]:
    return [[[ref.device, ref.number, ref.set] for ref in refs] for refs in pages]


def _decode_refs(data: Any) -> list[list[Any]]:
    from filelint.refmodel import RequestRef

    return [[RequestRef(*_ref_fields(ref)) for ref in refs] for refs in data]


def _ref_fields(data: Any) -> tuple[str | None, str, int | None]:
    """A cached reference's (device, number, set), checked (a damaged entry raises ValueError)."""
    device, number, number_set = data
    if not (device is None or isinstance(device, str)) or not isinstance(number, str):
        raise ValueError("not a request reference")
    if not (number_set is None or type(number_set) is int):
        raise ValueError("not a request reference")
    return device, number, number_set


def missing_requests(reqs: Iterable[Req], mentioned: dict[str, list[int]]) -> list[Req]:
    """The requests whose number no page mentions (an item known only by its name is not looked for)."""
    return [r for r in reqs if r.numbered and r.number not in mentioned]


def unnamed_missing(doc: DocumentText, reqs: Iterable[Req]) -> list[Req]:
    """The deposition items known only by name (no number) whose name the paper's text never
    gives: compared as manifest labels are, case, spacing and punctuation set aside, across
    line and page breaks. A paper with no text at all is not searched (nothing is missing)."""
    wanted = [r for r in reqs if not r.numbered and r.name]
    text = [page for i, page in enumerate(doc.pages, 1) if i not in doc.scanned_pages]
    if not wanted or not text:
        return []
    from filelint.manifest.items import name_key

    whole = f" {name_key(' '.join(text))} "
    return [r for r in wanted if f" {name_key(r.name)} " not in whole]


def iter_docs(ctx: Context, paths: Iterable[str | None]) -> Iterator[tuple[str, DocumentText]]:
    """Readable documents among ``paths``, read in one batch first."""
    wanted = [p for p in dict.fromkeys(paths) if p]
    prefetch(ctx, wanted)
    for path in wanted:
        doc = readable(ctx, path)
        if doc is not None:
            yield path, doc


def number_key(number: str) -> tuple[int, ...]:
    """Sort key for '13' and '17.1'."""
    return tuple(int(p) for p in number.split(".") if p.isdigit())


def number_list(numbers: Iterable[str]) -> str:
    """['2', '3', '13', '14', '15'] -> '2, 3, 13-15' (the manifest's request-list form)."""
    ordered = sorted(set(numbers), key=number_key)
    chunks: list[str] = []
    run: list[int] = []
    for n in [*ordered, None]:
        if n is not None and n.isdigit() and run and int(n) == run[-1] + 1:
            run.append(int(n))
            continue
        if run:
            # a pair stays "34, 35" (as courts write it); three or more become "13-16"
            chunks.extend([f"{run[0]}-{run[-1]}"] if len(run) > 2 else [str(n) for n in run])
        run = [int(n)] if n is not None and n.isdigit() else []
        if n is not None and not n.isdigit():
            chunks.append(n)
    return ", ".join(chunks)
