"""``filelint init``: a draft from the PDFs, confirmed by a person, gives the same findings as
the hand-written manifest; an existing manifest is never overwritten."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from filelint.cli import main

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

SEED = EXAMPLES / "palominos-cervantes-v-gm"

#: What a person adds after reading the draft: facts the papers cannot show.
CONFIRMED: dict[str, Any] = {
    "court": {"department": "52"},
    "case": {"title": "German Palominos Cervantes v. General Motors LLC"},
    "parties": [
        {"name": "German Palominos Cervantes", "role": "plaintiff", "side": "moving"},
        {"name": "General Motors LLC", "role": "defendant", "side": "responding"},
    ],
    "motion": {
        "filed": "2023-09-15",
        "served": {"date": "2023-09-15", "method": "electronic"},
        "title": "Plaintiff's Motion to Compel Further Responses to Requests for Production",
    },
    "discovery": [{"id": "rfp-1", "device": "rfp", "set": 1, "served": "2023-07-03", "method": "electronic"}],
    "responses": {
        "resp-1": {
            "id": "gm-rfp-1",
            "set": 1,
            "kind": "hybrid",
            "items": [{"requests": "34", "kind": "compliance-partial"}],
            "served": "2023-08-04",
            "method": "electronic",
            "verified": True,
            "verification_served": "2023-08-04",
            "verification_method": "electronic",
        }
    },
    "meet_and_confer": {
        "m1": {"from": "moving"},
        "m2": {
            "from": "responding",
            "answers": "m1",
            "offers": ["supplement"],
            "asks": ["protective-order", "search-terms"],
        },
    },
}


def confirm(draft: dict[str, Any], facts: dict[str, Any]) -> dict[str, Any]:
    """Apply a person's confirmations: merge mappings, match list entries by id."""
    out = dict(draft)
    for key, value in facts.items():
        current = out.get(key)
        if isinstance(value, dict) and isinstance(current, list):
            out[key] = [confirm(item, value.get(item.get("id"), {})) for item in current]
        elif isinstance(value, dict) and isinstance(current, dict):
            out[key] = confirm(current, value)
        else:
            out[key] = value
    return out


def _findings(folder: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[tuple[str, str]]]:
    code = main(["check", str(folder), "--no-plugins", "--format", "json", "--no-cache"])
    data = json.loads(capsys.readouterr().out)
    return code, sorted((f["code"], f["message"]) for f in data["findings"])


@pytest.fixture
def bare_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "palominos-cervantes-v-gm"
    shutil.copytree(SEED, folder)
    (folder / "filelint.yaml").unlink()
    return folder


def test_draft_marks_every_guess(bare_folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init", str(bare_folder), "--no-cache"]) == 0
    text = (bare_folder / "filelint.yaml").read_text("utf-8")
    draft = yaml.safe_load(text)
    assert draft["case"]["number"] == "23STCV03596"
    assert draft["motion"]["kind"] == "compel-further-rfp"
    assert draft["motion"]["requests_at_issue"] == "13-16, 34, 35"
    assert [(m["id"], str(m["date"]), m.get("raises")) for m in draft["meet_and_confer"]] == [
        ("m1", "2023-08-17", "2, 3, 8, 13-16"),
        ("m2", "2023-08-30", "13-16"),
    ]
    roles = {p["path"]: p["role"] for p in draft["papers"]}
    assert roles["notice-of-motion.pdf"] == "notice"
    assert roles["yashar-declaration.pdf"] == "declaration"
    assert roles["separate-statement.pdf"] == "separate-statement"
    assert roles["memorandum.pdf"] == "memorandum"
    for line in text.splitlines():
        value_line = ":" in line and not line.lstrip().startswith(("#", "- id:", "filelint:"))
        if value_line and line.strip() not in (
            "court:",
            "case:",
            "motion:",
            "papers:",
            "responses:",
            "meet_and_confer:",
        ):
            assert "# CONFIRM:" in line or "file:" in line, line


def test_confirmed_draft_gives_the_same_findings(bare_folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init", str(bare_folder), "--no-cache"]) == 0
    draft = yaml.safe_load((bare_folder / "filelint.yaml").read_text("utf-8"))
    confirmed = confirm(draft, CONFIRMED)
    (bare_folder / "filelint.yaml").write_text(yaml.safe_dump(confirmed, sort_keys=False), "utf-8")
    capsys.readouterr()
    got = _findings(bare_folder, capsys)
    expected = _findings(SEED, capsys)
    assert got == expected
    assert got[0] == 1 and {"CAL002", "CAL003"} <= {c for c, _ in got[1]}


def test_never_overwrites(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "filelint.yaml").write_text("keep me\n", "utf-8")
    assert main(["init", str(tmp_path)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert (tmp_path / "filelint.yaml").read_text("utf-8") == "keep me\n"


def test_folder_without_pdfs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init", str(tmp_path)]) == 2
    assert "no PDF" in capsys.readouterr().err


# ---- a draft never leans to passing (FL005 and `unknown`)


def _draft(folder: Path) -> str:
    assert main(["init", str(folder), "--no-cache"]) == 0
    return (folder / "filelint.yaml").read_text("utf-8")


def test_sender_is_unknown_not_moving(bare_folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The old draft said `from: moving` for every letter, which hid the unanswered offer (CAL003)."""
    draft = yaml.safe_load(_draft(bare_folder))
    assert [m["from"] for m in draft["meet_and_confer"]] == ["unknown", "unknown"]


def test_a_fresh_draft_fails_with_one_fl005_per_guess(bare_folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = _draft(bare_folder)
    capsys.readouterr()
    code, findings = _findings(bare_folder, capsys)
    fl005 = [m for c, m in findings if c == "FL005"]
    assert code == 1
    assert len(fl005) == text.count("# CONFIRM:") and fl005
    assert any("`from: unknown`" in m and "a fact the draft could not read" in m for m in fl005)


def test_unknown_left_without_its_comment_is_still_reported(
    bare_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = _draft(bare_folder)
    cleaned = "\n".join(line.split("   # CONFIRM:")[0] for line in text.splitlines()) + "\n"
    (bare_folder / "filelint.yaml").write_text(cleaned, encoding="utf-8")
    capsys.readouterr()
    _, findings = _findings(bare_folder, capsys)
    unknown = [f"line {n}" for n, line in enumerate(cleaned.splitlines(), 1) if line.endswith("from: unknown")]
    assert len(unknown) == 2 and [m.split(":")[0] for c, m in findings if c == "FL005"] == unknown


def test_motion_kind_unknown_without_a_notice(bare_folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (bare_folder / "notice-of-motion.pdf").unlink()
    draft = yaml.safe_load(_draft(bare_folder))
    assert draft["motion"]["kind"] == "unknown"


def test_letters_and_responses_without_slip_sheets(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A correspondence folder: the letters and the responses are loose PDFs, not exhibits."""
    from filelint.testing.pdfwrite import write_pdf

    folder = tmp_path / "motion"
    shutil.copytree(SEED, folder, ignore=shutil.ignore_patterns("exhibits", "filelint.yaml"))
    write_pdf(
        folder / "2023-08-17-letter.pdf",
        [
            [
                "August 17, 2023",
                "To: Counsel for defendant General Motors LLC",
                "Re: Palominos Cervantes v. General Motors LLC",
                "Responses to Request for Production Nos. 2, 3 and 8 are evasive.",
            ]
        ],
    )
    write_pdf(
        folder / "gm-responses.pdf",
        [
            [
                "DEFENDANT GENERAL MOTORS LLC'S RESPONSES TO PLAINTIFF'S REQUESTS",
                "FOR PRODUCTION, SET ONE",
                "REQUEST FOR PRODUCTION NO. 2:",
            ]
        ],
    )
    draft = yaml.safe_load(_draft(folder))
    (letter,) = draft["meet_and_confer"]
    assert (letter["file"], str(letter["date"]), letter["from"]) == ("2023-08-17-letter.pdf", "2023-08-17", "unknown")
    assert [r["file"] for r in draft["responses"]] == ["gm-responses.pdf"]
    assert "2023-08-17-letter.pdf" not in {p["path"] for p in draft["papers"]}  # correspondence, not a paper


def test_case_number_comes_from_the_notice(bare_folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A paper that sorts first (an attorney's declaration from another case) does not decide it."""
    from filelint.testing.pdfwrite import write_pdf

    write_pdf(
        bare_folder / "a-declaration-from-another-case.pdf",
        [["DECLARATION OF COUNSEL", "Case No. 19STCV99999", "I, counsel, declare:"]],
    )
    draft = yaml.safe_load(_draft(bare_folder))
    assert draft["case"]["number"] == "23STCV03596"
