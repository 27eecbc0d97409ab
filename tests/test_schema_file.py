"""The published schema under schemas/ is exactly what the code validates with."""

from __future__ import annotations

import json
from pathlib import Path

from filelint.manifest.schema import SCHEMA_ID, core_schema

ROOT = Path(__file__).resolve().parents[1]


def test_published_schema_matches_package(plugins) -> None:  # type: ignore[no-untyped-def]
    published = json.loads((ROOT / "schemas" / "manifest-1.json").read_text("utf-8"))
    assert published == plugins.schema(), "schemas/manifest-1.json drifted: regenerate it (see schemas/README.md)"


def test_schema_is_versioned() -> None:
    assert core_schema()["$id"] == SCHEMA_ID
    assert core_schema()["properties"]["filelint"] == {
        "const": 1,
        "description": "Manifest format version. Always 1 for now.",
    }
