"""Court-neutral deadline arithmetic with a step-by-step trace.

A :class:`Computation` records the trigger, every step (the date reached, what was done and the
authority for it) and, where the law is read two ways, the later ``alternative`` with its steps.
Packs build their jurisdiction's periods from these pieces (the California pack's
``timecalc`` for the CCP, the federal pack's for FRCP 6), so findings and ``filelint deadlines``
explain every date the same way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from .calendar import CourtCalendar

# --------------------------------------------------------------------------- data types


#: Confidence tags, weakest first: U unconfirmed, S secondary source, C confirmed in the text.
CONFIDENCE_ORDER = ("U", "S", "C")


def weakest(tags: Iterable[str]) -> str:
    """The weakest of confidence tags (C when there are none)."""
    found = set(tags)
    return next((t for t in CONFIDENCE_ORDER if t in found), "C")


@dataclass(frozen=True)
class Step:
    """One step of a computation: the date reached, what was done, the authority for it, and how
    sure that authority is (C confirmed in the text, S secondary source, U unconfirmed)."""

    date: dt.date
    text: str
    authority: str
    confidence: str = "C"


@dataclass(frozen=True)
class Computation:
    """A traced deadline computation.

    ``result`` is the safe date: the earliest date any reading gives. ``alternative`` is the later
    reading, with ``alternative_note`` and ``alternative_steps`` explaining it; when
    ``alternative_is_legal`` it is the legal last day (the better reading, e.g. roll-then-add under
    Henry v. Young, or a backward count without an unconfirmed move) and ``result`` only the
    filer's safe date. ``uncertain`` lists days inside the computed span that were counted as court
    days although sources disagree (e.g. executive-order closures).

    Another party's act is late only after ``latest``; a finding that holds only between
    ``result`` and ``latest`` rests on the earlier reading and is a warning.
    """

    trigger: dt.date
    trigger_event: str
    steps: tuple[Step, ...]
    result: dt.date
    alternative: dt.date | None = None
    alternative_note: str | None = None
    alternative_steps: tuple[Step, ...] = ()
    uncertain: tuple[tuple[dt.date, str], ...] = ()
    alternative_is_legal: bool = False

    @property
    def latest(self) -> dt.date:
        """The later of ``result`` and ``alternative``: past it, every reading says late."""
        return self.alternative if self.alternative is not None else self.result

    @property
    def legal(self) -> dt.date:
        """The legal last day: the better reading where two are kept, else ``result``."""
        return self.latest if self.alternative_is_legal else self.result

    @property
    def safe(self) -> dt.date:
        """The filer's safe date: the earliest reading."""
        return self.result

    @property
    def confidence(self) -> str:
        """The weakest confidence of the steps that reach ``result``."""
        return weakest(s.confidence for s in self.steps)

    @property
    def latest_confidence(self) -> str:
        """The weakest confidence of the steps that reach ``latest`` (what an error may rest on)."""
        steps = self.alternative_steps if self.alternative is not None else self.steps
        return weakest(s.confidence for s in steps)

    def explain(self) -> list[str]:
        """Human-readable lines: trigger, numbered steps, result, alternative and warnings."""
        lines = [f"Trigger: {fmt_date(self.trigger)} ({self.trigger_event})"]
        lines += [step_line(str(i), s) for i, s in enumerate(self.steps, 1)]
        if self.alternative is not None and self.alternative_is_legal:
            lines.append(f"Safe date: {fmt_date(self.result)} (the earlier reading)")
            lines.append(f"Legal last day: {fmt_date(self.alternative)}: {self.alternative_note}")
            lines += ["  " + step_line(f"legal {i}", s) for i, s in enumerate(self.alternative_steps, 1)]
            return lines + self._warnings()
        lines.append(f"Result: {fmt_date(self.result)}")
        if self.alternative is not None:
            lines.append(f"Alternative: {fmt_date(self.alternative)}: {self.alternative_note}")
            lines += ["  " + step_line(f"alt {i}", s) for i, s in enumerate(self.alternative_steps, 1)]
        return lines + self._warnings()

    def _warnings(self) -> list[str]:
        return [
            f"Warning: {fmt_date(d)} was counted as a court day, but {name} (sources disagree whether it counts)"
            for d, name in self.uncertain
        ]


# --------------------------------------------------------------------------- formatting


def fmt_date(d: dt.date) -> str:
    """``Tue 2025-06-17``."""
    return f"{d:%a} {d.isoformat()}"


def ordinal(n: int) -> str:
    """``1st``, ``2nd``, ``45th``, ``111th``."""
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


def step_line(label: str, step: Step) -> str:
    """``1. Tue 2025-06-17: text [authority]``; a step that is not confirmed says so (``[... ; U]``)."""
    tag = "" if step.confidence == "C" or f"[{step.confidence}" in step.authority else f"; {step.confidence}"
    return f"{label}. {fmt_date(step.date)}: {step.text} [{step.authority}{tag}]"


def plural_days(n: int, unit: str) -> str:
    return f"{n} {unit} day" if n == 1 else f"{n} {unit} days"


# --------------------------------------------------------------------------- building blocks


def skipped_days(start: dt.date, end: dt.date, cal: CourtCalendar) -> str:
    """The non-court days from ``start`` towards ``end`` (exclusive), with their reasons."""
    step = dt.timedelta(days=1 if end >= start else -1)
    parts = []
    d = start
    while d != end:
        parts.append(f"{fmt_date(d)} ({cal.holiday_name(d)})")
        d += step
    return ", ".join(parts)


def roll_forward_step(d: dt.date, cal: CourtCalendar, authority: str) -> Step | None:
    """Step moving a non-court last day to the next court day (e.g. CCP 12a, FRCP 6(a)(1)(C)), or None."""
    if cal.is_court_day(d):
        return None
    nxt = cal.next_court_day(d)
    text = f"not a court day: {skipped_days(d, nxt, cal)}; extended to the next court day"
    return Step(nxt, text, authority)


def uncertain_in(cal: CourtCalendar, dates: list[dt.date]) -> tuple[tuple[dt.date, str], ...]:
    return tuple(cal.uncertain_between(min(dates), max(dates)))


def build_computation(
    cal: CourtCalendar,
    trigger: dt.date,
    trigger_event: str,
    steps: list[Step],
    alternative: dt.date | None = None,
    alternative_note: str | None = None,
    alternative_steps: tuple[Step, ...] = (),
    *,
    alternative_is_legal: bool = False,
) -> Computation:
    """Assemble a Computation whose result is the last step's date."""
    span = [trigger, *(s.date for s in steps), *(s.date for s in alternative_steps)]
    return Computation(
        trigger=trigger,
        trigger_event=trigger_event,
        steps=tuple(steps),
        result=steps[-1].date,
        alternative=alternative,
        alternative_note=alternative_note,
        alternative_steps=alternative_steps,
        uncertain=uncertain_in(cal, span),
        alternative_is_legal=alternative_is_legal,
    )


def require_non_negative(name: str, value: int) -> None:
    if value < 0:
        raise ValueError(f"{name} must be >= 0, got {value}")
