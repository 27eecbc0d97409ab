"""The manifest fields only the California pack reads: added to core objects, and its `idc:` section.

Values the core also has (a date, a request list) point at the core's public definitions with
``filelint.core_ref`` (docs/writing-plugins.md, section 6), so they parse and read as in every other field.
"""

from __future__ import annotations

from typing import Any

from filelint import core_ref

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

DISCOVERY_MOTION_CUTOFF: dict[str, Any] = core_ref(
    "date",
    "The last day to hear discovery motions as the order or written stipulation in case.discovery_cutoff_order "
    "sets it (CCP 2024.050, 2024.060); CAL107 checks the hearing against it instead of the CCP 2024.020 day.",
)

DISCOVERY_CUTOFF_ORDER_DEVICES: dict[str, Any] = {
    "type": "array",
    "items": core_ref("device"),
    "minItems": 1,
    "uniqueItems": True,
    "description": "The discovery devices the order or stipulation reopens or extends discovery for (e.g. "
    "[deposition]); a motion about another device keeps the CCP 2024.020 cutoff (CAL107).",
}

CASE_TYPE: dict[str, Any] = {
    "enum": ["general-civil", "personal-injury", "unlawful-detainer", "other"],
    "description": "The kind of action; unlawful-detainer discovery motions are made on 5 days' notice (CCP 1170.8).",
}

EXPERT_DISCOVERY: dict[str, Any] = {
    "type": "boolean",
    "description": "The motion concerns discovery about a designated expert witness (CCP 2034.010 ff.): heard by "
    "the 10th day before the initial trial date, not the 15th (CCP 2024.030).",
}

SANCTIONS_DECLARATION: dict[str, Any] = {
    "type": "boolean",
    "description": "A declaration sets out the facts supporting the amount of the monetary sanction requested "
    "(CCP 2023.040).",
}

SANCTIONS_AGAINST: dict[str, Any] = {
    "type": "array",
    "items": {"type": "string"},
    "description": "Each person, party and attorney the notice names for sanctions (CCP 2023.040).",
}

SANCTIONS_TYPES: dict[str, Any] = {
    "type": "array",
    "items": {"enum": ["monetary", "issue", "evidence", "terminating", "contempt"]},
}

CONCISE_OUTLINE_ALLOWED: dict[str, Any] = {
    "type": "boolean",
    "description": "A court order allowed a concise outline instead of a separate statement.",
}

DEPOSITION: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "deponent": {"type": "string"},
        "date": core_ref("date"),
        "record_completed": core_ref("date", "When the record of the deposition was completed (CCP 2025.480(b))."),
        "record_completed_event": {"type": "string"},
        "statute": {
            "enum": ["2025.450", "2025.480"],
            "description": "2025.450: a party deponent failed to appear, proceed or produce after a deposition "
            "notice; 2025.480: a deponent refused to answer or produce at the deposition, or objected to a records "
            "subpoena.",
        },
        "appeared": {
            "type": "boolean",
            "description": "false when the deponent neither attended nor produced anything (a total non-appearance).",
        },
        "objections_served": core_ref(
            "date", "Service of the deponent's written objections to the notice or subpoena."
        ),
        "objections_method": core_ref(
            "method",
            "How the written objections were served; objections made three calendar days before the deposition "
            "must be served personally (CCP 2025.410(b)).",
        ),
        "inquiry": core_ref(
            "date", "When the moving side contacted the deponent to ask about the non-appearance (CCP 2025.450(b)(2))."
        ),
    },
}

GOOD_CAUSE: dict[str, Any] = {
    "type": "array",
    "description": "Per request, the specific facts showing good cause (CCP 2031.310(b)(1)).",
    "items": {
        "type": "object",
        "additionalProperties": False,
        "required": ["requests", "reason"],
        "properties": {"requests": core_ref("request_list"), "reason": {"type": "string"}},
    },
}

ADDITIONAL_DECLARATION: dict[str, Any] = {
    "type": "boolean",
    "description": "A declaration for additional discovery (CCP 2030.050, 2033.050) was attached to the set.",
}

LIMIT_OBJECTION: dict[str, Any] = {
    "type": "boolean",
    "description": "The response objected to the requests beyond the first 35 on the ground that the limit was "
    "exceeded (CCP 2030.030(c), 2033.030(c)).",
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
    "case": {
        "discovery_cutoff_order": DISCOVERY_CUTOFF_ORDER,
        "discovery_motion_cutoff": DISCOVERY_MOTION_CUTOFF,
        "discovery_cutoff_order_devices": DISCOVERY_CUTOFF_ORDER_DEVICES,
        "type": CASE_TYPE,
    },
    "motion": {
        "expert_discovery": EXPERT_DISCOVERY,
        "sanctions_declaration": SANCTIONS_DECLARATION,
        "sanctions_against": SANCTIONS_AGAINST,
        "sanctions_types": SANCTIONS_TYPES,
        "concise_outline_allowed": CONCISE_OUTLINE_ALLOWED,
        "deposition": DEPOSITION,
        "good_cause": GOOD_CAUSE,
    },
    "discovery": {"additional_declaration": ADDITIONAL_DECLARATION},
    "response": {"limit_objection": LIMIT_OBJECTION},
}
SECTIONS: dict[str, Any] = {"idc": IDC_SECTION}
