"""Department rules as data (``data/department_rules.json``): which court and department requires what,
with its source, the date it was checked and its tag (C, S or U).

The format is documented in docs/writing-plugins.md ("Department rules as data"); adding a
department is a data change, not a code change.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from filelint import Case

FIELDS = ("court", "department", "requirement", "basis", "authority", "source", "checked", "tag")
TAGS = frozenset({"C", "S", "U"})


@cache
def table() -> tuple[dict[str, Any], ...]:
    """Every entry of the bundled table (read once)."""
    text = resources.files("filelint.packs.california").joinpath("data/department_rules.json").read_text("utf-8")
    return tuple(json.loads(text)["entries"])


def department(case: Case) -> str:
    """The manifest's department, as the table writes it ("Dept. 29" -> "29")."""
    return str(case.court.get("department") or "").strip().lower().removeprefix("dept").strip(". ")


def entry_for(case: Case, requirement: str) -> dict[str, Any] | None:
    """The table's entry for this case's court and department and ``requirement``, if any."""
    county = str(case.court.get("county") or "").strip().lower()
    dept = department(case)
    for entry in table():
        if entry["requirement"] == requirement and entry["court"].lower() == county and entry["department"] == dept:
            return entry
    return None


def cite(entry: dict[str, Any]) -> str:
    """How a finding names the entry: its authority, tag and source."""
    return f"{entry['authority']} [{entry['tag']}]; source: {entry['source']}, checked {entry['checked']}"
