"""FED001: the facts a federal rule needs and the manifest does not state (never a silent pass)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from filelint import Authority, Context, Problem, rule

from filelint_federal import cdca, certification, facts, ndca, nyfed
from filelint_federal.facts import FEDERAL

MISSING: tuple[Callable[[Context], Iterable[Problem]], ...] = (
    certification.missing, cdca.missing, ndca.missing, nyfed.missing)
LOCAL = "C.D. Cal. L.R. 37-1/37-2, N.D. Cal. Civ. L.R. 37-1/37-3, S.D.N.Y./E.D.N.Y. Local Civ. R. 37.2"


def _district(ctx: Context) -> Iterator[Problem]:
    if facts.is_discovery_motion(ctx) and facts.district(ctx) is None:
        yield Problem(f"the federal district is not stated (court.federal_district), so the local rules ({LOCAL}) "
                      "were not checked", at=("court",), key="district")


@rule("FED001", "federal-needs-input", "info", systems=FEDERAL,
      summary="A federal rule could not be checked because the manifest leaves out a fact it needs.",
      why="A check that cannot run must say so rather than pass silently: this finding names the missing fact "
          "and the rule waiting for it.",
      authority=[Authority("FRCP 37(a)(1)"), Authority("FRCP 26(c)(1)"), Authority("FRCP 6(a)")],
      fix="Add the named fact to the manifest (see the message); leave it out only where the rule says so.",
      fail_example="court: {system: federal}\nmotion: {kind: compel-further-rfp}",
      pass_example="court: {system: federal, federal_district: E.D. Mich.}\nmotion: {kind: compel-further-rfp}\n"
                   "papers:\n  - {role: certification, path: cert.pdf}",
      reads=("court.federal_district", "papers", "federal", "motion.filed"),
      notes="Info level: it never fails a run on its own. Each message names the rule (FED101, FED201, ...) that "
            "is waiting for the fact.")
def needs_input(ctx: Context) -> Iterator[Problem]:
    if not facts.is_federal(ctx):
        return
    yield from _district(ctx)
    for source in MISSING:
        yield from source(ctx)
