"""Output formats. Each formatter writes every folder's findings to a text stream."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from filelint.findings import Finding
    from filelint.plugins import Plugins
    from filelint.settings import Settings

Formatter = Callable[[Sequence["Finding"], "Plugins", "Settings", TextIO], None]


#: The format names, without importing any formatter (configuration validates against these).
FORMAT_NAMES = ("concise", "full", "github", "json", "junit", "rdjson", "sarif")


def formatters() -> dict[str, Formatter]:
    """Name -> formatter; imported lazily so a run pays only for the format it prints."""
    from filelint.output import color, full, github, json_format, junit, rdjson, sarif

    return {
        "concise": color.concise,
        "json": json_format.render,
        "full": full.render,
        "sarif": sarif.render,
        "github": github.render,
        "junit": junit.render,
        "rdjson": rdjson.render,
    }
