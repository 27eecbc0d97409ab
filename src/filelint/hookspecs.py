"""The hooks a filelint plugin may implement. All are called with keyword arguments.

A plugin is any module or object whose functions carry ``@filelint.hookimpl``; a package
exposes one through the ``filelint`` entry-point group::

    [project.entry-points.filelint]
    federal = "filelint_federal.plugin"

Checking is deliberately *not* a hook: the core calls each registered rule's check on its
own, so that one crashing rule cannot hide the others (pluggy stops at the first exception).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    from filelint.courtdays import CourtCalendar
    from filelint.deadlines import DeadlineReport
    from filelint.documents import DocumentReader
    from filelint.model import Case
    from filelint.rules import Rule

hookspec = pluggy.HookspecMarker("filelint")


@hookspec
def filelint_register_rules() -> Sequence[Rule]:  # type: ignore[empty-body]
    """Return the rules this plugin provides.

    Each :class:`filelint.rules.Rule` carries its code (prefix + 3 digits, never reused),
    kebab-case name, default severity, authority and docs. Called once at start-up.
    """


@hookspec
def filelint_manifest_schema() -> Mapping[str, Mapping[str, Any]]:  # type: ignore[empty-body]
    """Return ``{section_name: json_schema}`` for this plugin's own manifest sections.

    A section is a top-level key of the manifest (e.g. ``federal:``). It must not clash with a
    core key or another plugin's section. Its data reaches rules as ``ctx.section(name)``.
    """


@hookspec
def filelint_court_calendars() -> Mapping[str, CourtCalendar]:  # type: ignore[empty-body]
    """Return ``{court_system: calendar}`` for the court systems this plugin knows.

    ``court_system`` is the manifest's ``court.system`` (``ca-superior``, ``federal``). Registering
    a calendar is how a pack adds a court system: the schema's ``court.system`` accepts exactly the
    registered systems and ``other``. A system belongs to one pack; a second claim is a load error.
    """


#: Core objects a pack may add properties to, and where each sits in the manifest.
PROPERTY_OBJECTS = ("court", "case", "motion", "communication", "response", "paper", "discovery")


@hookspec
def filelint_schema_properties() -> Mapping[str, Mapping[str, Mapping[str, Any]]]:  # type: ignore[empty-body]
    """Return ``{object: {property: json_schema}}``: properties this pack adds to core objects.

    ``object`` is one of :data:`PROPERTY_OBJECTS` (``court``, ``case``, ``motion``,
    ``communication`` (an item of ``meet_and_confer``), ``response``, ``paper``, ``discovery``).
    A property must not clash with a core property or another pack's. Rules read the values as
    ``obj.extra[name]`` on the model objects, and ``ctx.case.court`` / ``ctx.case.raw["case"]``.
    """


@hookspec
def filelint_state_holidays() -> Mapping[str, CourtCalendar]:  # type: ignore[empty-body]
    """Return ``{state: calendar}``: the legal holidays of each U.S. state this pack knows.

    ``state`` is the two-letter postal code (``"CA"``); the calendar's holidays are the days that
    state's own law declares holidays (not only the days its courts close), each named with its
    statute. Another pack reads them without importing this one: a rule through
    ``ctx.state_holidays(state)``, a deadline report through the ``state_holidays`` argument of
    :func:`filelint_deadlines` (the federal pack counts them under FRCP 6(a)(6)(C)). A state
    belongs to one pack; a second claim is a load error.
    """


@hookspec
def filelint_deadlines(
    case: Case, calendar: CourtCalendar, today: dt.date, state_holidays: Mapping[str, CourtCalendar]
) -> DeadlineReport | None:
    """Return this pack's deadlines for ``case`` (a :class:`filelint.deadlines.DeadlineReport`), or
    ``None`` when the pack does not compute deadlines for ``case.system``.

    ``calendar`` is the court's calendar with the manifest's closures. ``state_holidays`` (optional:
    take it only if you need it) is every state's holiday calendar the installed packs registered
    (:func:`filelint_state_holidays`). ``filelint deadlines`` shows every report returned; a rule
    reads its own pack's report through ``ctx.derived`` so the computation runs once per folder.
    """


@hookspec
def filelint_document_readers() -> Sequence[DocumentReader]:  # type: ignore[empty-body]
    """Return readers for document formats filelint does not read itself.

    Each :class:`filelint.documents.DocumentReader` names its format, a cheap ``sniff(data)``
    on the file's bytes and its extractor as ``"module:function"``, run in a worker process
    under the same time limit as the PDF reader and returning a ``DocumentText`` (never
    raising). A file a built-in reader recognises never reaches a pack's reader.
    """
