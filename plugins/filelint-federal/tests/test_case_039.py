"""Grays v. Mayorkas (E.D. Mich. No. 21-10526, Dec. 3, 2021): FED101 must fire as an error; the pack loads cleanly."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from filelint import Severity
from filelint.testing import load_with

import filelint_federal.plugin as pack

RULES = Path(__file__).parent / "rules"


def test_039_fires_fed101_as_error(filelint_run: Any) -> None:
    findings = filelint_run(RULES / "FED101" / "fail-039-grays-v-mayorkas", [pack], select=["FED"])
    fed101 = [f for f in findings if f.code == "FED101"]
    assert len(fed101) == 1 and fed101[0].severity is Severity.ERROR
    assert "FRCP 37(a)(1)" in fed101[0].authority and fed101[0].plugin == pack.__name__
    # Every fact it needs is stated; the one info says E.D. Mich.'s local rules are not encoded (never silent).
    (info,) = [f for f in findings if f.code == "FED001"]
    assert info.severity is Severity.INFO and "does not encode the local discovery rules of E.D. Mich." in info.message


def test_039_renewed_motion_is_clean(filelint_run: Any) -> None:
    findings = filelint_run(RULES / "FED101" / "pass-039-renewed-with-certification", [pack], select=["FED"])
    assert [(f.code, f.severity) for f in findings] == [("FED001", Severity.INFO)]


def test_pack_registers_section_calendar_and_documented_rules() -> None:
    loaded = load_with([pack])
    assert "federal" in loaded.sections and "federal" in loaded.calendars
    fed = [r for r in loaded.rules.values() if r.prefix == "FED"]
    assert len(fed) == 12
    for r in fed:
        assert r.summary and r.why and r.fix and r.fail_example and r.pass_example and r.authority, r.code


def test_unconfirmed_authorities_only_warn() -> None:
    loaded = load_with([pack])
    for r in loaded.rules.values():
        if r.prefix == "FED" and all(a.confidence == "U" for a in r.authority[:1]):
            assert r.severity is not Severity.ERROR, r.code
