"""Build the Word-and-email example folder from the seed case's text sources.

    python examples/build_word_email.py            # rewrite examples/palominos-cervantes-v-gm-word-email/
    python examples/build_word_email.py --check    # exit 1 if a committed file differs

The seed case as it looked before filing: every paper a Word file (papers-src/palominos-cervantes-v-gm/,
one paragraph per source line, a page break where the PDF starts a page), and the meet and confer an
email thread: plaintiff's counsel emails the Aug. 17 letter, GM's counsel answers on Aug. 30 with its
letter, quoting the first email. The manifest names each email as its communication's `source:`, so
filelint reads the dates, sides, requests and offers from the messages. Output is byte-for-byte
reproducible (fixed zip timestamps, MIME boundaries and message ids).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from email.message import EmailMessage
from email.policy import default
from pathlib import Path

import build_papers

from filelint.testing.docxwrite import docx_bytes

HERE = Path(__file__).resolve().parent
NAME = "palominos-cervantes-v-gm-word-email"
PLAINTIFF = "Counsel for Plaintiff <counsel@plaintiff-firm.example>"
DEFENSE = "Counsel for GM <counsel@defense-firm.example>"
MANIFEST = """\
# The seed case (../palominos-cervantes-v-gm) as Word drafts and an email thread, before filing.
# Built by ../build_word_email.py. The meet-and-confer facts below match what filelint reads from
# each email (`source:`); change one and FL114 says where it differs. Counsel addresses are invented.
filelint: 1
court:
  system: ca-superior
  county: Los Angeles
  department: "52"
case:
  number: 23STCV03596
  title: German Palominos Cervantes v. General Motors LLC
parties:
  - {name: German Palominos Cervantes, role: plaintiff, side: moving, domains: [plaintiff-firm.example]}
  - {name: General Motors LLC, role: defendant, side: responding, domains: [defense-firm.example]}
motion:
  kind: compel-further-rfp
  title: Plaintiff's Motion to Compel Further Responses to Requests for Production
  requests_at_issue: "13-16, 34, 35"
  filed: 2023-09-15                                  # assumed, as in the seed case
  served: {date: 2023-09-15, method: electronic}     # assumed
  hearing: 2023-12-05
discovery:
  - {id: rfp-1, device: rfp, set: 1, served: 2023-07-03, method: electronic}   # assumed
responses:
  - id: gm-rfp-1
    device: rfp
    set: 1
    kind: hybrid
    items:
      - {requests: "34", kind: compliance-partial}
    served: 2023-08-04
    method: electronic
    verified: true
    verification_served: 2023-08-04
    verification_method: electronic
    file: exhibits/ex2-gm-responses.docx
meet_and_confer:
  - id: m1
    date: 2023-08-17          # sent 11:40 p.m. Pacific: Aug. 18 in UTC, Aug. 17 in the court
    from: moving
    channel: letter
    raises: "2, 3, 8, 13-16"
    file: exhibits/ex3-meet-and-confer-letter.docx
    source: correspondence/m1-letter-of-aug-17.eml
  - id: m2
    date: 2023-08-30
    from: responding
    channel: letter
    answers: m1
    raises: "13-16"
    offers: [supplement]
    asks: [protective-order, search-terms]
    file: exhibits/ex4-gm-reply.docx
    source: correspondence/m2-gm-reply.eml
papers:
  - {role: notice, path: notice-of-motion.docx}
  - {role: memorandum, path: memorandum.docx}
  - {role: declaration, path: yashar-declaration.docx}
  - {role: separate-statement, path: separate-statement.docx}
  - {role: exhibit, exhibit: 2, path: exhibits/ex2-gm-responses.docx}
  - {role: exhibit, exhibit: 3, path: exhibits/ex3-meet-and-confer-letter.docx}
  - {role: exhibit, exhibit: 4, path: exhibits/ex4-gm-reply.docx}
"""
DOCX = "vnd.openxmlformats-officedocument.wordprocessingml.document"


def papers() -> dict[str, bytes]:
    """Every paper of the seed case as a Word file, by path in the folder."""
    out = {}
    banner = build_papers.BANNERS[build_papers.SEED]
    for output, source in build_papers.folder_sources(build_papers.SEED).items():
        width, per_page = build_papers.PLEADING if source.pleading else build_papers.PLAIN
        pages = build_papers.paragraph_layout(source.body, banner, width, per_page)
        path = str(Path(output).with_suffix(".docx"))
        out[path] = docx_bytes(pages, header=source.title, pleading_numbers=source.pleading)
    return out


def _email(
    body: str,
    *,
    sender: str,
    to: str,
    date: str,
    subject: str,
    msgid: str,
    attachment: tuple[str, bytes],
    reply_to: str | None = None,
) -> bytes:
    msg = EmailMessage(policy=default)
    msg["From"], msg["To"], msg["Date"], msg["Subject"] = sender, to, date, subject
    msg["Message-ID"] = f"<{msgid}>"
    if reply_to:
        msg["In-Reply-To"] = msg["References"] = f"<{reply_to}>"
    msg.set_content(body)
    name, data = attachment
    msg.add_attachment(data, maintype="application", subtype=DOCX, filename=name)
    msg.set_boundary(f"==filelint-example-{msgid.split('@')[0]}==")
    return msg.as_bytes()


def emails(built: dict[str, bytes]) -> dict[str, bytes]:
    letter = "exhibits/ex3-meet-and-confer-letter.docx"
    reply = "exhibits/ex4-gm-reply.docx"
    m1 = _email(
        "Counsel,\n\nPlease see the attached meet and confer letter regarding GM's responses.\n\n"
        "Counsel for Plaintiff\n",
        sender=PLAINTIFF,
        to=DEFENSE,
        date="Thu, 17 Aug 2023 23:40:00 -0700",
        subject="Palominos Cervantes v. GM (23STCV03596) - meet and confer",
        msgid="m1@plaintiff-firm.example",
        attachment=(Path(letter).name, built[letter]),
    )
    m2 = _email(
        "Counsel,\n\nGM's response to your letter is attached.\n\nCounsel for GM\n\n"
        "On Thu, Aug 17, 2023 at 11:40 PM Counsel for Plaintiff <counsel@plaintiff-firm.example> wrote:\n"
        "> Counsel,\n> Please see the attached meet and confer letter regarding GM's responses.\n",
        sender=DEFENSE,
        to=PLAINTIFF,
        date="Wed, 30 Aug 2023 16:05:00 -0700",
        subject="RE: Palominos Cervantes v. GM (23STCV03596) - meet and confer",
        msgid="m2@defense-firm.example",
        reply_to="m1@plaintiff-firm.example",
        attachment=(Path(reply).name, built[reply]),
    )
    return {"correspondence/m1-letter-of-aug-17.eml": m1, "correspondence/m2-gm-reply.eml": m2}


def build(dest: Path) -> list[Path]:
    built = papers()
    files = {**built, **emails(built), "filelint.yaml": MANIFEST.encode()}
    written = []
    for rel, data in sorted(files.items()):
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args(argv)
    if not args.check:
        for path in build(HERE / NAME):
            print(path.relative_to(HERE))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        stale = [
            p.relative_to(tmp)
            for p in build(Path(tmp))
            if not (HERE / NAME / p.relative_to(tmp)).is_file()
            or (HERE / NAME / p.relative_to(tmp)).read_bytes() != p.read_bytes()
        ]
    for path in stale:
        print(f"out of date: {path}", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
