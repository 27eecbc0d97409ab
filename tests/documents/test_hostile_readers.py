"""Hostile Word and email files through the whole check: each is a clear finding naming the file
and the problem, in bounded time and memory, with nothing written to the folder."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from email.message import EmailMessage
from pathlib import Path

import pytest

from filelint.documents import read_documents
from filelint.testing.docxwrite import docx_bytes, encrypted_docx, zip_bomb_docx

from .mailbuild import message

MANIFEST = """filelint: 1
court: {system: ca-superior, county: Los Angeles, department: "52"}
case: {number: 23STCV03596}
parties:
  - {name: Plaintiff, side: moving, domains: [plaintifflaw.com]}
  - {name: Defendant, side: responding, domains: [defensefirm.com]}
motion:
  kind: compel-further-rfp
  requests_at_issue: "13-16"
  filed: 2023-09-15
  hearing: 2023-12-05
meet_and_confer:
  - {id: m1, date: 2023-08-17, from: moving, channel: email, raises: "13-16", source: loop.eml}
  - {id: m2, date: 2023-08-17, from: moving, channel: email, raises: "13-16", source: big.eml}
  - {id: m3, date: 2023-08-17, from: moving, channel: email, raises: "13-16", source: headers.eml}
papers:
  - {role: notice, path: notice.docx}
  - {role: memorandum, path: memo.docx}
  - {role: separate-statement, path: sep.docx}
  - {role: declaration, path: decl.docx}
"""


def nested_forwards(depth: int) -> bytes:
    """A message forwarding a message forwarding ... ``depth`` deep (message/rfc822 in each)."""
    raw = message("the bottom: RFP No. 13").as_bytes()
    for i in range(depth):
        raw = (
            (
                b"From: a@plaintifflaw.com\nTo: b@defensefirm.com\nSubject: fwd %d\nMIME-Version: 1.0\n"
                b'Content-Type: multipart/mixed; boundary="b%d"\n\n--b%d\nContent-Type: text/plain\n\nfwd\n'
                b"--b%d\nContent-Type: message/rfc822\n\n" % (i, i, i, i)
            )
            + raw
            + b"\n--b%d--\n" % i
        )
    return raw


def hostile_folder(folder: Path) -> Path:
    folder.mkdir()
    (folder / "filelint.yaml").write_text(MANIFEST, "utf-8")
    (folder / "notice.docx").write_bytes(zip_bomb_docx())
    (folder / "memo.docx").write_bytes(encrypted_docx())
    good = docx_bytes([["DECLARATION", "RFP Nos. 13-16"]])
    (folder / "sep.docx").write_bytes(good[: len(good) // 3])
    (folder / "decl.docx").write_bytes(good.replace(b"word/document.xml", b"word/documenX.xml"))
    (folder / "loop.eml").write_bytes(nested_forwards(3000))
    big = message("RFP Nos. 13-16: see the attached.")
    big.add_attachment(
        b"%PDF-1.4\n" + b"0" * (30 * 1024 * 1024), maintype="application", subtype="pdf", filename="huge.pdf"
    )
    (folder / "big.eml").write_bytes(big.as_bytes())
    (folder / "headers.eml").write_bytes(
        b'From: "unterminated <jane@plaintifflaw.com\nTo: ,,,@@@\nDate: 31 Feb 2023 25:61:00 +9999\n'
        b"Subject: =?x-unknown?B?!!!?=\nContent-Type: text/plain; charset=x-nonsense\n\nRFP Nos. 13-16.\n"
    )
    return folder


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_hostile_folder_is_checked_with_findings(tmp_path: Path) -> None:
    folder = hostile_folder(tmp_path / "case")
    before = snapshot(folder)
    started = time.monotonic()
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "filelint",
            "check",
            str(folder),
            "--no-plugins",
            "--format",
            "json",
            "--today",
            "2023-09-01",
        ],
        capture_output=True,
        text=True,
        env={"FILELINT_CACHE_DIR": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"},
        check=False,
    )
    seconds = time.monotonic() - started
    assert "Traceback" not in run.stdout + run.stderr
    assert run.returncode == 1
    found = {(f["code"], f["message"].split(":")[0]): f["message"] for f in json.loads(run.stdout)["findings"]}
    assert "would inflate to 2048 MiB" in found[("FL111", "notice.docx")]
    assert "encrypted Word file" in found[("FL111", "memo.docx")]
    assert "damaged Word file" in found[("FL111", "sep.docx")]
    assert "damaged Word file" in found[("FL111", "decl.docx")]
    assert "nested too deeply" in found[("FL111", "loop.eml")]
    assert snapshot(folder) == before  # nothing written into the user's folder
    # Memory is bounded by the size limits (a 42 MB email peaks at about 380 MiB, measured in a
    # fresh process); a child's maxrss here would include this test process's own.
    assert seconds < 60, seconds


def test_huge_attachment_and_bad_headers_still_read(tmp_path: Path) -> None:
    folder = hostile_folder(tmp_path / "case")
    docs = read_documents([folder / "big.eml", folder / "headers.eml"])
    big = docs[folder / "big.eml"]
    assert big.status == "ok" and any("huge.pdf" in p and "limit" in p for p in big.messages[0].problems)  # type: ignore[attr-defined]
    bad = docs[folder / "headers.eml"]
    assert bad.status == "ok" and "13-16" in bad.pages[0]
    assert bad.messages[0].date is None  # type: ignore[attr-defined]


def test_slow_word_file_times_out(tmp_path: Path) -> None:
    path = tmp_path / "long.docx"
    path.write_bytes(docx_bytes([[f"Paragraph {i} about RFP No. {i % 50}." for i in range(4000)]]))
    # Parsing alone takes ~30 ms even in a worker forked after python-docx was imported.
    doc = read_documents([path], timeout=0.005)[path]
    assert doc.status == "timeout" and "did not finish" in doc.detail


def test_empty_and_truncated_messages(tmp_path: Path) -> None:
    empty_mbox = tmp_path / "t.mbox"
    empty_mbox.write_bytes(b"From nobody Thu Jan  1 00:00:00 2023\n\n")
    half = tmp_path / "half.eml"
    msg: EmailMessage = message("RFP No. 13")
    half.write_bytes(msg.as_bytes()[:40])
    docs = read_documents([empty_mbox, half])
    assert docs[empty_mbox].status in ("corrupt", "ok")
    assert docs[half].status in ("corrupt", "ok", "unsupported")


def test_oversized_messages_are_refused_before_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    from filelint.documents import mail

    from .mailbuild import mbox

    monkeypatch.setattr(mail, "MAX_MESSAGE_BYTES", 2000)
    small, big = message("RFP No. 13"), message("RFP No. 14 " + "x" * 5000)
    one = mail.extract_eml(Path("b.eml"), big.as_bytes(), "0" * 64)
    thread = mail.extract_mbox(Path("t.mbox"), mbox(small, big), "0" * 64)
    assert one.status == "too-large" and "over the 0 MiB limit" in one.detail
    assert thread.status == "partial" and "message 2" in thread.detail and len(thread.messages) == 1
