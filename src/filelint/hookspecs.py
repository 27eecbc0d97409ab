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
    from filelint.documents import DocumentReader
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

    ``court_system`` is the manifest's ``court.system`` (``ca-superior``, ``federal``).
    """


@hookspec
def filelint_document_readers() -> Sequence[DocumentReader]:  # type: ignore[empty-body]
    """Return readers for document formats filelint does not read itself.

    Each :class:`filelint.documents.DocumentReader` names its format, a cheap ``sniff(data)``
    on the file's bytes and its extractor as ``"module:function"``, run in a worker process
    under the same time limit as the PDF reader and returning a ``DocumentText`` (never
    raising). A file a built-in reader recognises never reaches a pack's reader.
    """
