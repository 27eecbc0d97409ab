"""Issue 12 campaign for groups 2, 5, 6, 7 and 9: each hostile input through the real CLI in a
subprocess (20 s limit), classified as handled, wrong (it ran, but printed unescaped text, passed
silently or wrote into the folder), crash (traceback, internal error, FL900) or hang.

    python tests/hostile/campaign.py [SRC]   # SRC: the filelint source tree to test (default: this one)

Not part of the test run (tests/hostile/test_*.py hold the same cases as assertions); it gives the
counts for a before/after comparison.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
MANIFESTS = HERE / "manifests"
BASE = (MANIFESTS / "018-bom.yaml").read_text("utf-8-sig")
TODAY = ["--today", "2026-11-28"]
Check = Callable[[int, bytes, bytes], bool]


class Campaign:
    def __init__(self, tree: str, root: Path) -> None:
        self.root = root
        self.env = {
            **os.environ,
            "PYTHONPATH": tree,
            "FILELINT_CACHE_DIR": str(root / "cache"),
            "HOME": str(root / "home"),
        }
        self.env.pop("GITHUB_STEP_SUMMARY", None)
        self.results: list[tuple[str, str]] = []

    def run(self, name: str, args: list[str], cwd: Path, check: Check, env: dict[str, str] | None = None) -> None:
        try:
            proc = subprocess.run(
                [sys.executable, "-m", "filelint", *args],
                cwd=cwd,
                capture_output=True,
                timeout=20,
                env={**self.env, **(env or {})},
                check=False,
            )
        except subprocess.TimeoutExpired:
            self.results.append((name, "hang"))
            return
        text = proc.stdout + proc.stderr
        if b"internal error" in text or b"Traceback" in text or b"FL900" in proc.stdout:
            self.results.append((name, "crash"))
            return
        self.results.append((name, "handled" if check(proc.returncode, proc.stdout, proc.stderr) else "wrong"))

    def folder(self, name: str, manifest: str) -> Path:
        folder = self.root / name
        folder.mkdir(parents=True)
        (folder / "filelint.yaml").write_text(manifest, "utf-8")
        return folder


def manifests(c: Campaign) -> None:
    """Group 5 and 9: every hostile manifest from 081 on is a located FL001/FL003 (exit 2)."""
    for path in sorted(MANIFESTS.glob("[01][0-9][0-9]-*.yaml")):
        if path.name >= "081":
            folder = c.folder(path.stem, "")
            shutil.copyfile(path, folder / "filelint.yaml")
            c.run(
                path.stem,
                ["check", ".", *TODAY],
                folder,
                lambda code, out, err: code == 2 and (b" FL003 " in out or b" FL001 " in out),
            )
    for name in ("090-year-9999.yaml", "091-year-one-quoted.yaml"):
        folder = c.folder("deadlines-" + name, (MANIFESTS / name).read_text("utf-8"))
        c.run(
            "deadlines " + name,
            ["deadlines", ".", *TODAY],
            folder,
            lambda code, out, err: code == 2 and b" FL003 " in err,
        )


def _no_injection(code: int, out: bytes, err: bytes) -> bool:
    lines = out.split(b"\n")
    return (
        code == 1
        and not any(bad in out for bad in (b"\x1b", b"\x07", "\u202e".encode()))
        and not any(line.startswith((b"::error file=forged", b"::error::FORGED")) for line in lines)
    )


def _no_html(summary: Path) -> Check:
    return lambda code, out, err: b"<script" not in summary.read_bytes()


def escaping(c: Campaign) -> None:
    """Group 2: hostile folder names in every text format and the job summary; the case number in deadlines."""
    names = {
        "newline-forge": "evil\n::error file=forged.yaml::FORGED",
        "esc": "x\x1b]0;pwned\x07\x1b[2J",
        "bidi": "a\u202eb",
        "script": "<script>alert(1)<",
    }
    for key, name in names.items():
        c.folder(f"esc/{name}", BASE)
        for fmt in ("concise", "full", "github"):
            c.run(f"{key}/{fmt}", ["check", name, *TODAY, "--format", fmt], c.root / "esc", _no_injection)
        summary = c.root / f"summary-{key}.md"
        c.run(
            f"{key}/summary",
            ["check", name, *TODAY, "--format", "github"],
            c.root / "esc",
            _no_html(summary),
            {"GITHUB_STEP_SUMMARY": str(summary)},
        )
    folder = c.folder("deadlines-esc", BASE.replace("number: 23STCV03596", 'number: "23\\e[2J\\nFAKE"'))
    c.run(
        "deadlines case number",
        ["deadlines", ".", *TODAY],
        folder,
        lambda code, out, err: code == 0 and b"\x1b" not in out and b"\nFAKE" not in out,
    )


def paths(c: Campaign) -> None:
    """Group 6: odd paper names are FL012 naming the file; init does not follow a symlink out."""
    odd = {"long": "a" * 300 + ".pdf", "nul": '"nul\\0.pdf"', "loop": "loop.pdf", "loopdir": "loopdir/x.pdf"}
    for key, path in odd.items():
        folder = c.folder("path-" + key, BASE + f"papers:\n  - {{role: exhibit, exhibit: 1, path: {path}}}\n")
        if key in ("loop", "loopdir"):
            os.symlink(path.split("/")[0], folder / path.split("/")[0])
        c.run(
            "path " + key,
            ["check", ".", *TODAY, "--no-cache"],
            folder,
            lambda code, out, err: code == 1 and b"cannot be opened" in out,
        )
    outside = c.root / "outside"
    outside.mkdir()
    (outside / "secret.pdf").write_bytes(b"%PDF-1.4 SECRET")
    folder = c.root / "init-link"
    folder.mkdir()
    os.symlink(outside / "secret.pdf", folder / "link.pdf")
    (folder / "real.pdf").write_bytes(b"%PDF-1.4\n")
    c.run(
        "init symlink out",
        ["init", ".", "--stdout", "--no-cache"],
        folder,
        lambda code, out, err: b"link.pdf" not in out,
    )


def cache_location(c: Campaign) -> None:
    """Group 7: the cache never lands in the motion folder."""
    folder = c.folder("cache-dot", BASE + "papers:\n  - {role: notice, path: n.pdf}\n")
    (folder / "n.pdf").write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    (folder / "filelint.toml").write_text('cache-dir = "."\n', "utf-8")

    def untouched(code: int, out: bytes, err: bytes) -> bool:
        return sorted(p.name for p in folder.iterdir()) == ["filelint.toml", "filelint.yaml", "n.pdf"]

    c.run("cache-dir .", ["check", ".", *TODAY], folder, untouched, {"FILELINT_CACHE_DIR": ""})
    (folder / "filelint.toml").write_text("", "utf-8")
    c.run(
        "XDG_CACHE_HOME=.", ["check", ".", *TODAY], folder, untouched, {"FILELINT_CACHE_DIR": "", "XDG_CACHE_HOME": "."}
    )


#: One damaged cache entry, then read the paper again (2 GiB address-space limit: /dev/zero must not eat memory).
PROBE = """
import os, resource, sys
from pathlib import Path
resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))
from filelint.pdf import read_document
from filelint.testing.pdfwrite import write_pdf
tmp, kind = Path(sys.argv[1]), sys.argv[2]
paper = write_pdf(tmp / "m.pdf", [["NOTICE OF MOTION"]])
cold = read_document(paper, cache_dir=tmp / "cache")
entry = next((tmp / "cache" / "pdf-text").glob(cold.sha256 + ".*.json"))
entry.unlink()
if kind == "fifo":
    os.mkfifo(entry)
elif kind == "dev-zero":
    entry.symlink_to("/dev/zero")
elif kind == "directory":
    entry.mkdir()
else:
    entry.write_text({"nested-list": "[" * 200_000, "nested-object": '{"doc": ' * 50_000,
                      "not-json": "{not json", "empty": ""}[kind])
sys.exit(0 if read_document(paper, cache_dir=tmp / "cache") == cold else 3)
"""


def cache_entries(c: Campaign) -> None:
    """Group 7: a damaged or special cache entry is ignored (in-process reader, one subprocess each)."""
    for kind in ("nested-list", "nested-object", "not-json", "empty", "fifo", "dev-zero", "directory"):
        folder = c.root / f"cache-entry-{kind}"
        folder.mkdir()
        try:
            proc = subprocess.run(
                [sys.executable, "-c", PROBE, str(folder), kind],
                capture_output=True,
                timeout=20,
                env=c.env,
                check=False,
            )
        except subprocess.TimeoutExpired:
            c.results.append((f"cache entry {kind}", "hang"))
            continue
        verdict = {0: "handled", 3: "wrong"}.get(proc.returncode, "crash")
        c.results.append((f"cache entry {kind}", verdict))


def main() -> None:
    tree = sys.argv[1] if len(sys.argv) > 1 else str(HERE.parents[1] / "src")
    root = Path(tempfile.mkdtemp(prefix="filelint-campaign-"))
    campaign = Campaign(tree, root)
    try:
        for group in (manifests, escaping, paths, cache_location, cache_entries):
            group(campaign)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    print(json.dumps({"tried": len(campaign.results), **Counter(r for _, r in campaign.results)}))
    for name, result in campaign.results:
        if result != "handled":
            print(f"  {result}: {name!r}")


if __name__ == "__main__":
    main()
