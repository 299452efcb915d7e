"""Exemptions a sanctions committee granted: "the charity obtained an exemption from
the 1718 Committee" makes what the charity sends breach no UN measure.

A plain function over the merged events and the document's sentences: one grants an
exemption when it names an exemption, a committee (or the Security Council) and a
word of granting, and no word of refusal; every event whose giver or recipient that
sentence names is exempted.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sanctrace.model import Span
from sanctrace.parties.resolve import Mention
from sanctrace.transfers.extract import Candidate

#: The document rule of a transfer a committee's exemption covers.
COMMITTEE_EXEMPTION = "committee-exemption"
#: The lexicon's cue lists a granting sentence is read by.
EXEMPTION_CUES = ("exemption_nouns", "sanctions_committees", "grants", "refusals")


def exempt_granted(
    events: Sequence[tuple[Candidate, list[Candidate]]],
    sentences: Sequence[Span],
    cues: dict[str, frozenset[str]],
) -> set[int]:
    """The indexes of `events` a committee's exemption covers, marked with the rule
    (`sentences`: the document's, as `split_sentences` gives them)."""
    covered: set[int] = set()
    grants = [s.text for s in sentences if _grants(s.text, cues)]
    for index, (event, _) in enumerate(events):
        parties = [m for m in (event.giver, event.recipient) if m is not None]
        if any(_names(sentence, party) for sentence in grants for party in parties):
            event.rules.document.append(COMMITTEE_EXEMPTION)
            covered.add(index)
    return covered


def _grants(sentence: str, cues: dict[str, frozenset[str]]) -> bool:
    lowered = sentence.lower()
    if not any(noun in lowered for noun in cues["exemption_nouns"]):
        return False  # (most sentences name no exemption: no need to read their words)
    words = set(re.findall(r"[a-z]+", lowered))
    return (
        bool(words & cues["exemption_nouns"])
        and bool(words & cues["sanctions_committees"])
        and bool(words & cues["grants"])
        and not words & cues["refusals"]
    )


def _names(sentence: str, party: Mention) -> bool:
    """Whether the sentence names the party, by its name or as "the" and its last word
    ("the foundation" for the Alpine Relief Foundation)."""
    last = party.name.split()[-1] if party.name else ""
    if party.proper and party.name in sentence:
        return True
    return bool(last) and re.search(rf"\bthe {re.escape(last)}\b", sentence, re.I) is not None
