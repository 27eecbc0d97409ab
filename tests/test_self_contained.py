"""The repository stands on its own: nothing a user sees points at development-only material.

Users have the repository, not the developers' notes: no machine path anywhere, and in shipped
files, docs and every registered rule's text no "the digest", "rules.md §2C", "ruling 057",
"the corpus" or court-holidays.md. A ruling is cited by court, department, case number and date.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from filelint.plugins import load_plugins

ROOT = Path(__file__).resolve().parents[1]
SKIP_DIRS = {
    ".git",
    ".venv",
    "venv",
    ".tox",
    ".mypy_cache",
    ".ruff_cache",
    ".pytest_cache",
    ".hypothesis",
    ".benchmarks",
    "__pycache__",
    "build",
    "dist",
    "node_modules",
}
TEXT = {".py", ".md", ".yaml", ".yml", ".toml", ".json", ".txt", ".cfg", ".ini", ".csv", ""}
#: A path on a development machine, or the developers' notes folder.
#: Built from parts so this file does not itself name the workspace folder.
WORKSPACE = "/" + "work" + "/"
MACHINE_PATH = re.compile(
    re.escape(WORKSPACE) + r"|/home/\w+/|\.\./shared\b|\bshared/(domain|fixtures)\b", re.IGNORECASE
)
#: The one place that names the corpus's default location.
CORPUS_SETTING = ROOT / "tests" / "conftest.py"
DEV_ONLY = re.compile(
    r"\bthe digest\b|\bdigest's\b|\brules\.md\s*(§|section|\d[A-Z])|\brulings? (\d{3}|seed)\b"
    r"|\bthe corpus\b|court-holidays\.md|pdf-notes|\bcases/\d{3}\.yaml",
    re.IGNORECASE,
)
#: What a user gets: the package, the packs in plugins/, the docs, the examples, the project files.
SHIPPED = (
    "src",
    "plugins/filelint-federal/src",
    "docs",
    "examples",
    "README.md",
    "CHANGELOG.md",
    "CONTRIBUTING.md",
    "LICENSE",
    "pyproject.toml",
    ".pre-commit-hooks.yaml",
    "plugins/filelint-federal/pyproject.toml",
    "plugins/filelint-federal/README.md",
)


def _files(top: Path) -> Iterator[Path]:
    if top.is_file():
        yield top
        return
    for path in sorted(top.rglob("*")):
        if (
            path.is_file()
            and not SKIP_DIRS & set(path.relative_to(ROOT).parts)
            and path.suffix in TEXT
            and not path.name.endswith(".egg-info")
            and ".egg-info" not in str(path)
        ):
            yield path


def _joined(text: str) -> str:
    """Source with adjacent string literals joined, so a reference split across lines is found."""
    return re.sub(r"[\"']\s*\n\s*[fr]?[\"']", "", text)


def _hits(pattern: re.Pattern[str], paths: Iterator[Path]) -> list[str]:
    out = []
    for path in paths:
        text = _joined(path.read_text("utf-8", errors="replace"))
        out += [f"{path.relative_to(ROOT)}: {m.group(0)!r}" for m in pattern.finditer(text)]
    return out


def test_no_machine_path_anywhere_in_the_repository() -> None:
    allowed = (CORPUS_SETTING, Path(__file__).resolve())  # the setting, and this test's own samples
    hits = _hits(MACHINE_PATH, (p for p in _files(ROOT) if p not in allowed))
    assert not hits, "\n".join(hits)


@pytest.mark.parametrize("top", SHIPPED)
def test_no_development_only_reference_in_shipped_files(top: str) -> None:
    path = ROOT / top
    if not path.exists():
        pytest.skip(f"{top} is not in this checkout")
    hits = _hits(DEV_ONLY, _files(path))
    assert not hits, "\n".join(hits)


def test_no_development_only_reference_in_any_rule_text() -> None:
    """Every registered rule, including the in-repo packs: what `filelint rule CODE` and docs/rules.md show."""
    loaded = load_plugins(autoload=True)
    bad = []
    for code, rule in sorted(loaded.rules.items()):
        texts = [
            rule.summary,
            rule.why,
            rule.fix,
            rule.notes,
            rule.fail_example,
            rule.pass_example,
            *(f"{a.citation} {a.note}" for a in rule.authority),
        ]
        bad += [f"{code}: {m.group(0)!r}" for text in texts for m in DEV_ONLY.finditer(text)]
    assert len(loaded.rules) > 50
    assert not bad, "\n".join(bad)


def test_the_patterns_catch_what_they_are_for() -> None:
    """The grep is only as good as its patterns: each known form of a leak is caught."""
    leaks = [
        "(ruling 057: leaving it out)",
        "the digest's suggestion",
        "rules.md §2C",
        "rules.md 1E",
        "no ruling in the corpus",
        "court-holidays.md",
        'in ruling "\n    "025 the court',
    ]
    assert all(DEV_ONLY.search(_joined(text)) for text in leaks)
    assert MACHINE_PATH.search(f"Facts from {WORKSPACE}shared/domain/cases/002.yaml")
    assert MACHINE_PATH.search("see ../shared/fixtures/real-pdfs")
    cite = "Richard R. v. Doe 1 (S.F. Super. Ct. No. CGC22603294, Dept. 302, Sept. 8, 2025)"
    clean = ["sha256(...).hexdigest()", "docs/rules.md", cite, "the rulings we know"]
    assert not any(DEV_ONLY.search(text) or MACHINE_PATH.search(text) for text in clean)
