"""The CI recipes under docs/ci/ are valid and do what the README says.

Structure is checked here (YAML parses; the jobs install filelint and the packs from one URL and tag,
run ``filelint check .`` with the format each service reads, and hand that file to the service);
``test_recipe_commands_run`` runs their ``filelint`` commands on a repository holding the examples.
"""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
CI = ROOT / "docs" / "ci"
EXAMPLES = ROOT / "examples"
INSTALL = re.compile(
    r'"filelint @ git\+FILELINT_GIT_URL@(v[\d.]+)"\s+'
    r'"filelint-federal @ git\+FILELINT_GIT_URL@(v[\d.]+)#subdirectory=plugins/filelint-federal"'
)


def _load(name: str) -> dict[Any, Any]:
    data = yaml.safe_load((CI / name).read_text("utf-8"))
    assert isinstance(data, dict)
    return data


def _commands(lines: list[str]) -> list[list[str]]:
    return [shlex.split(line) for line in lines if line.startswith("filelint ")]


def _github_steps() -> list[dict[str, Any]]:
    job = _load("github-workflow.yml")["jobs"]["filelint"]
    assert job["runs-on"] == "ubuntu-latest"
    steps: list[dict[str, Any]] = job["steps"]
    return steps


def test_github_workflow() -> None:
    data = _load("github-workflow.yml")
    assert set(data[True]) == {"push", "pull_request"}  # YAML 1.1 reads the key `on` as true
    assert data["permissions"]["security-events"] == "write"
    steps = _github_steps()
    assert steps[0]["uses"].startswith("actions/checkout@")
    runs = [step["run"] for step in steps if "run" in step]
    install = INSTALL.search(runs[0])
    assert install and install.group(1) == install.group(2)
    checks = _commands(runs[1:])
    assert ["filelint", "check", ".", "--format", "github"] in checks
    sarif = next(c for c in checks if "sarif" in c)
    upload = next(step for step in steps if step.get("uses", "").startswith("github/codeql-action/upload-sarif@"))
    assert upload["with"]["sarif_file"] == sarif[sarif.index("--output-file") + 1]
    assert upload["if"] == "always()"


def test_gitlab_ci() -> None:
    job = _load("gitlab-ci.yml")["filelint"]
    assert job["image"].startswith("python:3")
    install = INSTALL.search(job["script"][0])
    assert install and install.group(1) == install.group(2)
    (check,) = _commands(job["script"][1:])
    assert check[:5] == ["filelint", "check", ".", "--format", "junit"]
    assert job["artifacts"]["when"] == "always"
    assert job["artifacts"]["reports"]["junit"] == check[check.index("--output-file") + 1]


def _all_commands() -> list[list[str]]:
    github = [step["run"] for step in _github_steps() if "run" in step]
    gitlab = _load("gitlab-ci.yml")["filelint"]["script"]
    return _commands(github) + _commands(gitlab)


@pytest.mark.parametrize("argv", _all_commands(), ids=lambda argv: " ".join(argv[2:]))
def test_recipe_commands_run(
    argv: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each recipe's command, run at the root of a repository whose motions sit in subfolders."""
    from filelint.cli import main

    shutil.copytree(EXAMPLES / "palominos-cervantes-v-gm", tmp_path / "motions" / "2023-09-compel")
    shutil.copytree(EXAMPLES / "palominos-cervantes-v-gm-fixed", tmp_path / "motions" / "fixed")
    monkeypatch.chdir(tmp_path)
    code = main(argv[1:])
    out = capsys.readouterr().out
    assert code == (0 if "--exit-zero" in argv else 1)
    if "--output-file" in argv:
        written = (tmp_path / argv[argv.index("--output-file") + 1]).read_text("utf-8")
        assert "CAL002" in written and out == ""
    else:
        assert "CAL002" in out and "motions/2023-09-compel/filelint.yaml" in out


def test_project_ci_runs_lint_format_types_and_tests() -> None:
    """.ci/run (what this project's CI runs) gates on ruff, the formatter, mypy --strict and the suite."""
    steps = [
        line.strip()
        for line in (ROOT / ".ci" / "run").read_text("utf-8").splitlines()
        if line.startswith("python3 -m ") and "pip install" not in line
    ]
    assert steps == [
        "python3 -m ruff check .",
        "python3 -m ruff format --check .",
        "python3 -m mypy --strict",
        "python3 -m pytest",
    ]
    assert "set -euo pipefail" in (ROOT / ".ci" / "run").read_text("utf-8")
