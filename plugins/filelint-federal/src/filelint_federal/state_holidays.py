"""FED002: a period after an event was counted without the forum state's holidays, because no installed pack
registers them (never a silent pass).

FRCP 6(a)(6)(C) makes "any other day declared a holiday by the state where the district court is located" a
legal holiday for a period measured after an event. This pack does not keep any state's list: it asks for the
forum state's through ``ctx.state_holidays(state)``, which the pack that knows the state answers (the
California pack registers California's legal holidays through ``filelint_state_holidays``). When no pack
answers, FED202 and FED302 count federal holidays only, and this rule says so.
"""

from __future__ import annotations

from collections.abc import Iterator

from filelint import Authority, Context, Problem, rule

from filelint_federal import cdca, facts, ndca
from filelint_federal.facts import FEDERAL


def counts_after_event(ctx: Context) -> list[str]:
    """The rules of this pack that count a period after an event in this case (so need the state's holidays)."""
    found = []
    letter = cdca._letter(ctx) if cdca.applies(ctx) else None
    if letter is not None and cdca._letter_service(letter)[0] is not None:
        found.append("FED202 (10 days after the L.R. 37-1 letter)")
    if ndca._in_ndcal(ctx) and facts.is_compel(ctx) and facts.date_of(facts.section(ctx).get(ndca.CUTOFF)):
        found.append("FED302 (7 days after the fact-discovery cutoff)")
    return found


def unknown_state(ctx: Context) -> str | None:
    """The forum state whose holidays a count after an event needs and no installed pack registers, or None."""
    state = facts.forum_state(ctx)
    if state is None or ctx.state_holidays(state) is not None or not counts_after_event(ctx):
        return None
    return state


@rule(
    "FED002",
    "state-holidays-unknown",
    "warning",
    systems=FEDERAL,
    summary="A period after an event was counted without the forum state's holidays: no installed pack registers them.",
    why="FRCP 6(a)(6)(C) makes the holidays of the state where the district court sits legal holidays for a "
    "period measured after an event: in a California district Cesar Chavez Day (March 31) or Lincoln Day "
    "(February 12) ends no such period, though the federal court is open. Counted with federal holidays "
    "only, a last day that falls on a state holiday comes out one day too early, so a conference or motion "
    "on the next day could be reported late.",
    authority=[Authority("FRCP 6(a)(6)(C)", "U", "exact current text unconfirmed")],
    fix="Install or enable the pack that registers the state's holidays (California: the built-in "
    "`california` pack; remove it from `disable-packs` or drop `--disable-pack california`), or check by "
    "hand that no state holiday falls at the end of the period.",
    fail_example='# filelint.toml: disable-packs = ["california"]\ncourt: {system: federal, federal_district: '
    "N.D. Cal.}\nmotion: {kind: compel-further-rfp, filed: 2025-04-01}\nfederal: {fact_discovery_cutoff: "
    "2025-03-24}",
    pass_example="# the california pack enabled\ncourt: {system: federal, federal_district: N.D. Cal.}\n"
    "motion: {kind: compel-further-rfp, filed: 2025-04-01}\nfederal: {fact_discovery_cutoff: 2025-03-24}",
    reads=("court.federal_district", "federal.fact_discovery_cutoff", "federal.cdca_letter"),
    notes="Warning: the counts may be right (no state holiday near the end of the period) but were not checked "
    "against the state's list. Reported only where a count after an event runs (FED202, FED302) and the "
    "district's state is known (C.D., N.D., E.D., S.D. Cal.; S.D.N.Y., E.D.N.Y., N.D.N.Y., W.D.N.Y.). "
    "filelint's California pack registers California's legal holidays (Gov. Code 6700 and 6701, and the day after "
    "Thanksgiving); no installed pack registers New York's, but no count after an event runs there yet.",
)
def state_holidays_unknown(ctx: Context) -> Iterator[Problem]:
    if not facts.is_federal(ctx):
        return
    state = unknown_state(ctx)
    if state is None:
        return
    name = facts.STATE_NAMES.get(state, state)
    yield Problem(
        f"no installed pack registers the legal holidays of {name} (the state of {facts.district_raw(ctx)}), so "
        f"{' and '.join(counts_after_event(ctx))} counted federal holidays only: where a period ends on a "
        f"{name} holiday, FRCP 6(a)(6)(C) runs it on to the next day, later than shown",
        at=facts.district_at(ctx),
        key=f"state-holidays:{state}",
    )
