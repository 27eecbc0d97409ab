"""A long PDF read in page ranges by several workers gives the result, and the cache entry, of a
whole-file read; parts that cannot stand alone send the file back whole (filelint.pdf.parts)."""

from __future__ import annotations

import hashlib
import itertools
from pathlib import Path

import pytest

from filelint.pdf import DocumentText, batch, pool, read_documents
from filelint.pdf.cleanup import Line, Page, strip_stamps
from filelint.pdf.model import failure
from filelint.pdf.pagerange import page_range
from filelint.pdf.parts import MOST_PAGES, Part, Split, estimate_pages, unpack
from filelint.testing.pdfwrite import write_pdf

STAMP = "Case 2:20-cv-02161-SVW-MRW Document 19-2 Filed 08/05/20 Page {page} of {pages} Page ID #:10{page}"


def exhibit(path: Path, pages: int) -> Path:
    """A pleading-paper exhibit whose every page says which it is, with a word split at a line
    end whose other half is on the page after (hyphens join across the whole document)."""
    texts = [
        [f"Response to Request No. {n}: Responding Party objects to this request as overbroad; see discov-"]
        + [f"ery served on page {n}, line {i}, and the meet and confer letter of June {n % 28 + 1}." for i in range(20)]
        for n in range(1, pages + 1)
    ]
    return write_pdf(path, texts, pleading_paper=True, footer="RESPONSES TO REQUESTS FOR PRODUCTION", stamp=STAMP)


def task_of(path: Path, backend: str = "pdfium") -> pool.Task:
    data = path.read_bytes()
    return pool.Task(path, data, hashlib.sha256(data).hexdigest(), backend=backend)


@pytest.mark.parametrize("backend", ["pdfium", "pdfminer"])
def test_long_paper_in_parts_reads_as_a_whole(tmp_path: Path, backend: str) -> None:
    long = exhibit(tmp_path / "exhibit.pdf", 70)
    short = exhibit(tmp_path / "notice.pdf", 3)
    split = Split([task_of(short, backend), task_of(long, backend)], 2, None)
    assert [u.part for u in split.units if u.path == long] == [(i, 4) for i in range(4)]
    assert split.units[0].path == long  # the longest work first
    one = read_documents([short, long], jobs=1, backend=backend)
    two = read_documents([short, long], jobs=2, backend=backend)
    assert one == two
    assert two[long].status == "ok" and two[long].page_count == 70
    assert "Request No. 37:" in two[long].pages[36]  # page order kept across the parts


def test_parts_tile_the_document() -> None:
    for pages in (0, 1, 3, 16, 70, 201):
        for parts in (2, 3, 8):
            ranges = [page_range(pages, i, parts) for i in range(parts)]
            assert ranges[0][0] == 0 and ranges[-1][1] == pages
            assert all(a[1] == b[0] and a[0] <= a[1] for a, b in itertools.pairwise(ranges))


def test_short_or_unknown_length_papers_are_read_whole(tmp_path: Path) -> None:
    long = task_of(exhibit(tmp_path / "exhibit.pdf", 70))
    hidden = pool.Task(tmp_path / "packed.pdf", long.data.replace(b"/Type /Page", b"/Type/Pagex"), "0" * 64)
    assert estimate_pages(long.data) == 70 and estimate_pages(hidden.data) == 0
    assert estimate_pages(b"<< /Type /Page >>" * (MOST_PAGES + 5)) == MOST_PAGES  # counting stops
    assert [u.part for u in Split([long, hidden], 1, None).units] == [None, None]  # one job: never split
    assert [u.part for u in Split([hidden], 2, None).units] == [None]
    word = pool.Task(tmp_path / "letter.docx", long.data, long.sha256, reader="filelint.documents.docx:extract")
    assert [u.part for u in Split([word], 2, None).units] == [None]  # only PDFs are split


def test_split_read_is_the_cache_entry_of_a_whole_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    long = exhibit(tmp_path / "exhibit.pdf", 40)
    cache = tmp_path / "cache"
    two = read_documents([long], jobs=2, cache_dir=cache)

    def no_extraction(tasks: list[pool.Task], **kwargs: object) -> list[DocumentText]:
        assert not tasks, "a whole-file read missed the cache entry of the split read"
        return []

    monkeypatch.setattr(batch, "run_tasks", no_extraction)
    assert read_documents([long], jobs=1, cache_dir=cache) == two


def test_one_pool_for_a_batch_with_parts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    spawned: list[int] = []
    real = pool._Pool._spawn

    def counting(self: pool._Pool) -> pool._Worker:
        spawned.append(1)
        return real(self)

    monkeypatch.setattr(pool._Pool, "_spawn", counting)
    papers = [exhibit(tmp_path / "exhibit.pdf", 60), exhibit(tmp_path / "statement.pdf", 20)]
    docs = read_documents(papers, jobs=2)
    assert all(doc.status == "ok" for doc in docs.values())
    assert len(spawned) == 2  # eight units, two workers, started once


def _page(text: str) -> Page:
    return Page((Line(text + "\n", 72, 700, 400, 712),), 792)


def test_untrusted_part_sends_the_whole_file_back(tmp_path: Path) -> None:
    whole = task_of(exhibit(tmp_path / "transcript.pdf", 40))
    split = Split([whole], 2, None)
    assert [u.part for u in split.units] == [(0, 2), (1, 2)]
    assert split.done(1, Part([_page("Q. Did you review the documents?")], [0.0])) == []
    assert split.done(0, Part([], [], "untrusted")) == [whole]  # PDFium saw no text in a Form XObject
    assert split.units[-1] is whole and split.results() == []
    doc = DocumentText(whole.path, whole.sha256, ("Q. Did you review the documents?",), "ok", "", (), 1)
    assert split.done(2, doc) == []
    assert split.results() == [doc]


def test_a_failed_part_is_the_file_result(tmp_path: Path) -> None:
    whole = task_of(exhibit(tmp_path / "exhibit.pdf", 40), backend="pdfminer")
    starts: list[pool.Task] = []
    split = Split([whole], 2, starts.append)
    split.started(split.units[1])
    split.started(split.units[0])
    assert starts == [whole]  # progress names the file once
    late = failure(whole.path, whole.sha256, "timeout", "extraction did not finish within 9.0 s")
    assert split.done(0, Part([_page("Plaintiff served the requests on May 2.")], [0.0])) == []
    assert split.done(1, late) == []
    assert split.results() == [late]


def test_merged_parts_are_cleaned_as_one_document(tmp_path: Path) -> None:
    whole = task_of(exhibit(tmp_path / "exhibit.pdf", 40))
    split = Split([whole], 2, None)
    footer = Line("RESPONSES TO REQUESTS FOR PRODUCTION\n", 200, 30, 400, 42)
    pages = [Page((Line(f"Response No. {n} is evasive.\n", 72, 700, 400, 712), footer), 792) for n in range(4)]
    stripped = [strip_stamps(page) for page in pages]  # as the worker that read the range sends them
    assert split.done(0, Part(stripped[:2], [0.0, 0.0])) == []
    [cleaning] = split.done(1, Part(stripped[2:], [0.0, 0.0]))
    assert (cleaning.data, cleaning.part) == (b"", None) and cleaning.raw is not None  # off to a worker
    assert unpack(cleaning.raw[0]) == (stripped, [0.0] * 4) and cleaning.raw[1] == 4
    assert split.done(2, pool.extract_task(cleaning)) == []
    [doc] = split.results()
    assert doc.pages == tuple(f"Response No. {n} is evasive." for n in range(4))  # footer on 4 pages: running
    assert (doc.status, doc.page_count, doc.path, doc.sha256) == ("ok", 4, whole.path, whole.sha256)


def test_a_part_crosses_the_pipe_with_its_pages_packed_and_unopened() -> None:
    """The parent keeps a part's pickled pages as they came and hands them to the cleaning worker:
    pickled once in the worker that read them, unpickled once in the worker that cleans them."""
    import pickle

    footer = Line("RESPONSES TO REQUESTS FOR PRODUCTION\n", 200, 30, 400, 42)
    pages = [Page((Line(f"Response No. {n} is evasive.\n", 72, 700, 400, 712), footer), 792) for n in range(3)]
    sent = Part(pages, [0.0, 0.5, 0.0], "untrusted", "a Form XObject")
    received = pickle.loads(pickle.dumps(sent))
    assert (received.status, received.detail, received.count) == ("untrusted", "a Form XObject", 3)
    assert received._body is None and received.packed() == sent.packed()  # not opened to be handed on
    assert (received.pages, received.covers) == (pages, [0.0, 0.5, 0.0])  # opened when asked
