"""Analyser throughput against plain spaCy on the same texts, in one run.

Run from the repository root:

    .venv/bin/python benchmarks/throughput.py                    # 200,000 words, 3 rounds
    .venv/bin/python benchmarks/throughput.py --words 50000 --repeat 5
    .venv/bin/python benchmarks/throughput.py --profile          # also where (b)'s time goes

It times, over the articles of benchmarks/corpus.py,
(a) `list(nlp.pipe(texts))` with the very Language object the analyser uses
    (`Analyzer().nlp`, from `sanctrace.nlp.model.load_model`), over whole
    documents, and
(b) `Analyzer().analyze(documents)`, the full analysis without screening.
Rounds alternate which goes first, so a noisy shared machine slows both
alike; the best round of each gives words per second, and (b)/(a) is the
ratio the project targets (>= 1.0: the analyser is no slower than parsing
the text once). Peak memory comes from one extra tracemalloc pass of each
(allocations traced by Python, numpy arrays included) and the process's
maximum resident set size. Results are printed as a Markdown table;
--append adds them, dated, to a file.
"""

from __future__ import annotations

import argparse
import cProfile
import platform
import pstats
import resource
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import spacy

from corpus import generate, word_count
from sanctrace.model import Document
from sanctrace.nlp.model import model_name
from sanctrace.pipeline import Analyzer
from sanctrace.transfers.components import COMPONENTS

MIB = 1024 * 1024


@dataclass(slots=True)
class Measure:
    label: str
    seconds: list[float]
    peak_bytes: int | None = None


def timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def traced_peak(work: Callable[[], object]) -> int:
    tracemalloc.start()
    try:
        work()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=200_000, help="corpus size (default 200000)")
    parser.add_argument("--repeat", type=int, default=3, help="timed rounds of each (default 3)")
    parser.add_argument("--batch-size", type=int, default=64, help="nlp.pipe batch size for (a)")
    parser.add_argument("--no-memory", action="store_true", help="skip the tracemalloc passes")
    parser.add_argument("--profile", action="store_true", help="cProfile (b) and print the top")
    parser.add_argument("--append", type=Path, help="append the dated Markdown table to this file")
    args = parser.parse_args()

    articles = generate(args.words)
    texts = [article.text for article in articles]
    documents = [
        Document(text=a.text, input=f"corpus:{n}", id=a.id, published=a.published, title=a.title)
        for n, a in enumerate(articles, 1)
    ]
    words = sum(word_count(text) for text in texts)

    analyzer = Analyzer()
    nlp = analyzer.nlp  # the Language `load_model` gave the analyser: same pipes, same state

    def plain() -> object:
        # The model's own pipes only: sanctrace's components are part of (b).
        with nlp.select_pipes(disable=list(COMPONENTS)):
            return list(nlp.pipe(texts, batch_size=args.batch_size))

    def analysed() -> object:
        return analyzer.analyze(documents)

    # Warm up both paths (lazy tables, first-call allocations) outside the timings.
    list(nlp.pipe(texts[:3]))
    warm = analyzer.analyze(documents[:3])
    del warm

    spacy_run = Measure(f"(a) spaCy `nlp.pipe`, batch {args.batch_size}", [])
    analyzer_run = Measure("(b) `Analyzer().analyze`", [])
    for round_number in range(args.repeat):
        pair = [(spacy_run, plain), (analyzer_run, analysed)]
        for measure, work in pair if round_number % 2 == 0 else reversed(pair):
            measure.seconds.append(timed(work))
            print(
                f"round {round_number + 1}: {measure.label} {measure.seconds[-1]:.1f} s",
                file=sys.stderr,
            )

    result = analyzer.analyze(documents)
    transfers = sum(len(document.transfers) for document in result.documents)
    findings = sum(len(t.findings) for d in result.documents for t in d.transfers)
    if not args.no_memory:
        spacy_run.peak_bytes = traced_peak(plain)
        analyzer_run.peak_bytes = traced_peak(analysed)

    table = report(words, len(texts), transfers, findings, [spacy_run, analyzer_run], args.repeat)
    print(table)
    if args.append:
        with args.append.open("a", encoding="utf-8") as stream:
            stream.write(f"\n### {date.today().isoformat()}\n\n{table}\n")
    if args.profile:
        profile(analysed)


def report(
    words: int,
    articles: int,
    transfers: int,
    findings: int,
    measures: list[Measure],
    repeat: int,
) -> str:
    rows = [
        "| run | best s | words/s (best) | words/s (median) | peak traced MiB |",
        "|---|---:|---:|---:|---:|",
    ]
    best = {}
    for measure in measures:
        fastest = min(measure.seconds)
        best[measure.label] = words / fastest
        median = words / statistics.median(measure.seconds)
        peak = "n/a" if measure.peak_bytes is None else f"{measure.peak_bytes / MIB:,.0f}"
        rows.append(
            f"| {measure.label} | {fastest:.1f} | {words / fastest:,.0f} | {median:,.0f} | {peak} |"
        )
    plain, analysed = (best[m.label] for m in measures)
    max_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    verdict = "meets" if analysed / plain >= 1.0 else "BELOW"
    return "\n".join(
        [
            f"Corpus: {articles} articles, {words:,} words (benchmarks/corpus.py, seeded); "
            f"model {model_name()} (spaCy {spacy.__version__}); Python "
            f"{platform.python_version()}; best of {repeat} alternating rounds.",
            "",
            *rows,
            "",
            f"Ratio (b)/(a): **{analysed / plain:.2f}** ({verdict} the target >= 1.0). "
            f"The analyser found {transfers:,} transfers and {findings:,} findings. "
            f"Process max RSS: {max_rss:,.0f} MiB.",
        ]
    )


def profile(work: Callable[[], object]) -> None:
    profiler = cProfile.Profile()
    profiler.runcall(work)
    stats = pstats.Stats(profiler, stream=sys.stdout)
    print("\nWhere (b)'s time goes (cProfile, top 25 by own time):")
    stats.sort_stats("tottime").print_stats(25)
    print("Top 25 by cumulative time:")
    stats.sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    main()
