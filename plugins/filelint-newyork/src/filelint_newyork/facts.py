"""Reading the facts this pack needs: the court system, the motion's scope, the pack's added properties."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from filelint import Communication, Context, Paper

from filelint_newyork.calendar import SYSTEM

#: The court system every rule of this pack applies to (Rule.systems).
NEW_YORK = frozenset({SYSTEM})

#: 22 NYCRR 202.20-f came in with the amendments of Administrative Order AO/270/20, effective Feb. 1, 2021.
R202_20F_START = dt.date(2021, 2, 1)
LIVE = ("phone", "in-person", "video")
#: 22 NYCRR 202.20-f(b) names these two; a video conference is neither in its words.
NAMED_LIVE = ("phone", "in-person")


def extra(obj: object, name: str) -> Any:
    """A property this pack added to a core object (``None`` when the manifest leaves it out)."""
    data = getattr(obj, "extra", None)
    return data.get(name) if isinstance(data, Mapping) else None


def is_new_york(ctx: Context) -> bool:
    return ctx.case.system == SYSTEM


def under_202_20f(ctx: Context) -> bool:
    """Whether 22 NYCRR 202.20-f governs the motion: filed on or after Feb. 1, 2021 (or the date is unknown)."""
    filed = ctx.case.motion.filed
    return filed is None or filed >= R202_20F_START


def disclosure_stated(ctx: Context) -> bool | None:
    """Whether the motion relates to disclosure (202.7(a)(2)); ``None`` when a kind ``other`` motion does not say."""
    kind = ctx.case.motion.kind
    if kind.startswith("compel-") or kind == "protective-order":
        return True
    value = extra(ctx.case.motion, "relates_to_disclosure")
    return value if isinstance(value, bool) else None


def is_disclosure_motion(ctx: Context) -> bool:
    return is_new_york(ctx) and disclosure_stated(ctx) is True


def affirmation_papers(ctx: Context) -> list[Paper]:
    """Papers that are, or contain, the affirmation of good faith."""
    return [p for p in ctx.case.papers if p.role == "certification" or extra(p, "good_faith_affirmation") is True]


def affirmation_stated(ctx: Context) -> bool | None:
    """True/False when the papers say whether the affirmation is there; ``None`` when no papers are listed."""
    if affirmation_papers(ctx):
        return True
    return False if ctx.case.papers else None


def excuse(ctx: Context) -> dict[str, Any] | None:
    value = extra(ctx.case.motion, "conferral_excuse")
    return value if isinstance(value, dict) else None


def live_before_filing(ctx: Context) -> list[Communication]:
    return [c for c in ctx.case.before_filing() if c.channel in LIVE]


def motion_label(ctx: Context) -> str:
    """``the compel-further-rfp motion (filed 2024-05-20)``; a kind ``other`` motion is named by its title."""
    motion = ctx.case.motion
    title = motion.raw.get("title")
    name = f'the motion "{title}"' if motion.kind == "other" and title else f"the {motion.kind} motion"
    return name + (f" (filed {motion.filed})" if motion.filed else "")


def conference_label(comm: Communication) -> str:
    return f"{comm.id} ({comm.channel}, {comm.date})"


def brief(comm: Communication) -> str:
    """``m1 letter 2024-04-22``: a communication inside a list of them."""
    return f"{comm.id} {comm.channel} {comm.date}"
