"""`filelint report` draws a federal case through the same hook: the report knows no jurisdiction."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from filelint.plugins import load_plugins
from filelint.report.build import folder_reports
from filelint.report.page import page
from filelint.settings import Settings

import filelint_federal.plugin as pack

RULES = Path(__file__).parent / "rules"


def test_cdcal_conference_window_and_last_day_on_the_timeline() -> None:
    plugins = load_plugins(autoload=False, extra=[pack])
    folder = RULES / "FED202" / "pass-mail-adds-3-days"
    ((data, _),) = folder_reports([folder], plugins, Settings(today=dt.date(2026, 11, 28)))
    assert data.deadlines_supported and [d.key for d in data.deadlines] == ["cdca-conference"]
    assert [m.label for m in data.deadline_marks] == ["last day for the conference"]
    (window,) = data.spans
    assert window.kind == "window" and window.end == data.deadlines[0].deadline
    html = page([data], "t")
    assert "C.D. Cal. L.R. 37-1" in html and 'class="ev ev-communication' in html
