"""What the manifest says about a deposition motion: which statute, a total non-appearance,
the inquiry of CCP 2025.450(b)(2). Pure helpers shared by the scope and the deposition rules."""

from __future__ import annotations

import datetime as dt
from typing import Any

from filelint import Case, Req, manifest_date

NON_APPEARANCE = "2025.450"
#: Deposition items that are documents or things to produce: the categories a notice asks the
#: deponent to bring (CCP 2025.220(a)(4)) and document requests; a plain number is a request.
#: PMQ topics (CCP 2025.230) and questions are testimony.
DOCUMENT_ITEMS = frozenset({"", "category", "request"})


def is_document_item(r: Req) -> bool:
    """A deposition item at issue that asks for documents or things (not testimony)."""
    return r.device == "deposition" and r.item in DOCUMENT_ITEMS


ANSWERS = "2025.480"
KIND = "compel-deposition"


def facts(case: Case) -> dict[str, Any]:
    """The manifest's ``motion.deposition`` mapping (empty when absent)."""
    value = case.motion.extra.get("deposition")
    return value if isinstance(value, dict) else {}


def is_deposition(case: Case) -> bool:
    return KIND in (case.motion.kind, *case.motion.also_kinds)


def statute(case: Case) -> str | None:
    """``2025.450`` or ``2025.480`` as the manifest states it; ``None`` when it does not say."""
    value = facts(case).get("statute")
    return str(value) if value in (NON_APPEARANCE, ANSWERS) else None


def _served_anything(case: Case) -> bool:
    """Objections or a response to the deposition notice, of any kind but none."""
    if facts(case).get("objections_served"):
        return True
    return any(r.device == "deposition" and r.kind != "none" for r in case.responses)


def total_non_appearance(case: Case) -> bool:
    """A CCP 2025.450 motion after the deponent neither attended nor produced nor objected."""
    return (
        is_deposition(case)
        and statute(case) == NON_APPEARANCE
        and facts(case).get("appeared") is False
        and not _served_anything(case)
    )


def inquiry_date(case: Case) -> dt.date | None:
    return manifest_date(facts(case).get("inquiry"))


def inquiry_route(case: Case) -> bool:
    """The mover relies on the inquiry declaration of CCP 2025.450(b)(2) instead of meeting and
    conferring: a total non-appearance, and an inquiry recorded on or before filing."""
    when, filed = inquiry_date(case), case.motion.filed
    return total_non_appearance(case) and when is not None and (filed is None or when <= filed)


def objections_served(case: Case) -> dt.date | None:
    """The deponent's written objections: stated, or the latest deposition response served."""
    stated = manifest_date(facts(case).get("objections_served"))
    if stated is not None:
        return stated
    served = [
        r.served
        for r in case.responses
        if r.device == "deposition" and r.served and r.kind in ("objections-only", "hybrid")
    ]
    return max(served, default=None)


def objections_method(case: Case, served: dt.date) -> str | None:
    """How the written objections served on ``served`` were served (a deposition response of
    objections on that date stating its method, or ``motion.deposition.objections_method``), or None."""
    for r in case.responses:
        if r.device == "deposition" and r.served == served and r.kind in ("objections-only", "hybrid") and r.method:
            return r.method
    f = facts(case)
    if manifest_date(f.get("objections_served")) == served and isinstance(f.get("objections_method"), str):
        return str(f["objections_method"])
    return None


def record_completion(case: Case) -> tuple[dt.date, str, bool] | None:
    """When the record of the deposition was completed (CCP 2025.480(b)), what that date is, and
    whether the reading is unconfirmed [U]. ``None`` when the manifest gives nothing to date it.

    An explicit ``record_completed`` wins. Where the deponent did not testify, written objections
    complete the record (records subpoenas: [S]); a bare non-appearance dates it only on an
    unconfirmed reading (the certificate of non-appearance), so that trigger is marked [U].
    """
    f = facts(case)
    stated = manifest_date(f.get("record_completed"))
    if stated is not None:
        return stated, str(f.get("record_completed_event") or "completion of the record of the deposition"), False
    if f.get("appeared") is True:
        return None  # testimony was taken: the record is completed with the transcript
    objected = objections_served(case)
    if objected is not None:
        return (
            objected,
            (
                "service of the deponent's written objections, which complete the record where "
                "no testimony was taken (Rutledge v. Hewlett-Packard Co. (2015) 238 Cal.App.4th "
                "1164, 1192 [S])"
            ),
            False,
        )
    missed = manifest_date(f.get("date"))
    if f.get("appeared") is False and missed is not None:
        return missed, "the deponent's non-appearance (record completed by the non-appearance [U])", True
    return None
