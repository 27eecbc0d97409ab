"""How a paper writes a date, for finding the passage about a communication."""

from __future__ import annotations

import datetime as dt
import functools
import re


@functools.lru_cache(maxsize=512)
def date_patterns(day: dt.date) -> re.Pattern[str]:
    """'August 17, 2023', 'Aug. 17, 2023', '8/17/2023', '8/17/23', '2023-08-17', '17 August 2023'."""
    month = day.strftime("%B")
    abbr = month[:3] + (r"t?" if month == "September" else "")
    months = rf"(?:{month}|{abbr}\.?)"
    forms = [
        rf"{months}\s+0?{day.day}(?:st|nd|rd|th)?,?\s+{day.year}",
        rf"0?{day.day}\s+{months}\s+{day.year}",
        rf"\b0?{day.month}/0?{day.day}/(?:{day.year}|{day.year % 100:02d})\b",
        rf"\b{day.isoformat()}\b",
    ]
    return re.compile("|".join(forms), re.IGNORECASE)
