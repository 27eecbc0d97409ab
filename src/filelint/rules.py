"""Rules and problems: the contract between the core and every plugin.

A rule checks one requirement. It *yields* :class:`Problem` objects; the core stamps each
with the rule's code, name, severity and authority (as yamllint does), so a rule cannot
mislabel its own findings and config can change a rule's severity in one place.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from filelint.courtdays.compute import weakest
from filelint.findings import Severity

if TYPE_CHECKING:
    from filelint.context import Context

#: Published code grammar: a 2-4 letter prefix and three digits (FL001, CAL101, FED110).
CODE_RE = re.compile(r"^[A-Z]{2,4}[0-9]{3}$")
NAME_RE = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
CONFIDENCE = {"C": "confirmed in the text", "S": "secondary source", "U": "unconfirmed"}


@dataclass(frozen=True)
class Authority:
    """A citation with its confidence tag.

    C: confirmed in the primary source; S: from a secondary source; U: unconfirmed.
    """

    citation: str
    confidence: str = "C"
    note: str = ""

    def __str__(self) -> str:
        return self.citation


@dataclass(frozen=True)
class Problem:
    """What a rule yields: a message and where it is.

    ``at`` is a manifest key path such as ``("meet_and_confer", 1, "raises")``; ``document``
    and ``page`` point into a paper instead. ``key`` distinguishes findings of one rule for
    stable fingerprints (a request number, a communication id), independent of line numbers.
    """

    message: str
    at: tuple[str | int, ...] = ()
    document: str | None = None
    page: int | None = None
    fix: str | None = None
    key: str = ""
    requests: tuple[str, ...] = ()
    communication: str | None = None
    data: dict[str, object] = field(default_factory=dict, compare=False, hash=False)
    #: The weakest confidence the finding rests on: "U" when it depends on an unconfirmed step or
    #: reading, which the engine never reports above warning ([U] points never reach error).
    confidence: str = "C"


Check = Callable[["Context"], Iterable[Problem]]


@dataclass(frozen=True)
class Rule:
    """A rule's metadata and its check function. Docs follow ruff's shape."""

    code: str
    name: str
    severity: Severity
    summary: str
    why: str
    authority: tuple[Authority, ...]
    fix: str
    fail_example: str
    pass_example: str
    check: Check | None  # None: reported by the core itself while reading the manifest
    reads: tuple[str, ...] = ()
    notes: str = ""
    plugin: str = ""
    #: The court systems whose law the rule encodes (None: every system); the engine runs it only there.
    systems: frozenset[str] | None = None

    def __post_init__(self) -> None:
        if not CODE_RE.match(self.code):
            raise ValueError(f"rule code {self.code!r} does not match {CODE_RE.pattern}")
        if not NAME_RE.match(self.name):
            raise ValueError(f"rule name {self.name!r} must be kebab-case")
        if not self.authority:
            raise ValueError(f"rule {self.code} cites no authority")
        if self.systems is not None and not self.systems:
            raise ValueError(f"rule {self.code} applies to no court system; use None for every system")

    def applies_to(self, system: str) -> bool:
        """Whether the rule runs on a manifest of this court system."""
        return self.systems is None or system in self.systems

    @property
    def jurisdiction(self) -> str:
        """``every court system`` or the systems, for docs and ``filelint rule``."""
        if self.systems is None:
            return "every court system"
        return ", ".join(sorted(self.systems))

    @property
    def confidence(self) -> str:
        """The weakest confidence tag among the rule's authorities (C, S or U)."""
        return weakest(a.confidence for a in self.authority)

    @property
    def prefix(self) -> str:
        return self.code.rstrip("0123456789")

    @property
    def citation(self) -> str:
        return "; ".join(a.citation for a in self.authority)


def rule(
    code: str,
    name: str,
    severity: Severity | str,
    *,
    summary: str,
    why: str,
    authority: Iterable[Authority | str],
    fix: str,
    fail_example: str,
    pass_example: str,
    reads: Iterable[str] = (),
    notes: str = "",
    systems: Iterable[str] | None = None,
) -> Callable[[Check], Rule]:
    """Decorator that turns a check function into a :class:`Rule`."""

    def wrap(check: Check) -> Rule:
        return make_rule(
            code,
            name,
            severity,
            summary=summary,
            why=why,
            authority=authority,
            fix=fix,
            fail_example=fail_example,
            pass_example=pass_example,
            check=check,
            reads=reads,
            notes=notes,
            systems=systems,
        )

    return wrap


def make_rule(
    code: str,
    name: str,
    severity: Severity | str,
    *,
    summary: str,
    why: str,
    authority: Iterable[Authority | str],
    fix: str,
    fail_example: str,
    pass_example: str,
    check: Check | None,
    reads: Iterable[str] = (),
    notes: str = "",
    systems: Iterable[str] | None = None,
) -> Rule:
    """Build a :class:`Rule`, accepting plain strings for severity and citations."""
    sev = severity if isinstance(severity, Severity) else Severity.parse(severity)
    auths = tuple(a if isinstance(a, Authority) else Authority(a) for a in authority)
    return Rule(
        code=code,
        name=name,
        severity=sev,
        summary=summary,
        why=why,
        authority=auths,
        fix=fix,
        fail_example=fail_example,
        pass_example=pass_example,
        check=check,
        reads=tuple(reads),
        notes=notes,
        systems=None if systems is None else frozenset(systems),
    )
