"""PDF reading benchmarks: ratios measured in one run (not timed tests).

    python benchmarks/bench_pdf.py [--quick]

1. cold extraction through filelint (``read_documents``, no cache) against bare pdfminer
   ``extract_text`` on the same files, with one job (target overhead <= 5%) and two jobs
   (target <= 0.6 of the bare time);
2. a warm run (every file a cache hit) on a generated 300-page motion folder against its cold
   run (target <= 5%);
3. peak memory (max RSS of a fresh process extracting in-process) at 50, 150 and 300 pages
   (target: flat).

Uses the real filings in $FILELINT_CORPUS/real-pdfs/ when that is set, else generated papers.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_CORPUS = os.environ.get("FILELINT_CORPUS")
REAL = Path(_CORPUS) / "real-pdfs" if _CORPUS else None
ROW = "{:<46} {:>10} {:>10} {:>8}  {}"


def timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def bare(paths: list[Path]) -> None:
    from pdfminer.high_level import extract_text

    for path in paths:
        with contextlib.suppress(Exception):  # pitfall fixtures raise; their cost still counts
            extract_text(str(path))


def filelint_read(paths: list[Path], jobs: int, cache: Path | None = None) -> None:
    from filelint.pdf import read_documents

    read_documents(paths, jobs=jobs, cache_dir=cache)


def body_lines(n: int) -> list[str]:
    return [
        f"{i}. Plaintiff asks for further responses to Request No. {i % 40 + 1}; the "
        "responses were evasive and incomplete."
        for i in range(n)
    ]


def make_pdf(path: Path, pages: int, pleading: bool = True) -> Path:
    from filelint.testing.pdfwrite import write_pdf

    write_pdf(path, [body_lines(26) for _ in range(pages)], pleading_paper=pleading, title=path.stem.upper())
    return path


def motion_folder(root: Path, total: int = 300) -> list[Path]:
    """notice 5 + memorandum 15 + declaration 20 + separate statement 60 + exhibits = total."""
    sizes = {"notice.pdf": 5, "memorandum.pdf": 15, "declaration.pdf": 20, "separate-statement.pdf": 60}
    sizes["exhibits/ex1-responses.pdf"] = total - sum(sizes.values())
    out = []
    for name, pages in sizes.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        out.append(make_pdf(root / name, pages, pleading=not name.startswith("exhibits")))
    return out


#: The child's own peak: VmHWM where /proc has it (ru_maxrss keeps the RSS of the parent that forked
#: the child, which hides anything smaller than the benchmark process itself).
_PEAK = (
    "def peak():\n"
    "    import resource\n"
    "    try:\n"
    "        with open('/proc/self/status') as status:\n"
    "            return next(int(l.split()[1]) for l in status if l.startswith('VmHWM:')) / 1024\n"
    "    except (OSError, StopIteration):\n"
    "        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024\n"
)


def peak_rss_mb(path: Path, backend: str = "auto") -> float:
    """Peak RSS of a fresh process that extracts ``path`` in-process (no worker, no cache)."""
    code = _PEAK + (
        "import math, sys; from pathlib import Path\n"
        "from filelint.pdf import read_documents\n"
        "d = read_documents([Path(sys.argv[1])], timeout=math.inf, backend=sys.argv[2])\n"
        "print(peak(), len(next(iter(d.values())).pages))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(path), backend], check=True, capture_output=True, text=True
    ).stdout.split()
    return float(out[0])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller generated inputs")
    parser.add_argument("--json", action="store_true", help="also print the figures as JSON")
    args = parser.parse_args(argv)
    figures: dict[str, float] = {}
    print(ROW.format("measure", "filelint s", "bare s", "ratio", "target"))
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        real = sorted(REAL.glob("*.pdf")) if REAL and REAL.is_dir() else []
        files = real or [make_pdf(tmpdir / f"gen{i}.pdf", 20) for i in range(6)]
        label = f"{len(files)} {'real' if real else 'generated'} PDFs"
        t_bare = timed(lambda: bare(files))
        for jobs, target in ((1, "<= 1.05"), (2, "<= 0.60")):
            t = timed(lambda j=jobs: filelint_read(files, j))  # type: ignore[misc]
            figures[f"cold_jobs{jobs}_ratio"] = t / t_bare
            print(ROW.format(f"cold, {label}, --jobs {jobs}", f"{t:.2f}", f"{t_bare:.2f}", f"{t / t_bare:.3f}", target))
        pages = 100 if args.quick else 300
        folder = motion_folder(tmpdir / "motion", pages)
        cache = tmpdir / "cache"
        t_cold = timed(lambda: filelint_read(folder, 1, cache))
        t_warm = timed(lambda: filelint_read(folder, 1, cache))
        figures["warm_over_cold"] = t_warm / t_cold
        print(
            ROW.format(
                f"warm vs cold, {pages}-page motion folder",
                f"{t_warm:.3f}",
                f"{t_cold:.2f}",
                f"{t_warm / t_cold:.4f}",
                "<= 0.05 (cold in bare col.)",
            )
        )
        sizes = (50, 100, 150) if args.quick else (50, 150, 300)
        rss = []
        for n in sizes:
            rss.append(peak_rss_mb(make_pdf(tmpdir / f"mem{n}.pdf", n)))
            figures[f"peak_rss_mb_{n}"] = rss[-1]
        print(
            ROW.format(
                f"peak RSS MB at {'/'.join(map(str, sizes))} pages",
                "/".join(f"{r:.0f}" for r in rss),
                "",
                f"{rss[-1] / rss[0]:.2f}",
                "flat (ratio ~1)",
            )
        )
    if args.json:
        print(json.dumps(figures, indent=2))
    return 0 if all(math.isfinite(v) for v in figures.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
