"""Cold start: how long a fresh `sanctrace` process takes, as a user sees it.

Run from the repository root:

    .venv/bin/python benchmarks/coldstart.py
    .venv/bin/python benchmarks/coldstart.py --append results.md   # also keep a dated copy

Times, each in a new process and as wall-clock time,
- `sanctrace --help` (best of 5; target < 0.5 s: lazy imports keep it quick),
- `sanctrace analyze <seed article> --format json` (best of 3; target < 4 s:
  loading the spaCy model and the knowledge files, then one article),
and prints a Markdown table.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "corpus" / "dev" / "seed-2024-02-20-limousine.txt"
SANCTRACE = Path(sys.executable).parent / "sanctrace"
#: A run this slow is a hang, not a measurement.
TIMEOUT_SECONDS = 120


def wall_seconds(command: list[str], rounds: int) -> list[float]:
    """Wall time of each of `rounds` runs; a failing or hanging run stops the benchmark."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        try:
            done = subprocess.run(
                command, capture_output=True, cwd=ROOT, check=False, timeout=TIMEOUT_SECONDS
            )
        except subprocess.TimeoutExpired:
            sys.exit(f"`{' '.join(command)}` did not finish within {TIMEOUT_SECONDS} s.")
        times.append(time.perf_counter() - start)
        if done.returncode != 0:
            sys.exit(
                f"`{' '.join(command)}` failed with status {done.returncode}: "
                f"{done.stderr.decode(errors='replace').strip()[-500:]}"
            )
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--append", type=Path, help="append the dated Markdown table to this file")
    args = parser.parse_args()
    if not SEED.is_file():
        sys.exit(f"{SEED} is missing; the shared corpus must sit at ../shared beside the repo.")
    cases = [
        ("`sanctrace --help`", [str(SANCTRACE), "--help"], 5, 0.5),
        (
            "`sanctrace analyze seed-2024-02-20-limousine.txt --format json`",
            [str(SANCTRACE), "analyze", str(SEED), "--format", "json"],
            3,
            4.0,
        ),
    ]
    rows = ["| command | best s | worst s | target | verdict |", "|---|---:|---:|---:|---|"]
    for label, command, rounds, target in cases:
        times = wall_seconds(command, rounds)
        verdict = "meets" if min(times) < target else "MISSES"
        rows.append(
            f"| {label} (best of {rounds}) | {min(times):.2f} | {max(times):.2f} "
            f"| < {target:g} s | {verdict} |"
        )
    table = "\n".join(rows)
    print(table)
    if args.append:
        with args.append.open("a", encoding="utf-8") as stream:
            stream.write(f"\n### {date.today().isoformat()}\n\n{table}\n")


if __name__ == "__main__":
    main()
