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


def test_one_watchdog_thread_serves_every_call() -> None:
    """Arming the watchdog sets a deadline; it does not start a thread per call."""
    import threading

    def watchdogs() -> list[threading.Thread]:
        return [t for t in threading.enumerate() if t.name == "filelint-watchdog"]

    boundary.call(lambda: None, what="t", limit=5)
    first = watchdogs()
    for _ in range(20):
        assert boundary.call(lambda: 1, what="t", limit=5).value == 1
    assert len(first) == 1 and watchdogs() == first


def test_the_watchdog_is_stopped_for_a_fork_and_does_not_stop_the_pool_from_forking() -> None:
    from filelint.pdf import pool

    boundary.call(lambda: None, what="t", limit=5)
    assert not pool._other_threads()  # the idle watchdog does not send the pool to a fork server
    boundary._Watchdog.before_fork()
    assert not [t for t in __import__("threading").enumerate() if t.name == "filelint-watchdog"]
    boundary._Watchdog.after_fork_in_parent()  # nothing armed: started again only by the next call
    assert boundary.call(lambda: 2, what="t", limit=5).value == 2


RUNAWAY = """
import os, signal, sys, threading, time
from filelint import boundary

def runaway():
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGALRM, signal.SIG_IGN)  # the soft stop never arrives
    time.sleep(60)

for _ in range(50):  # the one watchdog thread, armed and disarmed by many calls, sleeps past 10 s
    boundary.call(lambda: None, what="quick", limit=5)
pid = os.fork()  # stopped for the fork, started again by the next call
if pid == 0:
    os._exit(0)
os.waitpid(pid, 0)
if sys.argv[1] == "thread":  # no SIGALRM off the main thread: the watchdog is the only stop
    worker = threading.Thread(target=boundary.call, args=(runaway,), kwargs={"what": "rule X", "limit": 0.3})
    worker.start()
    worker.join()
else:
    boundary.call(runaway, what="rule X", limit=0.3)
print("not reached")
"""


@pytest.mark.parametrize("where", ["main", "thread"])
def test_the_watchdog_still_ends_a_call_that_cannot_be_stopped(where: str) -> None:
    import subprocess

    proc = subprocess.run(
        [sys.executable, "-c", RUNAWAY, where], capture_output=True, text=True, timeout=30, check=False
    )
    assert proc.returncode == 2, (proc.stdout, proc.stderr)
    assert "not reached" not in proc.stdout
    assert "rule X did not stop within 0.3 s + 1 s and could not be stopped" in proc.stderr


def test_handling_alarms_keeps_one_handler_for_many_calls_and_restores_the_one_before() -> None:
    import signal

    fired: list[int] = []

    def before(signum: int, frame: object) -> None:
        fired.append(signum)

    original = signal.signal(signal.SIGALRM, before)
    try:
        with boundary.handling_alarms():
            installed = signal.getsignal(signal.SIGALRM)
            assert installed is not before
            assert boundary.call(lambda: time.sleep(5), what="t", limit=0.2).timed_out  # still stopped
            assert boundary.call(lambda: signal.signal(signal.SIGALRM, signal.SIG_IGN), what="t", limit=5).ok
            assert signal.getsignal(signal.SIGALRM) is installed  # the plugin's change is undone
            signal.setitimer(signal.ITIMER_REAL, 0.05)  # an alarm between calls is not ours
            time.sleep(0.3)
            assert fired == [signal.SIGALRM]
        assert signal.getsignal(signal.SIGALRM) is before
    finally:
        signal.signal(signal.SIGALRM, original)


FORK_WHILE_GUARDED = """
import multiprocessing, os, threading
seen = []
os.register_at_fork(before=lambda: seen.append([t.name for t in threading.enumerate() if t.name != "MainThread"]))
from filelint import boundary  # registered after ours, its hook runs before ours: the watchdog is stopped first
from filelint.pdf import pool

def fork():
    child = multiprocessing.get_context("fork").Process(target=int)
    child.start()
    child.join()

def reads():
    with boundary.paused():  # a rule reading papers: the pool forks its workers here
        assert pool._context().get_start_method() == "fork"
        fork()
    fork()  # a plugin that forks during its call
    return [t.name for t in threading.enumerate() if t.name != "MainThread"]

boundary.call(lambda: None, what="t", limit=5)  # the watchdog thread is running now
print(boundary.call(reads, what="t", limit=5).value, seen)
"""


def test_no_thread_runs_while_a_guarded_call_forks() -> None:
    import subprocess

    proc = subprocess.run(
        [sys.executable, "-c", FORK_WHILE_GUARDED], capture_output=True, text=True, timeout=60, check=False
    )
    assert proc.returncode == 0, proc.stderr
    # at both forks no thread but the main one; after the fork in the call its watchdog runs again
    assert proc.stdout.strip() == "['filelint-watchdog'] [[], []]", proc.stdout
