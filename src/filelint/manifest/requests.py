"""Discovery requests as the manifest states them: ``"13-16, 34"``, ``[13, "14 through 16"]``.

A request is identified by device and number (``rfp`` 34, ``frog`` 17.1), with the set when
known. Letters rarely name the set, so matching ignores a set that either side leaves out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

DEVICES = ("rfp", "srog", "frog", "rfa", "rog", "deposition")
DEVICE_LABEL = {
    "rfp": "RFP",
    "srog": "Special Interrogatory",
    "frog": "Form Interrogatory",
    "rfa": "RFA",
    "rog": "Interrogatory",
    "deposition": "Deposition request",
}
MAX_RANGE = 2000
# [0-9], not \d: Arabic-Indic or fullwidth digits would be accepted here but never match the
# ASCII numbers in the papers, giving false findings; they are refused with a message instead.
_RANGE = re.compile(r"^([0-9]+)\s*(?:-|–|—|through|thru|to)\s*([0-9]+)$", re.IGNORECASE)
_NUMBER = re.compile(r"^[0-9]+(?:\.[0-9]+)?$")
_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b)\s*", re.IGNORECASE)


class RequestListError(ValueError):
    """A request list that cannot be read, with a message a paralegal understands."""

    code = "FL003"


class RequestLimitError(RequestListError):
    """The manifest names more requests than the cap (filelint.limits.REQUESTS)."""

    code = "FL904"


#: Requests still allowed while a manifest is read (`budget`); unset: no cap (text in papers).
_BUDGET: ContextVar[list[int] | None] = ContextVar("request_budget", default=None)


@contextmanager
def budget(limit: int) -> Iterator[None]:
    """Cap the requests every list read inside the block may name, together."""
    token = _BUDGET.set([limit, limit])
    try:
        yield
    finally:
        _BUDGET.reset(token)


def _charge(count: int, part: str) -> None:
    """Spend ``count`` requests of the budget before they are built (a range is never expanded
    past the cap)."""
    left = _BUDGET.get()
    if left is None:
        return
    left[0] -= count
    if left[0] < 0:
        from filelint.limits import REQUESTS

        raise RequestLimitError(
            f"the manifest names more than {left[1]} requests in all (reached at {part!r}); {REQUESTS.says()}"
        )


@dataclass(frozen=True, order=True)
class Req:
    """One discovery request: device, number (a string: form interrogatories are 17.1)."""

    device: str
    number: str
    set: int | None = None

    def matches(self, other: Req) -> bool:
        """Same device and number; sets must agree only when both are known."""
        same_set = self.set is None or other.set is None or self.set == other.set
        return self.device == other.device and self.number == other.number and same_set

    def sort_key(self) -> tuple[str, int, tuple[int, ...]]:
        return (self.device, self.set or 0, tuple(int(p) for p in self.number.split(".")))


def parse_numbers(text: str) -> list[str]:
    """``"2, 3, 8, and 13 through 16"`` -> ``["2", "3", "8", "13", "14", "15", "16"]``."""
    out: list[str] = []
    cleaned = re.sub(r"^(?:nos?\.?|numbers?)\s*", "", text.strip(), flags=re.IGNORECASE)
    for part in _SPLIT.split(cleaned):
        part = part.strip()
        if not part:
            continue
        out.extend(_expand(part))
    if not out:
        raise RequestListError(f"no request numbers in {text!r}")
    return out


def _expand(part: str) -> list[str]:
    match = _RANGE.match(part)
    if match:
        low, high = int(match.group(1)), int(match.group(2))
        if low < 1:
            raise RequestListError(f"request numbers start at 1, not {low} (in {part!r})")
        if high < low:
            raise RequestListError(f"range {part!r} runs backwards; write {high}-{low}")
        if high - low + 1 > MAX_RANGE:
            raise RequestListError(
                f"range {part!r} names {high - low + 1} requests; more than {MAX_RANGE} is surely a typo"
            )
        _charge(high - low + 1, part)
        return [str(n) for n in range(low, high + 1)]
    if _NUMBER.match(part):
        if float(part) < 1:
            raise RequestListError(f"request numbers start at 1, not {part}")
        _charge(1, part)
        return [part.lstrip("0") or "0"]
    if any(c.isdigit() and not c.isascii() for c in part):
        raise RequestListError(
            f"{part!r} uses digits other than 0-9 (Arabic-Indic, fullwidth ...); "
            "write request numbers with the digits 0-9"
        )
    raise RequestListError(f"{part!r} is not a request number or range (write e.g. 13-16)")


def parse_request_list(value: Any, default_device: str, default_set: int | None = None) -> list[Req] | None:
    """Read a manifest request list; ``None`` means ``all`` (every request at issue). Outside a
    `budget` (lists read by rules: waivers, good cause) each list has the cap to itself."""
    if isinstance(value, str) and value.strip().lower() == "all":
        return None
    if _BUDGET.get() is None:
        from filelint.limits import REQUESTS

        with budget(REQUESTS.value()):
            return parse_request_list(value, default_device, default_set)
    items: Iterable[Any] = value if isinstance(value, list) else [value]
    reqs: list[Req] = []
    for item in items:
        if isinstance(item, bool):
            raise RequestListError(f"{item!r} is not a request number")
        if isinstance(item, int):
            if item < 1:
                raise RequestListError(f"request numbers start at 1, not {item}")
            _charge(1, str(item))
            reqs.append(Req(default_device, str(item), default_set))
            continue
        device, text = _split_device(str(item), default_device)
        if text.strip().lower() == "all":
            raise RequestListError(f"{item!r}: write `all` alone, for every request at issue")
        reqs.extend(Req(device, n, default_set) for n in parse_numbers(text))
    return _dedupe(reqs)


def _split_device(item: str, default_device: str) -> tuple[str, str]:
    if ":" in item:
        prefix, rest = item.split(":", 1)
        if prefix.strip().lower() in DEVICES:
            return prefix.strip().lower(), rest
        raise RequestListError(f"unknown device {prefix!r} in {item!r}; use one of " + ", ".join(DEVICES))
    return default_device, item


def _dedupe(reqs: list[Req]) -> list[Req]:
    seen: dict[Req, None] = {}
    for r in reqs:
        seen.setdefault(r, None)
    return list(seen)


def format_requests(reqs: Iterable[Req]) -> str:
    """``RFP Nos. 13-16 and 34`` — grouped by device, consecutive numbers as ranges."""
    by_device: dict[str, list[Req]] = {}
    for r in sorted(set(reqs), key=Req.sort_key):
        by_device.setdefault(r.device, []).append(r)
    parts = []
    for device, group in by_device.items():
        numbers = _ranges([r.number for r in group])
        label = DEVICE_LABEL.get(device, device)
        plural = "Nos." if len(group) > 1 else "No."
        parts.append(f"{label} {plural} {numbers}")
    return "; ".join(parts)


def _ranges(numbers: list[str]) -> str:
    chunks: list[str] = []
    run: list[int] = []
    for n in numbers:
        if not n.isdigit():
            chunks.extend(_flush(run))
            run = []
            chunks.append(n)
        elif run and int(n) == run[-1] + 1:
            run.append(int(n))
        else:
            chunks.extend(_flush(run))
            run = [int(n)]
    chunks.extend(_flush(run))
    if len(chunks) > 1:
        return ", ".join(chunks[:-1]) + " and " + chunks[-1]
    return chunks[0] if chunks else ""


def _flush(run: list[int]) -> list[str]:
    if not run:
        return []
    if len(run) == 1:
        return [str(run[0])]
    if len(run) == 2:
        return [str(run[0]), str(run[1])]
    return [f"{run[0]}-{run[-1]}"]
