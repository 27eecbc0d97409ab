"""Every filelint benchmark in one command, each figure a ratio against a baseline measured in the same run.

    python benchmarks/run_all.py [--runs 7] [--folders 300] [--sizes 100 1000 10000] [--quick] [--only 2 6]

Sections (commands interleaved, medians; seconds depend on the machine, ratios are what count):

1. start-up, one folder, warm cache: `filelint check` vs check-jsonschema and yamllint on the same
   manifest, and `python -c pass`;
2. many folders: per extra folder at N folders, filelint vs check-jsonschema; peak RSS of filelint at
   1, N/10 and N folders (target: flat);
3. cold PDF extraction in-process: filelint (pdfium, pdfminer) vs bare pypdfium2 `get_text_range` and
   bare pdfminer `extract_text` on the same files (the real filings in $FILELINT_CORPUS/real-pdfs when
   set, else generated papers);
4. `--jobs 2` vs `--jobs 1`: cold `filelint check --no-cache` of a motion folder with 300 pages of papers;
5. peak RSS extracting 50, 150 and 300 pages, generated and (with the corpus) real filings
   concatenated (target: a small constant per page);
6. growth: `lint_folder` CPU time at N requests and communications (bench_scale.py), and at the
   largest N `filelint check` vs check-jsonschema on the same manifest.

Every figure with a target is printed with PASS or MISS and repeated in a summary at the end.
"""

from __future__ import annotations

import argparse
import contextlib
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import bench_pdf  # noqa: E402
import bench_scale  # noqa: E402

EXAMPLE = ROOT / "examples" / "palominos-cervantes-v-gm"
#: Memory per page while reading one long PDF: the text kept plus the file's own bytes, no more.
PER_PAGE_MB = 0.1
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one fresh process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env or ENV)
    _, _, usage = os.wait4(proc.pid, 0)
    proc.returncode = 0
    return time.perf_counter() - start, usage.ru_maxrss / 1024


def race(commands: dict[str, list[str]], runs: int, env: dict[str, str] | None = None) -> dict[str, float]:
    """Median wall time of each command, interleaved, after one warm-up each."""
    for cmd in commands.values():
        run(cmd, env)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, cmd in commands.items():
            times[name].append(run(cmd, env)[0])
    return {name: statistics.median(t) for name, t in times.items()}


def line(label: str, value: str, target: str = "") -> None:
    print(f"  {label:<58} {value:>12}  {target}")


#: (figure, value, target, PASS or MISS) of every figure that has a target, for the summary.
VERDICTS: list[tuple[str, str, str, str]] = []


def judged(label: str, value: float, limit: float, target: str | None = None, fmt: str = "{:.2f}") -> None:
    """A figure with a target (at most ``limit``): printed with PASS or MISS, and kept for the summary."""
    verdict = "PASS" if value <= limit else "MISS"
    target = target or f"<= {limit:g}"
    if fmt.format(value) == fmt.format(limit):
        fmt = "{:.3f}"  # rounded onto the limit: the next digit says which side it is on
    line(label, fmt.format(value), f"(target {target}) {verdict}")
    VERDICTS.append((label, fmt.format(value), target, verdict))


def check(section: str, label: str, value: float, limit: float, note: str = "") -> None:
    """``judged`` with the section number in front and a note after the target."""
    judged(f"{section}. {label}", value, limit, f"<= {limit:g}" + (f" {note}" if note else ""))


def summary() -> None:
    print("summary (every figure with a target):")
    for label, value, target, verdict in VERDICTS:
        print(f"  {verdict}  {label:<58} {value:>8}  (target {target})")


def tool(name: str) -> str:
    found = shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))
    if found is None:
        raise SystemExit(f"{name} is not installed: pip install {name}")
    return found


def startup_schema(tmp: Path, env: dict[str, str]) -> Path:
    """filelint's manifest schema as a file, for check-jsonschema."""
    schema = tmp / "manifest.json"
    schema.write_text(
        subprocess.run(
            [sys.executable, "-m", "filelint", "schema"], capture_output=True, text=True, check=True, env=env
        ).stdout
    )
    return schema


def startup(tmp: Path, runs: int, env: dict[str, str]) -> None:
    print("1. one folder, warm cache (fresh processes, medians)")
    schema = startup_schema(tmp, env)
    manifest = str(EXAMPLE / "filelint.yaml")
    t = race(
        {
            "filelint": [sys.executable, "-m", "filelint", "check", str(EXAMPLE)],
            "check-jsonschema": [tool("check-jsonschema"), "--schemafile", str(schema), manifest],
            "yamllint": [tool("yamllint"), "-d", "relaxed", manifest],
            "pass": [sys.executable, "-c", "pass"],
        },
        runs,
        env,
    )
    for name, secs in t.items():
        line(f"{name}", f"{secs * 1000:.0f} ms")
    judged("1. one folder: filelint / check-jsonschema", t["filelint"] / t["check-jsonschema"], 0.5)
    line("filelint / yamllint", f"{t['filelint'] / t['yamllint']:.2f}")
    line("filelint - python -c pass", f"{(t['filelint'] - t['pass']) * 1000:.0f} ms")


def many_folders(tmp: Path, count: int, runs: int, env: dict[str, str]) -> None:
    print(f"2. many folders: per extra folder at {count} folders (warm cache)")
    schema = tmp / "manifest.json"
    root = tmp / "firm"
    source = ROOT / "examples" / "palominos-cervantes-v-gm-fixed"
    for i in range(count):
        shutil.copytree(source, root / f"m{i:04d}")
    one = root / "m0000"
    tenth = [str(root / f"m{i:04d}") for i in range(max(1, count // 10))]
    all_manifests = sorted(str(p) for p in root.glob("*/filelint.yaml"))
    checker = tool("check-jsonschema")
    t = race(
        {
            "filelint 1": [sys.executable, "-m", "filelint", "check", str(one)],
            "filelint N": [sys.executable, "-m", "filelint", "check", str(root)],
            "cj 1": [checker, "--schemafile", str(schema), all_manifests[0]],
            "cj N": [checker, "--schemafile", str(schema), *all_manifests],
        },
        max(3, runs // 2),
        env,
    )
    mine = (t["filelint N"] - t["filelint 1"]) / (count - 1)
    theirs = (t["cj N"] - t["cj 1"]) / (count - 1)
    line("filelint per extra folder", f"{mine * 1000:.1f} ms")
    line("check-jsonschema per extra folder", f"{theirs * 1000:.1f} ms")
    judged(f"2. per extra folder at {count} folders: filelint / check-jsonschema", mine / theirs, 1.0)
    rss = [
        run([sys.executable, "-m", "filelint", "check", *paths], env)[1] for paths in ([str(one)], tenth, [str(root)])
    ]
    line(f"peak RSS at 1 / {len(tenth)} / {count} folders", " / ".join(f"{r:.0f}" for r in rss) + " MB")
    judged(
        f"2. peak RSS at {count} folders / at 1 folder",
        rss[-1] / rss[0],
        1.1,
        "flat: <= 1.1",
    )


def bare_pdfium(paths: list[Path]) -> None:
    import pypdfium2 as pdfium

    for path in paths:
        with contextlib.suppress(Exception):
            doc = pdfium.PdfDocument(path.read_bytes())
            for page in doc:
                page.get_textpage().get_text_range()
            doc.close()


def filelint_inline(paths: list[Path], backend: str) -> None:
    from filelint.pdf import read_documents

    read_documents(paths, timeout=math.inf, backend=backend)


def best(fn: Callable[[], object], runs: int) -> float:
    return min(bench_pdf.timed(fn) for _ in range(runs))


def extraction(tmp: Path, runs: int) -> None:
    from filelint.pdf.pdfium import extract_lines

    real = bench_pdf.REAL
    if real is not None and real.is_dir():
        paths, source = sorted(real.glob("*.pdf")), "real filings"
    else:
        paths, source = bench_pdf.motion_folder(tmp / "gen"), "generated papers"
    own = [p for p in paths if extract_lines(p.read_bytes()) is not None]
    print(f"3. cold PDF extraction in-process, {len(paths)} {source} (best of {runs}, interleaved)")
    fns: dict[str, Callable[[], object]] = {
        "bare pypdfium2": lambda: bare_pdfium(paths),
        "bare pypdfium2 (pdfium-read files)": lambda: bare_pdfium(own),
        "filelint pdfium": lambda: filelint_inline(paths, "pdfium"),
        "filelint pdfium (pdfium-read files)": lambda: filelint_inline(own, "pdfium"),
        "bare pdfminer": lambda: bench_pdf.bare(paths),
        "filelint pdfminer": lambda: filelint_inline(paths, "pdfminer"),
    }
    for fn in fns.values():  # imports and page cache
        fn()
    times: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(runs):
        for name, fn in fns.items():
            times[name].append(bench_pdf.timed(fn))
    t = {name: min(v) for name, v in times.items()}
    for name, secs in t.items():
        line(name, f"{secs:.3f} s")
    line(
        "filelint pdfium / bare pypdfium2, all files",
        f"{t['filelint pdfium'] / t['bare pypdfium2']:.2f}",
        f"({len(paths) - len(own)} file(s) PDFium cannot read go to pdfminer)",
    )
    judged(
        "3. filelint pdfium / bare pypdfium2, files PDFium reads",
        t["filelint pdfium (pdfium-read files)"] / t["bare pypdfium2 (pdfium-read files)"],
        1.5,
    )
    line("filelint pdfium / bare pdfminer", f"{t['filelint pdfium'] / t['bare pdfminer']:.3f}")
    line("filelint pdfminer / bare pdfminer", f"{t['filelint pdfminer'] / t['bare pdfminer']:.2f}")


def jobs(tmp: Path, runs: int, env: dict[str, str]) -> None:
    folder = tmp / "jobs"
    folder.mkdir()
    papers = bench_pdf.motion_folder(folder, 300)
    data = yaml.safe_load((EXAMPLE / "filelint.yaml").read_text("utf-8"))
    roles = ["notice", "memorandum", "declaration", "separate-statement", "exhibit"]
    data["papers"] = [
        {"role": role, "path": p.relative_to(folder).as_posix(), **({"exhibit": 1} if role == "exhibit" else {})}
        for role, p in zip(roles, papers, strict=True)
    ]
    for key in ("responses", "meet_and_confer"):
        for item in data.get(key) or []:
            item.pop("file", None)
    (folder / "filelint.yaml").write_text(yaml.safe_dump(data, sort_keys=False))
    print("4. --jobs 2 vs --jobs 1: cold check (--no-cache) of a folder with 300 pages in 5 papers (medians)")
    base = [sys.executable, "-m", "filelint", "check", str(folder), "--no-cache"]
    for backend in ("pdfium", "pdfminer"):
        n = max(3, runs // 2) if backend == "pdfium" else 2
        t = race(
            {"1": [*base, "-j", "1", "--pdf-backend", backend], "2": [*base, "-j", "2", "--pdf-backend", backend]},
            n,
            env,
        )
        line(f"{backend}: --jobs 1 / --jobs 2", f"{t['1']:.2f} / {t['2']:.2f} s")
        check("4", f"{backend}: --jobs 2 / --jobs 1", t["2"] / t["1"], 0.6, f"(load {os.getloadavg()[0]:.1f})")
        warm = race({"warm": [*base[:-1], "-j", "2", "--pdf-backend", backend]}, n, env)["warm"]
        line(f"{backend}: the rest of the run (warm cache, serial)", f"{warm:.2f} s")
        line(f"{backend}: reading alone, --jobs 2 / --jobs 1", f"{(t['2'] - warm) / (t['1'] - warm):.2f}")


def memory(tmp: Path) -> None:
    print("5. peak RSS of a fresh process extracting one PDF of 50 / 150 / 300 pages in-process")
    from filelint.pdf.pdfium import extract_lines

    sizes = (50, 150, 300)
    runs = {"generated pleading paper, pdfium": ([bench_pdf.make_pdf(tmp / f"mem{n}.pdf", n) for n in sizes], "auto")}
    real = bench_pdf.REAL
    if real is not None and real.is_dir():
        filings = sorted(real.glob("*.pdf"))
        own = [path for path in filings if extract_lines(path.read_bytes()) is not None]
        runs["real filings PDFium reads, pdfium"] = (
            [concatenate(own, n, tmp / f"own{n}.pdf") for n in sizes],
            "pdfium",
        )
        every = [concatenate(filings, n, tmp / f"real{n}.pdf") for n in sizes]
        runs["all real filings, pdfminer"] = (every, "pdfminer")
    for name, (paths, backend) in runs.items():
        rss = [bench_pdf.peak_rss_mb(path, backend) for path in paths]
        size = [path.stat().st_size / 1e6 for path in paths]
        line(f"{name}: MB at " + " / ".join(map(str, sizes)), " / ".join(f"{r:.0f}" for r in rss))
        first, second = ((rss[i + 1] - rss[i]) / (sizes[i + 1] - sizes[i]) for i in range(2))
        line(
            "  file MB per page; RSS MB per page 50-150 / 150-300",
            f"{(size[-1] - size[0]) / 250:.3f}; {first:.3f} / {second:.3f}",
        )
        check("5", f"{name}: RSS MB per extra page, 50-300", (rss[-1] - rss[0]) / (sizes[-1] - sizes[0]), PER_PAGE_MB)


def concatenate(filings: list[Path], pages: int, out: Path) -> Path:
    """One PDF of ``pages`` real pages: the filings' pages in turn, again from the first when they run out."""
    import pypdfium2 as pdfium

    sources = [pdfium.PdfDocument(path.read_bytes()) for path in filings]
    merged = pdfium.PdfDocument.new()
    while len(merged) < pages:
        for source in sources:
            take = min(len(source), pages - len(merged))
            if take > 0:
                merged.import_pages(source, list(range(take)))
    merged.save(out)
    for document in (merged, *sources):
        document.close()
    return out


def growth(tmp: Path, sizes: list[int], runs: int, env: dict[str, str]) -> None:
    print("6. growth: lint_folder CPU seconds at N requests and N communications (bench_scale.py, best of 3)")
    results = []
    for n in sizes:
        folder = tmp / f"scale{n}"
        folder.mkdir()
        (folder / "filelint.yaml").write_text(yaml.safe_dump(bench_scale.manifest(n), sort_keys=False))
        results.append((n, min(bench_scale.run_once(folder)[0] for _ in range(3))))
    print(f"  {'N':>7} {'CPU s':>8} {'ratio':>7} {'exponent':>9}")
    steps = []
    for i, (n, t) in enumerate(results):
        exp = math.log(t / results[i - 1][1]) / math.log(n / results[i - 1][0]) if i else None
        steps += [exp] if exp is not None else []
        print(f"  {n:>7} {t:8.3f} {t / results[0][1]:7.1f} {'' if exp is None else f'{exp:9.2f}':>9}")
    (n0, t0), (n1, t1) = results[0], results[-1]
    judged(f"6. growth exponent, N = {n0:,} to {n1:,}", math.log(t1 / t0) / math.log(n1 / n0), 1.2)
    judged("6. growth exponent, steepest step", max(steps), 1.2)
    versus = bench_scale.versus_check_jsonschema(tmp / f"scale{n1}", max(3, runs // 2), env)
    for name, secs in versus.items():
        line(f"fresh process at N = {n1:,}: {name}", f"{secs:.2f} s")
    judged(
        f"6. at N = {n1:,}: filelint --no-cache / check-jsonschema",
        versus["filelint --no-cache"] / versus["check-jsonschema"],
        1.0,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--folders", type=int, default=300)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--quick", action="store_true", help="3 runs, 60 folders, sizes 100 and 1000")
    parser.add_argument(
        "--only", type=int, nargs="+", choices=range(1, 7), metavar="SECTION", help="run only these sections"
    )
    args = parser.parse_args()
    if args.quick:
        args.runs, args.folders, args.sizes = 3, 60, [100, 1000]
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        env = {**ENV, "FILELINT_CACHE_DIR": str(tmp / "cache")}  # warm runs fill this, not the user's cache
        print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load {_load()}")
        sections: dict[int, Callable[[], None]] = {
            1: lambda: startup(tmp, args.runs, env),
            2: lambda: many_folders(tmp, args.folders, args.runs, env),
            3: lambda: extraction(tmp, max(3, args.runs // 2)),
            4: lambda: jobs(tmp, args.runs, env),
            5: lambda: memory(tmp),
            6: lambda: growth(tmp, args.sizes, args.runs, env),
        }
        if 1 not in (args.only or sections) and 2 in (args.only or sections):
            startup_schema(tmp, env)  # section 2 gives check-jsonschema the schema section 1 writes
        for number, section in sections.items():
            if args.only is None or number in args.only:
                section()
        print(f"load at the end: {_load()}")
        summary()
    return 0


def _load() -> str:
    return " / ".join(f"{x:.2f}" for x in os.getloadavg()) + " (1 / 5 / 15 min)"


if __name__ == "__main__":
    raise SystemExit(main())
