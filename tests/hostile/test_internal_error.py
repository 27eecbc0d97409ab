"""The one top-level error path (cli._report_internal_error): an unexpected exception anywhere
gives a short message and exit 2; the traceback only with --verbose."""

from __future__ import annotations

from pathlib import Path

import pytest

from filelint import session

from .helpers import TODAY, make_folder, run_cli

BASE = (Path(__file__).parent / "manifests" / "018-bom.yaml").read_text("utf-8-sig")


def _explode(*args: object, **kwargs: object) -> object:
    raise RuntimeError("an unexpected failure deep inside")


@pytest.mark.parametrize("verbose", [False, True])
def test_unexpected_exception(
    verbose: bool, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(session, "lint_paths", _explode)
    folder = make_folder(tmp_path, BASE)
    args = ["check", str(folder), "--today", TODAY, "--no-plugins"]
    run = run_cli(capsys, *(["--verbose", *args] if verbose else args))
    assert run.code == 2
    assert run.out == ""
    first = run.err.splitlines()[0]
    assert first.startswith("filelint: internal error: RuntimeError: an unexpected failure deep inside (in _explode")
    if verbose:
        assert "Traceback (most recent call last)" in run.err
    else:
        assert "Traceback" not in run.err
        assert len(run.err.splitlines()) == 2  # the message and what to do about it
        assert "--verbose" in run.err


def test_memory_error_is_reported_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def out_of_memory(*args: object, **kwargs: object) -> object:
        raise MemoryError

    monkeypatch.setattr(session, "lint_paths", out_of_memory)
    run = run_cli(capsys, "check", str(make_folder(tmp_path, BASE)), "--no-plugins")
    assert run.code == 2 and "internal error: MemoryError" in run.err and "Traceback" not in run.err


@pytest.mark.parametrize("jobs", ["-5", "0", "many"])
def test_bad_jobs_is_a_usage_error(jobs: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A negative --jobs reached the PDF reader, which raised (an FL900 crash of every paper rule)."""
    run = run_cli(capsys, "check", str(make_folder(tmp_path, BASE)), "--no-plugins", "--jobs", jobs)
    assert run.code == 2
    assert "--jobs/-j: must be a whole number of at least 1" in run.err and "Traceback" not in run.err
