"""A status line on stderr for slow work, shown only to a person watching a terminal.

Nothing is printed when stderr is not a TTY (piped, redirected, captured by a test) or when
the ``CI`` environment variable is set, and nothing for work that ends within ``delay``
seconds, so quick and cached runs stay silent.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from types import TracebackType
from typing import Self, TextIO

DELAY = 0.5
INTERVAL = 0.2


def wanted(stream: TextIO | None = None) -> bool:
    """True when a person is likely watching ``stream`` (default stderr)."""
    stream = sys.stderr if stream is None else stream
    if os.environ.get("CI"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


class Status:
    """``with Status("reading 7 papers"):`` shows ``filelint: reading 7 papers... 1.4s``
    after ``delay`` seconds, updates the elapsed time, and erases the line at the end."""

    def __init__(
        self, message: str, *, stream: TextIO | None = None, delay: float = DELAY, enabled: bool | None = None
    ) -> None:
        self.message = message
        self.stream = sys.stderr if stream is None else stream
        self.delay = delay
        self.enabled = wanted(self.stream) if enabled is None else enabled
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._width = 0
        self._start = 0.0

    def __enter__(self) -> Self:
        if self.enabled:
            self._start = time.monotonic()
            self._thread = threading.Thread(target=self._run, daemon=True)
            self._thread.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._thread is None:
            return
        self._stop.set()
        self._thread.join()
        if self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()

    def _run(self) -> None:
        if self._stop.wait(self.delay):
            return
        while not self._stop.is_set():
            line = f"filelint: {self.message}... {time.monotonic() - self._start:.1f}s"
            self.stream.write("\r" + line.ljust(self._width))
            self.stream.flush()
            self._width = max(self._width, len(line))
            self._stop.wait(INTERVAL)
