"""Resolved settings for one run: which rules, at what severity, failing at what level."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from filelint.findings import Severity
from filelint.rules import Rule


@dataclass
class Settings:
    """Settings after merging defaults, config files and command-line flags."""

    select: list[str] = field(default_factory=lambda: ["ALL"])
    ignore: list[str] = field(default_factory=list)
    extend_select: list[str] = field(default_factory=list)
    extend_ignore: list[str] = field(default_factory=list)
    per_path_ignores: dict[str, list[str]] = field(default_factory=dict)
    exclude: list[str] = field(default_factory=list)  # folder names or globs the walk skips
    severity: dict[str, Severity] = field(default_factory=dict)
    fail_on: Severity = Severity.ERROR
    exit_zero: bool = False
    output_format: str = "concise"
    show_waived: bool = False
    statistics: bool = False
    quiet: bool = False  # findings only: no summary line
    verbose: bool = False  # -v: tracebacks, and the YAML parser's own words
    color: str = "auto"  # auto | always | never (filelint.output.color)
    jobs: int = 1
    pdf_backend: str = "auto"  # auto (pdfium when installed) | pdfium | pdfminer
    cache_dir: str | None = None
    no_cache: bool = False
    today: dt.date | None = None
    isolate_plugins: bool = False  # run third-party rules in a child process (filelint.isolate)
    disable_packs: list[str] = field(default_factory=list)  # packs not to load (never an essential one)
    sources: dict[str, str] = field(default_factory=dict)
    config_path: Path | None = None  # the closest configuration file, if any

    def selected(self, rule: Rule) -> bool:
        """ruff's model: the most specific matching selector wins; ignore beats select."""
        chosen = _best(rule, self.select + self.extend_select)
        dropped = _best(rule, self.ignore + self.extend_ignore)
        if chosen < 0:
            return False
        return dropped < chosen

    def severity_of(self, rule: Rule) -> Severity:
        return self.severity.get(rule.code) or self.severity.get(rule.name) or rule.severity


def _best(rule: Rule, selectors: list[str]) -> int:
    """Length of the most specific selector matching the rule, or -1."""
    best = -1
    for sel in selectors:
        key = sel.strip()
        if key.upper() == "ALL":
            best = max(best, 0)
        elif key.lower() == rule.name or rule.code.startswith(key.upper()):
            best = max(best, len(key) if key.lower() != rule.name else 99)
    return best


def matches_selector(selector: str, rule: Rule) -> bool:
    """True if ``selector`` (code, prefix, name or ALL) picks ``rule``."""
    return _best(rule, [selector]) >= 0
