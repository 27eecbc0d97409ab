"""Caps on unbounded work and limits that do not trust the input: each cap is a located finding (or
a note) naming the limit and the setting that raises it; a bad setting is a configuration error."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import types
from collections.abc import Iterator
from pathlib import Path

import pytest

from filelint.pdf import pool, read_documents, workerlimits
from filelint.plugins import hookimpl, load_plugins
from filelint.rules import Problem, make_rule
from filelint.runner import lint_folder
from filelint.settings import Settings
from filelint.testing.pdfwrite import build

from .helpers import SLOW, TODAY, make_folder, run_cli
from .pdfbytes import stream

BASE = (Path(__file__).parent / "manifests" / "018-bom.yaml").read_text("utf-8-sig")
#: 2.3 KB of text naming 280,000 requests (the campaign's input).
RANGES = ", ".join(f"{i * 2000 + 1}-{(i + 1) * 2000}" for i in range(140))


def _codes(run: object) -> dict[str, str]:
    return {m["code"]: m.group(0) for m in run.findings()}  # type: ignore[attr-defined]


def test_request_string_naming_280000_requests(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    make_folder(tmp_path, BASE.replace('"13-16, 34, 35"', f'"{RANGES}"'))
    run = run_cli(capsys, "check", "case", "--today", TODAY)
    run.assert_clean_output()
    assert run.code == 2
    assert run.seconds < SLOW
    line = _codes(run)["FL904"]
    assert line.startswith("case/filelint.yaml:11:")  # the requests_at_issue line
    assert "more than 100000 requests" in line and "FILELINT_MAX_REQUESTS" in line
    assert len(run.out) < 10_000


def test_requests_in_many_lists_count_together(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FILELINT_MAX_REQUESTS", "10")
    make_folder(tmp_path, BASE)  # 6 at issue + 7 in m1: the 11th is in m1's list
    run = run_cli(capsys, "check", "case", "--today", TODAY)
    assert run.code == 2
    assert _codes(run)["FL904"].startswith("case/filelint.yaml:22:")


def test_communications_cap(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FILELINT_MAX_COMMUNICATIONS", "1")
    make_folder(tmp_path, BASE)
    run = run_cli(capsys, "check", "case", "--today", TODAY)
    assert run.code == 2
    line = _codes(run)["FL904"]
    assert line.startswith("case/filelint.yaml:23:") and "FILELINT_MAX_COMMUNICATIONS" in line


def test_manifest_size_cap_names_its_setting(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FILELINT_MAX_MANIFEST_KB", "1")
    make_folder(tmp_path, BASE + "# padding\n" * 200)
    run = run_cli(capsys, "check", "case", "--today", TODAY)
    assert run.code == 2
    assert "FILELINT_MAX_MANIFEST_KB" in _codes(run)["FL001"]


def test_huge_paper_is_not_read_into_memory(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    folder = make_folder(tmp_path, BASE + "papers:\n  - {role: exhibit, exhibit: 1, path: huge.pdf}\n")
    huge = folder / "huge.pdf"
    huge.write_bytes(b"%PDF-1.4\n")
    os.truncate(huge, 2_500_000_000)  # sparse: 2.5 GB by its size, nothing on disk
    run = run_cli(capsys, "check", "case", "--today", TODAY, "--no-cache")
    assert run.code == 1
    assert run.seconds < SLOW
    line = _codes(run)["FL111"]
    assert line.startswith("case/filelint.yaml:31:")
    assert "is 2500 MB" in line and "FILELINT_MAX_PAPER_MB" in line


def _noisy_rule(count: int) -> types.ModuleType:
    module = types.ModuleType("noisy_rules")

    def check(ctx: object) -> Iterator[Problem]:
        for i in range(count):
            yield Problem(f"problem {i}", at=("motion",), key=str(i))

    rules = [
        make_rule(
            "NSY001",
            "noisy",
            "warning",
            summary="s",
            why="w",
            authority=["test"],
            fix="f",
            fail_example="-",
            pass_example="-",
            check=check,
        )
    ]

    @hookimpl
    def filelint_register_rules() -> list[object]:
        return list(rules)

    module.filelint_register_rules = filelint_register_rules  # type: ignore[attr-defined]
    return module


def test_findings_per_rule_are_capped_with_a_count(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FILELINT_MAX_FINDINGS_PER_RULE", "50")
    plugins = load_plugins(autoload=False, extra=[_noisy_rule(10_000)])
    folder = make_folder(tmp_path, BASE)
    result = lint_folder(folder, plugins, Settings(select=["NSY", "FL9"]), cwd=tmp_path)
    codes = [f.code for f in result.findings]
    assert codes.count("NSY001") == 50
    truncated = next(f for f in result.findings if f.code == "FL905")
    assert (
        "reported 9950 more findings, not shown (limit 50 findings; set FILELINT_MAX_FINDINGS_PER_RULE"
        in truncated.message
    )


def test_jobs_are_capped_with_a_note(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    make_folder(tmp_path, BASE)
    run = run_cli(capsys, "check", "case", "--today", TODAY, "--jobs", "1000")
    assert run.code == 1
    cap = 2 * (os.cpu_count() or 1)
    assert f"filelint: note: jobs = 1000 is more than this machine can use; reading with {cap}" in run.err
    assert "FILELINT_MAX_JOBS" in run.err


@pytest.mark.parametrize("env", ["FILELINT_MAX_REQUESTS", "FILELINT_MAX_PAPER_MB", "FILELINT_MAX_JOBS"])
@pytest.mark.parametrize("value", ["0", "-5", "lots", "1e9"])
def test_bad_cap_is_a_configuration_error(
    env: str, value: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(env, value)
    make_folder(tmp_path, BASE)
    run = run_cli(capsys, "check", "case", "--today", TODAY)
    assert run.code == 2 and run.out == ""
    assert f"filelint: error: {env}={value!r}" in run.err


# --------------------------------------------------------------- PDF limits that do not trust the file


def _busy_page_declaring(pages: int, operators: int = 600_000) -> bytes:
    """One real page that keeps pdfminer busy, in a page tree that claims ``pages`` pages."""
    content = b"BT /F1 1 Tf " + b"(x) Tj " * operators + b"ET"
    return build(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count %d >>" % pages,
            (
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
                b"/Resources << /Font << /F1 5 0 R >> >> >>"
            ),
            stream(content),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
    )


def test_declared_page_count_buys_no_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pool, "BASE_SECONDS", 1.0)
    monkeypatch.setattr(pool, "_BYTES_PER_SECOND", 10**9, raising=False)
    path = tmp_path / "liar.pdf"
    path.write_bytes(_busy_page_declaring(100_000))
    start = time.perf_counter()
    doc = read_documents([path], cache_dir=None)[path]
    assert doc.status == "timeout", (doc.status, doc.detail)
    assert time.perf_counter() - start < 1.0 + SLOW


def test_worker_memory_is_limited(tmp_path: Path) -> None:
    code = (
        "from filelint.pdf import workerlimits\nworkerlimits.limit_memory()\n"
        "try:\n    bytearray(1_500_000_000)\nexcept MemoryError:\n    print('limited')\n"
    )
    env = {**os.environ, workerlimits.MEMORY_ENV: "500"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False, timeout=60)
    assert out.stdout.strip() == "limited", out


def test_running_out_of_memory_is_reported_for_the_document(tmp_path: Path) -> None:
    task = pool.Task(tmp_path / "big.pdf", b"%PDF-", "0" * 64)

    def extract(*args: object) -> object:
        raise MemoryError

    doc = workerlimits.extract_within_memory(extract, task, lambda *a, **k: None)
    assert doc.status == "error"
    assert "per-document limit (2048 MB; FILELINT_PDF_MEMORY_MB raises it)" in doc.detail
