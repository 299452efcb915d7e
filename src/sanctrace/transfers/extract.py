"""Find transfers in one parsed sentence.

For every trigger (a verb such as "supplied", a noun such as "shipments",
a passive "was seen in"), the trigger's frame from the lexicon says which
grammatical dependents are the giver, the recipient and the goods. The
goods must be goods by the taxonomy; parties are resolved by
`parties.resolve`. Certainty, outcome, attribution and date come from the
words that govern the trigger.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sanctrace.goods.taxonomy import Taxonomy
from sanctrace.model import Cue, Item, RouteStop, Rules, Span, TransferDate
from sanctrace.nlp.quantities import parse_quantity
from sanctrace.parties.resolve import (
    VESSEL_WORDS,
    DocumentContext,
    Mention,
    PartyResolver,
    noun_phrase,
)
from sanctrace.transfers.grammar import (
    LIST_LINKS,
    PART_WORDS,
    RELATIVE_PRONOUNS,
    expand_list,
    goods_words,
    hyphenated,
    is_definite,
    is_passive,
    is_vessel,
    item_phrase,
    objects,
    place_name,
    preps,
    subject,
)
from sanctrace.transfers.lexicon import Frame, Lexicon
from sanctrace.transfers.modality import Modality
from sanctrace.transfers.words import words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: How far up from the goods a seizure may stand: goods -> carrying -> ship -> seized.
STOP_REACH = 4
#: Links from goods up to what carries them ("a ship carrying grenades").
CARRYING_DEPS = frozenset({"dobj", "pobj", "acl", "relcl", "prep"})
PARTY_ROLES = frozenset({"giver", "recipient"})
#: Dependencies of things, whatever part of speech the tagger gave them.
NOMINAL_DEPS = frozenset({"dobj", "pobj", "nsubjpass", "conj", "appos"})
CONTAINERS = words()["containers"]
ROUTE_PREPS = words()["route_preps"]
MAKER_VERBS = words()["maker_verbs"]
HOLDER_WORDS = words()["holder_words"]
VALUE_WORDS = words()["value_words"]
MEASURES = words()["measures"]
GENERIC_GOODS = words()["generic_goods"]
PURPOSE_WORDS = words()["purpose_words"]


@dataclass(slots=True)
class Candidate:
    """A transfer as one sentence tells it, before merging retellings."""

    items: list[Item]
    item_tokens: frozenset[int]
    definite: bool
    evidence: Span
    giver: Mention | None = None
    recipient: Mention | None = None
    date: TransferDate | None = None
    origin: str | None = None
    destination: str | None = None
    route: list[RouteStop] = field(default_factory=list)
    certainty: str = "confirmed"
    outcome: str = "completed"
    attributed_to: list[str] = field(default_factory=list)
    position: int = 0
    rules: Rules = field(default_factory=lambda: Rules(Span("", 0, 0), ""))
    #: Indexes of items that refer back to goods of an earlier sentence ("the cargo").
    borrows: list[int] = field(default_factory=list)


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


class TransferExtractor:
    def __init__(self, lexicon: Lexicon, taxonomy: Taxonomy, resolver: PartyResolver) -> None:
        self.lexicon = lexicon
        self.taxonomy = taxonomy
        self.resolver = resolver
        self.modality = Modality(lexicon)

    def extract(self, sent: Doc, offset: int, context: DocumentContext) -> list[Candidate]:
        """Every transfer the sentence states; `offset` places it in the document."""
        evidence = Span(sent.text, offset, offset + len(sent.text))
        candidates: list[Candidate] = []
        lent: list[tuple[Mention | None, Mention | None]] = []
        for token in sent:
            roles, outcome, frame = self._roles(token)
            if roles is None or self._not_an_event(token, roles):
                continue
            candidate = self._candidate(token, roles, frame, evidence, offset, context)
            if candidate is None:
                # "horses ..., in what is described as Putin's present to Kim": the
                # goods-less trigger still names the parties of the sentence's transfer.
                lent.append(
                    (
                        self._party(roles.giver, offset, context)[0],
                        self._party(roles.recipient, offset, context)[0],
                    )
                )
                continue
            if outcome:
                candidate.outcome = outcome
                candidate.rules.cues.append(_cue(token, offset, f"outcome={outcome}"))
            _merge_into(candidates, candidate)
        for giver, recipient in lent:
            for candidate in candidates:
                if candidate.giver is None and candidate.recipient is None:
                    candidate.giver, candidate.recipient = giver, recipient
                    candidate.rules.roles.update(giver="lent-parties", recipient="lent-parties")
        return candidates

    # -- triggers and their frames ------------------------------------------------

    def _roles(self, token: Token) -> tuple[Roles | None, str | None, str]:
        """The roles a trigger's frame gives, the outcome the verb sets, and the frame id."""
        lemma = token.lemma_.lower()
        lex = self.lexicon
        if token.pos_ == "VERB":
            trigger = lex.verbs.get(lemma)
            particles = {c.lower_ for c in token.children if c.dep_ in {"prt", "advmod", "prep"}}
            particles |= {c.lower_ for c in token.children if c.dep_ == "dobj"}
            phrasal = lex.phrasal.get(lemma, {})
            for particle, frame in phrasal.items():
                if particle in particles:
                    return self._verb_roles(token, frame), None, frame.name
            if trigger is not None:
                if trigger.particle and trigger.particle not in particles:
                    return None, None, ""
                if trigger.requires_prep and particles.isdisjoint(trigger.requires_prep):
                    return None, None, ""
                return self._verb_roles(token, trigger.frame), trigger.outcome, trigger.frame.name
            if lemma in lex.seen_verbs and is_passive(token):
                return self._seen_roles(token), None, "seen"
        if token.pos_ == "NOUN" and lemma in lex.nouns:
            frame = lex.nouns[lemma].frame
            return self._noun_roles(token, frame), None, frame.name
        return None, None, ""

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
                if frame.object_party_with and not self._goods_heads(obj):
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
            if frame.dative and not self._goods_heads(obj):
                # "gave North Korean leader Kim Jong Un an Aurus limousine" is often
                # parsed with the goods in apposition to the person.
                for party in obj + dative:
                    goods = self._goods_heads([c for c in party.children if c.dep_ == "appos"])
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
        roles.add("items", self._goods_heads(goods_compounds), "noun-compound-goods")
        for child in noun.children:
            if child.dep_ == "poss" and frame.possessor:
                roles.add(frame.possessor, [child], "possessor")
        demonyms = [
            c
            for c in noun.children
            if c.dep_ == "amod" and self.resolver.gazetteer.demonym(c.text) is not None
        ]
        if frame.possessor and demonyms and not getattr(roles, frame.possessor):
            # "Chinese exports of crude oil": the nationality is the exporting state.
            roles.add(frame.possessor, demonyms[:1], "nationality-possessor")
        head = noun.head
        light = self.lexicon.light_verbs.get(head.lemma_.lower())
        if noun.dep_ in {"dobj", "attr"} and light:
            roles.add(light, subject(head), "light-verb-subject")
            # "took delivery in March of two machines from a manufacturer"
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
        elif noun.dep_ == "pobj" and head.lower_ == "with" and head.head.pos_ == "VERB":
            roles.add("recipient", subject(head.head), "returned-with")
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

    # -- building the candidate -----------------------------------------------------

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
        if trigger.lemma_.lower() in self.lexicon.seen_verbs:
            return ships
        frame = self.lexicon.verbs.get(trigger.lemma_.lower())
        if frame is None or frame.frame.subject != "items" or trigger.pos_ != "VERB":
            return False
        return ships

    def _valued_goods(self, head: Token) -> Token | None:
        """'$5 million of drones': a sum 'of' goods names the goods by their value."""
        if not _is_sum(head):
            return None
        of = next((p for p in preps(head) if p.lower_ == "of"), None)
        inner = objects(of)
        if inner and self.taxonomy.classify(goods_words(item_phrase(inner[0]))) is not None:
            return inner[0]
        return None

    def _goods_heads(self, heads: list[Token]) -> list[Token]:
        return [h for h in heads if self._goods_phrase(h) is not None]

    def _goods_phrase(self, head: Token) -> str | None:
        """The goods phrase a head token names, or None when it names no goods."""
        phrase = item_phrase(head)
        if _is_sum(head) and not self._valued_goods(head):
            return phrase.text  # "$300 million": a sum of money is money
        target = self._valued_goods(head) or head
        # "tonnes of coal", "thousands of containers of ammunition", or a
        # compound: "coal worth $370 million".
        while target.lemma_.lower() in CONTAINERS | PART_WORDS:
            # "components for ballistic missiles" are missile goods
            links = {"of", "for"} if target.lemma_.lower() in PART_WORDS else {"of"}
            of = next((p for p in preps(target) if p.lower_ in links), None)
            inner = objects(of) if of is not None else []
            inner = inner or [c for c in target.lefts if c.dep_ == "compound" and c.pos_ == "NOUN"]
            if not inner:
                break
            target = inner[0]
        # The tagger sometimes makes goods verbs ("selling luxury watches"); the
        # grammatical role still says they are things.
        if target.pos_ not in {"NOUN", "PROPN"} and target.dep_ not in NOMINAL_DEPS:
            return None
        match = self.taxonomy.classify(goods_words(phrase))
        if match is None:
            return None
        # A goods word that only modifies another noun names no goods
        # ("nuclear weapons programme").
        heads = {target.lemma_.lower(), target.lower_}
        if target.pos_ == "NOUN" and not any(map(self.taxonomy.is_goods_head, heads)):
            return None
        return phrase.text

    def _items(
        self, heads: list[Token], money_only: bool
    ) -> tuple[list[Item], set[int], list[int]]:
        """The goods items, the head tokens used, and which items refer back to goods named
        in an earlier sentence (the document pass gives them those goods' tags)."""
        items: list[Item] = []
        used: set[int] = set()
        covered: set[int] = set()
        borrowed: list[int] = []
        for head in map(self._measured, expand_list(heads)):
            if head.i in covered:
                continue
            text = self._goods_phrase(head)
            tags, hs, refers_back = self._goods_of(text, head)
            if not (tags or refers_back) or (tags and money_only and "money" not in tags):
                continue
            phrase = item_phrase(head)
            covered.update(range(phrase.start, phrase.end))
            used.add(head.i)
            text = text or phrase.text
            if refers_back:
                borrowed.append(len(items))
            items.append(Item(text, list(tags), list(hs), parse_quantity(text)))
        return items, used, borrowed

    def _goods_of(
        self, text: str | None, head: Token
    ) -> tuple[tuple[str, ...], tuple[str, ...], bool]:
        """Tags and HS headings of a goods phrase, and whether a vague word ("the cargo",
        "a further 300 tonnes") refers back to goods named in an earlier sentence."""
        lemma = head.lemma_.lower()
        if text is not None and _is_sum(head) and not self._valued_goods(head):
            return ("money",), (), False
        match = self.taxonomy.classify(goods_words(item_phrase(head))) if text else None
        vague = lemma in MEASURES and not any(p.lower_ == "of" for p in preps(head))
        vague = vague or (lemma in GENERIC_GOODS and is_definite(head))
        if vague:
            earlier = self._goods_earlier_in_sentence(head)
            if earlier:
                return earlier, (), False
        if match is None:
            return (), (), vague
        return match.tags, match.hs, vague

    def _goods_earlier_in_sentence(self, head: Token) -> tuple[str, ...]:
        for token in reversed(head.doc[: head.i]):
            if token.pos_ == "NOUN" and token.lemma_.lower() not in GENERIC_GOODS:
                match = self.taxonomy.classify(token.text)
                if match is not None and match.tags != ("other",):
                    return match.tags
        return ()

    def _candidate(
        self,
        trigger: Token,
        roles: Roles,
        frame: str,
        evidence: Span,
        offset: int,
        context: DocumentContext,
    ) -> Candidate | None:
        frame_money = self._money_only(frame)
        items, heads, borrows = self._items(roles.items, frame_money)
        implicit = not items and self._implicit_money(frame, roles)
        if implicit:
            # "funded the militia": the trigger itself names the money.
            items, heads = [Item(trigger.text, ["money"])], {trigger.i}
        # The tokens the goods phrases cover: two triggers sharing any are one transfer.
        covered = {t.i for i in heads for t in item_phrase(trigger.doc[i])}
        if not items:
            return None
        rules = Rules(
            Span(trigger.text, offset + trigger.idx, offset + trigger.idx + len(trigger)), frame
        )
        first_item = trigger.doc[min(heads)]
        items_pattern = "implicit-money" if implicit else _pattern_above(roles, "items", first_item)
        if items_pattern is not None:
            rules.roles["items"] = items_pattern
        giver, giver_token = self._party(roles.giver, offset, context)
        if giver_token is not None:
            rules.roles["giver"] = roles.pattern_of("giver", giver_token)
        if giver is None and not borrows:
            # "oil was delivered to North Korea from the Russian port of Vostochny"
            giver, _ = self._party(roles.origin, offset, context)
            if giver is not None:
                rules.roles["giver"] = "origin-as-giver"
        if giver is not None and roles.makers and giver.kind == "person" and giver.proper:
            giver.kind = "organization"  # makers are firms, whatever the tagger guessed
        recipient, recipient_token = self._party(roles.recipient, offset, context)
        if recipient_token is not None:
            rules.roles["recipient"] = roles.pattern_of("recipient", recipient_token)
        if giver and recipient and giver.key == recipient.key:
            return None
        # "shipments of coal ... via Dalian": the route may hang on the verb above.
        scope = list(trigger.subtree)
        if trigger.pos_ == "NOUN" and trigger.dep_ in {"dobj", "nsubj", "nsubjpass"}:
            scope += [c for c in trigger.head.children if c.dep_ == "prep"]
        stops = roles.route or [o for t in scope if t.lower_ in ROUTE_PREPS for o in objects(t)]
        route = [
            RouteStop(place_name(t), self._place_country(t))
            for t in expand_list(stops)
            if t.pos_ == "PROPN"
        ]
        origin = next((c for c in map(self._place_country, roles.origin) if c), None)
        destination = next((c for c in map(self._place_country, roles.destination) if c), None)
        certainty, certainty_cue = self.modality.certainty(trigger)
        outcome, outcome_cue = self.modality.outcome(trigger)
        stopper = self._goods_stopper(trigger, heads)
        if stopper is not None:
            outcome, outcome_cue = "prevented", stopper
        if certainty_cue is not None:
            rules.cues.append(_cue(certainty_cue, offset, f"certainty={certainty}"))
        if outcome_cue is not None:
            rules.cues.append(_cue(outcome_cue, offset, f"outcome={outcome}"))
        candidate = Candidate(
            items=items,
            item_tokens=frozenset(covered),
            definite=all(is_definite(trigger.doc[i]) for i in heads),
            evidence=evidence,
            giver=giver,
            recipient=recipient,
            # Parties' countries are settled per document later, and fill these then.
            origin=origin,
            destination=destination,
            route=route,
            certainty=certainty,
            outcome=outcome,
            attributed_to=self.modality.attribution(trigger),
            position=offset + trigger.idx,
            rules=rules,
            borrows=borrows,
        )
        candidate.date = self.modality.date(
            trigger, offset, context.published, outcome == "planned"
        )
        for mention in (giver, recipient):
            if mention is not None:
                mention.role = True
                context.add(mention)
        if giver is not None:
            giver.gave = True
        return candidate

    def _implicit_money(self, frame: str, roles: Roles) -> bool:
        """A money frame with no sum named still moves money between named parties."""
        known = self.lexicon.frames.get(frame)
        return bool(known and known.implicit_money and roles.recipient and not roles.items)

    def _money_only(self, frame: str) -> bool:
        known = self.lexicon.frames.get(frame)
        return bool(known and known.money_only)

    def _party(
        self, tokens: list[Token], offset: int, context: DocumentContext
    ) -> tuple[Mention | None, Token | None]:
        """The first of the role's tokens that names a party, and that token."""
        for token in tokens:
            holder = _holder(token)
            proper = holder.pos_ == "PROPN" or holder.dep_ == "poss"
            if proper or self._goods_phrase(holder) is None or is_vessel(holder):
                mention = self.resolver.resolve(holder, offset, context)
                if mention is not None:
                    return mention, token
        return None, None

    def _place_country(self, token: Token) -> str | None:
        gazetteer = self.resolver.gazetteer
        return gazetteer.country_code(noun_phrase(token).text) or gazetteer.country_code(token.text)

    # -- modality ---------------------------------------------------------------------

    def _measured(self, head: Token) -> Token:
        """'300 bottles of whisky': the goods phrase is headed by the measure
        (but 'shipments of coal' stays 'coal': the shipment is the trigger)."""
        of = head.head
        measure = of.head.lemma_.lower()
        is_measure = measure in CONTAINERS and measure not in self.lexicon.nouns
        if head.dep_ == "pobj" and of.lower_ == "of" and is_measure:
            return of.head
        return head

    def _goods_stopper(self, trigger: Token, heads: set[int]) -> Token | None:
        """The verb that stopped the goods or what carried them: 'Customs seized 300
        bottles of whisky bound for ...', 'intercepted a ship carrying 30,000 grenades'."""
        stops = self.lexicon.cues["prevented"]
        for i in heads:
            token = trigger.doc[i]
            for _ in range(STOP_REACH):
                governor = token.head
                if token.dep_ in {"dobj", "nsubjpass"} and governor.lemma_.lower() in stops:
                    return governor
                if governor.i == token.i or token.dep_ not in CARRYING_DEPS:
                    break
                token = governor
        return None


def _holder(token: Token) -> Token:
    """'a bank account controlled by a front company': the party is the controller."""
    if token.lemma_.lower() not in HOLDER_WORDS:
        return token
    for acl in (c for c in token.children if c.dep_ == "acl"):
        for agent in (c for c in acl.children if c.dep_ == "agent"):
            found = objects(agent)
            if found:
                return found[0]
    return token


def _merge_into(candidates: list[Candidate], new: Candidate) -> None:
    """Two triggers on the same goods in one sentence are one transfer."""
    for old in candidates:
        if old.item_tokens & new.item_tokens:
            old.giver = old.giver or new.giver
            old.recipient = old.recipient or new.recipient
            old.origin = old.origin or new.origin
            old.destination = old.destination or new.destination
            old.route = old.route or new.route
            old.date = old.date or new.date
            for role, pattern in new.rules.roles.items():
                old.rules.roles.setdefault(role, pattern)
            return
    candidates.append(new)


def _cue(token: Token, offset: int, sets: str) -> Cue:
    start = offset + token.idx
    return Cue(token.text, start, start + len(token), sets)


def _pattern_above(roles: Roles, role: str, token: Token) -> str | None:
    """The pattern that put this token, or the phrase it belongs to, in the role."""
    for candidate in [token, *token.ancestors]:
        if (role, candidate.i) in roles.patterns:
            return roles.patterns[(role, candidate.i)]
    return None


def _is_sum(token: Token) -> bool:
    return token.ent_type_ == "MONEY" and token.pos_ == "NUM"
