"""Reader benchmarks beside the PDF one: pages or messages per second, cold and warm.

    python benchmarks/bench_readers.py [--pages 100] [--messages 200]

The same generated paper is read as PDF and as Word .docx; an email thread is read as one .mbox
and as separate .eml files (each with a Word letter attached). "cold" reads with an empty cache
through the worker pool, as `filelint check` does (one job; worker start-up included); "inline"
is the reader alone in this process; "warm" is every file a cache hit. Figures depend on the
machine: compare the rows, not the seconds.
"""

from __future__ import annotations

import argparse
import math
import sys
import tempfile
import time
from collections.abc import Callable
from email.message import EmailMessage
from email.policy import default
from pathlib import Path

ROW = "{:<34} {:>8} {:>10} {:>12} {:>12} {:>12}"


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def paper(pages: int) -> list[list[str]]:
    return [
        [
            f"{i}. Plaintiff asks for further responses to Request No. {i % 40 + 1}; the responses were "
            "evasive and incomplete."
            for i in range(26)
        ]
        for _ in range(pages)
    ]


def thread(n: int, letter: bytes) -> list[bytes]:
    out = []
    for i in range(n):
        msg = EmailMessage(policy=default)
        msg["From"] = "a@plaintiff.example" if i % 2 == 0 else "b@defense.example"
        msg["To"] = "b@defense.example" if i % 2 == 0 else "a@plaintiff.example"
        msg["Date"] = f"Thu, {1 + i % 28} Aug 2023 16:{i % 60:02d}:00 -0700"
        msg["Subject"] = "RE: meet and confer"
        msg["Message-ID"] = f"<m{i}@example>"
        if i:
            msg["In-Reply-To"] = f"<m{i - 1}@example>"
        msg.set_content(
            f"Message {i}: we will supplement RFP Nos. 13-16.\n\nOn an earlier day X wrote:\n"
            + "> earlier text about RFP No. 34\n" * 20
        )
        if i % 5 == 0:
            msg.add_attachment(letter, maintype="application", subtype="octet-stream", filename=f"letter{i}.docx")
        out.append(msg.as_bytes())
    return out


def outlook(root: Path, n: int, letter: bytes) -> list[Path]:
    from filelint.testing.msgwrite import msg_bytes

    paths = []
    for i in range(n):
        paths.append(root / f"o{i:04d}.msg")
        paths[-1].write_bytes(
            msg_bytes(
                sender="a@plaintiff.example",
                to="b@defense.example",
                date="Thu, 17 Aug 2023 16:00:00 -0700",
                subject="RFP",
                body=f"Message {i}: we will supplement RFP Nos. 13-16.",
                message_id=f"o{i}@x",
                attachments=[("letter.docx", letter)] if i % 5 == 0 else [],
            )
        )
    return paths


def measure(label: str, paths: list[Path], units: int, unit: str, cache: Path) -> None:
    from filelint.documents import read_documents

    inline = timed(lambda: read_documents(paths, timeout=math.inf))
    cold = timed(lambda: read_documents(paths, cache_dir=cache))
    warm = timed(lambda: read_documents(paths, cache_dir=cache))
    print(
        ROW.format(
            label,
            f"{units} {unit}",
            f"{units / inline:.0f}/s",
            f"{units / cold:.0f}/s",
            f"{units / warm:.0f}/s",
            f"{cold / warm:.0f}x",
        )
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--messages", type=int, default=200)
    args = parser.parse_args()
    from filelint.testing.docxwrite import docx_bytes
    from filelint.testing.pdfwrite import write_pdf

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        pdf = write_pdf(root / "paper.pdf", paper(args.pages), pleading_paper=True)
        (root / "paper.docx").write_bytes(docx_bytes(paper(args.pages), pleading_numbers=True))
        letter = docx_bytes(paper(2))
        messages = thread(args.messages, letter)
        (root / "thread.mbox").write_bytes(b"".join(b"From x Thu Aug 17 16:00:00 2023\n" + m + b"\n" for m in messages))
        emls = []
        for i, data in enumerate(messages):
            emls.append(root / f"m{i:04d}.eml")
            emls[-1].write_bytes(data)
        print(ROW.format("reader", "size", "inline", "cold", "warm", "cold/warm"))
        measure("PDF (pdfminer)", [pdf], args.pages, "pp", root / "c1")
        measure("Word .docx (python-docx)", [root / "paper.docx"], args.pages, "pp", root / "c2")
        measure("mailbox .mbox (email)", [root / "thread.mbox"], args.messages, "msgs", root / "c3")
        measure(".eml files (email)", emls, args.messages, "msgs", root / "c4")
        measure(
            "Outlook .msg files (extract-msg)",
            outlook(root, args.messages // 4, letter),
            args.messages // 4,
            "msgs",
            root / "c5",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
