"""The hooks a filelint plugin may implement. All are called with keyword arguments.

A plugin is any module or object whose functions carry ``@filelint.hookimpl``; a package
exposes one through the ``filelint`` entry-point group::

    [project.entry-points.filelint]
    federal = "filelint_federal.plugin"

Checking is deliberately *not* a hook: the core calls each registered rule's check on its
own, so that one crashing rule cannot hide the others (pluggy stops at the first exception).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    from filelint.courtdays import CourtCalendar
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

    ``court_system`` is the manifest's ``court.system`` (``ca-superior``, ``federal``). A key
    ``state:XX`` (``state:CA``) is a state's own legal holidays, for other packs that count them
    (FRCP 6(a)(6)(C): federal periods after an event skip the forum state's holidays).
    """
