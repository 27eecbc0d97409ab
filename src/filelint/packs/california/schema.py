"""The manifest fields only the California pack reads: added to core objects, and its `idc:` section.

Self-contained (its own date definition), so the fragments validate wherever the core puts them.
"""

from __future__ import annotations

from typing import Any

DATE: dict[str, Any] = {
    "type": "string",
    "format": "date",
    "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
    "description": "A date as YYYY-MM-DD.",
}

LIVE_CONFERENCE: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["required"],
    "description": "Whether the department's rules, a standing order or a court order require counsel to meet "
    "and confer by phone, video or in person (not only in writing).",
    "properties": {
        "required": {
            "type": "boolean",
            "description": "true if a live conference is required; CAL004 reports paper-only conferral only then.",
        },
        "basis": {
            "type": "string",
            "description": 'The rule or order that requires it, e.g. "Dept 301 order of 2025-08-26".',
        },
        "ordered_on": {
            **DATE,
            "description": "Date of a court order requiring it (e.g. on continuing the motion); "
            "a conference counts only on or after this date.",
        },
        "by": {**DATE, "description": "Date by which the order requires the conference."},
    },
}

DISCOVERY_CUTOFF_ORDER: dict[str, Any] = {
    "type": "string",
    "description": "An order or stipulation that changes the discovery motion cutoff (CCP 2024.050/2024.060).",
}

IDC_SECTION: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "description": "The informal discovery conference (IDC) some departments require before a discovery motion.",
    "properties": {
        "required": {"type": "boolean"},
        "ordered": {
            "type": "string",
            "description": "The court order that requires an IDC before the motion, in words (e.g. "
            '"minute order of 2025-03-04"): the requirement is then confirmed.',
        },
        "requested": {
            **DATE,
            "description": "When the IDC was requested (in a PI Hub court, the filing of the IDC form).",
        },
        "date": {**DATE, "description": "The date of the IDC (held or scheduled)."},
        "form_filed": {
            **DATE,
            "description": "When the moving/propounding party filed and served its IDC form (LASC CIV 239 in the "
            "LASC Personal Injury Hub courts); without it, idc.requested is read as that date (CAL406).",
        },
        "response_form_filed": {
            **DATE,
            "description": "When the opposing/responding party filed and served its responsive IDC form (CAL406).",
        },
        "held": {"type": "boolean"},
        "moving_party_appeared": {"type": "boolean"},
    },
}

PROPERTIES: dict[str, dict[str, Any]] = {
    "court": {"live_conference": LIVE_CONFERENCE},
    "case": {"discovery_cutoff_order": DISCOVERY_CUTOFF_ORDER},
}
SECTIONS: dict[str, Any] = {"idc": IDC_SECTION}
