"""Cold start: how long a fresh `sanctrace` process takes, as a user sees it.

Run from the repository root:

    .venv/bin/python benchmarks/coldstart.py
    .venv/bin/python benchmarks/coldstart.py --append results.md   # also keep a dated copy

Times, each in a new process and as wall-clock time, `--rounds` times each
(5 by default; the table gives the best, the median and the worst, as other
jobs on a shared machine slow single runs),
- `sanctrace --help` (target < 0.5 s: lazy imports keep it quick),
- importing spaCy and loading its model alone, as `analyze` does (no target:
  the share of `analyze` that is spaCy's),
- `sanctrace analyze <seed article> --format json` (target < 4 s: loading
  the spaCy model and the knowledge files, then one article),
- with the UN and 2024 OFAC lists imported into a fresh store (timed once):
  `sanctrace screen "Kim Jong Un"` (target < 3 s), `sanctrace screen KOMID
  --kind organization` and the same `analyze`, which then screens every
  party (target < 4 s),
and prints a Markdown table.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from sanctrace.nlp.model import DEFAULT_MODEL

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "corpus" / "dev" / "seed-2024-02-20-limousine.txt"
SANCTRACE = Path(sys.executable).parent / "sanctrace"
LISTS = ROOT.parent / "shared" / "data" / "lists"
LIST_FILES = (LISTS / "un-consolidated-2026-02-27.xml", LISTS / "ofac-sdn-2024-05-03" / "sdn.csv")
#: A run this slow is a hang, not a measurement.
TIMEOUT_SECONDS = 300


def wall_seconds(command: list[str], rounds: int, store: str | None = None) -> list[float]:
    """Wall time of each of `rounds` runs; a failing or hanging run stops the benchmark.

    `store` is the store URL the command sees (none: an empty store, so no lists).
    """
    env = dict(os.environ)
    env.pop("SANCTRACE_STORE", None)
    if store is not None:
        env["SANCTRACE_STORE"] = store
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        try:
            done = subprocess.run(
                command,
                capture_output=True,
                cwd=ROOT,
                check=False,
                timeout=TIMEOUT_SECONDS,
                env=env,
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
    parser.add_argument("--rounds", type=int, default=5, help="runs of each command (default 5)")
    args = parser.parse_args()
    if not SEED.is_file():
        sys.exit(f"{SEED} is missing; the shared corpus must sit at ../shared beside the repo.")
    folder = tempfile.TemporaryDirectory()
    empty = f"sqlite:///{folder.name}/empty.sqlite"
    loaded = f"sqlite:///{folder.name}/lists.sqlite"
    imported = wall_seconds([str(SANCTRACE), "lists", "import", *map(str, LIST_FILES)], 1, loaded)
    analyze = [str(SANCTRACE), "analyze", str(SEED), "--format", "json"]
    spacy_load = [sys.executable, "-c", f"import spacy; spacy.load({DEFAULT_MODEL!r})"]
    cases: list[tuple[str, list[str], float | None, str]] = [
        ("`sanctrace --help`", [str(SANCTRACE), "--help"], 0.5, empty),
        ("import spaCy and load its model (part of `analyze`)", spacy_load, None, empty),
        ("`sanctrace analyze seed-2024-02-20-limousine.txt --format json`", analyze, 4.0, empty),
        (
            '`sanctrace screen "Kim Jong Un"`, both lists loaded',
            [str(SANCTRACE), "screen", "Kim Jong Un"],
            3.0,
            loaded,
        ),
        (
            '`sanctrace screen "KOMID" --kind organization`, both lists loaded',
            [str(SANCTRACE), "screen", "KOMID", "--kind", "organization"],
            3.0,
            loaded,
        ),
        ("the same `analyze`, both lists loaded", analyze, 4.0, loaded),
    ]
    rows = [
        f"| command ({args.rounds} runs) | best s | median s | worst s | target | verdict |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for label, command, target, store in cases:
        times = wall_seconds(command, args.rounds, store)
        verdict = "" if target is None else ("meets" if min(times) < target else "MISSES")
        rows.append(
            f"| {label} | {min(times):.2f} | {statistics.median(times):.2f} | {max(times):.2f} "
            f"| {'' if target is None else f'< {target:g} s'} | {verdict} |"
        )
    rows.append(f"| `sanctrace lists import` of both lists (once) | {imported[0]:.1f} | | | | |")
    folder.cleanup()
    table = "\n".join(rows)
    print(table)
    if args.append:
        with args.append.open("a", encoding="utf-8") as stream:
            stream.write(f"\n### {date.today().isoformat()}\n\n{table}\n")


if __name__ == "__main__":
    main()
