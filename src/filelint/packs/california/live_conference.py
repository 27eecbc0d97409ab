"""Whether a live (phone, video or in-person) meet and confer is required, and when (CAL004).

No statute requires California counsel to confer live: CCP 2016.040 asks for a reasonable and
good-faith attempt, and letters can be enough (S.F. Super. Ct. Nos. CGC24616878,
CGC23610299, CGC13533765). A live conference is
required only where the department's rules, a standing order or a court order say so, and the
manifest states that with ``court.live_conference.required: true``. There is no table of
departments (unlike IDCs, ``data/department_rules.json``): neither the sources nor the rulings we know name
a California department whose rules require one, so a table would be empty or invented.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from filelint import Case, Communication, manifest_date

AT = ("court", "live_conference")


@dataclass(frozen=True)
class LiveRequirement:
    """A required live conference and the dates a conference must fall between."""

    basis: str
    ordered_on: dt.date | None
    end: dt.date | None

    def counts(self, message: Communication) -> bool:
        return (
            message.live
            and (self.ordered_on is None or message.date >= self.ordered_on)
            and (self.end is None or message.date <= self.end)
        )


def live_requirement(case: Case) -> LiveRequirement | None:
    """The requirement the manifest states, or ``None`` where none is stated.

    Without ``ordered_on`` (a department rule or standing order) the conference must come before
    filing. With it (a court order, e.g. on continuing the motion, The Gap, Inc. v. SVES GO, LLC) it must come on or
    after the order and by ``by``; without ``by``, by the filing when the order came first.
    """
    stated: dict[str, Any] = case.court.get("live_conference") or {}
    if stated.get("required") is not True:
        return None
    ordered_on, by = manifest_date(stated.get("ordered_on")), manifest_date(stated.get("by"))
    filed = case.motion.filed
    end = by
    if end is None and filed is not None and (ordered_on is None or ordered_on <= filed):
        end = filed
    basis = str(stated.get("basis") or "").strip()
    return LiveRequirement(basis, ordered_on, end)
