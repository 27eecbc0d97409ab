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


def _name_keys(req: Req) -> list[str]:
    """The words of a named item's label, and the whole label (a label may be all small words)."""
    return [*sorted(req.name_words), "=" + req.name_ref.partition(": ")[2]] if req.name else []


class RaisedIndex:
    """Every request each communication raised: one pass over the record, not one per request."""

    def __init__(self, comms: list[Communication]) -> None:
        self.every = [c for c in comms if c.raises is None]  # raised every request at issue
        self._by_key: dict[tuple[str, str, str], list[tuple[Req, Communication]]] = {}
        self._by_number: dict[tuple[str, str], list[tuple[Req, Communication]]] = {}
        self._named: dict[str, list[tuple[Req, Communication]]] = {}  # by each word of the name, and by its key
        for c in comms:
            for r in c.raises or ():
                for key in _keys(r):
                    self._by_key.setdefault(key, []).append((r, c))
                if r.device == "deposition" and r.number:
                    self._by_number.setdefault((r.device, r.number), []).append((r, c))
                for word in _name_keys(r):
                    self._named.setdefault(word, []).append((r, c))

    def raising(self, req: Req) -> list[Communication]:
        """The communications that raised ``req`` (by number, or by name for a named item)."""
        return [c for key in _keys(req) for r, c in self._by_key.get(key, ()) if r.matches(req)] + self.every

    def near_misses(self, req: Req) -> list[tuple[Req, Communication]]:
        """What a communication raised that resembles ``req`` without being it: the same number
        under a kind left out (looked up, not searched), or a similar name."""
        if req.device != "deposition":
            return []
        found = list(self._by_number.get((req.device, req.number), ())) if req.number else []
        for word in _name_keys(req):
            found += self._named.get(word, ())
        seen: set[tuple[int, int]] = set()
        out = []
        for r, c in found:  # a near miss by name shares a word or the whole label (Req.near_miss)
            if (id(r), id(c)) not in seen and r.near_miss(req):
                seen.add((id(r), id(c)))
                out.append((r, c))
        return out
