"""Output injection (issue 12, group 2): paths, names, reasons and case data a user or a file controls
are made safe for each output target: no forged workflow command, no ESC on the terminal, no raw HTML
in the job summary."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from filelint.output import escape

from .helpers import HERE, TODAY, make_folder, run_cli

BASE = (HERE / "manifests" / "018-bom.yaml").read_text("utf-8-sig")
FORGE = "evil\n::error file=forged.yaml,line=1::FORGED"
ESC = "x\x1b]0;pwned\x07\x1b[2J\u202eyz"
WAIVER = (
    'waivers:\n  - code: CAL002\n    requests: "34, 35"\n'
    '    reason: "resolved at IDC \\e[31mRED\\r\\n::error::FORGED"\n'
)
#: A workflow command line as GitHub parses it: ``::name props::data``.
COMMAND = re.compile(r"^::(?P<name>[a-z-]+)(?: (?P<props>[^:]*))?::(?P<data>.*)$")


def test_terminal_escapes_every_control_character_visibly() -> None:
    assert escape.terminal("a\x1b[31mb\r\n\t\x7f\x9b\u202ec\u2066\udc80 é §") == (
        "a\\x1b[31mb\\r\\n\\t\\x7f\\x9b\\u202ec\\u2066\\udc80 é §"
    )
    assert escape.terminal("plain text") == "plain text"
    assert escape.terminal(escape.terminal("\x1b\n")) == escape.terminal("\x1b\n")


def test_workflow_escaping_follows_the_toolkit() -> None:
    assert escape.workflow_data("50% done\r\nnext: a,b") == "50%25 done%0D%0Anext: a,b"
    assert escape.workflow_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    assert escape.workflow_data("\x1b[2J") == "\\x1b[2J"


def test_markdown_cell_escapes_html_and_table_syntax() -> None:
    cell = escape.markdown_cell("<script>alert('x')</script> | **b** `c` [l](u) &amp;\n")
    assert "<" not in cell and ">" not in cell and "|" not in cell and "`" not in cell
    assert "*" not in cell and "[" not in cell and "\n" not in cell
    assert cell.startswith("&#60;script&#62;alert(&#39;x&#39;)&#60;/script&#62; &#124;")
    assert "&#38;amp;" in cell  # an entity in the input is shown, not interpreted


def _folder(tmp_path: Path, name: str, extra: str = "") -> Path:
    return make_folder(tmp_path, BASE + extra, name)


@pytest.mark.parametrize("fmt", ["concise", "full", "github"])
def test_folder_name_with_newline_cannot_forge_a_line(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    _folder(tmp_path, FORGE)
    run = run_cli(capsys, "check", FORGE, "--today", TODAY, "--format", fmt)
    assert run.code == 1
    assert ("evil%0A" if fmt == "github" else "evil\\n::error") in run.out  # the name is shown, escaped
    for line in run.out.splitlines():
        assert not line.startswith("::error file=forged"), line
        assert "FORGED" not in line or fmt == "github" or line.startswith("evil\\n"), line
        if fmt == "github" and line.startswith("::"):
            command = COMMAND.match(line)
            assert command is not None and command["name"] in {"group", "endgroup", "error", "warning", "notice"}, line
            assert "FORGED" not in (command["props"] or "") or "%0A%3A%3Aerror" in command["props"], line


@pytest.mark.parametrize("fmt", ["concise", "full", "github"])
def test_escape_sequences_in_names_and_waiver_reasons_never_reach_the_terminal(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    _folder(tmp_path, ESC, WAIVER)
    run = run_cli(capsys, "check", ESC, "--today", TODAY, "--format", fmt, "--show-waived")
    assert run.code == 1, run.out
    for bad in ("\x1b", "\x07", "\u202e", "\r", "\n::error::FORGED"):
        assert bad not in run.out, (bad, run.out)
    assert "x\\x1b]0;pwned" in run.out
    if fmt != "concise":  # concise marks a waived finding; full and github show the reason
        assert "resolved at IDC \\x1b[31mRED" in run.out


def test_job_summary_gets_no_raw_html(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    _folder(tmp_path, "<img src=x onerror=alert(1)>", '"<script>alert(1)</script>": 1\n' + WAIVER)
    run = run_cli(capsys, "check", "<img src=x onerror=alert(1)>", "--today", TODAY, "--format", "github")
    assert run.code == 2
    text = summary.read_text("utf-8")
    assert "script" in text and "onerror" in text  # the finding and the path are there ...
    assert "<script" not in text and "<img" not in text  # ... as text, not as HTML
    table = [line for line in text.splitlines() if line.startswith("| ") and "FL004" in line]
    assert len(table) == 1 and table[0].count(" | ") == 4


def test_deadlines_escapes_the_case_number_and_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    manifest = BASE.replace("number: 23STCV03596", 'number: "23STCV\\e[2J\\nFAKE: all deadlines met"')
    make_folder(tmp_path, manifest, "a\x1b[31mb")
    run = run_cli(capsys, "deadlines", "a\x1b[31mb", "--today", TODAY)
    assert run.code == 0
    assert "\x1b" not in run.out
    first = run.out.splitlines()[0]
    assert first == "Deadlines for a\\x1b[31mb (case 23STCV\\x1b[2J\\nFAKE: all deadlines met; today 2026-11-28)"


def test_init_and_usage_errors_escape_the_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "d\x1b[2Jx\n").mkdir()
    run = run_cli(capsys, "init", "d\x1b[2Jx\n")
    assert run.code == 2
    assert "\x1b" not in run.err and "d\\x1b[2Jx\\n: no PDF, Word or email files" in run.err
    run = run_cli(capsys, "check", "missing\x1b[2J")
    assert run.code == 2 and "\x1b" not in run.err


def test_config_escapes_the_file_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "c\x1b[2J"
    folder.mkdir()
    (folder / "filelint.toml").write_text("jobs = 1\n", "utf-8")
    run = run_cli(capsys, "config", "c\x1b[2J")
    assert run.code == 0
    assert "\x1b" not in run.out and "c\\x1b[2J" in run.out


def test_full_snippet_escapes_the_manifest_line_and_keeps_the_caret_under_the_column(tmp_path: Path) -> None:
    from filelint.output.full import snippet

    manifest = tmp_path / "filelint.yaml"
    manifest.write_text("a: 1\nb: \x1b[2J\u202eX\n", "utf-8")
    lines = snippet(str(manifest), 2, 9)  # X is the 9th character
    shown = next(line for line in lines if line.startswith("2 | "))
    assert shown == "2 | b: \\x1b[2J\\u202eX"
    caret = lines[lines.index(shown) + 1]
    assert caret.index("^") == shown.index("X")
