"""filelint: lint a motion folder for procedural defects before filing.

The public API for packs is what this module exports, plus :mod:`filelint.papers` (the paper
readers), :mod:`filelint.courtdays` (court-neutral calendar arithmetic), :mod:`filelint.deadlines`
(deadline reports) and :mod:`filelint.testing` (the test kit). Everything else is internal and may
change; ``tests/test_layers.py`` checks that the built-in packs use nothing else.
"""

__version__ = "0.1.0"

# Re-exported lazily (PEP 562) so `filelint --version` and start-up stay cheap: a pack writes
# `from filelint import hookimpl, rule, Problem` and nothing deeper. Not even `typing` is imported here
# (the `filelint` command forks its reader process before it needs it).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from filelint.context import Context
    from filelint.documents import DocumentReader
    from filelint.findings import Severity
    from filelint.manifest.coredefs import core_ref
    from filelint.manifest.requests import DEVICE_LABEL, Req, RequestListError, format_requests, parse_request_list
    from filelint.model import (
        FURTHER_KINDS,
        KIND_DEVICE,
        Case,
        Communication,
        Discovery,
        Extension,
        Motion,
        Paper,
        Response,
        Service,
        manifest_date,
    )
    from filelint.plugins import hookimpl
    from filelint.rules import Authority, Problem, Rule, make_rule, rule

_MODEL = (
    "Case",
    "Communication",
    "Discovery",
    "Extension",
    "Motion",
    "Paper",
    "Response",
    "Service",
    "FURTHER_KINDS",
    "KIND_DEVICE",
    "manifest_date",
)
_REQUESTS = ("Req", "RequestListError", "format_requests", "parse_request_list", "DEVICE_LABEL")
_PUBLIC = {
    "hookimpl": "filelint.plugins",
    "Problem": "filelint.rules",
    "Rule": "filelint.rules",
    "rule": "filelint.rules",
    "make_rule": "filelint.rules",
    "Authority": "filelint.rules",
    "Severity": "filelint.findings",
    "Context": "filelint.context",
    "DocumentReader": "filelint.documents",
    "core_ref": "filelint.manifest.coredefs",
    **dict.fromkeys(_MODEL, "filelint.model"),
    **dict.fromkeys(_REQUESTS, "filelint.manifest.requests"),
}
__all__ = [
    "DEVICE_LABEL",
    "FURTHER_KINDS",
    "KIND_DEVICE",
    "Authority",
    "Case",
    "Communication",
    "Context",
    "Discovery",
    "DocumentReader",
    "Extension",
    "Motion",
    "Paper",
    "Problem",
    "Req",
    "RequestListError",
    "Response",
    "Rule",
    "Service",
    "Severity",
    "__version__",
    "core_ref",
    "format_requests",
    "hookimpl",
    "make_rule",
    "manifest_date",
    "parse_request_list",
    "rule",
]


def __getattr__(name: str) -> "Any":
    if name in _PUBLIC:
        import importlib

        return getattr(importlib.import_module(_PUBLIC[name]), name)
    raise AttributeError(f"module 'filelint' has no attribute {name!r}")
