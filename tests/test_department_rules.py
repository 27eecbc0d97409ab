"""The California pack's department rules table (data/department_rules.json): every entry complete, and the tag
decides the severity (CAL404 errs only on a [C] entry; CAL401 warns on [S] and [U], a [U] finding marked so)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from filelint.findings import Severity
from filelint.packs.california import departments
from filelint.testing import run_folder

REQUIREMENTS = {"idc-before-further-motion", "idc-form-deadlines"}

MANIFEST = """\
filelint: 1
court: {system: ca-superior, county: Los Angeles, department: "DEPT"}
case: {number: 21STCV28882}
motion: {kind: compel-further-rfp, filed: 2022-05-20, hearing: 2023-03-09}
idc: {requested: 2022-05-20, date: 2023-02-02, held: false, moving_party_appeared: false}
"""


def test_every_entry_names_its_source_date_and_tag() -> None:
    seen = set()
    for entry in departments.table():
        assert all(entry.get(f) for f in departments.FIELDS), entry
        assert entry["tag"] in departments.TAGS
        assert entry["requirement"] in REQUIREMENTS
        dt.date.fromisoformat(entry["checked"])
        assert entry["url"].startswith("https://")
        key = (entry["court"], entry["department"], entry["requirement"])
        assert key not in seen, f"two entries for {key}"
        seen.add(key)
        if entry["requirement"] == "idc-form-deadlines":
            assert entry["movant_form_court_days"] > 0 and entry["response_form_court_days"] > 0


def _idc_findings(tmp_path: Path, dept: str) -> list[Any]:
    (tmp_path / "filelint.yaml").write_text(MANIFEST.replace("DEPT", dept), encoding="utf-8")
    return run_folder(tmp_path, select=["CAL401", "CAL404"])


def test_an_s_entry_warns(tmp_path: Path) -> None:
    [finding] = _idc_findings(tmp_path, "29")
    assert (finding.code, finding.severity) == ("CAL401", Severity.WARNING)
    assert "[S]" in finding.message


def test_a_u_entry_warns_and_says_so(tmp_path: Path) -> None:
    [finding] = _idc_findings(tmp_path, "14")
    assert (finding.code, finding.severity) == ("CAL401", Severity.WARNING)
    assert "[U]" in finding.message


def test_only_a_c_entry_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bundled = departments.table()
    confirmed = {**bundled[0], "department": "99", "tag": "C"}
    monkeypatch.setattr(departments, "table", lambda: (*bundled, confirmed))
    [finding] = _idc_findings(tmp_path, "99")
    assert (finding.code, finding.severity) == ("CAL404", Severity.ERROR)
