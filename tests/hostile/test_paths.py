"""Paths that lead out of the motion folder (``../``, absolute, a symlink) are FL011 findings and
are never opened; a FIFO among the papers does not hang the run."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from filelint.runner import paper_reader
from filelint.settings import Settings

from .helpers import SLOW, TODAY, make_folder, run_cli

BASE = (Path(__file__).parent / "manifests" / "018-bom.yaml").read_text("utf-8-sig")
_WATCHED: set[str] = set()
_OPENED: list[str] = []


def _audit(event: str, args: tuple[Any, ...]) -> None:
    """Record every open() of a watched path (audit hooks see os.open, io.open and Path alike)."""
    if (
        event == "open"
        and _WATCHED
        and isinstance(args[0], str | bytes | os.PathLike)
        and os.path.realpath(os.fsdecode(args[0])) in _WATCHED
    ):
        _OPENED.append(os.fsdecode(args[0]))


sys.addaudithook(_audit)  # cannot be removed; inert while _WATCHED is empty


@pytest.fixture
def watch() -> Iterator[list[str]]:
    _OPENED.clear()
    yield _OPENED
    _WATCHED.clear()
    _OPENED.clear()


def _hostile_folder(tmp_path: Path) -> tuple[Path, Path]:
    outside = tmp_path / "outside"
    outside.mkdir()
    secret = outside / "secret.pdf"
    secret.write_bytes(b"%PDF-1.4 this file must never be read\n")
    folder = make_folder(
        tmp_path,
        BASE
        + (
            "papers:\n"
            "  - {role: exhibit, exhibit: 1, path: ../outside/secret.pdf}\n"
            f"  - {{role: exhibit, exhibit: 2, path: '{secret}'}}\n"
            "  - {role: exhibit, exhibit: 3, path: link.pdf}\n"
            "  - {role: exhibit, exhibit: 4, path: linked-dir/secret.pdf}\n"
            "  - {role: exhibit, exhibit: 5, path: ../../../../../../../etc/passwd}\n"
            "  - {role: exhibit, exhibit: 6, path: fifo.pdf}\n"
        ),
    )
    (folder / "link.pdf").symlink_to(secret)
    (folder / "linked-dir").symlink_to(outside, target_is_directory=True)
    os.mkfifo(folder / "fifo.pdf")  # opening it for reading would block forever
    return folder, secret


def test_paths_out_of_the_folder_are_fl011_and_never_opened(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, watch: list[str]
) -> None:
    folder, secret = _hostile_folder(tmp_path)
    monkeypatch.chdir(tmp_path)
    _WATCHED.update({str(secret.resolve()), "/etc/passwd", str((folder / "fifo.pdf").resolve())})
    run = run_cli(capsys, "check", "case", "--today", TODAY, "--no-plugins", "--no-cache")
    run.assert_clean_output()
    assert watch == [], f"filelint opened {watch}"
    assert run.code == 1
    assert run.seconds < SLOW
    fl011 = {(m["line"], m["msg"].split(" leads outside")[0]) for m in run.findings() if m["code"] == "FL011"}
    assert fl011 == {
        ("31", "../outside/secret.pdf"),
        ("32", str(secret)),
        ("33", "link.pdf"),
        ("34", "linked-dir/secret.pdf"),
        ("35", "../../../../../../../etc/passwd"),
    }
    fifo = [m for m in run.findings() if "fifo.pdf" in m["msg"]]
    assert [m["code"] for m in fifo] == ["FL010"]  # not a regular file: reported, not read


def test_the_paper_reader_refuses_paths_out_of_the_folder(tmp_path: Path, watch: list[str]) -> None:
    """A plugin rule asking ``ctx.document('../x')`` gets nothing, and nothing is opened."""
    folder, secret = _hostile_folder(tmp_path)
    _WATCHED.update({str(secret.resolve()), "/etc/passwd", str((folder / "fifo.pdf").resolve())})
    read = paper_reader(folder, Settings(no_cache=True))
    got = read(
        [
            "../outside/secret.pdf",
            str(secret),
            "link.pdf",
            "linked-dir/secret.pdf",
            "../../../../../../../etc/passwd",
            "fifo.pdf",
        ]
    )
    assert got == {}
    assert watch == []
    secret.read_bytes()  # the hook does see an open of a watched file
    assert watch == [str(secret)]


def test_manifest_that_is_a_fifo_does_not_hang(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], watch: list[str]
) -> None:
    """filelint.yaml itself a FIFO: not a manifest file; a usage error, no hang, never opened."""
    folder = tmp_path / "case"
    folder.mkdir()
    os.mkfifo(folder / "filelint.yaml")
    _WATCHED.add(str((folder / "filelint.yaml").resolve()))
    run = run_cli(capsys, "check", str(folder), "--today", TODAY, "--no-plugins")
    assert run.code == 2
    assert "Traceback" not in run.err and "no filelint.yaml" in run.err
    assert watch == []
