"""Read the roles a trigger's frame gives: who gives, who receives, what goes.

For every trigger (a verb such as "supplied", a noun such as "shipments", a
passive "was seen in"), the trigger's frame from the lexicon says which
grammatical dependents are the giver, the recipient and the goods. Each
filler is recorded with the id of the lexicon pattern that put it in its
role, so that every transfer can say how it was read. Sentence-local: these
functions read one parsed sentence and nothing else.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sanctrace.parties.gazetteer import Gazetteer
from sanctrace.parties.resolve import VESSEL_WORDS
from sanctrace.transfers.goods_phrases import GoodsReader
from sanctrace.transfers.grammar import (
    LIST_LINKS,
    RELATIVE_PRONOUNS,
    expand_list,
    hyphenated,
    is_passive,
    objects,
    preps,
    subject,
)
from sanctrace.transfers.lexicon import Frame, Lexicon
from sanctrace.transfers.modality import Modality
from sanctrace.transfers.words import words

if TYPE_CHECKING:
    from spacy.tokens import Token

PARTY_ROLES = frozenset({"giver", "recipient"})
MAKER_VERBS = words()["maker_verbs"]
VALUE_WORDS = words()["value_words"]
PURPOSE_WORDS = words()["purpose_words"]
REVENUE_VERBS = words()["revenue_verbs"]
CARRIER_VERBS = words()["carrier_verbs"]


@dataclass(slots=True)
class Roles:
    giver: list[Token] = field(default_factory=list)
    recipient: list[Token] = field(default_factory=list)
    items: list[Token] = field(default_factory=list)
    origin: list[Token] = field(default_factory=list)
    destination: list[Token] = field(default_factory=list)
    route: list[Token] = field(default_factory=list)
    makers: list[Token] = field(default_factory=list)  # "built by X": X is a firm
    #: (role, token index) -> id of the lexicon pattern that put the token in the role.
    patterns: dict[tuple[str, int], str] = field(default_factory=dict)

    def add(self, role: str, tokens: Iterable[Token], pattern: str) -> None:
        for token in tokens:
            getattr(self, role).append(token)
            self.patterns.setdefault((role, token.i), pattern)

    def pattern_of(self, role: str, token: Token) -> str:
        return self.patterns[(role, token.i)]

    def fill_missing(
        self,
        frame: Frame,
        prep_tokens: list[Token],
        pattern: str,
        only: frozenset[str] | None = None,
    ) -> None:
        """Fill roles still empty from prepositions hung elsewhere than on the trigger."""
        for prep in prep_tokens:
            role = frame.preps.get(prep.lower_)
            if role and (only is None or role in only) and not getattr(self, role):
                self.add(role, objects(prep), pattern)


class RoleReader:
    """Finds triggers and reads their roles with the lexicon, goods and gazetteer."""

    def __init__(self, lexicon: Lexicon, goods: GoodsReader, gazetteer: Gazetteer) -> None:
        self.lexicon = lexicon
        self.goods = goods
        self.gazetteer = gazetteer
        self.modality = Modality(lexicon)

    def trigger(self, token: Token) -> tuple[Frame, str, str | None] | None:
        """The frame a trigger word opens, how it is read (verb, seen, noun) and the
        outcome the verb itself sets; None when the token is no trigger."""
        lemma = token.lemma_.lower()
        lex = self.lexicon
        if token.pos_ == "VERB":
            trigger = lex.verbs.get(lemma)
            particles = {c.lower_ for c in token.children if c.dep_ in {"prt", "advmod", "prep"}}
            particles |= {c.lower_ for c in token.children if c.dep_ == "dobj"}
            phrasal = lex.phrasal.get(lemma, {})
            for particle, frame in phrasal.items():
                if particle in particles and self._particle_fits(token, particle):
                    return frame, "verb", None
            if trigger is not None:
                if trigger.particle and trigger.particle not in particles:
                    return None
                if trigger.requires_prep and particles.isdisjoint(trigger.requires_prep):
                    return None
                return trigger.frame, "verb", trigger.outcome
            if lemma in lex.seen_verbs and is_passive(token):
                return lex.frames["seen"], "seen", None
        if token.pos_ == "NOUN" and lemma in lex.nouns:
            return lex.nouns[lemma].frame, "noun", None
        return None

    def _particle_fits(self, verb: Token, particle: str) -> bool:
        """A prepositional particle opens its frame only over goods: "paid $5 for
        drones" buys them, "paid $5 for a vote" only pays."""
        objects_of = [o for p in preps(verb) if p.lower_ == particle for o in objects(p)]
        return not objects_of or any(self.goods.phrase(o) is not None for o in objects_of)

    def roles(self, token: Token, frame: Frame, kind: str) -> Roles | None:
        """The roles the trigger's frame gives, or None when the trigger states no event."""
        if kind == "verb":
            roles = self._verb_roles(token, frame)
        elif kind == "seen":
            roles = self._seen_roles(token)
        else:
            roles = self._noun_roles(token, frame)
        return None if self._not_an_event(token, roles) else roles

    def _verb_roles(self, verb: Token, frame: Frame) -> Roles:
        roles = Roles()
        passive = is_passive(verb)
        subjects = subject(verb)
        obj = [c for c in verb.children if c.dep_ in {"dobj", "attr"}]
        if obj and obj[0].lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            obj = [verb.head]
        dative = [c for c in verb.children if c.dep_ in {"dative", "iobj"}]
        if passive:
            agent = [p for c in verb.children if c.dep_ == "agent" for p in objects(c)]
            if frame.subject:
                roles.add(frame.subject, agent, "passive-agent")
            if obj and frame.dative:
                # "Kim was given a car by the Kremlin": the subject received, the object went.
                roles.add(frame.dative, subjects, "passive-dative")
                roles.add("items", obj, "passive-dative")
            elif frame.object:
                roles.add(frame.object, subjects, "passive-subject")
        else:
            if frame.object and obj:
                if frame.object_party_with and not self.goods.heads(obj):
                    roles.add("recipient", obj, "object-party-with")
                else:
                    roles.add(frame.object, obj, "object")
            if frame.dative and not dative:
                # "sent Kim 447 goats" is often parsed as a compound: a person before
                # the number is the indirect object.
                dative = [
                    c
                    for o in obj
                    for c in o.lefts
                    if c.dep_ in {"nmod", "compound"} and c.ent_type_ in {"PERSON", "GPE"}
                ]
            if frame.dative and dative:
                roles.add(frame.dative, dative, "dative")
            if frame.dative and not self.goods.heads(obj):
                # "gave Belarusian leader Alexander Lukashenko an Aurus sedan" may be
                # parsed with the goods in apposition to the person.
                for party in obj + dative:
                    goods = self.goods.heads([c for c in party.children if c.dep_ == "appos"])
                    if goods:
                        roles.add("items", goods, "dative-goods-apposition")
                        roles.add(frame.dative, [party], "dative-goods-apposition")
        # "supplying goods worth $1.2 million to North Korea": the value holds the "to".
        valued = [p for c in verb.children if c.lemma_.lower() in VALUE_WORDS for p in preps(c)]
        for prep in preps(verb) + valued:
            role = frame.preps.get(prep.lower_)
            if prep.lower_ == "with" and frame.object_party_with:
                role = frame.object_party_with
            if role:
                roles.add(role, objects(prep), "prep")
        if not passive and frame.subject:
            role, pattern = frame.subject, "subject"
            if frame.subject_without_destination and not (roles.recipient or roles.destination):
                role, pattern = frame.subject_without_destination, "subject-without-destination"
            roles.add(role, subjects, pattern)
        self._goods_links(roles, frame)
        self._possessive_recipient(roles, frame)
        return roles

    def _noun_roles(self, noun: Token, frame: Frame) -> Roles:
        roles = Roles()
        for prep in preps(noun):
            role = frame.preps.get(prep.lower_)
            if role:
                roles.add(role, objects(prep), "noun-prep")
        for link in noun.children:
            # "shipments of weapons including missiles ... to Moscow"
            if link.lower_ in LIST_LINKS and link.dep_ in {"prep", "acl"}:
                listed = [o for o in link.children if o.dep_ in {"pobj", "dobj"}]
                roles.add("items", listed, "list-link")
                roles.fill_missing(frame, preps(link), "list-link", PARTY_ROLES)
        goods_compounds = [
            c for c in noun.children if c.dep_ in {"compound", "nmod", "amod"} and not hyphenated(c)
        ]
        roles.add("items", self.goods.heads(goods_compounds), "noun-compound-goods")
        for child in noun.children:
            if child.dep_ == "poss" and frame.possessor:
                roles.add(frame.possessor, [child], "possessor")
        demonyms = [
            c
            for c in noun.children
            if c.dep_ == "amod" and self.gazetteer.demonym(c.text) is not None
        ]
        if frame.possessor and demonyms and not getattr(roles, frame.possessor):
            # "Chinese exports of crude oil": the nationality is the exporting state.
            roles.add(frame.possessor, demonyms[:1], "nationality-possessor")
        head = noun.head
        light = self.lexicon.light_verbs.get(head.lemma_.lower())
        if noun.dep_ in {"dobj", "attr"} and light:
            roles.add(light, subject(head), "light-verb-subject")
            # "took delivery in May of three patrol boats from a shipyard"
            roles.fill_missing(frame, preps(head), "light-verb-prep")
            if not roles.items:
                roles.add(
                    "items",
                    (
                        o
                        for t in head.subtree
                        if t.lower_ == "of" and t.dep_ == "prep"
                        for o in objects(t)
                    ),
                    "light-verb-prep",
                )
        elif noun.dep_ == "dobj" and head.lemma_.lower() in self.lexicon.cues["prevented"]:
            # "stopped the sale of two yachts to Kim": the parties may hang on the stopping.
            roles.fill_missing(frame, preps(head), "stopped-transfer-prep", PARTY_ROLES)
        elif noun.dep_ == "pobj" and head.lower_ == "with" and head.head.pos_ == "VERB":
            roles.add("recipient", subject(head.head), "returned-with")
        elif noun.dep_ == "pobj" and head.lower_ == "from" and frame.possessor:
            earner = head.head
            if earner.lemma_.lower() in REVENUE_VERBS:
                # "X earned $5 million from sales of sand": who earns from a sale makes it.
                roles.add(frame.possessor, subject(earner), "revenue-subject")
        self._goods_links(roles, frame)
        self._possessive_recipient(roles, frame)
        return roles

    def _goods_links(self, roles: Roles, frame: Frame) -> None:
        """Parties hung on the goods themselves: 'fuel to Nampo', 'yachts built by X'.
        ('sugar bound for X' is the trigger 'bound' of its own.)"""
        for item in expand_list(roles.items):
            valued = [c for c in item.children if c.lemma_.lower() in VALUE_WORDS]
            under_value = [t for v in valued for t in v.subtree if t.dep_ == "prep"]
            roles.fill_missing(frame, preps(item) + under_value, "goods-prep", PARTY_ROLES)
            for child in item.children:
                made = child.dep_ in {"acl", "relcl"} and child.lemma_.lower() in MAKER_VERBS
                if made and not roles.giver:
                    makers = [o for p in child.children if p.dep_ == "agent" for o in objects(p)]
                    roles.add("giver", makers, "maker-agent")
                    roles.makers.extend(makers)

    def _possessive_recipient(self, roles: Roles, frame: Frame) -> None:
        # "ammunition for Moscow's war": the possessor of the purpose is the recipient.
        for token in list(roles.recipient):
            owners = [c for c in token.children if c.dep_ == "poss"]
            # Only a purpose with an owner names it ("the Chinese army" is a party itself).
            if token.lemma_.lower() in PURPOSE_WORDS and owners:
                roles.recipient.remove(token)
                roles.add("recipient", owners, "purpose-possessor")

    def _seen_roles(self, verb: Token) -> Roles:
        """Rule 1: a party newly seen with foreign goods must have imported them."""
        roles = Roles()
        roles.add("recipient", subject(verb), "seen-with")
        for token in verb.subtree:
            if token.dep_ == "pobj" and token.head.lower_ in self.lexicon.seen_preps:
                roles.add("items", [token], "seen-with")
        return roles

    def _not_an_event(self, trigger: Token, roles: Roles) -> bool:
        """Rules, trade statistics and voyages name goods without a transfer."""
        modality = self.modality
        return (
            modality.states_a_rule(trigger)
            or modality.states_a_trend(trigger)
            or modality.asks(trigger)
            or self._is_voyage(trigger, roles)
        )

    def _is_voyage(self, trigger: Token, roles: Roles) -> bool:
        """'The vessel arrived at Subic Bay', 'the ship was seen off Nampo': a ship that
        merely sails or is sighted is not goods."""
        ships = any(t.lemma_.lower() in VESSEL_WORDS for t in roles.items)
        lemma = trigger.lemma_.lower()
        if lemma in self.lexicon.seen_verbs or lemma in CARRIER_VERBS:
            return ships  # "the ship loaded at Ust-Luga": the ship carries, it is not carried
        frame = self.lexicon.verbs.get(trigger.lemma_.lower())
        if frame is None or frame.frame.subject != "items" or trigger.pos_ != "VERB":
            return False
        return ships
