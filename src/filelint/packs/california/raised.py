"""What the meet and confer raised, indexed once per folder for CAL002 and CAL006.

A communication counts for the moving side when it sent it, or when it was a live conversation
(phone, video, in person, IDC) whoever started it. Requests match by device and number; a
deposition item also by its kind, and a named one by its label (`filelint.Req.matches`). A label
that is only similar is a near miss (`Req.near_miss`): CAL006 warns, and CAL002 neither passes
nor fails the item.
"""

from __future__ import annotations

from filelint import Case, Communication, Req


def sources(case: Case) -> list[Communication]:
    """The communications that can raise a request for the moving side, before filing."""
    return [c for c in case.before_filing() if c.side == "moving" or c.live]


def _keys(req: Req) -> list[tuple[str, str, str]]:
    keys = [(req.device, req.item, req.number)] if req.number else []
    if req.name:
        keys.append((req.device, req.item, "name:" + req.name_ref))
    return keys


class RaisedIndex:
    """Every request each communication raised: one pass over the record, not one per request."""

    def __init__(self, comms: list[Communication]) -> None:
        self.every = [c for c in comms if c.raises is None]  # raised every request at issue
        self._by_key: dict[tuple[str, str, str], list[tuple[Req, Communication]]] = {}
        self._items: list[tuple[Req, Communication]] = []  # deposition items and plain deposition requests
        for c in comms:
            for r in c.raises or ():
                for key in _keys(r):
                    self._by_key.setdefault(key, []).append((r, c))
                if r.item or r.device == "deposition":
                    self._items.append((r, c))

    def raising(self, req: Req) -> list[Communication]:
        """The communications that raised ``req`` (by number, or by name for a named item)."""
        return [c for key in _keys(req) for r, c in self._by_key.get(key, ()) if r.matches(req)] + self.every

    def near_misses(self, req: Req) -> list[tuple[Req, Communication]]:
        """What a communication raised that resembles ``req`` without being it."""
        if not (req.item or req.device == "deposition"):
            return []
        return [(r, c) for r, c in self._items if r.near_miss(req)]
