"""``filelint check FOLDER --jobs 2`` starts reading the folder's papers before the packs load
(filelint.readahead); the run takes the started reader and the parsed manifest, and finds what a
one-job run finds."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest

from filelint import DocumentReader, hookimpl, readahead, runner
from filelint.cli.app import main
from filelint.paperreader import PaperReader
from filelint.papers import DocumentText
from filelint.pdf import pool
from filelint.plugins import load_plugins
from filelint.runner import lint_folder
from filelint.settings import Settings
from filelint.testing import load_with
from procs import descendants

SEED = Path(__file__).resolve().parents[2] / "examples" / "palominos-cervantes-v-gm"


def extract_plain(path: Path, data: bytes, sha256: str, report: Any = None) -> DocumentText:
    """A pack's reader: '.ftxt' files are text after a magic line."""
    return DocumentText(path, sha256, (data.decode("utf-8").split("\n", 1)[1],), "ok", "", (), 1)


class Pack:
    @hookimpl
    def filelint_document_readers(self) -> list[DocumentReader]:
        return [DocumentReader("ftxt", f"{__name__}:extract_plain", sniff=lambda data: data.startswith(b"FTXT\n"))]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    shutil.copytree(SEED, tmp_path / "case")
    return tmp_path / "case"


def _check(folder: Path, jobs: int, capsys: Any) -> tuple[int, str]:
    code = main(["check", str(folder), "--today", "2026-11-28", "--no-cache", "--jobs", str(jobs)])
    return code, capsys.readouterr().out


def test_the_papers_are_read_while_the_packs_load(folder: Path, capsys: Any, monkeypatch: Any) -> None:
    events: list[str] = []
    real_start = PaperReader.start_from_manifest
    from filelint.cli import check as check_cli

    real_load, real_read = check_cli._load_plugins, PaperReader._read

    def start(self: PaperReader) -> bool:
        events.append("start")
        return real_start(self)

    def read(self: PaperReader, paths: dict[str, Path]) -> Any:
        events.append(f"read {len(paths)}")  # by the parent, as a rule asks: none with a reader process
        return real_read(self, paths)

    def load(*args: Any) -> Any:
        events.append("packs")
        return real_load(*args)

    monkeypatch.setattr(PaperReader, "start_from_manifest", start)
    monkeypatch.setattr(PaperReader, "_read", read)
    monkeypatch.setattr(check_cli, "_load_plugins", load)
    two = _check(folder, 2, capsys)
    assert events == ["start", "packs"]  # started once, before the packs; every paper read there
    assert two == _check(folder, 1, capsys)
    assert not descendants()


def test_a_manifest_changed_after_the_early_start_is_read_again(folder: Path) -> None:
    settings = Settings(today=dt.date(2026, 11, 28), no_cache=True, jobs=2)
    readahead.begin([folder], settings)
    manifest = folder / "filelint.yaml"
    manifest.write_text(manifest.read_text("utf-8").replace("court:", "court_typo: x\ncourt:", 1), "utf-8")
    result = lint_folder(folder, load_plugins(autoload=False), settings, cwd=folder)
    assert "FL004" in {f.code for f in result.findings}  # the new text, not the one parsed early
    assert readahead.take(folder) is None  # taken by the run
    assert not descendants()


def test_what_no_run_takes_is_stopped(folder: Path) -> None:
    readahead.begin([folder], Settings(no_cache=True, jobs=2))
    assert descendants()
    readahead.discard()
    assert readahead.take(folder) is None and not descendants()


@pytest.mark.parametrize(
    "paths, jobs, isolate",
    [(["."], 1, False), (["."], 2, True), ([".", "."], 2, False), (["filelint.yaml"], 2, False)],
    ids=["one-job", "isolate-plugins", "two-paths", "a-file"],
)
def test_nothing_is_started_early_without_jobs_for_one_folder(
    folder: Path, paths: list[str], jobs: int, isolate: bool
) -> None:
    readahead.begin([folder / p for p in paths], Settings(no_cache=True, jobs=jobs, isolate_plugins=isolate))
    assert readahead.take(folder) is None and not descendants()


def test_a_packs_format_waits_for_the_pack(folder: Path, monkeypatch: Any) -> None:
    """The early batch knows only the built-in formats: a pack's file is read with the pack's reader."""
    (folder / "note.ftxt").write_bytes(b"FTXT\nRequest No. 35 was raised on August 17, 2023.")
    manifest = folder / "filelint.yaml"
    text = manifest.read_text("utf-8")
    manifest.write_text(text.replace("papers:\n", "papers:\n  - {role: exhibit, exhibit: 9, path: note.ftxt}\n", 1))
    settings = Settings(today=dt.date(2026, 11, 28), no_cache=True, jobs=2)
    readahead.begin([folder], settings)
    plugins = load_with([Pack()])
    seen: list[Any] = []
    real = runner._check_folder

    def spy(result: Any, loaded: Any, run: Any, checked: Any, reader: Any) -> None:
        real(result, loaded, run, checked, reader)
        seen.append(reader(["note.ftxt"])["note.ftxt"])

    monkeypatch.setattr(runner, "_check_folder", spy)
    lint_folder(folder, plugins, settings, cwd=folder)
    assert seen[0].status == "ok" and "Request No. 35" in seen[0].pages[0]


def test_the_read_ahead_starts_the_folders_workers_once(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    forks: list[int] = []
    real = pool._fork_worker

    def counting(*args: Any) -> Any:
        forks.append(1)
        return real(*args)

    monkeypatch.setattr(pool, "_fork_worker", counting)
    monkeypatch.setattr("filelint.readerproc.usable", lambda: False)  # the workers are forked here
    settings = Settings(today=dt.date(2026, 11, 28), no_cache=True, jobs=2)
    readahead.begin([folder], settings)
    assert len(forks) == 2  # forked before the packs load
    lint_folder(folder, load_plugins(autoload=False), settings, cwd=folder)
    assert len(forks) == 2  # the batch started no other worker
    assert not descendants()
