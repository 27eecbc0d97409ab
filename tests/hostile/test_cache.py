"""Cache (issue 12, group 7): entries are read like papers (no FIFO, device or link; bounded), checked
for shape and checksum; a damaged or planted entry is ignored and rewritten; the cache never lives in
a motion folder or at a relative path."""

from __future__ import annotations

import json
import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from filelint.pdf import read_document
from filelint.pdf.cache import default_cache_dir
from filelint.testing.pdfwrite import write_pdf

from .helpers import HERE, TODAY, make_folder, run_cli
from .test_no_side_effects import snapshot

BASE = (HERE / "manifests" / "018-bom.yaml").read_text("utf-8-sig")


@pytest.fixture
def alarm() -> Iterator[None]:
    """Fail instead of hanging forever if an entry blocks."""

    def hang(*_: object) -> None:
        raise TimeoutError("reading the cache hung")

    old = signal.signal(signal.SIGALRM, hang)
    signal.alarm(20)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


def _cold(tmp_path: Path) -> tuple[Path, Path, Path]:
    cache = tmp_path / "cache"
    paper = write_pdf(tmp_path / "motion.pdf", [["NOTICE OF MOTION", "RFP Nos. 13-16"]])
    sha256 = read_document(paper, cache_dir=cache).sha256
    entry = next((cache / "pdf-text").glob(f"{sha256}.*.json"))  # named by the backend that read it
    return cache, paper, entry


def _entry_is_valid(entry: Path) -> bool:
    return entry.is_file() and not entry.is_symlink() and json.loads(entry.read_text("utf-8"))["doc"]["pages"] != []


@pytest.mark.parametrize(
    "damage",
    [
        "[" * 200_000,
        '{"doc": ' * 50_000,
        "{not json",
        '{"pages": 3}',
        "[]",
        "",
        "\x00\xff",
        '{"version": 1, "check": "", "doc": {}}',
    ],
)
def test_damaged_or_nested_entries_are_ignored_and_rewritten(damage: str, tmp_path: Path) -> None:
    cache, paper, entry = _cold(tmp_path)
    cold = read_document(paper, cache_dir=cache)
    entry.write_text(damage, "utf-8", errors="surrogateescape")
    assert read_document(paper, cache_dir=cache) == cold
    assert _entry_is_valid(entry)


def test_a_well_formed_but_wrong_entry_is_not_trusted(tmp_path: Path) -> None:
    cache, paper, entry = _cold(tmp_path)
    cold = read_document(paper, cache_dir=cache)
    good = json.loads(entry.read_text("utf-8"))
    edited = json.loads(json.dumps(good))
    edited["doc"]["pages"] = ["RFP Nos. 1-99 were all raised in the letter"]  # checksum not updated
    other = json.loads(json.dumps(good))
    other["doc"]["sha256"] = "0" * 64  # an entry for other bytes
    for planted in (edited, other):
        entry.write_text(json.dumps(planted), "utf-8")
        assert read_document(paper, cache_dir=cache) == cold
    entry.write_text(json.dumps(good), "utf-8")
    entry.chmod(0o666)  # anyone could have written it
    assert read_document(paper, cache_dir=cache) == cold
    assert entry.stat().st_mode & 0o022 == 0  # rewritten private


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "symlink", "directory"])
def test_special_entries_are_never_opened(kind: str, tmp_path: Path, alarm: None) -> None:
    cache, paper, entry = _cold(tmp_path)
    cold = read_document(paper, cache_dir=cache)
    entry.unlink()
    if kind == "fifo":
        os.mkfifo(entry)
    elif kind == "dev-zero":
        entry.symlink_to("/dev/zero")
    elif kind == "symlink":
        decoy = tmp_path / "decoy.json"
        decoy.write_text(entry.name)
        entry.symlink_to(decoy)
    else:
        entry.mkdir()
    assert read_document(paper, cache_dir=cache) == cold


def test_relative_xdg_cache_home_is_ignored(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("FILELINT_CACHE_DIR", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")
    assert default_cache_dir() == tmp_path / "home" / ".cache" / "filelint"


@pytest.mark.parametrize("how", ["config-dot", "env-relative", "env-inside"])
def test_the_cache_never_lives_in_the_motion_folder(
    how: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = make_folder(
        tmp_path, BASE.replace("meet_and_confer:", "papers:\n  - {role: notice, path: notice.pdf}\nmeet_and_confer:")
    )
    write_pdf(folder / "notice.pdf", [["NOTICE OF MOTION", "RFP Nos. 13-16, 34 and 35"]])
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    if how == "config-dot":
        (folder / "filelint.toml").write_text('cache-dir = "."\n', "utf-8")
        monkeypatch.delenv("FILELINT_CACHE_DIR", raising=False)
    else:
        monkeypatch.setenv("FILELINT_CACHE_DIR", "." if how == "env-relative" else str(folder / "cache"))
    monkeypatch.chdir(folder)
    before = snapshot(folder)
    run = run_cli(capsys, "check", ".", "--today", TODAY)
    run.assert_clean_output()
    assert snapshot(folder) == before
    assert "the text cache is off" in run.err


def test_a_cache_made_by_check_is_private(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first run creates the cache root itself (the manifest verdicts come before any paper)."""
    folder = make_folder(
        tmp_path, BASE.replace("meet_and_confer:", "papers:\n  - {role: notice, path: notice.pdf}\nmeet_and_confer:")
    )
    write_pdf(folder / "notice.pdf", [["NOTICE OF MOTION", "RFP Nos. 13-16, 34 and 35"]])
    monkeypatch.setenv("FILELINT_CACHE_DIR", str(tmp_path / "fresh" / "cache"))
    run_cli(capsys, "check", str(folder), "--today", TODAY)
    for made in (tmp_path / "fresh" / "cache", *(tmp_path / "fresh" / "cache").rglob("*")):
        if made.is_dir():
            assert made.stat().st_mode & 0o077 == 0, made
    assert (tmp_path / "fresh" / "cache" / ".gitignore").is_file()


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "nested"])
def test_the_word_and_email_cache_reads_entries_the_same_way(kind: str, tmp_path: Path, alarm: None) -> None:
    from filelint.documents.cache import DocumentCache

    cache = DocumentCache(tmp_path / "cache", "docx")
    entry = cache.entry("a" * 64)
    entry.parent.mkdir(parents=True)
    if kind == "fifo":
        os.mkfifo(entry)
    elif kind == "dev-zero":
        entry.symlink_to("/dev/zero")
    else:
        entry.write_text("[" * 200_000, "utf-8")
    assert cache.load(tmp_path / "x.docx", "a" * 64) is None
