"""``--format sarif``: SARIF 2.1.0 for code scanning and other SARIF consumers.

Rules go in ``tool.driver.rules`` with their help text and authority; each result carries a
``partialFingerprints`` entry from the finding's own fingerprint (code + case + request or
communication, never a line number), a relative artifact URI, and, when a waiver applies, an
external suppression with the waiver's reason as justification.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO
from urllib.parse import quote

from filelint import __version__
from filelint.findings import Finding, Severity
from filelint.rules import Rule

if TYPE_CHECKING:
    from filelint.plugins import Plugins
    from filelint.settings import Settings

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "filelintFingerprint/v1"


def render(findings: Sequence[Finding], plugins: Plugins, settings: Settings, out: TextIO) -> None:
    json.dump(sarif_log(findings, plugins), out, indent=2, ensure_ascii=False)
    out.write("\n")


def sarif_log(findings: Sequence[Finding], plugins: Plugins, cwd: Path | None = None) -> dict[str, Any]:
    rules = sorted(plugins.rules.values(), key=lambda r: r.code)
    index = {r.code: i for i, r in enumerate(rules)}
    base = (cwd or Path.cwd()).resolve().as_uri() + "/"
    driver = {
        "name": "filelint",
        "version": __version__,
        "semanticVersion": __version__,
        "rules": [_rule(r) for r in rules],
    }
    extensions = [
        {"name": p.distribution, "version": p.version or "0"} for p in plugins.infos if p.distribution != "filelint"
    ]
    run: dict[str, Any] = {
        "tool": {"driver": driver, **({"extensions": extensions} if extensions else {})},
        "originalUriBaseIds": {SRCROOT: {"uri": base}},
        "results": [_result(f, index) for f in findings],
        "columnKind": "unicodeCodePoints",
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def _rule(r: Rule) -> dict[str, Any]:
    from filelint.output.ruledoc import render_rule

    return {
        "id": r.code,
        "name": r.name,
        "shortDescription": {"text": r.summary},
        "fullDescription": {"text": r.why},
        "help": {"text": f"{r.summary}\n\nFix: {r.fix}\n\nAuthority: {r.citation}", "markdown": render_rule(r)},
        "defaultConfiguration": {"level": LEVEL[r.severity]},
        "properties": {
            "authority": [{"citation": a.citation, "confidence": a.confidence} for a in r.authority],
            "plugin": r.plugin,
            "tags": [r.plugin or "filelint"],
        },
    }


def _result(f: Finding, index: dict[str, int]) -> dict[str, Any]:
    loc = f.location
    physical: dict[str, Any] = {
        "artifactLocation": _artifact(loc.path),
        "region": {"startLine": loc.line, "startColumn": loc.column},
    }
    result: dict[str, Any] = {
        "ruleId": f.code,
        "level": LEVEL[f.severity],
        "message": {"text": f.message + (f" (page {loc.page})" if loc.page else "")},
        "locations": [{"physicalLocation": physical}],
        "partialFingerprints": {FINGERPRINT_KEY: f.fingerprint},
        "properties": {
            "authority": f.authority,
            "fix": f.fix,
            "page": loc.page,
            "keyPath": loc.key_path,
            "rule": f.rule,
        },
        "suppressions": (
            [{"kind": "external", "status": "accepted", "justification": f.waived}] if f.waived is not None else []
        ),
    }
    if f.code in index:
        result["ruleIndex"] = index[f.code]
    return result


def _artifact(path: str) -> dict[str, Any]:
    """Relative to %SRCROOT% (the working directory) when the path is relative."""
    if Path(path).is_absolute():
        return {"uri": Path(path).as_uri()}
    return {"uri": quote(path), "uriBaseId": SRCROOT}
