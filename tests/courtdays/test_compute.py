"""Deadline computation: rules.md 2C test vectors, real rulings, and properties."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from filelint.courtdays import Computation
from filelint.packs.california.calendar import california_calendar, ccp10_calendar
from filelint.packs.california.timecalc import (
    SERVICE_METHODS,
    add_calendar_days_then_roll,
    check_notice,
    deadline_after_service,
    discovery_cutoff,
    earliest_hearing_forward,
    last_day_before_hearing,
    normalize_method,
    notice_forward_ok,
    service_extension,
)

D = dt.date
CA = california_calendar()


# --------------------------------------------------------------------------- rules.md 2C, table 1


@pytest.mark.parametrize(
    ("trigger", "method", "day45", "deadline"),
    [
        (D(2025, 3, 3), "personal", D(2025, 4, 17), D(2025, 4, 17)),
        (D(2025, 3, 3), "mail", D(2025, 4, 17), D(2025, 4, 22)),
        # Good Friday 2025-04-18 is a court day.
        (D(2025, 3, 3), "electronic", D(2025, 4, 17), D(2025, 4, 21)),
        (D(2024, 10, 16), "personal", D(2024, 11, 30), D(2024, 12, 2)),
        (D(2024, 10, 11), "electronic", D(2024, 11, 25), D(2024, 11, 27)),
    ],
)
def test_45_day_vectors(trigger: dt.date, method: str, day45: dt.date, deadline: dt.date) -> None:
    c = deadline_after_service(trigger, 45, method, CA)
    assert c.steps[0].date == day45
    assert c.result == deadline
    assert c.alternative is None


def test_45_day_ambiguity_vector() -> None:
    # E-served Thu 2023-11-09: 45th day Sun 2023-12-24, Christmas Monday.
    c = deadline_after_service(D(2023, 11, 9), 45, "electronic", CA, "verified responses")
    assert c.steps[0].date == D(2023, 12, 24)
    assert c.result == D(2023, 12, 27)  # 2 court days from the 45th day
    assert c.alternative == D(2023, 12, 28)  # roll to Tue 12-26 first, then 2 court days
    assert c.latest == D(2023, 12, 28)
    assert c.alternative_note is not None and "CCP 12a" in c.alternative_note
    assert [s.date for s in c.alternative_steps] == [
        D(2023, 12, 24),
        D(2023, 12, 26),
        D(2023, 12, 28),
    ]


# --------------------------------------------------------------------------- rules.md 2C, table 2


@pytest.mark.parametrize(
    ("hearing", "method", "last_day"),
    [
        (D(2025, 12, 5), "personal", D(2025, 11, 10)),
        (D(2025, 12, 5), "mail", D(2025, 11, 5)),
        (D(2025, 12, 5), "overnight", D(2025, 11, 7)),  # Sat 11-08 -> Fri 11-07 [U]
        (D(2025, 12, 5), "electronic", D(2025, 11, 6)),
        (D(2024, 12, 5), "personal", D(2024, 11, 8)),
        (D(2024, 12, 5), "electronic", D(2024, 11, 6)),
    ],
)
def test_notice_vectors(hearing: dt.date, method: str, last_day: dt.date) -> None:
    assert last_day_before_hearing(hearing, 16, method, CA).result == last_day


def test_overnight_notice_marks_the_weekend_roll_unconfirmed() -> None:
    c = last_day_before_hearing(D(2025, 12, 5), 16, "overnight", CA)
    assert [s.date for s in c.steps] == [D(2025, 11, 10), D(2025, 11, 8), D(2025, 11, 7)]
    assert c.steps[1].text.startswith("2 calendar days earlier")  # CCP 1005(b): calendar days
    assert [s.confidence for s in c.steps] == ["C", "C", "U"]
    assert c.confidence == "U"
    # Saturday deposit is complete service (CCP 1013): the day counted is the legal last day.
    assert c.result == D(2025, 11, 7) and c.legal == c.latest == D(2025, 11, 8)
    assert c.latest_confidence == "C"


# --------------------------------------------------------------------------- real rulings


def test_ruling_015_45_days_plus_two_court_days() -> None:
    # SF Dept 302, CGC24615358: "by Tuesday, June 17, 2025 (45 days from April 29th plus two
    # court days for e-service)".
    c = deadline_after_service(D(2025, 4, 29), 45, "electronic", CA)
    assert c.result == D(2025, 6, 17)
    assert c.alternative is None
    # Companion off calendar under CCP 1005(b): last day to e-serve for 2025-08-11.
    assert last_day_before_hearing(D(2025, 8, 11), 16, "electronic", CA).result == D(2025, 7, 16)
    # The case notes: the first responses' deadline falls on "2025-04-29/30" (45th day a Sunday).
    first = deadline_after_service(D(2025, 3, 13), 45, "electronic", CA)
    assert (first.result, first.alternative) == (D(2025, 4, 29), D(2025, 4, 30))


def test_ruling_021_verification_mailed() -> None:
    # "50 days after May 8, 2019 is June 27, 2019": 45th day Sat 06-22, + 5 days for mail.
    c = deadline_after_service(D(2019, 5, 8), 45, "mail", CA, "verification served")
    assert c.steps[0].date == D(2019, 6, 22)
    assert c.result == D(2019, 6, 27)


def test_ruling_041_personal_saturday_rolls_to_monday() -> None:
    c = deadline_after_service(D(2025, 5, 21), 45, "personal", CA)
    assert c.steps[0].date == D(2025, 7, 5)
    assert c.result == D(2025, 7, 7)
    # The case notes: with e-service the deadline would be 2025-07-08 or 2025-07-09.
    e = deadline_after_service(D(2025, 5, 21), 45, "electronic", CA)
    assert (e.result, e.alternative) == (D(2025, 7, 8), D(2025, 7, 9))


def test_ruling_069_thirty_days_plus_two_court_days() -> None:
    c = deadline_after_service(D(2025, 5, 5), 30, "electronic", CA, authority="CCP 2030.260")
    assert c.result == D(2025, 6, 6)
    assert c.steps[0].authority == "CCP 2030.260"
    assert last_day_before_hearing(D(2025, 7, 17), 16, "electronic", CA).result == D(2025, 6, 20)


def test_ruling_064_mail_served_motion_is_short() -> None:
    served, hearing = D(2025, 12, 11), D(2026, 1, 7)
    backward = last_day_before_hearing(hearing, 16, "mail", CA)
    assert backward.result == D(2025, 12, 5)
    assert backward.latest == D(2025, 12, 7)  # Sun: the day counted, before the [U] move
    assert served > backward.latest  # short on every reading: the error needs no [U] step
    # The court's forward count: the 16th court day after Dec 11 was Jan 6; earliest hearing Jan 12.
    forward = earliest_hearing_forward(served, 16, "mail", CA)
    assert forward.steps[0].date == D(2026, 1, 6)
    assert forward.result == D(2026, 1, 12)
    assert not notice_forward_ok(served, hearing, 16, "mail", CA)
    check = check_notice(served, hearing, 16, "mail", CA)
    assert not check.backward_ok and not check.forward_ok and not check.disagree
    # The executive-order closures of 2025-12-24 and -26 are court days (CCP 135 excepts days the
    # President alone appoints): counted, with no warning.
    assert forward.uncertain == ()
    # Counted as holidays (they are under CCP 10, not CCP 135) they would move the 16th court day to
    # Jan 8 (case notes); the notice period follows CCP 135.
    assert earliest_hearing_forward(served, 16, "mail", ccp10_calendar()).steps[0].date == D(2026, 1, 8)
    # The later motion, mailed 2026-03-27 for 2026-05-01, gave full notice (last day 2026-04-03).
    assert last_day_before_hearing(D(2026, 5, 1), 16, "mail", CA).result == D(2026, 4, 3)


def test_seed_ruling_dates() -> None:
    # RFP e-served 2023-07-03: responses due 2023-08-04 (30 days + 2 court days).
    assert deadline_after_service(D(2023, 7, 3), 30, "electronic", CA).result == D(2023, 8, 4)
    # Verified responses e-served 2023-08-04: 45 days = Mon 09-18, + 2 court days = 09-20.
    assert deadline_after_service(D(2023, 8, 4), 45, "electronic", CA).result == D(2023, 9, 20)
    # Hearing 2023-12-05, e-service: 16 court days back = Wed 11-08 (Thanksgiving Thu/Fri and
    # Veterans Day observed Fri 11-10 skipped), then 2 court days back = Mon 11-06.
    c = last_day_before_hearing(D(2023, 12, 5), 16, "electronic", CA)
    assert [s.date for s in c.steps] == [D(2023, 11, 8), D(2023, 11, 6)]
    assert c.result == D(2023, 11, 6)


# --------------------------------------------------------------------------- notice: two counts


def test_backward_and_forward_counts_can_disagree() -> None:
    # Overnight service on the last day counted backward for a 2025-12-05 hearing: 16 court days
    # forward from Fri 11-07 reach Thu 12-04, + 2 calendar days = Sat 12-06 -> Mon 12-08.
    check = check_notice(D(2025, 11, 7), D(2025, 12, 5), 16, "overnight", CA)
    assert check.backward_ok
    assert check.forward.result == D(2025, 12, 8)
    assert not check.forward_ok
    assert check.disagree


def test_notice_ok_both_ways() -> None:
    check = check_notice(D(2023, 9, 15), D(2023, 12, 5), 16, "electronic", CA)
    assert check.backward_ok and check.forward_ok and not check.disagree


# --------------------------------------------------------------------------- discovery cutoff


def test_discovery_cutoff_on_a_court_day() -> None:
    c = discovery_cutoff(D(2025, 6, 17), 15, CA)
    assert c.result == D(2025, 6, 2)
    assert c.alternative is None


def test_discovery_cutoff_on_a_weekend() -> None:
    # Trial Mon 2025-06-16: the 15th day before is Sun 06-01. CCP 2016.060 extends the limit "until
    # the next court day closer to the trial date": the following court day, Mon 06-02.
    c = discovery_cutoff(D(2025, 6, 16), 15, CA)
    assert c.steps[0].date == D(2025, 6, 1)
    assert c.result == D(2025, 6, 2)
    assert c.alternative is None
    assert "2016.060" in c.steps[-1].authority


def test_discovery_cutoff_digest_example() -> None:
    # Trial Mon 2026-03-02: the 15th day before is Sun 02-15, Mon 02-16 is Presidents' Day: Tue 02-17.
    assert discovery_cutoff(D(2026, 3, 2), 15, CA).result == D(2026, 2, 17)


def test_discovery_cutoff_on_thanksgiving() -> None:
    c = discovery_cutoff(D(2025, 12, 12), 15, CA)
    assert c.steps[0].date == D(2025, 11, 27)
    assert c.result == D(2025, 12, 1)


def test_discovery_cutoff_on_a_gov_code_only_holiday() -> None:
    # Trial Tue 2025-10-28: the 15th day before is Mon 10-13, Columbus Day: courts are open (CCP 135)
    # but it is a CCP 10 holiday, so CCP 2016.060 extends the limit to Tue 10-14 (the legal date).
    c = discovery_cutoff(D(2025, 10, 28), 15, CA, ccp10=ccp10_calendar())
    assert c.result == D(2025, 10, 13) and c.legal == c.latest == D(2025, 10, 14)
    assert c.alternative_is_legal and "Columbus" in (c.alternative_note or "")
    # Saturday before a Monday Columbus Day: CCP 2016.060 extends the limit once, "until the next court
    # day", and Monday is one (courts are open), so it is not moved again because CCP 10 lists it.
    c = discovery_cutoff(D(2025, 10, 26), 15, CA, ccp10=ccp10_calendar())
    assert c.steps[0].date == D(2025, 10, 11)
    assert (c.result, c.latest) == (D(2025, 10, 13), D(2025, 10, 13))


def test_the_ccp_2016_060_extension_runs_once_to_the_next_court_day() -> None:
    from filelint.packs.california.timecalc import extend_discovery_limit

    # The digest example: trial Mon 2026-03-02, the 15th day before is Sun 02-15, Mon 02-16 is Presidents'
    # Day: the limit is Tue 02-17, a court day though Lunar New Year is a CCP 10 holiday (not Wed 02-18).
    c = discovery_cutoff(D(2026, 3, 2), 15, CA, ccp10=ccp10_calendar())
    assert (c.safe, c.legal) == (D(2026, 2, 17), D(2026, 2, 17))
    # A limit ending on Wed 2025-12-24 (federal offices closed by executive order: a CCP 10 holiday, a court
    # day in California) runs to the next court day, Fri 12-26, itself a court day though CCP 10 lists it.
    mailed = deadline_after_service(D(2025, 11, 4), 45, "mail", CA)
    assert mailed.result == D(2025, 12, 24)
    c = extend_discovery_limit(mailed, CA, ccp10_calendar())
    assert (c.safe, c.legal) == (D(2025, 12, 24), D(2025, 12, 26))


def test_discovery_cutoff_never_reaches_trial() -> None:
    # One day before a Monday trial is a Sunday; the following court day is the trial itself.
    c = discovery_cutoff(D(2025, 6, 16), 1, CA)
    assert c.result == D(2025, 6, 13)
    assert c.confidence == "U"


# --------------------------------------------------------------------------- building blocks


def test_add_calendar_days_then_roll() -> None:
    c = add_calendar_days_then_roll(D(2025, 5, 21), 45, CA, "CCP 2031.310(c)")
    assert c.result == D(2025, 7, 7)
    assert c.steps[0].text == "45 calendar days after 2025-05-21 (CCP 12: trigger day excluded)"
    assert c.steps[0].authority == "CCP 2031.310(c)"
    assert c.steps[1].authority == "CCP 12a"
    assert add_calendar_days_then_roll(D(2025, 3, 3), 45, CA).result == D(2025, 4, 17)
    with pytest.raises(ValueError):
        add_calendar_days_then_roll(D(2025, 3, 3), -1, CA)


@pytest.mark.parametrize(
    ("method", "days", "unit", "authority"),
    [
        ("personal", 0, "calendar", "CCP 12"),
        ("mail", 5, "calendar", "CCP 1013(a)"),
        ("mail-out-of-state", 10, "calendar", "CCP 1013(a)"),
        ("mail-international", 20, "calendar", "CCP 1013(a)"),
        ("electronic", 2, "court", "CCP 1010.6"),
        ("overnight", 2, "court", "CCP 1013(c)"),
        ("fax", 2, "court", "CCP 1013(e)"),
    ],
)
def test_service_extension_after_service(method: str, days: int, unit: str, authority: str) -> None:
    ext = service_extension(method)
    assert (ext.days, ext.unit, ext.authority) == (days, unit, authority)


@pytest.mark.parametrize(
    ("method", "days", "unit"),
    [
        ("personal", 0, "calendar"),
        ("mail", 5, "calendar"),
        ("mail-out-of-state", 10, "calendar"),
        ("mail-international", 20, "calendar"),
        ("electronic", 2, "court"),
        ("overnight", 2, "calendar"),
        ("fax", 2, "calendar"),
    ],
)
def test_service_extension_for_notice(method: str, days: int, unit: str) -> None:
    ext = service_extension(method, purpose="notice")
    assert (ext.days, ext.unit) == (days, unit)


def test_unknown_method_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="unknown service method 'pigeon'.*electronic"):
        service_extension("pigeon")
    with pytest.raises(ValueError):
        deadline_after_service(D(2025, 1, 2), 45, "carrier pigeon", CA)


def test_method_spelling_is_normalised() -> None:
    assert normalize_method("Electronic") == "electronic"
    assert normalize_method("e-service") == "electronic"
    assert normalize_method("mail_out_of_state") == "mail-out-of-state"
    assert normalize_method("Express Mail") == "overnight"


def test_out_of_state_and_international_mail() -> None:
    assert deadline_after_service(D(2025, 3, 3), 45, "mail-out-of-state", CA).result == D(
        2025, 4, 28
    )  # 04-17 + 10 = Sun 04-27 -> Mon 04-28
    assert deadline_after_service(D(2025, 3, 3), 45, "mail-international", CA).result == D(2025, 5, 7)


def test_explain_lines() -> None:
    c = deadline_after_service(D(2023, 11, 9), 45, "electronic", CA, "verified responses")
    lines = c.explain()
    assert lines[0] == "Trigger: Thu 2023-11-09 (verified responses)"
    assert lines[1].startswith("1. Sun 2023-12-24: 45 calendar days after 2023-11-09")
    assert "Safe date: Wed 2023-12-27 (the earlier reading)" in lines
    assert any(line.startswith("Legal last day: Thu 2023-12-28") and "Henry v. Young" in line for line in lines)
    assert not any(line.startswith("Warning") for line in lines)


# --------------------------------------------------------------------------- properties

dates = st.dates(D(2000, 1, 1), D(2100, 12, 31))
counts = st.integers(min_value=-200, max_value=200)


@given(dates, counts)
def test_add_court_days_lands_on_a_court_day(d: dt.date, n: int) -> None:
    assume(n != 0)
    result = CA.add_court_days(d, n)
    assert CA.is_court_day(result)
    assert (result > d) if n > 0 else (result < d)


@given(dates, st.integers(min_value=1, max_value=200))
def test_add_then_subtract_returns_a_court_day_not_after_start(d: dt.date, n: int) -> None:
    there = CA.add_court_days(d, n)
    back = CA.add_court_days(there, -n)
    assert CA.is_court_day(back)
    assert back <= d
    if CA.is_court_day(d):
        assert back == d
    assert CA.court_days_between(d, there) == n
    assert CA.court_days_between(there, d) == -n


@given(dates)
def test_rolling_finds_the_nearest_court_day(d: dt.date) -> None:
    nxt, prev = CA.next_court_day(d), CA.previous_court_day(d)
    assert CA.is_court_day(nxt) and CA.is_court_day(prev)
    assert prev <= d <= nxt
    assert (nxt == d) == CA.is_court_day(d) == (prev == d)
    assert CA.court_days_between(prev, nxt) == (0 if prev == nxt else 1)


@given(dates, st.integers(min_value=0, max_value=90), st.sampled_from(SERVICE_METHODS))
def test_deadline_after_service_properties(trigger: dt.date, days: int, method: str) -> None:
    c = deadline_after_service(trigger, days, method, CA)
    assert isinstance(c, Computation)
    assert CA.is_court_day(c.result)
    assert c.result >= trigger + dt.timedelta(days=days)
    if c.alternative is not None:
        assert c.alternative > c.result
        assert CA.is_court_day(c.alternative)


@given(dates, st.integers(min_value=1, max_value=30), st.sampled_from(SERVICE_METHODS))
def test_last_day_before_hearing_properties(hearing: dt.date, n: int, method: str) -> None:
    assume(CA.is_court_day(hearing))
    c = last_day_before_hearing(hearing, n, method, CA)
    assert CA.is_court_day(c.result)
    assert CA.court_days_between(c.result, hearing) >= n
    if method == "personal":
        assert CA.court_days_between(c.result, hearing) == n


@given(dates, st.integers(min_value=1, max_value=60))
def test_discovery_cutoff_properties(trial: dt.date, n: int) -> None:
    c = discovery_cutoff(trial, n, CA)
    assert CA.is_court_day(c.result)
    assert c.alternative is None
    counted = trial - dt.timedelta(days=n)
    if c.result < counted:  # only when no court day is left before trial
        assert c.confidence == "U" and CA.next_court_day(counted) >= trial
    else:
        assert counted <= c.result < trial or (c.result == counted == trial)
        assert all(not CA.is_court_day(counted + dt.timedelta(days=k)) for k in range((c.result - counted).days))


# --------------------------------------------------------------------------- e-service on a non-court day


def test_e_service_on_a_non_court_day_is_deemed_served_on_the_next_court_day() -> None:
    from filelint.packs.california.timecalc import deemed_served, service_date

    # CCP 1010.6: e-served Sat 2025-05-10 -> deemed served Mon 05-12; mail deposit on Saturday is not moved.
    step = deemed_served(D(2025, 5, 10), "electronic", CA)
    assert step is not None and step.date == D(2025, 5, 12) and step.confidence == "S"
    assert deemed_served(D(2025, 5, 10), "mail", CA) is None
    assert deemed_served(D(2025, 5, 12), "electronic", CA) is None
    assert service_date(D(2025, 11, 27), "email", CA) == D(2025, 12, 1)  # Thanksgiving and the Friday after
    # The 45 days run from the deemed date: 05-12 + 45 = Thu 06-26, + 2 court days = Mon 06-30.
    c = deadline_after_service(D(2025, 5, 10), 45, "electronic", CA)
    assert [s.date for s in c.steps] == [D(2025, 5, 12), D(2025, 6, 26), D(2025, 6, 30)]
    # Henry v. Young: RFAs e-served Fri 2025-05-09 were due Wed 2025-06-11 (legal), not Tue 06-10 (safe).
    h = deadline_after_service(D(2025, 5, 9), 30, "electronic", CA)
    assert (h.safe, h.legal) == (D(2025, 6, 10), D(2025, 6, 11)) and h.alternative_is_legal


def test_a_45th_day_that_only_ccp10_makes_a_holiday_is_extended() -> None:
    from filelint.packs.california.timecalc import extend_discovery_limit

    # Personal service Fri 2025-08-29: 45th day Mon 2025-10-13, Columbus Day (courts open; a Gov. Code holiday).
    c = extend_discovery_limit(deadline_after_service(D(2025, 8, 29), 45, "personal", CA), CA, ccp10_calendar())
    assert (c.safe, c.legal) == (D(2025, 10, 13), D(2025, 10, 14))
    assert "2016.060" in c.alternative_steps[-1].authority
    plain = deadline_after_service(D(2025, 3, 3), 45, "personal", CA)
    assert extend_discovery_limit(plain, CA, ccp10_calendar()) is plain


def test_an_agreed_date_runs_once_to_the_next_court_day() -> None:
    from filelint.packs.california.deadline_calc import extend_agreed_date

    ccp10 = ccp10_calendar()
    # Sat 2025-10-11 before Columbus Day: the next court day is Mon 10-13 (courts open), not Tue 10-14.
    assert extend_agreed_date(D(2025, 10, 11), CA, ccp10) == D(2025, 10, 13)
    # Columbus Day itself is a CCP 10 holiday: Tue 10-14. Sat 2025-05-17: Mon 05-19. A court day stays.
    assert extend_agreed_date(D(2025, 10, 13), CA, ccp10) == D(2025, 10, 14)
    assert extend_agreed_date(D(2025, 5, 17), CA, ccp10) == D(2025, 5, 19)
    assert extend_agreed_date(D(2025, 5, 16), CA, ccp10) == D(2025, 5, 16)
