"""`RequestRef`, the result type of `filelint.refs`, apart from the patterns that find it: a warm run
reads references from the derived-facts cache (`filelint.documents.derived`) without compiling them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RequestRef:
    """One discovery request mentioned in text."""

    device: str | None  # "rfp" | "srog" | "frog" | "rfa" | None when not stated
    number: str  # "34", "17.1"
    set: int | None  # from "Set One" / "Set No. 2" / "Second Set" nearby, else None
