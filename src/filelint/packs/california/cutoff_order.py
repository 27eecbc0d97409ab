"""What a recorded order or written stipulation does to the discovery motion cutoff (CCP 2024.050, 2024.060).

``case.discovery_cutoff_order`` states the order in words; ``case.discovery_motion_cutoff`` the last day it sets
for hearing discovery motions; ``case.discovery_cutoff_order_devices`` the devices it reopens or extends
discovery for. An order that extends discovery only for some devices (certain depositions, say) leaves every
other motion under the CCP 2024.020 cutoff (Pinter-Brown v. Regents of the University of California, L.A.
Super. Ct. No. BC624838, Dept. 72, Sept. 6, 2022).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from filelint import Case, manifest_date
from filelint.packs.california.one_motion import DEVICES, devices


@dataclass(frozen=True)
class CutoffOrder:
    text: str | None
    motion_cutoff: dt.date | None
    devices: tuple[str, ...]

    @property
    def stated(self) -> bool:
        return bool(self.text or self.motion_cutoff or self.devices)


def read(case: Case) -> CutoffOrder:
    raw = case.raw.get("case", {}) or {}
    text = raw.get("discovery_cutoff_order")
    listed = raw.get("discovery_cutoff_order_devices") or []
    return CutoffOrder(
        text=text if isinstance(text, str) and text.strip() else None,
        motion_cutoff=manifest_date(raw.get("discovery_motion_cutoff")),
        devices=tuple(d for d in listed if isinstance(d, str)),
    )


def outside(order: CutoffOrder, case: Case) -> tuple[str, ...]:
    """The motion's devices the order does not reach; empty when it reaches them all or the scope is unknown."""
    if not order.devices:
        return ()
    return tuple(d for d in devices(case) if d not in order.devices)


def names(found: tuple[str, ...]) -> str:
    """Devices in words: "depositions", "form interrogatories"."""
    words = {"deposition": "depositions"}
    return ", ".join(words.get(d) or DEVICES.get(d, (d,))[0] for d in found)
