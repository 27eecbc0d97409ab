"""Core rules about the manifest itself and about filelint's own health (FL codes).

FL001-FL004 and FL006 are reported while the manifest is read (their ``check`` is None); the rest check
the model like any other rule. Registered through the same hook as every plugin.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from filelint import Communication, Context, Problem, Rule, make_rule, rule
from filelint.packs.core.draft import unconfirmed_draft_value
from filelint.papers import refusal

if TYPE_CHECKING:
    from filelint.safeopen import PathRefused

#: The kinds of `filelint.papers.refusal` each rule reports.
OUTSIDE, MISSING, SPECIAL, UNOPENABLE = "outside", "missing", "special", "unopenable"

FORMAT = "filelint manifest format 1 (docs/manifest.md)"

_LOADER_RULES = (
    make_rule(
        "FL001",
        "manifest-unreadable",
        "error",
        check=None,
        summary="The manifest is not readable YAML text.",
        why="A manifest that cannot be read means no rule ran; the folder must not look clean.",
        authority=[FORMAT],
        fix="Fix the YAML at the position given.",
        fail_example="court:\n\tsystem: ca-superior   # a tab",
        pass_example="court:\n  system: ca-superior",
    ),
    make_rule(
        "FL002",
        "duplicate-key",
        "error",
        check=None,
        summary="A key appears twice in one mapping.",
        why="YAML keeps only the last value, silently losing a fact the rules need.",
        authority=[FORMAT],
        fix="Merge the two entries.",
        fail_example="motion:\n  hearing: 2023-12-05\n  hearing: 2023-12-12",
        pass_example="motion:\n  hearing: 2023-12-05",
    ),
    make_rule(
        "FL003",
        "invalid-value",
        "error",
        check=None,
        summary="A value has the wrong type, an unknown option, an impossible date, or a field is missing.",
        why="Rules read typed facts; a wrong value would make them check the wrong thing.",
        authority=[FORMAT],
        fix="Write the value in the documented form.",
        fail_example="motion:\n  hearing: 2023-02-30",
        pass_example="motion:\n  hearing: 2023-12-05",
    ),
    make_rule(
        "FL004",
        "unknown-key",
        "error",
        check=None,
        summary="The manifest uses a key the format does not define.",
        why="A misspelled key (`hearng:`) would silently leave a fact unstated.",
        authority=[FORMAT],
        fix="Rename the key as suggested, or remove it.",
        fail_example="motion:\n  hearng: 2023-12-05",
        pass_example="motion:\n  hearing: 2023-12-05",
    ),
    make_rule(
        "FL006",
        "value-read-as",
        "info",
        check=None,
        summary="A value was written in everyday words (`email`, `U.S. mail`, `FedEx`) and read as the "
        "manifest's own value for the same category (`electronic`, `mail`, `overnight`).",
        why="A service method or channel is a legal category: mail adds 5 calendar days, e-service 2 court "
        "days. filelint never guesses a string-similar value (`email` is not `mail`); it accepts only "
        "words that mean exactly one category, and says what it read.",
        authority=[FORMAT],
        fix="Write the canonical value the message names.",
        fail_example="responses:\n  - {device: rfp, served: 2025-03-03, method: email}",
        pass_example="responses:\n  - {device: rfp, served: 2025-03-03, method: electronic}",
    ),
    make_rule(
        "FL900",
        "rule-crashed",
        "error",
        check=None,
        summary="A rule raised an exception; its requirement was not checked.",
        why="A crash must never make a filing look clean (flake8 reports plugin failures the same way).",
        authority=["filelint plugin contract (docs/writing-plugins.md)"],
        fix="Report it to the plugin's maintainers; check the requirement by hand.",
        fail_example="(a plugin whose check raises KeyError)",
        pass_example="(every rule runs)",
    ),
    make_rule(
        "FL901",
        "plugin-failed",
        "error",
        check=None,
        summary="A plugin could not be loaded (import error, code clash, invalid rules).",
        why="Its rules did not run; the run exits 2 so nobody files on a partial check.",
        authority=["filelint plugin contract (docs/writing-plugins.md)"],
        fix="Reinstall or fix the plugin; `filelint plugins` lists what loaded.",
        fail_example="(two packs claiming code CAL001)",
        pass_example="(every pack loads)",
    ),
    make_rule(
        "FL902",
        "invalid-problem",
        "error",
        check=None,
        summary="A rule yielded something that is not a Problem.",
        why="Its results cannot be trusted or located.",
        authority=["filelint plugin contract (docs/writing-plugins.md)"],
        fix="Report it to the plugin's maintainers.",
        fail_example="(a check that yields a string)",
        pass_example="(a check that yields Problem objects)",
    ),
    make_rule(
        "FL903",
        "rule-timeout",
        "error",
        check=None,
        summary="A rule ran longer than the per-rule time limit and was stopped.",
        why="A hanging rule must not hang the run, and its requirement must not look checked.",
        authority=["filelint plugin contract (docs/writing-plugins.md)"],
        fix="Report it to the plugin's maintainers; raise FILELINT_RULE_TIMEOUT (seconds) for a very large folder.",
        fail_example="(a check that loops forever)",
        pass_example="(a check that returns in time)",
    ),
    make_rule(
        "FL904",
        "limit-exceeded",
        "error",
        check=None,
        summary="The manifest or a paper is past a cap filelint sets on the work one input can cause.",
        why='A few bytes can name hundreds of thousands of requests ("1-2000, 2001-4000, ...") or a '
        "paper can be gigabytes; without a cap one folder could take minutes and gigabytes, so "
        "filelint stops and says which cap, instead of checking part of it silently.",
        authority=["filelint limits (docs/configuration.md)"],
        fix="Check the value at the position given; if the folder really is that large, raise the "
        "limit the message names (FILELINT_MAX_REQUESTS, FILELINT_MAX_COMMUNICATIONS, "
        "FILELINT_MAX_MANIFEST_KB, FILELINT_MAX_PAPER_MB).",
        fail_example='motion:\n  requests_at_issue: "1-2000, 2001-4000, 4001-6000, ..."   # 280,000',
        pass_example='motion:\n  requests_at_issue: "13-16, 34, 35"',
    ),
    make_rule(
        "FL905",
        "findings-truncated",
        "warning",
        check=None,
        summary="A rule reported more findings than the per-rule cap; the rest are counted, not shown.",
        why="Thousands of findings from one rule drown the report (and once printed 161 MB); the "
        "first ones and a count of the rest say the same.",
        authority=["filelint limits (docs/configuration.md)"],
        fix="Fix the findings shown and run again, or raise FILELINT_MAX_FINDINGS_PER_RULE to see all.",
        fail_example="(one rule reporting 10,000 requests)",
        pass_example="(500 or fewer findings per rule)",
    ),
)


@rule(
    "FL010",
    "paper-missing",
    "error",
    summary="A file the manifest names (paper, letter, response) is not in the folder.",
    why="The court reads the papers; a paper the manifest relies on but the folder lacks "
    "is likely missing from the filing too, and cannot be checked.",
    authority=[FORMAT],
    fix="Add the file to the folder or correct its path.",
    fail_example="papers:\n  - {role: declaration, path: decl.pdf}   # no decl.pdf in the folder",
    pass_example="papers:\n  - {role: declaration, path: decl.pdf}   # decl.pdf is there",
)
def paper_missing(ctx: Context) -> Iterator[Problem]:
    for path, at, refused in _refused(ctx, MISSING, SPECIAL):
        detail = "" if refused.kind == MISSING else f" ({refused.reason}; it was not read)"
        yield Problem(
            f"{path} is named in the manifest but is not in the motion folder{detail}",
            at=at,
            key=path,
            data={"paper": path},
        )


@rule(
    "FL011",
    "path-outside-folder",
    "error",
    summary="A path in the manifest leads outside the motion folder.",
    why="filelint reads only the motion folder; a path out of it (../, absolute, a symlink "
    "that leads out) is refused and never read.",
    authority=[FORMAT],
    fix="Copy the file into the motion folder and name it relative to it.",
    fail_example="papers:\n  - {role: exhibit, path: ../../etc/passwd}",
    pass_example="papers:\n  - {role: exhibit, path: exhibits/ex3.pdf}",
)
def path_outside(ctx: Context) -> Iterator[Problem]:
    for path, at, _ in _refused(ctx, OUTSIDE):
        yield Problem(f"{path} leads outside the motion folder; it was not read", at=at, key=path, data={"paper": path})


@rule(
    "FL012",
    "paper-unopenable",
    "error",
    summary="A file the manifest names cannot be opened: a name too long or holding a NUL, a "
    "symlink loop, or a folder on its way that filelint may not read.",
    why="A paper that cannot be opened is not checked; the run must say so, naming the file, "
    "rather than look clean or crash.",
    authority=[FORMAT],
    fix="Rename the file (at most 255 bytes per name, no control characters), "
    "replace the symlink with the file, or make the folder readable.",
    fail_example="papers:\n  - {role: exhibit, path: loop.pdf}   # loop.pdf -> loop.pdf",
    pass_example="papers:\n  - {role: exhibit, path: ex3.pdf}   # a regular file",
)
def paper_unopenable(ctx: Context) -> Iterator[Problem]:
    for path, at, refused in _refused(ctx, UNOPENABLE):
        yield Problem(f"{path} cannot be opened: {refused.reason}", at=at, key=path, data={"paper": path})


@rule(
    "FL020",
    "unknown-communication",
    "error",
    summary="A meet-and-confer entry answers an id that no entry has.",
    why="The thread of offers and answers is how unanswered offers are found.",
    authority=[FORMAT],
    fix="Use the id of the communication it answers.",
    fail_example="- {id: m2, answers: m9, ...}",
    pass_example="- {id: m2, answers: m1, ...}",
)
def unknown_communication(ctx: Context) -> Iterator[Problem]:
    ids = {c.id for c in ctx.case.communications}
    for c in ctx.case.communications:
        if c.answers is not None and c.answers not in ids:
            yield Problem(
                f"communication {c.id} answers {c.answers!r}, which is not an id in meet_and_confer",
                at=(*c.at, "answers"),
                communication=c.id,
            )


@rule(
    "FL021",
    "duplicate-communication-id",
    "error",
    summary="Two meet-and-confer entries share an id.",
    why="Answers refer to ids; a shared id makes the thread ambiguous.",
    authority=[FORMAT],
    fix="Give each communication its own id (m1, m2, ...).",
    fail_example="- {id: m1, date: 2023-08-17, ...}\n- {id: m1, date: 2023-08-30, ...}",
    pass_example="- {id: m1, date: 2023-08-17, ...}\n- {id: m2, date: 2023-08-30, ...}",
)
def duplicate_id(ctx: Context) -> Iterator[Problem]:
    seen: set[str] = set()
    for c in ctx.case.communications:
        if c.id in seen:
            yield Problem(f"communication id {c.id!r} is used twice", at=(*c.at, "id"), communication=c.id)
        seen.add(c.id)


@rule(
    "FL022",
    "answer-out-of-order",
    "error",
    summary="A communication answers one dated after it, or the answers form a cycle.",
    why="A reply cannot come before what it answers; the dates or ids are wrong.",
    authority=[FORMAT],
    fix="Check the dates and the `answers:` ids.",
    fail_example="- {id: m1, date: 2023-08-30, answers: m2}\n- {id: m2, date: 2023-08-17, answers: m1}",
    pass_example="- {id: m1, date: 2023-08-17}\n- {id: m2, date: 2023-08-30, answers: m1}",
)
def answer_order(ctx: Context) -> Iterator[Problem]:
    by_id: dict[str, Communication] = {}
    for c in ctx.case.communications:
        by_id.setdefault(c.id, c)  # the first of two equal ids, as Case.communication does
    cyclic = _cyclic_ids(by_id)
    for c in ctx.case.communications:
        target = by_id.get(c.answers) if c.answers else None
        if target is None:
            continue
        # `is`, not id equality: a duplicated id (FL021) answering its namesake is no cycle
        if target is c or c.id in cyclic:
            yield Problem(
                f"communication {c.id} is part of a cycle of answers", at=(*c.at, "answers"), communication=c.id
            )
        elif target.date > c.date:
            yield Problem(
                f"communication {c.id} ({c.date}) answers {target.id}, dated later ({target.date})",
                at=(*c.at, "answers"),
                communication=c.id,
            )


def _cyclic_ids(by_id: dict[str, Communication]) -> set[str]:
    """Ids on a cycle of ``answers``, in linear time (each entry answers at most one other;
    the walk used before was cubic and hung on a manifest with a few thousand entries)."""
    done: set[str] = set()
    cyclic: set[str] = set()
    for start in by_id:
        path: list[str] = []
        on_path: set[str] = set()
        current: str | None = start
        while current in by_id and current not in done and current not in on_path:
            path.append(current)
            on_path.add(current)
            current = by_id[current].answers
        if current in on_path:
            cyclic.update(path[path.index(current) :])
        done.update(path)
    return cyclic


def _named_files(ctx: Context) -> Iterator[tuple[str, tuple[str | int, ...]]]:
    """Each distinct path the manifest names, at its first mention."""
    yield from ctx.case.named_files()


def _refused(ctx: Context, *kinds: str) -> Iterator[tuple[str, tuple[str | int, ...], PathRefused]]:
    """Each named file that filelint will not read for one of ``kinds`` (opens nothing)."""
    for path, at in _named_files(ctx):
        refused = refusal(ctx, path)
        if refused is not None and refused.kind in kinds:
            yield path, at, refused


RULES: Sequence[Rule] = (
    *_LOADER_RULES,
    unconfirmed_draft_value,
    paper_missing,
    path_outside,
    paper_unopenable,
    unknown_communication,
    duplicate_id,
    answer_order,
)
