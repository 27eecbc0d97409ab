"""The dated facts of a manifest as timeline events, each with its manifest line and source file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from filelint.manifest.requests import DEVICE_LABEL, format_requests
from filelint.manifest.schema import key_path_text
from filelint.model import At, Case, Communication
from filelint.report.model import Event

Line = Callable[[At], int]


def case_events(case: Case, line: Line, manifest: str) -> list[Event]:
    """Every dated fact, in date order (manifest order breaks ties)."""
    events: list[Event] = []

    def add(
        ident: str,
        kind: str,
        side: str,
        date: dt.date | None,
        at: At,
        label: str,
        detail: str,
        source: str | None = None,
    ) -> Event | None:
        if date is None:
            return None
        owner = at[:2] if len(at) > 1 and isinstance(at[1], int) else at  # the entry, not one of its fields
        ev = Event(ident, kind, side, date, label, detail, source or manifest, line(at), key_path_text(owner))
        events.append(ev)
        return ev

    for i, d in enumerate(case.discovery):
        name = f"{_device(d.device)}{_set(d.set)}"
        add(
            f"ev-discovery-{i}",
            "discovery",
            "moving",
            d.served,
            d.at,
            f"{name} served",
            f"{name} served{_how(d.method)}",
        )
        add(
            f"ev-due-{i}",
            "extension",
            "responding",
            d.response_due_extended_to,
            (*d.at, "response_due_extended_to"),
            "responses due (ext.)",
            f"{name}: responses due as extended",
        )
    for i, r in enumerate(case.responses):
        name = f"{'supplemental ' if r.supplemental else ''}{_device(r.device)}{_set(r.set)} response"
        add(
            f"ev-response-{i}",
            "response",
            "responding",
            r.served,
            (*r.at, "served"),
            name,
            f"{name} served{_how(r.method)}" + (f" ({r.kind})" if r.kind else ""),
            r.file,
        )
        add(
            f"ev-verification-{i}",
            "verification",
            "responding",
            r.verification_served,
            (*r.at, "verification_served"),
            "verification",
            f"verification of the {name} served{_how(r.verification_method)}",
            r.file,
        )
    for i, x in enumerate(case.extensions):
        how = "in writing" if x.in_writing else "not in writing"
        until = f" to {x.new_deadline}" if x.new_deadline else " (no new date)"
        add(
            f"ev-extension-{i}",
            "extension",
            "responding",
            x.agreed_on,
            x.at,
            "extension",
            f"extension agreed {how}{until}",
        )
    _communications(case, add)
    _motion(case, add)
    return sorted(events, key=lambda e: e.date)


def _communications(case: Case, add: Callable[..., Event | None]) -> None:
    idents: dict[str, str] = {}
    drawn: list[tuple[Event, Communication]] = []
    for i, c in enumerate(case.communications):
        ev = add(f"ev-mc-{i}", "communication", c.side, c.date, c.at, f"{c.id} {c.channel}", _comm_detail(c), c.file)
        if ev is None:
            continue
        ev.comm_id, ev.live, ev.offer, ev.ask = c.id, c.live, bool(c.offers), bool(c.asks)
        idents.setdefault(c.id, ev.ident)
        drawn.append((ev, c))
    filed = case.motion.filed
    answered = {
        r.answers
        for r in case.communications
        if r.side == "moving" and r.answers and r.substantive and (filed is None or r.date <= filed)
    }
    for ev, c in drawn:
        ev.answers = idents.get(c.answers) if c.answers else None
        ev.unanswered = c.side == "responding" and bool(c.offers or c.asks) and c.id not in answered


def _motion(case: Case, add: Callable[..., Event | None]) -> None:
    m = case.motion
    add("ev-filed", "filed", "moving", m.filed, ("motion", "filed"), "motion filed", "the motion was filed")
    if m.served is not None:
        add(
            "ev-served",
            "served",
            "moving",
            m.served.date,
            ("motion", "served"),
            "motion served",
            f"the moving papers were served{_how(m.served.method)}",
        )
    for i, p in enumerate(case.papers):
        if p.served is not None:
            add(
                f"ev-paper-{i}",
                "served",
                "moving",
                p.served.date,
                p.served.at,
                f"{p.role} served",
                f"{p.role} {p.path} served{_how(p.served.method)}",
                p.path,
            )
    add("ev-hearing", "hearing", "court", m.hearing, ("motion", "hearing"), "hearing", "the hearing")
    trial = case.raw.get("case", {}).get("initial_trial_date")
    if isinstance(trial, str):
        add(
            "ev-trial",
            "trial",
            "court",
            dt.date.fromisoformat(trial),
            ("case", "initial_trial_date"),
            "trial (initial)",
            "the trial date initially set",
        )


def _comm_detail(c: Communication) -> str:
    who = "moving side" if c.side == "moving" else "responding side"
    parts = [f"{c.channel} from the {who}"]
    if c.raises is None:
        parts.append("raises every request at issue")
    elif c.raises:
        parts.append(f"raises {format_requests(list(c.raises))}")
    if c.offers:
        parts.append("offers " + ", ".join(c.offers))
    if c.asks:
        parts.append("asks " + ", ".join(c.asks))
    if c.answers:
        parts.append(f"answers {c.answers}")
    if not c.substantive:
        parts.append("not substantive")
    return "; ".join(parts)


def _device(device: str) -> str:
    return DEVICE_LABEL.get(device, device)


def _set(number: int | None) -> str:
    return f" set {number}" if number else ""


def _how(method: str | None) -> str:
    return f" ({method})" if method else ""
