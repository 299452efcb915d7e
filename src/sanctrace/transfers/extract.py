"""Find transfers in one parsed sentence.

For every trigger (a verb such as "supplied", a noun such as "shipments",
a passive "was seen in"), the trigger's frame from the lexicon says which
grammatical dependents are the giver, the recipient and the goods. The
goods must be goods by the taxonomy; parties are resolved by
`parties.resolve`. Certainty, outcome, attribution and date come from the
words that govern the trigger.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sanctrace.goods.taxonomy import Taxonomy
from sanctrace.model import Item, RouteStop, Span, TransferDate
from sanctrace.nlp.dates import find_dates
from sanctrace.nlp.quantities import parse_quantity
from sanctrace.parties.resolve import DocumentContext, Mention, PartyResolver, noun_phrase
from sanctrace.transfers.lexicon import Frame, Lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

RELATIVE_PRONOUNS = frozenset({"that", "which", "who", "whom"})
#: Prepositions and verbs that add goods to a list ("X, along with Y", "weapons including Z").
LIST_LINKS = frozenset({"including", "include", "along", "with", "like", "such", "plus"})
#: Nouns that measure or contain goods: the goods are in their "of" phrase.
CONTAINERS = frozenset(
    {
        "pair", "dozen", "number", "batch", "set", "fleet", "cargo", "consignment", "load",
        "lot", "shipment", "tonne", "ton", "barrel", "worth", "amount", "quantity", "kind",
        "type", "sack", "container", "supply", "piece", "unit", "million", "thousand",
        "gift", "present", "total", "volume", "package", "crate", "box", "case", "hundred",
        "score", "tens", "bottle", "carton", "bale", "drum", "tank", "cask",
    }
)  # fmt: skip
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
GOODS_PREPS = frozenset({"of"})
ROUTE_PREPS = frozenset({"via", "through"})
#: Verbs whose object, not subject, does what their infinitive says.
OBJECT_CONTROL = frozenset({"use", "help", "allow"})
#: Reporting words a parser mistakes for the subject of a relative clause
#: ("a carrier that prosecutors allege was used ...").
GAP_WORDS = frozenset({"allege", "say", "claim", "believe", "suspect"})
#: Participles naming who made goods ("yachts built by X"): the maker is the seller.
MAKER_VERBS = frozenset({"build", "make", "manufacture", "produce"})
#: Participles naming where goods were headed ("intended for X", "bound for X").
DESTINED_VERBS = frozenset({"intend", "destine", "bind", "bound", "mean", "earmark"})
#: Verbs whose date is the date of the event they govern ("began in mid-2022").
ASPECT_VERBS = frozenset({"begin", "start", "continue", "resume", "happen", "occur", "end"})
#: Units that stand for goods named before ("a further 850 tonnes was sold").
MEASURES = frozenset({"tonne", "ton", "barrel", "kilogram", "kg", "container", "unit"})
#: Nouns that refer back to goods named before ("the equipment", "the cargo").
GENERIC_GOODS = frozenset(
    {"equipment", "cargo", "goods", "item", "consignment", "material", "materiel", "shipment"}
)
#: Words naming the rules themselves ("resolutions ban ...", "sanctions forbid ...").
INSTRUMENT_WORDS = frozenset(
    {"resolution", "sanction", "council", "law", "regulation", "rule", "embargo", "measure"}
)
#: Ships that merely sail are not goods changing hands.
CARRIERS = frozenset({"ship", "vessel", "tanker", "freighter", "carrier", "boat"})


@dataclass(slots=True)
class Candidate:
    """A transfer as one sentence tells it, before merging retellings."""

    items: list[Item]
    item_heads: frozenset[int]
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


@dataclass(slots=True)
class Roles:
    giver: list[Token] = field(default_factory=list)
    recipient: list[Token] = field(default_factory=list)
    items: list[Token] = field(default_factory=list)
    origin: list[Token] = field(default_factory=list)
    destination: list[Token] = field(default_factory=list)
    route: list[Token] = field(default_factory=list)
    makers: list[Token] = field(default_factory=list)  # "built by X": X is a firm

    def add(self, role: str, tokens: list[Token]) -> None:
        getattr(self, role).extend(tokens)


class TransferExtractor:
    def __init__(self, lexicon: Lexicon, taxonomy: Taxonomy, resolver: PartyResolver) -> None:
        self.lexicon = lexicon
        self.taxonomy = taxonomy
        self.resolver = resolver
        self._continued = False  # the last goods read were borrowed from an earlier sentence

    def extract(self, sent: Doc, offset: int, context: DocumentContext) -> list[Candidate]:
        """Every transfer the sentence states; `offset` places it in the document."""
        evidence = Span(sent.text, offset, offset + len(sent.text))
        candidates: list[Candidate] = []
        lent: list[tuple[Mention | None, Mention | None]] = []
        for token in sent:
            roles, outcome = self._roles(token)
            if roles is None or self._states_a_rule(token) or self._is_voyage(token, roles):
                continue
            candidate = self._candidate(token, roles, evidence, offset, context)
            if candidate is None:
                # "horses ..., in what is described as Putin's present to Kim": the
                # goods-less trigger still names the parties of the sentence's transfer.
                lent.append(
                    (
                        self._party(roles.giver, offset, context),
                        self._party(roles.recipient, offset, context),
                    )
                )
                continue
            if outcome:
                candidate.outcome = outcome
            _merge_into(candidates, candidate)
        for giver, recipient in lent:
            for candidate in candidates:
                if candidate.giver is None and candidate.recipient is None:
                    candidate.giver, candidate.recipient = giver, recipient
        return candidates

    # -- triggers and their frames ------------------------------------------------

    def _roles(self, token: Token) -> tuple[Roles | None, str | None]:
        lemma = token.lemma_.lower()
        lex = self.lexicon
        if token.pos_ == "VERB":
            trigger = lex.verbs.get(lemma)
            particles = {c.lower_ for c in token.children if c.dep_ in {"prt", "advmod", "prep"}}
            particles |= {c.lower_ for c in token.children if c.dep_ == "dobj"}
            phrasal = lex.phrasal.get(lemma, {})
            for particle, frame in phrasal.items():
                if particle in particles:
                    roles = self._verb_roles(token, frame)
                    for prep in _preps(token):
                        if prep.lower_ == particle:
                            roles.items.extend(_objects(prep))
                    return roles, None
            if trigger is not None:
                if trigger.particle and trigger.particle not in particles:
                    return None, None
                if trigger.requires_prep and particles.isdisjoint(trigger.requires_prep):
                    return None, None
                return self._verb_roles(token, trigger.frame), trigger.outcome
            if lemma in lex.seen_verbs and _is_passive(token):
                return self._seen_roles(token), None
        if token.pos_ == "NOUN" and lemma in lex.nouns:
            return self._noun_roles(token, lex.nouns[lemma].frame), None
        return None, None

    def _verb_roles(self, verb: Token, frame: Frame) -> Roles:
        roles = Roles()
        passive = _is_passive(verb)
        subject = _subject(verb)
        obj = [c for c in verb.children if c.dep_ in {"dobj", "attr"}]
        if obj and obj[0].lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            obj = [verb.head]
        dative = [c for c in verb.children if c.dep_ in {"dative", "iobj"}]
        if passive:
            agent = [p for c in verb.children if c.dep_ == "agent" for p in _objects(c)]
            if frame.subject:
                roles.add(frame.subject, agent)
            if obj and frame.dative:
                # "Kim was given a car by the Kremlin": the subject received, the object went.
                roles.add(frame.dative, subject)
                roles.add("items", obj)
            elif frame.object:
                roles.add(frame.object, subject)
        else:
            if frame.object and obj:
                if frame.object_party_with and not self._goods_heads(obj):
                    roles.add("recipient", obj)
                else:
                    roles.add(frame.object, obj)
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
                roles.add(frame.dative, dative)
            if frame.dative and not self._goods_heads(obj):
                # "gave North Korean leader Kim Jong Un an Aurus limousine" is often
                # parsed with the goods in apposition to the person.
                for party in obj + dative:
                    goods = self._goods_heads([c for c in party.children if c.dep_ == "appos"])
                    if goods:
                        roles.items.extend(goods)
                        roles.add(frame.dative, [party])
        for prep in _preps(verb):
            role = frame.preps.get(prep.lower_)
            if prep.lower_ == "with" and frame.object_party_with:
                role = frame.object_party_with
            if role:
                roles.add(role, _objects(prep))
        if not passive and frame.subject:
            role = frame.subject
            if frame.subject_without_destination and not (roles.recipient or roles.destination):
                role = frame.subject_without_destination
            roles.add(role, subject)
        self._goods_links(roles, frame)
        self._possessive_recipient(roles, frame)
        return roles

    def _noun_roles(self, noun: Token, frame: Frame) -> Roles:
        roles = Roles()
        for prep in _preps(noun):
            role = frame.preps.get(prep.lower_)
            if role:
                roles.add(role, _objects(prep))
        for link in noun.children:
            # "shipments of weapons including missiles ... to Moscow"
            if link.lower_ in LIST_LINKS and link.dep_ in {"prep", "acl"}:
                roles.items.extend(o for o in link.children if o.dep_ in {"pobj", "dobj"})
                for prep in _preps(link):
                    role = frame.preps.get(prep.lower_)
                    if role in {"giver", "recipient"} and not getattr(roles, role):
                        roles.add(role, _objects(prep))
        goods_compounds = [
            c
            for c in noun.children
            if c.dep_ in {"compound", "nmod", "amod"} and not _hyphenated(c)
        ]
        roles.items.extend(self._goods_heads(goods_compounds))
        for child in noun.children:
            if child.dep_ == "poss" and frame.possessor:
                roles.add(frame.possessor, [child])
        head = noun.head
        light = self.lexicon.light_verbs.get(head.lemma_.lower())
        if noun.dep_ in {"dobj", "attr"} and light:
            roles.add(light, _subject(head))
            # "took delivery in March of two machines from a manufacturer"
            for prep in _preps(head):
                role = frame.preps.get(prep.lower_)
                if role and not getattr(roles, role):
                    roles.add(role, _objects(prep))
            if not roles.items:
                roles.items.extend(
                    o
                    for t in head.subtree
                    if t.lower_ == "of" and t.dep_ == "prep"
                    for o in _objects(t)
                )
        elif noun.dep_ == "pobj" and head.lower_ == "with" and head.head.pos_ == "VERB":
            roles.add("recipient", _subject(head.head))
        self._goods_links(roles, frame)
        self._possessive_recipient(roles, frame)
        return roles

    def _goods_links(self, roles: Roles, frame: Frame) -> None:
        """Parties hung on the goods themselves: 'fuel to Nampo', 'yachts built by X',
        'sugar bound for North Korea'."""
        for item in _expand_list(roles.items):
            for prep in _preps(item):
                role = frame.preps.get(prep.lower_)
                if role in {"giver", "recipient"} and not getattr(roles, role):
                    roles.add(role, _objects(prep))
            for child in item.children:
                if child.dep_ not in {"acl", "relcl"}:
                    continue
                lemma = child.lemma_.lower()
                if lemma in MAKER_VERBS and not roles.giver:
                    makers = [o for p in child.children if p.dep_ == "agent" for o in _objects(p)]
                    roles.giver.extend(makers)
                    roles.makers.extend(makers)
                if lemma in DESTINED_VERBS and not roles.recipient:
                    roles.recipient.extend(
                        o for p in _preps(child) if p.lower_ == "for" for o in _objects(p)
                    )

    def _possessive_recipient(self, roles: Roles, frame: Frame) -> None:
        # "ammunition for Moscow's war": the possessor of the purpose is the recipient.
        for token in list(roles.recipient):
            if token.lemma_.lower() in {"war", "army", "military", "use", "programme", "program"}:
                roles.recipient.remove(token)
                roles.recipient.extend(c for c in token.children if c.dep_ == "poss")

    def _seen_roles(self, verb: Token) -> Roles:
        """Rule 1: a party newly seen with foreign goods must have imported them."""
        roles = Roles(recipient=_subject(verb))
        for token in verb.subtree:
            if token.dep_ == "pobj" and token.head.lower_ in self.lexicon.seen_preps:
                roles.items.append(token)
        return roles

    def _states_a_rule(self, trigger: Token) -> bool:
        """A trigger under 'ban', 'forbid', 'cap' ... describes a rule, not an event."""
        rules = self.lexicon.cues["rule_verbs"]
        if any(a.lemma_.lower() in rules or a.lower_ in rules for a in _governors(trigger)):
            return True
        # Parsers often miss "resolutions ... bar states from supplying": look at the words.
        before = trigger.doc[max(0, trigger.i - 6) : trigger.i]
        for token in before:
            if token.lower_ in rules or token.lemma_.lower() in rules:
                earlier = trigger.doc[: token.i]
                return any(t.lemma_.lower() in INSTRUMENT_WORDS for t in earlier)
        return False

    # -- building the candidate -----------------------------------------------------

    def _is_voyage(self, trigger: Token, roles: Roles) -> bool:
        frame = self.lexicon.verbs.get(trigger.lemma_.lower())
        if frame is None or frame.frame.subject != "items" or trigger.pos_ != "VERB":
            return False
        return any(t.lemma_.lower() in CARRIERS for t in roles.items)

    def _goods_heads(self, heads: list[Token]) -> list[Token]:
        return [h for h in heads if self._goods_phrase(h) is not None]

    def _goods_phrase(self, head: Token) -> str | None:
        """The goods phrase a head token names, or None when it names no goods."""
        phrase = _item_phrase(head)
        target = head
        if head.lemma_.lower() in CONTAINERS:
            of = next((p for p in _preps(head) if p.lower_ == "of"), None)
            inner = _objects(of) if of is not None else []
            if inner:
                target = inner[0]
        if target.pos_ not in {"NOUN", "PROPN"}:
            return None
        match = self.taxonomy.classify(phrase.text)
        if match is None:
            return None
        # A goods word that only modifies another noun names no goods
        # ("nuclear weapons programme").
        heads = {target.lemma_.lower(), target.lower_}
        if target.pos_ == "NOUN" and not any(map(self.taxonomy.is_goods_head, heads)):
            return None
        return phrase.text

    def _items(
        self, heads: list[Token], money_only: bool, context: DocumentContext
    ) -> tuple[list[Item], set[int]]:
        items: list[Item] = []
        used: set[int] = set()
        covered: set[int] = set()
        for head in map(self._measured, _expand_list(heads)):
            if head.i in covered:
                continue
            text = self._goods_phrase(head)
            tags, hs = self._goods_of(text, head, context)
            if not tags or (money_only and "money" not in tags):
                continue
            phrase = _item_phrase(head)
            covered.update(range(phrase.start, phrase.end))
            used.add(head.i)
            text = text or phrase.text
            items.append(Item(text, list(tags), list(hs), parse_quantity(text)))
        if items:
            specific = [i for i in items if i.tags != ["other"]]
            context.last_goods = tuple((specific or items)[-1].tags)
        return items, used

    def _goods_of(
        self, text: str | None, head: Token, context: DocumentContext
    ) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """Tags and HS headings of a goods phrase; vague words borrow the goods last named."""
        lemma = head.lemma_.lower()
        match = self.taxonomy.classify(text) if text else None
        vague = lemma in MEASURES and not any(p.lower_ == "of" for p in _preps(head))
        vague = vague or (lemma in GENERIC_GOODS and _is_definite(head))
        if vague:
            earlier = self._goods_earlier_in_sentence(head) or context.last_goods
            if earlier:
                self._continued = True
                return earlier, ()
        if match is None:
            return (), ()
        return match.tags, match.hs

    def _goods_earlier_in_sentence(self, head: Token) -> tuple[str, ...]:
        for token in reversed(head.doc[: head.i]):
            if token.pos_ == "NOUN" and token.lemma_.lower() not in GENERIC_GOODS:
                match = self.taxonomy.classify(token.text)
                if match is not None and match.tags != ("other",):
                    return match.tags
        return ()

    def _candidate(
        self, trigger: Token, roles: Roles, evidence: Span, offset: int, context: DocumentContext
    ) -> Candidate | None:
        frame_money = self._money_only(trigger)
        self._continued = False
        items, heads = self._items(roles.items, frame_money, context)
        if not items:
            return None
        giver = self._party(roles.giver, offset, context)
        if giver is None and self._continued:
            giver = context.last_giver
        if giver is not None and roles.makers and giver.kind == "person" and giver.proper:
            giver.kind = "organization"  # makers are firms, whatever the tagger guessed
        recipient = self._party(roles.recipient, offset, context)
        if giver and recipient and giver.key == recipient.key:
            return None
        # "shipments of coal ... via Dalian": the route may hang on the verb above.
        scope = list(trigger.subtree)
        if trigger.pos_ == "NOUN" and trigger.dep_ in {"dobj", "nsubj", "nsubjpass"}:
            scope += [c for c in trigger.head.children if c.dep_ == "prep"]
        stops = roles.route or [o for t in scope if t.lower_ in ROUTE_PREPS for o in _objects(t)]
        route = [
            RouteStop(_place_name(t), self._place_country(t))
            for t in _expand_list(stops)
            if t.pos_ == "PROPN"
        ]
        origin = next((c for c in map(self._place_country, roles.origin) if c), None)
        destination = next((c for c in map(self._place_country, roles.destination) if c), None)
        certainty = self._certainty(trigger)
        outcome = self._outcome(trigger)
        if self._goods_stopped(trigger, heads):
            outcome = "prevented"
        candidate = Candidate(
            items=items,
            item_heads=frozenset(heads),
            definite=all(_is_definite(trigger.doc[i]) for i in heads),
            evidence=evidence,
            giver=giver,
            recipient=recipient,
            origin=origin or (giver.country if giver else None),
            destination=destination or (recipient.country if recipient else None),
            route=route,
            certainty=certainty,
            outcome=outcome,
            attributed_to=self._attribution(trigger),
            position=offset + trigger.idx,
        )
        candidate.date = self._date(trigger, offset, context.published, outcome == "planned")
        for mention in (giver, recipient):
            if mention is not None:
                mention.role = True
                context.mentions.append(mention)
        if giver is not None:
            giver.gave = True
            context.last_giver = giver
        context.mentions.sort(key=lambda m: m.start)
        return candidate

    def _money_only(self, trigger: Token) -> bool:
        noun = self.lexicon.nouns.get(trigger.lemma_.lower())
        return bool(noun and trigger.pos_ == "NOUN" and noun.frame.money_only)

    def _party(self, tokens: list[Token], offset: int, context: DocumentContext) -> Mention | None:
        for token in tokens:
            proper = token.pos_ == "PROPN" or token.dep_ == "poss"
            if proper or self._goods_phrase(token) is None or _is_vessel(token):
                mention = self.resolver.resolve(token, offset, context)
                if mention is not None:
                    return mention
        return None

    def _place_country(self, token: Token) -> str | None:
        gazetteer = self.resolver.gazetteer
        return gazetteer.country_code(noun_phrase(token).text) or gazetteer.country_code(token.text)

    # -- modality ---------------------------------------------------------------------

    def _cue_words(self, trigger: Token) -> set[str]:
        """Lemmas that qualify the trigger: its own modifiers and those of its governors."""
        words = {trigger.lemma_.lower()}
        for token in [trigger, *_governors(trigger)]:
            words.add(token.lemma_.lower())
            for child in token.children:
                if child.dep_ in {"aux", "auxpass", "advmod", "neg", "amod", "acomp", "prep"}:
                    words.add(child.lemma_.lower())
                    words.add(child.lower_)
        return words

    def _certainty(self, trigger: Token) -> str:
        cues = self.lexicon.cues
        words = self._cue_words(trigger) - {trigger.lemma_.lower()}
        negated = any(c.dep_ == "neg" for g in _governors(trigger) for c in g.children)
        for kind in ("denied", "possible", "suspected", "confirmed", "reported"):
            if not words.isdisjoint(cues[kind]):
                if kind == "confirmed" and negated:
                    continue
                return kind
        return "confirmed"

    def _outcome(self, trigger: Token) -> str:
        cues = self.lexicon.cues
        head = trigger.head
        if head.pos_ == "ADP":
            head = head.head
        if (
            trigger.dep_ in {"dobj", "nsubjpass", "pobj"}
            and head.lemma_.lower() in cues["prevented"]
        ):
            return "prevented"
        aux = {c.lower_ for c in trigger.children if c.dep_ in {"aux", "auxpass"}}
        governors = [g.lemma_.lower() for g in _governors(trigger)[:2]]
        if not aux.isdisjoint(cues["planned"]) or any(g in cues["planned"] for g in governors):
            return "planned"
        before = trigger.doc[max(0, trigger.i - 6) : trigger.i].text.lower()
        if any(phrase in before for phrase in cues["planned_phrases"]):
            return "planned"
        return "completed"

    def _measured(self, head: Token) -> Token:
        """'300 bottles of whisky': the goods phrase is headed by the measure
        (but 'shipments of coal' stays 'coal': the shipment is the trigger)."""
        of = head.head
        measure = of.head.lemma_.lower()
        is_measure = measure in CONTAINERS and measure not in self.lexicon.nouns
        if head.dep_ == "pobj" and of.lower_ == "of" and is_measure:
            return of.head
        return head

    def _goods_stopped(self, trigger: Token, heads: set[int]) -> bool:
        """'Customs seized 300 bottles of whisky bound for ...': the goods were stopped."""
        stops = self.lexicon.cues["prevented"]
        for i in heads:
            head = trigger.doc[i]
            if head.dep_ in {"dobj", "nsubjpass"} and head.head.lemma_.lower() in stops:
                return True
        return False

    def _attribution(self, trigger: Token) -> list[str]:
        telling = self.lexicon.cues["telling_verbs"] | {"report", "according"}
        sources: list[str] = []
        for token in trigger.doc:
            if token.lower_ == "according":
                for prep in token.children:
                    sources.extend(_source_name(o) for o in _objects(prep))
        for governor in _governors(trigger):
            if governor.lemma_.lower() not in telling:
                continue
            speakers = [c for c in governor.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
            sources.extend(_source_name(s) for s in speakers)
            for child in governor.children:
                if child.dep_ == "agent":
                    sources.extend(_source_name(o) for o in _objects(child))
        return list(dict.fromkeys(s for s in sources if s))

    def _date(
        self, trigger: Token, offset: int, published: str | None, future: bool
    ) -> TransferDate | None:
        sent = trigger.doc
        found = find_dates(sent.text, published, future=future)
        if not found:
            return None
        subtree = list(trigger.subtree)
        lo, hi = subtree[0].idx, subtree[-1].idx + len(subtree[-1])
        inside = [d for d in found if lo <= d[0] and d[1] <= hi]
        chosen = inside[0] if inside else None
        if chosen is None:
            # "shipments ... that began in mid-2022": dates of the event's course count.
            for start, end, resolution in found:
                token = sent.char_span(start, end, alignment_mode="expand")
                verb = _governing_verb(token.root) if token is not None else None
                if verb is not None and verb.lemma_.lower() in ASPECT_VERBS:
                    chosen = (start, end, resolution)
                    break
        if chosen is None:
            return None
        return TransferDate(chosen[2].value, chosen[2].text, "text")


def _merge_into(candidates: list[Candidate], new: Candidate) -> None:
    """Two triggers on the same goods in one sentence are one transfer."""
    for old in candidates:
        if old.item_heads & new.item_heads:
            old.giver = old.giver or new.giver
            old.recipient = old.recipient or new.recipient
            old.origin = old.origin or new.origin
            old.destination = old.destination or new.destination
            old.route = old.route or new.route
            old.date = old.date or new.date
            return
    candidates.append(new)


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children) or _is_participle(verb)


def _is_participle(verb: Token) -> bool:
    """'a limousine sent by Putin': a past participle modifying its goods."""
    own = {c.dep_ for c in verb.children}
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and not own & {"nsubj", "aux"}


def _subject(verb: Token) -> list[Token]:
    """The verb's subject, looking through relative clauses, participles and control."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    # "The tanker Yuk Tung delivered ...", parsed with two subjects: the name first.
    for child in sorted(subjects, key=lambda c: c.pos_ != "PROPN"):
        if child.dep_ in SUBJECT_DEPS:
            if child.lower_ in RELATIVE_PRONOUNS or child.lemma_.lower() in GAP_WORDS:
                clause = _enclosing_relative_clause(verb)
                if clause is not None:
                    return [clause.head]
                nouns = [t for t in verb.doc[: child.i] if t.pos_ in {"NOUN", "PROPN"}]
                return nouns[::-1][:3]
            return [child]
    if verb.dep_ == "relcl" or _is_participle(verb):
        return [verb.head]
    if verb.dep_ == "ccomp" and verb.head.dep_ == "relcl":
        # "a tanker that officials say passed fuel": the gap is the relative's head.
        return [verb.head.head]
    if verb.dep_ == "pcomp":
        governor = _governing_verb(verb)
        return _subject(governor) if governor is not None else []
    if verb.dep_ in {"xcomp", "conj", "advcl", "ccomp"} and verb.head.pos_ in {"VERB", "AUX"}:
        objects = [c for c in verb.head.children if c.dep_ == "dobj"]
        if verb.dep_ == "xcomp" and objects and verb.head.lemma_.lower() in OBJECT_CONTROL:
            return objects  # "used the ship to deliver fuel": the ship delivers
        return _subject(verb.head)
    if verb.dep_ in {"acl", "xcomp"} and verb.head.pos_ in {"NOUN", "PROPN"}:
        return [c for c in verb.head.children if c.dep_ == "poss"]
    return []


def _enclosing_relative_clause(token: Token) -> Token | None:
    while token.head.i != token.i:
        if token.dep_ == "relcl":
            return token
        token = token.head
    return None


def _preps(token: Token) -> list[Token]:
    preps = [c for c in token.children if c.dep_ in {"prep", "agent", "dative"} and c.pos_ == "ADP"]
    # "along with": the real preposition hangs under the first.
    for prep in list(preps):
        preps.extend(c for c in prep.children if c.dep_ == "prep")
    return preps


def _objects(prep: Token | None) -> list[Token]:
    if prep is None:
        return []
    objects = [c for c in prep.children if c.dep_ in {"pobj", "pcomp"}]
    return _expand_conj(objects)


def _expand_conj(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    for token in tokens:
        out.append(token)
        out.extend(c for c in token.conjuncts if c not in out)
    return out


def _expand_list(heads: list[Token]) -> list[Token]:
    """The heads plus everything listed with them: conjuncts, 'including', 'along with'."""
    out: list[Token] = []
    queue = list(heads)
    while queue:
        token = queue.pop(0)
        if token in out:
            continue
        out.append(token)
        queue.extend(token.conjuncts)
        for child in token.children:
            if child.lower_ in LIST_LINKS and child.dep_ in {"prep", "acl"}:
                for grand in child.children:
                    if grand.dep_ in {"pobj", "dobj"}:
                        queue.append(grand)
                    elif grand.dep_ == "prep":
                        queue.extend(_objects(grand))
    return out


def _item_phrase(head: Token) -> SpacySpan:
    """Goods are named by their noun and "of" phrases ("tonnes of coal"), not "in 2022"."""
    return noun_phrase(head, GOODS_PREPS)


def _place_name(token: Token) -> str:
    """A place's name as written, with its compound parts ("South Korea")."""
    parts = [c for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    start = parts[0].i if parts else token.i
    return token.doc[start : token.i + 1].text


def _hyphenated(token: Token) -> bool:
    doc = token.doc
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    before = doc[token.i - 1] if token.i > 0 else None
    return any(t is not None and t.text in {"-", "–"} for t in (after, before))


def _is_definite(token: Token) -> bool:
    return any(c.lower_ in {"the", "this", "these", "those"} for c in token.children)


def _is_vessel(token: Token) -> bool:
    return token.lemma_.lower() in {"ship", "tanker", "vessel", "freighter", "carrier", "boat"}


def _governors(token: Token) -> list[Token]:
    """The chain of heads above a token, up to the sentence root."""
    chain = []
    while token.head.i != token.i:
        token = token.head
        chain.append(token)
    return chain


def _governing_verb(token: Token) -> Token | None:
    while token.head.i != token.i:
        token = token.head
        if token.pos_ in {"VERB", "AUX"}:
            return token
    return token if token.pos_ in {"VERB", "AUX"} else None


def _source_name(token: Token) -> str:
    phrase = noun_phrase(token)
    ents = [e for e in phrase.ents if e.label_ in {"ORG", "PERSON", "NORP", "GPE"}]
    if ents and ents[-1].root == token:
        return ents[-1].text
    words = phrase.text.split()
    if words and words[0].lower() in {"the", "a", "an"}:
        words = words[1:]
    return " ".join(words)
