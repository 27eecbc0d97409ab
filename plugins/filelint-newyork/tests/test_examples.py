"""The worked example: the defective folder reports its three defects, the corrected one passes every rule."""

from __future__ import annotations

from pathlib import Path

from filelint.testing import run_folder

import filelint_newyork.plugin as pack

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def test_defective_example_reports_its_three_defects() -> None:
    findings = run_folder(EXAMPLES / "alvarez-v-hudson-yards", [pack])
    assert [(f.code, f.severity.name.lower()) for f in findings] == [
        ("NY201", "error"),
        ("NY203", "warning"),
        ("NY105", "error"),
    ]


def test_corrected_example_passes() -> None:
    assert run_folder(EXAMPLES / "alvarez-v-hudson-yards-fixed", [pack]) == []
