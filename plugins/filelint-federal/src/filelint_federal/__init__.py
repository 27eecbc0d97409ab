"""filelint-federal: a third-party filelint pack for federal discovery motions (codes FED).

Everything it needs from filelint comes from the public API (``from filelint import ...``),
plus the court-day engine ``filelint.courtdays``.
"""

__version__ = "0.1.0"
