"""The document context's indexes answer as reading every mention would.

`DocumentContext` answers each look-back from indexes, so that a long
document costs no more per sentence than a short one. Here a seeded mix of
scanned names and role mentions (shared starts, repeated names, family
names, givers) is fed to it, and every answer is checked against a plain
pass over the mentions in text order: the rules the indexes must keep.
"""

from __future__ import annotations

import random

import pytest

from sanctrace.parties.resolve import DocumentContext, Mention

NAMES = {
    "person": [
        "Kim Jong Un",
        "Kim Un",
        "Kim Yo Jong",
        "Kim Jong-un",
        "Choe Ryong Hae",
        "Kim",
        "Ri",
    ],
    "state": ["Russia", "North Korea"],
    "organization": ["Kestrel Freight", "Orla Marine"],
    "vessel": ["Sam Jong 2"],
    "unknown": ["a trading house"],
}
KINDS = frozenset(NAMES)
#: Nouns mentions are described by ("firm" in "Acme, a Cypriot firm").
HEADS = ("firm", "broker")


def _mention(rng: random.Random, start: int, role: bool) -> Mention:
    kind = rng.choice(sorted(NAMES))
    name = rng.choice(NAMES[kind])
    proper = kind != "unknown" and rng.random() > 0.1
    key = name.lower().replace("-", " ")  # as the resolver keys them: one person, two spellings
    mention = Mention(name, start, start + len(name), name, kind, None, key, proper)
    mention.role = role
    mention.gave = role and rng.random() < 0.4
    mention.head = rng.choice([None, *HEADS])
    return mention


def _context(seed: int) -> tuple[DocumentContext, list[Mention]]:
    """A context as a document makes it, and its mentions in text order (ties by arrival)."""
    rng = random.Random(seed)
    context = DocumentContext("2024-02-20")
    arrived: list[tuple[int, int, Mention]] = []
    for start in sorted(rng.randrange(0, 3000, 7) for _ in range(120)):
        mention = _mention(rng, start, role=False)
        context.add_scanned(mention)
        arrived.append((start, len(arrived), mention))
    for sentence in range(0, 3000, 150):  # role mentions, sentence by sentence
        for start in sorted(rng.randrange(sentence, sentence + 150, 5) for _ in range(3)):
            mention = _mention(rng, start, role=True)
            context.add(mention)
            arrived.append((start, len(arrived), mention))
    return context, [mention for *_, mention in sorted(arrived, key=lambda a: a[:2])]


def _latest(mentions: list[Mention], before: int, kinds: frozenset[str]) -> Mention | None:
    return next((m for m in reversed(mentions) if m.start < before and m.kind in kinds), None)


def _focus(
    mentions: list[Mention], before: int, kinds: frozenset[str], named: bool
) -> Mention | None:
    found = [
        m
        for m in mentions
        if m.start < before and m.role and m.kind in kinds and (m.proper or not named)
    ]
    givers = [m for m in found if m.gave]
    return (givers or found)[-1] if found else None


def _described(mentions: list[Mention], before: int, head: str) -> Mention | None:
    return next((m for m in reversed(mentions) if m.start < before and m.head == head), None)


def _person_named(mentions: list[Mention], word: str, before: int) -> Mention | None:
    counts: dict[str, int] = {}
    first: dict[str, Mention] = {}
    for m in mentions:
        named = m.kind == "person" and m.proper and m.start < before
        if named and word.lower() in m.name.lower().split():
            counts[m.key] = counts.get(m.key, 0) + 1
            first.setdefault(m.key, m)
    if not counts:
        return None
    return first[max(counts, key=lambda key: (counts[key], -first[key].start))]


def _relative_of(mentions: list[Mention], person_key: str | None) -> Mention | None:
    owner = next((m for m in mentions if m.key == person_key), None)
    parts = owner.name.split() if owner else []
    family = {parts[0].lower(), parts[-1].lower()} if parts else set()
    counts: dict[str, int] = {}
    last: dict[str, Mention] = {}
    for m in mentions:
        if m.kind != "person" or m.key == person_key:
            continue
        words = m.name.split()
        if family and family.isdisjoint({words[0].lower(), words[-1].lower()}):
            continue
        counts[m.key] = counts.get(m.key, 0) + 1
        last[m.key] = m
    return last[max(counts, key=lambda key: (counts[key], key))] if counts else None


@pytest.mark.parametrize("seed", range(8))
def test_context_indexes_answer_as_a_pass_over_every_mention(seed: int) -> None:
    context, mentions = _context(seed)
    assert context.mentions == mentions
    kind_sets = [frozenset({kind}) for kind in KINDS] + [frozenset({"vessel", "unknown"}), KINDS]
    for before in range(0, 3100, 37):
        for kinds in kind_sets:
            assert context.latest(before, kinds) is _latest(mentions, before, kinds)
            assert context.latest_role(before, kinds) is _focus(mentions, before, kinds, False)
            assert context.latest_named(before, kinds) is _focus(mentions, before, kinds, True)
        for head in (*HEADS, "tanker"):
            assert context.latest_described(before, head) is _described(mentions, before, head)
        for word in ("Kim", "jong", "Un", "Ri", "Hae", "Russia"):
            assert context.person_named(word, before) is _person_named(mentions, word, before)
    for key in [None, "nobody", *{m.key for m in mentions}]:
        assert context.relative_of(key) is _relative_of(mentions, key)
