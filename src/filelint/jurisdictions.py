"""The court systems a rule can apply to (the values of ``court.system``), as ``Rule.systems`` sets.

The engine runs a rule only on manifests of its systems, so a California Rules of Court check never
fires on a federal motion. ``None`` (the default) means every system: manifest and health rules.
"""

from __future__ import annotations

CALIFORNIA = frozenset({"ca-superior"})
FEDERAL = frozenset({"federal"})
#: Checks of a meet-and-confer declaration's content, which both CCP 2016.040 and FRCP 37(a)(1) require.
CALIFORNIA_AND_FEDERAL = CALIFORNIA | FEDERAL
