"""Caps on the work a small input can cause (a 2 KB request string naming 280,000 requests, a
2.5 GB "PDF", ``jobs = 1000``). Each cap has a default far above any real motion folder and an
environment variable that raises it; hitting one is a located finding (FL904) or a note that
names both, never silent truncation. Listed in docs/configuration.md.
"""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Limit:
    """One cap: its environment variable, default and what it counts (for messages)."""

    env: str
    default: int
    unit: str

    def value(self) -> int:
        """The cap in force; a value that is not a whole number of at least 1 is a usage error."""
        from filelint.errors import UsageError

        text = os.environ.get(self.env, "").strip()
        if not text:
            return self.default
        try:
            value = int(text)
        except ValueError:
            value = 0
        if value < 1:
            raise UsageError(
                f"{self.env}={text!r}: give a whole number of {self.unit} of at least 1 (default {self.default})"
            )
        return value

    def says(self) -> str:
        """``limit 20000 requests; set FILELINT_MAX_REQUESTS to raise it``."""
        return f"limit {self.value()} {self.unit}; set {self.env} to raise it"


REQUESTS = Limit("FILELINT_MAX_REQUESTS", 100_000, "requests")
COMMUNICATIONS = Limit("FILELINT_MAX_COMMUNICATIONS", 10_000, "communications")
MANIFEST_KB = Limit("FILELINT_MAX_MANIFEST_KB", 2048, "KiB")
PAPER_MB = Limit("FILELINT_MAX_PAPER_MB", 200, "MB")
FINDINGS_PER_RULE = Limit("FILELINT_MAX_FINDINGS_PER_RULE", 500, "findings")
JOBS = Limit("FILELINT_MAX_JOBS", 2 * (os.cpu_count() or 1), "jobs")


def check_all() -> None:
    """Read every cap once at start-up, so a bad value stops the run before any check."""
    for limit in (REQUESTS, COMMUNICATIONS, MANIFEST_KB, PAPER_MB, FINDINGS_PER_RULE, JOBS):
        limit.value()


def capped_jobs(jobs: int) -> tuple[int, str | None]:
    """``jobs`` within `JOBS` (twice the CPUs by default), and a note when it was lowered."""
    cap = JOBS.value()
    if jobs <= cap:
        return jobs, None
    return cap, (f"jobs = {jobs} is more than this machine can use; reading with {cap} ({JOBS.says()})")
