"""The example folders: PDFs rebuild byte for byte, and filelint reports exactly the errors the
court found in the seed case (and none in the fixed version); the paper-reading rules, which now
read these PDFs, stay silent on both."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from filelint.cli import main

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

SEED = EXAMPLES / "palominos-cervantes-v-gm"
FIXED = EXAMPLES / "palominos-cervantes-v-gm-fixed"
#: Codes of the paper-reading rules: none may fire on the examples, at any severity.
MINE = ("FL10", "FL11", "CAL50")


def _build_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_papers", EXAMPLES / "build_papers.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_papers"] = module
    spec.loader.exec_module(module)
    return module


def _check(folder: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> tuple[int, list[str]]:
    code = main(["check", str(folder), "--no-plugins", "--format", "json", "--no-cache"])
    data = json.loads(capsys.readouterr().out)
    return code, sorted(f["code"] for f in data["findings"] if f["severity"] == "error" or f["code"].startswith(MINE))


def test_rebuilding_gives_identical_pdfs(tmp_path: Path) -> None:
    build = _build_module()
    fresh = build.build_all(tmp_path)
    assert fresh, "no papers built"
    for path in fresh:
        committed = EXAMPLES / path.relative_to(tmp_path)
        assert committed.is_file(), f"{committed} is not committed"
        assert committed.read_bytes() == path.read_bytes(), f"{committed} is out of date"


def test_every_named_file_is_built(tmp_path: Path) -> None:
    import yaml

    build = _build_module()
    for folder in (SEED, FIXED):
        data = yaml.safe_load((folder / "filelint.yaml").read_text("utf-8"))
        named = {p["path"] for p in data["papers"]}
        named |= {c["file"] for c in data.get("meet_and_confer", []) if c.get("file")}
        assert named == set(build.folder_sources(folder.name))


def test_seed_example_reports_what_the_court_found(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, codes = _check(SEED, capsys, tmp_path)
    assert codes == ["CAL002", "CAL002", "CAL003"]
    assert code == 1


def test_fixed_example_is_clean(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, codes = _check(FIXED, capsys, tmp_path)
    assert codes == []
    assert code == 0


def test_every_page_is_marked_as_reconstruction() -> None:
    build = _build_module()
    for folder in (SEED, FIXED):
        for output, source in build.folder_sources(folder.name).items():
            width, per_page = build.PLEADING if source.pleading else build.PLAIN
            pages = build.layout(source.body, build.BANNERS[folder.name], width, per_page)
            assert all(page[0] == build.BANNERS[folder.name] for page in pages), output
            assert all(len(line) <= width for page in pages for line in page[1:]), output
