"""A test plugin whose rule crashes."""

from filelint.plugins import hookimpl
from filelint.rules import make_rule


def _boom(ctx):
    raise KeyError("motion")
    yield


RULE = make_rule(
    "TST001",
    "always-crashes",
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
