"""A deposition item at issue that the meet and confer named only by a similar label (CAL006).

PMQ topics and categories of documents are often called by a name rather than their number, and
the motion and the letters rarely word it the same way. filelint never takes "close enough" for
raised: CAL002 counts a label only when it is the same once case, spacing and punctuation are set
aside. Where a letter names something similar but not equal, this rule warns instead, and CAL002
neither passes nor fails the item.
"""

from __future__ import annotations

from collections.abc import Iterator

from filelint import Authority, Communication, Context, Problem, Req, format_requests, rule
from filelint.packs.california.meet_confer import brief_list
from filelint.packs.california.raised import RaisedIndex, sources
from filelint.packs.california.scope import CALIFORNIA, needs_meet_and_confer


@rule(
    "CAL006",
    "deposition-item-label-differs",
    "warning",
    systems=CALIFORNIA,
    summary="A deposition item at issue (PMQ topic, category, document request, question) was not "
    "raised in meet and confer under the same label: a communication names something similar "
    "but not equal.",
    why="The meet-and-confer declaration must show an attempt to resolve 'each issue presented by "
    "the motion' (CCP 2016.040), for a deposition motion too (CCP 2025.450(b)(2), 2025.480(b)). "
    "A letter about 'maintenance records' may or may not be the motion's 'vehicle maintenance "
    "records': filelint cannot tell, so it neither counts the item as raised nor reports it as "
    "never raised, and asks a person to look.",
    authority=[
        Authority("CCP § 2016.040 ('each issue presented by the motion')"),
        Authority("CCP § 2025.450(b)(2)"),
        Authority("CCP § 2025.480(b)"),
        Authority("CCP § 2025.230 (matters for examination described with reasonable particularity)"),
    ],
    fix="If the communication raised this very item, write the same label in both places (or give "
    "both the item's number, e.g. {topic: 5, name: ...}); if it did not, meet and confer on it "
    "before filing.",
    fail_example="motion:\n  kind: compel-deposition\n  requests_at_issue:\n"
    "    - topic: vehicle maintenance records\nmeet_and_confer:\n"
    "  - {id: m1, date: 2025-03-04, from: moving, channel: letter,\n"
    '     raises: ["topic: maintenance records"]}',
    pass_example="motion:\n  kind: compel-deposition\n  requests_at_issue:\n"
    "    - topic: vehicle maintenance records\nmeet_and_confer:\n"
    "  - {id: m1, date: 2025-03-04, from: moving, channel: letter,\n"
    '     raises: ["topic: Vehicle Maintenance Records"]}',
    reads=("motion.requests_at_issue", "meet_and_confer[].raises", "meet_and_confer[].from", "motion.filed"),
    notes="Near misses: a label of the same kind sharing most of its words ('maintenance "
    "records' and 'vehicle maintenance records'; 'record' and 'records'), the same label "
    "under another kind (a category where the motion names a topic), or the same number "
    "with the kind left out on one side (`raises: 5` where the motion seeks `topic 5`). "
    "Items the meet and confer raised exactly are never reported here; items with no "
    "near miss are CAL002's.",
)
def label_differs(ctx: Context) -> Iterator[Problem]:
    case = ctx.case
    if not needs_meet_and_confer(case):
        return
    raised = RaisedIndex(sources(case))
    for req in case.motion.requests:
        if raised.raising(req):
            continue
        near = raised.near_misses(req)
        if near:
            yield Problem(
                _message(req, near),
                at=("motion", "requests_at_issue"),
                requests=(req.ref,),
                communication=near[0][1].id,
                key=f"near:{req.device}:{req.ref}",
            )


def _message(req: Req, near: list[tuple[Req, Communication]]) -> str:
    said = brief_list([f"{c.id} ({c.date}) raised {format_requests([r])}" for r, c in near])
    return (
        f"{format_requests([req])} is at issue, but the meet and confer names it only differently: "
        f"{said}; filelint counts an item as raised only under the same kind and number, or the "
        "same label (case, spacing and punctuation aside), so this item is neither passed nor "
        "failed: check that it is the same item and write it the same way in both places"
    )


RULES = (label_differs,)
