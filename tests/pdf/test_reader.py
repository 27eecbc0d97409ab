"""read_documents / read_document on PDFs generated with filelint.testing.pdfwrite."""

from __future__ import annotations

import hashlib
import math
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from filelint.pdf import DocumentText, batch, default_cache_dir, pool, read_document, read_documents
from filelint.pdf import extract as extract_module
from filelint.pdf.cache import TextCache
from filelint.testing.pdfwrite import (
    pdf_bytes,
    write_encrypted_stub,
    write_garbage_xref,
    write_image_only,
    write_pdf,
    write_truncated,
)

from .helpers import bare_numbers

STAMP = "Case 2:20-cv-02161-SVW-MRW Document 19-2 Filed 08/05/20 Page {page} of {pages} Page ID #:10{page}"
BODY = [f"{n}. Plaintiff asks for further responses to Request for Production No. {n}." for n in range(1, 29)]


def pleading(path: Path, pages: int = 2) -> Path:
    return write_pdf(
        path, [BODY] * pages, pleading_paper=True, footer="PLAINTIFF'S MOTION TO COMPEL", stamp=STAMP, title="Motion"
    )


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_pleading_paper_round_trip(tmp_path: Path) -> None:
    doc = read_document(pleading(tmp_path / "motion.pdf"))
    assert doc.status == "ok", doc.detail
    assert doc.page_count == 2 and doc.scanned_pages == ()
    for page in doc.pages:
        assert page.split("\n") == BODY  # numbers, stamp, footer and page number gone
        assert bare_numbers(page) == []


def test_result_fields(tmp_path: Path) -> None:
    path = pleading(tmp_path / "motion.pdf", pages=1)
    doc = read_document(path)
    assert doc.path == path
    assert doc.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert doc.detail == ""


def test_quotes_dashes_and_escapes(tmp_path: Path) -> None:
    line = "Defendant\u2019s \u201cobjection\u201d \u2013 see (Ex. 2) \\ Nos. 13\u201316 \u2014 done"
    doc = read_document(write_pdf(tmp_path / "q.pdf", [[line]]))
    assert doc.pages == ('Defendant\'s "objection" - see (Ex. 2) \\ Nos. 13-16 - done',)


def test_hyphen_joins(tmp_path: Path) -> None:
    lines = [
        "Plaintiff served its requests for discov-",
        "ery on the defendant. The",
        "discovery closed and the work-",
        "product doctrine applies; see Nos. 13-",
        "16 and L.R. 37-",
        "1.",
    ]
    doc = read_document(write_pdf(tmp_path / "h.pdf", [lines]))
    assert doc.pages[0].split("\n") == [
        "Plaintiff served its requests for discovery",  # the document says "discovery" elsewhere
        "on the defendant. The",
        "discovery closed and the work-product",  # a compound keeps its hyphen
        "doctrine applies; see Nos. 13-16",
        "and L.R. 37-1.",
    ]


def test_plain_single_page_keeps_every_line(tmp_path: Path) -> None:
    lines = ["1", "2", "Exhibit 3", "- 4 -"]
    doc = read_document(write_pdf(tmp_path / "p.pdf", [lines]))
    assert doc.pages[0].split("\n") == lines  # no column, no repetition: nothing removed


def test_image_only_is_no_text(tmp_path: Path) -> None:
    doc = read_document(write_image_only(tmp_path / "scan.pdf", pages=2))
    assert doc.status == "no-text" and doc.scanned_pages == (1, 2)
    assert "OCR" in doc.detail


@pytest.mark.parametrize(
    ("make", "status", "detail"),
    [
        (lambda p: p.write_bytes(b""), "empty-file", "empty"),
        (lambda p: p.write_bytes(b"<!DOCTYPE html><html>Session expired</html>"), "not-pdf", "HTML"),
        (lambda p: p.write_bytes(b"PK\x03\x04" + bytes(100)), "not-pdf", "not a PDF"),
        (write_truncated, "corrupt", "truncated or corrupt"),
        (lambda p: p.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 20), "corrupt", "corrupt"),
        (write_encrypted_stub, "encrypted", "password"),
    ],
    ids=["zero-bytes", "html", "zip", "truncated", "garbage", "encrypted"],
)
def test_bad_files(tmp_path: Path, make: object, status: str, detail: str) -> None:
    path = tmp_path / "bad.pdf"
    make(path)  # type: ignore[operator]
    doc = read_document(path)
    assert (doc.status, doc.pages) == (status, ())
    assert detail in doc.detail


def test_garbage_xref_is_rebuilt(tmp_path: Path) -> None:
    """pdfminer rebuilds a garbage cross-reference table from the objects."""
    doc = read_document(write_garbage_xref(tmp_path / "x.pdf", [["Recovered text"]]))
    assert (doc.status, doc.pages) == ("ok", ("Recovered text",))


def test_pdfminer_crash_is_an_error(tmp_path: Path) -> None:
    data = pdf_bytes([["Hello"]])
    xref = data.rindex(b"\nxref\n") + 1
    path = tmp_path / "loop.pdf"
    path.write_bytes(data.replace(b"/Info 4 0 R", b"/Info 4 0 R /Prev %d" % xref))  # xref chain loops
    doc = read_documents([path], backend="pdfminer")[path]
    assert (doc.status, doc.detail) == ("error", "pdfminer failed: RecursionError")
    assert read_documents([path], backend="pdfium")[path].status == "ok"  # PDFium follows the loop


def test_missing_file_is_an_error(tmp_path: Path) -> None:
    doc = read_document(tmp_path / "nope.pdf")
    assert doc.status == "error" and "cannot read file" in doc.detail


def test_timeout_on_a_big_file(tmp_path: Path) -> None:
    path = pleading(tmp_path / "big.pdf", pages=300)
    start = time.perf_counter()
    # pdfminer: seconds for 300 pages (PDFium may read them within the limit on a quiet machine)
    doc = read_documents([path], timeout=0.3, backend="pdfminer")[path]
    assert time.perf_counter() - start < 3
    assert doc.status == "timeout" and "0.3" in doc.detail
    assert doc.sha256 and doc.pages == ()


def test_default_timeout_follows_the_page_count(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert pool.default_timeout(10) == 10.0
    path = pleading(tmp_path / "big.pdf", pages=200)
    monkeypatch.setattr(pool, "BASE_SECONDS", 0.2)
    monkeypatch.setattr(pool, "PER_PAGE_SECONDS", 0.001)
    doc = read_documents([path], backend="pdfminer")[path]  # PDFium reads 200 pages within 0.4 s
    assert doc.status == "timeout" and doc.page_count == 200  # the worker reported the count


def test_a_dying_worker_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if "fork" not in __import__("multiprocessing").get_all_start_methods():
        pytest.skip("needs fork to inject the crash into the worker")
    monkeypatch.setattr(extract_module, "extract", lambda *args, **kwargs: os._exit(3))
    paths = [pleading(tmp_path / "a.pdf", 1), write_pdf(tmp_path / "b.pdf", [["b"]])]
    docs = read_documents(paths, jobs=2)
    assert {d.status for d in docs.values()} == {"error"}
    assert all("exit code 3" in d.detail for d in docs.values())


def test_jobs_and_inline_agree(tmp_path: Path) -> None:
    paths = [pleading(tmp_path / f"m{i}.pdf", pages=i) for i in range(1, 4)]
    paths.append(write_image_only(tmp_path / "scan.pdf"))
    (tmp_path / "empty.pdf").write_bytes(b"")
    paths.append(tmp_path / "empty.pdf")
    one = read_documents(paths, jobs=1)
    two = read_documents(paths, jobs=2)
    inline = read_documents(paths, timeout=math.inf)
    assert list(one) == list(two) == list(inline) == paths  # keyed and ordered as given
    assert one == two == inline


def test_same_bytes_are_read_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = pleading(tmp_path / "a.pdf", 1)
    second = tmp_path / "copy.pdf"
    second.write_bytes(first.read_bytes())
    calls: list[int] = []
    real = batch.run_tasks

    def counting(tasks: list[pool.Task], **kwargs: object) -> list[DocumentText]:
        calls.append(len(tasks))
        return real(tasks, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(batch, "run_tasks", counting)
    docs = read_documents([first, second, first])
    assert calls == [1]
    assert list(docs) == [first, second]
    assert docs[second].path == second and docs[second].pages == docs[first].pages


def test_bad_arguments_raise(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="jobs"):
        read_documents([], jobs=0)
    with pytest.raises(ValueError, match="timeout"):
        read_documents([], timeout=0)
    assert read_documents([]) == {}


def test_progress_goes_to_stderr_only_when_asked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths = [pleading(tmp_path / "decl.pdf", 1), write_image_only(tmp_path / "scan.pdf")]
    read_documents(paths)
    assert capsys.readouterr() == ("", "")
    read_documents(paths, progress=True)
    out, err = capsys.readouterr()
    assert out == ""
    assert "\r[1/2] reading decl.pdf" in err and "[2/2] reading scan.pdf" in err


# ----------------------------------------------------------------- the cache


def test_cache_hit_skips_pdfminer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    path = pleading(tmp_path / "motion.pdf")
    cold = read_document(path, cache_dir=cache)

    def no_extraction(*args: object, **kwargs: object) -> None:
        raise AssertionError("extraction ran on a cache hit")

    monkeypatch.setattr(batch, "run_tasks", lambda tasks, **kw: no_extraction() if tasks else [])
    assert read_document(path, cache_dir=cache) == cold


def test_warm_run_imports_no_pdf_library(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    path = pleading(tmp_path / "motion.pdf", 1)
    code = (
        "import sys; from pathlib import Path; from filelint.pdf import read_documents; "
        f"d = read_documents([Path({str(path)!r})], cache_dir=Path({str(cache)!r})); "
        "print(next(iter(d.values())).status, bool({'pdfminer', 'pypdfium2'} & set(sys.modules)))"
    )
    run = [sys.executable, "-c", code]
    assert subprocess.run(run, capture_output=True, text=True, check=True).stdout.split() == ["ok", "False"]
    # Inline extraction proves the probe would see pdfminer if it ran in this process.
    inline = code.replace("cache_dir=", "timeout=float('inf'), cache_dir=").replace(str(cache), str(cache) + "2")
    out = subprocess.run([sys.executable, "-c", inline], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["ok", "True"]


def test_import_does_not_import_pdfminer() -> None:
    code = "import sys, filelint.pdf, filelint.refs; print(sorted(m for m in sys.modules if 'pdfminer' in m))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_cache_directory_is_private_and_ignored(tmp_path: Path) -> None:
    cache = tmp_path / "deep" / "cache"
    read_document(pleading(tmp_path / "motion.pdf", 1), cache_dir=cache)
    assert (cache / ".gitignore").read_text().splitlines()[-1] == "*"
    assert len(list((cache / "pdf-text").glob("*.json"))) == 1
    assert oct(cache.stat().st_mode & 0o777) == "0o700"


def test_reading_never_writes_into_the_folder(tmp_path: Path) -> None:
    folder = tmp_path / "motion"
    folder.mkdir()
    pleading(folder / "motion.pdf")
    write_image_only(folder / "exhibit.pdf")
    write_truncated(folder / "broken.pdf")
    before = snapshot(folder)
    read_documents(sorted(folder.iterdir()), jobs=2, cache_dir=tmp_path / "cache")
    read_documents(sorted(folder.iterdir()), cache_dir=tmp_path / "cache")
    assert snapshot(folder) == before


def test_damaged_cache_entry_is_ignored(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    path = pleading(tmp_path / "motion.pdf", 1)
    cold = read_document(path, cache_dir=cache)
    entry = TextCache(cache).entry(cold.sha256)
    for damage in ("{not json", '{"pages": 3}', "[]", ""):
        entry.write_text(damage)
        assert read_document(path, cache_dir=cache) == cold
    assert read_document(path, cache_dir=cache) == cold  # and the entry was rewritten


def test_cache_is_keyed_by_content_not_path(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = pleading(tmp_path / "a.pdf", 1)
    read_document(first, cache_dir=cache)
    moved = tmp_path / "renamed.pdf"
    first.rename(moved)
    doc = read_document(moved, cache_dir=cache)
    assert doc.path == moved and doc.status == "ok"
    assert len(list((cache / "pdf-text").iterdir())) == 1


def test_failures_that_depend_on_the_moment_are_not_cached(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    read_document(pleading(tmp_path / "big.pdf", pages=300), cache_dir=cache, timeout=0.2)
    assert not (cache / "pdf-text").exists() or not list((cache / "pdf-text").iterdir())


def test_unwritable_cache_is_ignored(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    doc = read_document(pleading(tmp_path / "m.pdf", 1), cache_dir=blocker / "cache")
    assert doc.status == "ok"


def test_default_cache_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("FILELINT_CACHE_DIR", str(tmp_path / "explicit"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_cache_dir() == tmp_path / "explicit"
    monkeypatch.delenv("FILELINT_CACHE_DIR")
    assert default_cache_dir() == tmp_path / "xdg" / "filelint"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_cache_dir() == tmp_path / "home" / ".cache" / "filelint"


def test_pdfwrite_is_deterministic(tmp_path: Path) -> None:
    first = pleading(tmp_path / "a.pdf").read_bytes()
    assert pleading(tmp_path / "b.pdf").read_bytes() == first
    assert first.startswith(b"%PDF-1.4") and b"/Title (Motion)" in first
    assert all(byte < 0x80 for byte in first[16:])  # ASCII after the binary marker
    with pytest.raises(ValueError, match="28"):
        write_pdf(tmp_path / "c.pdf", [BODY + ["one too many"]], pleading_paper=True)
