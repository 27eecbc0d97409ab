"""The core pack (FL codes): court-neutral checks of the manifest, waivers and papers.

Registered like any other pack, through filelint's own ``[project.entry-points.filelint]``; it is
essential (it reports the manifest and crash findings every run relies on), so it cannot be disabled.
"""

from __future__ import annotations

from collections.abc import Sequence

from filelint import Rule, hookimpl
from filelint.packs.core import manifest_rules, papers, waiver_rules

RULES: tuple[Rule, ...] = (*manifest_rules.RULES, *waiver_rules.RULES, *papers.RULES)


@hookimpl
def filelint_register_rules() -> Sequence[Rule]:
    return RULES
