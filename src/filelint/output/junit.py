"""``--format junit``: JUnit XML, the test report GitLab CI, Jenkins and Azure Pipelines read.

One ``testsuite`` per manifest and one failing ``testcase`` per finding (``type`` is its severity), as
ruff and flake8's JUnit reporters do; a waived finding is a skipped case with the waiver's reason, and a
clean run is one passing case, so a report is never empty.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from itertools import groupby
from typing import TYPE_CHECKING, TextIO

from filelint.findings import Finding

if TYPE_CHECKING:
    from filelint.plugins import Plugins
    from filelint.settings import Settings


def render(findings: Sequence[Finding], plugins: Plugins, settings: Settings, out: TextIO) -> None:
    root = ET.Element("testsuites", name="filelint")
    shown = [f for f in findings if f.waived is None or settings.show_waived]
    for path, group in groupby(shown, key=lambda f: f.location.path):
        _suite(root, path, list(group))
    if not shown:
        suite = ET.SubElement(root, "testsuite", name="filelint", tests="1", failures="0", errors="0", skipped="0")
        ET.SubElement(suite, "testcase", name="no problems", classname="filelint")
    failures = sum(int(s.get("failures", "0")) for s in root)
    root.set("tests", str(sum(int(s.get("tests", "0")) for s in root)))
    root.set("failures", str(failures))
    ET.indent(root)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(root, encoding="unicode") + "\n")


def _suite(root: ET.Element, path: str, findings: list[Finding]) -> None:
    waived = sum(1 for f in findings if f.waived is not None)
    suite = ET.SubElement(
        root,
        "testsuite",
        name=path,
        tests=str(len(findings)),
        failures=str(len(findings) - waived),
        errors="0",
        skipped=str(waived),
    )
    for f in findings:
        loc = f.location
        name = f"{f.code} {f.rule} ({loc.line}:{loc.column}) {f.fingerprint[:8]}".rstrip()
        case = ET.SubElement(
            suite, "testcase", name=name, classname=f"filelint.{f.code}", file=loc.path, line=str(loc.line)
        )
        if f.waived is not None:
            ET.SubElement(case, "skipped", message=f"waived: {f.waived}")
            continue
        failure = ET.SubElement(case, "failure", message=f"{f.code} [{f.severity}] {f.message}", type=str(f.severity))
        page = f"\npage: {loc.page}" if loc.page else ""
        head = f"{loc.path}:{loc.line}:{loc.column}: {f.code} [{f.severity}] {f.message}{page}"
        failure.text = f"{head}\nauthority: {f.authority}" + (f"\nfix: {f.fix}" if f.fix else "")
