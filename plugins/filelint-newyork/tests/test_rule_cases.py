"""Data-driven cases for every NY rule, run with the filelint.testing kit."""

from __future__ import annotations

from pathlib import Path

import pytest
from filelint.testing import RuleCase, assert_every_rule_has_cases, check_rule_case, filelint_rule_cases

import filelint_newyork.plugin as pack

CASES = Path(__file__).parent / "rules"


@pytest.mark.parametrize("case", filelint_rule_cases(CASES), ids=str)
def test_rule_case(case: RuleCase) -> None:
    check_rule_case(case, plugins=[pack])


def test_every_rule_has_pass_and_fail_cases() -> None:
    assert_every_rule_has_cases(pack, CASES)
