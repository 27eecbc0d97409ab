"""Property-based fuzzing of whole manifests through the real CLI.

* generated manifests, valid and broken, never crash: exit 0, 1 or 2, no traceback, every
  output line a finding, and no built-in rule reports FL900/FL902/FL903 about itself;
* a valid manifest gives the same output twice;
* raising request N in one more communication never adds a CAL002 finding for N;
* moving the filing (and service) date later never removes a deadline finding (CAL101, CAL104).

Default: ~100 examples per test. HYPOTHESIS_PROFILE=fuzz runs 10,000 (see conftest.py).
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import assume, given
from hypothesis import strategies as st

from filelint.cli import main
from filelint.findings import Finding
from filelint.plugins import load_plugins
from filelint.runner import lint_folder
from filelint.settings import Settings

from .conftest import FUZZ_SETTINGS
from .helpers import FINDING, SUMMARY, key_paths

TODAY = dt.date(2026, 11, 28)
PLUGINS = load_plugins(autoload=False)
SELF_FAILURES = {"FL900", "FL902", "FL903"}
LATE_CODES = {"CAL101", "CAL104"}

DATES = st.dates(dt.date(2022, 1, 1), dt.date(2025, 12, 31))
KINDS = [
    "compel-further-rfp",
    "compel-further-srog",
    "compel-further-rfa",
    "compel-further-frog",
    "compel-initial-responses",
    "compel-deposition",
    "compel-compliance-rfp",
    "protective-order",
    "other",
]
DEVICES = ["rfp", "srog", "frog", "rfa", "rog"]
METHODS = ["personal", "mail", "mail-out-of-state", "mail-international", "electronic", "overnight", "fax"]
CHANNELS = ["letter", "email", "phone", "video", "in-person", "idc", "response", "voicemail", "text"]
OFFERS = ["supplement", "protective-order", "search-terms", "narrowing", "extension", "production", "conference"]
RESPONSE_KINDS = ["objections-only", "substantive", "hybrid", "compliance-full", "compliance-partial", "none"]
ROLES = ["notice", "memorandum", "declaration", "separate-statement", "exhibit", "proof-of-service"]
JUNK = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**12),
    st.floats(allow_nan=True),
    st.text(max_size=30),
    st.lists(st.integers(-5, 5), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
    st.sampled_from(
        [
            "2023-02-30",
            "16-13",
            "1-10000000",
            "all",
            "0",
            "-1",
            "m9",
            "../x.pdf",
            "next Tuesday",
            "13 through 16",
            "rfp:3-9",
            "xyz:1",
            "",
        ]
    ),
)


def _numbers(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 4))):
        low = draw(st.integers(1, 60))
        parts.append(f"{low}-{low + draw(st.integers(1, 5))}" if draw(st.booleans()) else str(low))
    return ", ".join(parts)


@st.composite
def valid_manifests(draw: st.DrawFn) -> dict[str, Any]:
    """A manifest the schema accepts, with varied facts."""
    filed = draw(DATES)
    kind = draw(st.sampled_from(KINDS))
    motion: dict[str, Any] = {
        "kind": kind,
        "requests_at_issue": _numbers(draw),
        "filed": str(filed),
        "served": {"date": str(filed), "method": draw(st.sampled_from(METHODS))},
        "hearing": str(filed + dt.timedelta(days=draw(st.integers(-5, 90)))),
    }
    if kind in ("compel-initial-responses", "protective-order", "other"):
        motion["device"] = draw(st.sampled_from(DEVICES))
    if kind == "compel-deposition":
        motion["deposition"] = {
            "deponent": "A. Witness",
            "date": str(filed - dt.timedelta(days=40)),
            "record_completed": str(filed - dt.timedelta(days=draw(st.integers(0, 90)))),
        }
    data: dict[str, Any] = {
        "filelint": 1,
        "court": {"system": draw(st.sampled_from(["ca-superior", "ca-superior", "other"])), "county": "Los Angeles"},
        "case": {"number": "23STCV03596"},
        "motion": motion,
    }
    if draw(st.booleans()):
        data["case"]["trial_date"] = str(filed + dt.timedelta(days=draw(st.integers(-30, 400))))
    served = filed - dt.timedelta(days=draw(st.integers(20, 150)))
    device = motion.get("device", "rfp")
    if draw(st.booleans()):
        data["discovery"] = [
            {"device": device, "set": 1, "served": str(served), "method": draw(st.sampled_from(METHODS))}
        ]
    if draw(st.booleans()):
        data["responses"] = [
            {
                "device": device,
                "set": 1,
                "kind": draw(st.sampled_from(RESPONSE_KINDS)),
                "served": str(served + dt.timedelta(days=draw(st.integers(0, 60)))),
                "method": draw(st.sampled_from(METHODS)),
                "verified": draw(st.booleans()),
            }
        ]
    communications = []
    for i in range(draw(st.integers(0, 5))):
        entry: dict[str, Any] = {
            "id": f"m{i + 1}",
            "date": str(draw(DATES)),
            "from": draw(st.sampled_from(["moving", "responding", "court"])),
            "channel": draw(st.sampled_from(CHANNELS)),
        }
        if draw(st.integers(0, 3)):
            entry["raises"] = _numbers(draw) if draw(st.integers(0, 5)) else "all"
        if i and draw(st.booleans()):
            entry["answers"] = f"m{draw(st.integers(1, i + 1))}"
        if draw(st.booleans()):
            entry["offers"] = draw(st.lists(st.sampled_from(OFFERS), max_size=2, unique=True))
        communications.append(entry)
    if communications:
        data["meet_and_confer"] = communications
    if draw(st.booleans()):
        data["papers"] = [
            {"role": role, "path": f"{role}.pdf"}
            for role in draw(st.lists(st.sampled_from(ROLES), max_size=4, unique=True))
        ]
    return data


@st.composite
def broken_manifests(draw: st.DrawFn) -> str:
    """A valid manifest with values replaced, keys dropped or added, or its text mangled."""
    data = draw(valid_manifests())
    for _ in range(draw(st.integers(1, 3))):
        paths = [p for p in key_paths(data) if p]
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent = data
        for part in path[:-1]:
            parent = parent[part]
        action = draw(st.sampled_from(["replace", "drop", "add"]))
        if action == "replace":
            parent[path[-1]] = draw(JUNK)
        elif action == "drop" and isinstance(parent, dict):
            del parent[path[-1]]
        elif isinstance(parent, dict):
            parent[draw(st.text(min_size=1, max_size=8))] = draw(JUNK)
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    if draw(st.booleans()):  # and sometimes damage the text itself
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.text(max_size=6)) + text[at + draw(st.integers(0, 4)) :]
    return text


def _run(folder: Path, text: str | bytes) -> tuple[int, str, str]:
    target = folder / "filelint.yaml"
    target.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass"))
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["check", str(folder), "--today", TODAY.isoformat(), "--no-plugins", "--no-cache"])
    return code, out.getvalue(), err.getvalue()


def _assert_sane(code: int, out: str, err: str) -> None:
    assert code in (0, 1, 2)
    assert "Traceback" not in out + err and "internal error" not in err, out + err
    for line in out.splitlines():
        match = FINDING.match(line)
        assert match or SUMMARY.match(line), line
        assert not (match and match["code"] in SELF_FAILURES), line


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@FUZZ_SETTINGS
@given(data=valid_manifests())
def test_valid_manifests_never_crash_and_are_deterministic(folder: Path, data: dict[str, Any]) -> None:
    text = yaml.safe_dump(data, sort_keys=False)
    first = _run(folder, text)
    _assert_sane(*first)
    assert first[0] in (0, 1), first[1]  # valid: the rules ran
    assert _run(folder, text) == first


@FUZZ_SETTINGS
@given(text=broken_manifests())
def test_broken_manifests_never_crash(folder: Path, text: str) -> None:
    _assert_sane(*_run(folder, text))


@FUZZ_SETTINGS
@given(raw=st.one_of(st.binary(max_size=300), st.text(max_size=300)))
def test_arbitrary_bytes_never_crash(folder: Path, raw: bytes | str) -> None:
    _assert_sane(*_run(folder, raw))


def _findings(folder: Path, data: dict[str, Any]) -> list[Finding]:
    (folder / "filelint.yaml").write_text(yaml.safe_dump(data, sort_keys=False), "utf-8")
    result = lint_folder(folder, PLUGINS, Settings(today=TODAY, no_cache=True), cwd=folder)
    assert not result.incomplete, [f.message for f in result.findings]
    return result.findings


def _cal002_for(findings: list[Finding], number: str) -> int:
    return sum(1 for f in findings if f.code == "CAL002" and number in f.extra.get("requests", []))


@FUZZ_SETTINGS
@given(data=valid_manifests(), choice=st.data())
def test_raising_a_request_never_adds_cal002_for_it(folder: Path, data: dict[str, Any], choice: st.DataObject) -> None:
    assume(data.get("meet_and_confer"))
    before = _findings(folder, data)
    case_numbers = sorted({f.extra["requests"][0] for f in before if f.code == "CAL002" and f.extra["requests"]})
    number = choice.draw(st.sampled_from(case_numbers or ["13"]))
    changed = copy.deepcopy(data)
    entry = changed["meet_and_confer"][choice.draw(st.integers(0, len(changed["meet_and_confer"]) - 1))]
    raises = entry.get("raises")
    entry["raises"] = number if raises is None else (raises if raises == "all" else f"{raises}, {number}")
    after = _findings(folder, changed)
    assert _cal002_for(after, number) <= _cal002_for(before, number)


@FUZZ_SETTINGS
@given(data=valid_manifests(), days=st.integers(1, 400))
def test_filing_later_never_removes_a_deadline_finding(folder: Path, data: dict[str, Any], days: int) -> None:
    assume(any(code in PLUGINS.rules for code in LATE_CODES))
    before = {(f.code, f.location.key_path) for f in _findings(folder, data) if f.code in LATE_CODES}
    later = copy.deepcopy(data)
    motion = later["motion"]
    motion["filed"] = str(dt.date.fromisoformat(motion["filed"]) + dt.timedelta(days=days))
    motion["served"]["date"] = motion["filed"]
    after = {(f.code, f.location.key_path) for f in _findings(folder, later) if f.code in LATE_CODES}
    assert before <= after
