"""A test plugin: TST001 reports every request at issue (so waivers have something to match)."""

from filelint.plugins import hookimpl
from filelint.rules import Problem, make_rule


def _each_request(ctx):
    for req in ctx.case.motion.requests:
        yield Problem(
            f"request {req.number} is at issue",
            at=("motion", "requests_at_issue"),
            requests=(req.number,),
            key=req.number,
        )


RULE = make_rule(
    "TST001",
    "each-request",
    "error",
    summary="s",
    why="w",
    authority=["test"],
    fix="f",
    fail_example="-",
    pass_example="-",
    check=_each_request,
)


@hookimpl
def filelint_register_rules():
    return [RULE]
