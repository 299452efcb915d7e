"""How analysis time and memory grow with document size and with document count.

Run from the repository root:

    .venv/bin/python benchmarks/scaling.py                  # 1, 4, 16 MB; 1,000 and 10,000 docs
    .venv/bin/python benchmarks/scaling.py --sizes 1 4 --counts 1000 --budget 120

Each measurement runs in a child process of its own, so its peak resident
set size (ru_maxrss) is that run's alone; the time is `Analyzer.analyze` on
documents already in memory, the model load excluded (it is reported
apart), both as wall time and as the CPU time of the process (user and
system), which other jobs on a shared machine disturb far less. The texts
come from benchmarks/corpus.py: one document of N MB is its articles joined
until N MB of UTF-8; the count runs use its paragraphs (one to four
sentences each) as separate documents. A run over --budget
seconds is stopped and recorded as such, so the benchmark always ends.
Linear growth shows as a constant MB/s (of CPU time) across sizes and a
constant documents/s across counts. Results are printed as a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import subprocess
import sys
import time
from datetime import date

from corpus import generate
from sanctrace.model import Document

MB = 1024 * 1024


def big_document(megabytes: int) -> Document:
    """One document of about `megabytes` MB of news-like text, cut at a paragraph."""
    wanted = megabytes * MB
    parts: list[str] = []
    size = 0
    # About 6.2 bytes per word in the corpus; ask for a little more than needed.
    for article in generate(words=wanted // 5):
        parts.append(article.text)
        size += len(article.text.encode("utf-8"))
        if size >= wanted:
            break
    text = "\n".join(parts)
    cut = text.rfind("\n\n", 0, wanted)
    return Document(text=text[:cut], input=f"{megabytes}MB", id=f"big-{megabytes}")


def many_documents(count: int) -> list[Document]:
    """`count` short documents: the corpus's paragraphs, each a document."""
    paragraphs: list[str] = []
    words = count * 80
    while len(paragraphs) < count:
        paragraphs = [
            paragraph.strip()
            for article in generate(words=words)
            for paragraph in article.text.split("\n\n")
            if paragraph.strip()
        ]
        words *= 2
    return [
        Document(text=text, input=f"p{n}", id=f"p{n}", published="2024-02-20")
        for n, text in enumerate(paragraphs[:count])
    ]


def measure(kind: str, amount: int) -> dict[str, float]:
    """In this process: build the input, load the model, time one analysis."""
    from sanctrace.pipeline import Analyzer

    documents = [big_document(amount)] if kind == "size" else many_documents(amount)
    start = time.perf_counter()
    analyzer = Analyzer(screener=None)
    loaded, loaded_cpu = time.perf_counter(), time.process_time()
    analysis = analyzer.analyze(documents)
    done, done_cpu = time.perf_counter(), time.process_time()
    return {
        "load_s": loaded - start,
        "seconds": done - loaded,
        "cpu_seconds": done_cpu - loaded_cpu,
        "bytes": sum(len(d.text.encode("utf-8")) for d in documents),
        "documents": len(analysis.documents),
        "transfers": sum(len(d.transfers) for d in analysis.documents),
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def run_child(kind: str, amount: int, budget: float) -> dict[str, float] | None:
    """`measure` in a fresh child process; None when it passes `budget` seconds."""
    command = [sys.executable, __file__, "--child", kind, str(amount)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=budget, check=True)
    except subprocess.TimeoutExpired:
        return None
    return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1, 4, 16], help="MB")
    parser.add_argument("--counts", type=int, nargs="*", default=[1000, 10000])
    parser.add_argument("--budget", type=float, default=300.0, help="seconds per run")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.child[0], int(args.child[1]))))
        return
    print(f"{date.today()}, Python {platform.python_version()}, {platform.machine()}")
    print()
    print(
        "| input | bytes | wall (s) | CPU (s) | MB/s (CPU) | docs/s (CPU) "
        "| transfers | peak RSS (MB) |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    runs = [("size", size) for size in args.sizes] + [("count", n) for n in args.counts]
    for kind, amount in runs:
        label = f"1 document of {amount} MB" if kind == "size" else f"{amount:,} documents"
        result = run_child(kind, amount, args.budget)
        if result is None:
            print(f"| {label} | | > {args.budget:.0f} (stopped) | | | | | |", flush=True)
            continue
        cpu = result["cpu_seconds"]
        print(
            f"| {label} | {result['bytes']:,.0f} | {result['seconds']:.1f} | {cpu:.1f} "
            f"| {result['bytes'] / MB / cpu:.3f} | {result['documents'] / cpu:.1f} "
            f"| {result['transfers']:,.0f} | {result['peak_rss_mb']:,.0f} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
