"""A generated large motion: 200 requests at issue and 300 meet-and-confer communications.

Realistic in shape: a moving-side letter every few days raising a block of requests, the
responding side answering each with offers on some and asks on others, a few calls, and an
offer left unanswered at the end.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

START = dt.date(2024, 1, 8)
FILED = dt.date(2024, 7, 26)


def manifest(requests: int = 200, communications: int = 300) -> dict[str, object]:
    comms: list[dict[str, object]] = []
    for i in range(communications):
        day = START + dt.timedelta(days=int(i * 190 / communications))
        moving = i % 2 == 0
        block = (i // 2) * 7 % requests
        lo, hi = block + 1, min(block + 12, requests)
        entry: dict[str, object] = {
            "id": f"mc{i + 1:03d}",
            "date": day.isoformat(),
            "from": "moving" if moving else "responding",
            "channel": ("phone" if i % 10 == 4 else "letter") if moving else ("email" if i % 3 else "letter"),
            "raises": f"{lo}-{hi}",
        }
        if not moving:
            entry["answers"] = f"mc{i:03d}"
            if i % 4 == 1 or i == communications - 1:  # the last offer is left unanswered
                entry["offers"] = ["supplement"]
            if i % 6 == 3:
                entry["asks"] = ["protective-order"]
        elif i >= 2 and i < communications - 1 and ((i - 1) % 4 == 1 or (i - 1) % 6 == 3):
            entry["answers"] = f"mc{i:03d}"  # the previous message, which offered or asked
        comms.append(entry)
    return {
        "filelint": 1,
        "court": {"system": "ca-superior", "county": "Los Angeles", "department": "31"},
        "case": {"number": "24STCV00001", "title": "Large v. Many Requests Inc."},
        "parties": [
            {"name": "Large", "role": "plaintiff", "side": "moving"},
            {"name": "Many Requests Inc.", "role": "defendant", "side": "responding"},
        ],
        "motion": {
            "kind": "compel-further-rfp",
            "requests_at_issue": f"1-{requests}",
            "filed": FILED.isoformat(),
            "served": {"date": FILED.isoformat(), "method": "electronic"},
            "hearing": "2024-10-01",
        },
        "discovery": [{"id": "rfp-1", "device": "rfp", "set": 1, "served": "2023-11-01", "method": "electronic"}],
        "responses": [
            {
                "id": "r1",
                "device": "rfp",
                "set": 1,
                "kind": "hybrid",
                "served": "2023-12-04",
                "method": "electronic",
                "verified": True,
                "verification_served": "2023-12-04",
                "verification_method": "electronic",
            }
        ],
        "extensions": [{"in_writing": True, "agreed_on": "2024-01-10", "new_deadline": "2024-08-01"}],
        "meet_and_confer": comms,
    }


def write(folder: Path, requests: int = 200, communications: int = 300) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "filelint.yaml").write_text(
        yaml.safe_dump(manifest(requests, communications), sort_keys=False), encoding="utf-8"
    )
    return folder
