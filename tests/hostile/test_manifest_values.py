"""Manifest values (issue 12, groups 5 and 9): any tag on any text, and dates at the ends of the
calendar, give a located finding or a value, never a crash (in ``check`` and in ``deadlines``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from filelint.manifest.yamlload import ManifestSyntaxError, load_yaml

from .conftest import FUZZ_SETTINGS
from .helpers import HERE, TODAY, make_folder, run_cli

BASE = (HERE / "manifests" / "018-bom.yaml").read_text("utf-8-sig")
TAGS = [
    "",
    "!!bool ",
    "!!int ",
    "!!float ",
    "!!timestamp ",
    "!!null ",
    "!!str ",
    "!!binary ",
    "!foo ",
    "!!python/name:os.system ",
]


@FUZZ_SETTINGS
@given(tag=st.sampled_from(TAGS), text=st.text(max_size=30) | st.from_regex(r"[-+0-9:._xob]{1,12}", fullmatch=True))
def test_any_tag_on_any_text_loads_or_is_a_located_error(tag: str, text: str) -> None:
    scalar = json.dumps(text, ensure_ascii=True)  # a double-quoted YAML scalar (escapes included)
    for written in (scalar, text):
        try:
            loaded = load_yaml(f"key: {tag}{written}\n")
        except ManifestSyntaxError as exc:
            assert exc.code in ("FL001", "FL002", "FL003") and exc.mark.line >= 1
            continue
        value = loaded.data["key"] if isinstance(loaded.data, dict) else None
        assert value is None or isinstance(value, str | int | float | bool | list | dict)


@pytest.mark.parametrize("command", ["check", "deadlines"])
@pytest.mark.parametrize(
    ("old", "new", "at"),
    [
        ("hearing: 2023-12-05", "hearing: 9999-12-31", "16:12"),
        ("hearing: 2023-12-05", "hearing: 0001-01-01", "16:12"),
        ("filed: 2023-09-15", "filed: '9999-12-30'", "12:10"),
        ("    date: 2023-08-17", "    date: 0001-01-02", "19:11"),
    ],
)
def test_dates_at_the_ends_of_the_calendar_are_located(
    command: str,
    old: str,
    new: str,
    at: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    make_folder(tmp_path, BASE.replace(old, new, 1))
    run = run_cli(capsys, command, "case", "--today", TODAY)
    assert run.code == 2
    text = run.out + run.err
    assert "internal error" not in text and "Traceback" not in text and "FL900" not in text
    assert f"case/filelint.yaml:{at}: FL003 " in text and "the date " in text
