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
    return {name: found for name in _FORMATTERS if (found := formatter(name)) is not None}


#: Where each format's formatter lives (module in filelint.output, function).
_FORMATTERS = {
    "concise": ("color", "concise"),
    "json": ("json_format", "render"),
    "full": ("full", "render"),
    "sarif": ("sarif", "render"),
    "github": ("github", "render"),
    "junit": ("junit", "render"),
    "rdjson": ("rdjson", "render"),
}


def formatter(name: str) -> Formatter | None:
    """The formatter of one format (only its module imported), or None for an unknown name."""
    if name not in _FORMATTERS:
        return None
    import importlib

    module, function = _FORMATTERS[name]
    found: Formatter = getattr(importlib.import_module(f"filelint.output.{module}"), function)
    return found
