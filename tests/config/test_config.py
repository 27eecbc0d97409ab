"""Configuration files: discovery, precedence, extend, validation, CLI overrides, `filelint config`."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from filelint.cli import main
from filelint.config import ConfigError, find_config, load_settings
from filelint.findings import Severity

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "palominos-cervantes-v-gm"


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """tmp/motions/pc is the example motion folder; the cwd is tmp."""
    shutil.copytree(
        EXAMPLE, tmp_path / "motions" / "pc", ignore=shutil.ignore_patterns("*.pdf")
    )  # papers left out: FL010 fires
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return tmp_path


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_precedence_in_one_directory(tree: Path) -> None:
    _write(tree / "pyproject.toml", "[tool.filelint]\nselect = ['FL']\n")
    assert find_config(tree) == tree / "pyproject.toml"
    _write(tree / "filelint.toml", "select = ['CAL']\n")
    assert find_config(tree) == tree / "filelint.toml"
    _write(tree / ".filelint.toml", "select = ['CAL001']\n")
    assert find_config(tree) == tree / ".filelint.toml"


def test_pyproject_without_section_is_skipped(tree: Path) -> None:
    _write(tree / "motions" / "pyproject.toml", "[project]\nname = 'x'\n")
    _write(tree / "filelint.toml", "select = ['CAL']\n")
    assert find_config(tree / "motions" / "pc") == tree / "filelint.toml"


def test_closest_file_wins_and_extend_inherits(tree: Path) -> None:
    _write(tree / "filelint.toml", "ignore = ['FL010']\nextend-ignore = ['CAL004']\nfail-on = 'warning'\n")
    _write(
        tree / "motions" / ".filelint.toml",
        "extend = '../filelint.toml'\nextend-ignore = ['CAL003']\n[severity]\nCAL002 = 'warning'\n",
    )
    settings = load_settings([tree / "motions" / "pc"])
    assert settings.ignore == ["FL010"]
    assert settings.extend_ignore == ["CAL004", "CAL003"]
    assert settings.fail_on is Severity.WARNING
    assert settings.severity == {"CAL002": Severity.WARNING}
    assert settings.sources["ignore"] == str((tree / "filelint.toml").resolve())


def test_extend_cycle_is_an_error(tree: Path) -> None:
    _write(tree / "a.toml", "extend = 'b.toml'\n")
    _write(tree / "b.toml", "extend = 'a.toml'\n")
    with pytest.raises(ConfigError, match="cycle"):
        load_settings([], tree / "a.toml")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("selct = ['CAL']\n", "unknown key 'selct'; did you mean 'select'?"),
        ("select = 'CAL'\n", "select must be a list of codes"),
        ("fail-on = 'fatal'\n", "fail-on: unknown severity 'fatal'"),
        ("jobs = 0\n", "jobs must be a whole number"),
        ("output-format = 'sarf'\n", "did you mean 'sarif'?"),
        ("today = 'soon'\n", "today must be a date"),
        ("select = [\n", "not valid TOML"),
    ],
)
def test_bad_values_exit_2_naming_the_file(
    tree: Path, text: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    config = _write(tree / "filelint.toml", text)
    assert main(["check", "motions/pc"]) == 2
    err = capsys.readouterr().err
    assert re.match(rf"filelint: error: {re.escape(str(config.resolve()))}(:\d+)?: ", err)  # TOML: its line too
    assert message in err


def test_unknown_code_in_select_names_the_file(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _write(tree / "filelint.toml", "[per-path-ignores]\n'motions/*' = ['XYZ123']\n")
    assert main(["check", "motions/pc"]) == 2
    err = capsys.readouterr().err
    assert "filelint.toml: unknown rule code, prefix or name 'XYZ123' in per-path-ignores" in err


def test_one_function_checks_configured_and_command_line_selectors(tree: Path) -> None:
    from filelint.config import check_selectors
    from filelint.errors import UsageError
    from filelint.plugins import load_plugins

    plugins = load_plugins(autoload=False)
    config = _write(tree / "filelint.toml", "select = ['CAL', 'FL']\n")
    settings = load_settings([tree / "motions" / "pc"], None)
    check_selectors(settings, plugins, {"--select": ["CAL002", "ALL"], "--ignore": ["request-not-conferred"]})
    with pytest.raises(UsageError, match=r"^--ignore: unknown rule code, prefix or name 'CAL999'; `filelint rules`"):
        check_selectors(settings, plugins, {"--select": ["CAL"], "--ignore": ["CAL999"]})
    config.write_text("select = ['CAL', 'XYZ']\n")
    with pytest.raises(ConfigError, match="unknown rule code, prefix or name 'XYZ' in select"):  # the file first
        check_selectors(load_settings([tree / "motions" / "pc"], None), plugins, {"--select": ["CAL999"]})


def test_config_applies_and_cli_overrides(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _write(tree / "filelint.toml", "select = ['CAL002']\ntoday = 2023-12-01\n")
    assert main(["check", "motions/pc"]) == 1
    out = capsys.readouterr().out
    assert "CAL002" in out and "FL010" not in out
    assert main(["check", "motions/pc", "--select", "FL010"]) == 1
    out = capsys.readouterr().out
    assert "FL010" in out and "CAL002" not in out


def test_per_path_ignores_match_folders_relative_to_the_config(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _write(
        tree / "filelint.toml",
        "select = ['CAL002', 'FL010']\n[per-path-ignores]\n"
        "'motions/pc' = ['request-not-conferred']\n'**/*.pdf' = ['FL']\n",
    )
    main(["check", "motions/pc"])
    out = capsys.readouterr().out
    assert "CAL002" not in out
    assert "FL010" in out  # FL010 points at the manifest line, not at a PDF


def test_github_format_chosen_in_actions(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert load_settings([]).output_format == "github"
    _write(tree / "filelint.toml", "output-format = 'json'\n")
    assert load_settings([]).output_format == "json"


def test_config_command_shows_sources(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _write(tree / "filelint.toml", "today = 2023-12-01\ncache-dir = '.cache'\n")
    assert main(["config", "motions/pc"]) == 0
    out = capsys.readouterr().out
    assert f"config files: {(tree / 'filelint.toml').resolve()}" in out
    assert any(
        line.startswith("today") and '"2023-12-01"' in line and "filelint.toml" in line for line in out.splitlines()
    )
    assert any(line.startswith("select") and line.endswith("# default") for line in out.splitlines())
    assert load_settings([]).cache_dir == str((tree / ".cache").resolve())
    assert load_settings([]).today == dt.date(2023, 12, 1)
