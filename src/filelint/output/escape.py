"""Make user- and file-controlled text (paths, names, reasons, case data) safe for one output target.

Every formatter passes such strings through the function for its target, at the moment it writes
them: a folder named ``x\\n::error::forged`` must not forge a workflow command, an ESC sequence in a
file name must not reach the terminal, and ``<script>`` in a case number must not reach the job
summary as HTML. The functions are idempotent on their own output where that matters (terminal text
escaped twice reads the same), so text that the engine already made one line stays as it was.
"""

from __future__ import annotations

#: Bidirectional controls (Trojan Source, CVE-2021-42574) are "printable" to some terminals and
#: reorder what the reader sees; they are listed explicitly in case ``str.isprintable`` changes.
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
#: HTML specials and the characters that start Markdown syntax in a table cell, as character
#: references (one pass, so no reference is escaped twice).
_CELL = {c: f"&#{ord(c)};" for c in "&<>\"'\\`*_[]|~"}


def _visible(char: str) -> str:
    # repr() gives \x1b, \r, \n, \x7f, \x9b, \u202e, \udc80: short and unambiguous
    return repr(char)[1:-1]


def terminal(text: str) -> str:
    """Control characters (C0 incl. ESC, CR, LF, tab; DEL; C1), bidi overrides, line and paragraph
    separators and lone surrogates written as visible escapes (``\\x1b``, ``\\n``, ``\\u202e``)."""
    if text.isprintable() and not _BIDI.intersection(text):
        return text
    return "".join(_visible(c) if not c.isprintable() or c in _BIDI else c for c in text)


def plain(text: str) -> str:
    """Plain text reports (``filelint deadlines``, ``init`` and ``config`` messages): one line per
    value, no terminal control; the same rule as ``terminal``, named for where it is used."""
    return terminal(text)


def workflow_data(text: str) -> str:
    """A GitHub workflow command's message (after ``::``), as @actions/core ``escapeData`` does:
    ``%``, CR and LF percent-encoded; other control characters made visible (the log is a
    terminal that interprets ESC)."""
    encoded = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return terminal(encoded)


def workflow_property(text: str) -> str:
    """A workflow command property value (``file=``, ``title=``): ``escapeProperty`` also
    encodes ``:`` and ``,``, which would otherwise end the value or the property list."""
    return workflow_data(text).replace(":", "%3A").replace(",", "%2C")


def markdown_cell(text: str) -> str:
    """One cell of a GitHub-flavoured Markdown table in the job summary: HTML escaped (the summary
    renders raw HTML), Markdown syntax and ``|`` as character references, all on one line."""
    return "".join(_CELL.get(c, c) for c in terminal(text))
