"""Text from the manifest, papers and findings, made safe for the page.

HTML-escaped (quotes too: the same text goes into attributes), and with control and bidi
characters shown as escapes (``\\u202e``) so a manifest value cannot reorder or hide what a
reader sees, as the text output does.
"""

from __future__ import annotations

from html import escape

from filelint.engine import one_line


def esc(text: str) -> str:
    return escape(one_line(text), quote=True)
