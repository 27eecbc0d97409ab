"""``filelint deadlines --format ics``: parsed back, every date, UID, reminder and zone checked."""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from icalendar import Calendar

from filelint.cli import main
from filelint.report.ics import uid

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "examples" / "palominos-cervantes-v-gm"
GAP = ROOT / "tests" / "rules" / "CAL103" / "fail-served-between-readings"


def ics(capsysbinary: pytest.CaptureFixture[bytes], folder: Path) -> tuple[bytes, Calendar]:
    code = main(["deadlines", str(folder), "--format", "ics"])
    out, _ = capsysbinary.readouterr()
    assert code == 0
    return out, Calendar.from_ical(out)


def events(cal: Calendar) -> dict[str, dict[str, object]]:
    return {
        str(e["summary"]): {
            "start": e.decoded("dtstart"),
            "end": e.decoded("dtend"),
            "uid": str(e["uid"]),
            "description": str(e["description"]),
            "alarms": list(e.walk("VALARM")),
        }
        for e in cal.walk("VEVENT")
    }


def test_seed_one_all_day_event_per_deadline_and_the_hearing(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    _, cal = ics(capsysbinary, SEED)
    got = {k: v["start"] for k, v in events(cal).items()}
    assert got == {
        "23STCV03596: Last day to move (45 days)": dt.date(2023, 9, 20),
        "23STCV03596: Last day to serve the motion": dt.date(2023, 11, 6),
        "23STCV03596: Last day to file the motion": dt.date(2023, 11, 8),
        "23STCV03596: Hearing": dt.date(2023, 12, 5),
    }
    for ev in events(cal).values():
        start = ev["start"]
        assert type(start) is dt.date  # all-day: a DATE, never a datetime
        assert ev["end"] == start + dt.timedelta(days=1)  # type: ignore[operator]


def test_description_has_the_computation_and_authority(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    _, cal = ics(capsysbinary, SEED)
    text = events(cal)["23STCV03596: Last day to move (45 days)"]["description"]
    assert "Trigger: Fri 2023-08-04" in str(text) and "45 calendar days after 2023-08-04" in str(text)
    assert "Authority: CCP 2031.310(c); CCP 1010.6" in str(text)


def test_uids_are_stable_and_distinct(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    _, first = ics(capsysbinary, SEED)
    _, second = ics(capsysbinary, SEED)
    uids = [v["uid"] for v in events(first).values()]
    assert len(set(uids)) == len(uids) == 4
    assert uids == [v["uid"] for v in events(second).values()]
    assert uid("23STCV03596", "hearing") in uids and all(u.endswith("@filelint") for u in uids)


def test_each_event_has_two_display_reminders(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    _, cal = ics(capsysbinary, SEED)
    for ev in events(cal).values():
        alarms = ev["alarms"]
        assert [a.decoded("trigger") for a in alarms] == [  # type: ignore[attr-defined]
            dt.timedelta(days=-7, hours=9),
            dt.timedelta(hours=-15),
        ]
        assert all(str(a["action"]) == "DISPLAY" for a in alarms)  # type: ignore[index]


@pytest.fixture
def far_time_zone() -> Iterator[None]:
    """Run in UTC+14, where a naive UTC conversion would move every date to the next day."""
    old = os.environ.get("TZ")
    os.environ["TZ"] = "Pacific/Kiritimati"
    time.tzset()
    yield
    if old is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = old
    time.tzset()


@pytest.mark.usefixtures("far_time_zone")
def test_dates_do_not_shift_with_the_time_zone(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    raw, cal = ics(capsysbinary, SEED)
    assert b"DTSTART;VALUE=DATE:20230920\r\n" in raw and b"DTSTART;VALUE=DATE:20231205\r\n" in raw
    assert b"TZID" not in raw and b"VTIMEZONE" not in raw
    starts = sorted(v["start"] for v in events(cal).values())  # type: ignore[type-var]
    assert starts[0] == dt.date(2023, 9, 20)


def test_later_reading_is_in_the_description(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    _, cal = ics(capsysbinary, GAP)
    described = [str(v["description"]) for v in events(cal).values()]
    assert any("Later reading:" in d for d in described)


def test_stated_response_date_and_unsupported_court(tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    data = yaml.safe_load((SEED / "filelint.yaml").read_text())
    data["discovery"][0]["response_due_extended_to"] = "2023-08-04"
    data["court"] = {"system": "other"}
    (tmp_path / "filelint.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    _, cal = ics(capsysbinary, tmp_path)
    got = {k: v["start"] for k, v in events(cal).items()}
    assert got == {
        "23STCV03596: Hearing": dt.date(2023, 12, 5),
        "23STCV03596: Responses due: RFP set 1": dt.date(2023, 8, 4),
    }
