"""The plugin boundary: every call into plugin code (import, hooks, rule checks) goes through `call`.

A plugin is arbitrary Python running in our process. It may raise any ``BaseException``
(``SystemExit``, ``KeyboardInterrupt``, ``GeneratorExit``, its own subclasses), print into our
JSON or SARIF output, or never return. `call`:

* returns whatever the call raised instead of letting it end the run, except a real interrupt by
  the user (Ctrl-C, SIGTERM, SIGHUP: see `install_interrupt_handlers`), which is re-raised;
* captures what the call writes to ``sys.stdout`` and ``sys.stderr``;
* stops the call after ``limit`` seconds (SIGALRM, main thread only) and notes a call that swallowed
  the stop; and
* arms the process's one watchdog thread (a deadline, not a thread per call) that ends the whole
  run with exit 2 if the call still runs `GRACE` seconds after its limit (C code, or a call that
  catches or ignores the alarm): nothing else can stop it. The thread is stopped before every fork.

What no in-process boundary can hold (``os._exit``, monkeypatching filelint) is documented in
docs/writing-plugins.md; ``--isolate-plugins`` (filelint.isolate) covers it.
"""

from __future__ import annotations

import io
import math
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Self, TextIO

from filelint.errors import EXIT_ERROR

#: The handler as CPython's C module keeps it (signal.getsignal also converts it to an enum: slower).
_getsignal: Callable[[int], Any] = getattr(sys.modules.get("_signal"), "getsignal", signal.getsignal)

#: Seconds a call may keep running after its limit before the watchdog ends the run.
GRACE = 5.0
#: Captured plugin output kept per call (the rest is counted, not stored).
MAX_CAPTURE = 64 * 1024
_INTERRUPT_SIGNALS = ("SIGINT", "SIGTERM", "SIGHUP")


class CallTimeout(BaseException):
    """Raised inside a plugin call that ran past its limit (a BaseException so that
    ``except Exception`` in the plugin cannot swallow it)."""


@dataclass
class Outcome:
    """What one guarded call did: its value, or what it raised, or that it ran out of time."""

    value: Any = None
    error: BaseException | None = None
    timed_out: bool = False
    output: str = ""

    @property
    def ok(self) -> bool:
        return self.error is None and not self.timed_out


class _UserInterrupt:
    """Set by our signal handler; tells a real Ctrl-C apart from a plugin raising KeyboardInterrupt."""

    signalled = False


def install_interrupt_handlers() -> Callable[[], None]:
    """Handle SIGINT, SIGTERM and SIGHUP alike: remember that the user (or CI) interrupted, then
    raise KeyboardInterrupt so the run unwinds and its workers are stopped. Returns the undo."""
    if threading.current_thread() is not threading.main_thread():
        return lambda: None
    _UserInterrupt.signalled = False

    def interrupted(signum: int, frame: object) -> None:
        _UserInterrupt.signalled = True
        raise KeyboardInterrupt

    previous = {}
    for name in _INTERRUPT_SIGNALS:
        number = getattr(signal, name, None)
        if number is not None:
            previous[number] = signal.signal(number, interrupted)

    def restore() -> None:
        for number, handler in previous.items():
            signal.signal(number, handler)

    return restore


def user_interrupted() -> bool:
    return _UserInterrupt.signalled


def call(function: Callable[[], Any], *, what: str, limit: float, watchdog: bool = True) -> Outcome:
    """Run ``function()`` (plugin code) behind the boundary; never raises, except a real interrupt.

    ``what`` names the call for the watchdog's message ("rule CAL002 (plugin filelint)").
    ``limit`` is in seconds; 0 means none. ``watchdog=False`` leaves the hard stop to someone else
    (filelint.isolate's parent, which kills the child).
    """
    outcome = Outcome()
    capture = _Capture()
    guard = _Guard(what, limit, watchdog)
    try:
        with guard:
            streams, outer = _capture_on(capture)
            try:
                outcome.value = function()
            finally:
                guard.running = False
                sys.stdout, sys.stderr = streams
                _Capture.real, _Capture.capturing = outer
    except CallTimeout:
        outcome.timed_out = True
    except BaseException as exc:  # the boundary: a plugin must not end the run
        if isinstance(exc, KeyboardInterrupt) and user_interrupted():
            raise
        outcome.error = exc
    outcome.timed_out = outcome.timed_out or guard.expired
    outcome.output = capture.text()
    return outcome


def where(exc: BaseException) -> str:
    """`` at file.py:12``: the innermost frame of the exception's traceback, if any."""
    import traceback

    frames = traceback.extract_tb(exc.__traceback__) if exc.__traceback__ else []
    return f" at {os.path.basename(frames[-1].filename)}:{frames[-1].lineno}" if frames else ""


def grace(limit: float) -> float:
    """Seconds a call may outlive its limit before it is abandoned: `GRACE`, less for short limits."""
    return min(GRACE, max(1.0, limit))


def describe(exc: BaseException) -> str:
    """``Type: message`` for an exception a plugin raised, even if its ``str()`` raises too."""
    if getattr(exc, "described", False):
        return str(exc)  # described already, by a child process (filelint.isolate)
    try:
        text = str(exc)
    except BaseException:  # a hostile __str__ must not crash the report of the crash
        text = "(message could not be read)"
    name = type(exc).__name__
    return f"{name}: {text}" if text else name


@contextmanager
def paused() -> Iterator[None]:
    """Inside a guarded call: stop its clock and its capture while filelint's own work runs
    (reading papers for a rule has its own per-document limit and may show a status line)."""
    guard = _Guard.active
    streams = (sys.stdout, sys.stderr)
    if _Capture.capturing:
        sys.stdout, sys.stderr = _Capture.real
    remaining = guard.pause() if guard is not None else 0.0
    try:
        yield
    finally:
        if guard is not None:
            guard.resume(remaining)
        sys.stdout, sys.stderr = streams


class _Capture(io.TextIOBase):
    """A text stream that keeps the first `MAX_CAPTURE` characters written to it."""

    real: tuple[TextIO, TextIO] = (sys.stdout, sys.stderr)
    capturing = False

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._kept = 0
        self._dropped = 0

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        text = str(text)
        room = MAX_CAPTURE - self._kept
        self._parts.append(text[:room])
        self._kept += min(len(text), max(room, 0))
        self._dropped += max(len(text) - max(room, 0), 0)
        return len(text)

    def text(self) -> str:
        kept = "".join(self._parts)
        return kept + (f"\n[{self._dropped} more characters not kept]" if self._dropped else "")


def _capture_on(capture: _Capture) -> tuple[tuple[TextIO, TextIO], tuple[tuple[TextIO, TextIO], bool]]:
    """Send sys.stdout and sys.stderr to ``capture``; the streams and the state to restore after."""
    streams = (sys.stdout, sys.stderr)
    outer = (_Capture.real, _Capture.capturing)
    if not _Capture.capturing:  # a nested call keeps the real streams of the outermost one
        _Capture.real = streams
    _Capture.capturing = True
    sys.stdout = sys.stderr = capture
    return streams, outer


class _Guard:
    """The soft limit (SIGALRM raising CallTimeout) and the hard one (the process's `_Watchdog`)."""

    active: _Guard | None = None

    def __init__(self, what: str, limit: float, watchdog: bool = True) -> None:
        self.what, self.hard = what, watchdog
        self.limit = limit if limit > 0 and math.isfinite(limit) else 0.0
        self.expired = False
        self.running = True
        self.nested = _Guard.active is not None
        self._alarm = self.limit > 0 and not self.nested and _alarm_usable()
        self._previous: Any = None
        self._ends = 0.0

    def __enter__(self) -> Self:
        if self.nested or not self.limit:
            return self
        _Guard.active = self
        if self._alarm:  # our handler, unless a `handling_alarms` block installed it already
            # (in a block every call leaves the block's handler behind it, so no need to ask)
            self._previous = _on_alarm if _Handling.depth else _getsignal(signal.SIGALRM)
            if self._previous is not _on_alarm:
                signal.signal(signal.SIGALRM, _on_alarm)
        self.resume(self.limit)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.nested or not self.limit:
            return
        self.pause()
        if self._alarm and _getsignal(signal.SIGALRM) is not self._previous:
            signal.signal(signal.SIGALRM, self._previous)  # also undoes a plugin's own handler
        _Guard.active = None

    def _expire(self, signum: int, frame: object) -> None:
        self.expired = True
        if self.running:
            raise CallTimeout

    def pause(self) -> float:
        """Stop both clocks; the seconds that were left."""
        if self._alarm:
            remaining, _ = signal.setitimer(signal.ITIMER_REAL, 0)
        else:
            remaining = self._ends - _now()
        if self.hard:
            _Watchdog.disarm()
        return remaining

    def resume(self, remaining: float) -> None:
        if remaining <= 0:
            remaining = 0.001  # the limit passed while paused: expire now, not never
        if self._alarm:
            signal.setitimer(signal.ITIMER_REAL, remaining)
        else:
            self._ends = _now() + remaining
        if self.hard:
            _Watchdog.arm(self.what, self.limit, remaining)


def _on_alarm(signum: int, frame: Any) -> None:
    """The SIGALRM handler: the active call's soft limit, else the handler that was there before."""
    guard = _Guard.active
    if guard is not None and guard._alarm:
        guard._expire(signum, frame)
        return
    previous = _Handling.previous
    if callable(previous):
        previous(signum, frame)
    elif previous == signal.SIG_DFL:  # what SIGALRM would have done: end the process
        signal.signal(signal.SIGALRM, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGALRM)


class _Handling:
    """The SIGALRM handler before the outermost `handling_alarms` block."""

    previous: Any = signal.SIG_DFL
    depth = 0


@contextmanager
def handling_alarms() -> Iterator[None]:
    """Keep the SIGALRM handler installed for a block of many calls (the rules of a folder), so
    each call only sets its timer; the handler that was there before is restored after the block
    and is called for an alarm that arrives between calls. Each call still restores this handler
    if the plugin it ran changed it."""
    if not _alarm_usable():
        yield
        return
    outermost = _Handling.depth == 0
    if outermost:
        _Handling.previous = signal.signal(signal.SIGALRM, _on_alarm)
    _Handling.depth += 1
    try:
        yield
    finally:
        _Handling.depth -= 1
        if outermost:
            signal.signal(signal.SIGALRM, _Handling.previous)
            _Handling.previous = signal.SIG_DFL


class _Watchdog:
    """One thread per process that ends it with exit 2 if a guarded call outlives its limit + GRACE.

    Arming it for a call sets a deadline (no thread is started per call); the thread sleeps until
    the earliest deadline it knows of and then looks at the one that holds now. It is stopped (and
    joined) before every ``os.fork`` (`os.register_at_fork`), so no thread runs while filelint forks
    PDF workers or --isolate-plugins children, and it starts again in the parent only if a call is
    armed (otherwise at the next `arm`). A forked child has no watchdog."""

    _cond = threading.Condition()
    _thread: threading.Thread | None = None
    _armed: tuple[str, float, float] | None = None  # what, limit, the monotonic time to give up
    _wakes = math.inf  # when the thread will next look (inf: it waits to be notified)
    _stopping = False

    @classmethod
    def arm(cls, what: str, limit: float, remaining: float) -> None:
        deadline = _now() + remaining + grace(limit)
        with cls._cond:
            cls._armed = (what, limit, deadline)
            if cls._thread is None:
                cls._start()
            elif deadline < cls._wakes:
                cls._cond.notify()

    @classmethod
    def disarm(cls) -> None:
        with cls._cond:
            cls._armed = None  # the thread finds out when it next wakes: no wake-up per call

    @classmethod
    def _start(cls) -> None:
        cls._stopping, cls._wakes = False, -math.inf
        thread = threading.Thread(target=cls._run, daemon=True, name="filelint-watchdog")
        thread.stops_before_fork = True  # type: ignore[attr-defined]  # read by filelint.pdf.pool
        cls._thread = thread
        thread.start()

    @classmethod
    def _run(cls) -> None:
        with cls._cond:
            while True:
                armed = cls._armed
                if cls._stopping:
                    return
                left = armed[2] - _now() if armed is not None else math.inf
                if left <= 0:
                    break
                cls._wakes = _now() + left
                cls._cond.wait(None if left == math.inf else left)
        assert armed is not None
        what, limit, _ = armed
        abandon(
            f"{what} did not stop within {limit:g} s + {grace(limit):g} s and could not be "
            "stopped (it runs C code, or catches or ignores the stop) (FL903)"
        )

    @classmethod
    def before_fork(cls) -> None:
        thread = cls._thread
        if thread is None or thread is threading.current_thread():
            return
        with cls._cond:
            cls._stopping = True
            cls._cond.notify()
        thread.join()
        cls._thread = None

    @classmethod
    def after_fork_in_parent(cls) -> None:
        with cls._cond:
            if cls._armed is not None and cls._thread is None:
                cls._start()

    @classmethod
    def after_fork_in_child(cls) -> None:
        cls._cond = threading.Condition()
        cls._thread, cls._armed, cls._stopping = None, None, False


if hasattr(os, "register_at_fork"):
    os.register_at_fork(
        before=_Watchdog.before_fork,
        after_in_parent=_Watchdog.after_fork_in_parent,
        after_in_child=_Watchdog.after_fork_in_child,
    )


class _LastWords:
    """What the run found before a call that had to be abandoned (see `last_words`)."""

    provider: Callable[[], list[str]] | None = None


@contextmanager
def last_words(provider: Callable[[], list[str]]) -> Iterator[None]:
    """While the block runs, `abandon` prints ``provider()`` (one line per finding so far) to stderr,
    marked incomplete, so an abandoned run still shows what it had found."""
    previous, _LastWords.provider = _LastWords.provider, provider
    try:
        yield
    finally:
        _LastWords.provider = previous


def abandon(reason: str) -> None:
    """End the run now with exit 2: the one way out when plugin code cannot be stopped."""
    try:
        real = sys.__stderr__ or sys.stderr
        real.write(
            f"filelint: error: {reason}; the run was abandoned and the folder was NOT checked. "
            "Report it to the plugin's maintainers, or run with --isolate-plugins.\n"
        )
        lines = _LastWords.provider() if _LastWords.provider is not None else []
        if lines:
            real.write("filelint: found before it was abandoned (INCOMPLETE: the remaining checks did not run):\n")
            real.writelines(f"  {line}\n" for line in lines)
        real.flush()
    finally:
        os._exit(EXIT_ERROR)


def _alarm_usable() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def _now() -> float:
    return time.monotonic()


#: Seconds any plugin call (import, hook, rule check) may run; env FILELINT_RULE_TIMEOUT, 0: none.
TIMEOUT_ENV, DEFAULT_TIMEOUT = "FILELINT_RULE_TIMEOUT", 10.0


def time_limit() -> float:
    """The limit from FILELINT_RULE_TIMEOUT (default 10 s; 0 turns it off). Anything but a finite
    number of seconds >= 0 is a configuration error: a limit must never be off by accident."""
    from filelint.errors import UsageError

    text = os.environ.get(TIMEOUT_ENV, "").strip()
    if not text:
        return DEFAULT_TIMEOUT
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value < 0 or value > 86_400:
        raise UsageError(
            f"{TIMEOUT_ENV}={text!r}: give the seconds a rule may run, a number from 0 to "
            f"86400 (0 turns the limit off; the default is {DEFAULT_TIMEOUT:g})"
        )
    return value


def report_output(source: str, text: str, *, max_lines: int = 20) -> None:
    """Show what a plugin printed, on stderr, so that stdout (JSON, SARIF) stays ours and valid."""
    if not text.strip():
        return
    lines = text.rstrip("\n").splitlines()
    real = _Capture.real[1] if _Capture.capturing else sys.stderr
    real.write(f"filelint: note: {source} printed {len(lines)} line(s) (kept off the report):\n")
    for line in lines[:max_lines]:
        shown = line if line.isprintable() else "".join(c if c.isprintable() else repr(c)[1:-1] for c in line)
        real.write(f"  | {shown}\n")
    if len(lines) > max_lines:
        real.write(f"  | ... {len(lines) - max_lines} more\n")


#: Seconds to wait at exit for threads a plugin left running (non-daemon threads block exit).
THREAD_GRACE = 2.0


def leave(code: int) -> None:
    """Exit the process with ``code``: flush our output, give stray non-daemon threads
    `THREAD_GRACE` seconds, then ``os._exit`` so that no plugin's atexit handler or thread can
    hang the exit or change its code (``sys.exit(0)`` in an atexit handler would)."""
    import time

    deadline = time.monotonic() + THREAD_GRACE
    strays = [t for t in threading.enumerate() if t is not threading.main_thread() and not t.daemon]
    for thread in strays:
        thread.join(max(0.0, deadline - time.monotonic()))
    alive = [t.name for t in strays if t.is_alive()]
    for stream in (sys.stdout, sys.stderr):
        try:
            if alive and stream is sys.stderr:
                stream.write(
                    f"filelint: note: stopped {len(alive)} thread(s) a plugin left running "
                    f"({', '.join(alive[:3])}) after {THREAD_GRACE:g} s\n"
                )
            stream.flush()
        except (OSError, ValueError):
            pass  # a closed pipe (output piped into `head`): nothing more to say
    os._exit(code)
