"""The court systems the core pack's paper rules apply to (Rule.systems).

A check of a separate statement's format encodes Cal. Rules of Court, rule 3.1345: California only.
A check of a meet-and-confer declaration's content holds where CCP 2016.040 or FRCP 37(a)(1) requires
the declaration: California and federal courts.
"""

from __future__ import annotations

CALIFORNIA = frozenset({"ca-superior"})
CALIFORNIA_AND_FEDERAL = frozenset({"ca-superior", "federal"})
