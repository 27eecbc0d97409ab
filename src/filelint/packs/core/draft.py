"""FL005: values `filelint init` guessed and nobody confirmed yet, so a draft cannot pass by accident.

`init` marks every guess with a ``# CONFIRM:`` comment and writes ``unknown`` where it cannot read a
fact (who sent a letter, the motion kind). Until a person checks each and deletes the comment (or
states the fact), each one is an error.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import yaml

from filelint import Context, Problem, rule

At = tuple[str | int, ...]

CONFIRM = re.compile(r"(?:^|\s)# CONFIRM:\s*(?P<note>.*)$")
#: ``key: unknown``: the placeholder `init` writes for a fact it could not read.
UNKNOWN = re.compile(r"^\s*(?:-\s+)?(?P<key>[a-z_]+):\s*unknown\s*(?:#.*)?$")


@rule(
    "FL005",
    "unconfirmed-draft-value",
    "error",
    summary="The manifest still holds a value `filelint init` guessed (a `# CONFIRM:` comment) or a fact it "
    "could not read (`unknown`).",
    why="A draft is a guess from the papers' text: a letter's sender, the motion kind or a date read from "
    "the wrong page would make the rules check the wrong facts, and a filing must never look clean "
    "because nobody checked the draft.",
    authority=["filelint manifest format 1 (docs/manifest.md)"],
    fix="Check the value against the papers, correct it if needed, then delete its `# CONFIRM:` comment; "
    "replace each `unknown` with the fact.",
    fail_example="meet_and_confer:\n  - id: m1\n    date: 2023-08-17   # CONFIRM: the letter's date\n"
    "    from: unknown   # CONFIRM: who sent it? moving or responding",
    pass_example="meet_and_confer:\n  - id: m1\n    date: 2023-08-17\n    from: moving",
    reads=("the manifest's comments",),
)
def unconfirmed_draft_value(ctx: Context) -> Iterator[Problem]:
    try:
        text = ctx.manifest_path.read_text(encoding="utf-8")
        flagged = [
            (n, line) for n, line in enumerate(text.splitlines(), 1) if CONFIRM.search(line) or UNKNOWN.match(line)
        ]
        # Key paths cost a second YAML parse: only a draft that still holds a guess pays for it.
        paths = _paths_by_line(text) if flagged else {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError, RecursionError):
        return  # the loader reports an unreadable manifest (FL001)
    for number, line in flagged:
        confirm, unknown = CONFIRM.search(line), UNKNOWN.match(line)
        value = line[: confirm.start()].strip() if confirm else line.strip()
        note = f" ({confirm['note'].strip()})" if confirm and confirm["note"].strip() else ""
        what = "a fact the draft could not read" if unknown else "an unconfirmed draft value"
        yield Problem(
            f"line {number}: {what}: `{value.lstrip('# ')}`{note}; check it against the papers, "
            "then delete the `# CONFIRM:` comment" + (" and state the fact" if unknown else ""),
            at=_nearest(paths, number),
            key=f"line:{number}",
        )


def _paths_by_line(text: str) -> dict[int, At]:
    """The deepest key path whose value starts on each (1-based) line."""
    out: dict[int, At] = {}
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    stack: list[tuple[yaml.Node, At]] = [(root, ())] if root is not None else []
    while stack:
        node, path = stack.pop()
        line = node.start_mark.line + 1
        if path and len(path) >= len(out.get(line, ())):
            out[line] = path
        if isinstance(node, yaml.MappingNode):
            stack += [(value, (*path, str(key.value))) for key, value in node.value]
        elif isinstance(node, yaml.SequenceNode):
            stack += [(item, (*path, i)) for i, item in enumerate(node.value)]
    return out


def _nearest(paths: dict[int, At], line: int) -> At:
    """The path on ``line``, else the last one above it (a commented-out key sits under its section)."""
    above = [n for n in paths if n <= line]
    return paths[max(above)] if above else ()
