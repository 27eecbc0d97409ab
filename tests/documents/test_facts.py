"""Facts read from a communication's source: dates in the court's time zone, offers and asks,
requests in the new text only, and sides from the manifest's addresses and domains."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from filelint.papers.correspondence import court_zone, local_date, offers_and_asks
from filelint.papers.sides import sides_from
from filelint.testing import run_folder

CASES = Path(__file__).resolve().parents[1] / "rules" / "FL114"


@pytest.mark.parametrize(
    ("sent", "zone", "day"),
    [
        ("2023-08-17T23:30:00-07:00", None, dt.date(2023, 8, 17)),  # 11:30 p.m. Pacific: that day
        ("2023-08-18T06:30:00+00:00", None, dt.date(2023, 8, 17)),  # the same instant, sent as UTC
        ("2023-08-17T23:30:00-07:00", "America/New_York", dt.date(2023, 8, 18)),
        ("2023-08-18T00:05:00-07:00", None, dt.date(2023, 8, 18)),  # just after midnight
        ("2023-12-31T23:59:00-08:00", None, dt.date(2023, 12, 31)),  # standard time (no DST)
        ("2023-08-17T23:30:00", None, dt.date(2023, 8, 17)),  # no zone: read as UTC
    ],
)
def test_dates_in_the_court_time_zone(sent: str, zone: str | None, day: dt.date) -> None:
    assert local_date(sent, court_zone(zone)) == day


def test_unknown_zone_falls_back_to_utc() -> None:
    assert court_zone("Mars/Olympus_Mons") == dt.UTC


def test_offers_and_asks_clause_by_clause() -> None:
    assert offers_and_asks(
        "GM will supplement its responses to RFP Nos. 13-16 if plaintiff agrees to a "
        "protective order and provides search terms."
    ) == (("supplement",), ("protective-order", "search-terms"))
    assert offers_and_asks("Please provide verifications. We are available for a phone call.") == (
        ("conference",),
        ("verification",),
    )


def test_sides_by_address_then_domain() -> None:
    sides = sides_from(
        [
            {"name": "P", "side": "moving", "counsel": [{"name": "J", "email": "Jane@Law.com"}]},
            {"name": "D", "side": "responding", "domains": ["defense.com"]},
        ]
    )
    assert sides.side_of("jane@law.com") == "moving"
    assert sides.side_of("bob@ny.defense.com") == "responding"
    assert sides.side_of("x@law.com") is None


def test_court_timezone_override(tmp_path: Path) -> None:
    folder = tmp_path / "case"
    shutil.copytree(CASES / "pass-matches-source", folder)
    manifest = folder / "filelint.yaml"
    text = manifest.read_text("utf-8").replace('department: "52"}', 'department: "52", timezone: America/New_York}')
    manifest.write_text(text, "utf-8")
    found = [f.message for f in run_folder(folder, select=["FL114"])]
    assert found == ["m1 is dated 2023-08-17, but its source m1.eml is dated 2023-08-18 (in the court's time zone)"]


def test_unknown_court_timezone_is_reported(tmp_path: Path) -> None:
    folder = tmp_path / "case"
    shutil.copytree(CASES / "pass-matches-source", folder)
    manifest = folder / "filelint.yaml"
    text = manifest.read_text("utf-8").replace('department: "52"}', 'department: "52", timezone: Mars/Olympus}')
    manifest.write_text(text, "utf-8")
    found = [f.message for f in run_folder(folder, select=["FL114"])]
    assert found[0].startswith("court.timezone 'Mars/Olympus' is not a time zone")


def test_message_of_a_mailbox_source() -> None:
    from filelint.documents.mail import extract_mbox

    from .mailbuild import DEFENSE, PLAINTIFF, mbox, message

    first = message("Please supplement RFP Nos. 13-16.", date="Thu, 17 Aug 2023 23:30:00 -0700")
    second = message(
        "GM will supplement RFP No. 13 if you agree to search terms.",
        sender=DEFENSE,
        to=PLAINTIFF,
        msgid="m2@defensefirm.com",
        date="Wed, 30 Aug 2023 09:00:00 -0700",
    )
    from filelint.papers.correspondence import source_facts

    doc = extract_mbox(Path("t.mbox"), mbox(first, second), "0" * 64)
    zone = court_zone(None)
    assert source_facts(doc, zone).date == dt.date(2023, 8, 17)
    picked = source_facts(doc, zone, "<m2@defensefirm.com>")
    assert (picked.date, picked.sender, picked.offers, picked.asks) == (
        dt.date(2023, 8, 30),
        "bob@defensefirm.com",
        ("supplement",),
        ("search-terms",),
    )
    assert "13-16" not in picked.text
