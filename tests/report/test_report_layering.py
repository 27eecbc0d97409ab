"""The report stays court-neutral and off the start-up path."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

REPORT = Path(__file__).resolve().parents[2] / "src" / "filelint" / "report"


def imported_modules(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_no_report_module_imports_a_pack() -> None:
    """Deadlines come through the filelint_deadlines hook (source.py), never from a pack directly."""
    users = sorted(
        p.name
        for p in REPORT.glob("*.py")
        if any(m.startswith(("filelint.packs", "filelint_")) for m in imported_modules(p))
    )
    assert users == []


def test_building_the_cli_imports_neither_the_report_nor_icalendar() -> None:
    code = (
        "import sys; from filelint.cli.app import build_parser; build_parser(); "
        "print(sorted(m for m in sys.modules if m.startswith(('filelint.report', 'icalendar', 'playwright'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
