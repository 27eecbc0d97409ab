"""filelint: lint a motion folder for procedural defects before filing."""

__version__ = "0.1.0"

# The public plugin API, re-exported lazily (PEP 562) so `filelint --version` and start-up stay
# cheap: a pack writes `from filelint import hookimpl, rule, Problem` and nothing deeper.
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from filelint.context import Context
    from filelint.findings import Severity
    from filelint.plugins import hookimpl
    from filelint.rules import Authority, Problem, Rule, make_rule, rule

_PUBLIC = {
    "hookimpl": "filelint.plugins", "Problem": "filelint.rules", "Rule": "filelint.rules",
    "rule": "filelint.rules", "make_rule": "filelint.rules", "Authority": "filelint.rules",
    "Severity": "filelint.findings", "Context": "filelint.context",
}
__all__ = ["Authority", "Context", "Problem", "Rule", "Severity", "__version__", "hookimpl", "make_rule",
           "rule"]


def __getattr__(name: str) -> Any:
    if name in _PUBLIC:
        import importlib

        return getattr(importlib.import_module(_PUBLIC[name]), name)
    raise AttributeError(f"module 'filelint' has no attribute {name!r}")
