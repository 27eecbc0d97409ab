"""Draft meet-and-confer entries from emails (``filelint init`` on a correspondence folder or
mailbox): one communication per message in thread order, each derived value with a
``# CONFIRM:`` comment saying where it came from, and nothing the record does not show.

Sides are read, never assumed: the notice says which party moves ("PLAINTIFF'S NOTICE OF
MOTION"), a letter or email says whom it is to ("To: Counsel for defendant") or for whom it is
signed ("Attorneys for Plaintiff"), and a domain seen on one side's message places the others.
A message whose side none of that shows gets a commented-out ``from:`` to fill in.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from filelint.papers.correspondence import SourceFacts, court_zone, source_facts

if TYPE_CHECKING:
    from filelint.documents import Message
    from filelint.pdf import DocumentText

Add = Callable[[str, "str | None"], None]
_MOVANT = re.compile(
    r"\b(PLAINTIFF|DEFENDANT|CROSS-COMPLAINANT|CROSS-DEFENDANT)(?:S'|'S|S)?\s+NOTICE\s+OF\s+MOTION"
    r"|\b(plaintiff|defendant)\b[^.]{0,120}?\bwill\s+move\b",
    re.IGNORECASE,
)
_TO_ROLE = re.compile(
    r"^\s*(?:To|Dear)\s*:?\s*(?:[\w.]+\s+){0,3}?counsel\s+for\s+(?:the\s+)?(?:\w+\s+)?"
    r"(plaintiff|defendant)",
    re.IGNORECASE | re.MULTILINE,
)
_FROM_ROLE = re.compile(
    r"(?:attorneys?|counsel)\s+for\s+(?:the\s+)?(plaintiff|defendant)s?\s*$", re.IGNORECASE | re.MULTILINE
)
_QUOTE_PROBE = 60
_LETTER_BODY = 400


@dataclass(frozen=True)
class Item:
    """One message found in the folder's mail, with what its source shows."""

    path: str
    doc: DocumentText
    message: Message
    facts: SourceFacts
    many: bool  # the file holds more than one message (a mailbox)

    @property
    def sent(self) -> dt.datetime:
        try:
            when = dt.datetime.fromisoformat(self.message.date or "")
        except ValueError:
            return dt.datetime.max.replace(tzinfo=dt.UTC)
        return when if when.tzinfo else when.replace(tzinfo=dt.UTC)


def is_mail(doc: DocumentText | None) -> bool:
    return bool(getattr(doc, "messages", ()))


def draft_mail(add: Add, docs: Mapping[str, DocumentText | None], device: str, timezone: str | None = None) -> bool:
    """Write ``meet_and_confer:`` (and ``parties:`` domains) from the mail among ``docs``;
    False when there is no mail (the caller then drafts from letters)."""
    items = thread(docs, timezone)
    if not items:
        return False
    papers = {p: d for p, d in docs.items() if d is not None and not is_mail(d)}
    movant = moving_role(papers.values())
    domains = sides_by_domain(items, movant)
    ids = {item.message.message_id: f"m{i}" for i, item in enumerate(items, 1) if item.message.message_id}
    add("meet_and_confer:", None)
    for i, item in enumerate(items, 1):
        _entry(add, f"m{i}", item, items[: i - 1], ids, domains, movant, papers, device)
    _parties(add, domains, movant)
    return True


def thread(docs: Mapping[str, DocumentText | None], timezone: str | None) -> list[Item]:
    """Every message once (by Message-ID), oldest first."""
    zone = court_zone(timezone)
    seen: dict[str, Item] = {}
    for path, doc in sorted(docs.items()):
        if doc is None or not is_mail(doc):
            continue
        messages = getattr(doc, "messages", ())
        for index, message in enumerate(messages):
            if message.depth:
                continue  # a forwarded message inside another is that message's content
            key = message.message_id or f"{path}#{index}"
            if key not in seen:
                facts = source_facts(doc, zone, message.message_id or None)
                seen[key] = Item(path, doc, message, facts, len(messages) > 1)
    return sorted(seen.values(), key=lambda it: (it.sent, it.path))


def moving_role(papers: object) -> str | None:
    """'plaintiff' or 'defendant', from the notice of motion's words."""
    for doc in papers:  # type: ignore[attr-defined]
        match = _MOVANT.search(doc.pages[0] if doc.pages else "")
        if match:
            return (match.group(1) or match.group(2)).lower().removeprefix("cross-")
    return None


def _role_side(role: str, movant: str | None) -> str | None:
    if movant is None:
        return None
    return "moving" if role.lower() == movant else "responding"


def _other(side: str) -> str:
    return "responding" if side == "moving" else "moving"


def text_side(item: Item, movant: str | None) -> str | None:
    """The sender's side from the message's own words (addressee or signature)."""
    to_role = _TO_ROLE.search(item.facts.text)
    if to_role:
        side = _role_side(to_role.group(1), movant)
        return _other(side) if side else None
    from_role = _FROM_ROLE.search(item.facts.text)
    return _role_side(from_role.group(1), movant) if from_role else None


def sides_by_domain(items: list[Item], movant: str | None) -> dict[str, str]:
    """Email domain -> side, from messages whose words show their side."""
    domains: dict[str, str] = {}
    for item in items:
        side = text_side(item, movant)
        if side is None or not item.message.sender:
            continue
        domains.setdefault(_domain(item.message.sender), side)
        for address in item.facts.recipients:
            domains.setdefault(_domain(address), _other(side))
    return domains


def _domain(address: str) -> str:
    return address.rpartition("@")[2].lower()


def _entry(
    add: Add,
    ident: str,
    item: Item,
    earlier: list[Item],
    ids: Mapping[str, str],
    domains: Mapping[str, str],
    movant: str | None,
    papers: Mapping[str, DocumentText],
    device: str,
) -> None:
    m = item.message
    add(f"  - id: {ident}", None)
    sent = item.facts.date
    if sent is not None:
        add(f"    date: {sent.isoformat()}", f"sent {m.date} ({item.path}); the day in the court's time zone")
    else:
        add("    # date: YYYY-MM-DD   # CONFIRM: the message has no readable Date header", None)
    side = text_side(item, movant) or (domains.get(_domain(m.sender)) if m.sender else None)
    if side:
        add(f"    from: {side}", f"sent by {m.sender}")
    else:
        add(
            f"    # from: moving or responding   # CONFIRM: sent by {m.sender or 'an unknown sender'}; which side?",
            None,
        )
    letter = _linked_letter(item, papers)
    if letter and len(m.new_text) < _LETTER_BODY:
        add("    channel: letter", f"the email carries the letter {letter}; letter or email?")
    else:
        add("    channel: email", "an email")
    _raises(add, item, device)
    _offers(add, item)
    answered = _answers(item, earlier, ids)
    if answered:
        add(f"    answers: {answered[0]}", answered[1])
    if letter:
        add(f'    file: "{letter}"', "the attachment, found in the folder")
    add(f'    source: "{item.path}"', None)
    if item.many and m.message_id:
        add(f'    message: "{m.message_id}"', None)


def _raises(add: Add, item: Item, device: str) -> None:
    from filelint.papers.common import number_key, number_list
    from filelint.refs import find_request_refs

    found = {str(r.number) for r in find_request_refs(item.facts.text) if getattr(r, "device", None) in (None, device)}
    if found:
        add(
            f'    raises: "{number_list(sorted(found, key=number_key))}"',
            "the requests its new text and attachments name (not the messages it quotes)",
        )
    else:
        add('    # raises: "..."   # CONFIRM: its new text names no request number; list what it raised', None)


def _offers(add: Add, item: Item) -> None:
    if item.facts.offers:
        add(f"    offers: [{', '.join(item.facts.offers)}]", "read from the offer words of its new text")
    if item.facts.asks:
        add(f"    asks: [{', '.join(item.facts.asks)}]", "what it asks for in return")


def _answers(item: Item, earlier: list[Item], ids: Mapping[str, str]) -> tuple[str, str] | None:
    """The earlier message this one answers: by In-Reply-To/References, else by what it quotes."""
    m = item.message
    for ref in (m.in_reply_to, *reversed(m.references)):
        if ref and ref in ids:
            return ids[ref], "from its In-Reply-To/References headers"
    from filelint.documents.mailtext import unquote

    quoted = " ".join(unquote(m.quoted_text).split())
    for other in reversed(earlier):
        probe = " ".join(other.message.new_text.split())[:_QUOTE_PROBE]
        if len(probe) >= 20 and probe in quoted:
            ident = ids.get(other.message.message_id)
            if ident:
                return ident, "it quotes that message (no reply headers)"
    return None


def _linked_letter(item: Item, papers: Mapping[str, DocumentText]) -> str | None:
    """The folder file whose text is that of one of the message's attachments."""
    pages = item.doc.pages
    for name in item.message.attachments:
        marker = f"[attachment {name}]\n"
        first = next((p[len(marker) :] for p in pages if p.startswith(marker)), None)
        for path, doc in sorted(papers.items()):
            if doc.pages and (path.rsplit("/", 1)[-1] == name or (first is not None and doc.pages[0] == first)):
                return path
    return None


def _parties(add: Add, domains: Mapping[str, str], movant: str | None) -> None:
    if not domains or movant is None:
        add("# parties: list each party with its side and its counsel's email or domains:", None)
        return
    other = "defendant" if movant == "plaintiff" else "plaintiff"
    add("parties:", None)
    for role, side in ((movant, "moving"), (other, "responding")):
        mine = sorted(d for d, s in domains.items() if s == side)
        listed = f", domains: [{', '.join(mine)}]" if mine else ""
        add(
            f"  - {{name: {role.title()}, role: {role}, side: {side}{listed}}}",
            f"the {side} side's counsel write from these domains; name the party",
        )
