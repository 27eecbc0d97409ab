"""``filelint deadlines --format ics``: the deadlines as an iCalendar file (RFC 5545).

One all-day event per deadline the pack computed, plus the hearing and any response date the
manifest states as extended. Dates are ``VALUE=DATE`` (no time, no zone), so a deadline is the
same day in every calendar. UIDs come from the case number and the deadline's key, so importing
the file again updates the events rather than duplicating them; ``SEQUENCE`` grows with each
export (minutes since 2020) so clients that compare it accept the update.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import TYPE_CHECKING, Any

from filelint.report.gather import LAST_DAY

if TYPE_CHECKING:
    from filelint.deadlines import Deadline, DeadlineReport
    from filelint.model import Case

#: Reminders at 9 a.m. a week before and the day before (all-day events start at midnight).
REMINDERS = (dt.timedelta(days=-7, hours=9), dt.timedelta(hours=-15))
SEQUENCE_EPOCH = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)


def uid(case_number: str, key: str) -> str:
    """Stable across exports of the same case: the same deadline keeps its UID."""
    digest = hashlib.sha256(f"{case_number}|{key}".encode()).hexdigest()[:24]
    return f"{digest}@filelint"


def calendar(case: Case, report: DeadlineReport | None, source: str, now: dt.datetime | None = None) -> bytes:
    """The iCalendar file's bytes (CRLF lines, UTF-8)."""
    from icalendar import Calendar

    stamp = now or dt.datetime.now(dt.UTC)
    cal = Calendar()
    cal.add("prodid", "-//filelint//deadlines//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", f"filelint: {case.case_number}")
    for item in _items(case, report, source):
        cal.add_component(_event(case.case_number, *item, stamp))
    data: bytes = cal.to_ical()
    return data


def _items(case: Case, report: DeadlineReport | None, source: str) -> list[tuple[str, dt.date, str, str]]:
    """(key, date, summary, description) of every event."""
    out = [
        (f"deadline:{d.key}", d.deadline, _capital(LAST_DAY.get(d.kind, d.title)), _describe(d, source))
        for d in (report.deadlines if report is not None else ())
    ]
    m = case.motion
    if m.hearing is not None:
        title = str(m.raw.get("title") or m.kind)
        out.append(("hearing", m.hearing, "Hearing", f"{title}\nhearing date stated in {source} (motion.hearing)"))
    for i, d in enumerate(case.discovery):
        if d.response_due_extended_to is not None:
            what = f"{d.device.upper()}{f' set {d.set}' if d.set else ''}"
            out.append(
                (
                    f"responses-due:{i}",
                    d.response_due_extended_to,
                    f"Responses due: {what}",
                    (f"responses to {what} due as extended: {source} (discovery[{i}].response_due_extended_to)"),
                )
            )
    return out


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _describe(d: Deadline, source: str) -> str:
    lines = [d.title, ""] + d.computation.explain()
    if d.latest != d.deadline:
        lines.append(f"Later reading: {d.latest.isoformat()} (the law is read two ways; this event is the earlier)")
    lines += list(d.notes)
    authorities = list(dict.fromkeys(s.authority for s in d.computation.steps if s.authority))
    if authorities:
        lines.append("Authority: " + "; ".join(authorities))
    lines += [f"Status: {d.act_label}: {d.status}", f"Computed by filelint from {source}. Check the computation."]
    return "\n".join(lines)


def _event(case_number: str, key: str, date: dt.date, summary: str, description: str, stamp: dt.datetime) -> Any:
    from icalendar import Alarm, Event

    ev = Event()
    ev.add("uid", uid(case_number, key))
    ev.add("dtstamp", stamp)
    ev.add("sequence", int((stamp - SEQUENCE_EPOCH).total_seconds() // 60))
    ev.add("dtstart", date)  # a date, not a datetime: VALUE=DATE, no zone
    ev.add("dtend", date + dt.timedelta(days=1))  # DTEND is exclusive
    ev.add("summary", f"{case_number}: {summary}")
    ev.add("description", description)
    ev.add("transp", "TRANSPARENT")
    ev.add("categories", ["filelint"])
    for before in REMINDERS:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", f"{case_number}: {summary} ({date.isoformat()})")
        alarm.add("trigger", before)
        ev.add_component(alarm)
    return ev
