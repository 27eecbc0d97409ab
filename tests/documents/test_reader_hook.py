"""A pack adds a reader for another format through ``filelint_document_readers``."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from filelint import DocumentReader, hookimpl
from filelint.documents import read_documents
from filelint.papers import DocumentText
from filelint.testing import load_with


def extract_plain(path: Path, data: bytes, sha256: str, report: Callable[[int], None] | None = None) -> DocumentText:
    """A toy reader: '.ftxt' files are text after a magic line."""
    text = data.decode("utf-8").split("\n", 1)[1]
    return DocumentText(path, sha256, (text,), "ok", "", (), 1)


READER = DocumentReader(
    "ftxt", f"{__name__}:extract_plain", sniff=lambda data: data.startswith(b"FTXT\n"), describe="test text"
)


class Pack:
    @hookimpl
    def filelint_document_readers(self) -> Sequence[DocumentReader]:
        return [READER]


def test_pack_reader_collected_and_used(tmp_path: Path) -> None:
    plugins = load_with([Pack()])
    assert plugins.readers == [READER]
    path = tmp_path / "note.bin"
    path.write_bytes(b"FTXT\nRFP No. 35 was raised.")
    other = tmp_path / "other.bin"
    other.write_bytes(b"NOPE\n")
    docs = read_documents([path, other], readers=plugins.readers, cache_dir=tmp_path / "cache")
    assert docs[path].pages == ("RFP No. 35 was raised.",)
    assert docs[other].status == "unsupported"
    assert list((tmp_path / "cache" / "ftxt-text").iterdir())  # cached by content hash like the rest
    warm = read_documents([path], readers=plugins.readers, cache_dir=tmp_path / "cache")[path]
    assert warm.pages == docs[path].pages


def test_a_broken_sniff_leaves_the_file_unsupported(tmp_path: Path) -> None:
    def boom(data: bytes) -> bool:
        raise RuntimeError("bug in a pack")

    path = tmp_path / "x.bin"
    path.write_bytes(b"FTXT\nx")
    broken = DocumentReader("ftxt", f"{__name__}:extract_plain", sniff=boom)
    assert read_documents([path], readers=[broken])[path].status == "unsupported"
