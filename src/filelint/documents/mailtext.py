"""The text of an email body: HTML made plain, and the sender's new text told apart from the
earlier messages it quotes or forwards and from the signature.

Requests "raised" by a message are those in its new text: a reply that quotes the letter it
answers does not raise the letter's requests again.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

#: Lines that start the quoted part of a reply or forward (plain text, as clients write them).
_QUOTE_START = (
    re.compile(r"^>"),
    re.compile(r"^On\b.{4,300}\bwrote:\s*$", re.IGNORECASE),
    re.compile(r"^-{2,}\s*(?:Original|Forwarded)\s+Message\s*-{2,}", re.IGNORECASE),
    re.compile(r"^Begin forwarded message:", re.IGNORECASE),
    re.compile(r"^_{10,}\s*$"),
)
_HEADER_FROM = re.compile(r"^\*?From:\*?\s+\S", re.IGNORECASE)
_HEADER_NEXT = re.compile(r"^\*?(?:Sent|Date|To|Subject):\*?\s", re.IGNORECASE)
_ON_WROTE_SPLIT = re.compile(r"^On\b.{4,200}$", re.IGNORECASE)
_SIGNATURE = (re.compile(r"^--\s?$"), re.compile(r"^Sent from my \w+", re.IGNORECASE))


def split_reply(text: str) -> tuple[str, str]:
    """(new text, quoted text) of a plain-text body; the signature is dropped from the new text."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    cut = _quote_start(lines)
    new, quoted = lines[:cut], lines[cut:]
    sig = next((i for i, ln in enumerate(new) if any(p.match(ln.strip()) for p in _SIGNATURE)), len(new))
    return "\n".join(new[:sig]).strip(), "\n".join(quoted).strip()


def _quote_start(lines: list[str]) -> int:
    for i, raw in enumerate(lines):
        line = raw.strip()
        if any(p.match(line) for p in _QUOTE_START):
            return i
        if _ON_WROTE_SPLIT.match(line) and i + 1 < len(lines) and lines[i + 1].strip().endswith("wrote:"):
            return i  # "On ... <jane@x.com>" / "wrote:" wrapped over two lines
        if _HEADER_FROM.match(line) and any(_HEADER_NEXT.match(n.strip()) for n in lines[i + 1 : i + 4]):
            return i  # Outlook's "From: / Sent: / To: / Subject:" block
    return len(lines)


def unquote(text: str) -> str:
    """Quoted text without its '>' markers (to compare with an earlier message's text)."""
    return "\n".join(re.sub(r"^(?:\s*>)+ ?", "", ln) for ln in text.split("\n"))


_BLOCK = {
    "p",
    "div",
    "br",
    "tr",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "blockquote",
    "hr",
    "pre",
    "ul",
    "ol",
}
_HIDDEN = {"script", "style", "head", "title"}
#: Elements where mail clients put the quoted earlier message of a reply.
_QUOTE_CLASSES = ("gmail_quote", "yahoo_quoted", "moz-cite-prefix", "protonmail_quote")
_QUOTE_IDS = ("divrplyfwdmsg", "appendonsend", "mail-editor-reference-message-container")


class _Text(HTMLParser):
    """HTML to lines; text inside a quote container comes out prefixed with '> '."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = [""]
        self.quote = 0
        self.hidden = 0
        self.rest_quoted = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: (v or "").lower() for k, v in attrs}
        if tag in _HIDDEN:
            self.hidden += 1
        if tag == "blockquote":
            self.quote += 1
        if any(c in values.get("class", "") for c in _QUOTE_CLASSES) or values.get("id", "") in _QUOTE_IDS:
            self.rest_quoted = True  # everything from here on is the earlier message
        if tag in _BLOCK:
            self.lines.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        if tag == "blockquote":
            self.quote = max(0, self.quote - 1)
        if tag in _BLOCK:
            self.lines.append("")

    def handle_data(self, data: str) -> None:
        if self.hidden:
            return
        text = re.sub(r"\s+", " ", data)
        if not text.strip():
            return
        if not self.lines[-1] and (self.quote or self.rest_quoted):
            self.lines[-1] = "> "
        self.lines[-1] += text


def html_to_text(html: str) -> str:
    """Plain text of an HTML body, with quoted parts marked by '> '."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    return "\n".join(ln.strip() for ln in parser.lines if ln.strip())
