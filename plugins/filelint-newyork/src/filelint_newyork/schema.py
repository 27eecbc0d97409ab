"""The properties this pack adds to core manifest objects (JSON Schema, draft 2020-12).

Registered through ``filelint_schema_properties``; rules read them as ``obj.extra[name]``. Conferences
themselves stay in the core ``meet_and_confer:`` list: the pack only adds what the New York affirmation
must say about each one.
"""

from __future__ import annotations

from typing import Any

TEXT: dict[str, Any] = {"type": "string", "minLength": 1}

COMMUNICATION: dict[str, dict[str, Any]] = {
    "time": {
        "type": "string",
        "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$",
        "description": "Time the conference began, 24-hour HH:MM, as the affirmation states it "
        "(22 NYCRR 202.7(c), 202.20-f(b)).",
    },
    "place": {
        **TEXT,
        "description": 'Where the consultation took place, e.g. "by telephone" or "offices of '
        'Smith & Jones LLP, 100 Broad St." (22 NYCRR 202.7(c)).',
    },
    "participants": {
        "type": "array",
        "minItems": 1,
        "items": TEXT,
        "description": "Each person who took part (22 NYCRR 202.20-f(b)).",
    },
    "duration_minutes": {
        "type": "integer",
        "minimum": 1,
        "description": "How long the conference lasted, in minutes (22 NYCRR 202.20-f(b)).",
    },
    "issues_discussed": {
        **TEXT,
        "description": "The issues discussed, as the affirmation states them (22 NYCRR 202.7(c)).",
    },
    "resolution": {**TEXT, "description": 'Any resolution reached, or "none" (22 NYCRR 202.7(c)).'},
}

CONFERRAL_EXCUSE: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["reason", "statement"],
    "description": "Why no conference was held, as the affirmation states it (22 NYCRR 202.7(c), 202.20-f(b)).",
    "properties": {
        "reason": {
            "enum": ["opponent-refused", "good-cause", "exigent"],
            "description": "opponent-refused: the other side unreasonably failed or refused to confer "
            "(202.20-f(b)); good-cause: good cause why no conferral was held (202.7(c)); "
            "exigent: exigent circumstances (202.20-f(b)).",
        },
        "statement": {**TEXT, "description": "The efforts made and the responses received, or the cause."},
    },
}

MOTION: dict[str, dict[str, Any]] = {
    "answering_papers_demanded": {
        "type": "boolean",
        "description": "The notice of motion demands answering papers 7 days before the return date (CPLR 2214(b)).",
    },
    "relates_to_disclosure": {
        "type": "boolean",
        "description": "For motion.kind other: the motion relates to disclosure or a bill of particulars "
        "(22 NYCRR 202.7(a)).",
    },
    "conferral_excuse": CONFERRAL_EXCUSE,
}

PAPER: dict[str, dict[str, Any]] = {
    "good_faith_affirmation": {
        "type": "boolean",
        "description": "This paper (e.g. counsel's affirmation in support) contains the affirmation of good faith "
        "(22 NYCRR 202.7(a)(2), (c)).",
    },
}

PROPERTIES: dict[str, dict[str, dict[str, Any]]] = {"communication": COMMUNICATION, "motion": MOTION, "paper": PAPER}
