"""The pack is written only against filelint's public API, as a third party would write it."""

from __future__ import annotations

import ast
from pathlib import Path

import filelint_newyork

PUBLIC = {"filelint", "filelint.courtdays", "filelint.deadlines", "filelint.papers", "filelint.testing"}
PACKAGE = Path(filelint_newyork.__file__).parent


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = [a.name for node in ast.walk(tree) if isinstance(node, ast.Import) for a in node.names]
    names += [node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module]
    return names


def test_only_public_filelint_modules() -> None:
    used = {
        (p.name, name)
        for p in PACKAGE.glob("*.py")
        for name in _imports(p)
        if name == "filelint" or name.startswith("filelint.")
    }
    assert used, "the pack imports nothing from filelint?"
    assert {(f, n) for f, n in used if n not in PUBLIC} == set()
