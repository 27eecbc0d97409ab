"""What a rule sees: the typed case, the folder, settings, calendars and the papers' text."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from filelint.model import Case

T = TypeVar("T")

if TYPE_CHECKING:
    from filelint.courtdays import CourtCalendar
    from filelint.pdf import DocumentText


@dataclass
class Context:
    """Passed to every rule's check. Reading papers is lazy: only rules that ask pay for it."""

    case: Case
    folder: Path
    manifest_path: Path
    today: dt.date
    calendars: Mapping[str, CourtCalendar] = field(default_factory=dict)
    sections: Mapping[str, Any] = field(default_factory=dict)
    reader: Any = None  # a callable(list[str]) -> dict[str, DocumentText], set by the runner
    #: ``{state: calendar}`` from every pack's ``filelint_state_holidays`` (see :meth:`state_holidays`).
    state_calendars: Mapping[str, CourtCalendar] = field(default_factory=dict)
    _documents: dict[str, DocumentText] = field(default_factory=dict)
    _derived: dict[str, Any] = field(default_factory=dict)

    def section(self, name: str) -> Any:
        """A plugin's own manifest section (``None`` when the manifest leaves it out)."""
        return self.sections.get(name)

    def calendar(self) -> CourtCalendar | None:
        """The court-day calendar for this court's system, if a plugin provides one."""
        return self.calendars.get(self.case.system)

    def state_holidays(self, state: str) -> CourtCalendar | None:
        """The legal holidays of a U.S. state (``"CA"``) as the pack that knows the state registered them
        (``filelint_state_holidays``); ``None`` when no installed pack does: say so, never pass silently."""
        return self.state_calendars.get(state)

    def derived(self, key: str, compute: Callable[[], T]) -> T:
        """A fact derived from the case, computed once per folder and shared by every rule that
        asks with the same ``key`` (prefix it with your pack's name, e.g. ``"california.deadlines"``).

        A pack's deadline report is the typical use: ten rules read it, one computes it.
        """
        if key not in self._derived:
            self._derived[key] = compute()
        value: T = self._derived[key]
        return value

    def document(self, relpath: str) -> DocumentText | None:
        """Text of a paper in the folder (``None`` if it is missing or outside the folder)."""
        if relpath not in self._documents and self.reader is not None:
            self._documents.update(self.reader([relpath]))
        return self._documents.get(relpath)

    def prefetch(self, relpaths: list[str]) -> None:
        """Read several papers at once (in parallel, when ``--jobs`` allows)."""
        todo = [p for p in relpaths if p not in self._documents]
        if todo and self.reader is not None:
            self._documents.update(self.reader(todo))
