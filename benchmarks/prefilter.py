"""The prefilter's two candidate engines on the same texts: Aho-Corasick against PhraseMatcher.

Run from the repository root on any .jsonl of documents (see news_corpus.py):

    .venv/bin/python benchmarks/prefilter.py /tmp/news.jsonl

(a) `Prefilter.hits`: one pyahocorasick pass over each lower-cased document,
    word edges checked, as `sanctrace.nlp.prefilter` does it;
(b) spaCy's PhraseMatcher (attr LOWER) over a tokenizer-only pipeline
    (`spacy.blank("en")`), with the same trigger forms and goods anchors as
    patterns (the model-number prefixes such as "t-7", which a token
    pattern cannot express, are left out of (b)).
Both find the anchors of every document; the time is the best of 3 rounds.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

import spacy
from spacy.matcher import PhraseMatcher

from sanctrace.documents import load_inputs
from sanctrace.goods.taxonomy import Taxonomy
from sanctrace.model import Document
from sanctrace.nlp.prefilter import PREFIX_MARK, Prefilter
from sanctrace.transfers.lexicon import default_lexicon


def best_of(rounds: int, work: Callable[[], int]) -> tuple[float, int]:
    times, found = [], 0
    for _ in range(rounds):
        start = time.perf_counter()
        found = work()
        times.append(time.perf_counter() - start)
    return min(times), found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="a .jsonl file of documents")
    args = parser.parse_args()
    texts = [d.text for d in load_inputs([str(args.corpus)]) if isinstance(d, Document)]
    words = sum(len(text.split()) for text in texts)

    prefilter = Prefilter.from_knowledge(default_lexicon(), Taxonomy.load())
    nlp = spacy.blank("en")
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    forms = [f for f in prefilter.trigger_forms | prefilter.goods_words if PREFIX_MARK not in f]
    matcher.add("anchor", list(nlp.tokenizer.pipe(forms)))

    def aho_corasick() -> int:
        return sum(len(prefilter.hits(text)) for text in texts)

    def phrase_matcher() -> int:
        return sum(len(matcher(doc)) for doc in nlp.tokenizer.pipe(texts))

    rows = ["| engine | best s | words/s | anchors found |", "|---|---:|---:|---:|"]
    for name, work in (("pyahocorasick", aho_corasick), ("PhraseMatcher", phrase_matcher)):
        seconds, found = best_of(3, work)
        rows.append(f"| {name} | {seconds:.2f} | {words / seconds:,.0f} | {found:,} |")
    print(f"{len(texts)} documents, {words:,} words ({args.corpus.name}); best of 3.\n")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
