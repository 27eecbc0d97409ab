"""filelint-newyork: a third-party filelint pack for New York Supreme Court discovery motions (codes NY).

Everything it needs from filelint comes from the public API (``from filelint import ...``), the
court-day engine ``filelint.courtdays`` and ``filelint.deadlines``.
"""

__version__ = "0.1.0"
