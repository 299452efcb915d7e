"""Every frame, role pattern and document rule of the lexicon, run on its own example.

Each data entry carries an example sentence written for it and the roles the
example must yield; this table-driven test analyses each example with the
real model and checks that a transfer names the entry in its `rules` and
fills the expected roles. A second test holds the code to the data: every
pattern or rule id the extractor can write is an entry of the lexicon.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from sanctrace.model import AnalysedDocument, Transfer
from sanctrace.pipeline import Analyzer
from sanctrace.transfers.lexicon import default_lexicon
from sanctrace.transfers.relations import RelationMatcher

LEXICON = default_lexicon()
SOURCES = [
    Path(__file__).parents[2] / "src" / "sanctrace" / relative
    for relative in (
        "transfers/extract.py",
        "transfers/document.py",
        "transfers/merge.py",
        "transfers/exemptions.py",
        "parties/resolve.py",
        "pipeline.py",
    )
]
#: Where the code names a rule: `roles.add(..., "id")`, `rules.roles[...] = "id"`,
#: `document.append("id")`, `fill_missing(..., "id", ...)`, `_moved(..., "id")`.
RULE_ID = re.compile(r'"([a-z]+(?:-[a-z]+)+)"')

CASES = [
    *[("pattern", pid, p.example, p.expect) for pid, p in LEXICON.patterns.items()],
    *[("frame", name, f.example, f.expect) for name, f in LEXICON.frames.items() if f.example],
    *[("document", rid, example, {}) for rid, example in LEXICON.document_rules.items()],
]


def _names(transfer: Transfer) -> dict[str, str]:
    return {
        "giver": transfer.giver.name if transfer.giver else "",
        "recipient": transfer.recipient.name if transfer.recipient else "",
        "items": " ".join(item.text for item in transfer.items),
    }


def _applies(kind: str, entry: str, transfer: Transfer) -> bool:
    rules = transfer.rules
    assert rules is not None
    if kind == "pattern":
        return entry in rules.roles.values()
    if kind == "frame":
        return rules.frame == entry
    return entry in rules.document


@pytest.mark.parametrize(("kind", "entry", "example", "expect"), CASES, ids=lambda v: str(v)[:40])
def test_patterns_example_yields_its_roles(
    analyse: Callable[..., AnalysedDocument],
    kind: str,
    entry: str,
    example: str,
    expect: dict[str, str],
) -> None:
    transfers = analyse(example).transfers
    applied = [t for t in transfers if _applies(kind, entry, t)]
    assert applied, f"no transfer of {example!r} names {kind} {entry!r}"
    names = [_names(t) for t in applied]
    assert any(
        all(word.lower() in found[role].lower() for role, word in expect.items() if role in found)
        for found in names
    ), f"{example!r}: expected {expect}, got {names}"


@pytest.mark.parametrize("relation", sorted(LEXICON.relations))
def test_patterns_relation_example_reaches_its_word(analyzer: Analyzer, relation: str) -> None:
    entry = LEXICON.relations[relation]
    doc = analyzer.nlp(entry.example)
    found = RelationMatcher(analyzer.nlp.vocab, LEXICON)(doc)
    reached = [t.text for dependents in found.values() for t in dependents.fillers(relation)]
    assert entry.reaches in reached, f"{entry.example!r}: {relation} reached {reached}"


def test_patterns_every_id_the_code_writes_is_in_the_lexicon() -> None:
    known = set(LEXICON.patterns) | set(LEXICON.document_rules)
    written = {m for path in SOURCES for m in RULE_ID.findall(path.read_text(encoding="utf-8"))}
    assert written, "no rule ids found in the extractor's sources"
    assert written <= known, sorted(written - known)
