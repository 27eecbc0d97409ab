"""A test plugin whose rule reports 2 findings (FL905 caps a rule at 500 by default)."""

from filelint.plugins import hookimpl
from filelint.rules import Problem, make_rule


def _many(ctx):
    for i in range(2):
        yield Problem(f"finding {i}", at=("motion", "kind"), key=str(i))


RULE = make_rule(
    "TST905",
    "many-findings",
    "warning",
    summary="s",
    why="w",
    authority=["test"],
    fix="f",
    fail_example="-",
    pass_example="-",
    check=_many,
)


@hookimpl
def filelint_register_rules():
    return [RULE]
