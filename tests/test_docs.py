"""docs/rules.md is generated from the registry and must not drift from it."""

from __future__ import annotations

from pathlib import Path

from filelint.cli import docgen

DOCS = Path(__file__).resolve().parents[1] / "docs" / "rules.md"


def test_rules_md_matches_the_registry() -> None:
    expected = docgen.render(docgen.builtin_rules())
    assert DOCS.read_text(encoding="utf-8") == expected, (
        "docs/rules.md is out of date: run `python -m filelint.cli.docgen`"
    )


def test_every_rule_has_a_section_shaped_like_filelint_rule() -> None:
    text = DOCS.read_text(encoding="utf-8")
    for rule in docgen.builtin_rules():
        assert f"\n## {rule.code} {rule.name} (" in text
    for heading in ("### What it checks", "### Why it matters", "### Fix", "### Authority"):
        assert heading in text


def test_demote_leaves_code_fences_alone() -> None:
    assert docgen.demote("# T\n```yaml\n# a comment\n```\n## S") == "## T\n```yaml\n# a comment\n```\n### S\n"


def test_check_mode_reports_drift(tmp_path: Path) -> None:
    stale = tmp_path / "rules.md"
    stale.write_text("old\n")
    assert docgen.main(["--check", str(stale)]) == 1
    assert docgen.main([str(stale)]) == 0
    assert docgen.main(["--check", str(stale)]) == 0
