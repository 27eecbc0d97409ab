"""The documented pre-commit recipe (docs/ci/pre-commit-config.yaml, shown in the README) works as written.

A firm's repository points pre-commit at a git URL of this repository at a release tag, with the federal
pack from the same URL in ``additional_dependencies`` (pip's ``git+URL@tag#subdirectory=`` form). pre-commit
clones the repository, builds a virtualenv and pip-installs filelint and the pack (``language: python``), so
this test needs git and a package index for filelint's dependencies; it takes a minute or two.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RECIPE = ROOT / "docs" / "ci" / "pre-commit-config.yaml"
EXAMPLES = ROOT / "examples"
FEDERAL_CASE = ROOT / "plugins" / "filelint-federal" / "tests" / "rules" / "FED101" / "fail-039-grays-v-mayorkas"
IGNORE = shutil.ignore_patterns(
    ".git", ".venv", ".tox", "*.egg-info", "__pycache__", ".*_cache", ".hypothesis", ".benchmarks", "build", "dist"
)
NO_INDEX = (
    "No matching distribution found",
    "Could not find a version",
    "Failed to establish a new connection",
    "Temporary failure in name resolution",
)

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def _run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, check=False, timeout=900)


def _git_repo(path: Path, env: dict[str, str], tag: str | None = None) -> None:
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "snapshot"]):
        done = _run(["git", *args], path, env)
        assert done.returncode == 0, done.stderr
    if tag:
        assert _run(["git", "tag", tag], path, env).returncode == 0


def _precommit(firm: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    done = _run([sys.executable, "-m", "pre_commit", "run", "--all-files"], firm, env)
    if done.returncode not in (0, 1) and any(words in done.stdout + done.stderr for words in NO_INDEX):
        pytest.skip("no package index reachable: pre-commit cannot install filelint's dependencies")
    return done


def test_recipe_is_the_one_the_readme_shows() -> None:
    recipe = RECIPE.read_text("utf-8")
    readme = (ROOT / "README.md").read_text("utf-8")
    body = recipe[recipe.index("repos:") :]
    assert body in readme


def test_remote_hook_at_a_tag_with_a_pack_from_the_same_url(tmp_path: Path) -> None:
    env = dict(
        os.environ,
        PRE_COMMIT_HOME=str(tmp_path / "cache"),
        HOME=str(tmp_path),
        GIT_CONFIG_NOSYSTEM="1",
        GIT_AUTHOR_NAME="t",
        GIT_AUTHOR_EMAIL="t@example.com",
        GIT_COMMITTER_NAME="t",
        GIT_COMMITTER_EMAIL="t@example.com",
    )
    env.pop("FILELINT_DISABLE_PLUGIN_AUTOLOAD", None)  # the hook must load the pack like a user's run
    upstream = tmp_path / "filelint"
    shutil.copytree(ROOT, upstream, ignore=IGNORE)
    _git_repo(upstream, env, tag="v0.1.0")  # the tag the recipe names, made in this copy only

    firm = tmp_path / "firm"
    shutil.copytree(EXAMPLES / "palominos-cervantes-v-gm", firm / "motions" / "seed")
    shutil.copytree(FEDERAL_CASE, firm / "motions" / "grays", ignore=shutil.ignore_patterns("expected.txt"))
    config = RECIPE.read_text("utf-8").replace("FILELINT_GIT_URL", upstream.as_uri())
    (firm / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    _git_repo(firm, env)

    blocked = _precommit(firm, env)
    out = blocked.stdout + blocked.stderr
    assert blocked.returncode == 1, out
    assert "motions/seed/filelint.yaml" in out and "CAL002" in out and "CAL003" in out
    assert "motions/grays/filelint.yaml" in out and "FED101" in out  # the pack from additional_dependencies

    shutil.rmtree(firm / "motions" / "seed")
    shutil.rmtree(firm / "motions" / "grays")
    shutil.copytree(EXAMPLES / "palominos-cervantes-v-gm-fixed", firm / "motions" / "fixed")
    _git_repo_add = _run(["git", "add", "-A"], firm, env)
    assert _git_repo_add.returncode == 0
    passed = _precommit(firm, env)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout
