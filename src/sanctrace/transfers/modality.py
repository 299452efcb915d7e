"""How the text tells a transfer: certainty, outcome, attribution, date, rule.

The words that govern a trigger say whether the writer states it, reports
someone's claim, suspects or denies it; whether it happened, was planned or
was stopped; who said so; when; and whether the sentence only states a rule
("resolutions ban the sale of ..."). The cue words are data in the lexicon.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import TYPE_CHECKING

from sanctrace.model import TransferDate
from sanctrace.nlp.dates import find_dates, listed_across_years
from sanctrace.parties.resolve import DETERMINERS, noun_phrase
from sanctrace.transfers.grammar import (
    governing_verb,
    governors,
    objects,
    preps,
    present_simple,
    stated_aim,
)
from sanctrace.transfers.lexicon import Lexicon
from sanctrace.transfers.words import words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

ASPECT_VERBS = words()["aspect_verbs"]
INSTRUMENT_WORDS = words()["instrument_words"]
RELATIVE_PRONOUNS = words()["relative_pronouns"]
#: Verbs of telling whose clause the parse may leave gapped ("a ship they allege sank").
GAP_WORDS = words()["gap_words"]


class Modality:
    """Reads the cues around a trigger, with the lexicon's cue lists."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        phrases = sorted(lexicon.cues["anaphoric_times"], key=len, reverse=True)
        self._time_told = re.compile(r"\b(?:" + "|".join(map(re.escape, phrases)) + r")\b")

    def _cue_words(self, trigger: Token) -> dict[str, Token]:
        """Words that qualify the trigger (its own modifiers and those of its governors),
        by lemma and by form, each with the first token that says it."""
        words: dict[str, Token] = {}
        for token in [trigger, *governors(trigger)]:
            words.setdefault(token.lemma_.lower(), token)
            for child in token.children:
                if child.dep_ in {"aux", "auxpass", "advmod", "neg", "amod", "acomp", "prep"}:
                    words.setdefault(child.lemma_.lower(), child)
                    words.setdefault(child.lower_, child)
            for beside in _attributions_beside(token):
                words.setdefault(beside.lemma_.lower(), beside)
        return words

    def certainty(self, trigger: Token) -> tuple[str, Token | None]:
        """How sure the text is, and the cue word that says so (None: stated plainly)."""
        cues = self.lexicon.cues
        words = self._cue_words(trigger)
        words.pop(trigger.lemma_.lower(), None)
        negated = any(c.dep_ == "neg" for g in governors(trigger) for c in g.children)
        for aside in self._asides(trigger):
            words.setdefault(aside.lemma_.lower(), aside)  # "..., the paper said."
        for teller in _told_before_colon(trigger):
            words.setdefault(teller.lemma_.lower(), teller)  # "The panel notes: ..."
        knower = next(
            (g for g in governors(trigger) if g.lemma_.lower() in cues["knowledge"]), None
        )
        chain = [trigger, *governors(trigger)]
        seeming = next(
            (
                t.head
                for t in chain
                if t.dep_ == "xcomp" and t.head.lemma_.lower() in cues["seeming"]
            ),
            None,
        )
        for kind in ("denied", "possible", "suspected", "confirmed", "reported"):
            found = next((tok for w, tok in words.items() if w in cues[kind]), None)
            if kind == "suspected" and found is None:
                found = seeming  # "Acme appears to have shipped lathes"
            if found is not None:
                if kind == "confirmed" and negated:
                    continue
                if kind == "denied" and knower is not None and _above(found, knower):
                    continue  # "denied knowing the ore was Korean": not the sale
                if kind == "reported" and self._accuses(found):
                    return "suspected", found
                if kind == "reported" and self._found_out(found):
                    continue  # "the investigation revealed that ...": a finding, stated
                return kind, found
        return "confirmed", None

    def _accuses(self, telling: Token) -> bool:
        """Whether who tells it brings the charge: 'prosecutors say', 'a tanker they say
        delivered fuel' after prosecutors acted, 'according to prosecutors'."""
        tellers = [c for c in telling.children if c.dep_ == "nsubj"]
        tellers += [o for p in telling.children if p.lower_ == "to" for o in objects(p)]
        root = telling.sent.root
        if any(t.pos_ == "PRON" for t in tellers) and root != telling:
            tellers += [c for c in root.children if c.dep_ == "nsubj"]
        return any(t.lemma_.lower() in self.lexicon.cues["accusers"] for t in tellers)

    def _found_out(self, telling: Token) -> bool:
        """Whether what tells it is an inquiry or a record, not a person: "the
        investigation revealed", "customs records disclose" state what was found."""
        tellers = [c for c in telling.children if c.dep_ == "nsubj"]
        return any(t.lemma_.lower() in self.lexicon.cues["findings"] for t in tellers)

    def outcome(self, trigger: Token) -> tuple[str, Token | None]:
        """Whether the transfer happened, was planned or was stopped, and the cue word."""
        cues = self.lexicon.cues
        head = trigger.head
        if head.pos_ == "ADP":
            head = head.head
        if (
            trigger.dep_ in {"dobj", "nsubjpass", "pobj"}
            and head.lemma_.lower() in cues["prevented"]
        ):
            return "prevented", head
        aux = [c for c in trigger.children if c.dep_ in {"aux", "auxpass"}]
        planned_aux = next((c for c in aux if c.lower_ in cues["planned"]), None)
        if planned_aux is not None:
            return "planned", planned_aux
        aim = stated_aim(trigger)
        if aim is not None:
            return "planned", aim  # "the goal is to send tanks": sending is the goal
        # "sought a ship to carry the trucks": the infinitive's noun and its preposition
        # stand between the trigger and the planning verb.
        infinitive = trigger.dep_ in {"acl", "relcl"} and any(
            c.lower_ == "to" for c in trigger.children
        )
        reach = 4 if infinitive else 2
        # "ordered valves and paid a deposit": a verb the trigger is listed with does
        # not govern it (the payment was made; only the valves are on order).
        chain = [trigger, *governors(trigger)]
        above = [g for below, g in pairwise(chain) if below.dep_ != "conj"]
        planner = next((g for g in above[:reach] if g.lemma_.lower() in cues["planned"]), None)
        if planner is not None:
            return "planned", planner
        window = trigger.doc[max(0, trigger.i - 6) : trigger.i]
        before = window.text.lower()
        if any(phrase in before for phrase in cues["planned_phrases"]):
            return "planned", window[0] if len(window) else trigger
        return "completed", None

    def attribution(self, trigger: Token) -> list[str]:
        """Who the text says told of the transfer, by name."""
        sources = (_source_name(s) for s in self.speakers(trigger))
        return list(dict.fromkeys(s for s in sources if s))

    def speakers(self, trigger: Token) -> list[Token]:
        """The heads of who told of the transfer: 'according to X', 'X said', 'reported by
        X', and a parenthetical 'the paper said'."""
        telling = self.lexicon.cues["telling_verbs"]
        found: list[Token] = []
        for token in trigger.doc:
            if token.lower_ == "according":
                for prep in token.children:
                    found.extend(objects(prep))
        tellers = [g for g in governors(trigger) if g.lemma_.lower() in telling]
        tellers += [c for c in self._asides(trigger) if c.lemma_.lower() in telling]
        for teller in tellers:
            subjects = [c for c in teller.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
            # "Kazakhstan, the paper said, imported": of an aside's two subjects, the
            # teller's is the nearer; the other is the trigger's.
            found.extend(sorted(subjects, key=lambda c: abs(c.i - teller.i))[:1])
            for child in teller.children:
                if child.dep_ == "agent":
                    found.extend(objects(child))
        return found

    def _asides(self, trigger: Token) -> list[Token]:
        """Clauses set beside the trigger's clause that may tell it: a parenthetical ("...,
        the paper said.") and a trailing telling parsed as an adverbial clause ("..., the
        broadcaster reported in April")."""
        telling = self.lexicon.cues["telling_verbs"]
        clause = [trigger, *governors(trigger)]
        return [
            c
            for t in clause
            for c in t.children
            if c.dep_ == "parataxis"
            or (c.dep_ == "advcl" and c.i > trigger.i and c.lemma_.lower() in telling)
        ]

    def date(
        self, trigger: Token, offset: int, published: str | None, future: bool
    ) -> TransferDate | None:
        sent = trigger.doc
        opens = self.lexicon.cues["period_starts"]
        found = find_dates(sent.text, published)
        if future:
            # A plan's bare month lies ahead, unless its own verb is in the past: "due to
            # ship in July" (ahead), "in May the army ordered trucks" (behind).
            ahead = find_dates(sent.text, published, future=True)
            found = [
                forward if not _told_as_past(sent, forward) else backward
                for forward, backward in zip(ahead, found, strict=True)
            ]
        else:
            # "sold wheat for delivery in March": a bare purpose's month lies ahead.
            ahead = find_dates(sent.text, published, future=True)
            purposes = self.lexicon.cues["purpose_preps"]
            found = [
                forward if _for_a_purpose(sent, forward, purposes) else backward
                for forward, backward in zip(ahead, found, strict=True)
            ]
        found = [
            date
            for date in found
            if date[2].text.split(" ", 1)[0].lower() not in opens
            and not _opens_a_period(sent, date, opens)
        ]
        if not found:
            return None
        subtree = list(trigger.subtree)
        lo, hi = subtree[0].idx, subtree[-1].idx + len(subtree[-1])
        # "X gave Y a car, state media reported on Monday": the telling's date is not the event's.
        telling = self.lexicon.cues["telling_verbs"]
        told = {
            t.idx
            for teller in subtree
            if teller.lemma_.lower() in telling and teller.i != trigger.i
            for t in teller.subtree
        }
        # "far above the ceiling the Council set in 2017": a relative clause on another
        # noun keeps its own time ("shipments that left in May" are the trigger's).
        told |= {
            t.idx
            for clause in subtree
            if clause.dep_ == "relcl" and trigger.i not in {clause.i, clause.head.i}
            for t in clause.subtree
        }
        # "sold lathes to Orsk Tekh, a firm listed in 2022": an apposition describes its
        # noun, and its dates are the description's.
        told |= {
            t.idx
            for aside in subtree
            if aside.dep_ == "appos"
            and aside.left_edge.i > 0
            and sent[aside.left_edge.i - 1].text == ","  # set off by a comma
            and "DATE" not in {aside.ent_type_, aside.head.ent_type_}  # "in May, last year"
            and not aside.is_ancestor(trigger)
            and aside is not trigger
            for t in aside.subtree
        }
        inside = [d for d in found if lo <= d[0] and d[1] <= hi and d[0] not in told]
        chosen = inside[0] if inside else None
        if chosen is None and trigger.dep_ == "relcl" and trigger.head.ent_type_ == "DATE":
            # "in April, when a Greek owner sold it": the clause tells of that time.
            at = trigger.head.idx
            chosen = next((d for d in found if d[0] <= at < d[1]), None)
        # A noun trigger or a participle on the goods takes the dates of the verb above.
        host = governing_verb(trigger) if trigger.pos_ == "NOUN" or trigger.dep_ == "acl" else None
        while host is not None and host.dep_ == "acl":
            # "seized containers carrying rifles shipped from X": past every participle on
            # the goods, the verb that acts on them.
            host = governing_verb(host)
        hosts = [host] if host is not None else _clause_hosts(trigger, telling)
        if chosen is None:
            # "shipments ... that began in mid-2022": dates of the event's course count;
            # "a shipment of rifles was seized in 2012", "in 2011 customs stopped radios
            # consigned to X": so do the modifiers of the verb above.
            for start, end, resolution in found:
                token = sent.char_span(start, end, alignment_mode="expand")
                verb = governing_verb(token.root) if token is not None else None
                aspect = verb is not None and verb.lemma_.lower() in ASPECT_VERBS
                if aspect or (verb in hosts and _modifies(token.root, verb)):
                    chosen = (start, end, resolution)
                    break
        if chosen is None or listed_across_years(sent.text, found, found.index(chosen)):
            return None
        return TransferDate(chosen[2].value, chosen[2].text, "text")

    def refers_to_a_time_told(self, sent: Doc) -> bool:
        """'On that visit he received a rifle': the sentence places its events at a
        time the text gave before."""
        return self._time_told.search(sent.text.lower()) is not None

    def states_a_trend(self, trigger: Token) -> bool:
        """'Coal exports have fallen since 2017', 'oil exports reached 2 million barrels a
        day': a trade statistic, not a transfer."""
        if trigger.pos_ != "NOUN" or trigger.dep_ not in {"nsubj", "nsubjpass"}:
            return False
        verb = trigger.head
        stated = [t for c in verb.children if c.dep_ in {"dobj", "attr"} for t in c.subtree]
        return verb.lemma_.lower() in self.lexicon.cues["trend_verbs"] or self._rate_in(stated)

    def tells_a_habit(self, trigger: Token) -> bool:
        """'Acme sold the cars to Rungra, which supplies cars to officials': a relative
        clause in the simple present on a name says what the party does, not what it
        did (on goods it may tell a trade: "pollock that comes in from the North");
        'the workshops have exported carpets for generations' tells a habit."""
        negated = any(c.dep_ == "neg" for c in trigger.children)
        present = present_simple(trigger) and not negated
        if trigger.dep_ == "relcl" and trigger.head.pos_ == "PROPN" and present:
            return True
        aux = [c for c in trigger.children if c.dep_ in {"aux", "auxpass"}]
        perfect = any(a.lemma_ == "have" and a.tag_ in {"VBZ", "VBP"} for a in aux)
        spans = [o for p in preps(trigger) if p.lower_ == "for" for o in objects(p)]
        ages = self.lexicon.cues["ages"]
        return perfect and any(o.tag_ == "NNS" and o.lemma_.lower() in ages for o in spans)

    def _rate_in(self, tokens: list[Token]) -> bool:
        """Whether the tokens give a rate: "a year", "each month", "per day"."""
        cues = self.lexicon.cues
        periods = [t for t in tokens if t.lemma_.lower() in cues["periods"]]
        rates = cues["rates"]
        return any(
            t.head.lower_ in rates or {c.lower_ for c in t.children} & rates for t in periods
        )

    def negation(self, trigger: Token) -> Token | None:
        """'North Korea never received the jets', 'no evidence that Iran paid': the word
        by which the text says the transfer did not happen."""
        negations = self.lexicon.cues["negations"]
        modifiers = _modifiers(trigger)
        if trigger.pos_ == "NOUN" and trigger.dep_ in {"dobj", "attr"}:
            # "has not taken delivery of": the light verb carries the negation.
            modifiers += _modifiers(trigger.head)
        found = next((c for c in modifiers if c.dep_ == "neg" or c.lower_ in negations), None)
        failed = trigger.head if trigger.dep_ == "xcomp" else None
        if found is None and failed is not None:
            # "failed to deliver", "was unable to buy": the infinitive did not happen.
            found = failed if failed.lemma_.lower() in self.lexicon.cues["failures"] else None
        for governor in _clause_governors(trigger)[:2]:
            if found is None and governor.pos_ == "NOUN":
                # "no sign of shipments", "no evidence that ..."
                found = next((c for c in governor.children if c.lower_ in negations), None)
        return found

    def conditional(self, trigger: Token) -> Token | None:
        """'If Russia sends jets ...': the word that makes the transfer a condition."""
        token = trigger
        while token.head.i != token.i and token.dep_ not in {"advcl", "ROOT"}:
            token = token.head
        if token.dep_ != "advcl":
            return None
        marks = self.lexicon.cues["conditions"]
        return next((c for c in token.children if c.dep_ == "mark" and c.lower_ in marks), None)

    def deliberates(self, trigger: Token) -> bool:
        """'Seoul weighs whether to send rifles': a choice weighed states no event."""
        marks = self.lexicon.cues["conditions"]
        if not any(c.dep_ == "mark" and c.lower_ in marks for c in trigger.children):
            return False
        weighing = self.lexicon.cues["deliberations"]
        return trigger.head.lemma_.lower() in weighing and trigger.head.i != trigger.i

    def asks(self, trigger: Token) -> bool:
        """'Who is sending drones to Russia?': a question states no event."""
        return trigger.doc.text.rstrip().rstrip("\"'’”)").endswith("?")

    def _quota(self, trigger: Token) -> bool:
        """'The island may import 9,000 tonnes a year': leave to pass so much per period
        is a quota, not an event ("may have imported", "may be importing" guess at one)."""
        cues = self.lexicon.cues
        aux = [c for c in trigger.children if c.dep_ in {"aux", "auxpass"}]
        if not aux or aux[0].lower_ not in cues["permissions"] or len(aux) > 1:
            return False
        # ("the 9,000 tonnes a year it may import": the rate is on the clause's noun.)
        allowed = trigger.head if trigger.dep_ == "relcl" else trigger
        return self._rate_in(list(allowed.subtree))

    def states_a_rule(self, trigger: Token) -> bool:
        """A trigger under 'ban', 'forbid', 'cap' ... describes a rule, not an event;
        so does one called 'illegal' or 'banned' ("selling arms to X is illegal")."""
        rules = self.lexicon.cues["rule_verbs"]
        governors = _clause_governors(trigger)
        if any(a.lemma_.lower() in rules or a.lower_ in rules for a in governors):
            return True
        if _breach_judged(trigger, self.lexicon.cues["breach_verbs"]):
            return True
        judged = [c for a in governors for c in a.children if c.dep_ in {"acomp", "attr"}]
        judgements = self.lexicon.cues["rule_adjectives"] | self.lexicon.cues["rule_nouns"]
        if any(c.lemma_.lower() in judgements for c in judged):
            return True
        # "an offence to supply arms" (or "to buy or sell arms"), however it is parsed
        clause = governors[-1] if governors else trigger
        described = [clause.head] if clause.dep_ in {"relcl", "acl"} else []
        if any(a.lemma_.lower() in self.lexicon.cues["rule_nouns"] for a in governors + described):
            return True
        if _breach_told_after(trigger, self.lexicon.cues["breach_verbs"]):
            return True
        if self._quota(trigger):
            return True
        # Parsers often miss "resolutions ... bar states from supplying": look at the words.
        before = trigger.doc[max(0, trigger.i - 6) : trigger.i]
        for token in before:
            if token.lower_ in rules or token.lemma_.lower() in rules:
                earlier = trigger.doc[: token.i]
                return any(t.lemma_.lower() in INSTRUMENT_WORDS for t in earlier)
        return False


def _breach_told_after(trigger: Token, breaches: frozenset[str]) -> bool:
    """'A transfer of fuel to a DPRK ship breaches resolution 2397', parsed with the
    verb as a noun: a breach word after the trigger, before any verb or relative
    pronoun, followed closely by the instrument it breaches."""
    doc = trigger.doc
    for token in doc[trigger.i + 1 : trigger.sent.end]:
        if token.lemma_.lower() in breaches:
            return any(t.lemma_.lower() in INSTRUMENT_WORDS for t in doc[token.i + 1 : token.i + 5])
        if token.lower_ in RELATIVE_PRONOUNS or token.pos_ in {"VERB", "AUX"}:
            return False  # the breach is told of another clause
    return False


def _modifiers(token: Token) -> list[Token]:
    """The trigger's own adverbs and auxiliaries, and those of the verbs it is the
    infinitive of ("did not agree to supply")."""
    found = list(token.children)
    while token.dep_ == "xcomp" and token.head.i != token.i:
        token = token.head
        found.extend(token.children)
    return found


def _breach_judged(trigger: Token, breaches: frozenset[str]) -> bool:
    """'Selling rifles to Iran violates the embargo' judges a kind of act, a rule; in
    'the firm violated the embargo by selling rifles' the selling happened."""
    token = trigger
    while token.head.i != token.i and token.dep_ != "relcl":
        if token.head.lemma_.lower() in breaches:
            return token.dep_ in {"csubj", "csubjpass", "nsubj", "nsubjpass"}
        token = token.head
    return False


def _clause_governors(token: Token) -> list[Token]:
    """The governors of a token up to the noun a relative clause describes: in "a company,
    which sold tankers, was sanctioned" the sale is not under "sanctioned"."""
    chain = []
    while token.head.i != token.i:
        if token.dep_ == "relcl":
            break
        token = token.head
        chain.append(token)
    return chain


def _source_name(token: Token) -> str:
    phrase = noun_phrase(token)
    ents = [e for e in phrase.ents if e.label_ in {"ORG", "PERSON", "NORP", "GPE"}]
    if ents and ents[-1].root == token:
        return ents[-1].text
    words = phrase.text.split()
    if words and words[0].lower() in DETERMINERS:
        words = words[1:]
    return " ".join(words)


def _clause_hosts(verb: Token, telling: frozenset[str]) -> list[Token]:
    """The verbs a verb trigger's clause is coordinated with or completes, nearest first.

    "docked on Monday and unloaded coal", "agreed in 2023 to supply oil", "in May police
    found rifles consigned to X": their dates date the trigger too; climbing stops at a
    verb of telling, whose date is the telling's.
    """
    hosts = []
    while verb.dep_ in {"conj", "xcomp", "advcl", "ccomp"} and verb.head.pos_ in {"VERB", "AUX"}:
        verb = verb.head
        if verb.lemma_.lower() in telling:
            break
        hosts.append(verb)
    return hosts


def _modifies(token: Token, verb: Token) -> bool:
    """Whether the token hangs on the verb through adverbial modifiers (or its subject's)
    only, not a clause."""
    while token.head.i != token.i and token.head != verb:
        if token.dep_ in {"ccomp", "xcomp", "advcl", "relcl", "acl", "conj"}:
            return False
        token = token.head
    # "officials in May intercepted ...": a date on the subject dates the act too.
    return token.head == verb and token.dep_ in {"prep", "npadvmod", "advmod", "pobj", "nsubj"}


def _above(cue: Token, clause: Token) -> bool:
    """Whether `cue` governs `clause` or modifies a word that does."""
    return cue.is_ancestor(clause) or (cue.head.i != cue.i and cue.head.is_ancestor(clause))


def _attributions_beside(clause: Token) -> list[Token]:
    """'a tanker that prosecutors allege delivered fuel': the parse may hang "allege"
    beside the clause it governs, both on the noun; it still qualifies that clause."""
    if clause.dep_ not in {"acl", "relcl"}:
        return []
    return [
        c
        for c in clause.head.children
        if c.dep_ == "relcl" and c is not clause and c.lemma_.lower() in GAP_WORDS
    ]


def _told_before_colon(trigger: Token) -> list[Token]:
    """'The panel notes a report by Peru: in 2012 customs stopped rifles': the verbs of
    the clause before a colon introduce what follows it, however the parse hangs them."""
    sent = trigger.sent
    colons = [t for t in sent if t.text == ":" and t.i < trigger.i]
    if not colons:
        return []
    return [t for t in sent.doc[sent.start : colons[-1].i] if t.pos_ == "VERB"]


def _opens_a_period(sent: Doc, found: tuple[int, int, object], opens: frozenset[str]) -> bool:
    """Whether the date is inside a phrase that opens a period ("since the ban of 2017",
    "since the summit in May"): the phrase's start, not an event's time."""
    span = sent.char_span(found[0], found[1], alignment_mode="expand")
    token = span.root if span is not None else None
    while token is not None and token.head.i != token.i and token.pos_ not in {"VERB", "AUX"}:
        token = token.head
        if token.lower_ in opens and token.dep_ == "prep":
            return True
    return False


def _for_a_purpose(sent: Doc, found: tuple[int, int, object], purposes: frozenset[str]) -> bool:
    """Whether the date dates a bare purpose: "for delivery in March", "for loading in
    May" (not "for the cargo in May", a thing told)."""
    span = sent.char_span(found[0], found[1], alignment_mode="expand")
    if span is None:
        return False
    prep = span.root if span.root.dep_ == "prep" else span.root.head  # "in March"
    if prep.dep_ != "prep":
        return False
    purpose = prep.head
    bare = not any(c.dep_ in {"det", "poss"} for c in purpose.children)
    return (
        bare
        and purpose.dep_ in {"pobj", "pcomp"}
        and purpose.pos_ in {"NOUN", "VERB"}
        and purpose.head.lower_ in purposes
    )


def _told_as_past(sent: Doc, found: tuple[int, int, object]) -> bool:
    """Whether the verb a date modifies is in a past tense ("ordered", "had paid")."""
    span = sent.char_span(found[0], found[1], alignment_mode="expand")
    verb = governing_verb(span.root) if span is not None else None
    if verb is None:
        return False
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
    return verb.tag_ == "VBD" or (perfect and verb.tag_ == "VBN")
