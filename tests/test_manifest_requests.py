"""Request lists as people write them in a manifest."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from filelint.manifest.requests import Req, RequestListError, format_requests, parse_request_list


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("13-16, 34, 35", ["13", "14", "15", "16", "34", "35"]),
        ("13 through 16", ["13", "14", "15", "16"]),
        ("2, 3, 8, and 13 through 16", ["2", "3", "8", "13", "14", "15", "16"]),
        ("13–16", ["13", "14", "15", "16"]),
        ("Nos. 13, 14 & 15", ["13", "14", "15"]),
        ("17.1", ["17.1"]),
        (34, ["34"]),
        ([13, "14-15"], ["13", "14", "15"]),
    ],
)
def test_parse(text: object, numbers: list[str]) -> None:
    reqs = parse_request_list(text, "rfp")
    assert reqs is not None
    assert [r.number for r in reqs] == numbers


def test_device_prefix_and_all() -> None:
    reqs = parse_request_list("srog:3-4", "rfp")
    assert reqs == [Req("srog", "3"), Req("srog", "4")]
    assert parse_request_list("all", "rfp") is None


@pytest.mark.parametrize("bad", ["16-13", "1-10000000", "0", "abc", "foo:3", 0, -1, [True]])
def test_bad_lists_are_clear_errors(bad: object) -> None:
    with pytest.raises(RequestListError):
        parse_request_list(bad, "rfp")


def test_format_groups_ranges() -> None:
    reqs = parse_request_list("2, 3, 8, 13-16", "rfp")
    assert reqs is not None
    assert format_requests(reqs) == "RFP Nos. 2, 3, 8 and 13-16"


@given(st.sets(st.integers(min_value=1, max_value=500), min_size=1, max_size=40))
def test_format_then_parse_round_trip(numbers: set[int]) -> None:
    reqs = [Req("rfp", str(n)) for n in numbers]
    text = format_requests(reqs).removeprefix("RFP Nos. ").removeprefix("RFP No. ")
    parsed = parse_request_list(text, "rfp")
    assert parsed is not None and {r.number for r in parsed} == {str(n) for n in numbers}
