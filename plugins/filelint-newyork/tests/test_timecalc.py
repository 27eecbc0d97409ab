"""CPLR 2214(b) notice counted back from the return date, CPLR 2103(b) additions, the GCL § 25-a reading."""

from __future__ import annotations

import datetime as dt

import pytest

from filelint_newyork.calendar import new_york_calendar
from filelint_newyork.timecalc import UnsupportedService, days_before, last_day_to_serve, summary

D = dt.date
CAL = new_york_calendar()


@pytest.mark.parametrize(
    ("ret", "days", "method", "expected"),
    [
        (D(1988, 11, 23), 8, "mail", D(1988, 11, 10)),  # Matter of Brillon: mailed Nov 10, 8 + 5 days
        (D(2016, 4, 6), 16, "mail", D(2016, 3, 16)),  # Zisholtz: 21 days for a mailed 7-day demand
        (D(2024, 6, 14), 8, "electronic", D(2024, 6, 6)),  # NYSCEF: nothing added
        (D(2024, 6, 14), 8, "personal", D(2024, 6, 6)),
        (D(2024, 6, 14), 8, "mail-out-of-state", D(2024, 5, 31)),  # +6 days from outside the state
        (D(2024, 6, 14), 8, "overnight", D(2024, 6, 5)),  # Thu 06-06 less one business day
        (D(2024, 6, 17), 8, "overnight", D(2024, 6, 7)),  # Sun 06-09 -> the business day before is Fri 06-07
        (D(2024, 2, 21), 8, "overnight", D(2024, 2, 9)),  # Tue 02-13 -> Mon 02-12 is Lincoln's Birthday: Fri
    ],
)
def test_last_day_to_serve(ret: dt.date, days: int, method: str, expected: dt.date) -> None:
    assert last_day_to_serve(ret, days, method, CAL).result == expected


def test_weekend_last_day_has_the_gcl_25a_alternative() -> None:
    # Return Mon 2024-06-17: 8 days before is Sun 06-09; e-service adds nothing.
    comp = last_day_to_serve(D(2024, 6, 17), 8, "electronic", CAL)
    assert comp.result == D(2024, 6, 9)
    assert comp.alternative == D(2024, 6, 10)
    assert comp.alternative_note is not None and "unsettled" in comp.alternative_note


def test_holiday_last_day_rolls_past_the_holiday() -> None:
    # Return Tue 2024-11-19 less 8 days is Mon 11-11 (Veterans Day): the rolled reading gives Tue 11-12.
    comp = last_day_to_serve(D(2024, 11, 19), 8, "electronic", CAL)
    assert (comp.result, comp.alternative) == (D(2024, 11, 11), D(2024, 11, 12))


def test_business_day_has_no_alternative() -> None:
    assert last_day_to_serve(D(2024, 6, 14), 8, "electronic", CAL).alternative is None


def test_mail_from_abroad_is_not_cplr_service() -> None:
    with pytest.raises(UnsupportedService):
        last_day_to_serve(D(2024, 6, 14), 8, "mail-international", CAL)


def test_answering_papers_count() -> None:
    assert days_before(D(2024, 6, 14), 2, "answering papers").result == D(2024, 6, 12)
    assert days_before(D(2024, 6, 14), 7, "answering papers").result == D(2024, 6, 7)


def test_summary_names_each_rule() -> None:
    text = summary(last_day_to_serve(D(2024, 6, 14), 8, "mail", CAL))
    assert text.startswith("Sat 2024-06-01: return date 2024-06-14;")
    assert "[CPLR 2214(b)]" in text and "5 days more for service by mail within the state [CPLR 2103(b)(2)]" in text
    assert "read with GCL § 25-a(1), Mon 2024-06-03" in text
