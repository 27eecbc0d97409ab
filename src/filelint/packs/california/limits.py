"""More than 35 special interrogatories or requests for admission without the declaration for
additional discovery (CAL306, CCP 2030.030(c), 2033.030(c))."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from filelint import Authority, Case, Context, Problem, Req, Response, format_requests, rule
from filelint.packs.california.scope import CALIFORNIA, is_california

LIMIT = 35
DEVICES = {
    "srog": ("special interrogatories", "CCP 2030.030(c)", "CCP 2030.050"),
    "rfa": ("requests for admission", "CCP 2033.030(c)", "CCP 2033.050"),
}


def _sets(case: Case, device: str) -> list[Mapping[str, Any]]:
    """The pack's own fields of each set of the device (``additional_declaration``)."""
    return [d.extra for d in case.discovery if d.device == device]


def _beyond(case: Case, device: str) -> list[Req]:
    """Requests at issue numbered past the 35th (numbering runs on across sets)."""
    return [r for r in case.motion.requests if r.device == device and r.number.isdigit() and int(r.number) > LIMIT]


def _objected(case: Case, device: str, reqs: list[Req]) -> Response | None:
    for resp in case.responses:
        if resp.device == device and resp.extra.get("limit_objection") is True and any(resp.covers(q) for q in reqs):
            return resp
    return None


@rule(
    "CAL306",
    "over-limit-without-declaration",
    "error",
    systems=CALIFORNIA,
    summary="A motion seeks answers to special interrogatories or requests for admission beyond the "
    "35th, served without a declaration for additional discovery, where the response objected "
    "on that ground.",
    why="CCP 2030.030(c): 'Unless a declaration as described in Section 2030.050 has been made, a "
    "party need only respond to the first 35 specially prepared interrogatories served, if that "
    "party states an objection to the balance ... on the ground that the limit has been "
    "exceeded.' CCP 2033.030(c) says the same of requests for admission. A motion to compel "
    "answers to the balance fails.",
    authority=[
        Authority("CCP §§ 2030.030(c), 2030.040, 2030.050"),
        Authority("CCP §§ 2033.030(c), 2033.040, 2033.050", "S", "text seen in secondary sources"),
    ],
    fix="Drop the requests past the 35th from the motion, or serve them again with the declaration for "
    "additional discovery (and be ready to justify the number: CCP 2030.040(b)).",
    fail_example='motion: {kind: compel-further-srog, requests_at_issue: "30-45"}\ndiscovery:\n'
    '  - {device: srog, set: 1, requests: "1-45", served: 2025-01-06, additional_declaration: false}\n'
    "responses:\n  - {device: srog, set: 1, kind: hybrid, limit_objection: true, served: 2025-02-10}",
    pass_example='discovery:\n  - {device: srog, set: 1, requests: "1-45", served: 2025-01-06, '
    "additional_declaration: true}",
    reads=("motion.requests_at_issue", "discovery[].additional_declaration", "responses[].limit_objection"),
    notes="Numbers past 35 are taken as past the limit (special interrogatories and requests for "
    "admission are numbered on across sets); requests for admission about the genuineness of "
    "documents, which do not count, are not told apart. Where the response objected on that "
    "ground but the manifest does not say whether the declaration was attached "
    "(discovery[].additional_declaration), CAL490 says so.",
)
def over_limit(ctx: Context) -> Iterator[Problem]:
    case = ctx.case
    if not is_california(case):
        return
    for device, (label, statute, decl) in DEVICES.items():
        beyond = _beyond(case, device)
        resp = _objected(case, device, beyond) if beyond else None
        sets = _sets(case, device)
        if resp is None or not sets or any(d.get("additional_declaration") is not False for d in sets):
            continue
        yield Problem(
            f"{format_requests(beyond)} are past the 35 {label} allowed as of right; the set was "
            f"served without a declaration for additional discovery ({decl}) and the response "
            f"objected on that ground, so only the first 35 must be answered ({statute})",
            at=("motion", "requests_at_issue"),
            requests=tuple(r.number for r in beyond),
            key=f"limit:{device}",
        )


def missing_facts(case: Case) -> Iterator[Problem]:
    """The declaration CAL306 needs to know of (reported by CAL490)."""
    if not is_california(case):
        return
    for device in DEVICES:
        beyond = _beyond(case, device)
        if not beyond or _objected(case, device, beyond) is None:
            continue
        if any("additional_declaration" not in d for d in _sets(case, device)) or not _sets(case, device):
            yield Problem(
                f"the {device.upper()} response objected to the requests past the 35th, but the "
                "manifest does not say whether the set carried a declaration for additional "
                "discovery (discovery[].additional_declaration), so CAL306 cannot check them",
                at=("motion", "requests_at_issue"),
                key=f"CAL306:{device}",
            )


RULES = (over_limit,)
