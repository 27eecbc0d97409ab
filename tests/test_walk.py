"""``filelint check PATH`` finds every motion folder at or below PATH (a repository root, `motions/`)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from filelint.cli import main
from filelint.errors import UsageError
from filelint.session import resolve_folders

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SEED = EXAMPLES / "palominos-cervantes-v-gm"
FIXED = EXAMPLES / "palominos-cervantes-v-gm-fixed"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A firm's repository: two motions, an archived one, a motion inside .git and a hidden folder."""
    root = tmp_path / "matters"
    shutil.copytree(SEED, root / "motions" / "2023-09-compel")
    shutil.copytree(FIXED, root / "motions" / "2023-10-compel-renewed")
    shutil.copytree(FIXED, root / "archive" / "2019-old-motion")
    for hidden in (".git/objects/x", ".drafts/motion"):
        (root / hidden).mkdir(parents=True)
        shutil.copy(SEED / "filelint.yaml", root / hidden / "filelint.yaml")
    (root / "correspondence").mkdir()
    (root / "correspondence" / "notes.yaml").write_text("a: 1\n", encoding="utf-8")
    return root


def _rel(root: Path, folders: list[Path]) -> list[str]:
    return [f.relative_to(root).as_posix() for f in folders]


def test_walk_finds_every_motion_folder_and_skips_git_and_hidden(repo: Path) -> None:
    assert _rel(repo, resolve_folders([repo])) == [
        "archive/2019-old-motion",
        "motions/2023-09-compel",
        "motions/2023-10-compel-renewed",
    ]
    below = ["motions/2023-09-compel", "motions/2023-10-compel-renewed"]
    assert _rel(repo, resolve_folders([repo / "motions"])) == below


def test_exclude_by_name_or_path_glob(repo: Path) -> None:
    assert _rel(repo, resolve_folders([repo], exclude=["archive"])) == [
        "motions/2023-09-compel",
        "motions/2023-10-compel-renewed",
    ]
    assert _rel(repo, resolve_folders([repo], exclude=["motions/*-renewed", "archive/"])) == ["motions/2023-09-compel"]


def test_a_path_inside_a_motion_folder_means_that_folder(repo: Path) -> None:
    motion = repo / "motions" / "2023-09-compel"
    assert resolve_folders([motion / "exhibits"]) == [motion]
    assert resolve_folders([motion / "filelint.yaml", motion]) == [motion]


def test_check_at_the_repository_root(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(repo)
    (repo / "filelint.toml").write_text('exclude = ["archive"]\n', encoding="utf-8")
    assert main(["check", "."]) == 1
    out = capsys.readouterr().out
    assert "motions/2023-09-compel/filelint.yaml:19:22: CAL002" in out
    assert "motions/2023-10-compel-renewed/filelint.yaml" in out  # its CAL490 info
    assert "archive/" not in out and ".git" not in out and ".drafts" not in out
    assert main(["check", ".", "--exclude", "2023-09-compel"]) == 0  # only the fixed motion is left


def test_nothing_found_is_exit_2_with_advice_that_fits(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(repo / "correspondence")]) == 2
    err = capsys.readouterr().err
    assert "no motion folder at or below" in err and "correspondence" in err
    assert "`filelint init FOLDER` on the folder that holds a motion's papers" in err
    assert "filelint init ." not in err
    with pytest.raises(UsageError, match="no motion folder"):
        resolve_folders([repo], exclude=["archive", "motions"])


def test_one_empty_folder_among_others_is_a_note(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folders = resolve_folders([repo / "correspondence", repo / "motions"])
    assert _rel(repo, folders) == ["motions/2023-09-compel", "motions/2023-10-compel-renewed"]
    assert "note: no motion folder at or below" in capsys.readouterr().err
