"""The typed case model built from validated manifest data.

Rules read this model, never raw YAML. Every object keeps ``at``, its manifest key path, so a
rule can point a finding at the exact line that states the fact.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from filelint.manifest.requests import Req, RequestListError, parse_request_list

KIND_DEVICE = {
    "compel-further-rfp": "rfp",
    "compel-further-srog": "srog",
    "compel-further-frog": "frog",
    "compel-further-rfa": "rfa",
    "compel-compliance-rfp": "rfp",
    "compel-deposition": "deposition",
}
FURTHER_KINDS = frozenset(k for k in KIND_DEVICE if k.startswith("compel-further"))
At = tuple[str | int, ...]
_LIST_FIX = 'write request numbers as e.g. "13-16, 34, 35" (deposition items: "topics 1-4", "topic: <its name>")'


class ModelError(ValueError):
    """A value that passed the schema but cannot be understood (e.g. a reversed range)."""

    def __init__(self, message: str, at: At, fix: str, code: str = "FL003") -> None:
        super().__init__(message)
        self.message, self.at, self.fix, self.code = message, at, fix, code


def manifest_date(value: Any) -> dt.date | None:
    """A schema-valid manifest date (the loader keeps dates as ISO strings); None when absent."""
    return dt.date.fromisoformat(value) if isinstance(value, str) else None


@dataclass(frozen=True)
class Service:
    date: dt.date
    method: str | None
    at: At


@dataclass(frozen=True)
class Communication:
    """One meet-and-confer message. ``raises is None`` means it raised every request at issue."""

    id: str
    date: dt.date
    side: str
    channel: str
    raises: tuple[Req, ...] | None
    offers: tuple[str, ...]
    asks: tuple[str, ...]
    respond_by: dt.date | None
    answers: str | None
    substantive: bool
    file: str | None
    at: At
    raises_stated: bool = True
    #: The manifest mapping as written, so a pack reads the properties it adds (filelint_schema_properties).
    extra: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False)
    source: str | None = None
    message: str | None = None

    @property
    def live(self) -> bool:
        return self.channel in ("phone", "video", "in-person", "idc")


@dataclass(frozen=True)
class Response:
    device: str
    set: int | None
    kind: str | None
    served: dt.date | None
    method: str | None
    verified: bool | None
    verification_served: dt.date | None
    verification_method: str | None
    supplemental: bool
    requests: tuple[Req, ...] | None
    items: tuple[tuple[tuple[Req, ...], str], ...]
    file: str | None
    at: At
    #: The manifest mapping as written, so a pack reads the properties it adds (filelint_schema_properties).
    extra: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def kind_for(self, req: Req) -> str | None:
        for reqs, kind in self.items:
            if any(r.matches(req) for r in reqs):
                return kind
        return self.kind

    def covers(self, req: Req) -> bool:
        if req.device != self.device or (req.set and self.set and req.set != self.set):
            return False
        return self.requests is None or any(r.matches(req) for r in self.requests)


@dataclass(frozen=True)
class Paper:
    role: str
    path: str
    exhibit: str | None
    title: str | None
    at: At
    served: Service | None = None
    #: The manifest mapping as written, so a pack reads the properties it adds (filelint_schema_properties).
    extra: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False)


@dataclass(frozen=True)
class Extension:
    in_writing: bool
    agreed_on: dt.date | None
    new_deadline: dt.date | None
    at: At


@dataclass(frozen=True)
class Discovery:
    device: str
    set: int | None
    served: dt.date
    method: str | None
    response_due_extended_to: dt.date | None
    at: At
    #: The manifest mapping as written, so a pack reads the properties it adds (filelint_schema_properties).
    extra: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False)


@dataclass(frozen=True)
class Motion:
    kind: str
    also_kinds: tuple[str, ...]
    device: str | None
    requests: tuple[Req, ...]
    filed: dt.date | None
    served: Service | None
    hearing: dt.date | None
    raw: dict[str, Any]
    #: ``requests_at_issue: all``: every request of the set (expanded from discovery[].requests
    #: where the manifest lists the numbers served).
    all_requests: bool = False

    @property
    def extra(self) -> Mapping[str, Any]:
        """The manifest mapping as written (see :attr:`Communication.extra`)."""
        return self.raw

    @property
    def is_further(self) -> bool:
        return self.kind in FURTHER_KINDS

    @property
    def main_device(self) -> str:
        """The device the motion's request numbers belong to (RFP when the manifest does not say)."""
        return self.device or "rfp"

    @property
    def is_initial(self) -> bool:
        return self.kind == "compel-initial-responses"


@dataclass(frozen=True)
class Case:
    """Everything the manifest states, typed."""

    system: str
    court: dict[str, Any]
    case_number: str
    motion: Motion
    discovery: tuple[Discovery, ...]
    responses: tuple[Response, ...]
    extensions: tuple[Extension, ...]
    communications: tuple[Communication, ...]
    papers: tuple[Paper, ...]
    raw: dict[str, Any] = field(repr=False)

    def papers_with_role(self, role: str) -> tuple[Paper, ...]:
        return tuple(p for p in self.papers if p.role == role)

    def communication(self, ident: str) -> Communication | None:
        return next((c for c in self.communications if c.id == ident), None)

    def named_files(self) -> tuple[tuple[str, At], ...]:
        """Each distinct file the manifest names (papers, responses, communications), with the
        key path of its first mention."""
        entries: list[tuple[str | None, At]] = [(p.path, (*p.at, "path")) for p in self.papers]
        entries += [(r.file, (*r.at, "file")) for r in self.responses]
        entries += [(c.file, (*c.at, "file")) for c in self.communications]
        entries += [(c.source, (*c.at, "source")) for c in self.communications]
        seen: dict[str, At] = {}
        for path, at in entries:
            if path and path not in seen:
                seen[path] = at
        return tuple(seen.items())

    def before_filing(self) -> tuple[Communication, ...]:
        """Communications dated on or before the filing date (all, if it is unknown)."""
        filed = self.motion.filed
        return tuple(c for c in self.communications if filed is None or c.date <= filed)


def build_case(data: dict[str, Any]) -> Case:
    """Typed model from schema-valid data; raises :class:`ModelError` on unreadable lists and
    on a manifest past a cap of filelint.limits (FL904)."""
    from filelint import limits
    from filelint.manifest.requests import budget

    _check_count(data.get("meet_and_confer", []), "meet_and_confer", limits.COMMUNICATIONS)
    with budget(limits.REQUESTS.value()):
        return _build_case(data)


def _check_count(items: list[Any], key: str, limit: Any) -> None:
    cap = limit.value()
    if len(items) > cap:
        raise ModelError(
            f"{key} has {len(items)} entries; {limit.says()}",
            (key, cap),
            "check that this is the right manifest, or raise the limit",
            code="FL904",
        )


def _build_case(data: dict[str, Any]) -> Case:
    motion = _motion(data["motion"], data.get("discovery", []))
    device = motion.main_device
    return Case(
        system=data["court"]["system"],
        court=data["court"],
        case_number=str(data["case"]["number"]),
        motion=motion,
        discovery=tuple(_discovery(d, i) for i, d in enumerate(data.get("discovery", []))),
        responses=tuple(_response(r, i) for i, r in enumerate(data.get("responses", []))),
        extensions=tuple(_extension(e, i) for i, e in enumerate(data.get("extensions", []))),
        communications=tuple(_communication(c, i, device) for i, c in enumerate(data.get("meet_and_confer", []))),
        papers=tuple(_paper(p, i) for i, p in enumerate(data.get("papers", []))),
        raw=data,
    )


def _requests(value: Any, device: str, at: At, set_: int | None = None) -> tuple[Req, ...] | None:
    try:
        reqs = parse_request_list(value, device, set_)
    except RequestListError as exc:
        raise ModelError(str(exc), at, _LIST_FIX, code=exc.code) from None
    return None if reqs is None else tuple(reqs)


def _served_numbers(discovery: list[dict[str, Any]], device: str) -> list[Req]:
    """Every request number served in the device's sets, where the manifest lists them."""
    out: list[Req] = []
    for i, d in enumerate(discovery):
        if d.get("device") == device and "requests" in d:
            out.extend(_requests(d["requests"], device, ("discovery", i, "requests"), d.get("set")) or ())
    return out


def _motion(m: dict[str, Any], discovery: list[dict[str, Any]]) -> Motion:
    device = m.get("device") or KIND_DEVICE.get(m["kind"])
    reqs: list[Req] = []
    value = m.get("requests_at_issue")
    at: At = ("motion", "requests_at_issue")
    every = isinstance(value, str) and value.strip().lower() == "all"
    if every:
        value = None
        reqs.extend(_served_numbers(discovery, device or "rfp"))
    if isinstance(value, list) and value and all(isinstance(v, dict) and "device" in v for v in value):
        for i, group in enumerate(value):
            found = _requests(group["numbers"], group["device"], (*at, i, "numbers"), group.get("set"))
            reqs.extend(found or ())
    elif value is not None:
        found = _requests(value, device or "rfp", at)
        if found is None:
            raise ModelError(
                "requests_at_issue cannot be `all`; list the numbers",
                at,
                "write the request numbers the motion asks about",
            )
        reqs.extend(found)
    served = m.get("served")
    return Motion(
        kind=m["kind"],
        also_kinds=tuple(m.get("also_kinds", [])),
        device=device,
        requests=tuple(dict.fromkeys(reqs)),
        filed=manifest_date(m.get("filed")),
        served=Service(manifest_date(served["date"]) or dt.date.min, served.get("method"), ("motion", "served"))
        if served
        else None,
        hearing=manifest_date(m.get("hearing")),
        raw=m,
        all_requests=every,
    )


def _communication(c: dict[str, Any], i: int, device: str) -> Communication:
    at: At = ("meet_and_confer", i)
    raises: tuple[Req, ...] | None = ()
    if "raises" in c:
        raises = _requests(c["raises"], device, (*at, "raises"))
    return Communication(
        id=c["id"],
        date=manifest_date(c["date"]) or dt.date.min,
        side=c["from"],
        channel=c["channel"],
        raises=raises,
        offers=tuple(c.get("offers", [])),
        asks=tuple(c.get("asks", [])),
        respond_by=manifest_date(c.get("respond_by")),
        answers=c.get("answers"),
        substantive=c.get("substantive", True),
        file=c.get("file"),
        at=at,
        raises_stated="raises" in c,
        extra=c,
        source=c.get("source"),
        message=c.get("message"),
    )


def _response(r: dict[str, Any], i: int) -> Response:
    at: At = ("responses", i)
    device, set_ = r["device"], r.get("set")
    items = tuple(
        (_requests(item["requests"], device, (*at, "items", j, "requests"), set_) or (), item["kind"])
        for j, item in enumerate(r.get("items", []))
    )
    reqs = _requests(r["requests"], device, (*at, "requests"), set_) if "requests" in r else None
    return Response(
        device=device,
        set=set_,
        kind=r.get("kind"),
        served=manifest_date(r.get("served")),
        method=r.get("method"),
        verified=r.get("verified"),
        verification_served=manifest_date(r.get("verification_served")),
        verification_method=r.get("verification_method"),
        supplemental=bool(r.get("supplemental", False)),
        requests=reqs,
        items=items,
        file=r.get("file"),
        at=at,
        extra=r,
    )


def _discovery(d: dict[str, Any], i: int) -> Discovery:
    return Discovery(
        device=d["device"],
        set=d.get("set"),
        served=manifest_date(d["served"]) or dt.date.min,
        method=d.get("method"),
        response_due_extended_to=manifest_date(d.get("response_due_extended_to")),
        at=("discovery", i),
        extra=d,
    )


def _extension(e: dict[str, Any], i: int) -> Extension:
    return Extension(
        in_writing=e["in_writing"],
        agreed_on=manifest_date(e.get("agreed_on")),
        new_deadline=manifest_date(e.get("new_deadline")),
        at=("extensions", i),
    )


def _paper(p: dict[str, Any], i: int) -> Paper:
    exhibit = p.get("exhibit")
    served = p.get("served")
    return Paper(
        role=p["role"],
        path=p["path"],
        exhibit=None if exhibit is None else str(exhibit),
        title=p.get("title"),
        at=("papers", i),
        served=Service(manifest_date(served["date"]) or dt.date.min, served.get("method"), ("papers", i, "served"))
        if served
        else None,
        extra=p,
    )
