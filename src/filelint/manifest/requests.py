"""Discovery requests as the manifest states them: ``"13-16, 34"``, ``[13, "14 through 16"]``.

A request is identified by device and number (``rfp`` 34, ``frog`` 17.1), with the set when
known. Letters rarely name the set, so matching ignores a set that either side leaves out.
A deposition item (PMQ topic, category of documents, document request, question) also has its
kind, and may have a name instead of a number (`filelint.manifest.items`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from filelint.manifest import items as depo

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
    """One discovery request: device, number (a string: form interrogatories are 17.1).

    A deposition item also has its ``item`` kind (``topic``, ``category``, ``request``,
    ``question``; empty for a plain numbered request) and may be known by ``name`` only, with
    ``number`` empty: ``Req("deposition", "", item="topic", name="vehicle maintenance records")``.
    """

    device: str
    number: str
    set: int | None = None
    item: str = ""
    name: str = ""

    def matches(self, other: Req) -> bool:
        """Same device, kind and number (or, where either has no number, the same name once case,
        spacing and punctuation are set aside); sets must agree only when both are known."""
        same_set = self.set is None or other.set is None or self.set == other.set
        if self.device != other.device or self.item != other.item or not same_set:
            return False
        if self.number and other.number:
            return self.number == other.number
        return bool(self.name and other.name) and depo.name_key(self.name) == depo.name_key(other.name)

    def near_miss(self, other: Req) -> bool:
        """Not the same item, but close enough that a person should look (never a match): the
        same number with the kind left out on one side, the same name under another kind, or a
        similar name of the same kind."""
        if self.device != other.device or self.matches(other):
            return False
        if self.number and self.number == other.number:
            return self.item != other.item and "" in (self.item, other.item)
        if not (self.name and other.name) or (self.number and other.number):
            return False
        if self.item != other.item:
            return depo.name_key(self.name) == depo.name_key(other.name)
        return depo.similar(self.name, other.name)

    @property
    def numbered(self) -> bool:
        """Papers can be searched for it: it has a number."""
        return bool(self.number)

    @property
    def ref(self) -> str:
        """How a finding names it (``Problem.requests``, waivers): the number for a plain request,
        ``topic 5`` or ``topic: vehicle maintenance records`` for a deposition item."""
        if not self.item:
            return self.number
        return f"{self.item} {self.number}" if self.number else self.name_ref

    @property
    def name_ref(self) -> str:
        """``topic: vehicle maintenance records`` for a named item, whatever its number; else empty."""
        return f"{self.item}: {depo.name_key(self.name)}" if self.name else ""

    @property
    def name_words(self) -> frozenset[str]:
        """The words that carry the name's meaning (what a near miss by name shares with it)."""
        return depo.name_words(self.name) if self.name else frozenset()

    @property
    def label(self) -> str:
        """``PMQ topic 'vehicle maintenance records'``, ``Category No. 3``, ``RFP No. 34``."""
        return format_requests([self])

    def sort_key(self) -> tuple[str, int, str, tuple[int, ...], str]:
        numbers = tuple(int(p) for p in self.number.split(".") if p.isdigit())
        return (self.device, self.set or 0, self.item, numbers, depo.name_key(self.name))


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
        if isinstance(item, dict):
            reqs.extend(_item_mapping(item, default_set))
            continue
        kind = depo.split_kind(str(item))
        device, text = _split_device(str(item), default_device) if kind is None else (default_device, "")
        if text.strip().lower() == "all":
            raise RequestListError(f"{item!r}: write `all` alone, for every request at issue")
        kind = kind or depo.split_kind(text)
        if kind is not None:
            reqs.extend(_deposition_items(kind[0], kind[1], default_set, str(item)))
            continue
        reqs.extend(Req(device, n, default_set) for n in parse_numbers(text))
    return _dedupe(reqs)


def _deposition_items(kind: str, text: str, set_: int | None, written: str) -> list[Req]:
    """``topics 1-4, 7``, ``topic: vehicle maintenance records``, ``topic 5 (vehicle maintenance
    records)``: numbered items, or one item known by its name."""
    if not text:
        raise RequestListError(f"{written!r} names no {kind}: write its number or its name, e.g. {kind}: <name>")
    both = depo.number_and_name(text)
    if both is not None:
        _charge(1, written)
        return [Req("deposition", both[0], set_, kind, both[1])]
    try:
        return [Req("deposition", n, set_, kind) for n in parse_numbers(text)]
    except RequestLimitError:
        raise
    except RequestListError:
        pass
    name = depo.clean_name(text)
    if not depo.name_key(name):
        raise RequestListError(f"{written!r}: a {kind}'s name needs letters or digits")
    _charge(1, written)
    return [Req("deposition", "", set_, kind, name)]


def _item_mapping(item: dict[str, Any], set_: int | None) -> list[Req]:
    """``{topic: 5, name: vehicle maintenance records}``, ``{topic: vehicle maintenance records}``,
    ``{category: "1-3"}`` (the schema allows one kind key and ``name``)."""
    kinds = [k for k in depo.KINDS if k in item]
    if len(kinds) != 1:
        raise RequestListError(f"{item!r}: name one kind of deposition item ({', '.join(depo.KINDS)})")
    kind, value = kinds[0], item[kinds[0]]
    found = _deposition_items(kind, str(value).strip(), set_, f"{kind}: {value}")
    name = item.get("name")
    if name is None:
        return found
    if len(found) != 1 or not found[0].number:
        raise RequestListError(f"{item!r}: `name:` goes with one numbered {kind}, e.g. {{{kind}: 5, name: ...}}")
    return [Req("deposition", found[0].number, set_, kind, depo.clean_name(str(name)))]


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
    """``RFP Nos. 13-16 and 34`` — grouped by device, consecutive numbers as ranges; a deposition
    item by its kind, and by its name where it has one (``PMQ topic 'vehicle maintenance records'``)."""
    groups: dict[tuple[str, str, str], list[Req]] = {}
    for r in sorted(set(reqs), key=Req.sort_key):
        groups.setdefault((r.device, r.item, r.ref if r.name else ""), []).append(r)
    parts = []
    for (device, item, _), group in groups.items():
        label = depo.ITEM_LABEL.get(item, item) if item else DEVICE_LABEL.get(device, device)
        first = group[0]
        if first.name:
            parts.append(f"{label} No. {first.number} ('{first.name}')" if first.number else f"{label} '{first.name}'")
            continue
        plural = "Nos." if len(group) > 1 else "No."
        parts.append(f"{label} {plural} {_ranges([r.number for r in group])}")
    return "; ".join(dict.fromkeys(parts))


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
