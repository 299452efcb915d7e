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
from sanctrace.parties.resolve import STATE_DESCRIPTIONS, VESSEL_WORDS
from sanctrace.transfers.goods_phrases import GoodsReader, is_debt, is_sum
from sanctrace.transfers.grammar import (
    PART_WORDS,
    RELATIVE_PRONOUNS,
    SUBJECT_DEPS,
    clause_subject,
    expand_conj,
    expand_list,
    hyphenated,
    is_passive,
    item_phrase,
    made_with,
    objects,
    preps,
    subject,
)
from sanctrace.transfers.lexicon import Frame, Lexicon
from sanctrace.transfers.modality import Modality
from sanctrace.transfers.relations import Dependents
from sanctrace.transfers.words import words

if TYPE_CHECKING:
    from spacy.tokens import Token

PARTY_ROLES = frozenset({"giver", "recipient"})
RECIPIENT = frozenset({"recipient"})
ROUTE = frozenset({"route"})
#: The roles a preposition on the goods may fill: "cars for the army", "coal at Nampo" too.
GOODS_PREP_ROLES = PARTY_ROLES | {"beneficiary", "origin"}
#: Who did the deed a noun trigger names acts in it as its possessor would, by the
#: relation that reaches them and the pattern it is recorded under, in this order:
#: "North Korea was behind the theft", "traced the theft to X", "charged X over the sale".
DOER_RELATIONS = {
    "responsible-for": "responsible-agent",
    "attributed-to": "attributed-agent",
    "accused-of": "accused-agent",
}
MAKER_VERBS = words()["maker_verbs"]
VALUE_WORDS = words()["value_words"]
PURPOSE_WORDS = words()["purpose_words"]
CARRIER_VERBS = words()["carrier_verbs"]
ERGATIVE_VERBS = words()["ergative_verbs"]
TRANSPORT_MODES = words()["transport_modes"]
CARRYING_VERBS = words()["carrying_verbs"]
CONTAINERS = words()["containers"]
PARTITIVES = words()["partitives"]
RECIPROCALS = words()["reciprocals"]
#: Nouns for a party's part in a transfer: "the consignee was a firm in Sudan".
_ROLE_NOUNS = {w: "recipient" for w in words()["recipient_nouns"]} | {
    w: "giver" for w in words()["giver_nouns"]
}


@dataclass(slots=True)
class Roles:
    giver: list[Token] = field(default_factory=list)
    recipient: list[Token] = field(default_factory=list)
    items: list[Token] = field(default_factory=list)
    origin: list[Token] = field(default_factory=list)
    destination: list[Token] = field(default_factory=list)
    route: list[Token] = field(default_factory=list)
    beneficiary: list[Token] = field(default_factory=list)  # "bought it for X"
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
        prep_objects: list[tuple[Token, list[Token]]],
        pattern: str,
        only: frozenset[str] | None = None,
    ) -> None:
        """Fill roles still empty from prepositions hung elsewhere than on the trigger."""
        for prep, objects_of in prep_objects:
            role = frame.preps.get(prep.lower_)
            if role and (only is None or role in only) and not getattr(self, role):
                self.add(role, objects_of, pattern)


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
                    # "carried rifles to Chad", the parse hanging "to Chad" on the goods.
                    on_object = {
                        p.lower_
                        for o in token.children
                        if o.dep_ == "dobj"
                        for p in o.children
                        if p.dep_ == "prep"
                    }
                    if on_object.isdisjoint(trigger.requires_prep):
                        return None
                return trigger.frame, "verb", trigger.outcome
            if lemma in lex.seen_verbs and is_passive(token):
                return lex.frames["seen"], "seen", None
        if token.pos_ == "NOUN" and lemma in lex.nouns:
            return lex.nouns[lemma].frame, "noun", None
        return None

    def _particle_fits(self, verb: Token, particle: str) -> bool:
        """A prepositional particle opens its frame only over goods: "paid $5 for
        drones" buys them, "paid $5 for a vote" only pays. A true particle always fits
        ("took on coal on 11 March")."""
        if any(c.dep_ == "prt" and c.lower_ == particle for c in verb.children):
            return True
        objects_of = [o for p in preps(verb) if p.lower_ == particle for o in objects(p)]
        return not objects_of or any(self.goods.phrase(o) is not None for o in objects_of)

    def roles(self, token: Token, frame: Frame, kind: str, found: Dependents) -> Roles | None:
        """The roles the trigger's frame gives to what the relations `found` from it,
        or None when the trigger states no event."""
        if kind == "verb":
            roles = self._verb_roles(token, frame, found)
        elif kind == "seen":
            roles = self._seen_roles(token, found)
        else:
            roles = self._noun_roles(token, frame, found)
        _reciprocal(roles)
        return None if self._not_an_event(token, roles) else roles

    def _relative_head(self, clause: Token) -> Token:
        """The noun a relative clause modifies: the parse's head, unless that names no
        goods and the noun right before the clause does ("her ties to banks and the
        payments she received": the clause is on the nearer noun)."""
        head = clause.head
        start = clause.left_edge.i
        near = clause.doc[start - 1] if start > 0 else head
        if near == head or near.pos_ != "NOUN" or self.goods.named_or_referred([head]):
            return head
        return near if self.goods.named_or_referred([near]) else head

    def _verb_roles(self, verb: Token, frame: Frame, found: Dependents) -> Roles:
        roles = Roles()
        passive = is_passive(verb)
        subjects = clause_subject(verb, found.fillers("subject"))
        obj = found.fillers("object")
        subject_pattern, object_pattern = "subject", "object"
        passive_pattern = "passive-subject"
        shared = [] if passive else self._conjoined_passive(verb, frame, subjects, obj)
        if shared:
            # "the funds were swapped for ether and wired to X": listed after a
            # passive, with no subject or object of its own, the verb is passive too.
            passive, passive_pattern, subjects = True, "conjoined-passive", shared
        misread = found.fillers("misread-subject")
        if misread and not obj and not hyphenated(verb):
            # "The ship unloaded sugar", parsed as "ship-unloaded sugar".
            subjects, obj = misread, found.fillers("misread-object")
            subject_pattern = object_pattern = "misread-verb"
        gerund = found.fillers("gerund-object")
        if gerund and not obj and verb.lower_.endswith("ing"):
            # "Acme denied selling rifles", parsed as "selling-rifles": the noun is its object.
            subjects, obj = found.fillers("gerund-subject"), gerund
            subject_pattern = object_pattern = "gerund-compound"
        relative = [o for o in obj if o.lower_ in RELATIVE_PRONOUNS and o.i < verb.i]
        if relative and len(obj) > len(relative):
            # "told experts that Iran sold rifles", read as a relative clause on
            # "experts": beside a real object, "that" only introduces the clause.
            obj = [o for o in obj if o not in relative]
        elif obj and obj[0].lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            obj = [verb.head]
        # "the rifles the broker sold to Yemen": a relative clause with a subject of its
        # own and no object left its object in the noun it modifies; with a modal or a
        # negation it names a kind of goods ("the fuel it may import").
        # The parse may call it a clause on the noun ("ammunition that a factory exported").
        relative_clause = verb.dep_ == "relcl" or (verb.dep_ == "acl" and verb.head.pos_ == "NOUN")
        gapped = not obj and relative_clause and not passive and found.fillers("subject")
        if gapped and not any(c.tag_ == "MD" or c.dep_ == "neg" for c in verb.children):
            obj, object_pattern = [self._relative_head(verb)], "relative-head"
        dative = found.fillers("dative")
        if passive:
            # "transported by rail": a bare way of carrying is no agent.
            agent = [a for a in expand_conj(found.fillers("agent")) if not _transport_mode(a)]
            if frame.subject:
                roles.add(frame.subject, agent, "passive-agent")
            if obj and frame.dative and self.goods.named_or_referred(obj):
                # "Kim was given a car by the Kremlin": the subject received, the object went.
                roles.add(frame.dative, subjects, "passive-dative")
                roles.add("items", obj, "passive-dative")
            elif frame.object and self._party_with(frame, found, subjects):
                # "Russia was supplied with drones": the subject is who got them.
                roles.add("recipient", subjects, "passive-party-with")
            elif frame.object:
                roles.add(frame.object, subjects, passive_pattern)
        else:
            # (Goods named outrank a pronoun that may stand for goods named before.)
            goods = self.goods.heads(obj) or self.goods.named_or_referred(obj)
            goods = goods if frame.dative and not dative else []
            others = [o for o in obj if o not in goods]
            if goods and others and others[0].i < goods[0].i:
                # "paying them as little as $4", parsed as two objects: the first,
                # which names no goods, is the indirect object.
                dative, obj = others[:1], goods
            if frame.object and obj:
                # ("paid the bills": what is owed is no party but the money's object.)
                owed = frame.money_only and any(map(is_debt, obj))
                party = not self.goods.named_or_referred(obj) and not owed
                if frame.object_party_with and not dative and party:
                    roles.add("recipient", obj, "object-party-with")
                elif frame.object not in PARTY_ROLES or not self.goods.heads(obj):
                    # ("helping to finance weapons": goods paid for are no party.)
                    roles.add(frame.object, obj, object_pattern)
            named = any(
                frame.preps.get(p.lower_) == frame.dative for p, _ in found.by("prep", "prep")
            )
            if frame.dative and not dative and not named:
                # "sent Kim 40 goats" is often parsed as a compound: a person before
                # the number is the indirect object (unless "to X" names the recipient:
                # "shipped Bayraktar drones to the army" names the maker).
                dative = found.fillers("dative-compound")
            if frame.dative and dative:
                roles.add(frame.dative, dative, "dative")
            if frame.dative and not self.goods.heads(obj):
                # "gave the Belarusian leader Lukashenko a sedan" may be parsed with the
                # goods in apposition to the person.
                for party, appositives in found.by("appositive", "party"):
                    goods = self.goods.heads(appositives)
                    if goods:
                        roles.add("items", goods, "dative-goods-apposition")
                        roles.add(frame.dative, [party], "dative-goods-apposition")
        # "selling rugs worth $2 million to Iran": the value may hold the "to".
        if not passive:
            roles.fill_missing(frame, found.by("carrier-prep", "prep"), "carrier-prep", ROUTE)
        for prep, objects_of in found.by("object-prep", "prep"):
            # "supplied the rebels with rifles", "with" hung on the rebels, names the goods.
            role = _prep_role(frame, prep)
            if role and not getattr(roles, role) and not _parts_for(prep):
                roles.add(role, objects_of, "object-prep")
        if passive:
            roles.fill_missing(frame, found.by("agent-prep", "prep"), "agent-prep")
        if object_pattern == "gerund-compound":
            roles.fill_missing(frame, found.by("gerund-prep", "prep"), "gerund-compound")
        # ("paid $5 million to Harbour Light": the name may be parsed as a clause, then
        # only when it holds no phrase of the verb's: "to X through banks in Y".)
        misread = [
            (to, names) for to, names in found.by("misread-to", "prep") if not preps(to.head)
        ]
        for prep, objects_of in found.by("prep", "prep") + found.by("value-prep", "prep") + misread:
            role = _prep_role(frame, prep)
            if role:
                roles.add(role, objects_of, "prep")
        if frame.needs_destination:
            self._carrier_bound(roles, roles.giver)
        if not roles.recipient:
            self._goods_bound(roles, verb)
        # (Only the verb's own common-noun subject: a ship's name may hold a goods word.)
        own = [t for t in subjects if t.head == verb and t.dep_ == "nsubj" and t.pos_ == "NOUN"]
        ergative = (
            verb.lemma_.lower() in ERGATIVE_VERBS
            and not passive
            and not obj
            and frame.object == "items"
            and own == subjects
            and not any(self._ship(t) for t in own)
            and self.goods.heads(own)
        )
        if ergative:
            # "a cargo of coal is loading at Nampo": goods as the subject of a verb
            # that may take them so, with no object, are what passes.
            roles.add("items", subjects, "ergative-subject")
        elif not passive and frame.subject:
            role, pattern = frame.subject, subject_pattern
            bound = roles.recipient or roles.destination
            if frame.subject_without_destination and not bound and _a_state(subjects):
                role, pattern = frame.subject_without_destination, "subject-without-destination"
            if frame.subject_beside_route and roles.route:
                role, pattern = frame.subject_beside_route, "subject-beside-route"
                self._carrier_bound(roles, roles.route)
            carried = self._carried_by(subjects) if role == "items" else []
            if carried:
                # "a ship carrying rifles docked at Port Sudan": what it carries arrives,
                # brought by the ship.
                roles.add("giver", subjects, "carrier-as-giver")
                subjects, pattern = carried, "carried-by-subject"
            roles.add(role, subjects, pattern)
        if frame.subject == "giver" and not roles.recipient:
            # "sent rifles to arm the rebels": whom the purpose furnishes receives them.
            roles.add("recipient", found.fillers("purpose-object"), "purpose-recipient")
        if not roles.giver:
            # "the broker arranged for the rifles to be shipped to Chad": the broker sends.
            arrangers = found.fillers("arranged-by") + found.fillers("arranged-for")
            roles.add("giver", arrangers, "arranger")
        self._goods_links(roles, frame)
        self._possessive_recipient(roles, frame)
        _named_by_role(roles, verb)
        return roles

    def _conjoined_passive(
        self, verb: Token, frame: Frame, subjects: list[Token], obj: list[Token]
    ) -> list[Token]:
        """The goods a verb listed after a passive one takes as its passive subject, or
        none when it is not read so: it must have no subject or object of its own, its
        frame's subject must be a party, the passive verb must be no trigger itself (whose
        transfer the listed verb goes on telling), and the subject they share, or a phrase
        in apposition to it ("the rest, some $40 million"), must name goods, which give
        nothing themselves."""
        if verb.dep_ != "conj" or obj or frame.subject not in PARTY_ROLES:
            return []
        listed = verb
        # ("were bridged, converted and wired": the middle verb may be parsed as a
        # clause of the first, the last listed with it.)
        while listed.dep_ in {"conj", "advcl"} and listed.head.pos_ in {"VERB", "AUX"}:
            if any(c.dep_ in SUBJECT_DEPS | {"dobj"} for c in listed.children):
                return []
            participle = listed.tag_ == "VBN"
            listed = listed.head
            if self.trigger(listed) is not None:
                return []  # "bought by Iran and then smuggled on": that transfer's course
            # "were unfrozen and released to X", the parse listing the participle with "were"
            copula = participle and listed.lemma_ == "be"
            if copula or any(c.dep_ in {"nsubjpass", "auxpass"} for c in listed.children):
                named = self.goods.named_or_referred(subjects)
                appositive = [c for s in subjects for c in s.children if c.dep_ == "appos"]
                return named or self.goods.named_or_referred(appositive)
        return []

    def _party_with(self, frame: Frame, found: Dependents, subjects: list[Token]) -> bool:
        """Whether a passive verb's subject is the party "with" gives goods to."""
        if not frame.object_party_with or self.goods.named_or_referred(subjects):
            return False
        goods = [
            o
            for p, objects_of in found.by("prep", "prep")
            if p.lower_ == "with"
            for o in objects_of
        ]
        return bool(self.goods.heads(goods))

    def _carried_by(self, carriers: list[Token]) -> list[Token]:
        """The goods a participle on the carriers says they carry ("a ship carrying
        rifles", "a truck loaded with shells")."""
        carried: list[Token] = []
        for carrier in carriers:
            for verb in carrier.children:
                if verb.dep_ != "acl" or verb.lemma_.lower() not in CARRYING_VERBS:
                    continue
                held = [c for c in verb.children if c.dep_ == "dobj"]
                held += [o for p in preps(verb) if p.lower_ == "with" for o in objects(p)]
                carried += self.goods.heads(held)
        return carried

    def _noun_roles(self, noun: Token, frame: Frame, found: Dependents) -> Roles:
        roles = Roles()
        for prep, objects_of in found.by("prep", "prep"):
            role = frame.preps.get(prep.lower_)
            if role:
                roles.add(role, objects_of, "noun-prep")
        # "shipments of weapons including missiles ... to Moscow"
        roles.add("items", found.fillers("list-link"), "list-link")
        if not roles.items:
            roles.add("items", expand_conj(found.fillers("contents")), "noun-contents")
        roles.fill_missing(frame, found.by("list-link-prep", "prep"), "list-link", PARTY_ROLES)
        modifiers = found.fillers("modifier")
        goods_compounds = [c for c in modifiers if not hyphenated(c)]
        roles.add("items", self.goods.heads(goods_compounds), "noun-compound-goods")
        if frame.possessor:
            roles.add(frame.possessor, found.fillers("possessor"), "possessor")
        demonyms = [
            c for c in modifiers if c.dep_ == "amod" and self.gazetteer.demonym(c.text) is not None
        ]
        if frame.possessor and demonyms and not getattr(roles, frame.possessor):
            # "Chinese exports of crude oil": the nationality is the exporting state.
            roles.add(frame.possessor, demonyms[:1], "nationality-possessor")
        if summed := found.fillers("light-verb-of-sum"):
            # "made $5 million in payments to a bank": the sum is the noun's money.
            role = self.lexicon.light_verbs[summed[0].lemma_]
            roles.add(role, subject(summed[0]), "light-verb-sum")
            roles.add("items", [noun.head.head], "light-verb-sum")
        elif light_verbs := found.fillers("light-verb"):
            head = light_verbs[0]
            role = self.lexicon.light_verbs[head.lemma_]
            if noun.dep_ == "nsubjpass":
                # "payments were made by a broker": the agent does what a subject would.
                agents = [o for c in head.children if c.dep_ == "agent" for o in objects(c)]
                roles.add(role, agents, "passive-light-verb")
            else:
                roles.add(role, subject(head), "light-verb-subject")
            if role == "giver" and not roles.recipient:
                furnished = found.fillers("light-verb-purpose-object")
                roles.add("recipient", furnished, "purpose-recipient")
            # "took delivery in May of three patrol boats from a shipyard"
            roles.fill_missing(frame, found.by("light-verb-prep", "prep"), "light-verb-prep")
            if not roles.items:
                roles.add("items", expand_conj(found.fillers("light-verb-of")), "light-verb-prep")
        elif stopping := found.by("stopping-prep", "prep"):
            # "stopped the sale of two yachts to Kim": the parties may hang on the stopping.
            roles.fill_missing(frame, stopping, "stopped-transfer-prep", PARTY_ROLES)
        elif hosts := found.fillers("returned-with"):
            roles.add("recipient", subject(hosts[0]), "returned-with")
        elif seekers := found.fillers("sought-for"):
            roles.add("recipient", subject(seekers[0]), "seeker-subject")
        elif needers := found.fillers("depended-on"):
            # "Cuba relies on oil imports from Mexico": who needs deliveries receives them.
            roles.add("recipient", subject(needers[0]), "dependent-subject")
        elif frame.possessor and (earners := found.fillers("earned-from")):
            # "X earned $5 million from sales of sand": who earns from a sale makes it.
            roles.add(frame.possessor, subject(earners[0]), "revenue-subject")
        if frame.possessor == "giver" and not roles.recipient:
            # "funds to help refugees": whom goods going out are for receives them.
            roles.add("recipient", found.fillers("purpose-object"), "purpose-recipient")
        if frame.possessor and not getattr(roles, frame.possessor):
            # "the broker arranged the sale of rifles": who arranges a deed does it.
            roles.add(frame.possessor, found.fillers("arranged-deed"), "arranger")
        for relation, pattern in DOER_RELATIONS.items():
            if frame.possessor and not getattr(roles, frame.possessor):
                roles.add(frame.possessor, found.fillers(relation), pattern)
        if frame.possessor and not frame.money_only and not getattr(roles, frame.possessor):
            # "a state where cheese exports grew": goods leave (or enter) the place
            # the clause is on; money flowing somewhere says nothing of who gives it.
            places = [where.head.head for where in found.fillers("where-clause")]
            roles.add(frame.possessor, places, "where-place")
        self._goods_links(roles, frame)
        self._possessive_recipient(roles, frame)
        _named_by_role(roles, noun)
        return roles

    def _goods_links(self, roles: Roles, frame: Frame) -> None:
        """Parties hung on the goods themselves: 'fuel to Nampo', 'yachts built by X'.
        ('sugar bound for X' is the trigger 'bound' of its own.)"""
        for item in expand_list(roles.items):
            valued = [c for c in item.children if c.lemma_.lower() in VALUE_WORDS]
            under_value = [t for v in valued for t in v.subtree if t.dep_ == "prep"]
            # "crates of rifles to Peru": the "to" may hang on what the crates hold.
            contained = [p for inner in _contents(item) for p in preps(inner)]
            # "lathes used to build centrifuges to Iran": or on what they serve to make.
            made = made_with(item)
            contained += preps(made) if made is not None else []
            # "sold a tanker, the Grace 2, to a firm": or on the name set beside them
            # (a noun trigger there tells a transfer of its own: "horses, a gift from X").
            named = [c for c in item.children if c.dep_ == "appos" and self.trigger(c) is None]
            contained += [p for c in named for p in preps(c)]
            # "$5 million in stolen ether": "in" on a sum names the money's form.
            hung = [
                (prep, objects(prep))
                for prep in preps(item) + under_value + contained
                if not (prep.lower_ == "in" and is_sum(item)) and not _parts_for(prep)
            ]
            roles.fill_missing(frame, hung, "goods-prep", GOODS_PREP_ROLES)
            for child in item.children:
                made = child.dep_ in {"acl", "relcl"} and child.lemma_.lower() in MAKER_VERBS
                if made and not roles.giver:
                    makers = [o for p in child.children if p.dep_ == "agent" for o in objects(p)]
                    roles.add("giver", makers, "maker-agent")
                    roles.makers.extend(makers)

    def _carrier_bound(self, roles: Roles, carriers: list[Token]) -> None:
        """'loaded rifles onto a barge bound for Syria', 'seized rifles from a ship bound
        for Iran': where the carrier is bound is where the goods go."""
        for carrier in carriers:
            for clause in carrier.children:
                trigger = self.lexicon.verbs.get(clause.lemma_.lower())
                if clause.dep_ == "acl" and trigger is not None and trigger.frame.name == "bound":
                    hung = [(p, objects(p)) for p in clause.children if p.dep_ == "prep"]
                    roles.fill_missing(trigger.frame, hung, "carrier-bound", RECIPIENT)

    def _goods_bound(self, roles: Roles, verb: Token) -> None:
        """'sold the generators, destined for a firm in Minsk': a participle of being
        bound listed after the verb, with no subject of its own, says where its goods go."""
        for clause in verb.children:
            trigger = self.lexicon.verbs.get(clause.lemma_.lower())
            bound = trigger is not None and trigger.frame.name == "bound"
            listed = clause.dep_ in {"conj", "advcl"} and clause.tag_ == "VBN"
            if bound and listed and not any(c.dep_ in SUBJECT_DEPS for c in clause.children):
                hung = [(p, objects(p)) for p in preps(clause)]
                roles.fill_missing(trigger.frame, hung, "goods-bound", RECIPIENT)

    def _possessive_recipient(self, roles: Roles, frame: Frame) -> None:
        # "ammunition for Moscow's war": the possessor of the purpose is the recipient.
        for token in list(roles.recipient):
            if roles.pattern_of("recipient", token) == "purpose-recipient":
                continue  # "to arm its army": furnished, the army itself receives
            owners = [c for c in token.children if c.dep_ == "poss"]
            # Only a purpose with an owner names it ("the Chinese army" is a party itself).
            if token.lemma_.lower() in PURPOSE_WORDS and owners:
                roles.recipient.remove(token)
                roles.add("recipient", owners, "purpose-possessor")

    def _seen_roles(self, verb: Token, found: Dependents) -> Roles:
        """Rule 1: a party newly seen with foreign goods must have imported them."""
        roles = Roles()
        roles.add("recipient", clause_subject(verb, found.fillers("subject")), "seen-with")
        roles.add("items", found.fillers("seen-in"), "seen-with")
        return roles

    def _not_an_event(self, trigger: Token, roles: Roles) -> bool:
        """Rules, trade statistics and voyages name goods without a transfer."""
        modality = self.modality
        return (
            modality.states_a_rule(trigger)
            or modality.states_a_trend(trigger)
            or modality.asks(trigger)
            or modality.deliberates(trigger)
            or modality.tells_a_habit(trigger)
            or self._is_voyage(trigger, roles)
            or _asks_who(trigger, roles)
        )

    def _ship(self, token: Token) -> bool:
        """A ship noun that names a ship: "armoured personnel carriers" are vehicles."""
        if token.lemma_.lower() not in VESSEL_WORDS:
            return False
        match = self.goods.taxonomy.classify(item_phrase(token).text)
        return match is None or "vessel" in match.tags

    def _is_voyage(self, trigger: Token, roles: Roles) -> bool:
        """'The vessel arrived at Subic Bay', 'the ship was seen off Nampo': a ship that
        merely sails or is sighted is not goods."""
        ships = any(self._ship(t) for t in roles.items)
        lemma = trigger.lemma_.lower()
        if lemma in self.lexicon.seen_verbs or lemma in CARRIER_VERBS:
            return ships  # "the ship loaded at Ust-Luga": the ship carries, it is not carried
        frame = self.lexicon.verbs.get(trigger.lemma_.lower())
        if frame is not None and frame.frame.needs_destination:
            return ships  # "customs seized the tanker": the ship is held, not sent
        if frame is None or frame.frame.subject != "items" or trigger.pos_ != "VERB":
            return False
        return ships


def _asks_who(trigger: Token, roles: Roles) -> bool:
    """'The court did not say who sold them on': a question about goods told before,
    as the complement of a verb, tells no new event."""
    asked = any(c.dep_ in SUBJECT_DEPS and c.tag_ == "WP" for c in trigger.children)
    complement = trigger.dep_ in {"ccomp", "pcomp", "xcomp", "csubj"}
    pronouns = bool(roles.items) and all(t.pos_ == "PRON" for t in roles.items)
    return asked and complement and pronouns


def _a_state(tokens: list[Token]) -> bool:
    """Whether a subject names a state ("Pyongyang", "the regime"): a state smuggles goods
    in past its embargo; a group or a person smuggling them moves them on."""
    return any(t.ent_type_ == "GPE" or t.lemma_.lower() in STATE_DESCRIPTIONS for t in tokens)


def _named_by_role(roles: Roles, trigger: Token) -> None:
    """'the rifles were loaded at Haeju, and the consignee was a firm in Sudan': a
    clause of the sentence that names who took a party's part fills a role left empty."""
    for noun in trigger.sent:
        role = _ROLE_NOUNS.get(noun.lemma_.lower())
        copula = noun.head
        if role is None or noun.dep_ != "nsubj" or copula.lemma_ != "be" or getattr(roles, role):
            continue
        roles.add(role, [c for c in copula.children if c.dep_ == "attr"], "role-noun")


def _reciprocal(roles: Roles) -> None:
    """'banks lend to one another': a reciprocal names the other side by the same parties."""
    for role, other in (("recipient", roles.giver), ("giver", roles.recipient)):
        fillers = getattr(roles, role)
        mutual = [t for t in fillers if " ".join(w.lower_ for w in t.subtree) in RECIPROCALS]
        if mutual and other:
            for token in mutual:
                fillers.remove(token)
            roles.add(role, list(other), "reciprocal")


def _contents(container: Token) -> list[Token]:
    """What a container holds, through its "of" phrases: "crates of boxes of rifles";
    a count or a part of it holds it too ("the first four of an order of jets")."""
    found: list[Token] = []
    token = container
    while _holds(token):
        inner = [o for p in preps(token) if p.lower_ == "of" for o in objects(p)]
        if not inner:
            break
        token = inner[0]
        found.append(token)
    return found


def _holds(token: Token) -> bool:
    lemma = token.lemma_.lower()
    return lemma in CONTAINERS or lemma in PARTITIVES or token.pos_ == "NUM"


def _parts_for(prep: Token) -> bool:
    """'engines for drones to Iran': "for" on parts names what they are parts of, which
    is the goods' kind and no party."""
    return prep.lower_ == "for" and prep.head.lemma_.lower() in PART_WORDS


def _prep_role(frame: Frame, prep: Token) -> str | None:
    """The role a preposition names by the frame: its preps table, and "with" for the
    goods when the object is a party ("supplied Russia with weapons")."""
    if prep.lower_ == "with" and frame.object_party_with:
        return frame.object_party_with
    return frame.preps.get(prep.lower_)


def _transport_mode(token: Token) -> bool:
    """'by rail', 'by sea': a way of carrying named without a determiner."""
    bare = not any(c.dep_ in {"det", "poss", "nummod"} for c in token.children)
    return bare and token.lemma_.lower() in TRANSPORT_MODES
