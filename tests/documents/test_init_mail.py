"""``filelint init`` from correspondence: the seed case's two letters sent as a thread of two
emails give, once a person confirms what the record cannot show, the same findings as the
hand-written manifest."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from filelint.cli import main
from test_init import CONFIRMED, SEED, _findings, confirm  # tests/ is on sys.path (rootdir conftest)

from .mailbuild import mbox, message

PLAINTIFF = "Jane Lawyer <jlawyer@plaintiff-firm.example>"
DEFENSE = "Bob Counsel <bcounsel@defense-firm.example>"


def seed_thread(folder: Path) -> bytes:
    """m1: plaintiff's counsel emails the Aug. 17 letter; m2: GM's counsel answers with the
    Aug. 30 letter, quoting m1."""
    first = message(
        "Counsel,\n\nPlease see the attached meet and confer letter.\n\nJane Lawyer",
        sender=PLAINTIFF,
        to=DEFENSE,
        date="Thu, 17 Aug 2023 17:05:00 -0700",
        subject="Palominos Cervantes v. GM - meet and confer",
        msgid="m1@plaintiff-firm.example",
    )
    first.add_attachment(
        (folder / "exhibits/ex3-meet-and-confer-letter.pdf").read_bytes(),
        maintype="application",
        subtype="pdf",
        filename="ex3-meet-and-confer-letter.pdf",
    )
    second = message(
        "Jane,\n\nGM's response is attached.\n\nBob\n\nOn Thu, Aug 17, 2023 at 5:05 PM Jane Lawyer "
        "<jlawyer@plaintiff-firm.example> wrote:\n> Counsel,\n> Please see the attached meet and "
        "confer letter.\n",
        sender=DEFENSE,
        to=PLAINTIFF,
        date="Wed, 30 Aug 2023 16:40:00 -0700",
        subject="RE: Palominos Cervantes v. GM - meet and confer",
        msgid="m2@defense-firm.example",
        reply_to="m1@plaintiff-firm.example",
    )
    second.add_attachment(
        (folder / "exhibits/ex4-gm-reply.pdf").read_bytes(),
        maintype="application",
        subtype="pdf",
        filename="ex4-gm-reply.pdf",
    )
    return mbox(first, second)


@pytest.fixture
def mail_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "palominos-cervantes-v-gm"
    shutil.copytree(SEED, folder)
    (folder / "filelint.yaml").unlink()
    (folder / "correspondence").mkdir()
    (folder / "correspondence" / "thread.mbox").write_bytes(seed_thread(folder))
    return folder


def test_draft_from_the_thread(mail_folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init", str(mail_folder), "--no-cache"]) == 0
    text = (mail_folder / "filelint.yaml").read_text("utf-8")
    draft = yaml.safe_load(text)
    keys = ("id", "date", "from", "channel", "raises", "offers", "asks", "answers", "file")
    got = [{k: str(m[k]) if k == "date" else m.get(k) for k in keys} for m in draft["meet_and_confer"]]
    assert got == [
        {
            "id": "m1",
            "date": "2023-08-17",
            "from": "moving",
            "channel": "letter",
            "raises": "2, 3, 8, 13-16",
            "offers": None,
            "asks": None,
            "answers": None,
            "file": "exhibits/ex3-meet-and-confer-letter.pdf",
        },
        {
            "id": "m2",
            "date": "2023-08-30",
            "from": "responding",
            "channel": "letter",
            "raises": "13-16",
            "offers": ["supplement"],
            "asks": ["protective-order", "search-terms"],
            "answers": "m1",
            "file": "exhibits/ex4-gm-reply.pdf",
        },
    ]
    assert [p.get("domains") for p in draft["parties"]] == [["plaintiff-firm.example"], ["defense-firm.example"]]
    for line in text.split("meet_and_confer:")[1].split("papers:")[0].splitlines():
        derived = ":" in line and not line.lstrip().startswith(("#", "- id:", "source:", "message:", "parties:"))
        if derived:
            assert "# CONFIRM:" in line, line


def _confirmed(draft: dict[str, Any]) -> dict[str, Any]:
    """What a person adds: the facts no email shows (service, responses...) and party names;
    every meet-and-confer fact stays as derived from the thread."""
    facts = {k: v for k, v in CONFIRMED.items() if k not in ("meet_and_confer", "parties")}
    out = confirm(draft, facts)
    names = {"moving": "German Palominos Cervantes", "responding": "General Motors LLC"}
    out["parties"] = [{**p, "name": names[p["side"]]} for p in draft["parties"]]
    return out


def test_confirmed_thread_draft_gives_the_same_findings(mail_folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init", str(mail_folder), "--no-cache"]) == 0
    draft = yaml.safe_load((mail_folder / "filelint.yaml").read_text("utf-8"))
    (mail_folder / "filelint.yaml").write_text(yaml.safe_dump(_confirmed(draft), sort_keys=False), "utf-8")
    capsys.readouterr()
    got = _findings(mail_folder, capsys)
    expected = _findings(SEED, capsys)
    assert got == expected
    assert {"CAL002", "CAL003", "CAL004"} <= {c for c, _ in got[1]}


def test_answers_from_quoting_without_headers(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = message(
        "Please supplement your responses to RFP Nos. 13-16 by Friday.",
        msgid="a@x.example",
        date="Mon, 14 Aug 2023 09:00:00 -0700",
    )
    reply = message(
        "We will supplement Nos. 13-16.\n\nOn Mon, Aug 14, 2023 Jane wrote:\n> Please supplement your "
        "responses to RFP Nos. 13-16 by Friday.",
        sender=DEFENSE,
        to=PLAINTIFF,
        msgid="b@y.example",
        date="Tue, 15 Aug 2023 09:00:00 -0700",
    )
    (tmp_path / "a.eml").write_bytes(first.as_bytes())
    (tmp_path / "b.eml").write_bytes(reply.as_bytes())
    assert main(["init", str(tmp_path), "--stdout", "--no-cache"]) == 0
    draft = yaml.safe_load(capsys.readouterr().out)
    assert draft["meet_and_confer"][1]["answers"] == "m1"
    assert draft["meet_and_confer"][1]["offers"] == ["supplement"]
    assert "from" not in draft["meet_and_confer"][0]  # no notice, no addressee: the side is not guessed
