"""Where the report gets its deadlines: every pack's ``filelint_deadlines`` answer, merged.

The one place the report asks for deadlines, so the report itself never knows which pack (or
which jurisdiction's law) computed them.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from filelint.deadlines import DeadlineReport, merge_reports

if TYPE_CHECKING:
    from filelint.model import Case
    from filelint.plugins import Plugins


def deadline_report(case: Case, plugins: Plugins, today: dt.date) -> DeadlineReport | None:
    """Every deadline the registered packs compute for ``case``; None when no pack covers its court."""
    return merge_reports(plugins.deadline_reports(case, today))
