"""Paths (issue 12, group 6): a paper is opened once, and the opened file is checked (regular file,
inside the folder) before a byte is read, so a symlink swapped in between cannot be read from
outside; odd names are FL012 findings naming the file, never FL900; ``init`` applies the same rule."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import pytest

from filelint import safeopen
from filelint.testing.pdfwrite import write_pdf

from .helpers import HERE, TODAY, make_folder, run_cli

BASE = (HERE / "manifests" / "018-bom.yaml").read_text("utf-8-sig")
LONG = "a" * 300 + ".pdf"


def _outside(tmp_path: Path) -> Path:
    secret = tmp_path / "outside" / "secret.pdf"
    secret.parent.mkdir()
    secret.write_bytes(b"%PDF-1.4 SECRET\n")
    return secret


def test_odd_names_are_fl012_naming_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = make_folder(
        tmp_path,
        BASE
        + (
            "papers:\n"
            f"  - {{role: exhibit, exhibit: 1, path: {LONG}}}\n"
            '  - {role: exhibit, exhibit: 2, path: "nul\\0.pdf"}\n'
            "  - {role: exhibit, exhibit: 3, path: loop.pdf}\n"
            "  - {role: declaration, path: loopdir/decl.pdf}\n"
            "  - {role: exhibit, exhibit: 4, path: locked/x.pdf}\n"
        ),
    )
    (folder / "loop.pdf").symlink_to("loop.pdf")
    (folder / "loopdir").symlink_to("loopdir")
    (folder / "locked").mkdir()
    (folder / "locked" / "x.pdf").write_bytes(b"%PDF-1.4\n")
    real_stat = os.stat

    def stat(path: Any, *args: Any, **kwargs: Any) -> os.stat_result:
        if "locked" in os.fsdecode(path):  # as for a non-root user after chmod 000
            raise PermissionError(errno.EACCES, "Permission denied", path)
        return real_stat(path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", stat)
    monkeypatch.chdir(tmp_path)
    run = run_cli(capsys, "check", "case", "--today", TODAY, "--no-cache")
    run.assert_clean_output()
    assert run.code == 1
    codes = {m["code"] for m in run.findings()}
    assert "FL900" not in codes
    fl012 = {m["line"]: m["msg"] for m in run.findings() if m["code"] == "FL012"}
    assert fl012["31"].startswith(f"{LONG} cannot be opened: a name in it is 304 bytes long")
    assert fl012["32"].startswith("nul\\x00.pdf cannot be opened: its name contains a NUL")
    assert fl012["33"].startswith("loop.pdf cannot be opened: it is a symlink loop")
    assert fl012["34"].startswith("loopdir/decl.pdf cannot be opened: it is a symlink loop")
    assert fl012["35"].startswith("locked/x.pdf cannot be opened: permission denied")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any folder")
def test_unreadable_subfolder_is_fl012(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = make_folder(tmp_path, BASE + "papers:\n  - {role: exhibit, exhibit: 1, path: locked/x.pdf}\n")
    (folder / "locked").mkdir()
    (folder / "locked" / "x.pdf").write_bytes(b"%PDF-1.4\n")
    (folder / "locked").chmod(0)
    try:
        run = run_cli(capsys, "check", str(folder), "--today", TODAY, "--no-cache")
    finally:
        (folder / "locked").chmod(0o700)
    run.assert_clean_output()
    assert any(m["code"] == "FL012" and "permission denied" in m["msg"] for m in run.findings())


def test_a_final_symlink_swapped_in_after_the_check_is_not_followed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    secret = _outside(tmp_path)
    folder = make_folder(tmp_path, BASE)
    paper = folder / "paper.pdf"
    paper.write_bytes(b"%PDF-1.4 inside\n")
    real_check = safeopen.check

    def check_then_swap(*args: Any) -> safeopen.PathRefused | None:
        verdict = real_check(*args)
        if paper.is_file() and not paper.is_symlink():
            paper.unlink()
            paper.symlink_to(secret)  # the attacker wins the race every time
        return verdict

    monkeypatch.setattr(safeopen, "check", check_then_swap)
    with pytest.raises(safeopen.PathRefused) as refused:
        safeopen.read_file(paper, folder)
    assert refused.value.kind == safeopen.OUTSIDE


def test_a_folder_swapped_for_a_symlink_after_the_check_is_caught_on_the_descriptor(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    secret = _outside(tmp_path)
    folder = make_folder(tmp_path, BASE)
    (folder / "sub").mkdir()
    (folder / "sub" / "secret.pdf").write_bytes(b"%PDF-1.4 inside\n")
    real_check = safeopen.check

    def check_then_swap(*args: Any) -> safeopen.PathRefused | None:
        verdict = real_check(*args)
        if not (folder / "sub").is_symlink():
            (folder / "sub" / "secret.pdf").unlink()
            (folder / "sub").rmdir()
            (folder / "sub").symlink_to(secret.parent, target_is_directory=True)
        return verdict

    monkeypatch.setattr(safeopen, "check", check_then_swap)
    with pytest.raises(safeopen.PathRefused) as refused:
        safeopen.read_file(folder / "sub" / "secret.pdf", folder)
    assert refused.value.kind == safeopen.OUTSIDE and "changed while being opened" in refused.value.reason


def test_special_files_are_refused_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "fifo.pdf")
    (tmp_path / "dev.pdf").symlink_to("/dev/zero")
    for name, kind in (("fifo.pdf", safeopen.SPECIAL), ("dev.pdf", safeopen.OUTSIDE)):
        with pytest.raises(safeopen.PathRefused) as refused:
            safeopen.read_file(tmp_path / name, tmp_path)
        assert refused.value.kind == kind
    with pytest.raises(safeopen.PathRefused):  # without a folder: still no FIFO, no device
        safeopen.read_file(tmp_path / "fifo.pdf", None)
    with pytest.raises(safeopen.PathRefused):
        safeopen.read_file(tmp_path / "dev.pdf", None)


def test_a_symlink_inside_the_folder_is_read(tmp_path: Path) -> None:
    (tmp_path / "real.pdf").write_bytes(b"%PDF-1.4 x\n")
    (tmp_path / "link.pdf").symlink_to("real.pdf")
    assert safeopen.read_file(tmp_path / "link.pdf", tmp_path) == b"%PDF-1.4 x\n"


def test_init_skips_pdfs_that_lead_outside(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    write_pdf(outside / "secret.pdf", [["PRIVILEGED SECRET MEMO", "Case No. 99STCV00001"]])
    folder = tmp_path / "case"
    folder.mkdir()
    write_pdf(folder / "notice.pdf", [["NOTICE OF MOTION", "Case No. 23STCV03596"]])
    (folder / "link.pdf").symlink_to(outside / "secret.pdf")
    (folder / "linked").symlink_to(outside, target_is_directory=True)
    os.mkfifo(folder / "fifo.pdf")
    monkeypatch.chdir(tmp_path)
    run = run_cli(capsys, "init", "case", "--stdout", "--no-cache")
    assert run.code == 0
    assert "notice.pdf" in run.out
    assert "link.pdf" not in run.out and "99STCV00001" not in run.out and "fifo.pdf" not in run.out
    assert "skipped link.pdf: it leads outside the motion folder" in run.err
    assert not (folder / "filelint.yaml").exists()


def test_init_names_a_subfolder_it_cannot_list(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "case"
    (folder / "locked").mkdir(parents=True)
    write_pdf(folder / "notice.pdf", [["NOTICE OF MOTION", "Case No. 23STCV03596"]])
    write_pdf(folder / "locked" / "decl.pdf", [["DECLARATION"]])
    real_scandir = os.scandir

    def scandir(path: Any) -> Any:
        if os.fsdecode(path).endswith("locked"):  # as chmod 000 does for a user
            raise PermissionError(errno.EACCES, "Permission denied", os.fsdecode(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    run = run_cli(capsys, "init", str(folder), "--stdout", "--no-cache")
    assert run.code == 0 and "notice.pdf" in run.out
    assert "skipped the folder locked: permission denied" in run.err


def test_read_file_enforces_a_size_limit_on_the_open_file(tmp_path: Path) -> None:
    (tmp_path / "big.pdf").write_bytes(b"%PDF-1.4 " + b"x" * 100)
    assert len(safeopen.read_file(tmp_path / "big.pdf", tmp_path, max_bytes=109)) == 109
    with pytest.raises(safeopen.PathRefused) as refused:
        safeopen.read_file(tmp_path / "big.pdf", tmp_path, max_bytes=108)
    assert refused.value.kind == safeopen.TOO_LARGE


def test_the_folder_check_resolves_a_path_once_and_a_swap_is_refused_when_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """FolderCheck (one per folder run) resolves each path once and keeps its verdict for the run;
    reading never relies on it: a paper swapped for a symlink out of the folder, or a folder on its
    way swapped for one, after the verdict is refused when it is opened, as `check` alone would."""
    secret = _outside(tmp_path)
    folder = make_folder(tmp_path, BASE)
    (folder / "paper.pdf").write_bytes(b"%PDF-1.4 inside\n")
    (folder / "sub").mkdir()
    (folder / "sub" / "secret.pdf").write_bytes(b"%PDF-1.4 inside\n")
    resolved: list[str] = []
    real_check = safeopen.check

    def counted(base: Path, relpath: str | Path, *root: Any) -> safeopen.PathRefused | None:
        resolved.append(str(relpath))
        return real_check(base, relpath, *root)

    monkeypatch.setattr(safeopen, "check", counted)
    checked = safeopen.FolderCheck(folder)
    for _ in range(5):
        assert checked("paper.pdf") is None and checked("sub/secret.pdf") is None
    assert resolved == ["paper.pdf", "sub/secret.pdf"]  # once each

    (folder / "paper.pdf").unlink()
    (folder / "paper.pdf").symlink_to(secret)
    (folder / "sub" / "secret.pdf").unlink()
    (folder / "sub").rmdir()
    (folder / "sub").symlink_to(secret.parent, target_is_directory=True)
    for relpath in ("paper.pdf", "sub/secret.pdf"):
        with pytest.raises(safeopen.PathRefused) as refused:
            safeopen.read_file(folder / relpath, folder)
        assert refused.value.kind == safeopen.OUTSIDE, relpath
        assert real_check(folder, relpath) is not None  # a new folder run sees the swap


def test_the_folder_check_never_remembers_a_path_it_cannot_stat(tmp_path: Path) -> None:
    folder = make_folder(tmp_path, BASE)
    checked = safeopen.FolderCheck(folder)
    missing = checked("later.pdf")
    assert missing is not None and missing.kind == safeopen.MISSING
    (folder / "later.pdf").write_bytes(b"%PDF-1.4 now here\n")
    assert checked("later.pdf") is None
    (folder / "later.pdf").unlink()
    os.mkfifo(folder / "later.pdf")  # swapped in after the verdict: refused when opened, never blocks
    with pytest.raises(safeopen.PathRefused) as refused:
        safeopen.read_file(folder / "later.pdf", folder)
    assert refused.value.kind == safeopen.SPECIAL
    special = safeopen.FolderCheck(folder)("later.pdf")  # and the next folder run reports it
    assert special is not None and special.kind == safeopen.SPECIAL


def test_reading_at_most_a_limit_trusts_no_size_hint(tmp_path: Path) -> None:
    """The size seen when opened is only a hint: a file that grew is read to its end, or refused past
    the limit; the whole file is returned when it shrank."""
    path = tmp_path / "grows.pdf"
    path.write_bytes(b"x" * 3_000_000)
    for hint, limit, expected in ((10, None, 3_000_000), (10, 3_000_000, 3_000_000), (0, 2_999_999, None)):
        fd = os.open(path, os.O_RDONLY)
        try:
            data = safeopen.read_at_most(fd, hint, limit)
        finally:
            os.close(fd)
        assert (None if data is None else len(data)) == expected, (hint, limit)
    fd = os.open(path, os.O_RDONLY)
    try:
        assert safeopen.read_at_most(fd, 5_000_000, 4_000_000) == b"x" * 3_000_000
    finally:
        os.close(fd)
