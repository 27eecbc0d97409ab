"""find_request_refs and parse_number_list: table-driven cases and property tests."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from filelint.refs import MAX_ITEMS, RequestRef, find_request_refs, parse_number_list


def refs(text: str) -> list[tuple[str | None, str, int | None]]:
    return [(r.device, r.number, r.set) for r in find_request_refs(text)]


def span(device: str | None, low: int, high: int, set_: int | None = None) -> list[tuple[str | None, str, int | None]]:
    return [(device, str(n), set_) for n in range(low, high + 1)]


POSITIVE = [
    ("Request for Production No. 34", [("rfp", "34", None)]),
    ("Requests for Production Nos. 13-16", span("rfp", 13, 16)),
    ("Requests for Production of Documents Nos. 13 through 16", span("rfp", 13, 16)),
    ("RFP Nos. 13-16", span("rfp", 13, 16)),
    ("RFP 13, 22", [("rfp", "13", None), ("rfp", "22", None)]),
    ("RFP Nos. 35-47", span("rfp", 35, 47)),
    ("RFPs 1 and 2", span("rfp", 1, 2)),
    ("Document Request No. 4: All Documents", [("rfp", "4", None)]),
    ("Demand for Inspection No. 3", [("rfp", "3", None)]),
    ("Inspection Demand No. 3", [("rfp", "3", None)]),
    ("Request to Produce #7", [("rfp", "7", None)]),
    ("Special Interrogatory No. 5", [("srog", "5", None)]),
    ("Special Interrogatories Nos. 3-9", span("srog", 3, 9)),
    ("Specially Prepared Interrogatory No. 12", [("srog", "12", None)]),
    ("Interrogatory No. 9", [("srog", "9", None)]),
    ("INTERROGATORY 5", [("srog", "5", None)]),
    ("(Rog No. 21)", [("srog", "21", None)]),
    ("Form Interrogatory 17.1", [("frog", "17.1", None)]),
    ("Form Interrogatory No. 17.1", [("frog", "17.1", None)]),
    (
        "Form Interrogatories 17.1 through 17.3",
        [("frog", "17.1", None), ("frog", "17.2", None), ("frog", "17.3", None)],
    ),
    ("Form Interrogatories - General No. 2.1", [("frog", "2.1", None)]),
    ("Request for Admission No. 4", [("rfa", "4", None)]),
    ("Requests for Admissions Nos. 1, 2 & 3", span("rfa", 1, 3)),
    ("RFA 30", [("rfa", "30", None)]),
    ("Requests Nos. 13\u201316", span(None, 13, 16)),
    ("Request Nos. 13, 14 & 15", span(None, 13, 15)),
    ("Request Nos. 13 - 16", span(None, 13, 16)),
    ("Nos. 2, 3, 8, and 13 through 16", [(None, n, None) for n in ("2", "3", "8", "13", "14", "15", "16")]),
    (
        "Plaintiff served Requests for Production. Defendant refused to answer Nos. 2, 3, and 8.",
        [("rfp", n, None) for n in ("2", "3", "8")],
    ),
    ("RFP Nos. 1-3 and Nos. 5 and 6", [*span("rfp", 1, 3), *span("rfp", 5, 6)]),
    ("Special Interrogatories, Set One, Nos. 3-5", span("srog", 3, 5, 1)),
    ("Special Interrogatories (Set No. 2), No. 4", [("srog", "4", 2)]),
    ("Plaintiff's Second Set of Requests for Production, Nos. 1 and 2", span("rfp", 1, 2, 2)),
    ("Response to Interrogatory No. 5 of Nomadix's Second Set of Interrogatories.", [("srog", "5", 2)]),
    ("Requests for Production, Set 3, No. 1", [("rfp", "1", 3)]),
    ("RFP Nos. 13-\n16", span("rfp", 13, 16)),  # across a line break
    ("the requests for production\nNos. 4 and 5", span("rfp", 4, 5)),
    ("RFP No. 5 to Plaintiff", [("rfp", "5", None)]),
    ("As to the remaining requests, Nos. 6 and 7", span(None, 6, 7)),
    ("Special Interrogatory No. 5. Special Interrogatory No. 5.", [("srog", "5", None)]),  # deduplicated
    ("RFP 2, RFP 1, RFP 2", [("rfp", "2", None), ("rfp", "1", None)]),  # order of first mention
]

NEGATIVE = [
    "Case No. 23STCV03596",
    "Dkt. No. 854",
    "(Dkt. No. 116-2)",
    "ECF No. 12",
    "Exhibit No. 5",
    "Resolution No. 5",
    "No. 2:20-cv-02161",
    "Tempur Sealy Int'l, Inc., No. 13-cv-2451, 2015 WL 12803578",
    "Case 2:20-cv-02161-SVW-MRW Document 19-2 Filed 08/05/20 Page 3 of 4 Page ID #:104",
    "Page 3 of 4",
    "- 3 -",
    "The sanctions total $1,500 and $2,000.",
    "On March 3, 2021 and 12/3/2020 the parties met.",
    "Requests for Admission 30 days after service",
    "Interrogatories 2019 were served",
    "The interrogatory responses were late; 5 of them",
    "Requests for production were served in 2020.",
    "Rule 37-1 and L.R. 37-2.3",
    "Nos. 16-13",  # a reversed range is not a request list
    "Plaintiff No. 2 testified",
    "Smith v. Jones, No. 18-1234 (9th Cir. 2019)",
    "Acme, Inc., No. 5",
]


@pytest.mark.parametrize(("text", "expected"), POSITIVE, ids=[t for t, _ in POSITIVE])
def test_finds(text: str, expected: list[tuple[str | None, str, int | None]]) -> None:
    assert refs(text) == expected


@pytest.mark.parametrize("text", NEGATIVE)
def test_ignores(text: str) -> None:
    assert refs(text) == []


def test_bare_numbers_take_the_nearest_device_in_the_paragraph() -> None:
    text = (
        "Plaintiff served RFP Nos. 1-3 and Special Interrogatories Nos. 1-2. Defendant "
        "did not answer Nos. 4 and 5.\n\nIn a later paragraph, Nos. 6 and 7."
    )
    found = refs(text)
    assert ("srog", "4", None) in found and ("srog", "5", None) in found
    assert (None, "6", None) in found and (None, "7", None) in found


def test_result_type() -> None:
    ref = find_request_refs("RFP No. 1")[0]
    assert ref == RequestRef(device="rfp", number="1", set=None)
    with pytest.raises(AttributeError):
        ref.number = "2"  # type: ignore[misc]


# ------------------------------------------------------------ number lists

LISTS = [
    ("2, 3, 8, and 13 through 16", ["2", "3", "8", "13", "14", "15", "16"]),
    ("13-16", ["13", "14", "15", "16"]),
    ("13\u201316", ["13", "14", "15", "16"]),
    ("13 \u2014 16", ["13", "14", "15", "16"]),
    ("13 - 16", ["13", "14", "15", "16"]),
    ("13 thru 15", ["13", "14", "15"]),
    ("13 to 15", ["13", "14", "15"]),
    ("13, 14 & 15", ["13", "14", "15"]),
    ("1, 2, or 3", ["1", "2", "3"]),
    ("17.1", ["17.1"]),
    ("17.1-17.3, 2.1", ["17.1", "17.2", "17.3", "2.1"]),
    ("05", ["5"]),
    ("3, 2, 3", ["3", "2"]),
    ("1-2000", [str(n) for n in range(1, 2001)]),
]


@pytest.mark.parametrize(("text", "expected"), LISTS, ids=[t for t, _ in LISTS])
def test_parse_number_list(text: str, expected: list[str]) -> None:
    assert parse_number_list(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("16-13", "reversed range 16-13"),
        ("1-5000", "expands to 5000 numbers"),
        ("1-1500, 2000-2600", f"more than {MAX_ITEMS}"),
        ("", "cannot read"),
        ("RFP 5", "cannot read"),
        ("1,,2", "cannot read"),
        ("1-", "cannot read"),
        ("1-2-3", "cannot read"),
        ("1 2", "cannot read"),
        ("17.1-18.2", "cannot expand"),
    ],
)
def test_parse_number_list_rejects(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_number_list(text)


RANGE_WORDS = st.sampled_from(["-", "\u2013", "\u2014", " - ", " \u2013 ", " through ", " thru ", " to "])
SEPARATORS = st.sampled_from([", ", ",", " and ", ", and ", " & ", ", & ", " or ", ", or "])
# In running text "1,100" is a thousands figure, so a comma there needs a space.
TEXT_SEPARATORS = st.sampled_from([", ", " and ", ", and ", " & ", ", & ", " or ", ", or "])


@st.composite
def rendered_lists(draw: st.DrawFn, separators: st.SearchStrategy[str] = SEPARATORS) -> tuple[set[int], str]:
    """A random set of request numbers written the way lawyers write them."""
    numbers = sorted(draw(st.sets(st.integers(1, 400), min_size=1, max_size=30)))
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][-1] + 1 and draw(st.booleans()):
            runs[-1].append(n)
        else:
            runs.append([n])
    runs = draw(st.permutations(runs))
    parts = []
    for run in runs:
        if len(run) == 1:
            parts.append(str(run[0]))
        else:
            parts.append(f"{run[0]}{draw(RANGE_WORDS)}{run[-1]}")
    text = parts[0]
    for part in parts[1:]:
        text += draw(separators) + part
    return set(numbers), text


@given(rendered_lists())
def test_rendered_lists_parse_back(case: tuple[set[int], str]) -> None:
    numbers, text = case
    assert {int(n) for n in parse_number_list(text)} == numbers


@given(
    rendered_lists(TEXT_SEPARATORS), st.sampled_from(["RFP Nos. ", "Special Interrogatories Nos. ", "Request Nos. "])
)
def test_rendered_lists_are_found_in_text(case: tuple[set[int], str], lead: str) -> None:
    numbers, text = case
    found = find_request_refs(f"The motion concerns {lead}{text}.")
    assert {int(r.number) for r in found} == numbers


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_never_raises(text: str) -> None:
    for ref in find_request_refs(text):
        assert ref.number


_PIECES = [
    "RFP",
    "Request for Production",
    "Requests",
    "Special Interrogatory",
    "Form Interrogatories",
    "RFAs",
    "rogs",
    "Demand for Inspection",
    "document requests",
    "No.",
    "Nos.",
    "numbers",
    "Set Two",
    "second set",
    " 13-16",
    " 34",
    ", ",
    " and ",
    ". ",
    "\n\n",
    "Case No. 5",
    "ſpecial",
    "İnterrogatory",
    "ı",
    "K",
    "(",
]


@given(st.lists(st.sampled_from(_PIECES), max_size=30))
def test_the_lookahead_patterns_match_exactly_what_the_plain_ones_match(pieces: list[str]) -> None:
    """_DEVICE_RE, _GENERIC and _BARE start with a look-ahead at their first letters, for speed
    only: the same matches as the patterns without it."""
    import re

    from filelint import refs as module

    text = "".join(pieces)
    for fast, plain_pattern in (
        (module._DEVICE_RE, "|".join(f"(?P<{n}>{p})" for n, p in module._DEVICES.items())),
        (module._GENERIC, module._GENERIC.pattern.removeprefix("(?=[dr])")),
        (module._BARE, module._BARE.pattern.removeprefix("(?=n)")),
    ):
        plain = re.compile(plain_pattern, re.IGNORECASE)
        assert fast.pattern != plain.pattern
        found = [(m.span(), m.lastgroup, m.groupdict()) for m in fast.finditer(text)]
        assert found == [(m.span(), m.lastgroup, m.groupdict()) for m in plain.finditer(text)]
