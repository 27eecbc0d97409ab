"""Words people write for a service method or channel are read by meaning, never by spelling."""

from __future__ import annotations

import pytest

from filelint.manifest.aliases import ALIASES, METHOD_MEANING, canonical, normalize
from filelint.manifest.schema import core_schema

METHODS = list(METHOD_MEANING)


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("email", "electronic"),
        ("e-mail", "electronic"),
        ("E-Service", "electronic"),
        ("electronic service", "electronic"),
        ("first-class mail", "mail"),
        ("U.S. mail", "mail"),
        ("US Mail", "mail"),
        ("FedEx", "overnight"),
        ("overnight delivery", "overnight"),
        ("Express Mail", "overnight"),
        ("hand delivery", "personal"),
        ("Personal", "personal"),
        ("facsimile", "fax"),
    ],
)
def test_everyday_words_map_to_their_category(written: str, meant: str) -> None:
    assert canonical("method", written, METHODS) == meant


@pytest.mark.parametrize("written", ["emial", "mial", "maill", "fedx", "eletronic", "certified"])
def test_near_misses_are_not_guessed(written: str) -> None:
    assert canonical("method", written, METHODS) is None


def test_every_alias_names_a_real_value() -> None:
    schema = core_schema()
    assert set(ALIASES["method"].values()) <= set(schema["$defs"]["method"]["enum"])
    channels = schema["properties"]["meet_and_confer"]["items"]["properties"]["channel"]["enum"]
    assert set(ALIASES["channel"].values()) <= set(channels)


def test_normalize_rewrites_every_method_field_and_reports_it() -> None:
    data = {
        "motion": {"kind": "other", "served": {"date": "2025-01-02", "method": "email"}},
        "responses": [{"device": "rfp", "method": "U.S. mail", "verification_method": "FedEx"}],
        "papers": [{"role": "notice", "path": "n.pdf", "served": {"date": "2025-01-02", "method": "hand delivery"}}],
        "meet_and_confer": [{"id": "m1", "date": "2025-01-01", "from": "moving", "channel": "e-mail"}],
    }
    readings = normalize(data, core_schema())
    assert data["motion"]["served"]["method"] == "electronic"
    assert data["responses"][0] == {"device": "rfp", "method": "mail", "verification_method": "overnight"}
    assert data["papers"][0]["served"]["method"] == "personal"
    assert data["meet_and_confer"][0]["channel"] == "email"
    assert len(readings) == 5


def test_canonical_values_are_left_alone() -> None:
    data = {"motion": {"served": {"date": "2025-01-02", "method": "mail"}}}
    assert normalize(data, core_schema()) == []
