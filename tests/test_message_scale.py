"""Findings stay short when a manifest records thousands of communications (CAL002-CAL004)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from filelint.plugins import load_plugins
from filelint.runner import lint_folder
from filelint.settings import Settings

LETTERS = 3000


def _manifest(folder: Path, raises: str = "all") -> None:
    start = dt.date(2020, 1, 1)
    messages = [
        {
            "id": f"m{i}",
            "date": (start + dt.timedelta(days=i // 2)).isoformat(),
            "from": "moving" if i % 2 else "responding",
            "channel": "letter",
            "raises": raises,
        }
        for i in range(1, LETTERS + 1)
    ]
    data = {
        "filelint": 1,
        "court": {
            "system": "ca-superior",
            "county": "San Francisco",
            "department": "302",
            "live_conference": {"required": True},
        },
        "case": {"number": "CGC00000009"},
        "motion": {"kind": "compel-further-rfp", "requests_at_issue": "1-5", "filed": "2024-06-01"},
        "meet_and_confer": messages,
    }
    (folder / "filelint.yaml").write_text(yaml.safe_dump(data, sort_keys=False), "utf-8")


def test_thousands_of_letters_give_one_short_finding(tmp_path: Path) -> None:
    _manifest(tmp_path)
    settings = Settings(select=["CAL004"], today=dt.date(2026, 11, 28))
    result = lint_folder(tmp_path, load_plugins(autoload=False), settings, cwd=tmp_path)
    found = [f for f in result.findings if f.code == "CAL004"]
    assert len(found) == 1, [f.message for f in found]
    message = found[0].message
    assert "m1, m3, m5 and 1497 more" in message
    assert len(message) < 300, message


def test_a_request_never_raised_among_thousands_of_letters(tmp_path: Path) -> None:
    """CAL002 names a few of the letters that raised other requests, then counts the rest."""
    _manifest(tmp_path, raises="1-4")
    settings = Settings(select=["CAL002"], today=dt.date(2026, 11, 28))
    result = lint_folder(tmp_path, load_plugins(autoload=False), settings, cwd=tmp_path)
    found = [f for f in result.findings if f.code == "CAL002"]
    assert [f.extra["requests"] for f in found] == [["5"]]
    assert "and 1497 more" in found[0].message and len(found[0].message) < 300, found[0].message
