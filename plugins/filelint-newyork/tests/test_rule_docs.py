"""Each rule's documented examples do what the docs say: the failing one fires, the passing one does not."""

from __future__ import annotations

from pathlib import Path

import pytest
from filelint import Rule
from filelint.testing import run_folder

import filelint_newyork.plugin as pack


@pytest.mark.parametrize("rule", pack.RULES, ids=lambda r: r.code)
@pytest.mark.parametrize("kind", ["fail", "pass"])
def test_documented_example(rule: Rule, kind: str, tmp_path: Path) -> None:
    example = rule.fail_example if kind == "fail" else rule.pass_example
    (tmp_path / "filelint.yaml").write_text("filelint: 1\n" + example + "\n", encoding="utf-8")
    codes = [f.code for f in run_folder(tmp_path, [pack], select=[rule.code])]
    assert (rule.code in codes) == (kind == "fail"), codes


@pytest.mark.parametrize("rule", pack.RULES, ids=lambda r: r.code)
def test_every_rule_is_documented_and_tagged(rule: Rule) -> None:
    assert rule.summary and rule.why and rule.fix and rule.reads
    assert all(a.confidence in ("C", "S", "U") for a in rule.authority)
    # A rule resting on an unconfirmed point is at most a warning.
    if any(a.confidence == "U" for a in rule.authority):
        assert rule.severity.name.lower() in ("warning", "info"), rule.code
