"""Every hostile manifest in manifests/ gives one clear finding at file:line:col, the right exit
code, in bounded time, and never a traceback; generated monsters (50 MB, 10,000 levels deep) too."""

from __future__ import annotations

import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest
import yaml

from .helpers import HERE, SLOW, TODAY, Run, make_folder, run_cli

MANIFESTS = HERE / "manifests"
EXPECTED: dict[str, dict[str, object]] = yaml.safe_load((MANIFESTS / "expected.yaml").read_text("utf-8"))
BASE = MANIFESTS / "018-bom.yaml"  # the base manifest all variants start from (with a BOM)


def _check(tmp_path: Path, capsys: pytest.CaptureFixture[str], manifest: bytes | str | Path) -> Run:
    make_folder(tmp_path, manifest)
    return run_cli(capsys, "check", str(tmp_path / "case"), "--today", TODAY, "--no-plugins")


def test_table_and_files_agree() -> None:
    files = {p.name for p in MANIFESTS.glob("[0-9][0-9][0-9]-*.yaml")}
    assert files == set(EXPECTED)
    assert len(files) >= 60


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_hostile_manifest(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    want = EXPECTED[name]
    monkeypatch.chdir(tmp_path)
    make_folder(tmp_path, MANIFESTS / name)
    run = run_cli(capsys, "check", "case", "--today", TODAY, "--no-plugins")
    run.assert_clean_output()
    assert run.code == want["exit"], run.out
    assert run.seconds < SLOW
    line, col = str(want["at"]).split(":")
    hits = [
        m
        for m in run.findings()
        if m["path"] == "case/filelint.yaml"
        and m["line"] == line
        and m["col"] == col
        and m["code"] == want["code"]
        and str(want["message"]) in m["msg"]
    ]
    assert len(hits) == 1, f"expected {want} in:\n{run.out}"
    if run.code == 2:  # a manifest that could not be read yields exactly one finding per problem,
        assert all(m["code"].startswith("FL") for m in run.findings())  # and no rule ran on it


@pytest.mark.parametrize(
    "variant", ["018-bom.yaml", "019-crlf-line-ends.yaml", "020-bom-and-crlf.yaml", "021-cr-only-line-ends.yaml"]
)
def test_bom_and_line_ends_change_nothing(
    variant: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A BOM or CRLF/CR line ends give exactly the findings of the plain UTF-8, LF manifest."""
    monkeypatch.chdir(tmp_path)
    plain = BASE.read_bytes().removeprefix(b"\xef\xbb\xbf").decode()
    make_folder(tmp_path, plain, "plain")
    make_folder(tmp_path, MANIFESTS / variant, "variant")
    a = run_cli(capsys, "check", "plain", "--today", TODAY, "--no-plugins")
    b = run_cli(capsys, "check", "variant", "--today", TODAY, "--no-plugins")
    assert a.out.replace("plain/", "variant/") == b.out
    assert a.code == b.code == 1


def test_fifty_megabytes_is_refused_without_reading_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = make_folder(tmp_path, b"")
    with (folder / "filelint.yaml").open("wb") as fh:
        line = b"  - {id: m1, date: 2023-08-17, from: moving, channel: letter, raises: '13-16'}\n"
        fh.write(b"filelint: 1\nmeet_and_confer:\n")
        fh.write(line * (50 * 1024 * 1024 // len(line) + 1))
    assert (folder / "filelint.yaml").stat().st_size > 50 * 1024 * 1024
    tracemalloc.start()
    try:
        run = run_cli(capsys, "check", str(folder), "--today", TODAY, "--no-plugins")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    run.assert_clean_output()
    assert run.code == 2
    assert peak < 200 * 1024 * 1024
    assert run.seconds < SLOW
    (finding,) = run.findings()
    assert finding["code"] == "FL001" and "limit 2048 KiB" in finding["msg"]


def test_just_over_the_limit_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run = _check(tmp_path, capsys, "filelint: 1\n" + "# padding\n" * 220_000)
    run.assert_clean_output()
    assert run.code == 2 and [m["code"] for m in run.findings()] == ["FL001"]


@pytest.mark.parametrize("shape", ["flow-list", "flow-map", "block-list", "flow-under-key"])
def test_ten_thousand_levels_deep(shape: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    depth = 10_000
    text = {
        "flow-list": "[" * depth + "]" * depth,
        "flow-map": "{a: " * depth + "1" + "}" * depth,
        "block-list": "- " * depth + "x",
        "flow-under-key": "filelint: 1\nidc: " + "[" * depth + "]" * depth,
    }[shape]
    run = _check(tmp_path, capsys, text + "\n")
    run.assert_clean_output()
    assert run.code == 2
    assert run.seconds < SLOW
    (finding,) = run.findings()
    assert finding["code"] == "FL001"
    assert "deep" in finding["msg"]


def test_many_communications_in_a_chain_stay_fast(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """5,000 entries, each answering the previous (FL022's cycle search was cubic: it hung)."""
    head = BASE.read_text("utf-8-sig").split("meet_and_confer:")[0]
    rows = [
        f"  - {{id: m{i}, date: 2023-08-17, from: {'moving' if i % 2 else 'responding'}, "
        f"channel: letter, raises: '13-16'" + (f", answers: m{i - 1}" if i else "") + "}\n"
        for i in range(5000)
    ]
    rows.append(
        "  - {id: x1, date: 2023-08-17, from: moving, channel: letter, answers: x2}\n"
        "  - {id: x2, date: 2023-08-17, from: moving, channel: letter, answers: x1}\n"
    )
    run = _check(tmp_path, capsys, head + "meet_and_confer:\n" + "".join(rows))
    run.assert_clean_output()
    assert run.code == 1
    assert run.seconds < 2 * SLOW
    codes = [m["code"] for m in run.findings()]
    assert "FL903" not in codes
    assert [m["msg"] for m in run.findings() if m["code"] == "FL022"] == [
        "communication x1 is part of a cycle of answers [filelint manifest format 1 (docs/manifest.md)]",
        "communication x2 is part of a cycle of answers [filelint manifest format 1 (docs/manifest.md)]",
    ]


@pytest.mark.parametrize(
    "name",
    [
        "001-unclosed-flow-list.yaml",
        "011-billion-laughs.yaml",
        "014-nul-byte.yaml",
        "016-utf-16.yaml",
        "028-impossible-date-feb-30.yaml",
        "045-reversed-range.yaml",
        "019-crlf-line-ends.yaml",
    ],
)
def test_subprocess(name: str, tmp_path: Path) -> None:
    """The installed entry point, in its own process: same exit code, no traceback."""
    make_folder(tmp_path, MANIFESTS / name)
    proc = subprocess.run(
        [sys.executable, "-m", "filelint", "check", "case", "--today", TODAY, "--no-plugins"],
        check=False,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "Traceback" not in proc.stdout + proc.stderr
    assert proc.returncode == EXPECTED[name]["exit"]
    assert f"case/filelint.yaml:{EXPECTED[name]['at']}: {EXPECTED[name]['code']} " in proc.stdout
