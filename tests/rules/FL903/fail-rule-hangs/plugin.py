"""A test plugin whose rule never returns (FL903).

The default limit is 10 s; to keep the suite fast this module lowers FILELINT_RULE_TIMEOUT when
it is imported (just before the run) and the hanging check puts the old value back as soon as the
engine has armed the timer, so no other test sees the lowered limit.
"""

import os
import time

from filelint.plugins import hookimpl
from filelint.rules import make_rule

_PREVIOUS = os.environ.get("FILELINT_RULE_TIMEOUT")
os.environ["FILELINT_RULE_TIMEOUT"] = "0.5"


def _restore():
    if _PREVIOUS is None:
        os.environ.pop("FILELINT_RULE_TIMEOUT", None)
    else:
        os.environ["FILELINT_RULE_TIMEOUT"] = _PREVIOUS


def _hang(ctx):
    _restore()
    while True:  # a rule stuck in a loop
        time.sleep(0.01)
    yield


RULE = make_rule(
    "TST003",
    "always-hangs",
    "error",
    summary="s",
    why="w",
    authority=["test"],
    fix="f",
    fail_example="-",
    pass_example="-",
    check=_hang,
)


@hookimpl
def filelint_register_rules():
    return [RULE]
