"""Deposition items in request lists: PMQ topics, categories, document requests and questions, by
number or by name; exact matching of labels, near misses, and what a motion folder reports."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from filelint import Severity
from filelint.manifest.requests import Req, RequestListError, format_requests, parse_request_list
from filelint.plugins import load_plugins
from filelint.runner import lint_folder
from filelint.settings import Settings


def _one(value: object) -> Req:
    reqs = parse_request_list(value, "rfp")
    assert reqs is not None and len(reqs) == 1, reqs
    return reqs[0]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("topics 1-4, 7", [("topic", n, "") for n in ("1", "2", "3", "4", "7")]),
        ("PMQ topic 5", [("topic", "5", "")]),
        ("Category No. 3", [("category", "3", "")]),
        ("categories 2 and 5", [("category", "2", ""), ("category", "5", "")]),
        ("document requests 2, 14", [("request", "2", ""), ("request", "14", "")]),
        ("document demand 6", [("request", "6", "")]),
        ("question: prior accidents", [("question", "", "prior accidents")]),
        ("topic: 'vehicle maintenance records'", [("topic", "", "vehicle maintenance records")]),
        ("topic 5 (vehicle maintenance records)", [("topic", "5", "vehicle maintenance records")]),
        ("deposition: topics 2-3", [("topic", "2", ""), ("topic", "3", "")]),
        ([{"topic": "vehicle maintenance records"}], [("topic", "", "vehicle maintenance records")]),
        ([{"topic": 5, "name": "vehicle maintenance records"}], [("topic", "5", "vehicle maintenance records")]),
        ([{"category": "1-2"}], [("category", "1", ""), ("category", "2", "")]),
    ],
)
def test_item_forms(value: object, expected: list[tuple[str, str, str]]) -> None:
    reqs = parse_request_list(value, "rfp")  # a kind word makes it a deposition item whatever the default
    assert reqs is not None
    assert [(r.device, r.item, r.number, r.name) for r in reqs] == [("deposition", *e) for e in expected]


def test_plain_numbers_stay_plain_requests() -> None:
    assert parse_request_list("2, 14", "deposition") == [Req("deposition", "2"), Req("deposition", "14")]


@pytest.mark.parametrize(
    "bad",
    ["topic", "topic: ...", [{"topic": "1-3", "name": "maintenance"}], [{"topic": 1, "category": 2}], [{"name": "x"}]],
)
def test_bad_items_are_clear_errors(bad: object) -> None:
    with pytest.raises(RequestListError):
        parse_request_list(bad, "deposition")


def test_labels_match_only_when_equal_after_case_spacing_punctuation() -> None:
    motion = _one("topic: vehicle maintenance records")
    assert motion.matches(_one("topic:  Vehicle Maintenance-Records."))
    assert not motion.matches(_one("topic: maintenance records"))
    assert not motion.matches(_one("topic: vehicle maintenance record"))  # singular: a near miss, not a match
    assert not motion.matches(_one("category: vehicle maintenance records"))


def test_number_or_name_identifies_an_item() -> None:
    both = _one([{"topic": 5, "name": "vehicle maintenance records"}])
    assert both.matches(_one("topic 5")) and both.matches(_one("topic: vehicle maintenance records"))
    assert not both.matches(_one("topic 6 (vehicle maintenance records)"))  # two numbers decide
    assert not both.matches(_one("category 5"))
    assert not _one("topic 5").matches(Req("deposition", "5"))  # the letter did not say which item 5


@pytest.mark.parametrize(
    ("raised", "near"),
    [
        ("topic: maintenance records", True),
        ("topic: vehicle maintenance record", True),
        ("category: vehicle maintenance records", True),
        ("topic: driver training policies", False),
        ("topic: vehicle maintenance records", False),  # the same item: a match, not a near miss
        ("topic 5", False),
    ],
)
def test_near_miss(raised: str, near: bool) -> None:
    motion = _one("topic: vehicle maintenance records")
    assert _one(raised).near_miss(motion) is near
    assert motion.near_miss(_one(raised)) is near


def test_kind_left_out_is_a_near_miss() -> None:
    assert Req("deposition", "5").near_miss(_one("topic 5"))
    assert not _one("category 5").near_miss(_one("topic 5"))  # both kinds stated: simply another item


def test_format_and_ref() -> None:
    reqs = parse_request_list(["topics 1-4, 7", {"request": "personnel file"}, {"topic": 9, "name": "recalls"}], "rfp")
    assert reqs is not None
    assert (
        format_requests(reqs)
        == "Document request 'personnel file'; PMQ topic Nos. 1-4 and 7; PMQ topic No. 9 ('recalls')"
    )
    assert [r.ref for r in reqs][-2:] == ["request: personnel file", "topic 9"]
    assert Req("rfp", "34").ref == "34" and format_requests([Req("deposition", "2")]) == "Deposition request No. 2"


MANIFEST = """filelint: 1
court: {system: ca-superior, county: Los Angeles, department: "52"}
case: {number: 25STCV00001}
motion:
  kind: compel-deposition
  requests_at_issue: REQUESTS
  filed: 2025-05-01
  deposition: {statute: "2025.480", date: 2025-03-03, appeared: true, record_completed: 2025-03-20}
papers:
  - {role: declaration, path: decl.pdf}
meet_and_confer:
  - {id: m1, date: 2025-04-01, from: moving, channel: letter, raises: RAISES}
waivers: WAIVERS
"""


def _findings(tmp_path: Path, requests: str, raises: str, waivers: str = "[]") -> list[tuple[str, Severity, str]]:
    text = MANIFEST.replace("REQUESTS", requests).replace("RAISES", raises).replace("WAIVERS", waivers)
    (tmp_path / "filelint.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "decl.pdf").write_bytes(b"")
    result = lint_folder(tmp_path, load_plugins(autoload=False), Settings(today=dt.date(2025, 5, 2)), cwd=tmp_path)
    wanted = ("CAL002", "CAL006", "FL003", "FL030")
    return [(f.code, f.severity, f.message) for f in result.findings if f.code in wanted and f.waived is None]


def test_near_miss_is_a_warning_and_no_error(tmp_path: Path) -> None:
    found = _findings(tmp_path, '["topic: vehicle maintenance records"]', '["topic: maintenance records"]')
    assert [(code, sev) for code, sev, _ in found] == [("CAL006", Severity.WARNING)]
    assert "PMQ topic 'maintenance records'" in found[0][2]


def test_named_item_never_raised_is_an_error_naming_it(tmp_path: Path) -> None:
    found = _findings(tmp_path, '["topic: vehicle maintenance records"]', '["topic: driver training"]')
    assert [(code, sev) for code, sev, _ in found] == [("CAL002", Severity.ERROR)]
    assert found[0][2].startswith("PMQ topic 'vehicle maintenance records' is at issue, but no meet-and-confer")


def test_waiver_names_a_deposition_item(tmp_path: Path) -> None:
    waiver = (
        '[{code: CAL002, requests: ["topic: Vehicle maintenance records"], reason: "raised at the deposition itself"}]'
    )
    assert _findings(tmp_path, '["topic: vehicle maintenance records"]', '["topic: driver training"]', waiver) == []


def test_schema_refuses_two_kinds_in_one_item(tmp_path: Path) -> None:
    found = _findings(tmp_path, "[{topic: 1, category: 2}]", "[1]")
    assert [code for code, _, _ in found] == ["FL003"]


def test_named_item_with_numbered_ones_raised_asks_for_its_number(tmp_path: Path) -> None:
    found = _findings(tmp_path, '["topic: vehicle maintenance records"]', '["topics 1-4"]')
    assert [code for code, _, _ in found] == ["CAL002"]
    assert found[0][2].endswith("give it its number too ({topic: <number>, name: vehicle maintenance records})")
