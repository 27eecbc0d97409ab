"""Which library reads PDF text: pdfium (pypdfium2, fast) or pdfminer (pure Python, the reference).

Resolved in the parent without importing either (a warm run imports neither).
"""

from __future__ import annotations

import functools
import importlib.util

#: Values of ``--pdf-backend`` and the ``pdf-backend`` setting.
BACKENDS = ("auto", "pdfium", "pdfminer")


def resolve_backend(choice: str) -> str:
    """ "pdfium" or "pdfminer" for a `BACKENDS` value: auto means pdfium when pypdfium2 is installed."""
    if choice not in BACKENDS:
        raise ValueError(f"unknown PDF backend {choice!r}; use one of {', '.join(BACKENDS)}")
    if choice == "auto":
        return "pdfium" if _pdfium_installed() else "pdfminer"
    return choice


@functools.cache
def _pdfium_installed() -> bool:
    """Looked up once per process (every folder's papers ask)."""
    return importlib.util.find_spec("pypdfium2") is not None
