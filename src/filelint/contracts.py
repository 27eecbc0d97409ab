"""Check what plugins return before the core trusts it.

Each function returns None when the value keeps the contract, or one sentence saying what is
wrong, so the caller can report it against the plugin or rule that returned it (FL901, FL902)
instead of crashing the run. They are generic on purpose: any hook that returns a Problem, a
JSON Schema fragment or a court calendar can use them.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from filelint.rules import Problem

_OPTIONAL_TEXT = ("document", "fix", "communication")


def problem_error(problem: object) -> str | None:
    """What is wrong with a rule's yielded value, or None for a well-formed Problem."""
    if not isinstance(problem, Problem):
        return f"yielded {type(problem).__name__}, not a Problem"
    if not isinstance(problem.message, str):
        return f"yielded a Problem whose message is {type(problem.message).__name__}, not text"
    if not isinstance(problem.key, str):
        return f"yielded a Problem whose key is {type(problem.key).__name__}, not text"
    for name in _OPTIONAL_TEXT:
        value = getattr(problem, name)
        if value is not None and not isinstance(value, str):
            return f"yielded a Problem whose {name} is {type(value).__name__}, not text or None"
    return _document_error(problem) or _at_error(problem) or _page_error(problem) or _collection_error(problem)


def _document_error(problem: Problem) -> str | None:
    document = problem.document
    if document is None:
        return None
    if not document or "\x00" in document or document.startswith(("/", "\\")) or ":" in document[:3]:
        return f"yielded a Problem whose document {document!r} is not a path relative to the motion folder"
    return None


def _at_error(problem: Problem) -> str | None:
    at: Any = problem.at
    if at is None and problem.document is not None:
        return None  # located in a paper, not in the manifest
    if not isinstance(at, tuple):
        return f"yielded a Problem whose `at` is {type(at).__name__}, not a tuple of keys and indexes"
    for part in at:
        if isinstance(part, bool) or not isinstance(part, (str, int)):
            return f"yielded a Problem whose `at` holds {type(part).__name__}; only keys (text) and indexes"
    return None


def _page_error(problem: Problem) -> str | None:
    page: Any = problem.page
    if page is None:
        return None
    if isinstance(page, bool) or not isinstance(page, int) or page < 1:
        return f"yielded a Problem whose page is {page!r}, not a page number (1 or more)"
    if problem.document is None:
        return "yielded a Problem with a page but no document"
    return None


def _collection_error(problem: Problem) -> str | None:
    requests: Any = problem.requests
    if not isinstance(requests, (tuple, list)) or not all(isinstance(r, str) for r in requests):
        return "yielded a Problem whose requests are not a tuple of text"
    data: Any = problem.data
    if not isinstance(data, dict) or not all(isinstance(k, str) for k in data):
        return "yielded a Problem whose data is not a mapping with text keys"
    return None


def schema_fragment_error(fragment: object, *, deep: bool = True) -> str | None:
    """What is wrong with a JSON Schema fragment a plugin contributes, or None if it is valid.
    Every ``$ref`` must name a public core definition (:mod:`filelint.manifest.coredefs`).
    ``deep=False`` checks only that and that it is a mapping (no jsonschema import: filelint's own packs,
    whose schemas the test suite checks, so that a warm run never imports jsonschema)."""
    if not isinstance(fragment, Mapping):
        return f"is {type(fragment).__name__}, not a JSON Schema mapping"
    from filelint.manifest.coredefs import ref_error

    problem = ref_error(fragment)
    if problem or not deep:
        return problem
    # A fragment checked before is remembered by its content hash in the manifest-verdict cache, so
    # an installed pack does not cost every run the jsonschema import (the pre-commit path).
    from filelint.manifest import verdict

    cache, key = _fragment_cache(), _fragment_key(fragment)
    if key is not None and verdict.known_valid(cache, key):
        return None
    from jsonschema import exceptions, validators

    try:
        validators.validator_for(fragment).check_schema(dict(fragment))
    except exceptions.SchemaError as exc:
        where = "/".join(str(p) for p in exc.absolute_path) or "the top"
        return f"is not a valid JSON Schema (at {where}: {exc.message})"
    except Exception as exc:  # a mapping jsonschema cannot even walk (unhashable keys, ...)
        return f"is not a valid JSON Schema ({type(exc).__name__})"
    if key is not None:
        verdict.remember_valid(cache, key)
    return None


def _fragment_key(fragment: Mapping[Any, Any]) -> str | None:
    """``schema-<sha256>`` of the fragment's canonical JSON; None for one JSON cannot hold."""
    import hashlib
    import json

    try:
        text = json.dumps(fragment, sort_keys=True)
    except (TypeError, ValueError):
        return None
    return "schema-" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _fragment_cache() -> Path | None:
    """The per-user cache folder when it is an absolute path (a relative one is never used)."""
    from filelint.pdf.cache import default_cache_dir

    folder = Path(default_cache_dir()).expanduser()
    return folder if folder.is_absolute() else None


def sections_error(sections: object, *, deep: bool = True) -> str | None:
    """``filelint_manifest_schema``'s return: ``{section: fragment}``."""
    if not isinstance(sections, Mapping):
        return f"filelint_manifest_schema returned {type(sections).__name__}, not a mapping"
    for name, fragment in sections.items():
        if not isinstance(name, str):
            return f"filelint_manifest_schema returned a section named {name!r}, not text"
        problem = schema_fragment_error(fragment, deep=deep)
        if problem:
            return f"manifest section {name!r} {problem}"
    return None


def properties_error(properties: object, *, deep: bool = True) -> str | None:
    """``filelint_schema_properties``'s return: ``{object: {property: fragment}}``."""
    if not isinstance(properties, Mapping):
        return f"filelint_schema_properties returned {type(properties).__name__}, not a mapping"
    for obj, props in properties.items():
        if not isinstance(obj, str) or not isinstance(props, Mapping):
            return f"filelint_schema_properties returned {obj!r}: {type(props).__name__}, not object: mapping"
        for name, fragment in props.items():
            problem = None if isinstance(name, str) else "is not named by text"
            problem = problem or schema_fragment_error(fragment, deep=deep)
            if problem:
                return f"manifest property {obj}.{name} {problem}"
    return None


def calendar_error(system: object, calendar: object) -> str | None:
    """What is wrong with one ``{court_system: calendar}`` entry, or None."""
    from filelint.courtdays import CourtCalendar

    if not isinstance(system, str) or not system:
        return f"a court system must be named by text, not {system!r}"
    if not isinstance(calendar, CourtCalendar):
        return f"the calendar for {system!r} is {type(calendar).__name__}, not a filelint.courtdays.CourtCalendar"
    return None


def state_holidays_error(states: object) -> str | None:
    """``filelint_state_holidays``'s return: ``{"CA": CourtCalendar}``."""
    from filelint.courtdays import CourtCalendar

    if not isinstance(states, Mapping):
        return f"filelint_state_holidays returned {type(states).__name__}, not a mapping"
    for state, calendar in states.items():
        if not (isinstance(state, str) and len(state) == 2 and state.isascii() and state.isupper()):
            return f"filelint_state_holidays names the state {state!r}, not a two-letter postal code like 'CA'"
        if not isinstance(calendar, CourtCalendar):
            return f"the holidays of {state} are a {type(calendar).__name__}, not a filelint.courtdays.CourtCalendar"
    return None


def calendars_error(calendars: object) -> str | None:
    """``filelint_court_calendars``'s return: ``{court_system: CourtCalendar}``."""
    if not isinstance(calendars, Mapping):
        return f"filelint_court_calendars returned {type(calendars).__name__}, not a mapping"
    return next(filter(None, (calendar_error(s, c) for s, c in calendars.items())), None)
