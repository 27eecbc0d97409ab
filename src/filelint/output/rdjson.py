"""``--format rdjson``: the Reviewdog Diagnostic Format (``reviewdog -f=rdjson``).

Shape (reviewdog's proto/rdf/jsonschema/DiagnosticResult.jsonschema): ``source``, an overall
``severity`` and ``diagnostics``, each with ``message``, ``location.path``,
``location.range.start.{line,column}``, ``severity`` (ERROR, WARNING, INFO) and ``code.value``.
Waived findings are left out: reviewdog would post them as comments.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TextIO

from filelint.findings import Finding, Severity

if TYPE_CHECKING:
    from filelint.plugins import Plugins
    from filelint.settings import Settings

SEVERITY = {Severity.ERROR: "ERROR", Severity.WARNING: "WARNING", Severity.INFO: "INFO"}


def render(findings: Sequence[Finding], plugins: Plugins, settings: Settings, out: TextIO) -> None:
    active = [f for f in findings if f.waived is None]
    worst = max((f.severity for f in active), default=Severity.INFO)
    data = {"source": {"name": "filelint"}, "severity": SEVERITY[worst], "diagnostics": [diagnostic(f) for f in active]}
    json.dump(data, out, indent=2, ensure_ascii=False)
    out.write("\n")


def diagnostic(f: Finding) -> dict[str, Any]:
    loc = f.location
    page = f" (page {loc.page})" if loc.page else ""
    fix = f"\nfix: {f.fix}" if f.fix else ""
    return {
        "message": f"{f.message}{page} [{f.authority}]{fix}",
        "location": {"path": loc.path, "range": {"start": {"line": loc.line, "column": loc.column}}},
        "severity": SEVERITY[f.severity],
        "source": {"name": "filelint"},
        "code": {"value": f.code},
        "original_output": f"{loc.path}:{loc.line}:{loc.column}: {f.code} [{f.severity}] {f.message}",
    }
