"""pre-commit integration: the shipped hook definition, folder mapping, and a real commit end to end.

The end-to-end test uses the real ``pre-commit`` package in a temporary git repository with
``repo: local`` and ``language: system``: the hook runs the ``filelint`` already installed in this
environment. (``repo: <checkout>`` with ``language: python`` would make pre-commit clone the repository
and build a fresh virtualenv with filelint's dependencies, which needs a package index and minutes.)
Every other key comes from the shipped ``.pre-commit-hooks.yaml``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from filelint.session import resolve_folders

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
HOOKS = ROOT / ".pre-commit-hooks.yaml"
#: The seed example's defects are meet-and-confer defects; other rules (papers present, PDF
#: pre-flight) would also fire on a manifest copied without its papers, so the hook selects these.
SELECT = "CAL001,CAL002,CAL003"


def _hook() -> dict[str, Any]:
    hooks = yaml.safe_load(HOOKS.read_text("utf-8"))
    assert isinstance(hooks, list) and len(hooks) == 1
    hook = hooks[0]
    assert isinstance(hook, dict)
    return hook


def test_hooks_file_is_valid_and_as_specified() -> None:
    from pre_commit.clientlib import load_manifest

    (loaded,) = load_manifest(str(HOOKS))
    assert loaded["id"] == "filelint" and loaded["entry"] == "filelint check"
    assert loaded["language"] == "python" and loaded["types_or"] == ["yaml", "pdf"]
    assert loaded["pass_filenames"] is True and loaded["require_serial"] is True


def _motion(tmp: Path, name: str = "seed") -> Path:
    folder = tmp / "motions" / "2023-09-compel"
    (folder / "exhibits" / "scans").mkdir(parents=True)
    src = EXAMPLES / ("palominos-cervantes-v-gm" if name == "seed" else "palominos-cervantes-v-gm-fixed")
    shutil.copy(src / "filelint.yaml", folder / "filelint.yaml")
    (folder / "exhibits" / "scans" / "ex9.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    return folder


def test_nested_files_map_to_their_motion_folder(tmp_path: Path) -> None:
    folder = _motion(tmp_path)
    pdf = folder / "exhibits" / "scans" / "ex9.pdf"
    assert resolve_folders([pdf, folder / "filelint.yaml", folder / "exhibits"]) == [folder]


def test_files_outside_motion_folders_are_skipped_only_when_asked(tmp_path: Path) -> None:
    from filelint.errors import UsageError

    folder = _motion(tmp_path)
    stray = tmp_path / "notes.yaml"
    stray.write_text("a: 1\n", encoding="utf-8")
    assert resolve_folders([stray, folder / "filelint.yaml"], skip_outside=True) == [folder]
    with pytest.raises(UsageError):
        resolve_folders([stray], skip_outside=False)
    empty = tmp_path / "letters"
    empty.mkdir()
    with pytest.raises(UsageError):  # a folder with no motion folder at or below it is still an error
        resolve_folders([empty], skip_outside=True)


def _git(repo: Path, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=False, timeout=120)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed; the pre-commit test needs it")
def test_pre_commit_blocks_the_seed_and_passes_the_fix(tmp_path: Path) -> None:
    repo = tmp_path / "firm-matters"
    repo.mkdir()
    env = dict(
        os.environ,
        PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"),
        GIT_CONFIG_NOSYSTEM="1",
        HOME=str(tmp_path),
        PATH=os.pathsep.join([str(Path(sys.executable).parent), os.environ["PATH"]]),
    )
    env.pop("FILELINT_SKIP_OUTSIDE", None)
    for args in (
        ["init", "-q", "-b", "main"],
        ["config", "user.email", "t@example.com"],
        ["config", "user.name", "Test"],
        ["config", "commit.gpgsign", "false"],
    ):
        assert _git(repo, *args, env=env).returncode == 0
    hook = {**_hook(), "language": "system", "args": ["--select", SELECT]}
    config = {"repos": [{"repo": "local", "hooks": [hook]}]}
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    (repo / "README.yaml").write_text("not: a manifest\n", encoding="utf-8")  # in no motion folder
    install = subprocess.run(
        [sys.executable, "-m", "pre_commit", "install"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert install.returncode == 0, install.stdout + install.stderr

    # 1. Housekeeping files only: nothing to lint, the commit goes through.
    assert _git(repo, "add", "-A", env=env).returncode == 0
    first = _git(repo, "commit", "-q", "-m", "config", env=env)
    assert first.returncode == 0, first.stdout + first.stderr

    # 2. The seed motion (RFP Nos. 34-35 never raised, GM's offer unanswered): blocked, findings shown.
    folder = _motion(repo)
    assert _git(repo, "add", "-A", env=env).returncode == 0
    blocked = _git(repo, "commit", "-q", "-m", "seed motion", env=env)
    out = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0, out
    assert "filelint" in out and "Failed" in out
    assert "motions/2023-09-compel/filelint.yaml" in out and "CAL002 [error] RFP No. 34" in out and "CAL003" in out
    assert _git(repo, "rev-list", "--count", "HEAD", env=env).stdout.strip() == "1"

    # 3. The fixed motion: passes and is committed.
    shutil.copy(EXAMPLES / "palominos-cervantes-v-gm-fixed" / "filelint.yaml", folder / "filelint.yaml")
    assert _git(repo, "add", "-A", env=env).returncode == 0
    fixed = _git(repo, "commit", "-q", "-m", "fixed motion", env=env)
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert _git(repo, "rev-list", "--count", "HEAD", env=env).stdout.strip() == "2"
