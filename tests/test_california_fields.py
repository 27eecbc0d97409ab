"""California-only manifest fields come from the California pack's schema fragment, not the core (issue 11):
the same keys and the same messages with the pack, unknown keys without it; and a pack fragment may point at
the core's public definitions (``filelint.core_ref``) but at nothing else."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from filelint import core_ref, hookimpl
from filelint.manifest.coredefs import PUBLIC_DEFS
from filelint.manifest.schema import core_schema
from filelint.plugins import load_plugins
from filelint.runner import lint_folder
from filelint.settings import Settings

TODAY = dt.date(2026, 11, 28)
#: Every field the California pack adds to core objects, at its place in the manifest.
CALIFORNIA_FIELDS = {
    "court": {"live_conference"},
    "case": {"discovery_cutoff_order", "type"},
    "motion": {
        "expert_discovery",
        "sanctions_declaration",
        "sanctions_against",
        "sanctions_types",
        "concise_outline_allowed",
        "deposition",
        "good_cause",
    },
    "discovery": {"additional_declaration"},
    "response": {"limit_objection"},
}

VALID = """\
filelint: 1
court: {system: SYSTEM}
case: {number: "24STCV10231", type: general-civil}
motion:
  kind: compel-further-rfp
  requests_at_issue: "13-16"
  sanctions_requested: true
  expert_discovery: false
  sanctions_declaration: true
  sanctions_against: [Raymond DiGiacomo]
  sanctions_types: [monetary]
  concise_outline_allowed: false
  deposition: {deponent: Raymond DiGiacomo, date: 2025-02-03, statute: "2025.450", appeared: false}
  good_cause:
    - {requests: "13-16", reason: the emails show when the defect was first reported}
discovery:
  - {device: srog, set: 1, served: 2025-01-06, additional_declaration: true}
responses:
  - {device: srog, set: 1, served: 2025-02-10, limit_objection: false}
"""

INVALID = """\
filelint: 1
court: {system: ca-superior}
case: {number: "24STCV00001", type: eviction}
motion:
  kind: compel-further-rfp
  expert_discovery: "yes please"
  sanctions_declaration: 1
  sanctions_against: Raymond DiGiacomo
  sanctions_types: [monetary, fines]
  concise_outline_allowed: "true"
  deposition: {deponent: 5, date: 2025-02-30, statute: "2025.460", appeared: no-show, inquiry: March 3, extra: 1}
  good_cause:
    - {requests: {a: 1}, reason: relevant}
    - {reason: missing requests}
discovery:
  - {device: srog, set: 1, served: 2025-01-06, additional_declaration: attached}
responses:
  - {device: srog, set: 1, served: 2025-02-10, limit_objection: 35}
"""
ALLOWED_MOTION = (
    "also_kinds, attacks_responses, cites, device, filed, hearing, kind, requests_at_issue, sanctions_requested, "
    "served, title"
)
REQUEST_LIST = (
    'Request numbers as people write them: "13-16, 34, 35", "13 through 16", a list [13, "14-16"], "all", '
    'or with a device prefix "srog:3-9". Deposition items by kind: "topics 1-4, 7", "Category No. 3", '
    '"document requests 2, 14", "topic: vehicle maintenance records", or in a list '
    "{topic: vehicle maintenance records}, {topic: 5, name: ...}."
)
DATE_FIX = "write the date as YYYY-MM-DD, e.g. 2023-08-17"


def _findings(tmp_path: Path, text: str, blocked: tuple[str, ...] = ()) -> list[tuple[str, int, int, str]]:
    (tmp_path / "filelint.yaml").write_text(text)
    plugins = load_plugins(autoload=False, blocked=list(blocked))
    result = lint_folder(tmp_path, plugins, Settings(today=TODAY), cwd=tmp_path)
    return [(f.code, f.location.line, f.location.column, f.message) for f in result.findings]


def test_the_core_schema_has_no_california_field() -> None:
    from filelint.manifest.schema import core_property_names

    for obj, names in CALIFORNIA_FIELDS.items():
        assert not names & core_property_names(obj), obj
    pack = load_plugins(autoload=False).properties
    assert {obj: set(props) for obj, props in pack.items() if obj in CALIFORNIA_FIELDS} == CALIFORNIA_FIELDS


def test_with_the_pack_the_fields_are_valid(tmp_path: Path) -> None:
    found = _findings(tmp_path, VALID.replace("SYSTEM", "ca-superior"))
    assert not [f for f in found if f[0] in ("FL003", "FL004")]


def test_without_the_pack_the_fields_are_unknown_keys(tmp_path: Path) -> None:
    found = _findings(tmp_path, VALID.replace("SYSTEM", "other"), blocked=("california",))
    assert found == [
        ("FL004", 3, 31, "unknown key `type` in case"),
        ("FL004", 8, 3, "unknown key `expert_discovery` in motion"),
        ("FL004", 9, 3, "unknown key `sanctions_declaration` in motion; did you mean `sanctions_requested`?"),
        ("FL004", 10, 3, "unknown key `sanctions_against` in motion; did you mean `sanctions_requested`?"),
        ("FL004", 11, 3, "unknown key `sanctions_types` in motion; did you mean `sanctions_requested`?"),
        ("FL004", 12, 3, "unknown key `concise_outline_allowed` in motion"),
        ("FL004", 13, 3, "unknown key `deposition` in motion"),
        ("FL004", 14, 3, "unknown key `good_cause` in motion"),
        ("FL004", 17, 48, "unknown key `additional_declaration` in discovery[0]"),
        ("FL004", 19, 48, "unknown key `limit_objection` in responses[0]"),
    ]


def test_invalid_values_read_as_before_the_move(tmp_path: Path) -> None:
    """Pinned from the core schema that held these fields (commit before the move): same codes, positions
    and words."""
    assert _findings(tmp_path, INVALID) == [
        (
            "FL003",
            3,
            37,
            "`case.type` is 'eviction', not one of: general-civil, personal-injury, unlawful-detainer, other",
        ),
        ("FL003", 6, 21, "`motion.expert_discovery` must be true or false, not the text 'yes please'"),
        ("FL003", 7, 26, "`motion.sanctions_declaration` must be true or false, not the number 1"),
        ("FL003", 8, 22, "`motion.sanctions_against` must be a list, not the text 'Raymond DiGiacomo'"),
        (
            "FL003",
            9,
            31,
            "`motion.sanctions_types[1]` is 'fines', not one of: monetary, issue, evidence, terminating, contempt",
        ),
        ("FL003", 10, 28, "`motion.concise_outline_allowed` must be true or false, not the text 'true'"),
        ("FL003", 11, 26, "`motion.deposition.deponent` must be text, not the number 5"),
        ("FL003", 11, 35, "`motion.deposition.date`: '2025-02-30' is not a real date written YYYY-MM-DD"),
        ("FL003", 11, 56, "`motion.deposition.statute` is '2025.460', not one of: 2025.450, 2025.480"),
        ("FL003", 11, 78, "`motion.deposition.appeared` must be true or false, not the text 'no-show'"),
        ("FL003", 11, 96, "`motion.deposition.inquiry`: 'March 3' is not a real date written YYYY-MM-DD"),
        ("FL004", 11, 105, "unknown key `extra` in motion.deposition"),
        (
            "FL003",
            13,
            18,
            f"`motion.good_cause[0].requests`: a mapping is not valid here; expected {REQUEST_LIST}",
        ),
        ("FL003", 14, 7, "motion.good_cause[1] is missing `requests`"),
        ("FL003", 16, 72, "`discovery[0].additional_declaration` must be true or false, not the text 'attached'"),
        ("FL003", 18, 65, "`responses[0].limit_objection` must be true or false, not the number 35"),
    ]


def test_the_unknown_key_fix_lists_what_the_core_allows(tmp_path: Path) -> None:
    (tmp_path / "filelint.yaml").write_text(VALID.replace("SYSTEM", "other"))
    plugins = load_plugins(autoload=False, blocked=["california"])
    result = lint_folder(tmp_path, plugins, Settings(today=TODAY), cwd=tmp_path)
    fixes = {f.message: f.fix for f in result.findings}
    assert fixes["unknown key `deposition` in motion"] == "remove it; allowed here: " + ALLOWED_MOTION


class CoreRefPack:
    """A third-party pack that reuses the core's date and request list."""

    @hookimpl
    def filelint_schema_properties(self) -> Mapping[str, Mapping[str, Mapping[str, Any]]]:
        return {
            "court": {"sitting_since": core_ref("date", "When the judge took the bench.")},
            "motion": {"conceded": core_ref("request_list")},
        }


def test_a_pack_fragment_may_point_at_the_public_core_definitions(tmp_path: Path) -> None:
    (tmp_path / "filelint.yaml").write_text(
        "filelint: 1\ncourt: {system: other, sitting_since: 2024-02-30}\ncase: {number: X-1}\n"
        "motion: {kind: other, conceded: {a: 1}}\n"
    )
    plugins = load_plugins(autoload=False, extra=[CoreRefPack()])
    assert not plugins.errors
    result = lint_folder(tmp_path, plugins, Settings(today=TODAY), cwd=tmp_path)
    assert [(f.code, f.message, f.fix) for f in result.findings if f.code == "FL003"] == [
        ("FL003", "`court.sitting_since`: '2024-02-30' is not a real date written YYYY-MM-DD", DATE_FIX),
        (
            "FL003",
            f"`motion.conceded`: a mapping is not valid here; expected {REQUEST_LIST}",
            "see `filelint schema` or docs/manifest.md for this field",
        ),
    ]


class PrivateRefPack:
    @hookimpl
    def filelint_schema_properties(self) -> Mapping[str, Mapping[str, Mapping[str, Any]]]:
        return {"motion": {"second_kind": {"$ref": "#/$defs/motion_kind"}}}


class RemoteRefPack:
    @hookimpl
    def filelint_manifest_schema(self) -> Mapping[str, Mapping[str, Any]]:
        return {"remote": {"type": "object", "properties": {"x": {"$ref": "https://example.com/s.json"}}}}


def test_any_other_ref_refuses_the_pack() -> None:
    plugins = load_plugins(autoload=False, extra=[PrivateRefPack(), RemoteRefPack()])
    assert any(
        "manifest property motion.second_kind refers to '#/$defs/motion_kind' (at the top)" in e for e in plugins.errors
    )
    assert any(
        "manifest section 'remote' refers to 'https://example.com/s.json' (at properties/x)" in e
        for e in plugins.errors
    )
    assert "second_kind" not in plugins.schema()["properties"]["motion"]["properties"]


def test_core_ref_names_only_public_definitions() -> None:
    assert set(PUBLIC_DEFS) <= set(core_schema()["$defs"])
    assert core_ref("service") == {"$ref": "#/$defs/service"}
    with pytest.raises(ValueError, match="not a public core definition"):
        core_ref("motion_kind")
