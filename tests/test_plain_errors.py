"""Errors a user can act on: a broken pyproject.toml stops the run; YAML syntax errors in plain words;
a waiver naming a document covers the findings about that paper."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from filelint.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "palominos-cervantes-v-gm"
GOOD = "filelint: 1\ncourt:\n  system: ca-superior\n  county: Los Angeles\ncase:\n  number: 23STCV03596\n"


@pytest.fixture
def seed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(SEED, tmp_path / "repo" / "motion")
    monkeypatch.chdir(tmp_path / "repo")
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return tmp_path / "repo" / "motion"


def _check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["check", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("toml", "line"),
    [
        ('[project]\nname = "firm-matters"\n\n[tool.filelint]\nfail-on = "warning"\nignore = ["CAL002"\n', 6),
        ("[tool.filelint]\nfail-on = warning\n", 2),
        ('[project]\nname = "x"\ntool.filelint.today = 2023-12-01x\n', 3),
    ],
)
def test_broken_pyproject_with_our_table_is_exit_2_naming_file_and_line(
    seed: Path, capsys: pytest.CaptureFixture[str], toml: str, line: int
) -> None:
    (seed.parent / "pyproject.toml").write_text(toml, encoding="utf-8")
    code, out, err = _check(capsys, "motion")
    assert code == 2 and out == ""
    assert f"pyproject.toml:{line}: not valid TOML" in err and "were not applied" in err
    assert "Traceback" not in err


def test_someone_elses_broken_pyproject_is_not_ours(seed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (seed.parent / "pyproject.toml").write_text('[project]\nname = "x\n', encoding="utf-8")
    code, out, _ = _check(capsys, "motion")
    assert code == 1 and "CAL002 [error]" in out


@pytest.mark.parametrize(
    ("tail", "words", "line"),
    [
        ("motion:\n  kind: compel-further-rfp\n filed: 2023-09-15\n", "the indentation of line 9", 9),
        ("motion:\n  kind: compel-further-rfp\n   filed: 2023-09-15\n", "line 9 has a colon YAML does not expect", 9),
        ("motion:\n\tkind: compel-further-rfp\n", "line 8 is indented with a tab", 8),
        ('motion:\n  title: "Motion to compel\n  kind: compel-further-rfp\n', "a quotation mark opened on line 8", 8),
        ("motion\n  kind: compel-further-rfp\n", "line 7 is missing the colon", 7),
    ],
)
def test_yaml_syntax_errors_in_plain_words(
    seed: Path, capsys: pytest.CaptureFixture[str], tail: str, words: str, line: int
) -> None:
    (seed / "filelint.yaml").write_text(GOOD + tail, encoding="utf-8")
    code, out, _ = _check(capsys, "motion")
    assert code == 2
    assert f"motion/filelint.yaml:{line}:" in out and "FL001 [error] not valid YAML: " + words in out
    assert "<block" not in out and "while parsing" not in out and "while scanning" not in out
    code, out, _ = _check(capsys, "motion", "--verbose")
    assert "(parser: " in out  # the parser's own words, for whoever debugs filelint
    code, out, _ = _check(capsys, "motion", "--format", "json")
    (finding,) = json.loads(out)["findings"]
    assert finding["line"] == line and finding["yaml_parser"] and finding["fix"]


def test_waiver_by_document_covers_findings_about_that_paper(seed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    manifest = seed / "filelint.yaml"
    base = manifest.read_text("utf-8")
    waiver = (
        "waivers:\n  - code: CAL204\n    document: {doc}\n"
        "    reason: the amended separate statement served 2023-09-20 sets out the offer\n"
    )
    manifest.write_text(base + waiver.format(doc="separate-statement.pdf"), encoding="utf-8")
    code, out, _ = _check(capsys, "motion", "--format", "json", "--select", "CAL204,FL03")
    (finding,) = json.loads(out)["findings"]
    assert finding["code"] == "CAL204" and finding["waived"] is True and finding["path"] == "motion/filelint.yaml"
    assert code == 0
    manifest.write_text(base + waiver.format(doc="memorandum.pdf"), encoding="utf-8")
    code, out, _ = _check(capsys, "motion", "--format", "json", "--select", "CAL204,FL03")
    codes = {(f["code"], bool(f.get("waived"))) for f in json.loads(out)["findings"]}
    assert ("CAL204", False) in codes  # another paper's waiver does not cover it
