"""Growth benchmark: `lint_folder` CPU time on manifests of N requests and N communications.

    python benchmarks/bench_scale.py [--sizes 100 1000 3000] [--runs 3]

Each size is a realistic further-response motion: one RFP set of N requests answered in N/10 served
responses of ten requests each, N/2 letters from each side raising ranges.
Prints CPU seconds per size, the ratio to the smallest size, the growth exponent between
consecutive sizes (log t2/t1 / log n2/n1; 1.0 is linear) and the slowest rule at the largest size.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml


def manifest(n: int) -> dict:  # type: ignore[type-arg]
    base = dt.date(2025, 3, 3)
    count = max(1, n // 10)  # N/10 responses of 10 requests each: a response per set of ten
    responses = [
        {
            "device": "rfp",
            "set": 1,
            "kind": "hybrid",
            "requests": f"{i * 10 + 1}-{(i + 1) * 10}",
            "served": (base + dt.timedelta(days=i % 5)).isoformat(),
            "method": "electronic",
            "verified": True,
            "verification_served": (base + dt.timedelta(days=i % 5)).isoformat(),
            "verification_method": "electronic",
        }
        for i in range(count)
    ]
    comms = []
    for j in range(n):
        lo = (j * 7) % n + 1
        comms.append(
            {
                "id": f"m{j}",
                "date": (base + dt.timedelta(days=12 + j % 20)).isoformat(),
                "from": "moving" if j % 2 == 0 else "responding",
                "channel": "letter",
                "raises": f"{lo}-{min(n, lo + 5)}",
            }
        )
    at_issue = ", ".join(f"{i + 1}-{min(n, i + 500)}" for i in range(0, n, 500))  # ranges of 500 at most
    return {
        "filelint": 1,
        "court": {"system": "ca-superior", "county": "Los Angeles", "department": "52"},
        "case": {"number": "25STCV00001"},
        "motion": {
            "kind": "compel-further-rfp",
            "requests_at_issue": at_issue,
            "filed": "2025-04-10",
            "served": {"date": "2025-04-10", "method": "electronic"},
            "hearing": "2025-05-20",
        },
        "discovery": [{"device": "rfp", "set": 1, "served": "2025-01-10", "method": "electronic"}],
        "responses": responses,
        "meet_and_confer": comms,
    }


def run_once(folder: Path) -> tuple[float, dict[str, float]]:
    from filelint.plugins import load_plugins
    from filelint.runner import lint_folder
    from filelint.settings import Settings

    plugins = load_plugins(autoload=False)
    per_rule: dict[str, float] = {}
    for rule in plugins.rules.values():  # time each rule's check, to name the slowest
        check = rule.check
        if check is None:
            continue

        def timed(ctx, _check=check, _code=rule.code):  # type: ignore[no-untyped-def]
            t = time.process_time()
            out = list(_check(ctx))
            per_rule[_code] = per_rule.get(_code, 0.0) + time.process_time() - t
            return out

        object.__setattr__(rule, "check", timed)
    start = time.process_time()
    result = lint_folder(folder, plugins, Settings(today=dt.date(2025, 6, 1)), cwd=folder)
    spent = time.process_time() - start
    if result.incomplete:  # a benchmark of a run that stopped early measures nothing
        raise SystemExit(f"{folder.name}: the check did not complete: {[f.message for f in result.findings][:3]}")
    return spent, per_rule


def tool(name: str) -> str:
    """The path of a command installed beside this Python (or on PATH)."""
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} is not installed: pip install {name}")
    return found


def versus_check_jsonschema(folder: Path, runs: int, env: dict[str, str]) -> dict[str, float]:
    """Median wall seconds of fresh processes, interleaved, on the folder's manifest: `filelint check`
    with nothing cached (``--no-cache``: it validates the manifest), `filelint check` warm (the
    schema verdict cached), and check-jsonschema given filelint's schema."""
    schema = folder.parent / "schema.json"
    if not schema.exists():
        out = subprocess.run(
            [sys.executable, "-m", "filelint", "schema"], capture_output=True, text=True, env=env, check=True
        )
        schema.write_text(out.stdout)
    base = [sys.executable, "-m", "filelint", "check", str(folder), "--today", "2025-06-01"]
    commands = {
        "filelint --no-cache": [*base, "--no-cache"],
        "filelint warm": base,
        "check-jsonschema": [tool("check-jsonschema"), "--schemafile", str(schema), str(folder / "filelint.yaml")],
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    for round_ in range(runs + 1):  # the first round warms the caches and is not counted
        for name, cmd in commands.items():
            start = time.perf_counter()
            subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
            if round_:
                times[name].append(time.perf_counter() - start)
    return {name: statistics.median(t) for name, t in times.items()}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 3000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    results: list[tuple[int, float, dict[str, float]]] = []
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["FILELINT_CACHE_DIR"] = str(Path(tmp) / "cache")  # not the user's cache
        for n in args.sizes:
            folder = Path(tmp) / f"n{n}"
            folder.mkdir()
            (folder / "filelint.yaml").write_text(yaml.safe_dump(manifest(n), sort_keys=False))
            best = min((run_once(folder) for _ in range(args.runs)), key=lambda r: r[0])
            results.append((n, *best))
        largest = Path(tmp) / f"n{args.sizes[-1]}"
        versus = versus_check_jsonschema(largest, args.runs, dict(os.environ))
    print(f"{'N':>7} {'CPU s':>8} {'ratio':>7} {'exponent':>9}")
    for i, (n, t, _) in enumerate(results):
        exp = "" if i == 0 else f"{math.log(t / results[i - 1][1]) / math.log(n / results[i - 1][0]):9.2f}"
        print(f"{n:>7} {t:8.3f} {t / results[0][1]:7.1f} {exp:>9}")
    slowest = sorted(results[-1][2].items(), key=lambda kv: -kv[1])[:5]
    print("slowest rules at N =", results[-1][0], ", ".join(f"{c} {s:.2f}s" for c, s in slowest))
    print(f"fresh processes at N = {args.sizes[-1]} (medians, wall):")
    for name, secs in versus.items():
        print(f"  {name:<22} {secs:7.3f} s")
    print(f"  filelint --no-cache / check-jsonschema {versus['filelint --no-cache'] / versus['check-jsonschema']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
