"""Which served response starts the 45 days to move to compel further responses.

CCP 2030.300(c), 2031.310(c), 2033.290(c): 45 days from service of the verified response or
supplemental verified response. For hybrid and substantive responses the clock runs from service
of the verification (Golf & Tennis Pro Shop v. Superior Court (2022) 84 Cal.App.5th 127). Whether
unverified objections alone start it is unsettled: such a trigger is marked ``unsettled``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from filelint import KIND_DEVICE, Case, Req, Response
from filelint.deadlines import At, Missing

#: Response kinds that need a verification (everything but bare objections).
NEEDS_VERIFICATION = frozenset({"substantive", "hybrid", "compliance-full", "compliance-partial", "inability"})


@dataclass(frozen=True)
class Trigger:
    """The service that starts a 45-day period."""

    date: dt.date
    method: str
    event: str
    response: int
    unsettled: bool  # unverified objections only: the law is unsettled (CAL102)
    at: At


Outcome = Trigger | Missing | None


def further_devices(case: Case) -> tuple[str, ...]:
    """Devices of the compel-further kinds of the motion (principal and stacked)."""
    kinds = (case.motion.kind, *case.motion.also_kinds)
    return tuple(dict.fromkeys(KIND_DEVICE[k] for k in kinds if k.startswith("compel-further")))


def _label(r: Response, i: int) -> str:
    sup = "supplemental " if r.supplemental else ""
    set_ = f" Set {r.set}" if r.set else ""
    return f"{sup}{r.device.upper()}{set_} response (responses[{i}])"


def trigger_of(r: Response, i: int, req: Req | None) -> Outcome:
    """What response ``i`` means for the 45 days of ``req`` (the whole set when ``None``)."""
    kind = r.kind_for(req) if req is not None else r.kind
    if kind == "none":
        return None
    if r.verified is True:
        return _verified(r, i)
    if kind == "objections-only":
        return _objections(r, i)
    if r.verified is None:
        return Missing(
            f"responses[{i}].verified", r.at, f"whether the {_label(r, i)} was verified decides when the 45 days start"
        )
    if kind is None:
        return Missing(
            f"responses[{i}].kind",
            r.at,
            f"the unverified {_label(r, i)} starts the 45 days only if it is objections "
            "only; say objections-only, hybrid or substantive",
        )
    return Missing(
        f"responses[{i}].verification_served",
        r.at,
        f"the {_label(r, i)} is {kind} and unverified, so it has not started the 45 days "
        "(Golf & Tennis Pro Shop (2022) 84 Cal.App.5th 127); once the verification is "
        "served, add verified: true, verification_served and verification_method",
        blocking=False,
    )


def _verified(r: Response, i: int) -> Outcome:
    if r.verification_served is not None:
        if r.verification_method is None:
            return Missing(
                f"responses[{i}].verification_method",
                r.at,
                f"the service method of the verification of the {_label(r, i)} sets the extension (CCP 1013, 1010.6)",
            )
        same = r.verification_served == r.served and r.verification_method == r.method
        event = (
            f"service of the verified {_label(r, i)}, {r.verification_method}"
            if same
            else f"service of the verification of the {_label(r, i)}, {r.verification_method}"
        )
        return Trigger(r.verification_served, r.verification_method, event, i, False, (*r.at, "verification_served"))
    if r.served is None:
        return Missing(
            f"responses[{i}].verification_served",
            r.at,
            f"the 45 days run from service of the verification of the {_label(r, i)}",
        )
    if r.method is None:
        return Missing(
            f"responses[{i}].method",
            r.at,
            f"the service method of the {_label(r, i)} sets the extension (CCP 1013, 1010.6)",
        )
    return Trigger(
        r.served, r.method, f"service of the verified {_label(r, i)}, {r.method}", i, False, (*r.at, "served")
    )


def _objections(r: Response, i: int) -> Outcome:
    if r.served is None:
        return Missing(f"responses[{i}].served", r.at, f"the date the objections ({_label(r, i)}) were served")
    if r.method is None:
        return Missing(
            f"responses[{i}].method", r.at, f"the service method of the objections ({_label(r, i)}) sets the extension"
        )
    return Trigger(
        r.served,
        r.method,
        f"service of unverified objections only, {_label(r, i)}, {r.method}",
        i,
        True,
        (*r.at, "served"),
    )


class ResponseIndex:
    """The case's responses indexed by the request numbers they answer, built once per case.

    ``covering`` then costs the responses that name a request, not every response: the difference
    between linear and quadratic time on a motion with thousands of requests and responses.
    """

    def __init__(self, responses: Sequence[Response]) -> None:
        self.responses = tuple(responses)
        self._by_number: dict[tuple[str, str], list[tuple[int, Req]]] = {}
        self._whole: dict[str, list[int]] = {}  # responses with no request list answer the whole device
        for i, r in enumerate(self.responses):
            if r.requests is None:
                self._whole.setdefault(r.device, []).append(i)
                continue
            for q in r.requests:
                for key in _keys(q):
                    self._by_number.setdefault(key, []).append((i, q))

    def covering(self, device: str, req: Req | None) -> list[tuple[int, Response]]:
        """Responses answering ``req`` in manifest order (exactly :meth:`Response.covers`), or with
        ``req`` None every response to ``device``."""
        if req is None:
            return [(i, r) for i, r in enumerate(self.responses) if r.device == device]
        hits = set(self._whole.get(req.device, ()))
        hits.update(i for key in _keys(req) for i, q in self._by_number.get(key, ()) if q.matches(req))
        return [(i, self.responses[i]) for i in sorted(hits) if _set_agrees(self.responses[i], req)]


def _keys(req: Req) -> tuple[tuple[str, str], ...]:
    """Where a request is filed: by number, and a named deposition item also by its name."""
    named = ((req.device, "name:" + req.name_ref),) if req.name else ()
    return ((req.device, req.number),) + named if req.number else named


def _set_agrees(r: Response, req: Req) -> bool:
    return not (req.set and r.set and req.set != r.set)


_INDEXES: dict[int, tuple[Case, ResponseIndex]] = {}


def response_index(case: Case) -> ResponseIndex:
    """The index of ``case``'s responses (kept for the last few cases checked)."""
    found = _INDEXES.get(id(case))
    if found is None or found[0] is not case:
        if len(_INDEXES) > 8:
            _INDEXES.clear()
        found = (case, ResponseIndex(case.responses))
        _INDEXES[id(case)] = found
    return found[1]


def covering(case: Case, device: str, req: Req | None) -> list[tuple[int, Response]]:
    """Responses answering ``req`` (or, with no request list, any response to the device)."""
    return response_index(case).covering(device, req)


def governing(case: Case, device: str, req: Req | None) -> Trigger | list[Missing] | None:
    """The trigger for ``req``: the latest served one. ``None``: no response covers it.

    A response whose date or verification is unknown could be later than every known trigger,
    so it blocks the computation (the missing facts are returned instead); an explicitly
    unverified hybrid response does not start the clock and only matters if nothing else does.
    """
    found = covering(case, device, req)
    if not found:
        return None
    outcomes = [trigger_of(r, i, req) for i, r in found]
    triggers = [o for o in outcomes if isinstance(o, Trigger)]
    missing = [o for o in outcomes if isinstance(o, Missing)]
    if not triggers:
        return missing or None
    best = max(triggers, key=lambda t: (t.date, not t.unsettled))
    blockers = [
        m
        for m, (_, r) in zip(outcomes, found, strict=True)
        if isinstance(m, Missing) and m.blocking and (r.served is None or r.served >= best.date)
    ]
    return blockers or best
