"""A regular expression compiled when first used, not when its module is imported: start-up pays
only for the patterns a run needs (a warm run reads most paper facts from the cache)."""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Iterator


class LazyPattern:
    """``re.compile(pattern, flags)`` on first use; `search`, `match` and `finditer` as on a pattern."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern, self.flags = pattern, flags

    @functools.cached_property
    def compiled(self) -> re.Pattern[str]:
        return re.compile(self.pattern, self.flags)

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.search(string, pos, endpos)

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.match(string, pos, endpos)

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(string, pos, endpos)
