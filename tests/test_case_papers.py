"""The committed PDFs of the rule cases and the real-case folders are what their builders write.

A PDF edited by hand (or a builder changed without re-running it) would make a case test
something other than what its source says.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

TESTS = Path(__file__).parent
BUILDERS = {"rules": TESTS / "rules" / "FL101" / "make_papers.py", "realcases": TESTS / "realcases" / "make_papers.py"}


def _load(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"_builder_{path.parent.name}", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_committed_pdfs_match_their_builder(name: str, tmp_path: Path) -> None:
    builder = BUILDERS[name]
    _load(builder).build(tmp_path)
    root = builder.parents[1] if name == "rules" else builder.parent
    built = sorted(tmp_path.rglob("*.pdf"))
    assert built
    stale = [
        str(p.relative_to(tmp_path))
        for p in built
        if not (root / p.relative_to(tmp_path)).is_file()
        or (root / p.relative_to(tmp_path)).read_bytes() != p.read_bytes()
    ]
    assert not stale, f"re-run {builder.relative_to(TESTS.parent)}: {stale}"
