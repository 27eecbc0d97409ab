"""The motion names the moving party and the parties it is addressed to (CAL506, CRC 3.1112(d)).

Read from the notice of motion's text, beginning at its address ("TO ALL PARTIES ...", "TO
DEFENDANT ...") or "PLEASE TAKE NOTICE"; the caption above it names every party of the case, so it
proves nothing. A text heuristic, so a warning.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from filelint import Authority, Case, Context, Problem, rule
from filelint.packs.california.scope import CALIFORNIA, is_california
from filelint.papers import iter_docs, refusal

#: How much of the notice, from its address on, is read (filelint's measure, not the rule's).
BODY_CHARS = 2500
BODY_START = re.compile(
    r"\bTO\s+(?:ALL\s+PARTIES|[A-Z][A-Za-z.,'&\s-]{0,80}?ATTORNEYS?\s+OF\s+RECORD)|PLEASE\s+TAKE\s+NOTICE",
    re.IGNORECASE,
)
SUFFIX = re.compile(
    r"[,.]?\s+(?:inc|llc|l\.l\.c|llp|lp|l\.p|corp|corporation|co|company|ltd|n\.a|p\.c|pc)\.?$", re.IGNORECASE
)
#: Words too common in party names to identify one on their own.
GENERIC = frozenset(
    {
        *("general", "group", "america", "american", "national", "california", "services", "service"),
        *("insurance", "company", "corporation", "holdings", "international", "united", "county", "city"),
        *("state", "department", "trust", "bank"),
    }
)


def _flat(text: str) -> str:
    return " ".join(re.sub(r"[^\w&'-]+", " ", text).split()).lower()


def _body(text: str) -> str | None:
    """The notice from its address on, or None when it has neither an address nor 'PLEASE TAKE NOTICE'."""
    flat = " ".join(text.split())
    found = BODY_START.search(flat)
    return flat[found.start() : found.start() + BODY_CHARS] if found else None


def _forms(name: str) -> list[str]:
    """The ways a party's name is written: in full (without Inc., LLC ...), or its most distinctive word."""
    full = _flat(SUFFIX.sub("", name.strip()))
    words = [w for w in full.split() if len(w) >= 5 and w not in GENERIC]
    return [full, *([max(words, key=len)] if words else [])]


def _named(name: str, role: str | None, unique_roles: set[str], body: str) -> bool:
    """``name`` appears in the body, or its role word does and no other listed party has that role."""
    flat = f" {_flat(body)} "
    if any(f" {form} " in flat for form in _forms(name)):
        return True
    return role in unique_roles and re.search(rf"\b{role}\b", body, re.IGNORECASE) is not None


def _parties(case: Case) -> list[dict[str, Any]]:
    return [p for p in case.raw.get("parties") or [] if isinstance(p, dict) and p.get("name")]


def _unique_roles(parties: list[dict[str, Any]]) -> set[str]:
    roles = [str(p.get("role")) for p in parties if p.get("role") in ("plaintiff", "defendant")]
    return {r for r in roles if roles.count(r) == 1}


def unnamed(case: Case, body: str, titles: str) -> tuple[list[str], list[str]]:
    """Moving parties the body and titles do not identify, and whether no responding party is named."""
    parties, unique = _parties(case), _unique_roles(_parties(case))
    text = f"{titles} {body}"
    moving = [p for p in parties if p.get("side") == "moving"]
    responding = [p for p in parties if p.get("side") == "responding"]
    missing_moving = [p["name"] for p in moving if not _named(p["name"], p.get("role"), unique, text)]
    none_responding = bool(responding) and not any(_named(p["name"], p.get("role"), unique, body) for p in responding)
    return missing_moving, ([p["name"] for p in responding] if none_responding else [])


@rule(
    "CAL506",
    "motion-parties-not-named",
    "warning",
    systems=CALIFORNIA,
    summary="The notice of motion does not identify the moving party, or does not name the party the motion "
    "is addressed to.",
    why="CRC 3.1112(d): 'A motion must: (1) Identify the party or parties bringing the motion; (2) Name "
    "the parties to whom it is addressed; (3) Briefly state the basis for the motion and the relief "
    "sought'. In a case with several parties on a side, 'Defendant will move' does not say which "
    "one moves, nor which one must answer.",
    authority=[Authority("Cal. Rules of Court, rule 3.1112(d)"), Authority("Cal. Rules of Court, rule 3.1112(c)")],
    fix="Say in the notice who moves and against whom, by name (e.g. 'Defendant Mydatt Services, Inc. will "
    "move for an order compelling Plaintiff Raymond DiGiacomo to serve further responses').",
    fail_example="parties:\n  - {name: Mydatt Services Inc., role: defendant, side: moving}\n"
    "  - {name: Recology Inc., role: defendant, side: other}\n"
    "# notice.pdf: 'PLEASE TAKE NOTICE that Defendant will move for an order compelling Plaintiff ...'",
    pass_example="# notice.pdf: 'PLEASE TAKE NOTICE that Defendant Mydatt Services, Inc. will move for an order "
    "compelling Plaintiff Raymond DiGiacomo to serve further responses ...'",
    reads=("parties[].name", "parties[].role", "parties[].side", "papers[].role", "papers[].title", "motion.title"),
    notes="A warning: read from the text, which cannot settle who a paragraph identifies. The notice "
    "is read from its address ('TO ALL PARTIES', 'TO ... ATTORNEYS OF RECORD') or 'PLEASE TAKE "
    "NOTICE' for 2,500 characters; the caption above is left out (it names every party), but "
    "the paper's title in the manifest counts for the moving party. A party counts as named by "
    "its name without Inc./LLC, by its most distinctive word, or by 'plaintiff'/'defendant' "
    "where it is the only party of that role in parties[]. Checked only where parties[] names "
    "the sides. The basis and relief sought (3.1112(d)(3)) is CAL505's check of the opening "
    "(CRC 3.1110(a)). A notice that cannot be read is never an error here: FL110/FL111 report "
    "it and CAL490 (info) says this check could not run.",
)
def motion_parties_not_named(ctx: Context) -> Iterator[Problem]:
    case = ctx.case
    if not is_california(case) or not any(p.get("side") == "moving" for p in _parties(case)):
        return
    papers = case.papers_with_role("notice")
    for path, doc in iter_docs(ctx, [p.path for p in papers]):
        paper = next(p for p in papers if p.path == path)
        body = _body(" ".join(doc.pages))
        if body is None:
            continue
        titles = " ".join(str(t) for t in (paper.title, case.motion.raw.get("title")) if t)
        moving, responding = unnamed(case, body, titles)
        gaps = []
        if moving:
            gaps.append(f"does not identify the moving party {', '.join(moving)} (CRC 3.1112(d)(1))")
        if responding:
            gaps.append(f"names none of the parties it is addressed to ({', '.join(responding)}; CRC 3.1112(d)(2))")
        if gaps:
            yield Problem(f"the notice {path} {' and '.join(gaps)}", at=paper.at, key=path)


def missing_facts(ctx: Context) -> Iterator[Problem]:
    """CAL506 could not read a notice, or parties[] names no moving party (CAL490)."""
    case = ctx.case
    if not is_california(case):
        return
    papers = case.papers_with_role("notice")
    read = dict(iter_docs(ctx, [p.path for p in papers]))
    for paper in papers:
        if paper.path not in read and refusal(ctx, paper.path) is None:
            yield Problem(
                f"the notice {paper.path} has no text filelint can read, so CAL506 cannot check that it "
                "names the moving and responding parties (CRC 3.1112(d))",
                at=paper.at,
                key=f"CAL506:{paper.path}",
            )
    if read and not any(p.get("side") == "moving" for p in _parties(case)):
        yield Problem(
            "parties[] names no party on the moving side, so CAL506 cannot check that the notice "
            "identifies the moving and responding parties (CRC 3.1112(d)); add parties with name and side",
            at=("parties",) if case.raw.get("parties") else (),
            key="CAL506:parties",
        )


RULES = (motion_parties_not_named,)
