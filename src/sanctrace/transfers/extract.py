"""Assemble the transfers of one parsed sentence.

The components (`transfers.components`) have written each trigger and its
role fillers onto the Doc; here the fillers become goods (by the taxonomy)
and parties (by `parties.resolve`), and certainty, outcome, attribution and
date are read from the words that govern the trigger. Each candidate
carries its rules: the trigger, the frame and the pattern of each role.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sanctrace.goods.taxonomy import Taxonomy
from sanctrace.model import Cue, Item, RouteStop, Rules, Span, TransferDate
from sanctrace.nlp.dates import find_dates, resolve_date
from sanctrace.parties.resolve import (
    ORG_WORDS,
    STATE_DESCRIPTIONS,
    THING_PRONOUNS,
    TIME_ENTITIES,
    VESSEL_WORDS,
    DocumentContext,
    Mention,
    PartyResolver,
    noun_phrase,
)
from sanctrace.transfers.components import roles_of
from sanctrace.transfers.goods_phrases import GoodsReader
from sanctrace.transfers.grammar import (
    expand_list,
    is_definite,
    is_vessel,
    item_phrase,
    objects,
    owned,
    place_name,
    preps,
    present_simple,
    stated_aim,
)
from sanctrace.transfers.lexicon import Frame, Lexicon
from sanctrace.transfers.modality import Modality
from sanctrace.transfers.records import Field, Record
from sanctrace.transfers.roles import DOER_RELATIONS, Roles
from sanctrace.transfers.words import words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

#: How far up from the goods a seizure may stand: goods -> carrying -> ship -> seized.
STOP_REACH = 4
#: Links from goods up to what carries them ("a ship carrying grenades").
CARRYING_DEPS = frozenset({"dobj", "pobj", "acl", "relcl", "prep"})
ROUTE_PREPS = words()["route_preps"]
CONTAINERS = words()["containers"]
MAKER_VERBS = words()["maker_verbs"]
ORIGIN_WORDS = words()["origin_words"]
ORIGIN_SUFFIXES = words()["origin_suffixes"]
HOLDER_WORDS = words()["holder_words"]
PRINCIPAL_PREPS = words()["principal_preps"]
EVERY_PARTY_WORDS = words()["every_party_words"]
OFFICER_TITLES = words()["officer_titles"]
REPRESENTATIVES = words()["representatives"]
#: Tags of a noun that names one thing ("the firm").
SINGULAR_TAGS = frozenset({"NN", "NNP"})
NEW_INSTANCE = words()["new_instance_words"]
PARTITIVES = words()["partitives"]
ONWARD_VERBS = words()["onward_verbs"]
ONWARD_PARTICLES = words()["onward_particles"]
DESTINATION_NOUNS = words()["destination_nouns"]
ADDITIVE_WORDS = words()["additive_words"]
ROUTE_NOUNS = words()["route_nouns"]
SAME_WORDS = words()["same_words"]
GOODS_PRONOUNS = words()["goods_pronouns"]
#: The frame, and the role pattern, of a transfer told as a record of fields.
RECORD_FRAME, RECORD_PATTERN = "record", "record-field"
#: A word of a text read without its parse (a record's paragraph, a later telling).
WORD = re.compile(r"[A-Za-z]+")
#: The patterns that name who did a deed told before ("traced the theft to X").
BLAME_PATTERNS = frozenset(DOER_RELATIONS.values())
#: The patterns by which a purpose names the recipient ("to arm the rebels", "for Moscow's war").
PURPOSE_PATTERNS = frozenset({"purpose-recipient"})


#: How far a certainty hedges a transfer, for two triggers told of the same goods.
HEDGES = {"suspected": 1, "possible": 2}


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
    #: The goods go on from whoever last received them ("resold", "sold on").
    onward: bool = False
    #: "imported no weapons", "no coal imports": says none passed; only a denial of a
    #: transfer told before, never one of its own.
    none_passed: bool = False
    #: A verbless line naming a transfer and no party ("Sale of an elderly tanker."):
    #: a heading over the telling below it.
    heading: bool = False
    #: "Two of those shipments carried rifles": the giver is that of the deed told
    #: before under this noun ("shipment"), which the role names instead of a party.
    told_deed: str | None = None
    #: "shipped pianos along the same route": where the last such goods went, these go.
    same_route: bool = False


class TransferExtractor:
    """Assembles the transfers of one parsed sentence from the spans the components wrote."""

    def __init__(self, lexicon: Lexicon, taxonomy: Taxonomy, resolver: PartyResolver) -> None:
        self.lexicon = lexicon
        self.goods = GoodsReader(taxonomy, lexicon)
        self.resolver = resolver
        self.modality = Modality(lexicon)
        #: Forms of the words that say goods were stopped ("seized", "intercepted").
        self._stopping = lexicon.forms_of(lexicon.cues["prevented"])

    def extract(self, sent: Doc, offset: int, context: DocumentContext) -> list[Candidate]:
        """Every transfer the sentence states; `offset` places it in the document."""
        self.resolver.note(sent, offset, context)
        evidence = Span(sent.text, offset, offset + len(sent.text))
        candidates: list[Candidate] = []
        lent: list[tuple[Mention | None, Mention | None]] = []
        readings = list(roles_of(sent))
        # "loaded cars onto a truck bound for Iran": the truck carries, it is not goods.
        carriers = {t.i for *_, roles in readings for stop in roles.route for t in stop.subtree}
        for token, frame, outcome, roles in readings:
            candidate = self._candidate(token, roles, frame, outcome, evidence, offset, context)
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
            if candidate.item_tokens <= carriers:
                continue
            _merge_into(candidates, candidate, self.lexicon.frames)
        # "To pay for the parts, a bank lent the firm a $3 million loan": the
        # money a trigger names by itself is the sum another trigger of its giver names.
        candidates = [c for c in candidates if not _named_elsewhere(c, candidates)]
        stopped = [c for c in candidates if c.outcome == "prevented" and not self._seizure(c)]
        if stopped:
            # "intercepted containers carrying arms dispatched from X": the seizure is
            # already told as the transfer it stopped.
            candidates = [c for c in candidates if not self._seizure(c)]
        used = {m.key for c in candidates for m in (c.giver, c.recipient) if m is not None}
        for giver, recipient in lent:
            if {m.key for m in (giver, recipient) if m is not None} & used:
                continue  # parties another transfer of the sentence already has
            for candidate in candidates:
                if candidate.giver is None and candidate.recipient is None:
                    candidate.giver, candidate.recipient = giver, recipient
                    candidate.rules.roles.update(giver="lent-parties", recipient="lent-parties")
        return candidates

    def record(
        self, record: Record, values: dict[Field, Doc], context: DocumentContext
    ) -> Candidate | None:
        """The transfer a record of labelled fields tells, each field's value parsed
        alone (`values`); None when its goods field names no goods."""
        items: list[Item] = []
        for field_ in record.of("items"):
            found, _, _ = self.goods.items(_roots(values[field_]), money_only=False)
            items += found
        if not items:
            return None
        goods = record.of("items")[0]
        rules = Rules(goods.label, RECORD_FRAME)
        rules.roles["items"] = RECORD_PATTERN
        parties: dict[str, Mention | None] = {"giver": None, "recipient": None}
        for role in parties:
            for field_ in record.of(role)[:1]:
                parties[role], _ = self._party(_roots(values[field_]), field_.value.start, context)
            if parties[role] is not None:
                rules.roles[role] = RECORD_PATTERN
        giver, recipient = parties["giver"], parties["recipient"]
        paragraph = record.paragraph
        # "... seized the four containers": a stopping word anywhere in the record.
        stopped = first_word(paragraph.text, self._stopping)
        start, end = goods.label.start, goods.value.end
        evidence = Span(paragraph.text[start - paragraph.start : end - paragraph.start], start, end)
        candidate = Candidate(
            items=items,
            item_tokens=frozenset(),
            definite=False,
            evidence=evidence,
            giver=giver,
            recipient=recipient,
            outcome="prevented" if stopped is not None else "completed",
            position=goods.label.start,
            rules=rules,
        )
        if stopped is not None:
            at = paragraph.start + stopped.start()
            rules.cues.append(
                Cue(stopped.group(), at, at + len(stopped.group()), "outcome=prevented")
            )
        dated = record.of("date")[:1] or [None]
        dates = find_dates(dated[0].value.text if dated[0] else paragraph.text, context.published)
        if dates:
            candidate.date = TransferDate(dates[0][2].value, dates[0][2].text, "text")
        if giver is not None:
            giver.gave = True
        for mention in (giver, recipient):
            if mention is not None:
                mention.role = True
                context.add(mention)
        return candidate

    def _seizure(self, candidate: Candidate) -> bool:
        return self.lexicon.frames[candidate.rules.frame].needs_destination

    def _candidate(
        self,
        trigger: Token,
        roles: Roles,
        frame: str,
        trigger_outcome: str | None,
        evidence: Span,
        offset: int,
        context: DocumentContext,
    ) -> Candidate | None:
        """The transfer a trigger tells; `trigger_outcome` is the one its own word
        gives whatever the cues say ("ordered rifles": planned), if any."""
        spec = self.lexicon.frames[frame]
        items, heads, borrows = self.goods.items(roles.items, spec.money_only)
        implicit = not items and self._implicit_money(trigger, spec, roles)
        if implicit:
            # "funded the militia": the trigger itself names the money.
            items, heads = [Item(trigger.text, ["money"])], {trigger.i}
        spoken = self.lexicon.verbs.get(trigger.lemma_.lower()) if trigger.pos_ == "VERB" else None
        if borrows and spoken is not None and spoken.named_goods:
            return None  # "the tanker discharged its cargo": the load told before, retold
        blamed = not items and _blamed(trigger, roles)
        if blamed:
            # "investigators traced the theft to X": the goods of the deed told before.
            items, heads, borrows = [Item(trigger.text, [])], {trigger.i}, [0]
        # The tokens the goods phrases cover: two triggers sharing any are one transfer.
        covered = {t.i for i in heads for t in item_phrase(trigger.doc[i])}
        if not items:
            return None
        rules = Rules(_placed(trigger, offset), frame)
        first_item = trigger.doc[min(heads)]
        items_pattern = "implicit-money" if implicit else _pattern_above(roles, "items", first_item)
        if items_pattern is not None:
            rules.roles["items"] = items_pattern
        giver, giver_token = self._party(roles.giver, offset, context)
        if giver_token is not None:
            rules.roles["giver"] = roles.pattern_of("giver", giver_token)
        aim = stated_aim(trigger)
        if giver is None and aim is not None and not owned(aim):
            # "The goal is to provide aid, the official said": an aim of no one named is
            # its teller's.
            giver, _ = self._party(self.modality.speakers(trigger), offset, context)
            if giver is not None:
                rules.roles["giver"] = "aim-speaker"
        made = next(
            (m for i in sorted(heads) if (m := self._made_in(trigger.doc[i])) is not None), None
        )
        from_place = next((c for c in map(self._place_country, roles.origin) if c), None)
        # "DPRK-made radios dispatched from China": the port they left is on their way.
        passed = made is not None and made[1] and from_place not in {None, made[0]}
        if giver is None and not borrows and not passed:
            # "oil was delivered to North Korea from the Russian port of Vostochny"
            giver, _ = self._party(roles.origin, offset, context)
            if giver is not None:
                rules.roles["giver"] = "origin-as-giver"
        if giver is not None and roles.makers and giver.kind == "person" and giver.proper:
            giver.kind = "organization"  # makers are firms, whatever the tagger guessed
        recipient, recipient_token = self._party(roles.recipient, offset, context)
        if recipient_token is not None:
            rules.roles["recipient"] = roles.pattern_of("recipient", recipient_token)
        arrival = None
        if recipient is not None and recipient_token is not None and _arrival(recipient_token):
            # "bound for the Khasan crossing": where the goods go, not who gets them.
            arrival, recipient = recipient.country, None
            rules.roles["destination"] = rules.roles.pop("recipient")
        beneficiary = self._beneficiary(roles, recipient, rules, offset, context)
        if beneficiary is not None:
            if giver is None and spec.subject_beside_beneficiary == "giver":
                giver = recipient
                rules.roles["giver"] = rules.roles.pop("recipient")
            recipient = beneficiary
            rules.roles["recipient"] = "beneficiary"
        mutual = "reciprocal" in rules.roles.values()  # "lend to one another": both sides
        if giver and recipient and giver.key == recipient.key and not mutual:
            if rules.roles.get("recipient") not in PURPOSE_PATTERNS:
                return None
            # "sold oil to help its army": a purpose of the giver's own names no recipient.
            recipient = None
            del rules.roles["recipient"]
        if (
            giver is None
            and recipient is None
            and all(trigger.doc[i].pos_ == "PRON" for i in heads)
        ):
            return None  # "those who buy it": neither the goods nor a party is named
        # "shipments of coal ... via Dalian": the route may hang on the verb above.
        scope = list(trigger.subtree)
        if trigger.pos_ == "NOUN" and trigger.dep_ in {"dobj", "nsubj", "nsubjpass"}:
            scope += [c for c in trigger.head.children if c.dep_ == "prep"]
        stops = roles.route or [o for t in scope if t.lower_ in ROUTE_PREPS for o in objects(t)]
        if passed:
            stops = roles.origin[:1] + stops
            rules.roles["route"] = "made-elsewhere"
        route = [
            RouteStop(place_name(t), self._place_country(t))
            for t in expand_list(stops)
            if t.pos_ == "PROPN" and t.ent_type_ not in TIME_ENTITIES
        ]
        origin = from_place
        if made is not None:
            # Where goods were made is their origin, whatever port they left from.
            origin = made[0]
            rules.roles["origin"] = "goods-origin"
        carriers = [t for t in roles.giver if roles.pattern_of("giver", t) == "carrier-as-giver"]
        if giver is None and origin is None and carriers:
            # "a Russian aircraft carrying shells landed": no party, but its state's.
            flag = self._made_in(carriers[0])
            if flag is not None:
                origin = flag[0]
                rules.roles["origin"] = "carrier-state"
        destination = next((c for c in map(self._place_country, roles.destination) if c), arrival)
        # "the navy said a plane landed at its base": a site goes where its owner is.
        sites = (self.resolver.site_country(t, offset, context) for t in roles.destination)
        destination = destination or next((c for c in sites if c), None)
        if roles.route and not passed:
            rules.roles["route"] = roles.pattern_of("route", roles.route[0])
        certainty, certainty_cue = self.modality.certainty(trigger)
        outcome, outcome_cue = self.modality.outcome(trigger)
        stopper = self._goods_stopper(trigger, heads)
        if stopper is not None:
            outcome, outcome_cue = "prevented", stopper
        if certainty == "reported":
            confirmer = self._party_speaker(trigger, offset, context, giver, recipient)
            if confirmer is not None:
                # A party to the transfer telling it confirms it.
                certainty, certainty_cue = "confirmed", confirmer
        denier = self._party_denies(giver_token, recipient_token)
        if denier is not None and certainty != "denied":
            # "Iran, which denies the claim, sent drones to Russia, Kyiv says"
            certainty, certainty_cue = "denied", denier
        negation = self.modality.negation(trigger)
        none = _none_of(trigger, heads)
        negation = negation or none
        if negation is not None and certainty != "denied":
            # The text says it did not happen: shown, for the analyst, as denied.
            certainty, certainty_cue = "denied", negation
        condition = self.modality.conditional(trigger)
        if condition is not None:
            certainty, certainty_cue = "possible", condition
            outcome, outcome_cue = "planned", condition
        if trigger_outcome is not None:
            # (before the date, which reads a plan's bare month forward)
            outcome, outcome_cue = trigger_outcome, trigger
        if certainty_cue is not None:
            rules.cues.append(_cue(certainty_cue, offset, f"certainty={certainty}"))
        if outcome_cue is not None:
            rules.cues.append(_cue(outcome_cue, offset, f"outcome={outcome}"))
        candidate = Candidate(
            items=items,
            item_tokens=frozenset(covered),
            # "the car", or "the theft of $2 million": the goods or the event told before
            definite=all(_refers_back(trigger.doc[i]) for i in heads)
            or (trigger.pos_ == "NOUN" and _refers_back(trigger))
            or (giver is None and recipient is None and _adds_goods(trigger)),
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
            onward=spec.passes_on
            or _onward(trigger, frozenset(self.lexicon.phrasal.get(trigger.lemma_.lower(), {}))),
            position=offset + trigger.idx,
            rules=rules,
            borrows=borrows,
            # "China says it does not sell rifles to Iran": a habit denied answers a claim
            # told before, if any, and tells no transfer of its own.
            none_passed=none is not None or (negation is not None and present_simple(trigger)),
            heading=giver is None and recipient is None and _heading(trigger),
            told_deed=None if giver is not None else self._told_deed(roles.giver),
            same_route=any(_same_route(t) for t in trigger.subtree),
        )
        # Under a live blog's date heading, the heading is the day the entry tells of.
        heading = context.heading_before(offset)
        anchor = heading.value if heading is not None else context.published
        candidate.date = self.modality.date(trigger, offset, anchor, outcome == "planned")
        # "During the same year ...": the latest time told, even under a date heading.
        told = candidate.date is None and self.modality.refers_to_a_time_told(trigger.doc)
        earlier = context.date_before(offset) if told else None
        if earlier is not None:
            candidate.date = TransferDate(earlier.value, earlier.text, "text")
            rules.document.append("date-anaphoric")
        if candidate.date is None and heading is not None:
            # An entry's earlier sentences ("a parade on the second day") date the
            # story the entry tells better than the day it was posted under; its first
            # date is the story's, later ones may be asides ("a group listed in 2019").
            line = context.text.rfind("\n", 0, offset) + 1
            told_in_entry = resolve_date(context.text[line:offset], heading.value)
            if told_in_entry is not None:
                candidate.date = TransferDate(told_in_entry.value, told_in_entry.text, "text")
                rules.document.append("date-entry")
            else:
                candidate.date = TransferDate(heading.value, heading.text, "text")
                rules.document.append("date-heading")
        if blamed:
            candidate.date = None  # "said on Monday it had linked the heist": not its day
        if giver is not None:
            giver.gave = True
        for mention in (giver, recipient):
            if mention is not None:
                mention.role = True
                context.add(mention)  # its flags set first: the context indexes them
        return candidate

    def _implicit_money(self, trigger: Token, frame: Frame, roles: Roles) -> bool:
        """A money frame with no sum named still moves money: a verb to a named recipient
        ("funded the militia"), a noun from or to a named party ("loans from a bank"). An
        object that is neither goods nor a party ("lent out its skills") is what moved."""
        if not frame.implicit_money or roles.items:
            return False
        if any(c.dep_ == "dobj" and c not in roles.recipient for c in trigger.children):
            return False
        return bool(roles.recipient or (trigger.pos_ == "NOUN" and roles.giver))

    def _party(
        self, tokens: list[Token], offset: int, context: DocumentContext
    ) -> tuple[Mention | None, Token | None]:
        """The first of the role's tokens that names a party, and that token: a name
        before a description ("the Russian firm Avia" is Avia, not "the firm")."""
        for token in sorted(tokens, key=lambda t: t.pos_ != "PROPN"):
            holder = _holder(token)
            if holder.pos_ == "NOUN" and holder.lemma_.lower() in self.lexicon.nouns:
                continue  # "to finance the purchases": a deed is no party
            proper = holder.pos_ == "PROPN" or holder.dep_ == "poss"
            if proper or self.goods.phrase(holder) is None or is_vessel(holder):
                mention = self.resolver.resolve(holder, offset, context)
                if mention is not None:
                    return mention, token
        return None, None

    def _told_deed(self, tokens: list[Token]) -> str | None:
        """The noun of a deed told before that a role names ("those shipments", "two of
        the deliveries"), as its lemma; None when it names none."""
        for token in tokens:
            counted = token.pos_ == "NUM" or token.lemma_.lower() in PARTITIVES
            wholes = [o for p in token.children if p.lower_ == "of" for o in objects(p)]
            for noun in wholes if counted else [token]:
                if noun.lemma_.lower() in self.lexicon.nouns and is_definite(noun):
                    return noun.lemma_.lower()
        return None

    def _beneficiary(
        self,
        roles: Roles,
        buyer: Mention | None,
        rules: Rules,
        offset: int,
        context: DocumentContext,
    ) -> Mention | None:
        """The party named as the one goods are bought for, when it is not the buyer's
        own side: "bought two cars for the Syrian army" (not "for its army", nor "for
        use at home": a bare noun names a purpose)."""
        if buyer is not None and rules.roles.get("recipient") != "subject":
            return None
        found, token = self._party(roles.beneficiary, offset, context)
        if found is None or token is None:
            return None
        if not found.proper and not any(c.dep_ in {"det", "poss", "amod"} for c in token.children):
            return None
        if not (found.proper or found.country or found.kind != "unknown"):
            return None
        if buyer is not None and (buyer.key == found.key or buyer.country in {found.country}):
            return None
        return found

    def _party_denies(self, *parties: Token | None) -> Token | None:
        """The denial verb of a relative clause on a party of the transfer ("Iran,
        which denies the claim"), if any."""
        denials = self.lexicon.cues["denied"]
        for party in parties:
            for clause in party.children if party is not None else []:
                if clause.dep_ == "relcl" and clause.lemma_.lower() in denials:
                    return clause
        return None

    def _party_speaker(
        self,
        trigger: Token,
        offset: int,
        context: DocumentContext,
        giver: Mention | None,
        recipient: Mention | None,
    ) -> Token | None:
        """The speaker who is a party to the transfer, or speaks for one: a state's
        official telling of the state's transfer."""
        parties = [m for m in (giver, recipient) if m is not None]
        keys = {party.key for party in parties}
        for speaker in self.modality.speakers(trigger):
            if parties and _for_every_party(speaker):
                return speaker  # "officials in both countries said": each side confirms
            if is_definite(speaker) and _introduced_apart(speaker, offset, context, keys):
                continue  # "Acme, a research group, ... the group said": not a party
            if is_definite(speaker) and _describes(speaker, parties):
                return speaker  # "..., the company said" of the company's own sale
            # "the company's chief executive said", "officials of the ministry said"
            for principal in _principals(speaker) if _represents(speaker) else []:
                owner = self.resolver.resolve(principal, offset, context)
                if (owner is not None and owner.key in keys) or _describes_body(principal, parties):
                    return speaker
            bodies = [party for party in parties if party.kind == "organization"]
            if len(bodies) == 1 and _bare_officer(speaker):
                return speaker  # "Chief executive Ben Zhou says" of his firm's transfer
            said = self.resolver.resolve(speaker, offset, context)
            if said is None or (said.plural and not said.proper):
                continue  # "fighters told us they bought rifles": some of a group tell
            for party in parties:
                speaks_for = party.kind in {"state", "person"}
                official = said.kind == "person" and said.proper and speaks_for
                if said.key == party.key or (official and said.country == party.country):
                    return speaker
        return None

    def _made_in(self, head: Token) -> tuple[str, bool] | None:
        """The state goods were made in: 'DPRK-made radios', 'North Korean coal', 'drones
        manufactured in Iran', 'a launcher of North Korean make'; and whether the
        making is said in so many words (not by an adjective alone)."""
        gazetteer = self.resolver.gazetteer
        doc = head.doc
        before = doc[head.left_edge.i : head.i]
        for i in range(len(before)):
            for j in range(len(before), i, -1):
                words = before[i:j].text
                # "North Korean coal", "DPRK-made radios"; not "Soviet-era" or "-flagged".
                suffixes = _hyphen_suffixes(before[i:j])
                if any(t.lower_ not in ORIGIN_SUFFIXES for t in suffixes):
                    continue
                code = gazetteer.demonym(words) or gazetteer.country_code(words)
                if code:
                    return code, bool(suffixes)
        for child in head.children:
            if child.dep_ == "acl" and child.lemma_.lower() in MAKER_VERBS:
                places = [o for p in preps(child) if p.lower_ == "in" for o in objects(p)]
                found = next((c for c in map(self._place_country, places) if c), None)
                if found:
                    return found, True
            if child.dep_ == "prep" and child.lower_ == "of":
                for inner in objects(child):
                    # "a launcher of North Korean make"; "tonnes of North Korean coal"
                    named = inner.lemma_.lower() in ORIGIN_WORDS
                    if named or head.lemma_.lower() in CONTAINERS:
                        made = self._made_in(inner)
                        return made and (made[0], named or made[1])
        return None

    def _place_country(self, token: Token) -> str | None:
        gazetteer = self.resolver.gazetteer
        return gazetteer.country_code(noun_phrase(token).text) or gazetteer.country_code(token.text)

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


def _hyphen_suffixes(span: SpacySpan) -> list[Token]:
    """The words after the hyphens in or just after a span: "made" of "DPRK-made"."""
    doc = span.doc
    last = min(span.end, len(doc) - 2)
    return [doc[t.i + 1] for t in doc[span.start : last + 1] if t.text == "-"]


def _holder(token: Token) -> Token:
    """'a bank account controlled by a front company', 'the firm's accounts', 'the
    wallets of an exchange': the party is the one who holds them."""
    if token.lemma_.lower() not in HOLDER_WORDS:
        return token
    owners = [c for c in token.children if c.dep_ == "poss" and c.pos_ != "PRON"]
    owners += [
        o for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for o in objects(c)
    ]
    if owners:
        return owners[0]
    for acl in (c for c in token.children if c.dep_ == "acl"):
        for agent in (c for c in acl.children if c.dep_ == "agent"):
            found = objects(agent)
            if found:
                return found[0]
    return token


def first_word(text: str, forms: frozenset[str]) -> re.Match[str] | None:
    """The first word of the text that is one of `forms` (lower case)."""
    return next((m for m in WORD.finditer(text) if m.group().lower() in forms), None)


def _roots(value: Doc) -> list[Token]:
    """The head of a field's value and what is listed with it ("rifles and mortars")."""
    return expand_list([next(value.sents).root]) if len(value) else []


def _merge_into(candidates: list[Candidate], new: Candidate, frames: dict[str, Frame]) -> None:
    """Two triggers on the same goods in one sentence are one transfer."""
    for old in candidates:
        if _carried_on(old, new, frames):
            # "loaded ore at Rajin and sold it to a mill": the carrier only
            # carried it, so the goods go from where they were loaded to the buyer.
            old.recipient = new.recipient
            old.destination = new.destination or old.destination
            old.rules.roles.pop("recipient", None)
            if new.recipient is not None:
                old.rules.roles["recipient"] = "carried-on"
            return
        if (old.item_tokens & new.item_tokens or _one_payment(old, new)) and not _two_recipients(
            old, new
        ):
            # "a ship unloaded rice donated by Japan": the ship only carried it.
            if _carrier(old.giver) and new.giver is not None and not _carrier(new.giver):
                old.giver = None
                old.rules.roles.pop("giver", None)
            old.giver = old.giver or new.giver
            old.recipient = old.recipient or new.recipient
            old.origin = old.origin or new.origin
            old.destination = old.destination or new.destination
            old.route = old.route or new.route
            old.date = old.date or new.date
            for role, pattern in new.rules.roles.items():
                old.rules.roles.setdefault(role, pattern)
            if HEDGES.get(new.certainty, 0) > HEDGES.get(old.certainty, 0):
                # "the sale of yachts that investigators believe were bound for Kim": what
                # is only believed of part of the transfer leaves all of it suspected.
                _take_certainty(old, new)
            elif old.certainty == "reported" and _party_confirmed(new):
                # "Aid sent by a charity arrived, the charity said": the telling the
                # noun heard as a report is the charity's own about what it sent.
                _take_certainty(old, new)
            return
    candidates.append(new)


def _take_certainty(old: Candidate, new: Candidate) -> None:
    """`old` takes the certainty of `new`, told of the same goods, with the cue that set it."""
    old.certainty = new.certainty
    told = f"certainty={new.certainty}"
    old.rules.cues = [c for c in old.rules.cues if not c.sets.startswith("certainty=")] + [
        c for c in new.rules.cues if c.sets == told
    ]


def _carried_on(old: Candidate, new: Candidate, frames: dict[str, Frame]) -> bool:
    """Whether `new` passes on, by a pronoun ("delivered it"), the goods `old` loaded
    onto the carrier that gives them in `new`."""
    return (
        frames[old.rules.frame].loads_carrier
        and old.recipient is not None
        and new.giver is not None
        and (new.recipient is not None or new.destination is not None)
        and old.recipient.key == new.giver.key
        and all(item.text.lower() in GOODS_PRONOUNS for item in new.items)
    )


def _party_confirmed(candidate: Candidate) -> bool:
    """Whether a party's own telling made the candidate confirmed (its cue says so)."""
    return candidate.certainty == "confirmed" and any(
        c.sets == "certainty=confirmed" for c in candidate.rules.cues
    )


def _same_route(token: Token) -> bool:
    """'along the same route', 'by the usual channel': a way goods took before (also
    "the same Kobe-Dalian route", the parse putting the route in apposition)."""
    if token.lemma_.lower() not in ROUTE_NOUNS:
        return False
    words = [*token.children, *(token.head.children if token.dep_ == "appos" else [])]
    return any(c.lower_ in SAME_WORDS for c in words)


def _one_payment(old: Candidate, new: Candidate) -> bool:
    """'The payment came from a bank, which wired the funds to Acme': money from one
    giver told twice in a sentence, once without its recipient, is one payment."""
    money = all(tag == "money" for c in (old, new) for item in c.items for tag in item.tags)
    # (Money a trigger names by itself, "to finance it", is settled by `_named_elsewhere`.)
    money = money and "implicit-money" not in {c.rules.roles.get("items") for c in (old, new)}
    same_giver = old.giver is not None and new.giver is not None and old.giver.key == new.giver.key
    return money and same_giver and None in (old.recipient, new.recipient)


def _two_recipients(old: Candidate, new: Candidate) -> bool:
    """'Rifles that ended up with a militia were sold by Iran to Syria': the same goods
    reaching two parties are two transfers, one after the other."""
    if old.recipient is None or new.recipient is None:
        return False
    return old.recipient.key != new.recipient.key


def _named_elsewhere(candidate: Candidate, candidates: list[Candidate]) -> bool:
    """Money a trigger names by itself ("funded") that another of the sentence's
    transfers, from the same giver, names as a sum."""
    if candidate.rules.roles.get("items") != "implicit-money" or candidate.giver is None:
        return False
    return any(
        other is not candidate
        and other.rules.roles.get("items") != "implicit-money"
        and other.giver is not None
        and other.giver.key == candidate.giver.key
        and any("money" in item.tags for item in other.items)
        for other in candidates
    )


def _onward(trigger: Token, phrasal: frozenset[str]) -> bool:
    """'resold the cars', 'sold them on to Iran': the goods pass on (but the "on" of
    "took on coal", one of the verb's `phrasal` particles, makes the verb)."""
    return trigger.lemma_.lower() in ONWARD_VERBS or any(
        c.dep_ in {"prt", "advmod"} and c.lower_ in ONWARD_PARTICLES - phrasal
        for c in trigger.children
    )


def _blamed(trigger: Token, roles: Roles) -> bool:
    """'the theft' a party is blamed or charged for: a deed told before, now with its doer."""
    blamed = {
        roles.pattern_of(role, token)
        for role in ("giver", "recipient")
        for token in getattr(roles, role)
    } & BLAME_PATTERNS
    return trigger.pos_ == "NOUN" and _refers_back(trigger) and bool(blamed)


def _heading(trigger: Token) -> bool:
    """A noun trigger in a sentence with no verb: a heading or a title."""
    root = trigger.sent.root
    return trigger.pos_ == "NOUN" and root.pos_ not in {"VERB", "AUX"}


def _none_of(trigger: Token, heads: set[int]) -> Token | None:
    """'imported no weapons', 'no coal imports': the "no" that says none passed."""
    nouns = [trigger.doc[i] for i in sorted(heads)] + ([trigger] if trigger.pos_ == "NOUN" else [])
    return next(
        (
            c
            for noun in nouns
            for c in noun.children
            if c.dep_ == "det" and c.lower_ == "no" and not _bounds_amount(c)
        ),
        None,
    )


def _bounds_amount(no: Token) -> bool:
    """'no less than $5 million', 'no fewer than 40 rifles': a "no" before a comparative
    and "than" bounds the amount that passed; it denies nothing."""
    doc = no.doc
    if no.i + 2 >= len(doc):
        return False
    return doc[no.i + 1].tag_ in {"JJR", "RBR"} and doc[no.i + 2].lower_ == "than"


def _adds_goods(trigger: Token) -> bool:
    """'Grenades were also sent': more goods of a transfer told before."""
    return any(c.dep_ == "advmod" and c.lower_ in ADDITIVE_WORDS for c in trigger.children)


def _arrival(token: Token) -> bool:
    """A place goods arrive at ("the crossing", "an air base"), which receives nothing."""
    return _holder(token).lemma_.lower() in DESTINATION_NOUNS


def _refers_back(token: Token) -> bool:
    """'the cargo' and 'part of the cargo' were told of before; 'the latest cargo' is a
    new one."""
    if token.lemma_.lower() in PARTITIVES:
        wholes = [o for p in token.children if p.lower_ == "of" for o in objects(p)]
        return any(_refers_back(whole) for whole in wholes)
    return is_definite(token) and not any(c.lower_ in NEW_INSTANCE for c in token.children)


def _carrier(party: Mention | None) -> bool:
    return party is not None and party.kind == "vessel"


def _placed(token: Token, offset: int) -> Span:
    """The token as a span of the document, its sentence starting at `offset`."""
    start = offset + token.idx
    return Span(token.text, start, start + len(token))


def _bare_officer(speaker: Token) -> bool:
    """'Chief executive Ben Zhou', 'Zhou, the chief executive': a speaker titled as a
    firm's officer without naming the body (unlike "FBI Director Wray"), who speaks
    for the one firm of the transfer."""
    phrase = [t for t in speaker.subtree if t.i < speaker.i or t.dep_ == "appos"]
    titled = any(t.lemma_.lower() in OFFICER_TITLES for t in phrase)
    named = any(t.ent_type_ in {"ORG", "GPE", "NORP"} for t in phrase)
    return titled and not named and not _principals(speaker)


def _represents(speaker: Token) -> bool:
    """Whether the speaker holds an office by which it speaks for whom it belongs to: "the
    firm's spokesman", "officials of the ministry"; "analysts at Acme", "vendors at the
    market" speak for themselves."""
    return speaker.lemma_.lower() in OFFICER_TITLES | REPRESENTATIVES


def _principals(speaker: Token) -> list[Token]:
    """Whom a speaker speaks for: the owner in "the company's chief executive", the
    object in "officials of the ministry"."""
    return [c for c in speaker.children if c.dep_ == "poss"] + _speaks_for(speaker)


def _speaks_for(speaker: Token) -> list[Token]:
    """The objects of the speaker's prepositions of speaking for ("of", "for", "in")."""
    return [o for p in preps(speaker) if p.lower_ in PRINCIPAL_PREPS for o in objects(p)]


def _introduced_apart(
    speaker: Token, offset: int, context: DocumentContext, keys: set[str]
) -> bool:
    """Whether the text introduced, by the speaker's noun, a party that is not one of
    `keys` ("Acme, a monitoring group, ..." before "the group said")."""
    earlier = context.latest_described(offset + speaker.idx, speaker.lemma_.lower())
    return earlier is not None and earlier.key not in keys


def _describes(token: Token, parties: list[Mention]) -> bool:
    """'the company', 'its': a description or pronoun fitting a party of the transfer,
    which the document pass has not yet put in the context. A party the text only
    describes fits when it is described as a body ("the group" may be "a charity",
    "the firm" is not "traders in Cambodia")."""
    lemma = token.lemma_.lower()
    bodies_named = ORG_WORDS | VESSEL_WORDS | STATE_DESCRIPTIONS
    parties = [p for p in parties if p.proper or p.head in {None, lemma} | bodies_named]
    if token.tag_ in SINGULAR_TAGS:
        # "the firm" is one body, never "traders in Cambodia", a description of many.
        parties = [p for p in parties if p.proper or not p.plural]
    kinds = {party.kind for party in parties}
    # A named party of unknown kind ("Acme Trading") may be the firm a description means.
    bodies = {"organization", "vessel", "unknown"}
    if token.pos_ == "PRON":
        return token.lower_ in THING_PRONOUNS and bool(kinds & bodies)
    return (
        (lemma in ORG_WORDS and bool(kinds & {"organization", "unknown"}))
        or (lemma in VESSEL_WORDS and "vessel" in kinds)
        or (lemma in STATE_DESCRIPTIONS and "state" in kinds)
    )


def _describes_body(principal: Token, parties: list[Mention]) -> bool:
    """Whether a principal ("the company's chief executive", "its director") describes a
    body of the transfer. "The country's officials" are left to the resolver, which reads
    which state the text means; any state of the transfer would fit the description."""
    return principal.lemma_.lower() not in STATE_DESCRIPTIONS and _describes(principal, parties)


def _for_every_party(speaker: Token) -> bool:
    """'Officials in both countries': a speaker for each side of the transfer."""
    return any(
        c.lower_ in EVERY_PARTY_WORDS for place in _speaks_for(speaker) for c in place.children
    )


def _cue(token: Token, offset: int, sets: str) -> Cue:
    placed = _placed(token, offset)
    return Cue(placed.text, placed.start, placed.end, sets)


def _pattern_above(roles: Roles, role: str, token: Token) -> str | None:
    """The pattern that put this token, the phrase it belongs to, or (for goods packed
    in a container) the container it names, in the role."""
    for candidate in [token, *token.ancestors, *token.subtree]:
        if (role, candidate.i) in roles.patterns:
            return roles.patterns[(role, candidate.i)]
    return None


def _is_sum(token: Token) -> bool:
    return token.ent_type_ == "MONEY" and token.pos_ == "NUM"
