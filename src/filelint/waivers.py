"""Manifest ``waivers:``: reasoned, targeted, expiring suppressions of findings.

A waiver names a code and what it covers (requests, a communication, a document). It applies to
a finding of that code when every target it states matches the finding. A waiver never applies
when it is blanket (no target), expired, or names a code that is unknown or cannot be waived;
each of those, and a waiver that matched nothing, is itself a finding (FL030-FL033).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from filelint.findings import Finding
from filelint.manifest.requests import RequestListError, parse_request_list
from filelint.plugins import Plugins
from filelint.settings import Settings

if TYPE_CHECKING:
    from filelint.folder_run import FolderRun

UNUSED, EXPIRED, BLANKET, UNKNOWN = "FL030", "FL031", "FL032", "FL033"
WAIVER_CODES = (UNUSED, EXPIRED, BLANKET, UNKNOWN)


@dataclass(frozen=True)
class Waiver:
    """One entry of the manifest's ``waivers:`` list, with its position (index)."""

    index: int
    code: str
    reason: str
    requests: frozenset[str] | None = None
    communication: str | None = None
    document: str | None = None
    expires: dt.date | None = None

    @property
    def at(self) -> tuple[str | int, ...]:
        return ("waivers", self.index)

    @property
    def blanket(self) -> bool:
        return self.requests is None and self.communication is None and self.document is None


@dataclass(frozen=True)
class Scope:
    """What a waiver needs to know about the folder being checked."""

    folder: Path
    cwd: Path
    today: dt.date
    default_device: str = "rfp"


def read_waivers(data: dict[str, Any], default_device: str) -> list[Waiver]:
    """The manifest's waivers (schema-valid data: code and reason are present)."""
    out = []
    for i, raw in enumerate(data.get("waivers") or []):
        out.append(
            Waiver(
                index=i,
                code=str(raw["code"]),
                reason=str(raw["reason"]),
                requests=_numbers(raw.get("requests"), default_device),
                communication=raw.get("communication"),
                document=raw.get("document"),
                expires=_date(raw.get("expires")),
            )
        )
    return out


def _numbers(value: Any, device: str) -> frozenset[str] | None:
    if value is None:
        return None
    try:
        reqs = parse_request_list(value, device)
    except RequestListError:
        return frozenset()  # unreadable: matches nothing, so it is reported as unused
    return frozenset(r.ref for r in reqs) if reqs is not None else frozenset({"*"})


def _date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def covers(waiver: Waiver, finding: Finding, scope: Scope) -> bool:
    """True if ``waiver`` names ``finding``'s code and every target it states matches."""
    if waiver.code != finding.code or waiver.blanket:
        return False
    if waiver.requests is not None and not _covers_requests(waiver.requests, finding):
        return False
    if waiver.communication is not None and finding.extra.get("communication") != waiver.communication:
        return False
    return (
        waiver.document is None
        or _same_file(scope, waiver.document, finding.location.path)
        or _about_paper(waiver.document, finding)
    )


def _covers_requests(waived: frozenset[str], finding: Finding) -> bool:
    """Every request the finding is about is among the waived ones (``all`` covers any)."""
    about = [str(r) for r in finding.extra.get("requests") or ()]
    return bool(about) and ("*" in waived or set(about) <= waived)


def _about_paper(document: str, finding: Finding) -> bool:
    """A manifest-located finding about a paper: it names the paper as ``extra["paper"]`` (FL010,
    FL011), or its message starts with the paper's path, as the paper rules write theirs
    ("separate-statement.pdf does not mention ..."). Compared as written, normalised, never
    resolved on disk (FL011's target is not touched)."""
    wanted = os.path.normpath(document)
    paper = finding.extra.get("paper")
    if isinstance(paper, str):
        return os.path.normpath(paper) == wanted
    first = finding.message.split(" ", 1)[0].rstrip(":,;")
    return bool(first) and os.path.normpath(first) == wanted


def _same_file(scope: Scope, document: str, shown: str) -> bool:
    try:
        return (scope.folder / document).resolve() == (scope.cwd / shown).resolve()
    except (OSError, RuntimeError, ValueError):  # a symlink loop, a NUL in the name
        return False


def apply_waivers(findings: Sequence[Finding], run: FolderRun, scope: Scope) -> list[Finding]:
    """Mark waived findings and add FL030-FL033 findings about the waivers themselves."""
    plugins, settings, loaded = run.plugins, run.settings, run.loaded
    waivers = read_waivers(loaded.data, scope.default_device)
    out = list(findings)
    problems: list[Finding] = []
    for waiver in waivers:
        trouble = _invalid(waiver, plugins, scope)
        if trouble is not None:
            code, message, at, fix = trouble
            problems.append(run.stamper.stamp(code, message, loaded.mark_for(at), fix=fix, key_path=at))
            continue
        hits = [i for i, f in enumerate(out) if f.waived is None and covers(waiver, f, scope)]
        for i in hits:
            out[i] = replace(out[i], waived=waiver.reason)
        if not hits and _judged(waiver, plugins, settings):
            problems.append(
                run.stamper.stamp(
                    UNUSED,
                    _unused_message(waiver),
                    loaded.mark_for(waiver.at),
                    key_path=waiver.at,
                    fix="remove the waiver, or correct its code or targets",
                )
            )
    return out + [_restamp(f, plugins, settings) for f in problems if _selected(f.code, plugins, settings)]


def _invalid(waiver: Waiver, plugins: Plugins, scope: Scope) -> tuple[str, str, tuple[str | int, ...], str] | None:
    """Why a waiver cannot apply at all: (code, message, key path, fix), or None."""
    rule = plugins.rules.get(waiver.code)
    if rule is None:
        return (
            UNKNOWN,
            (f"waiver {waiver.index + 1} names {waiver.code}, which is not a rule of any loaded plugin"),
            (*waiver.at, "code"),
            "correct the code (`filelint rules` lists them) or install the plugin that defines it",
        )
    if rule.check is None:
        return (
            UNKNOWN,
            (
                f"waiver {waiver.index + 1} names {waiver.code} ({rule.name}), which cannot "
                "be waived: it reports a manifest or tool problem, not a filing defect"
            ),
            (*waiver.at, "code"),
            "fix the problem instead of waiving it",
        )
    if waiver.blanket:
        return (
            BLANKET,
            (
                f"waiver {waiver.index + 1} for {waiver.code} names no requests, "
                "communication or document; blanket waivers are not allowed and it was not applied"
            ),
            waiver.at,
            "add `requests:`, `communication:` or `document:` saying what it covers",
        )
    if waiver.expires is not None and waiver.expires < scope.today:
        return (
            EXPIRED,
            (
                f"waiver {waiver.index + 1} for {waiver.code} expired on {waiver.expires} "
                f"(today is {scope.today}); it no longer applies"
            ),
            (*waiver.at, "expires"),
            "review the waiver: renew `expires:` with a reason, or remove it and fix the finding",
        )
    return None


def _judged(waiver: Waiver, plugins: Plugins, settings: Settings) -> bool:
    """Only a waiver for a rule that ran can be called unused."""
    rule = plugins.rules.get(waiver.code)
    return rule is not None and settings.selected(rule)


def _selected(code: str, plugins: Plugins, settings: Settings) -> bool:
    rule = plugins.rules.get(code)
    return rule is None or settings.selected(rule)


def _restamp(finding: Finding, plugins: Plugins, settings: Settings) -> Finding:
    """``Stamper.stamp`` uses the rule's default severity; apply the configured one."""
    rule = plugins.rules.get(finding.code)
    return replace(finding, severity=settings.severity_of(rule)) if rule else finding


def _unused_message(waiver: Waiver) -> str:
    return f"waiver {waiver.index + 1} for {waiver.code}{_targets(waiver)} matches no finding; it waives nothing"


def _targets(waiver: Waiver) -> str:
    parts: list[str] = []
    if waiver.requests is not None:
        parts.append("requests " + ", ".join(sorted(waiver.requests, key=_num_key)))
    if waiver.communication is not None:
        parts.append(f"communication {waiver.communication}")
    if waiver.document is not None:
        parts.append(f"document {waiver.document}")
    return f" ({'; '.join(parts)})" if parts else ""


def _num_key(n: str) -> tuple[float, str]:
    try:
        return (float(n), n)
    except ValueError:
        return (float("inf"), n)
