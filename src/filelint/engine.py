"""Run each selected rule in isolation and stamp what it yields into findings."""

from __future__ import annotations

import hashlib
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from filelint import boundary, contracts, limits
from filelint.context import Context
from filelint.findings import Finding, Location, Severity
from filelint.folder_run import FolderRun
from filelint.manifest.schema import key_path_text
from filelint.manifest.yamlload import Mark, Path_
from filelint.plugins import Plugins
from filelint.rules import Problem, Rule

#: Metadata used if a core code is somehow not registered (e.g. a blocked built-in).
_FALLBACK = ("filelint-core", Severity.ERROR, "filelint")
#: Seconds a rule's check may run before FL903 (env FILELINT_RULE_TIMEOUT; 0 turns it off).
TIMEOUT_ENV, DEFAULT_RULE_TIMEOUT = boundary.TIMEOUT_ENV, boundary.DEFAULT_TIMEOUT
#: The distribution of filelint's own packs: never isolated (--isolate-plugins is for third parties).
BUILTIN_DIST = "filelint"


def run_rules(ctx: Context, run: FolderRun) -> tuple[list[Finding], bool]:
    """Findings of every selected rule; ``True`` as second value if any rule crashed."""
    plugins, settings = run.plugins, run.settings
    findings: list[Finding] = []
    crashed = False
    if ctx.reader is not None:  # PDF reading has its own per-document limit (filelint.pdf)
        ctx.reader = _untimed(ctx.reader)
    limit = rule_timeout()
    with boundary.last_words(lambda: [_line(f) for f in findings]):
        for rule in sorted(plugins.rules.values(), key=lambda r: r.code):
            if rule.check is None or not settings.selected(rule) or not rule.applies_to(ctx.case.system):
                continue
            found, failed = _run_rule(rule, ctx, run, limit)
            findings.extend(found)
            crashed = crashed or failed
    return findings, crashed


def _line(finding: Finding) -> str:
    """``path:line:col: CODE message``, for the findings printed when a run is abandoned."""
    where = finding.location
    return f"{where.path}:{where.line}:{where.column}: {finding.code} {finding.message}"


def _run_rule(rule: Rule, ctx: Context, run: FolderRun, limit: float) -> tuple[list[Finding], bool]:
    """One rule behind the plugin boundary: its findings, and True if it did not run to the end."""
    check = rule.check
    assert check is not None
    what = f"rule {rule.code} {rule.name} (plugin {rule.plugin})"
    guard: Callable[..., boundary.Outcome] = boundary.call
    if run.settings.isolate_plugins and rule.plugin != BUILTIN_DIST:
        from filelint import isolate

        guard = isolate.call
    outcome = guard(lambda: list(check(ctx)), what=what, limit=limit)
    boundary.report_output(what, outcome.output)
    if outcome.timed_out:
        return [_timed_out(run.stamper, rule, limit)], True
    if outcome.error is not None:
        return [_crash(run.stamper, rule, outcome.error)], True
    findings: list[Finding] = []
    failed = False
    problems, rest = _capped(outcome.value)
    if rest:
        findings.append(
            run.stamper.stamp(
                "FL905",
                f"rule {rule.code} {rule.name} reported {rest} more "
                f"findings, not shown ({limits.FINDINGS_PER_RULE.says()})",
                Mark(1, 1),
            )
        )
    for problem in problems:
        error = contracts.problem_error(problem)
        if error is None:
            try:
                findings.append(stamp_problem(rule, problem, ctx, run))
            except Exception as exc:  # e.g. a document path the OS refuses (NUL, too long)
                error = f"yielded a Problem filelint could not place ({boundary.describe(exc)})"
        if error is not None:
            failed = True
            findings.append(
                run.stamper.stamp(
                    "FL902", f"rule {rule.code} ({rule.plugin}) {error}; its results are incomplete", Mark(1, 1)
                )
            )
    return findings, failed


def _capped(problems: list[Any]) -> tuple[list[Any], int]:
    """The first problems up to the per-rule cap, and how many more there were."""
    cap = limits.FINDINGS_PER_RULE.value()
    return problems[:cap], max(0, len(problems) - cap)


def rule_timeout() -> float:
    """The per-rule time limit in seconds from FILELINT_RULE_TIMEOUT (default 10; 0: none);
    raises UsageError for a value that is not a finite number of seconds."""
    return boundary.time_limit()


def _untimed(reader: Callable[[list[str]], Any]) -> Callable[[list[str]], Any]:
    """``reader`` with the rule's clocks paused while it reads papers: a rule that waits for a
    large folder's PDFs is not hanging, and each document has its own time limit."""

    def read(relpaths: list[str]) -> Any:
        with boundary.paused():
            return reader(relpaths)

    return read


def _timed_out(stamper: Stamper, rule: Rule, limit: float) -> Finding:
    return stamper.stamp(
        "FL903",
        f"rule {rule.code} {rule.name} (plugin {rule.plugin}) did not finish within "
        f"{limit:g} s and was stopped; its requirement was NOT checked",
        Mark(1, 1),
        fix=f"report this to the maintainers of {rule.plugin}; raise {TIMEOUT_ENV} "
        f"if the folder is very large; check {rule.code} by hand meanwhile",
    )


def _crash(stamper: Stamper, rule: Rule, exc: BaseException) -> Finding:
    frame = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    where = f" at {Path(frame.filename).name}:{frame.lineno}" if frame else ""
    return stamper.stamp(
        "FL900",
        f"rule {rule.code} {rule.name} (plugin {rule.plugin}) crashed: "
        f"{boundary.describe(exc)}{where}; its requirement was NOT checked",
        Mark(1, 1),
        fix=f"report this to the maintainers of {rule.plugin}; check {rule.code} by hand meanwhile",
    )


def stamp_problem(rule: Rule, problem: Problem, ctx: Context, run: FolderRun) -> Finding:
    """Turn a rule's Problem into a Finding with the rule's code, severity and authority."""
    if problem.document is not None:
        doc = ctx.folder / problem.document
        try:
            path = doc.resolve().relative_to(run.cwd.resolve()).as_posix()
        except (ValueError, OSError, RuntimeError):  # outside cwd, a NUL, a symlink loop
            path = doc.as_posix()
        location = Location(path, 1, 1, page=problem.page, key_path=key_path_text(problem.at or ()))
    else:
        mark = run.loaded.mark_for(problem.at)
        location = Location(run.shown, mark.line, mark.column, key_path=key_path_text(problem.at))
    key = problem.key or problem.communication or ",".join(problem.requests) or location.key_path
    severity = run.settings.severity_of(rule)
    if problem.confidence == "U":  # a finding resting on an unconfirmed step is never an error
        severity = min(severity, Severity.WARNING)
    return Finding(
        code=rule.code,
        rule=rule.name,
        severity=severity,
        message=one_line(problem.message),
        location=location,
        authority=rule.citation,
        fix=one_line(problem.fix or rule.fix),
        plugin=rule.plugin,
        fingerprint=_fingerprint(rule.code, ctx.case.case_number, key, problem.document or ""),
        extra={
            "requests": list(problem.requests),
            "communication": problem.communication,
            **{k: v for k, v in problem.data.items()},
            **({"confidence": problem.confidence} if problem.confidence != "C" else {}),
        },
    )


@dataclass(frozen=True)
class Stamper:
    """Stamps the core's own findings about one manifest (manifest, waivers, plugin health): the
    loaded packs' registry names each code, ``shown`` is the manifest's path as the user sees it.
    The runner builds it before the manifest is read, so a YAML error and a rule's crash are stamped
    alike; a :class:`filelint.folder_run.FolderRun` carries it through the later stages."""

    plugins: Plugins
    shown: str

    def stamp(self, code: str, message: str, mark: Mark, *, fix: str | None = None, key_path: Path_ = ()) -> Finding:
        """A core finding, stamped from the registry by code, at ``mark`` (``key_path``: where in the
        manifest, for the fingerprint and the key path shown)."""
        rule = self.plugins.rules.get(code)
        name, severity, plugin = (rule.name, rule.severity, rule.plugin) if rule else _FALLBACK
        where = key_path_text(key_path)
        return Finding(
            code=code,
            rule=name,
            severity=severity,
            message=one_line(message),
            location=Location(self.shown, mark.line, mark.column, key_path=where),
            authority=rule.citation if rule else "filelint manifest format",
            fix=one_line(fix or (rule.fix if rule else "")),
            plugin=plugin,
            fingerprint=_fingerprint(code, self.shown, where, message if not where else ""),
        )


def one_line(text: str) -> str:
    """``text`` with control and other unprintable characters escaped (``\\r``, ``\\u2028``):
    a finding is one output line, and a manifest key such as "x\\nfake.yaml:1:1: ..." must
    not be able to forge a second one."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def _fingerprint(*parts: str) -> str:
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]
