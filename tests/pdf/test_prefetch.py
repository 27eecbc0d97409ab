"""With --jobs above 1, every paper the manifest names is read in one parallel batch before the
rules run (one pool start); the findings are those of a one-job run."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from filelint.plugins import load_plugins
from filelint.runner import lint_folder, paper_reader
from filelint.settings import Settings

SEED = Path(__file__).resolve().parents[2] / "examples" / "palominos-cervantes-v-gm"


def _run(jobs: int) -> tuple[list[list[str]], list[tuple[str, str, int]]]:
    settings = Settings(today=dt.date(2026, 11, 28), no_cache=True, jobs=jobs)
    read = paper_reader(SEED, settings)
    calls: list[list[str]] = []

    def counting(relpaths: list[str]) -> dict[str, Any]:
        calls.append(list(relpaths))
        return read(relpaths)

    result = lint_folder(SEED, load_plugins(autoload=False), settings, cwd=SEED, reader=counting)
    return calls, sorted((f.code, f.message, f.location.line) for f in result.findings)


def test_two_jobs_read_every_named_paper_in_one_batch() -> None:
    calls, findings = _run(2)
    named = {p.relative_to(SEED).as_posix() for p in SEED.rglob("*.pdf")}
    assert len(calls) == 1 and set(calls[0]) == named
    one_job_calls, one_job_findings = _run(1)
    assert len(one_job_calls) > 1  # one job: papers are read as rules ask
    assert findings == one_job_findings
