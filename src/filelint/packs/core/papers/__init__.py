"""Core rules that read the papers and cross-check them against the manifest (FL1xx).

Generic: they apply in any court. Registered through the same hook as every plugin.
"""

from __future__ import annotations

from filelint import Rule
from filelint.packs.core.papers import (
    consistency,
    coverage,
    decl_requests,
    declaration,
    readable,
    revisions,
    sources,
    statement,
    statement_text,
)

RULES: tuple[Rule, ...] = (
    *coverage.RULES,
    *declaration.RULES,
    *consistency.RULES,
    *decl_requests.RULES,
    *statement.RULES,
    *statement_text.RULES,
    *readable.RULES,
    *revisions.RULES,
    *sources.RULES,
)
