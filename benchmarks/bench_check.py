"""Start-up benchmark: `filelint check` on the example vs `check-jsonschema` on the same manifest.

Both run as fresh processes (as a pre-commit hook does), interleaved, in one run; the figure that
matters is the ratio of medians, not the seconds (they depend on the machine).

    python benchmarks/bench_check.py [--runs 15]

filelint validates the same manifest against the same schema AND runs every rule, so a ratio
<= 1.0 means linting costs nothing over validation alone.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "palominos-cervantes-v-gm"


#: As a user's Python runs: bytecode caches written and used. Some CI images set
#: PYTHONDONTWRITEBYTECODE, which makes every run recompile filelint's source (about 50 ms here)
#: while check-jsonschema's site-packages were compiled at install: not a like-for-like race.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _time(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=ENV)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    checker = shutil.which("check-jsonschema")
    if checker is None:
        print("check-jsonschema is not installed: pip install check-jsonschema", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        schema = Path(tmp) / "manifest.json"
        out = subprocess.run(
            [sys.executable, "-m", "filelint", "schema"], capture_output=True, text=True, check=True
        ).stdout
        schema.write_text(json.dumps(json.loads(out)))
        commands = {
            "filelint check": [sys.executable, "-m", "filelint", "check", str(EXAMPLE)],
            "check-jsonschema": [checker, "--schemafile", str(schema), str(EXAMPLE / "filelint.yaml")],
            "python -c pass": [sys.executable, "-c", "pass"],
        }
        times: dict[str, list[float]] = {name: [] for name in commands}
        for cmd in commands.values():  # warm-up: page cache and bytecode caches
            _time(cmd)
        for _ in range(args.runs):
            for name, cmd in commands.items():
                times[name].append(_time(cmd))
    medians = {name: statistics.median(t) for name, t in times.items()}
    for name, median in medians.items():
        print(f"{name:<20} median {median * 1000:7.1f} ms over {args.runs} runs")
    ratio = medians["filelint check"] / medians["check-jsonschema"]
    print(f"ratio filelint check / check-jsonschema = {ratio:.2f} (target <= 1.00)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
