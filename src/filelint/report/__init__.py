"""``filelint report``: one self-contained HTML page of a motion folder (timeline, coverage matrix,
deadlines) and ``filelint deadlines --format ics``.

Court-neutral: the page is built from the case model, the findings and a deadline report. Only
:mod:`filelint.report.source` knows where the deadline report comes from.

Layers: ``source`` (deadline report) -> ``events`` / ``matrix`` / ``gather`` (data) -> ``layout``
(positions, no HTML) -> ``timeline`` / ``page`` (HTML and SVG text, every user string escaped).
"""
