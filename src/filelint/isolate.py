"""``--isolate-plugins``: run third-party code in a child process, for the guarantees no in-process
boundary can give (filelint.boundary). A pack that calls ``os._exit(0)``, holds the GIL in C code
or patches filelint's internals then ends or corrupts only its child; the parent reports it by name
and exits 2.

Children are forked (they inherit the loaded plugins and the case, nothing is pickled on the way
in); results come back pickled through a pipe. Where there is no ``fork`` (Windows) the flag is a
usage error rather than a silent no-op.
"""

from __future__ import annotations

import math
import multiprocessing
import os
import signal
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

from filelint import boundary
from filelint.errors import UsageError


class Reported(Exception):
    """A failure already described by the child (its type, message and place)."""

    described = True


def require_fork() -> None:
    if "fork" not in multiprocessing.get_all_start_methods():
        raise UsageError("--isolate-plugins needs the 'fork' start method, which this system lacks")


def call(function: Callable[[], Any], *, what: str, limit: float) -> boundary.Outcome:
    """Like `boundary.call`, but ``function()`` runs in a forked child that is killed at
    ``limit`` + `boundary.GRACE` seconds. Its value must be picklable."""
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(send, function, what, limit), daemon=True)
    child.start()
    send.close()
    try:
        return _await(receive, child, what, limit)
    finally:
        if child.is_alive():
            child.kill()
        child.join(5)
        receive.close()


def _await(receive: Connection, child: Any, what: str, limit: float) -> boundary.Outcome:
    wait = limit + boundary.grace(limit) if limit and math.isfinite(limit) else None
    if not receive.poll(wait) and child.is_alive():
        return boundary.Outcome(timed_out=True)
    try:
        kind, payload, output = receive.recv()
    except (EOFError, OSError):
        child.join(5)
        return boundary.Outcome(
            error=Reported(f"it ended the process it ran in (exit code {child.exitcode}) without returning")
        )
    if kind == "timeout":
        return boundary.Outcome(timed_out=True, output=output)
    if kind == "error":
        return boundary.Outcome(error=Reported(payload), output=output)
    return boundary.Outcome(value=payload, output=output)


def _child(send: Connection, function: Callable[[], Any], what: str, limit: float) -> None:
    """In the child: run the call behind the usual boundary, send the outcome, leave at once."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group; the parent handles it
    _quiet_fds()
    outcome = boundary.call(function, what=what, limit=limit, watchdog=False)  # the parent kills us
    if outcome.timed_out:
        message: tuple[str, Any, str] = ("timeout", None, outcome.output)
    elif outcome.error is not None:
        message = ("error", boundary.describe(outcome.error) + boundary.where(outcome.error), outcome.output)
    else:
        message = ("ok", outcome.value, outcome.output)
    try:
        send.send(message)
    except Exception as exc:  # a value that cannot be pickled
        send.send(("error", f"its result could not be passed back ({boundary.describe(exc)})", outcome.output))
    os._exit(0)


def _quiet_fds() -> None:
    """Point the child's fds 1 and 2 at /dev/null: output written below Python (os.write, C code)
    must not reach the parent's report either."""
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 1)
    os.dup2(null, 2)
    os.close(null)


def probe_entry_points(blocked: list[str]) -> str | None:
    """Load every entry-point pack in a child first; None if the child came back, else why not
    (a pack ended or hung the process while importing or registering)."""
    from filelint.plugins import load_plugins

    def load() -> int:
        return len(load_plugins(autoload=True, blocked=blocked).infos)

    limit = boundary.time_limit()
    outcome = call(load, what="loading the installed packs", limit=limit * 4 if limit else math.inf)
    if outcome.timed_out:
        return "an installed pack did not finish loading in time (tried in a separate process)"
    if isinstance(outcome.error, Reported) and "ended the process" in str(outcome.error):
        return f"an installed pack ended the process while loading: {outcome.error}"
    return None
