"""``--statistics``: one line per code with its count, as ruff and flake8 print it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from filelint.findings import Finding

if TYPE_CHECKING:
    from filelint.plugins import Plugins
    from filelint.settings import Settings


def render(findings: Sequence[Finding], plugins: Plugins, settings: Settings, out: TextIO) -> None:
    """``COUNT  CODE  name  severity``, most frequent first; waived findings counted apart."""
    active = Counter(f.code for f in findings if f.waived is None)
    waived = Counter(f.code for f in findings if f.waived is not None)
    by_code = {f.code: f for f in findings}
    for code in sorted(set(active) | set(waived), key=lambda c: (-active[c], c)):
        f = by_code[code]
        tail = f"  ({waived[code]} waived)" if waived[code] else ""
        out.write(f"{active[code]:>5}  {code:<7} {f.rule:<34} {f.severity!s}{tail}\n")
    total = sum(active.values())
    out.write(f"{total} finding{'s' if total != 1 else ''} in {len(active)} code{'s' if len(active) != 1 else ''}.\n")
