"""The core's own findings are stamped by one object built before the manifest is read (issue 10):
the loaded packs' registry names the code, the manifest's shown path places it."""

from __future__ import annotations

from pathlib import Path

from filelint.engine import Stamper
from filelint.findings import Severity
from filelint.folder_run import FolderRun
from filelint.manifest.yamlload import Mark, load_yaml
from filelint.plugins import load_plugins
from filelint.runner import lint_folder
from filelint.settings import Settings


def test_a_core_finding_is_stamped_from_the_registry() -> None:
    plugins = load_plugins(autoload=False)
    stamper = Stamper(plugins, "motions/a/filelint.yaml")
    finding = stamper.stamp(
        "FL003", "`case.number` must be text", Mark(4, 9), fix="quote it", key_path=("case", "number")
    )
    rule = plugins.rules["FL003"]
    assert (finding.code, finding.rule, finding.severity, finding.plugin) == (
        "FL003",
        rule.name,
        rule.severity,
        "filelint",
    )
    loc = finding.location
    assert (loc.path, loc.line, loc.column, loc.key_path) == ("motions/a/filelint.yaml", 4, 9, "case.number")
    assert finding.fix == "quote it" and finding.authority == rule.citation
    run = FolderRun(stamper, Settings(), load_yaml("filelint: 1\n"), Path("."))
    assert run.plugins is plugins and run.shown == "motions/a/filelint.yaml"


def test_a_yaml_error_and_a_schema_error_carry_the_shown_path(tmp_path: Path) -> None:
    folder = tmp_path / "m"
    folder.mkdir()
    (folder / "filelint.yaml").write_text(
        "filelint: 1\ncourt: {system: other}\ncase: {number: 5}\nmotion: {kind: other}\n"
    )
    plugins = load_plugins(autoload=False)
    result = lint_folder(folder, plugins, Settings(), cwd=tmp_path)
    assert [(f.code, f.location.path, f.location.line, f.severity) for f in result.findings] == [
        ("FL003", "m/filelint.yaml", 3, Severity.ERROR)
    ]
    (folder / "filelint.yaml").write_text("filelint: 1\n\tcourt: x\n")
    result = lint_folder(folder, plugins, Settings(), cwd=tmp_path)
    assert [(f.code, f.location.path) for f in result.findings] == [("FL001", "m/filelint.yaml")]
