"""A test plugin whose rule crashes."""

from filelint.plugins import hookimpl
from filelint.rules import make_rule


def _boom(ctx):
    yield "not a problem"


RULE = make_rule(
    "TST002",
    "yields-text",
    "error",
    summary="s",
    why="w",
    authority=["test"],
    fix="f",
    fail_example="-",
    pass_example="-",
    check=_boom,
)


@hookimpl
def filelint_register_rules():
    return [RULE]
