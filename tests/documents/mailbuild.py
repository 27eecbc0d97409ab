"""Build realistic emails and mailboxes for the reader tests (stdlib email only)."""

from __future__ import annotations

from email.message import EmailMessage
from email.policy import default

PLAINTIFF = "Jane Lawyer <jane@plaintifflaw.com>"
DEFENSE = "Bob Counsel <bob@defensefirm.com>"


def message(
    body: str,
    *,
    sender: str = PLAINTIFF,
    to: str = DEFENSE,
    date: str = "Thu, 17 Aug 2023 16:12:00 -0700",
    subject: str = "Palominos v. GM: RFP responses",
    msgid: str = "m1@plaintifflaw.com",
    reply_to: str | None = None,
    html: str | None = None,
    charset: str | None = None,
) -> EmailMessage:
    msg = EmailMessage(policy=default)
    msg["From"], msg["To"], msg["Date"], msg["Subject"] = sender, to, date, subject
    msg["Message-ID"] = f"<{msgid}>"
    if reply_to:
        msg["In-Reply-To"] = f"<{reply_to}>"
        msg["References"] = f"<{reply_to}>"
    if html is not None and not body:
        msg.set_content(html, subtype="html")
    else:
        msg.set_content(body, charset=charset) if charset else msg.set_content(body)
        if html is not None:
            msg.add_alternative(html, subtype="html")
    return msg


def mbox(*messages: EmailMessage) -> bytes:
    out = b""
    for m in messages:
        out += b"From MAILER-DAEMON Thu Aug 17 16:12:00 2023\n" + m.as_bytes().replace(b"\nFrom ", b"\n>From ") + b"\n"
    return out
