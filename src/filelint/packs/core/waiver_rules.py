"""Core rules about the manifest's ``waivers:`` list (FL030-FL033).

They are reported by :mod:`filelint.waivers` after every other rule has run (their ``check`` is
None), because whether a waiver is used depends on the other rules' findings.
"""

from __future__ import annotations

from collections.abc import Sequence

from filelint import Rule, make_rule

WAIVERS = "filelint manifest format 1: waivers (docs/configuration.md)"
_PASS = (
    'waivers:\n  - code: CAL002\n    requests: "34"\n'
    "    reason: RFP 34 was resolved at the IDC on 2023-10-02\n    expires: 2027-01-01"
)

RULES: Sequence[Rule] = (
    make_rule(
        "FL030",
        "unused-waiver",
        "warning",
        check=None,
        summary="A waiver matches no finding of the rule it names.",
        why="A stale waiver hides nothing today but would silently hide a future finding it was "
        "never meant for; the waiver list is the firm's audit trail and must stay true.",
        authority=[WAIVERS],
        fix="Remove the waiver, or correct its code or targets.",
        fail_example='waivers:\n  - code: CAL002\n    requests: "99"   # not at issue\n'
        "    reason: resolved at the IDC on 2023-10-02",
        pass_example=_PASS,
        notes="Only waivers for rules that ran are judged: with `--select CAL001` a waiver for "
        "CAL002 is not reported. Requests match when every request of the finding is "
        "among the waiver's requests.",
    ),
    make_rule(
        "FL031",
        "expired-waiver",
        "error",
        check=None,
        summary="A waiver's `expires:` date has passed; it no longer applies.",
        why="Waivers are decisions made for a time (until the IDC, until the supplement is "
        "served); after that date the finding must be seen again.",
        authority=[WAIVERS],
        fix="Review it: renew `expires:` with a reason, or remove it and fix the finding.",
        fail_example='waivers:\n  - {code: CAL002, requests: "34", reason: until the IDC on 2023-10-02,'
        " expires: 2023-10-02}",
        pass_example=_PASS,
        notes="`--today` (or `today` in the configuration) sets the date compared.",
    ),
    make_rule(
        "FL032",
        "blanket-waiver",
        "error",
        check=None,
        summary="A waiver names only a code, with no requests, communication or document.",
        why="A blanket waiver silences every present and future finding of the rule, including "
        "ones nobody reviewed (ruff#11454). filelint requires each waiver to say what it covers; "
        "a blanket waiver is not applied.",
        authority=[WAIVERS],
        fix="Add `requests:`, `communication:` or `document:`.",
        fail_example="waivers:\n  - {code: CAL002, reason: we think the court will not mind}",
        pass_example=_PASS,
    ),
    make_rule(
        "FL033",
        "unknown-waiver-code",
        "error",
        check=None,
        summary="A waiver names a code that no loaded rule has, or one that cannot be waived.",
        why="A misspelled code waives nothing while looking like a decision; core codes for "
        "manifest and tool problems (FL001-FL004, FL9xx) and the waiver rules themselves "
        "report that a check could not run and cannot be waived.",
        authority=[WAIVERS],
        fix="Correct the code (`filelint rules` lists them), or install the plugin that defines it.",
        fail_example='waivers:\n  - {code: CAL020, requests: "34", reason: resolved at the IDC on 2023-10-02}',
        pass_example=_PASS,
    ),
)
