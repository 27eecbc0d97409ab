"""Facts the CAL004 and CAL2xx-CAL4xx rules need and the manifest leaves out (CAL490).

Each rule module states its own needs in a ``missing_facts(case)`` function; this rule reports
them at info level, so a rule that cannot run never looks like a clean pass.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from filelint import Case, Context, Problem, rule
from filelint.packs.california import (
    deposition,
    effort,
    good_cause,
    idc,
    idc_forms,
    initial_motion,
    limits,
    meet_confer,
    motion_kind,
    motion_parties,
    moving_papers,
    propounding,
    sanctions,
    stale,
    ud_cutoff,
)
from filelint.packs.california.scope import CALIFORNIA

SOURCES: tuple[Callable[[Case], Iterator[Problem]], ...] = (
    effort.missing_facts,
    good_cause.missing_facts,
    motion_kind.missing_facts,
    idc.missing_facts,
    sanctions.missing_facts,
    stale.missing_facts,
    deposition.missing_facts,
    initial_motion.missing_facts,
    moving_papers.missing_facts,
    meet_confer.missing_facts,
    limits.missing_facts,
    propounding.missing_facts,
    idc_forms.missing_facts,
    ud_cutoff.missing_facts,
)
#: Needs that can be known only by reading a paper (a notice with no text).
PAPER_SOURCES: tuple[Callable[[Context], Iterator[Problem]], ...] = (motion_parties.missing_facts,)


@rule(
    "CAL490",
    "needs-input",
    "info",
    systems=CALIFORNIA,
    summary="A fact that a California rule (CAL002, CAL004, CAL203, CAL301, CAL304, CAL306, "
    "CAL307, CAL113, CAL401, CAL402, CAL406, CAL503, CAL504, CAL506, or the deposition rules) needs is "
    "missing from the manifest, or a notice CAL506 reads has no text, so that check could not "
    "run in full.",
    why="A check that cannot run must say so; otherwise a missing fact looks like compliance.",
    authority=["filelint manifest format 1 (docs/manifest.md)"],
    fix="Add the fact the message names to the manifest.",
    fail_example="motion: {kind: compel-further-rfp}   # no responses listed\n"
    "meet_and_confer:\n  - {id: m1, date: 2025-06-19, from: moving, channel: letter, "
    "respond_by: 2025-07-01}",
    pass_example="motion: {kind: compel-further-rfp, filed: 2025-07-08}\nresponses:\n"
    "  - {device: rfp, set: 1, kind: hybrid, served: 2025-04-07}",
    reads=("motion", "responses[]", "discovery[]", "idc", "meet_and_confer[]"),
    notes="Info level: it never fails a run on its own. Each message names the rule that "
    "could not run and the field to add.",
)
def needs_input(ctx: Context) -> Iterator[Problem]:
    for source in SOURCES:
        yield from source(ctx.case)
    for paper_source in PAPER_SOURCES:
        yield from paper_source(ctx)


RULES = (needs_input,)
