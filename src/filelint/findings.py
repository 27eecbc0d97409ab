"""Findings: what a rule reported, stamped by the core with code, severity and authority."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any


class Severity(enum.IntEnum):
    """Ordered so that ``severity >= fail_on`` decides the exit code."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, text: str) -> Severity:
        names = {"error": cls.ERROR, "warning": cls.WARNING, "warn": cls.WARNING, "info": cls.INFO}
        try:
            return names[text.strip().lower()]
        except KeyError:
            raise ValueError(f"unknown severity {text!r}; use error, warning or info") from None

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True)
class Location:
    """Where a finding points: a manifest line/column, or a document page (line 1, col 1)."""

    path: str  # relative to the working directory, with / separators
    line: int = 1
    column: int = 1
    page: int | None = None
    key_path: str = ""  # the manifest key path, e.g. meet_and_confer[1].raises


@dataclass(frozen=True)
class Finding:
    """One reported problem. ``waived`` carries the waiver's reason when one applies."""

    code: str
    rule: str
    severity: Severity
    message: str
    location: Location
    authority: str
    fix: str
    plugin: str = "filelint"
    fingerprint: str = ""
    waived: str | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def sort_key(self) -> tuple[str, int, int, str, str]:
        loc = self.location
        return (loc.path, loc.line, loc.column, self.code, self.message)

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape that machines and tests rely on."""
        loc = self.location
        data: dict[str, Any] = {
            "code": self.code,
            "rule": self.rule,
            "severity": str(self.severity),
            "message": self.message,
            "path": loc.path,
            "line": loc.line,
            "column": loc.column,
            "page": loc.page,
            "key_path": loc.key_path,
            "authority": self.authority,
            "fix": self.fix,
            "plugin": self.plugin,
            "fingerprint": self.fingerprint,
        }
        if self.waived is not None:
            data["waived"] = True
            data["waiver_reason"] = self.waived
        if self.extra:
            data.update({k: v for k, v in self.extra.items() if k not in data})
        return data
