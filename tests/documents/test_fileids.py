"""A paper whose identity (device, inode, size, mtime, ctime) is recorded with the sha256 of its bytes
is found in the text cache without being read again; any change, a racy identity, a damaged entry or
a reader that is gone means the bytes are read and hashed as before."""

from __future__ import annotations

import gc
import json
import os
from pathlib import Path

import pytest

from filelint.documents import fileids, read_documents
from filelint.pdf import reader as pdf_reader
from filelint.testing.pdfwrite import write_pdf

LINES = ["We raised RFP No. 34 in our letter of August 17, 2023."]


def _read(path: Path, cache: Path | None) -> object:
    return read_documents([path], cache_dir=cache)[path]


def _pages(path: Path, cache: Path | None) -> tuple[str, ...]:
    doc = _read(path, cache)
    return doc.pages  # type: ignore[attr-defined,no-any-return]


def _forbid_reading(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    read: list[Path] = []
    real = pdf_reader.read_opened

    def counted(path: Path, fd: int, info: os.stat_result) -> object:
        read.append(path)
        return real(path, fd, info)

    monkeypatch.setattr(pdf_reader, "read_opened", counted)
    return read


def _entries(cache: Path) -> list[Path]:
    return sorted((cache / "file-ids").glob("*.json")) if (cache / "file-ids").is_dir() else []


@pytest.fixture
def settled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files written by the test count as settled (no racy window), as papers saved long ago do."""
    monkeypatch.setattr(fileids, "RACY_NS", 0)


def test_an_unchanged_paper_is_not_read_again(settled: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    paper = write_pdf(tmp_path / "letter.pdf", [LINES])
    cold = _pages(paper, cache)  # extracted
    assert _pages(paper, cache) == cold  # a text-cache hit: the bytes read, the identity recorded
    (entry,) = _entries(cache)
    assert entry.stat().st_mode & 0o077 == 0
    read = _forbid_reading(monkeypatch)
    assert _pages(paper, cache) == cold
    assert read == []


def test_a_paper_changed_with_the_same_size_and_mtime_is_read_again(
    settled: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    paper = write_pdf(tmp_path / "letter.pdf", [LINES])
    _pages(paper, cache)
    _pages(paper, cache)
    before = paper.stat()
    data = paper.read_bytes().replace(b"No. 34", b"No. 43")
    assert len(data) == before.st_size
    paper.write_bytes(data)
    os.utime(paper, ns=(before.st_atime_ns, before.st_mtime_ns))  # the ctime still moves on
    read = _forbid_reading(monkeypatch)
    gc.collect()
    assert any("No. 43" in page for page in _pages(paper, cache))
    assert read == [paper]


def test_a_racy_paper_is_never_trusted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file changed within RACY_NS could change again within its clock tick: always read."""
    cache = tmp_path / "cache"
    paper = write_pdf(tmp_path / "letter.pdf", [LINES])
    for _ in range(3):
        _pages(paper, cache)
    assert _entries(cache) == []
    read = _forbid_reading(monkeypatch)
    _pages(paper, cache)
    assert read == [paper]


@pytest.mark.parametrize(
    "damage",
    ["{not json", "[]", "", '{"context": "", "id": "", "sha256": "", "reader": ""}', "other-bytes", "gone-reader"],
)
def test_a_damaged_or_wrong_entry_means_reading(
    settled: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: str
) -> None:
    cache = tmp_path / "cache"
    paper = write_pdf(tmp_path / "letter.pdf", [LINES])
    cold = _pages(paper, cache)
    _pages(paper, cache)
    (entry,) = _entries(cache)
    good = json.loads(entry.read_text("utf-8"))
    if damage == "other-bytes":
        entry.write_text(json.dumps({**good, "sha256": "0" * 64}), "utf-8")  # no text cached for those
    elif damage == "gone-reader":
        entry.write_text(json.dumps({**good, "reader": "some_pack.readers:extract"}), "utf-8")
    else:
        entry.write_text(damage, "utf-8")
    read = _forbid_reading(monkeypatch)
    assert _pages(paper, cache) == cold
    assert read == [paper]


def test_without_a_cache_no_identity_is_recorded(settled: None, tmp_path: Path) -> None:
    paper = write_pdf(tmp_path / "letter.pdf", [LINES])
    for _ in range(2):
        _pages(paper, None)
    assert list(tmp_path.iterdir()) == [paper]


def test_an_identity_is_device_inode_size_and_both_times(tmp_path: Path, settled: None) -> None:
    paper = write_pdf(tmp_path / "letter.pdf", [LINES])
    info = paper.stat()
    assert fileids.identity(info) == f"{info.st_dev}:{info.st_ino}:{info.st_size}:{info.st_mtime_ns}:{info.st_ctime_ns}"
    assert fileids.identity(tmp_path.stat()) is None  # not a regular file
