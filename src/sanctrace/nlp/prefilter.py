"""Decide, before parsing, which sentences could state a transfer.

A sentence is worth the full parse only if it holds a trigger word (any
inflection) and a goods word. Most news sentences hold neither, which is
what lets the analyser beat a plain `nlp.pipe` over the same text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_WORD = re.compile(r"[a-z][a-z'’-]*")


@dataclass(frozen=True, slots=True)
class Prefilter:
    trigger_forms: frozenset[str]
    goods_words: frozenset[str]

    def words(self, sentence: str) -> set[str]:
        lowered = sentence.lower()
        words = set(_WORD.findall(lowered))
        # Hyphenated compounds also count by their parts ("Mercedes-Maybach").
        for word in list(words):
            if "-" in word:
                words.update(part for part in word.split("-") if part)
        return words

    def is_candidate(self, sentence: str) -> bool:
        words = self.words(sentence)
        return not words.isdisjoint(self.trigger_forms) and not words.isdisjoint(self.goods_words)
