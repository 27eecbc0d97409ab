"""Run each selected rule in isolation and stamp what it yields into findings."""

from __future__ import annotations

import hashlib
import traceback
from pathlib import Path

from filelint.context import Context
from filelint.findings import Finding, Location, Severity
from filelint.manifest.schema import key_path_text
from filelint.manifest.yamlload import LoadedYaml, Mark, Path_
from filelint.plugins import Plugins
from filelint.rules import Problem, Rule
from filelint.settings import Settings

#: Metadata used if a core code is somehow not registered (e.g. a blocked built-in).
_FALLBACK = ("filelint-core", Severity.ERROR, "filelint")


def run_rules(ctx: Context, plugins: Plugins, settings: Settings, loaded: LoadedYaml,
              shown: str, cwd: Path) -> tuple[list[Finding], bool]:
    """Findings of every selected rule; ``True`` as second value if any rule crashed."""
    findings: list[Finding] = []
    crashed = False
    for rule in sorted(plugins.rules.values(), key=lambda r: r.code):
        if rule.check is None or not settings.selected(rule):
            continue
        try:
            problems = list(rule.check(ctx))
        except Exception as exc:  # isolate: one broken rule must not hide the others
            crashed = True
            findings.append(_crash(plugins, rule, exc, shown))
            continue
        for problem in problems:
            if not isinstance(problem, Problem):
                crashed = True
                findings.append(stamp(
                    plugins, "FL902", f"rule {rule.code} ({rule.plugin}) yielded "
                    f"{type(problem).__name__}, not a Problem; its results are incomplete",
                    shown, Mark(1, 1)))
                continue
            findings.append(stamp_problem(rule, problem, settings, ctx, loaded, shown, cwd))
    return findings, crashed


def _crash(plugins: Plugins, rule: Rule, exc: Exception, shown: str) -> Finding:
    frame = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    where = f" at {Path(frame.filename).name}:{frame.lineno}" if frame else ""
    return stamp(plugins, "FL900",
                 f"rule {rule.code} {rule.name} (plugin {rule.plugin}) crashed: "
                 f"{type(exc).__name__}: {exc}{where}; its requirement was NOT checked",
                 shown, Mark(1, 1),
                 fix=f"report this to the maintainers of {rule.plugin}; check "
                 f"{rule.code} by hand meanwhile")


def stamp_problem(rule: Rule, problem: Problem, settings: Settings, ctx: Context,
                  loaded: LoadedYaml, shown: str, cwd: Path) -> Finding:
    """Turn a rule's Problem into a Finding with the rule's code, severity and authority."""
    if problem.document is not None:
        doc = ctx.folder / problem.document
        try:
            path = doc.resolve().relative_to(cwd.resolve()).as_posix()
        except ValueError:
            path = doc.as_posix()
        location = Location(path, 1, 1, page=problem.page, key_path=key_path_text(problem.at))
    else:
        mark = loaded.mark_for(problem.at)
        location = Location(shown, mark.line, mark.column, key_path=key_path_text(problem.at))
    key = problem.key or problem.communication or ",".join(problem.requests) or location.key_path
    return Finding(
        code=rule.code, rule=rule.name, severity=settings.severity_of(rule),
        message=problem.message, location=location, authority=rule.citation,
        fix=problem.fix or rule.fix, plugin=rule.plugin,
        fingerprint=_fingerprint(rule.code, ctx.case.case_number, key, problem.document or ""),
        extra={"requests": list(problem.requests), "communication": problem.communication,
               **{k: v for k, v in problem.data.items()}},
    )


def stamp(plugins: Plugins, code: str, message: str, shown: str, mark: Mark, *,
          fix: str | None = None, key_path: Path_ = ()) -> Finding:
    """A core finding (manifest and plugin health), stamped from the registry by code."""
    rule = plugins.rules.get(code)
    name, severity, plugin = (rule.name, rule.severity, rule.plugin) if rule else _FALLBACK
    where = key_path_text(key_path)
    return Finding(
        code=code, rule=name, severity=severity, message=message,
        location=Location(shown, mark.line, mark.column, key_path=where),
        authority=rule.citation if rule else "filelint manifest format",
        fix=fix or (rule.fix if rule else ""), plugin=plugin,
        fingerprint=_fingerprint(code, shown, where, message if not where else ""),
    )


def _fingerprint(*parts: str) -> str:
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]
