"""FRCP 6(a)(1) and 6(d) arithmetic, including the 2016 change: no 3 days for electronic service."""

from __future__ import annotations

import datetime as dt

import pytest

from filelint_federal.timecalc import days_after, days_before, summary

D = dt.date


@pytest.mark.parametrize(
    ("trigger", "days", "method", "expected"),
    [
        (D(2024, 3, 1), 10, None, D(2024, 3, 11)),  # plain count, lands on a Monday
        (D(2024, 3, 1), 10, "electronic", D(2024, 3, 11)),  # 6(d): nothing added for e-service
        (D(2024, 3, 1), 10, "mail", D(2024, 3, 14)),  # 6(d): +3 for mail
        (D(2024, 3, 1), 10, "personal", D(2024, 3, 11)),
        (D(2024, 5, 20), 7, None, D(2024, 5, 28)),  # Mon May 27 is Memorial Day: roll
        (D(2024, 3, 2), 7, None, D(2024, 3, 11)),  # Sat Mar 9 -> Mon Mar 11
        # Case 039's notes count 30 + 3 = 2021-10-27; but day 30 is Sun 10-24, so under 6(a) the period
        # "would otherwise expire" Mon 10-25, and 6(d) adds the 3 days after that: Thu 10-28.
        (D(2021, 9, 24), 30, "mail", D(2021, 10, 28)),
        (D(2024, 6, 9), 10, None, D(2024, 6, 20)),  # Wed Jun 19 (Juneteenth) inside: counted
        (D(2024, 6, 12), 7, None, D(2024, 6, 20)),  # ends on Juneteenth: roll to Thu
    ],
)
def test_days_after(trigger: dt.date, days: int, method: str | None, expected: dt.date) -> None:
    assert days_after(trigger, days, served_by=method).result == expected


def test_mail_days_added_after_the_roll_then_rolled_again() -> None:
    # 10 days after Wed 2024-08-21 is Sat 08-31 -> Tue 09-03 (Labor Day Mon 09-02); +3 = Fri 09-06.
    comp = days_after(D(2024, 8, 21), 10, served_by="mail")
    assert [s.date for s in comp.steps] == [D(2024, 8, 31), D(2024, 9, 3), D(2024, 9, 6)]
    # ... and a +3 landing on a weekend rolls again: Tue 2024-03-05 + 10 = Fri 03-15; +3 = Mon 03-18.
    assert days_after(D(2024, 3, 5), 10, served_by="mail").result == D(2024, 3, 18)


def test_summary_names_the_rules() -> None:
    text = summary(days_after(D(2024, 3, 1), 10, served_by="electronic", trigger_event="letter served"))
    assert text.startswith("Mon 2024-03-11: letter served 2024-03-01;")
    assert "[FRCP 6(a)(1)]" in text and "no days added for electronic service [FRCP 6(d)]" in text


def test_negative_period_refused() -> None:
    with pytest.raises(ValueError):
        days_after(D(2024, 1, 1), -1)


def test_fax_adds_no_days_since_2016_but_overnight_courier_does() -> None:
    # Fax is service by other electronic means (FRCP 5(b)(2)(E)); 6(d) lists only (C), (D) and (F).
    fax = days_after(D(2024, 3, 1), 10, served_by="fax")
    assert fax.result == D(2024, 3, 11)
    assert "fax" in fax.steps[-1].text and "no days added" in fax.steps[-1].text
    assert days_after(D(2024, 3, 1), 10, served_by="overnight").result == D(2024, 3, 14)


def test_state_holidays_end_no_period_after_an_event() -> None:
    from filelint.plugins import load_plugins

    state = load_plugins(autoload=False).state_holidays["CA"]  # registered by the california pack
    # 7 days after Mon 2025-03-24 is Mon 03-31, Cesar Chavez Day: open federal courts, a California holiday.
    assert days_after(D(2025, 3, 24), 7).result == D(2025, 3, 31)
    comp = days_after(D(2025, 3, 24), 7, state=state)
    assert comp.result == D(2025, 4, 1) and "6(a)(6)(C)" in comp.steps[-1].authority
    # Lincoln Day, Wed 2025-02-12.
    assert days_after(D(2025, 2, 5), 7, state=state).result == D(2025, 2, 13)
    # Executive-order closures stay uncertain federal days, not state holidays (counted, with a warning).
    assert days_after(D(2025, 12, 17), 7, state=state).result == D(2025, 12, 24)


def test_backward_count_moves_to_the_day_before() -> None:
    # FRCP 6(a)(5): 14 days before Mon 2024-06-03 is Mon 05-20 (a court day); 14 days before Tue 2024-06-11
    # is Tue 05-28; 7 days before Mon 2024-06-03 is Mon 05-27, Memorial Day: back to Fri 05-24.
    assert days_before(D(2024, 6, 3), 14).result == D(2024, 5, 20)
    assert days_before(D(2024, 6, 11), 14).result == D(2024, 5, 28)
    comp = days_before(D(2024, 6, 3), 7)
    assert [s.date for s in comp.steps] == [D(2024, 5, 27), D(2024, 5, 24)]
    assert "6(a)(5)" in comp.steps[-1].authority
    # A Sunday counted back moves to the Friday before, never forward.
    assert days_before(D(2024, 3, 18), 8).result == D(2024, 3, 8)
