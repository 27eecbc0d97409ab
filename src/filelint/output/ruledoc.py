"""A rule's documentation, rendered: for `filelint rule CODE`, docs/rules.md and SARIF help text."""

from __future__ import annotations

import inspect
from typing import Any

from filelint.rules import CONFIDENCE, Rule


def rule_dict(r: Rule) -> dict[str, Any]:
    return {
        "code": r.code,
        "name": r.name,
        "severity": str(r.severity),
        "summary": r.summary,
        "why": r.why,
        "fix": r.fix,
        "plugin": r.plugin,
        "reads": list(r.reads),
        "authority": [{"citation": a.citation, "confidence": a.confidence, "note": a.note} for a in r.authority],
        "fail_example": r.fail_example,
        "pass_example": r.pass_example,
        "notes": r.notes,
        "systems": None if r.systems is None else sorted(r.systems),
        "confidence": r.confidence,
    }


def render_rule(r: Rule) -> str:
    """Markdown in ruff's shape: what it checks, why, example, fix, authority."""
    auth = "\n".join(
        f"- {a.citation} [{a.confidence}: {CONFIDENCE.get(a.confidence, '')}]" + (f" {a.note}" if a.note else "")
        for a in r.authority
    )
    notes = f"\n## Notes\n{r.notes}\n" if r.notes else ""
    return (
        f"# {r.code} {r.name} ({r.severity}, from {r.plugin})\n\n"
        f"Jurisdiction: {r.jurisdiction}. Confidence: {r.confidence} ({CONFIDENCE[r.confidence]}; the weakest "
        "of its authorities). A finding that depends on an unconfirmed [U] step is reported as a warning.\n\n"
        f"## What it checks\n{r.summary}\n\n## Why it matters\n{r.why}\n\n"
        f"## Example (fails)\n```yaml\n{r.fail_example}\n```\n\n"
        f"## Example (passes)\n```yaml\n{r.pass_example}\n```\n\n"
        f"## Fix\n{r.fix}\n\n## Authority\n{auth}\n{notes}"
    )


def defined_in(r: Rule) -> str:
    """Where the rule's check lives: ``module:line (distribution)``, for a user who wants the source."""
    check = r.check
    if check is None:
        return f"{r.plugin} (no check function: reported by the core)"
    module = getattr(check, "__module__", "?")
    try:
        line = inspect.getsourcelines(check)[1]
    except (OSError, TypeError):
        return f"{module} ({r.plugin})"
    return f"{module}:{line} ({r.plugin})"
