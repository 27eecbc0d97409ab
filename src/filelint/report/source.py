"""Where the report gets its deadlines: the one place that knows about a jurisdiction's pack.

The lead's ``filelint_deadlines`` hook replaces the body of :func:`deadline_report`; everything
else in :mod:`filelint.report` reads only the :class:`~filelint.report.model.DeadlineReportLike`
shape it returns.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from filelint.model import Case
    from filelint.plugins import Plugins
    from filelint.report.model import DeadlineReportLike


def deadline_report(case: Case, plugins: Plugins, today: dt.date) -> DeadlineReportLike | None:
    """Every deadline the registered packs compute for ``case``; None when no pack covers its court."""
    cal = plugins.calendars.get(case.system)
    if cal is None or case.system != "ca-superior":
        return None
    from filelint.packs.california.deadline_calc import compute_all  # the adapter's one pack import

    return compute_all(case, cal, today)
