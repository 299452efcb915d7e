"""The parse helpers of `sanctrace.transfers.grammar` on hand-built Docs, without the model."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from sanctrace.transfers.grammar import participle_head

VOCAB = spacy.blank("en").vocab


def _doc(rows: list[tuple[str, str, str, str, int]]) -> Doc:
    """A parsed Doc from (word, tag, pos, dep, head index) rows."""
    words, tags, pos, deps, heads = zip(*rows, strict=True)
    return Doc(
        VOCAB, words=list(words), tags=list(tags), pos=list(pos), deps=list(deps), heads=heads
    )


def test_grammar_a_participle_hung_on_the_verb_describes_the_object_right_before_it() -> None:
    # "Iran got banks into clearing sums sent abroad", the participle hung on "got"
    doc = _doc(
        [
            ("Iran", "NNP", "PROPN", "nsubj", 1),
            ("got", "VBD", "VERB", "ROOT", 1),
            ("banks", "NNS", "NOUN", "dobj", 1),
            ("into", "IN", "ADP", "prep", 1),
            ("clearing", "VBG", "VERB", "pcomp", 3),
            ("sums", "NNS", "NOUN", "dobj", 4),
            ("sent", "VBN", "VERB", "advcl", 1),
            ("abroad", "RB", "ADV", "advmod", 6),
        ]
    )
    assert participle_head(doc[6]) == doc[5]
    # right after the verb's own object, it describes that object
    doc = _doc(
        [
            ("Police", "NNS", "NOUN", "nsubj", 1),
            ("held", "VBD", "VERB", "ROOT", 1),
            ("rifles", "NNS", "NOUN", "dobj", 1),
            ("bound", "VBN", "VERB", "advcl", 1),
            ("abroad", "RB", "ADV", "advmod", 3),
        ]
    )
    assert participle_head(doc[3]) == doc[2]
