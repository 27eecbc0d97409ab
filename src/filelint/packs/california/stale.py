"""Reliance on CCP 2016.080 after its sunset (CAL403)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from filelint import Authority, Case, Context, Problem, rule
from filelint.packs.california.scope import CALIFORNIA, is_california
from filelint.papers import iter_docs

SUNSET = dt.date(2023, 1, 1)
CITES_2016_080 = re.compile(r"2016\.080")
#: The moving papers whose text is searched for the citation.
MOVING_ROLES = ("notice", "memorandum", "declaration")


def _cited(case: Case) -> list[tuple[int, str]]:
    cites = case.motion.extra.get("cites") or []
    return [(i, str(c)) for i, c in enumerate(cites) if CITES_2016_080.search(str(c))]


def _made_on(case: Case) -> dt.date | None:
    return case.motion.filed or (case.motion.served.date if case.motion.served else None)


@rule(
    "CAL403",
    "stale-2016-080",
    "warning",
    systems=CALIFORNIA,
    summary="Papers filed on or after January 1, 2023 rely on CCP 2016.080, which sunset on that date.",
    why="CCP 2016.080 let a court hold an informal discovery conference and toll the motion "
    "deadline; it was repealed by its own terms on January 1, 2023. Relying on it (for "
    "tolling the 45 days, say) after that date relies on no law; IDCs continue only under "
    "local orders and the court's inherent authority.",
    authority=[Authority("CCP § 2016.080 (repealed by its own terms Jan. 1, 2023)")],
    fix="Cite the local order or department rule that governs the IDC instead, and do not count "
    "on an IDC to extend the deadline; get a written extension to a specific date.",
    fail_example='motion:\n  filed: 2025-06-25\n  cites: ["CCP 2016.080(c)"]',
    pass_example='motion:\n  filed: 2022-06-25\n  cites: ["CCP 2016.080(c)"]',
    reads=("motion.cites", "motion.filed", "motion.served", "papers[].role"),
    notes="The sunset is [C] (Daily Journal, Poole Shaffery). The citation is read from "
    "motion.cites (a list of citation strings) and from the text of the moving papers (notice, "
    "memorandum, declaration: '2016.080' anywhere in them, reported with its page). A "
    "warning: the citation alone does not defeat the motion, relying on the tolling does; "
    "filelint does not tell a reliance from a mention (a memorandum that explains the "
    "statute has sunset also cites it).",
)
def stale_2016_080(ctx: Context) -> Iterator[Problem]:
    case = ctx.case
    made = _made_on(case)
    if not is_california(case) or made is None or made < SUNSET:
        return
    for i, cite in _cited(case):
        yield Problem(
            f"the papers cite {cite!r}, but CCP 2016.080 sunset on 2023-01-01 and the "
            f"motion was made on {made}; it cannot toll the deadline or authorize the IDC",
            at=("motion", "cites", i),
            key=cite,
        )
    papers = [p for p in case.papers if p.role in MOVING_ROLES]
    for path, doc in iter_docs(ctx, [p.path for p in papers]):
        pages = [n for n, text in enumerate(doc.pages, 1) if CITES_2016_080.search(" ".join(text.split()))]
        if pages:
            yield Problem(
                f"{path} cites CCP 2016.080, but the statute sunset on 2023-01-01 and "
                f"the motion was made on {made}; it cannot toll the deadline or authorize the IDC",
                document=path,
                page=pages[0],
                key=f"paper:{path}",
            )


def missing_facts(case: Case) -> Iterator[Problem]:
    """Facts CAL403 needs and the manifest leaves out (reported by CAL490)."""
    if is_california(case) and _cited(case) and _made_on(case) is None:
        yield Problem(
            "the papers cite CCP 2016.080 but neither motion.filed nor motion.served is "
            "given, so CAL403 cannot tell whether the statute had sunset",
            at=("motion", "cites"),
            key="CAL403:date",
        )


RULES = (stale_2016_080,)
