"""``--format json``: an object with a ``findings`` array (stable field names)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from filelint import __version__
from filelint.findings import Finding

if TYPE_CHECKING:
    from filelint.plugins import Plugins
    from filelint.settings import Settings


def render(findings: Sequence[Finding], plugins: Plugins, settings: Settings, out: TextIO) -> None:
    data = {
        "tool": {
            "name": "filelint",
            "version": __version__,
            "plugins": [{"name": p.name, "distribution": p.distribution, "version": p.version} for p in plugins.infos],
        },
        "findings": [f.to_dict() for f in findings],
        "summary": {
            "total": sum(1 for f in findings if f.waived is None),
            "waived": sum(1 for f in findings if f.waived is not None),
        },
    }
    json.dump(data, out, indent=2, ensure_ascii=False, default=str)
    out.write("\n")
