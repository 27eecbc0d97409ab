"""Test helpers: the published court-holiday table (court-holidays-2023-2026.csv; each row names its public source)."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "court-holidays-2023-2026.csv"
FIRST = dt.date(2023, 1, 1)
LAST = dt.date(2026, 12, 31)


def published_dates(jurisdiction: str) -> dict[dt.date, str]:
    """``{date: name}`` of the CSV rows for ``jurisdiction`` ("CA-superior" or "federal")."""
    with DATA.open(newline="", encoding="utf-8") as fh:
        return {
            dt.date.fromisoformat(row["date"]): row["name"]
            for row in csv.DictReader(fh)
            if row["jurisdiction"] == jurisdiction
        }


def every_day(first: dt.date = FIRST, last: dt.date = LAST) -> list[dt.date]:
    """Every date from ``first`` to ``last`` inclusive."""
    return [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]
