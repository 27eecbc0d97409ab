"""Real rulings as tests: ``tests/realcases/<ruling>[-c<n>]/{filelint.yaml,expect.yaml}``.

Each folder is one motion a court ruled on (the principal motion, or a companion with its own
expectation): the court's facts, and in ``expect.yaml`` what it decided and the ``citation`` of the
ruling (court, department, case number, date), never the ruling's text. For every ``fires`` entry
the mapped rule must report an error (a warning is enough for ``judgment: true``, or where
``warning_by_design`` says why the rule is a warning); where ``requests`` are plain numbers, the
findings must name them. For every ``silent`` entry the mapped rule must report no error. A check
whose code is not registered fails (never a silent skip). An entry's ``code`` names the rule where
the check's usual rule is not the one that reads the defect (Richard R. v. Doe 1: the statement
exists, but leaves out an offer). A ``gap`` entry is a known limit of the rules: it is expected to
fail (strict xfail), so the test flips to a failure once a rule covers it and the gap can be
removed. Papers a folder carries are built by ``realcases/make_papers.py`` from what the ruling
states. ``realcases/heldout/<case number>/`` holds rulings the rules were not written from (the
held-out measure, described in its README.md): the same layout, run the same way.
"""

from __future__ import annotations

import datetime as dt
import importlib
import re
import sys
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from filelint.findings import Finding, Severity
from filelint.plugins import Plugins, load_plugins
from filelint.runner import lint_folder
from filelint.settings import Settings

CASES = Path(__file__).parent / "realcases"
#: Rulings measured after the rules were written: one folder per ruling, by case number.
HELDOUT = CASES / "heldout"
#: The federal pack is a separate distribution; load it from the checkout when it is not installed.
FEDERAL_SRC = Path(__file__).resolve().parents[1] / "plugins" / "filelint-federal" / "src"
TODAY = dt.date(2026, 11, 28)
#: Check names used in expect.yaml -> rule codes.
CHECK_CODES = {
    "mc-declaration": "CAL001",
    "mc-coverage": "CAL002",
    "offer-unanswered": "CAL003",
    "mc-adequacy": "CAL004",
    "separate-statement": "CAL201",
    "wrong-motion": "CAL301",
    "idc": "CAL401",
    "deadline-45": "CAL101",
    "deadline-60": "CAL104",
    "notice-period": "CAL105",
    "fed-conferral": "FED101",
    "motion-cutoff": "CAL107",
    "initial-after-responses": "CAL302",
    "deemed-admitted": "CAL305",
    "deposition-prerequisites": "CAL304",
    "one-motion-per-device": "CAL308",
    "protective-order-own-discovery": "CAL303",
    "joint-stipulation": "FED203",
    "joint-statement": "FED501",
}


def _expect(folder: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((folder / "expect.yaml").read_text("utf-8"))
    return data


def _folders() -> list[Path]:
    """Every case folder: the rulings the rules were written from, then the held-out ones."""
    return [p for base in (CASES, HELDOUT) for p in sorted(base.iterdir()) if p.is_dir() and p != HELDOUT]


def _name(folder: Path) -> str:
    return folder.relative_to(CASES).as_posix()


def _params() -> list[Any]:
    out = []
    for folder in (p for p in _folders() if (p / "expect.yaml").is_file()):
        exp = _expect(folder)
        for kind in ("fires", "silent"):
            for i, entry in enumerate(exp.get(kind) or []):
                marks = []
                if entry.get("gap"):
                    marks.append(pytest.mark.xfail(strict=True, reason=entry["gap"]))
                pid = f"{_name(folder)}-{kind}-{entry['check']}" + (f"-{i}" if i else "")
                out.append(pytest.param(_name(folder), kind, entry, id=pid, marks=marks))
    return out


def _federal_pack() -> list[object]:
    """The federal pack's plugin module; none if it cannot be found (its checks then fail)."""
    try:
        return [importlib.import_module("filelint_federal.plugin")]
    except ImportError:
        if FEDERAL_SRC.is_dir() and str(FEDERAL_SRC) not in sys.path:
            sys.path.append(str(FEDERAL_SRC))
            return _federal_pack()
        return []


@cache
def _plugins() -> Plugins:
    loaded = load_plugins(autoload=False, extra=_federal_pack())
    assert not loaded.errors, loaded.errors
    return loaded


@cache
def _findings(name: str) -> tuple[Finding, ...]:
    folder = CASES / name
    result = lint_folder(folder, _plugins(), Settings(today=TODAY), cwd=folder)
    return tuple(result.findings)


def _code(check: str, override: str | None = None) -> str:
    assert override or check in CHECK_CODES, f"check {check!r} has no mapped rule code"
    code = override or CHECK_CODES[check]
    assert code in _plugins().rules, f"{check} maps to {code}, which is not registered"
    return code


def _show(findings: list[Finding]) -> str:
    return "\n".join(f"  {f.severity} {f.code} {f.message}" for f in findings) or "  (none)"


@pytest.mark.parametrize(("name", "kind", "entry"), _params())
def test_real_case(name: str, kind: str, entry: dict[str, Any]) -> None:
    code = _code(entry["check"], entry.get("code"))
    mine = [f for f in _findings(name) if f.code == code]
    errors = [f for f in mine if f.severity >= Severity.ERROR]
    if kind == "silent":
        assert not errors, f"{name}: {code} must not report an error ({entry['check']}):\n{_show(errors)}"
        return
    lenient = entry.get("judgment") or entry.get("warning_by_design")
    floor = Severity.WARNING if lenient else Severity.ERROR
    hits = [f for f in mine if f.severity >= floor]
    assert hits, (
        f"{name}: {code} must report {'at least a warning' if lenient else 'an error'} "
        f"({entry['check']}: {entry.get('detail', '')})\ngot:\n{_show(mine)}"
    )
    for req in entry.get("requests") or []:
        if isinstance(req, int) or (isinstance(req, str) and req.replace(".", "").isdigit()):
            named = any(str(req) in f.extra.get("requests", []) for f in hits)
            assert named, f"{name}: {code} findings do not name request {req}:\n{_show(hits)}"


def test_every_case_folder_has_a_manifest_and_an_expectation() -> None:
    folders = _folders()
    assert folders and any(p.parent == HELDOUT for p in folders)
    for folder in folders:
        assert (folder / "filelint.yaml").is_file() and (folder / "expect.yaml").is_file(), folder


def test_manifests_are_valid() -> None:
    """A manifest the schema refuses would make every expectation meaningless."""
    bad = {}
    for folder in _folders():
        schema = [f for f in _findings(_name(folder)) if f.code in ("FL001", "FL002", "FL003", "FL004")]
        if schema:
            bad[_name(folder)] = _show(schema)
    assert not bad, bad


def test_no_effort_warning_where_a_court_found_the_meet_and_confer_sufficient() -> None:
    """``silent`` checks errors only; CAL004 is a warning, so its noise is checked here: where a
    court found the meet and confer sufficient (``silent: mc-adequacy``), not even a warning."""
    folders = [
        _name(p)
        for p in _folders()
        if (p / "expect.yaml").is_file() and any(e["check"] == "mc-adequacy" for e in _expect(p).get("silent") or [])
    ]
    assert folders, "no real case records a sufficient meet and confer"
    noisy = {name: _show([f for f in _findings(name) if f.code == "CAL004"]) for name in folders}
    assert not {k: v for k, v in noisy.items() if v != "  (none)"}, noisy


#: "<court> No. <number>, Dept. <n>, <Mon. d, yyyy>" or a federal "<district> No. <number>, <date>".
CITATION = re.compile(
    r"\((?:S\.F\.|L\.A\.|San Diego) Super\. Ct\. No\. [\w-]+, Dept\. [\w-]+, "
    r"[A-Z][a-z]+\.? \d{1,2}(?: and [A-Z][a-z]+\.? \d{1,2})?, \d{4}\)"
    r"|^L\.A\. Super\. Ct\. No\. \w+ \(Dept\. \d+, [A-Z][a-z]+\.? \d{1,2}, \d{4}\)$"
    r"|\((?:E\.D\. Mich\.|C\.D\. Cal\.|E\.D\. Cal\.|N\.D\. Cal\.) No\. [\w:-]+, [A-Z][a-z]+\.? \d{1,2}, \d{4}\)"
)


def test_every_case_cites_its_ruling_by_court_department_number_and_date() -> None:
    """The folders stand on their own: a reader finds the ruling from the citation alone."""
    for folder in (p for p in _folders() if (p / "expect.yaml").is_file()):
        citation = _expect(folder).get("citation", "")
        assert CITATION.search(citation), (_name(folder), citation)
        assert (folder / "filelint.yaml").read_text("utf-8").startswith(f"# Real case: {citation}."), _name(folder)
