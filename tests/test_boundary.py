"""filelint.boundary and filelint.contracts on their own: what a guarded call returns, captures and
stops, and what the validators refuse."""

from __future__ import annotations

import sys
import time

import pytest

from filelint import boundary, contracts
from filelint.errors import UsageError
from filelint.rules import Problem


def test_value_and_output() -> None:
    def noisy() -> int:
        print("to stdout")
        print("to stderr", file=sys.stderr)
        return 7

    outcome = boundary.call(noisy, what="t", limit=5)
    assert outcome.ok and outcome.value == 7
    assert outcome.output == "to stdout\nto stderr\n"


@pytest.mark.parametrize("exc", [SystemExit(0), KeyboardInterrupt(), GeneratorExit(), BaseException("x")])
def test_every_base_exception_is_returned(exc: BaseException) -> None:
    def raises() -> None:
        raise exc

    outcome = boundary.call(raises, what="t", limit=5)
    assert outcome.error is exc and not outcome.ok


def test_a_call_past_its_limit_is_stopped_and_one_that_swallows_the_stop_is_noted() -> None:
    assert boundary.call(lambda: time.sleep(5), what="t", limit=0.2).timed_out

    def swallows() -> str:
        try:
            time.sleep(5)
        except BaseException:  # noqa: S110 (the point: a call that swallows the stop)
            pass
        return "done"

    outcome = boundary.call(swallows, what="t", limit=0.2)
    assert outcome.timed_out and outcome.value == "done"


def test_paused_time_does_not_count_and_output_there_is_not_captured(capsys: pytest.CaptureFixture[str]) -> None:
    def reads() -> None:
        with boundary.paused():
            time.sleep(0.4)
            print("filelint's own status line")
        print("plugin")

    outcome = boundary.call(reads, what="t", limit=0.2)
    assert outcome.ok
    assert outcome.output == "plugin\n"
    assert "filelint's own status line" in capsys.readouterr().out


def test_nested_calls_keep_the_real_streams(capsys: pytest.CaptureFixture[str]) -> None:
    def inner() -> None:
        print("inner")

    def outer() -> None:
        boundary.call(inner, what="inner", limit=5)
        with boundary.paused():
            print("real")

    boundary.call(outer, what="outer", limit=5)
    assert capsys.readouterr().out == "real\n"


def test_describe_survives_a_hostile_str() -> None:
    class Hostile(Exception):
        def __str__(self) -> str:
            raise SystemExit(0)

    assert boundary.describe(Hostile()) == "Hostile: (message could not be read)"


@pytest.mark.parametrize("value", ["inf", "-inf", "nan", "-1", "x", "1e400", "86401"])
def test_time_limit_refuses_what_is_not_a_limit(value: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(boundary.TIMEOUT_ENV, value)
    with pytest.raises(UsageError, match=boundary.TIMEOUT_ENV):
        boundary.time_limit()


@pytest.mark.parametrize(("value", "limit"), [("", 10.0), ("0", 0.0), ("2.5", 2.5)])
def test_time_limit_accepts(value: str, limit: float, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(boundary.TIMEOUT_ENV, value)
    assert boundary.time_limit() == limit


def test_contracts() -> None:
    assert contracts.problem_error(Problem("m", at=("motion", 0))) is None
    assert contracts.problem_error(Problem("m", document="a.pdf", page=2)) is None
    assert "not a Problem" in (contracts.problem_error("m") or "")
    assert contracts.schema_fragment_error({"type": "object"}) is None
    assert "not a JSON Schema mapping" in (contracts.schema_fragment_error([]) or "")
    assert "not a valid JSON Schema" in (contracts.schema_fragment_error({"type": 5}) or "")
    assert "not text" in (contracts.sections_error({1: {}}) or "")
    assert "CourtCalendar" in (contracts.calendar_error("x", object()) or "")
    assert contracts.properties_error({"motion": {"x": {"type": "string"}}}) is None
    assert "motion.x" in (contracts.properties_error({"motion": {"x": {"type": "nope"}}}) or "")


def test_builtin_pack_schemas_are_valid_json_schema(plugins) -> None:  # type: ignore[no-untyped-def]
    """filelint's own fragments are not checked at load (a warm run must not import jsonschema): here."""
    for name, fragment in plugins.sections.items():
        assert contracts.schema_fragment_error(fragment) is None, name
    assert contracts.properties_error(plugins.properties) is None
