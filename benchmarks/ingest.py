"""Ingest throughput against `analyze` on the same documents, and `findings` on 10,000 findings.

Run from the repository root:

    .venv/bin/python benchmarks/ingest.py                  # 2,000 documents, 2 rounds, SQLite
    .venv/bin/python benchmarks/ingest.py --documents 500 --repeat 1  # quicker

It builds short news-like articles with the generator of benchmarks/corpus.py
(80-200 words each, fixed seed), loads the analyser once, and times, after a
warm-up on 20 other articles:

(a) `analyze`: `Analyzer().analyze(documents)` and the contract JSON of the
    result (what `sanctrace analyze --format json` does), and
(b) `ingest`: the same documents into an empty store, one transaction per
    document, with the events rebuilt at the end.

Rounds alternate which goes first (a shared machine's noise then slows both
alike), each ingest into a new SQLite store; the best round of each counts.
(b)/(a) in documents per second is the ratio the project targets (>= 0.8:
storing costs little). Then the store is filled to at least 10,000 findings
(stored copies of the analysed documents, with a marker in the text so each
is a new document) and `sanctrace findings --format json` is timed in a
fresh process, end to end, and as the query alone.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus
from sanctrace.export.contract import dumps_contract
from sanctrace.model import Document
from sanctrace.pipeline import Analyzer
from sanctrace.store.ingest import ingest, versions_of
from sanctrace.store.queries import Filters, findings
from sanctrace.store.summary import counts
from sanctrace.store.workspace import Workspace

FINDINGS_TARGET = 10_000
SANCTRACE = Path(__file__).resolve().parents[1] / ".venv" / "bin" / "sanctrace"


def documents(count: int, seed: int) -> list[Document]:
    rng = random.Random(seed)
    # corpus.py's article builder, with short articles: the benchmark is about
    # per-document costs (a transaction each), which short texts make visible.
    articles = [corpus._article(rng, n, rng.randint(80, 200)) for n in range(count)]
    return [
        Document(a.text, f"bench:{a.id}", a.id, a.published, a.title, f"Outlet {n % 9}")
        for n, a in enumerate(articles)
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=2, help="alternating rounds")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="sanctrace-bench-"))

    analyzer = Analyzer()
    docs = documents(args.documents, corpus.SEED)
    warm = documents(20, corpus.SEED + 1)
    dumps_contract(analyzer.analyze(warm))

    def run_analyze() -> float:
        start = time.perf_counter()
        dumps_contract(analyzer.analyze(docs))
        return time.perf_counter() - start

    def run_ingest(number: int) -> float:
        with Workspace(f"sqlite:///{folder}/round-{number}.sqlite") as workspace:
            ingest(workspace, analyzer, warm)
            start = time.perf_counter()
            summary = ingest(workspace, analyzer, docs)
            seconds = time.perf_counter() - start
        assert summary.new == len(docs), summary
        return seconds

    analyze_times, ingest_times = [], []
    for number in range(args.repeat):
        if number % 2 == 0:
            analyze_times.append(run_analyze())
            ingest_times.append(run_ingest(number))
        else:
            ingest_times.append(run_ingest(number))
            analyze_times.append(run_analyze())
    analyze_s, ingest_s = min(analyze_times), min(ingest_times)

    url = f"sqlite:///{folder}/round-0.sqlite"
    analysis = analyzer.analyze(docs)
    with Workspace(url) as workspace:
        analyser, knowledge = versions_of(analyzer)
        copy = 0
        while counts(workspace)["findings"] < FINDINGS_TARGET:
            copy += 1
            for analysed in analysis.documents:
                if analysed.transfers:
                    text = f"{analysed.document.text}\n[copy {copy}]"
                    workspace.add_document(
                        replace(analysed, document=replace(analysed.document, text=text)),
                        analyser,
                        knowledge,
                    )
        stored = counts(workspace)
        start = time.perf_counter()
        rows = findings(workspace, Filters())
        query_s = time.perf_counter() - start
        filtered_start = time.perf_counter()
        some = findings(workspace, Filters(tag="coal", date_from="2019", text="coal"))
        filtered_s = time.perf_counter() - filtered_start

    env = {**os.environ, "SANCTRACE_STORE": url}
    cli_times = []
    for _ in range(3):  # best of three: the process is short, the machine's noise is not
        start = time.perf_counter()
        listed = subprocess.run(
            [str(SANCTRACE), "findings", "--format", "json"],
            env=env,
            capture_output=True,
            check=True,
        )
        cli_times.append(time.perf_counter() - start)
    cli_s = min(cli_times)

    n = len(docs)
    transfers = sum(len(d.transfers) for d in analysis.documents)
    print(
        f"documents: {n}, words: {sum(len(d.text.split()) for d in docs):,}, transfers: {transfers}"
    )
    print()
    print("| run | seconds | documents/s |")
    print("|---|---:|---:|")
    print(f"| (a) analyze + contract JSON | {analyze_s:.1f} | {n / analyze_s:.1f} |")
    print(f"| (b) ingest into SQLite | {ingest_s:.1f} | {n / ingest_s:.1f} |")
    print()
    print(f"rounds (a): {', '.join(f'{t:.1f}' for t in analyze_times)} s")
    print(f"rounds (b): {', '.join(f'{t:.1f}' for t in ingest_times)} s")
    print()
    print(f"Ratio (b)/(a): **{analyze_s / ingest_s:.2f}** (target >= 0.8)")
    print()
    print(
        f"findings over {stored['findings']:,} findings ({stored['documents']:,} documents): "
        f"query {query_s:.2f} s ({len(rows):,} rows), filtered query {filtered_s:.3f} s "
        f"({len(some):,} rows), `sanctrace findings --format json` process "
        f"{cli_s:.2f} s, best of 3 ({len(listed.stdout) / 1e6:.1f} MB)"
    )


if __name__ == "__main__":
    main()
