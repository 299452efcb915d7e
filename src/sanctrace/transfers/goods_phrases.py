"""Goods phrases: which noun phrases name goods, and their tags.

A role filler is goods when the taxonomy classifies its phrase: "tonnes of
coal" through its measure, "$5 million of drones" through the goods it
values, "parts for missiles" through what they are for. Vague words ("the
cargo", "a further 200 tonnes") are marked as referring back; the document
pass gives them the goods named before.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sanctrace.goods.taxonomy import Taxonomy
from sanctrace.model import Item
from sanctrace.nlp.quantities import parse_quantity
from sanctrace.parties.resolve import VESSEL_WORDS
from sanctrace.transfers.grammar import (
    PART_WORDS,
    SUBJECT_DEPS,
    contents,
    expand_list,
    goods_words,
    is_definite,
    item_phrase,
    objects,
    preps,
)
from sanctrace.transfers.lexicon import Lexicon
from sanctrace.transfers.words import words

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

#: Dependencies of things, whatever part of speech the tagger gave them.
NOMINAL_DEPS = frozenset({"dobj", "pobj", "nsubjpass", "conj", "appos"})
#: A model's designation: letters, perhaps a hyphen, then digits ("Su-35", "T-72", "Tu-22M3").
MODEL = re.compile(r"[A-Za-z]{1,4}-?\d+[A-Za-z\d]*")
CONTAINERS = words()["containers"]
PACKING_VERBS = words()["packing_verbs"]
MEASURES = words()["measures"]
VALUE_WORDS = words()["value_words"]
GENERIC_GOODS = words()["generic_goods"]
BATCH_WORDS = words()["batch_words"]
GOODS_PRONOUNS = words()["goods_pronouns"]
BACK_PRONOUNS = words()["back_pronouns"]
PARTITIVES = words()["partitives"]
DEBT_WORDS = words()["debt_words"]
SUM_SCALES = words()["sum_scales"]


class GoodsReader:
    """Reads goods phrases with the goods taxonomy and the trigger lexicon."""

    def __init__(self, taxonomy: Taxonomy, lexicon: Lexicon) -> None:
        self.taxonomy = taxonomy
        self.lexicon = lexicon

    def phrase(self, head: Token) -> str | None:
        """The goods phrase a head token names, or None when it names no goods."""
        phrase = item_phrase(head)
        if is_sum(head) and not self.valued_goods(head):
            return _with_scale(phrase).text  # "$300 million": a sum of money is money
        target = self.valued_goods(head) or head
        # "tonnes of coal", "thousands of containers of ammunition", or a
        # compound: "coal worth $370 million".
        while target.lemma_.lower() in CONTAINERS | PART_WORDS:
            # "components for ballistic missiles" are missile goods
            links = {"of", "for"} if target.lemma_.lower() in PART_WORDS else {"of"}
            of = next((p for p in preps(target) if p.lower_ in links), None)
            inner = objects(of) if of is not None else []
            inner = inner or [c for c in [contents(target)] if c is not None]
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
        # ("nuclear weapons programme"), but a model does ("MiG-29 fighters").
        heads = {target.lemma_.lower(), target.lower_}
        headless = not any(map(self.taxonomy.is_goods_head, heads))
        if target.pos_ == "NOUN" and headless and not any(map(self._model, target.lefts)):
            return None
        return phrase.text

    def _model(self, modifier: Token) -> bool:
        """A goods model's designation before a noun: "Su-35", "T-72", "S-400"."""
        named = modifier.dep_ in {"compound", "amod", "nmod"} and MODEL.fullmatch(modifier.text)
        return bool(named) and self.taxonomy.classify(modifier.text) is not None

    def valued_goods(self, head: Token) -> Token | None:
        """'$5 million of drones': a sum 'of' goods names the goods by their value."""
        if not is_sum(head):
            return None
        of = next((p for p in preps(head) if p.lower_ == "of"), None)
        inner = objects(of)
        if inner and self.taxonomy.classify(goods_words(item_phrase(inner[0]))) is not None:
            return inner[0]
        return None

    def heads(self, heads: list[Token]) -> list[Token]:
        return [h for h in heads if self.phrase(h) is not None]

    def named_or_referred(self, heads: list[Token]) -> list[Token]:
        """Heads that name goods or refer back to goods ("a 160,000-tonne cargo")."""
        return [h for h in heads if self.phrase(h) is not None or self._refers(h)]

    def _refers(self, head: Token) -> bool:
        """A vague word ("a batch") takes goods named earlier in its sentence or before."""
        tags, _, refers_back = self.tags(None, head)
        return bool(tags) or refers_back

    def measured(self, head: Token) -> Token:
        """'300 bottles of whisky': the goods phrase is headed by the measure
        (but 'shipments of coal' stays 'coal': the shipment is the trigger)."""
        of = head.head
        measure = of.head.lemma_.lower()
        is_measure = measure in CONTAINERS and measure not in self.lexicon.nouns
        if head.dep_ == "pobj" and of.lower_ == "of" and is_measure:
            return of.head
        return head

    def items(self, heads: list[Token], money_only: bool) -> tuple[list[Item], set[int], list[int]]:
        """The goods items, the head tokens used, and which items refer back to goods named
        in an earlier sentence (the document pass gives them those goods' tags)."""
        items: list[Item] = []
        used: set[int] = set()
        covered: set[int] = set()
        borrowed: list[int] = []
        for head in map(self.measured, map(packed_goods, expand_list(heads))):
            if head.i in covered:
                continue
            text = self.phrase(head)
            tags, hs, refers_back = self.tags(text, head)
            if money_only and not tags and is_debt(head):
                # "settled the bills": under a money trigger, what is owed is the money.
                text, tags, refers_back = item_phrase(head).text, ("money",), False
            if not (tags or refers_back) or (tags and money_only and "money" not in tags):
                continue
            phrase = item_phrase(head)
            covered.update(range(phrase.start, phrase.end))
            used.add(head.i)
            # "a consignment, of biscuits": the contents set off are its goods too.
            used.update(o.i for o in _contents_set_off(head, phrase.end))
            text = text or phrase.text
            if refers_back:
                borrowed.append(len(items))
            items.append(Item(text, list(tags), list(hs), parse_quantity(text)))
        return items, used, borrowed

    def tags(self, text: str | None, head: Token) -> tuple[tuple[str, ...], tuple[str, ...], bool]:
        """Tags and HS headings of a goods phrase, and whether a vague word ("the cargo",
        "a further 300 tonnes") refers back to goods named in an earlier sentence."""
        lemma = head.lemma_.lower()
        if text is not None and is_sum(head) and not self.valued_goods(head):
            return ("money",), (), False
        match = self.taxonomy.classify(goods_words(item_phrase(head))) if text else None
        if text and lemma in CONTAINERS and (match is None or set(match.tags) <= {"other"}):
            # "a second consignment, of biscuits": contents set off by a comma still
            # name the goods.
            inner = _contents_set_off(head, item_phrase(head).end)
            found = self.taxonomy.classify(goods_words(item_phrase(inner[0]))) if inner else None
            match = found or match
        vague = lemma in MEASURES and not any(p.lower_ == "of" for p in preps(head))
        vague = vague or _value_only(head) or _part_of_earlier(head)
        generic = lemma in GENERIC_GOODS or head.lower_ in GENERIC_GOODS  # "goods": "good"
        # "a second consignment of biscuits" names its goods; "a second consignment" or
        # "goods" not: they take the goods last named.
        named = match is not None and set(match.tags) - {"other"}
        vague = vague or (generic and not named)
        vague = vague or (lemma in BATCH_WORDS and not any(p.lower_ == "of" for p in preps(head)))
        pronoun = _goods_pronoun(head)
        vague = vague or pronoun
        if vague:
            earlier = self.earlier_in_sentence(head, ships=pronoun)
            if earlier:
                return earlier, (), False
            # Goods an earlier sentence named: "them" ("it" is as often a deed or a firm).
            vague = not pronoun or head.lower_ in BACK_PRONOUNS
        if match is None:
            return (), (), vague
        return match.tags, match.hs, vague

    def earlier_in_sentence(self, head: Token, ships: bool = False) -> tuple[str, ...]:
        """The goods named last before a vague word of the same sentence; the ship that
        carried them is not what "the equipment" means (but may be what "it" means, when
        `ships`: "the owner sold it")."""
        for token in reversed(head.doc[: head.i]):
            lemma = token.lemma_.lower()
            carrier = lemma in VESSEL_WORDS and not ships
            if token.pos_ != "NOUN" or lemma in GENERIC_GOODS or carrier:
                continue
            # "a dhow seen by a coastguard plane dropped its load": an agent is no cargo,
            # nor what was seen ("the crew sighted a patrol plane, and the cargo ...").
            watched = token.dep_ == "dobj" and token.head.lemma_.lower() in self.lexicon.seen_verbs
            if watched or any(a.dep_ == "agent" for a in token.ancestors):
                continue
            tags = self._kind(token)
            # "the rifles found under a load of sugar ... the equipment": goods inside
            # what describes other goods are not what a vague word means.
            if tags and not any(
                a.pos_ == "NOUN" and a.i < token.i and self._kind(a) for a in token.ancestors
            ):
                return tags
        return ()

    def _kind(self, token: Token) -> tuple[str, ...]:
        """The tags a noun names with its modifiers ("thermal scopes" are goods, "scopes"
        alone not), other than "other"; () when it names no kind of goods."""
        start = token.i
        while start > 0 and token.doc[start - 1].head == token:
            if token.doc[start - 1].dep_ not in {"compound", "amod"}:
                break
            start -= 1
        match = self.taxonomy.classify(token.doc[start : token.i + 1].text)
        return match.tags if match is not None and match.tags != ("other",) else ()


def _with_scale(phrase: Span) -> Span:
    """'£5m', which the parse may read as "£5" and a word "m" beside it: the sum with its
    scale."""
    doc = phrase.doc
    after = doc[phrase.end] if phrase.end < len(doc) else None
    if after is None or after.lower_ not in SUM_SCALES:
        return phrase
    if doc[phrase.end - 1].whitespace_:
        return phrase  # "£5 m" is no scale written on
    return doc[phrase.start : phrase.end + 1]


def _contents_set_off(head: Token, end: int) -> list[Token]:
    """The "of" objects of a container that its phrase, ending at `end`, leaves out."""
    if head.lemma_.lower() not in CONTAINERS:
        return []
    return [o for p in preps(head) if p.lower_ == "of" and p.i >= end for o in objects(p)]


def _goods_pronoun(head: Token) -> bool:
    """'The yard built the ferry and sold it to Iran': the object pronoun of a transfer stands
    for goods (but in "supplied it with fuel" for the party supplied)."""
    # "arranged for them to be flown": "them", in object case, whatever the parse calls it.
    as_object = head.dep_ == "dobj" or (head.lower_ == "them" and head.dep_ in SUBJECT_DEPS)
    return (
        head.lower_ in GOODS_PRONOUNS
        and as_object
        and not any(c.lower_ == "with" for c in head.head.children)
    )


def _part_of_earlier(head: Token) -> bool:
    """'Some of it was sent on', 'half of them', 'most of the load': a part of goods
    named before."""
    if head.lemma_.lower() not in PARTITIVES:
        return False
    return any(
        o.pos_ == "PRON" or (o.lemma_.lower() in GENERIC_GOODS and is_definite(o))
        for p in preps(head)
        if p.lower_ == "of"
        for o in objects(p)
    )


def _value_only(head: Token) -> bool:
    """'$2 million worth were sold', '2 million dollars worth': goods named only by their
    value, with no "of" phrase, are goods named before."""
    valued = [head, *head.children]
    if any(p.lower_ == "of" for t in valued for p in preps(t)):
        return False
    if head.lemma_.lower() in VALUE_WORDS:
        return any(c.ent_type_ == "MONEY" for c in head.children)
    return head.ent_type_ == "MONEY" and any(c.lemma_.lower() in VALUE_WORDS for c in head.children)


def is_debt(token: Token) -> bool:
    """'the bills', 'its debts': what is owed, which a money trigger pays."""
    return token.lemma_.lower() in DEBT_WORDS


def is_sum(token: Token) -> bool:
    """'$300 million': a number the entity recognizer calls money; also the scale of
    "$2.4m", split by the tokenizer from its number, which the recognizer calls money."""
    if token.ent_type_ == "MONEY" and token.pos_ == "NUM":
        return True
    return token.lower_ in SUM_SCALES and any(
        c.ent_type_ == "MONEY" and c.like_num for c in token.children
    )


def packed_goods(head: Token) -> Token:
    """'rifles packed in crates consigned to a firm': a container named without its
    contents is the goods packed in it."""
    if head.lemma_.lower() not in CONTAINERS or any(p.lower_ == "of" for p in preps(head)):
        return head
    prep = head.head
    packing = prep.head
    inside = head.dep_ == "pobj" and prep.lower_ == "in" and packing.dep_ == "acl"
    return packing.head if inside and packing.lemma_.lower() in PACKING_VERBS else head
