"""Match the dependents of triggers with spaCy's DependencyMatcher.

The lexicon's `relations` say, as dependency paths, which tokens around a
trigger the role patterns read: its subject, its object, the object of each
preposition, the light verb above a noun trigger. They are compiled here into
one `DependencyMatcher`, run once over a Doc; what each relation reaches from
each trigger is handed to the role reader, which maps it to roles by the
trigger's frame. A new way of reaching a dependent is a new path in the data.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from spacy.matcher import DependencyMatcher
from spacy.tokens import Token

from sanctrace.transfers.grammar import expand_conj
from sanctrace.transfers.lexicon import Lexicon, Relation, Step

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

#: Token extension: the kind of trigger a token is (verb, noun, seen), set by the
#: trigger finder; a relation's match counts only from a trigger of its kinds.
TRIGGER_KIND = "sanctrace_trigger"
if not Token.has_extension(TRIGGER_KIND):
    Token.set_extension(TRIGGER_KIND, default=None)


@dataclass(frozen=True, slots=True)
class Reach:
    """One token a relation reaches from a trigger, with the named tokens on the way."""

    path: int
    filler: Token
    named: dict[str, Token]


@dataclass(slots=True)
class Dependents:
    """What each relation reaches from one trigger."""

    reaches: dict[str, list[Reach]] = field(default_factory=lambda: defaultdict(list))

    def fillers(self, relation: str) -> list[Token]:
        """The tokens the relation reaches, by path and then document order, once each."""
        out: list[Token] = []
        for reach in self._ordered(relation):
            if reach.filler not in out:
                out.append(reach.filler)
        return out

    def by(self, relation: str, name: str) -> list[tuple[Token, list[Token]]]:
        """The fillers grouped under the token a step named ("prep"), with their
        conjuncts: [(to, [Russia, Belarus])]."""
        groups: dict[int, tuple[Token, list[Token]]] = {}
        for reach in self._ordered(relation):
            via = reach.named[name]
            groups.setdefault(via.i, (via, []))[1].append(reach.filler)
        return [(via, expand_conj(fillers)) for via, fillers in groups.values()]

    def _ordered(self, relation: str) -> list[Reach]:
        found = self.reaches.get(relation, [])
        return sorted(found, key=lambda r: (r.path, *(t.i for t in r.named.values()), r.filler.i))


NO_DEPENDENTS = Dependents()


class RelationMatcher:
    """The lexicon's relations as one DependencyMatcher over the trigger tokens."""

    def __init__(self, vocab: Vocab, lexicon: Lexicon) -> None:
        self.matcher = DependencyMatcher(vocab)
        #: matcher key -> (relation id, path number, the name of each node after the trigger)
        self.paths: dict[str, tuple[str, int, list[str | None]]] = {}
        self.kinds = {relation.id: relation.kinds for relation in lexicon.relations.values()}
        lemmas = sorted(lexicon.trigger_lemmas())
        for relation in lexicon.relations.values():
            for number, steps in enumerate(relation.paths):
                key = f"{relation.id}#{number}"
                self.matcher.add(key, [_compile(relation, steps, lexicon, lemmas)])
                self.paths[key] = (relation.id, number, [step.name for step in steps])

    def __call__(self, doc: Doc) -> dict[int, Dependents]:
        """Trigger index -> what each relation reaches from it."""
        found: dict[int, Dependents] = defaultdict(Dependents)
        strings = doc.vocab.strings
        for key, nodes in self.matcher(doc):
            relation, number, names = self.paths[strings[key]]
            trigger, *rest = nodes
            if doc[trigger]._.get(TRIGGER_KIND) not in self.kinds[relation]:
                continue
            named = {name: doc[i] for name, i in zip(names, rest, strict=True) if name}
            found[trigger].reaches[relation].append(Reach(number, doc[rest[-1]], named))
        return found


#: The part of speech each kind of trigger has: the anchor is matched by it and the
#: trigger lemmas (plain attributes, cheap for the matcher); the kind is checked after.
KIND_POS = {"verb": "VERB", "seen": "VERB", "noun": "NOUN"}


def _compile(
    relation: Relation, steps: tuple[Step, ...], lexicon: Lexicon, lemmas: list[str]
) -> list[dict]:
    anchor: dict[str, Any] = {
        "POS": {"IN": sorted({KIND_POS[kind] for kind in relation.kinds})},
        "LEMMA": {"IN": lemmas},
    }
    if relation.trigger is not None:
        anchor |= _attrs(relation.trigger, lexicon)
    pattern: list[dict[str, Any]] = [{"RIGHT_ID": "trigger", "RIGHT_ATTRS": anchor}]
    left = "trigger"
    for number, step in enumerate(steps):
        right = f"n{number}"
        pattern.append(
            {
                "LEFT_ID": left,
                "REL_OP": step.rel,
                "RIGHT_ID": right,
                "RIGHT_ATTRS": _attrs(step, lexicon),
            }
        )
        left = right
    return pattern


def _attrs(step: Step, lexicon: Lexicon) -> dict[str, Any]:
    attrs: dict[str, Any] = {attr: {"IN": sorted(values)} for attr, values in step.attrs.items()}
    if step.word_class is not None:
        attr, name = step.word_class
        attrs[attr] = {"IN": sorted(lexicon.word_class(name))}
    return attrs
