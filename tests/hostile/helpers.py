"""Helpers for the hostile-input tests: run the real CLI on a folder and check its output."""

from __future__ import annotations

import re
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from filelint.cli import main

HERE = Path(__file__).parent
TODAY = "2026-11-28"
#: One finding per line, always ``path:line:col: CODE message [authority]`` (or the summary line).
FINDING = re.compile(
    r"^(?P<path>[^:\n]+):(?P<line>\d+):(?P<col>\d+): (?P<code>[A-Z]{2,4}\d{3}) "
    r"\[(?P<severity>error|warning|info)\] (?P<msg>.+)$"
)
SUMMARY = re.compile(r"^(Found \d+ problems? \(.*\)\.|All checks passed\..*)$")
#: A generous bound per run, not a benchmark: a run that takes this long is hanging.
SLOW = 5.0


@dataclass
class Run:
    code: int
    out: str
    err: str
    seconds: float

    def findings(self) -> list[re.Match[str]]:
        return [m for m in map(FINDING.match, self.out.splitlines()) if m]

    def assert_clean_output(self) -> None:
        """No traceback anywhere; every stdout line is a finding or the summary."""
        for text in (self.out, self.err):
            assert "Traceback" not in text, text
            assert "internal error" not in text, text
        for line in self.out.splitlines():
            assert FINDING.match(line) or SUMMARY.match(line), f"not a finding line: {line!r}"


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> Run:
    """``filelint.cli.main`` in-process, with stdout and stderr captured."""
    capsys.readouterr()
    start = time.perf_counter()
    code = main(list(args))
    seconds = time.perf_counter() - start
    captured = capsys.readouterr()
    return Run(code, captured.out, captured.err, seconds)


def make_folder(root: Path, manifest: bytes | str | Path, name: str = "case") -> Path:
    """A motion folder ``root/name`` holding ``manifest`` as its filelint.yaml."""
    folder = root / name
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "filelint.yaml"
    if isinstance(manifest, Path):
        shutil.copyfile(manifest, target)
    elif isinstance(manifest, bytes):
        target.write_bytes(manifest)
    else:
        target.write_text(manifest, encoding="utf-8")
    return folder


def key_paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every key path in loaded YAML data, the root's () first (a mutation picks one)."""
    out = [prefix]
    if isinstance(node, dict):
        for k, v in node.items():
            out += key_paths(v, (*prefix, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out += key_paths(v, (*prefix, i))
    return out
