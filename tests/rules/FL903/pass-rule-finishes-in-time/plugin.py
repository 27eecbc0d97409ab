"""A test plugin whose rule does some work and returns well within the time limit."""

from filelint.plugins import hookimpl
from filelint.rules import Problem, make_rule


def _quick(ctx):
    yield Problem("a finding from a rule that finishes", at=("motion", "kind"))


RULE = make_rule(
    "TST004",
    "finishes-quickly",
    "warning",
    summary="s",
    why="w",
    authority=["test"],
    fix="f",
    fail_example="-",
    pass_example="-",
    check=_quick,
)


@hookimpl
def filelint_register_rules():
    return [RULE]
