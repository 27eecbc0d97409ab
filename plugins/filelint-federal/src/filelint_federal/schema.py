"""The pack's own manifest section, ``federal:`` (JSON Schema, draft 2020-12)."""

from __future__ import annotations

from typing import Any

DATE: dict[str, Any] = {"type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
PATH: dict[str, Any] = {"type": "string", "minLength": 1}
#: ``court.federal_district``, a property this pack adds to the core ``court`` object.
FEDERAL_DISTRICT: dict[str, Any] = {"type": "string", "description": "e.g. C.D. Cal., N.D. Cal., S.D.N.Y."}
METHOD: dict[str, Any] = {
    "enum": ["personal", "mail", "mail-out-of-state", "mail-international", "electronic", "overnight", "fax"]
}


def _obj(properties: dict[str, Any], description: str, required: tuple[str, ...] = ()) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "type": "object",
        "additionalProperties": False,
        "properties": properties,
        "description": description,
    }
    if required:
        schema["required"] = list(required)
    return schema


CERTIFICATION = _obj(
    {
        "present": {"type": "boolean", "description": "Whether the motion includes the conferral certification."},
        "file": PATH,
        "conferred_with": {"type": "string"},
        "date": DATE,
        "discussed": {"type": "string", "description": "What was discussed (who, when, what: Grays v. Mayorkas)."},
    },
    "FRCP 37(a)(1) / 26(c)(1) certification (FED101).",
)

CDCA_LETTER = _obj(
    {
        "date": DATE,
        "served": _obj(
            {"date": DATE, "method": METHOD}, "How the letter was served (FRCP 6(d) adds 3 days for mail).", ("date",)
        ),
        "names_each_issue": {"type": "boolean"},
        "states_positions": {"type": "boolean"},
        "order_terms": {"type": "boolean"},
        "file": PATH,
    },
    "C.D. Cal. L.R. 37-1 letter requesting a conference (FED201, FED202).",
    ("date",),
)

JOINT_STIPULATION = _obj(
    {
        "present": {"type": "boolean"},
        "signed_by_both": {"type": "boolean"},
        "file": PATH,
        "excused_by": {"type": "string", "description": "The judge's procedure or order replacing the stipulation."},
    },
    "C.D. Cal. L.R. 37-2 joint stipulation (FED203).",
)

JOINT_STATEMENT = _obj(
    {
        "present": {"type": "boolean"},
        "signed_by_all": {"type": "boolean", "description": "Signed by every party concerned (L.R. 251(c))."},
        "filed": {**DATE, "description": "When it was filed: at least 7 days before the hearing (L.R. 251(a))."},
        "affidavit": {
            "type": "boolean",
            "description": "The mover filed the L.R. 251(d) affidavit instead: the other side refused to confer "
            "or to sign.",
        },
        "file": PATH,
        "excused_by": {
            "type": "string",
            "description": 'The L.R. 251(e) exception or the order excusing it, e.g. "L.R. 251(e)(2): sanctions only".',
        },
    },
    "E.D. Cal. L.R. 251 Joint Statement re Discovery Disagreement (FED501).",
)

PRE_MOTION_LETTER = _obj(
    {
        "date": DATE,
        "outcome": {"enum": ["denied", "conference-held", "pending"]},
        "pages": {"type": "integer", "minimum": 1},
        "file": PATH,
    },
    "S.D.N.Y./E.D.N.Y. Local Civ. R. 37.2 letter requesting an informal conference (FED401, FED402).",
)

FEDERAL_SECTION = _obj(
    {
        "district": {"type": "string", "description": "Overrides court.federal_district, e.g. C.D. Cal."},
        "certification": CERTIFICATION,
        "cdca_letter": CDCA_LETTER,
        "cdca_opponent_failed_to_confer": {
            "type": "boolean",
            "description": "Opposing counsel failed to confer within the 10 days.",
        },
        "joint_stipulation": JOINT_STIPULATION,
        "joint_statement": JOINT_STATEMENT,
        "fact_discovery_cutoff": {
            **DATE,
            "description": "Fact-discovery cutoff set by the court (N.D. Cal. 37-3; the non-expert discovery "
            "deadline of an E.D. Cal. scheduling order, FED502).",
        },
        "pre_motion_letter": PRE_MOTION_LETTER,
        "local_rules": {
            "type": "array",
            "items": _obj(
                {"rule": {"type": "string"}, "requirement": {"type": "string"}},
                "A local rule the court applied.",
                ("rule",),
            ),
        },
    },
    "Facts for the filelint-federal pack (FED codes). Conferences themselves go under meet_and_confer.",
)
