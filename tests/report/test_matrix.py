"""The coverage matrix: cell states, and runs of identical requests grouped on long motions."""

from __future__ import annotations

from pathlib import Path

from filelint.manifest.yamlload import load_yaml
from filelint.model import build_case
from filelint.report.events import case_events
from filelint.report.matrix import GROUP_ABOVE, columns, never_raised, rows

SEED = Path(__file__).resolve().parents[2] / "examples" / "palominos-cervantes-v-gm" / "filelint.yaml"


def table(requests: str, comms: list[dict[str, object]]):  # type: ignore[no-untyped-def]
    data = load_yaml(SEED.read_text()).data  # dates stay ISO strings, as the runner gives them
    data["motion"]["requests_at_issue"] = requests
    data["meet_and_confer"] = comms
    case = build_case(data)
    cols = columns(case, case_events(case, lambda at: 1, "filelint.yaml"))
    return case, cols, rows(case, cols)


M1 = {"id": "m1", "date": "2023-08-17", "from": "moving", "channel": "letter", "raises": "1-30"}
M2 = {
    "id": "m2",
    "date": "2023-08-30",
    "from": "responding",
    "channel": "letter",
    "raises": "1-10",
    "offers": ["supplement"],
    "answers": "m1",
}
M3 = {"id": "m3", "date": "2023-09-05", "from": "moving", "channel": "phone", "raises": "1-5", "answers": "m2"}
LATE = {"id": "m4", "date": "2023-10-01", "from": "moving", "channel": "letter", "raises": "31-60"}


def test_cells_say_raised_offered_answered_or_not_raised() -> None:
    _, cols, table_ = table("1, 8, 25, 50", [M1, M2, M3, LATE])
    assert [c.comm_id for c in cols] == ["m1", "m2", "m3", "m4"] and cols[3].after_filing
    assert [r.cells for r in table_] == [
        ["raised", "offered", "answered", "not-raised"],
        ["raised", "offered", "not-raised", "not-raised"],
        ["raised", "not-raised", "not-raised", "not-raised"],
        ["not-raised", "not-raised", "not-raised", "raised"],
    ]


def test_raised_only_after_filing_counts_as_never_raised() -> None:
    case, cols, table_ = table("1, 50", [M1, LATE])
    assert [r.number for r in never_raised(case, table_, cols)] == ["50"]


def test_short_motion_keeps_one_row_per_request() -> None:
    _, _, table_ = table(f"1-{GROUP_ABOVE}", [M1, M2])
    assert len(table_) == GROUP_ABOVE


def test_long_motion_groups_runs_of_identical_rows() -> None:
    _, _, table_ = table("1-60", [M1, M2, M3, LATE])
    spans = [(r.reqs[0].number, r.reqs[-1].number) for r in table_]
    assert spans == [("1", "5"), ("6", "10"), ("11", "30"), ("31", "60")]
    assert sum(len(r.reqs) for r in table_) == 60


def test_a_very_long_record_folds_columns_keeping_the_most_telling_cell() -> None:
    from filelint.report.matrix import MAX_COLUMNS, fold

    comms = [dict(M1, id=f"a{i}", raises="1-2") for i in range(MAX_COLUMNS + 1)]
    comms += [dict(M2, id="offer", raises="2", answers="a0"), dict(LATE, id="late", raises="1")]
    _, cols, table_ = table("1-2", comms)
    table_[1].flagged[MAX_COLUMNS + 1] = True  # the offer's cell is behind a finding
    folded = fold(cols, table_)
    assert len(folded) <= MAX_COLUMNS and sum(c.count for c in folded) == len(cols)
    assert folded[-1].comm_id == "late" and folded[-1].after_filing and folded[-1].count == 1  # never folded across
    with_offer = next(j for j, c in enumerate(folded) if c.last_id == "offer")
    assert folded[with_offer].comm_id == f"a{MAX_COLUMNS}" and folded[with_offer].count == 2
    assert table_[1].cells[with_offer] == "offered" and table_[1].flagged[with_offer]
    assert table_[0].cells[with_offer] == "raised" and not table_[0].flagged[with_offer]
    assert folded[with_offer].side == "both"
