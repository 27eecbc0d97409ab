"""The page's inline CSS: screen, and letter paper when printed. Black-and-white safe."""

CSS = """
:root { --ink: #1b1b1b; --muted: #555; --accent: #0b5cad; --bad: #a4000f; --warn: #7a4b00; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink);
       margin: 0 auto; max-width: 1200px; padding: 16px 20px 40px; }
h1 { font-size: 1.45em; margin: 0 0 4px; } h2 { font-size: 1.2em; margin: 28px 0 8px; border-bottom: 1px solid #999; }
h3 { font-size: 1.02em; margin: 14px 0 4px; }
.meta { color: var(--muted); margin: 0; }
a { color: var(--accent); } a:focus, [tabindex]:focus { outline: 3px solid var(--accent); outline-offset: 2px; }
.counts { display: flex; gap: 10px; flex-wrap: wrap; margin: 10px 0; padding: 0; list-style: none; }
.counts li { border: 2px solid var(--ink); padding: 3px 10px; border-radius: 3px; }
.counts .error { border-style: double; border-width: 4px; }
.counts .warning { border-style: dashed; }
.counts .info { border-style: dotted; }
.glance { border: 3px double var(--bad); padding: 8px 14px; margin: 12px 0; }
.glance li { margin: 3px 0; }
.findings { list-style: none; padding: 0; }
.findings li { border-left: 6px solid var(--ink); padding: 4px 10px; margin: 6px 0; }
.findings li.error { border-left-style: double; border-left-width: 8px; }
.findings li.warning { border-left-style: dashed; }
.findings li.info { border-left-style: dotted; }
.sev { font-weight: 700; text-transform: uppercase; font-size: .8em; letter-spacing: .04em; }
.code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-weight: 700; }
.where, .auth { color: var(--muted); font-size: .9em; }

.scroll { overflow: auto; max-height: 75vh; border: 1px solid #bbb; }
svg.timeline { display: block; font-family: "DejaVu Sans Mono", ui-monospace, monospace; }
svg .axis { stroke: var(--ink); stroke-width: 2; }
svg .tick line { stroke: var(--ink); } svg .tick text, svg .side-cap { fill: var(--muted); font-size: 10px; }
svg .stem { stroke: #888; stroke-width: 1; }
svg .mark { fill: #fff; stroke: var(--ink); stroke-width: 1.6; }
svg .side-moving .mark { fill: #dbe8f7; } svg .side-responding .mark { fill: #f7e3cf; }
svg .ev-verification .mark { fill: var(--ink); }
svg .ring { fill: none; stroke: var(--bad); stroke-width: 2.5; stroke-dasharray: 4 2; }
svg .unanswered .lbl { font-weight: 700; fill: var(--bad); }
svg .lbl { fill: var(--ink); paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
svg .ev { cursor: pointer; } svg .ev:focus { outline: none; }
svg .ev:focus .mark, svg .ev:hover .mark, svg .ev:target .mark { stroke-width: 3.5; stroke: var(--accent); }
svg .ev:focus .lbl, svg .ev:target .lbl { text-decoration: underline; font-weight: 700; }
svg .deadline line { stroke: var(--bad); stroke-width: 1.4; stroke-dasharray: 6 3; }
svg .dl-mark { fill: var(--bad); }
svg .hatch { stroke: #7d93b0; stroke-width: 2; } svg .dot { fill: #9a7a50; }
svg .span rect { opacity: .55; } svg .span-edge { stroke: #7d93b0; stroke-width: 1; }
svg .answer-arrow { fill: none; stroke: var(--ink); stroke-width: 1.3; }
svg .arrowhead { fill: var(--ink); }
#tip { min-height: 2.6em; padding: 4px 8px; border: 1px solid #bbb; border-top: 0; font-size: .9em; }
table { border-collapse: collapse; font-size: .88em; }
th, td { border: 1px solid #999; padding: 2px 6px; text-align: left; vertical-align: top; }
.matrix-wrap { overflow: auto; max-height: 75vh; border: 1px solid #bbb; }
table.matrix th.req { position: sticky; left: 0; background: #fff; white-space: nowrap; }
table.matrix thead th { position: sticky; top: 0; background: #fff; }
table.matrix th.col { writing-mode: vertical-rl; transform: rotate(180deg); font-weight: 400;
                      font-family: ui-monospace, "DejaVu Sans Mono", monospace; white-space: nowrap; }
table.matrix td { text-align: center; font-family: ui-monospace, "DejaVu Sans Mono", monospace; min-width: 1.8em; }
td.not-raised { color: var(--muted); }
td.raised { font-weight: 700; } td.offered { font-weight: 700; text-decoration: underline; }
td.flagged { outline: 3px double var(--bad); outline-offset: -3px; background: #fde8e8; }
th.col.after { font-style: italic; color: var(--muted); }
tr.has-finding th.req { font-weight: 700; }
.legend span { margin-right: 14px; white-space: nowrap; }
.deadline-block { border: 1px solid #999; padding: 6px 12px; margin: 10px 0; break-inside: avoid; }
.status { font-weight: 700; }
ol.steps { margin: 4px 0; padding-left: 1.6em; } ol.steps li { margin: 1px 0; }
.sr { position: absolute; left: -9999px; }
@media print {
  @page { size: letter; margin: 0.5in; }
  @page wide { size: letter landscape; margin: 0.4in; }
  .wide { page: wide; }  /* the timeline and the matrix print across the long side of the sheet */
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  .scroll, .matrix-wrap { overflow: visible; max-height: none; border: 0; }
  svg.timeline { width: 100%; height: auto; }
  #tip, .noprint { display: none; }
  h2 { break-after: avoid; } section { break-inside: auto; }
  a { color: var(--ink); text-decoration: none; }
}
"""

#: Focus the event a finding's link points at (fragment navigation alone only scrolls), and show
#: the focused or hovered event's date, source file and manifest line under the timeline.
SCRIPT = """
(function () {
  function show(el) {
    var tip = document.getElementById(el.getAttribute('data-tip') || 'tip');
    if (!tip) return;
    tip.textContent = el.getAttribute('data-date') + ' \\u00b7 ' + el.getAttribute('data-detail') +
      ' \\u00b7 ' + el.getAttribute('data-source') + ', manifest line ' + el.getAttribute('data-line');
  }
  function focusHash() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && document.getElementById(id);
    if (el && el.focus) { el.focus(); }
  }
  document.addEventListener('focusin', function (e) {
    if (e.target.classList && e.target.classList.contains('ev')) show(e.target);
  });
  document.addEventListener('mouseover', function (e) {
    var el = e.target.closest ? e.target.closest('.ev') : null;
    if (el) show(el);
  });
  window.addEventListener('hashchange', focusHash);
  document.addEventListener('DOMContentLoaded', focusHash);
})();
"""
