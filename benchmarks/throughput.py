"""Analyser throughput against plain spaCy on the same texts, in one run.

Run from the repository root:

    .venv/bin/python benchmarks/throughput.py                    # 200,000 words, 3 rounds
    .venv/bin/python benchmarks/throughput.py --words 50000 --repeat 5
    .venv/bin/python benchmarks/throughput.py --profile          # also where (b)'s time goes
    .venv/bin/python benchmarks/throughput.py --corpus news.jsonl  # an outside corpus
    .venv/bin/python benchmarks/throughput.py --words 1000000 --firehose 0.04 --plain-words 200000
    .venv/bin/python benchmarks/throughput.py --workers 2          # also batch, 1 vs 2 workers
    .venv/bin/python benchmarks/throughput.py --words 300000 --workers-only --repeat 5

It times, over the articles of benchmarks/corpus.py,
(a) `list(nlp.pipe(texts))` with the very Language object the analyser uses
    (`Analyzer().nlp`, from `sanctrace.nlp.model.load_model`), over whole
    documents, and
(b) `Analyzer().analyze(documents)`, the full analysis without screening.
Rounds alternate which goes first, so a noisy shared machine slows both
alike; the best round of each gives words per second, and (b)/(a) is the
ratio the project targets. --corpus reads documents from a .jsonl file
instead (benchmarks/news_corpus.py makes one from RAMS and WikiEvents);
--firehose makes the generated corpus a feed in which only that share of
articles concern transfers. --plain-words times (a) on the first documents
up to that many words only (its words/s is uniform over a generated corpus),
to keep a 1,000,000-word run short. --workers N also runs `sanctrace batch`'s
engine on the same documents with 1 and with N worker processes and reports
words/s, the speed-up and the largest worker's peak resident memory, in
each of --repeat rounds (alternating which goes first), with the best and
median speed-up; --workers-only times that alone. Peak
memory of (a) and (b) comes from one extra tracemalloc pass of each
(allocations traced by Python, numpy arrays included) and the process's
maximum resident set size. Results are printed as a Markdown table;
--append adds them, dated, to a file.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import platform
import pstats
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import spacy

from corpus import generate, word_count
from sanctrace.documents import load_inputs
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
    parser.add_argument("--corpus", type=Path, help="documents from this .jsonl file instead")
    parser.add_argument("--firehose", type=float, help="share of generated articles on transfers")
    parser.add_argument("--plain-words", type=int, help="time (a) on about this many words only")
    parser.add_argument("--workers", type=int, help="also time batch with 1 and N workers")
    parser.add_argument(
        "--workers-only", action="store_true", help="time only batch, --repeat rounds of 1 and N"
    )
    args = parser.parse_args()

    if args.corpus:
        documents = [d for d in load_inputs([str(args.corpus)]) if isinstance(d, Document)]
        source = f"{args.corpus.name}"
    else:
        articles = generate(args.words, firehose=args.firehose)
        documents = [
            Document(
                text=a.text, input=f"corpus:{n}", id=a.id, published=a.published, title=a.title
            )
            for n, a in enumerate(articles, 1)
        ]
        kind = f", firehose {args.firehose:.0%} of articles on transfers" if args.firehose else ""
        source = f"benchmarks/corpus.py, seeded{kind}"
    texts = [document.text for document in documents]
    words = sum(word_count(text) for text in texts)
    if args.workers_only:
        print(compare_workers(documents, words, args.workers or 2, args.repeat))
        return
    plain_texts = texts
    if args.plain_words:
        plain_texts = list(_prefix(texts, args.plain_words))
    plain_words = sum(word_count(text) for text in plain_texts)

    analyzer = Analyzer()
    nlp = analyzer.nlp  # the Language `load_model` gave the analyser: same pipes, same state

    def plain() -> object:
        # The model's own pipes only: sanctrace's components are part of (b).
        with nlp.select_pipes(disable=list(COMPONENTS)):
            return list(nlp.pipe(plain_texts, batch_size=args.batch_size))

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

    concerned = sum(1 for document in result.documents if document.transfers)
    table = report(
        (plain_words, words),
        len(texts),
        (transfers, findings, concerned),
        [spacy_run, analyzer_run],
        args.repeat,
        source,
    )
    if args.workers:
        table += "\n\n" + compare_workers(documents, words, args.workers, args.repeat)
    print(table)
    if args.append:
        with args.append.open("a", encoding="utf-8") as stream:
            stream.write(f"\n### {date.today().isoformat()}\n\n{table}\n")
    if args.profile:
        profile(analysed)


def report(
    words: tuple[int, int],
    articles: int,
    found: tuple[int, int, int],
    measures: list[Measure],
    repeat: int,
    source: str,
) -> str:
    rows = [
        "| run | words | best s | words/s (best) | words/s (median) | peak traced MiB |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    best = {}
    for measure, counted in zip(measures, words, strict=True):
        fastest = min(measure.seconds)
        best[measure.label] = counted / fastest
        median = counted / statistics.median(measure.seconds)
        peak = "n/a" if measure.peak_bytes is None else f"{measure.peak_bytes / MIB:,.0f}"
        rows.append(
            f"| {measure.label} | {counted:,} | {fastest:.1f} | {counted / fastest:,.0f} "
            f"| {median:,.0f} | {peak} |"
        )
    plain, analysed = (best[m.label] for m in measures)
    max_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    transfers, findings, concerned = found
    return "\n".join(
        [
            f"Corpus: {articles} documents, {words[1]:,} words ({source}); "
            f"model {model_name()} (spaCy {spacy.__version__}); Python "
            f"{platform.python_version()}; best of {repeat} alternating rounds.",
            "",
            *rows,
            "",
            f"Ratio of words/s (b)/(a): **{analysed / plain:.2f}**. "
            f"The analyser found {transfers:,} transfers and {findings:,} findings, in "
            f"{concerned:,} documents ({concerned / articles:.1%}). "
            f"Process max RSS: {max_rss:,.0f} MiB.",
        ]
    )


def _prefix(texts: list[str], words: int) -> Iterator[str]:
    counted = 0
    for text in texts:
        if counted >= words:
            return
        counted += word_count(text)
        yield text


def compare_workers(documents: list[Document], words: int, workers: int, rounds: int = 1) -> str:
    """Batch (prefiltered, no screening) with 1 and with `workers` processes, start-up included.

    Each round times both, in alternating order, so that a neighbour's burst of
    work does not always fall on the same side; the speed-up of each round is
    the ratio of its two times, and best and median are over the rounds.
    """
    rows = [
        "| round | batch workers | s | words/s | largest worker peak RSS MiB |",
        "|---:|---:|---:|---:|---:|",
    ]
    speedups = []
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus.jsonl"
        with corpus.open("w", encoding="utf-8") as stream:
            for d in documents:
                record = {"id": d.id, "text": d.text, "published": d.published}
                stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        for number in range(1, rounds + 1):
            counts = (1, workers) if number % 2 else (workers, 1)
            seconds = {count: _batch_run(corpus, Path(folder) / f"out-{number}-{count}", count)
                       for count in counts}  # fmt: skip
            for count in (1, workers):
                spent, rss = seconds[count]
                rows.append(
                    f"| {number} | {count} | {spent:.1f} | {words / spent:,.0f} | {rss:,.0f} |"
                )
            speedups.append(seconds[1][0] / seconds[workers][0])
    each = ", ".join(f"{value:.2f}x" for value in speedups)
    return "\n".join(
        [
            *rows,
            "",
            f"Speed-up of {workers} workers over 1, by round: {each}; best "
            f"**{max(speedups):.2f}x**, median **{statistics.median(speedups):.2f}x**.",
        ]
    )


def _batch_run(corpus: Path, out: Path, count: int) -> tuple[float, float]:
    """Seconds of one `run_job` with `count` workers, and its largest worker's peak RSS MiB."""
    # A fresh child process per run, so its children's peak RSS is this run's.
    script = (
        "import sys, time, resource; from pathlib import Path;"
        "from sanctrace.batch import Settings; from sanctrace.batch.job import run_job;"
        "t = time.perf_counter();"
        f"run_job([{str(corpus)!r}], Path({str(out)!r}), Settings(), workers={count});"
        "print(time.perf_counter() - t,"
        " resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    seconds, rss = (float(v) for v in done.stdout.split())
    return seconds, rss


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
