"""Reading spaCy's dependency parse: subjects, objects, lists and clauses.

Small, pure helpers over tokens that the extractor and the modality reader
share. They look through the parser's usual detours (relative clauses,
participles, control verbs, coordination) so the callers can ask plain
questions: who is the subject, what is listed with this, what governs this.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sanctrace.parties.resolve import DEFINITE, VESSEL_WORDS, noun_phrase
from sanctrace.transfers.words import words

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

RELATIVE_PRONOUNS = words()["relative_pronouns"]
PERSONAL_RELATIVES = words()["personal_relatives"]
#: Entity labels of places, and the prepositions that put a noun in one ("an envoy in Oslo").
PLACE_ENTITIES = frozenset({"GPE", "LOC"})
PLACE_PREPS = frozenset({"in", "at", "from"})
LIST_LINKS = words()["list_links"]
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
GOODS_PREPS = frozenset({"of"})
PART_WORDS = words()["part_words"]
#: Prepositions that name whose a doing is ("interest from buyers").
AGENT_PREPS = frozenset({"from", "by", "of", "among"})
#: How an amount hangs on "worth" ("worth 80,000 euros").
VALUE_DEPS = frozenset({"npadvmod", "nummod", "quantmod", "dobj", "pobj"})
OBJECT_CONTROL = words()["object_control"]
PERCEPTION_VERBS = words()["perception_verbs"]
GAP_WORDS = words()["gap_words"]
MEANS_PREPS = words()["means_preps"]
AIM_NOUNS = words()["aim_nouns"]
ENABLING_NOUNS = words()["enabling_nouns"]
DOING_NOUNS = words()["doing_nouns"]
CONTAINERS = words()["containers"]
CONTENT_VERBS = words()["content_verbs"]
USE_VERBS = words()["use_verbs"]
MAKER_VERBS = words()["maker_verbs"]


def is_passive(verb: Token) -> bool:
    own = {c.dep_ for c in verb.children}
    # "many of them supplied by Iran": a participle with an agent, whatever the parse.
    agent = verb.tag_ == "VBN" and "agent" in own and "aux" not in own
    return bool(own & {"nsubjpass", "auxpass"}) or agent or is_participle(verb)


def is_participle(verb: Token) -> bool:
    """'a limousine sent by Putin': a past participle modifying its goods."""
    return participle_head(verb) is not None


def participle_head(verb: Token) -> Token | None:
    """The noun a past participle without a clause of its own modifies.

    Besides the participle the parse hangs on its noun ("a limousine sent by
    Putin"), one right after a verb's object is often hung on the verb as an
    adverbial clause ("police held 40 rifles bound for Chad"), also after the
    object of a verb below that one ("got a bank to clear sums sent via Dubai");
    it still describes that object.
    """
    own = {c.dep_ for c in verb.children}
    if verb.tag_ != "VBN" or own & {"nsubj", "nsubjpass", "aux", "auxpass", "mark"}:
        return None
    if verb.dep_ == "acl":
        return None if is_misread_main_verb(verb) else verb.head
    if verb.dep_ != "advcl":
        return None
    objects = [c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i]
    if objects and objects[-1].right_edge.i + 1 == verb.i:
        return objects[-1]
    below = [c for c in verb.head.subtree if c.dep_ == "dobj" and c.head != verb.head]
    below = [c for c in below if c.right_edge.i + 1 == verb.i]
    if below:
        return below[0]
    if not objects and verb.head.lemma_ == "be":
        # "the clams were on sale again, brought in by boat": what was, was brought.
        subjects = [c for c in verb.head.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"]
        return subjects[0] if subjects else None
    return None


def _antecedent(head: Token, pronoun: Token) -> Token:
    """The noun a relative clause's pronoun stands for: "who" passes over a place the
    parse hangs the clause on to the noun the place belongs to."""
    if pronoun.lower_ in PERSONAL_RELATIVES and head.ent_type_ in PLACE_ENTITIES:
        prep = head.head
        if head.dep_ == "pobj" and prep.lower_ in PLACE_PREPS:
            # The noun the place belongs to, however the parse attached the place.
            noun = prep.head if prep.head.pos_ == "NOUN" else head.doc[prep.i - 1]
            if noun.pos_ == "NOUN":
                return noun
    return head


def is_misread_main_verb(verb: Token) -> bool:
    """'The Office, the agency that runs the programme, paid for it': a sentence the
    parse leaves without a main verb, its verb read as a participle after a comma
    (with no agent: "the programme, funded by donors" is a participle)."""
    root = verb.sent.root
    return (
        verb.dep_ == "acl"
        and root.pos_ in {"NOUN", "PROPN"}
        and verb.i > root.i
        and verb.i > 0
        and verb.doc[verb.i - 1].text == ","
        and not any(c.dep_ == "agent" for c in verb.children)
        and verb.sent[-1].text in {".", "!"}
    )


def subject(verb: Token) -> list[Token]:
    """The verb's subject, looking through relative clauses, participles and control."""
    return clause_subject(verb, [c for c in verb.children if c.dep_ in SUBJECT_DEPS])


def clause_subject(verb: Token, subjects: list[Token]) -> list[Token]:
    """The subject among the verb's own (`subjects`, as the parse or a matcher gives
    them) or, when it has none, the one it takes from the clause it belongs to."""
    # "The tanker Yuk Tung delivered ...", parsed with two subjects: the name first.
    # A dateline parsed as a second subject ("SEOUL, May 3 - Japan sold ...") is the farther.
    for child in sorted(subjects, key=lambda c: (c.pos_ != "PROPN", abs(verb.i - c.i))):
        if child.dep_ in SUBJECT_DEPS:
            if child.lower_ in RELATIVE_PRONOUNS or child.lemma_.lower() in GAP_WORDS:
                clause = enclosing_relative_clause(verb)
                if clause is not None:
                    return [_antecedent(clause.head, child)]
                nouns = [t for t in verb.doc[: child.i] if t.pos_ in {"NOUN", "PROPN"}]
                return nouns[::-1][:3]
            return [child]
    if any(c.dep_ == "expl" for c in verb.children):
        # "there are donors in the area to help fund it": what there is acts.
        return [c for c in verb.children if c.dep_ == "attr"]
    for telling in (c for c in verb.children if c.dep_ == "parataxis"):
        # "Kazakhstan, the paper said, imported drones": the parser gives the aside
        # both subjects; the first, before the teller's, is the verb's.
        told = [c for c in telling.children if c.dep_ in SUBJECT_DEPS and c.i < telling.i]
        if len(told) >= 2:
            return told[:1]
    if verb.dep_ == "relcl":
        return [verb.head]
    if is_misread_main_verb(verb):
        return [verb.sent.root]
    modified = participle_head(verb)
    if modified is not None:
        return [modified]
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in {"NOUN", "PROPN"}:
        if verb.head.lemma_.lower() in DOING_NOUNS:
            return agents_of(verb.head)  # "the group's work shipping arms": the group ships
        return [verb.head]  # "a tanker receiving oil": the tanker receives
    if verb.dep_ == "conj" and verb.tag_ == "VBG" and verb.head.pos_ == "NOUN":
        # "hiring crews and selling fuel", parsed as a list of nouns: the gerund is
        # listed with the verb whose object it follows.
        listed = verb.head.head
        if listed.pos_ == "VERB" and verb.head.dep_ == "dobj":
            return subject(listed)
    if verb.dep_ == "acomp" and verb.tag_ == "VBG" and verb.head.lemma_ == "be":
        return subject(verb.head)  # "he was self-funding it", read as "was" + adjective
    if verb.dep_ == "ccomp" and verb.head.dep_ == "relcl":
        # "a tanker that officials say passed fuel": the gap is the relative's head.
        return [verb.head.head]
    finite = any(c.dep_ in {"aux", "auxpass"} and c.lower_ != "to" for c in verb.children)
    if verb.dep_ == "ccomp" and finite:
        # "a vendor told us her crabs had been smuggled in", the clause's subject parsed
        # as the object of the verb of saying.
        told = [c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i]
        if told:
            return told
    if verb.dep_ == "pcomp" and verb.head.lower_ in MEANS_PREPS:
        # "won friends by lending out its doctors": who acts by a means is the subject.
        governor = governing_verb(verb)
        return subject(governor) if governor is not None else []
    if verb.dep_ == "pcomp":
        # "fined a company for selling watches": the object of the verb above sells.
        host = verb.head.head
        if host.pos_ == "NOUN" and host.lemma_.lower() in DOING_NOUNS:
            return agents_of(host)  # "interest from buyers in acquiring drones"
        if host.dep_ == "dobj":
            return [host]
        controllers = [c for c in host.children if c.dep_ == "dobj"] if host.pos_ == "VERB" else []
        if controllers:
            return controllers
        governor = governing_verb(verb)
        if governor is None:
            return []
        # "arrested a dealer on suspicion of selling pianos": deeper in the verb's
        # adjuncts, its object still acts.
        controllers = [c for c in governor.children if c.dep_ == "dobj"]
        return controllers or subject(governor)
    infinitive = any(c.lower_ == "to" and c.dep_ == "aux" for c in verb.children)
    named_for = verb.head.dep_ == "pobj" and verb.head.head.lower_ == "for"
    if infinitive and verb.dep_ in {"acl", "relcl"} and named_for:
        return [verb.head]  # "arranged for the radios to travel to Oslo"
    if verb.dep_ in {"xcomp", "advcl"} and infinitive:
        # "arranged for the pianos to leave Kobe": "for" names the infinitive's subject.
        named = [
            o
            for c in verb.head.children
            if c.dep_ == "prep" and c.lower_ == "for" and c.i < verb.i
            for o in c.children
            if o.dep_ == "pobj"
        ]
        if named:
            return named
    if verb.dep_ == "xcomp" and verb.head.pos_ == "ADJ":
        # "the regime was unable to buy", "donors ready to fund": who is able or ready.
        described = verb.head
        if described.dep_ in {"amod", "acl"}:
            return [described.head]
        return subject(described.head) if described.dep_ == "acomp" else []
    if verb.dep_ in {"xcomp", "conj", "advcl", "ccomp"} and verb.head.pos_ in {"VERB", "AUX"}:
        # "used the ship to deliver fuel": the ship delivers; but in "used $500 from
        # the fund to buy it" the money buys nothing, its user does.
        objects = [
            c
            for c in verb.head.children
            if c.dep_ == "dobj"
            and c.ent_type_ != "MONEY"
            and {c.lemma_.lower(), c.lower_}.isdisjoint(ENABLING_NOUNS)
        ]
        if verb.dep_ == "xcomp" and objects and verb.head.lemma_.lower() in OBJECT_CONTROL:
            return objects
        if objects and _seen_doing(verb, objects[0]):
            return objects[:1]
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in OBJECT_CONTROL:
            # "the ship was used by smugglers to carry oil": the users carry it.
            users = [o for c in verb.head.children if c.dep_ == "agent" for o in c.children]
            if users:
                return [o for o in users if o.dep_ == "pobj"] or users
        inherited = subject(verb.head)
        aims = [t for t in inherited if t.lemma_.lower() in AIM_NOUNS]
        if verb.head.lemma_ == "be" and aims:
            # "the goal is to provide aid": a goal provides nothing; "Oslo's goal is to
            # send tanks": whose goal it is does.
            return [c for c in aims[0].children if c.dep_ == "poss"]
        return inherited
    if verb.dep_ in {"acl", "xcomp"} and verb.head.pos_ in {"NOUN", "PROPN"}:
        owners = [c for c in verb.head.children if c.dep_ == "poss"]
        means = verb.head
        if not owners and means.lemma_.lower() in ENABLING_NOUNS and means.dep_ == "dobj":
            return subject(means.head)  # "lacks the cash to buy": who lacks it would buy
        return owners
    return []


def stated_aim(verb: Token) -> Token | None:
    """The aim noun of "the goal is to provide aid", "Oslo's aim is to send tanks" that
    an infinitive completes; None when the infinitive completes no aim."""
    infinitive = any(c.lower_ == "to" and c.dep_ == "aux" for c in verb.children)
    if not infinitive or verb.dep_ not in {"xcomp", "advcl", "ccomp"}:
        return None
    if verb.head.lemma_ != "be":
        return None
    aims = (c for c in verb.head.children if c.dep_ in SUBJECT_DEPS)
    return next((aim for aim in aims if aim.lemma_.lower() in AIM_NOUNS), None)


def owned(noun: Token) -> bool:
    """Whether a noun has an owner of its own ("Oslo's goal", "its aim")."""
    return any(c.dep_ == "poss" for c in noun.children)


def _seen_doing(verb: Token, seen: Token) -> bool:
    """'saw officials, even judges, buying rifles': a participle after the object of a
    verb of perceiving tells what the object was seen doing, however the parse hangs it."""
    perceiving = verb.head.lemma_.lower() in PERCEPTION_VERBS
    return perceiving and verb.tag_ == "VBG" and verb.dep_ != "conj" and seen.i < verb.i


def agents_of(noun: Token) -> list[Token]:
    """Who a noun of doing names as its doer: its possessor ("the firm's role") or the object of
    "from", "by", "of" or "among" on it ("interest from buyers")."""
    owners = [c for c in noun.children if c.dep_ == "poss"]
    if owners:
        return owners
    named = [
        o
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ in AGENT_PREPS
        for o in c.children
        if o.dep_ == "pobj" and o.pos_ in {"NOUN", "PROPN"}
    ]
    if named:
        return named[:1]
    if noun.dep_ == "dobj" and noun.head.pos_ == "VERB":
        return subject(noun.head)  # "Iran showed interest in buying drones"
    return []


def enclosing_relative_clause(token: Token) -> Token | None:
    while token.head.i != token.i:
        if token.dep_ == "relcl":
            return token
        token = token.head
    return None


def preps(token: Token) -> list[Token]:
    preps = [c for c in token.children if c.dep_ in {"prep", "agent", "dative"} and c.pos_ == "ADP"]
    # "along with": the real preposition hangs under the first.
    for prep in list(preps):
        preps.extend(c for c in prep.children if c.dep_ == "prep")
    return preps


def objects(prep: Token | None) -> list[Token]:
    if prep is None:
        return []
    objects = [c for c in prep.children if c.dep_ in {"pobj", "pcomp"}]
    return expand_conj(objects)


def expand_conj(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    for token in tokens:
        out.append(token)
        out.extend(c for c in token.conjuncts if c not in out)
    return out


def expand_list(heads: list[Token]) -> list[Token]:
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
                        queue.extend(objects(grand))
    return out


def item_phrase(head: Token) -> SpacySpan:
    """Goods are named by their noun and "of" phrases ("tonnes of coal"), not "in 2022";
    parts also by what they are for ("components for ballistic missiles"), and loads by
    what they hold ("crates containing rifles")."""
    parts = head.lemma_.lower() in PART_WORDS
    phrase = noun_phrase(head, GOODS_PREPS | {"for"} if parts else GOODS_PREPS)
    # "denied shipping aircraft parts": the verb parsed as a modifier is no goods word.
    start = phrase.start
    while start < head.i and head.doc[start].pos_ == "VERB" and head.doc[start].dep_ == "compound":
        start += 1
    phrase = head.doc[start : phrase.end]
    if parts:
        return phrase
    held = contents(head)
    if held is None:
        return phrase
    return head.doc[phrase.start : max(phrase.end, noun_phrase(held, GOODS_PREPS).end)]


def contents(container: Token) -> Token | None:
    """What a load is said to hold: "rifles" in "crates containing rifles"."""
    if container.lemma_.lower() not in CONTAINERS:
        return None
    return _clause_object(container, {"acl"}, CONTENT_VERBS)


def made_with(head: Token) -> Token | None:
    """What goods are said to serve to make: "centrifuges" of "lathes (that can be)
    used to build centrifuges"."""
    for clause in head.children:
        if clause.dep_ in {"acl", "relcl"} and clause.lemma_.lower() in USE_VERBS:
            made = _clause_object(clause, {"xcomp"}, MAKER_VERBS)
            if made is not None:
                return made
    return None


def _clause_object(head: Token, deps: set[str], verbs: frozenset[str]) -> Token | None:
    """The object of the first clause on `head`, hung by one of `deps`, whose verb is
    one of `verbs`."""
    for clause in head.children:
        if clause.dep_ in deps and clause.lemma_.lower() in verbs:
            held = [c for c in clause.children if c.dep_ == "dobj"]
            if held:
                return held[0]
    return None


def present_simple(verb: Token) -> bool:
    """'sells', 'never export', 'does not sell': what one does, not what one did."""
    aux = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if verb.tag_ in {"VBZ", "VBP"}:
        return not aux
    return verb.tag_ == "VB" and [(a.lemma_, a.tag_ in {"VBZ", "VBP"}) for a in aux] == [
        ("do", True)
    ]


def place_name(token: Token) -> str:
    """A place's name as written, with its compound parts ("South Korea")."""
    parts = [c for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    start = parts[0].i if parts else token.i
    return token.doc[start : token.i + 1].text


def hyphenated(token: Token) -> bool:
    doc = token.doc
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    before = doc[token.i - 1] if token.i > 0 else None
    return any(t is not None and t.text in {"-", "–"} for t in (after, before))


def is_definite(token: Token) -> bool:
    """'the cargo', 'its cargo': a determiner or a possessive pronoun refers back."""
    return any(
        c.lower_ in DEFINITE or (c.dep_ == "poss" and c.pos_ == "PRON") for c in token.children
    )


def is_vessel(token: Token) -> bool:
    return token.lemma_.lower() in VESSEL_WORDS


def governors(token: Token) -> list[Token]:
    """The chain of heads above a token, up to the sentence root."""
    chain = []
    while token.head.i != token.i:
        token = token.head
        chain.append(token)
    return chain


def governing_verb(token: Token) -> Token | None:
    while token.head.i != token.i:
        token = token.head
        if token.pos_ in {"VERB", "AUX"}:
            return token
    return token if token.pos_ in {"VERB", "AUX"} else None


def goods_words(phrase: SpacySpan) -> str:
    """The words of a goods phrase that say what the goods are, without their value:
    "coal worth some $370 million" -> "coal worth"."""
    value: set[int] = set()
    for token in phrase:
        if token.lemma_.lower() in words()["value_words"]:
            for child in token.children:
                if child.dep_ in VALUE_DEPS:
                    value.update(t.i for t in child.subtree)
    return " ".join(
        t.text
        for t in phrase
        if t.i not in value and (t.ent_type_ != "MONEY" or t.i == phrase.root.i)
    )
