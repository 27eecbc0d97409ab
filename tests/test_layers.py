"""The nevers of the architecture, checked on the source (issue 10; docs/architecture.md).

Layers from the top: the face (``filelint.cli``); the run (runner, session, config, settings,
waivers, engine, plugins, output); the public API packs use (``filelint``, ``filelint.papers``,
``filelint.courtdays``, ``filelint.deadlines``, ``filelint.testing``); the manifest; pdf/; findings.
Imports under ``if TYPE_CHECKING:`` are annotations only and are not counted.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "filelint"
PACK_SOURCES = {
    "filelint.packs.core": SRC / "packs" / "core",
    "filelint.packs.california": SRC / "packs" / "california",
    "filelint_federal": ROOT / "plugins" / "filelint-federal" / "src" / "filelint_federal",
    "filelint_newyork": ROOT / "plugins" / "filelint-newyork" / "src" / "filelint_newyork",
}
PUBLIC = ("filelint", "filelint.papers", "filelint.courtdays", "filelint.deadlines", "filelint.testing")
RUN = (
    "filelint.runner",
    "filelint.session",
    "filelint.config",
    "filelint.settings",
    "filelint.waivers",
    "filelint.engine",
    "filelint.plugins",
    "filelint.output",
)


def module_name(path: Path, base: Path, package: str) -> str:
    parts = list(path.relative_to(base).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join([package, *parts])


def runtime_imports(path: Path, name: str) -> list[str]:
    """Modules ``path`` imports at run time (relative imports resolved; TYPE_CHECKING blocks skipped)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skip.update(id(n) for stmt in node.body for n in ast.walk(stmt))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = []
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                found.append(".".join([*base, node.module] if node.module else base))
            elif node.module:
                found.append(node.module)
    return found


def core_modules() -> list[tuple[str, Path]]:
    return [(module_name(p, SRC, "filelint"), p) for p in sorted(SRC.rglob("*.py"))]


def _within(name: str, prefixes: tuple[str, ...] | str) -> bool:
    prefixes = (prefixes,) if isinstance(prefixes, str) else prefixes
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def _violations(rule: str) -> list[str]:
    out = []
    for name, path in core_modules():
        for target in runtime_imports(path, name):
            if not target.startswith("filelint"):
                continue
            bad = {
                "face": not _within(name, ("filelint.cli", "filelint.__main__")) and _within(target, "filelint.cli"),
                "core-imports-no-pack": not _within(name, ("filelint.packs", "filelint.cli"))
                and (_within(target, "filelint.packs") or target.startswith("filelint_")),
                "public-api-below-run": _within(
                    name,
                    (
                        "filelint.papers",
                        "filelint.courtdays",
                        "filelint.deadlines",
                        "filelint.manifest",
                        "filelint.pdf",
                        "filelint.findings",
                    ),
                )
                and _within(target, RUN),
                "courtdays-stands-alone": _within(name, "filelint.courtdays")
                and not _within(target, "filelint.courtdays"),
                "manifest-below-rules": _within(name, "filelint.manifest")
                and _within(target, ("filelint.rules", "filelint.context", "filelint.pdf", "filelint.papers")),
                "pdf-below-manifest": _within(name, "filelint.pdf")
                and _within(target, ("filelint.manifest", "filelint.model")),
                "output-renders-only": _within(name, "filelint.output")
                and _within(target, ("filelint.runner", "filelint.session")),
            }[rule]
            if bad:
                out.append(f"{name} imports {target}")
    return out


@pytest.mark.parametrize(
    "rule",
    [
        "face",
        "core-imports-no-pack",
        "public-api-below-run",
        "courtdays-stands-alone",
        "manifest-below-rules",
        "pdf-below-manifest",
        "output-renders-only",
    ],
)
def test_layer_rule(rule: str) -> None:
    assert _violations(rule) == []


@pytest.mark.parametrize("pack", sorted(PACK_SOURCES))
def test_packs_use_only_the_public_api_and_no_other_pack(pack: str) -> None:
    base = PACK_SOURCES[pack]
    bad = []
    for path in sorted(base.rglob("*.py")):
        name = module_name(path, base, pack)
        for target in runtime_imports(path, name):
            if target.startswith("filelint") and not (
                target in PUBLIC or _within(target, pack) or _within(target, ("filelint.papers", "filelint.courtdays"))
            ):
                bad.append(f"{name} imports {target}")
    assert bad == []


def test_the_checker_sees_a_violation(tmp_path: Path) -> None:
    """The AST reader must actually find imports (a checker that finds nothing proves nothing)."""
    sample = tmp_path / "m.py"
    sample.write_text(
        "from typing import TYPE_CHECKING\nimport filelint.cli\nfrom . import sibling\n"
        "if TYPE_CHECKING:\n    from filelint.engine import x\n"
    )
    assert runtime_imports(sample, "filelint.pdf.m") == ["typing", "filelint.cli", "filelint.pdf"]
