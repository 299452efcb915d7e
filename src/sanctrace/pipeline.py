"""The analyser: documents in, transfers with findings and parties out.

documents -> sentences -> prefilter -> spaCy parse (candidate sentences only)
-> transfers (with parties) -> merged events -> goods findings (law) ->
screening. Models and data files load once per Analyzer.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from itertools import islice
from typing import TYPE_CHECKING

from sanctrace.goods.taxonomy import Taxonomy
from sanctrace.law.designations import default_designations
from sanctrace.law.engine import Regimes
from sanctrace.model import (
    AnalysedDocument,
    Analysis,
    Document,
    InputError,
    Party,
    PartyRef,
    Span,
    Transfer,
    TransferDate,
)
from sanctrace.nlp.dates import date_headings, shift_told, tells_an_offset, text_dates
from sanctrace.nlp.model import load_model
from sanctrace.nlp.prefilter import Prefilter
from sanctrace.nlp.sentences import dateline, split_sentences
from sanctrace.parties.gazetteer import Gazetteer
from sanctrace.parties.resolve import (
    NOT_STATES,
    DocumentContext,
    Mention,
    PartyResolver,
    introduces,
)
from sanctrace.parties.words import words as party_words
from sanctrace.transfers.components import add_components
from sanctrace.transfers.document import (
    accounts_told,
    answered_only,
    continue_goods,
    culprits_placed,
    records_absorb,
    settle_countries,
    tellings_nearby,
    turns_told,
)
from sanctrace.transfers.exemptions import EXEMPTION_CUES, exempt_granted
from sanctrace.transfers.extract import Candidate, TransferExtractor
from sanctrace.transfers.lexicon import default_lexicon
from sanctrace.transfers.merge import merge_retellings, told_below
from sanctrace.transfers.records import Record, RecordFinder

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from sanctrace.screening.context import QueryScreener

_PLACING = "|".join(sorted(party_words()["location_participles"]))
_CONTROLLING = "|".join(sorted(party_words()["control_participles"]))
#: Where a party is registered, flagged or based ("registered in X"), or run from ("is
#: run from X"), said at most REGISTERED_REACH characters after its name, with no full
#: stop or semicolon between.
_FLAGGING = "|".join(sorted(party_words()["flag_participles"]))
REGISTERED_IN = re.compile(
    rf"\b(?:(?:{_PLACING})\s+in|(?:{_CONTROLLING})\s+from|(?:{_FLAGGING})\s+to)\s+"
    # (a state's name may join two names: "St Kitts and Nevis")
    r"((?:[A-Z][\w’'-]*\s?){1,3}(?:and\s(?:the\s)?(?:[A-Z][\w’'-]*\s?){1,2})?)"
)
_REGISTERED_WORD = re.compile(rf"\b(?:{_PLACING}|{_CONTROLLING})")
REGISTERED_REACH = 30
#: The capitalised words by which a name found goes on ("Acme" in "Acme Trading Ltd").
_NAME_GOES_ON = re.compile(r"^(?:\s+[A-Z][\w'’&.-]*)+")
#: Marks after a name that open what describes it: "Acme, registered in", "Acme (based in".
_ATTACHING_MARKS = frozenset(",(—–-")
REGISTRATION_LINKS = party_words()["registration_links"]
DESCRIPTION_STOPS = party_words()["description_stops"]
#: At most this many words before a name describe it: "Oslo-based broker Nordlys".
DESCRIBING_WORDS = 3
DESCRIBING_REACH = 60
#: At most this many words name a known body a phrase opens with ("the Lazarus Group").
BODY_WORDS = 5
_CLAUSE_BREAK = re.compile(r"[.;:,\n]")
#: A naming phrase just before a name ("named", "identified in court papers as"), and
#: the name's words before the one looked for; up to three words may stand inside a
#: phrase of two.
_NAMING_TAIL = re.compile(
    r"\s+(?:"
    + "|".join(
        r"(?:\s+\S+){0,3}?\s+".join(map(re.escape, phrase.split()))
        for phrase in sorted(party_words()["naming_phrases"], key=len, reverse=True)
    )
    + r")(?:\s+[A-Z][\w'’-]*)*\s*$",  # the name's first words: "named John" Miller
)
#: The words that may continue a name into the fuller one it shortens ("Shiny Reef
#: Trading Limited"): capitalised, on its line, the last perhaps abbreviated ("Co.").
_FULLER = re.compile(r"(?:[ \t]+[A-Z][\w'’&-]*){0,4}\.?")
#: ", a shipping agent in Bergen," after a name: the apposition describing it, also
#: after an age (", 52, a trader") or as a sentence's predicate ("Acme is a Dubai firm").
_APPOSITION = re.compile(
    r"(?:,\s+(?:\d{1,3},\s+)?(?:(?:is|was)\s+)?|\s+(?:is|was)\s+)(?:a|an|the)\s+([^,.;:()]{1,60})"
)
#: The head nouns of ships, as one alternative of a pattern.
_SHIP_NOUNS = "|".join(sorted(party_words()["vessel_words"]))
#: A sentence opened by a description of a firm or ship referring back: "The Dubai-based
#: firm", "This Panama-flagged tanker".
_REFERRING_OPENING = re.compile(
    r"\s+(?:The|This)\s+((?:[\w'’-]+\s+){1,3}?)(?:"
    + "|".join(sorted(party_words()["org_words"]))
    + "|"
    + _SHIP_NOUNS
    + r")\b"
)
# A sentence that opens by referring back to a ship: "The vessel, which flies ...".
_SHIP_OPENING = re.compile(r"\s+The\s+(?:[\w'’-]+\s+){0,2}?(?:" + _SHIP_NOUNS + r")\b")
_SHIP_WORD = re.compile(r"\b(?:" + _SHIP_NOUNS + r")s?\b", re.IGNORECASE)
# A ship's flag: "under the DPRK flag", "flying a Panamanian flag".
_FLAG = re.compile(r"\b(?:under|flying|flies|flew)\s+(?:the|a|an)\s+((?:[A-Z][\w'’-]*\s)+)flag\b")
# Up to five capitalised words and the bracket that opens a short form of them.
_LONG_FORM = r"((?:[A-Z][\w'’-]*\s+){1,5})\(\s*"
# A name, perhaps its short form in brackets, then the place it is in or of, or after a
# comma the place it is of or from ("Ivan Petrov, of Minsk,").
_PLACED_AFTER = re.compile(
    r"\)?(?:\s+\([^()]{1,20}\))?(?:\s+(?:in|of)|,\s+(?:of|from))\s+"
    r"((?:[A-Z][\w'’-]*\s?){1,3}(?:,\s*[A-Z][\w'’-]*)?)"
)
#: Documents parsed together: enough to keep nlp.pipe busy, few enough to stream.
DOCUMENT_BATCH = 64
PARTY_KINDS = {
    "person": "person",
    "organization": "organization",
    "state": "state",
    "vessel": "vessel",
}


@dataclass(slots=True)
class _Parsed:
    document: Document
    context: DocumentContext
    sentences: list[tuple[Span, Doc]]
    records: list[Record] = field(default_factory=list)


class Analyzer:
    """Analyse documents with one loaded model and one set of knowledge files."""

    def __init__(
        self,
        model: str | None = None,
        screener: QueryScreener | None = None,
        prefilter: bool = True,
    ) -> None:
        self.nlp = add_components(load_model(model))
        lexicon = default_lexicon()
        taxonomy = self.taxonomy = Taxonomy.load()
        self.resolver = PartyResolver(Gazetteer.load())
        self.extractor = TransferExtractor(lexicon, taxonomy, self.resolver)
        self.records = RecordFinder(lexicon.record_fields)
        # prefilter=False parses every sentence: the reference the prefilter must equal.
        self.prefilter = Prefilter.from_knowledge(lexicon, taxonomy) if prefilter else None
        self.deny_forms = lexicon.forms_of(lexicon.cues["denied"])
        self.admit_forms = lexicon.forms_of(lexicon.cues["admitted"])
        self.negations = lexicon.cues["negations"]
        self.knowledge = lexicon.cues["knowledge"]
        self.dissociations = lexicon.cues["dissociations"]
        self.exemption_cues = {
            name: lexicon.forms_of(lexicon.cues[name]) for name in EXEMPTION_CUES
        }
        self.account_openers = lexicon.cues["account_openers"]
        self.regimes = Regimes.load()
        self.designations = default_designations()
        self.screener = screener

    def analyze(self, inputs: Iterable[Document | InputError]) -> Analysis:
        analysis = Analysis()
        for result in self.iter_analyze(inputs):
            if isinstance(result, InputError):
                analysis.errors.append(result)
            else:
                analysis.documents.append(result)
        return analysis

    def iter_analyze(
        self, inputs: Iterable[Document | InputError]
    ) -> Iterator[AnalysedDocument | InputError]:
        """Stream results in input order, parsing documents in batches."""
        iterator = iter(inputs)
        while batch := list(islice(iterator, DOCUMENT_BATCH)):
            documents = [item for item in batch if isinstance(item, Document)]
            analysed = iter(self._analyse_batch(documents))
            for item in batch:
                yield item if isinstance(item, InputError) else next(analysed)

    def _analyse_batch(self, documents: list[Document]) -> list[AnalysedDocument]:
        parsed: list[_Parsed] = []
        jobs: list[tuple[_Parsed, Span]] = []
        for doc in documents:
            spans = (
                self.prefilter.candidates(doc.text) if self.prefilter else split_sentences(doc.text)
            )
            records = self.records.records(doc.text)
            # No candidate sentence, no transfer: such a document needs no context either.
            if spans or records:
                context = self.resolver.scan(doc.text, doc.published)
                context.headings = date_headings(doc.text, doc.published)
                context.dates_of = partial(text_dates, doc.text, doc.published)
            else:
                context = DocumentContext(doc.published)
            entry = _Parsed(doc, context, [], records)
            parsed.append(entry)
            jobs.extend((entry, span) for span in spans)
        texts = (span.text for _, span in jobs)
        for (entry, span), sentence in zip(jobs, self.nlp.pipe(texts, batch_size=256), strict=True):
            entry.sentences.append((span, sentence))
        return [self._analyse_document(entry) for entry in parsed]

    def _analyse_document(self, parsed: _Parsed) -> AnalysedDocument:
        document = parsed.document
        candidates: list[Candidate] = []
        for span, sentence in parsed.sentences:
            candidates.extend(self.extractor.extract(sentence, span.start, parsed.context))
        if parsed.records:
            candidates = self._with_records(parsed, candidates)
        text, taxonomy = document.text, self.taxonomy
        candidates = continue_goods(
            candidates, lambda offset, money: list(taxonomy.last_named(text[:offset], money))
        )
        sentences = split_sentences(document.text) if candidates else []
        if candidates:
            mentions = parsed.context.mentions
            named = self.taxonomy.tags_named
            tellings_nearby(
                candidates, sentences, mentions, self.admit_forms, "confirmed", goods_named=named
            )
            tellings_nearby(
                candidates,
                sentences,
                mentions,
                self.deny_forms,
                "denied",
                self.negations,
                named,
                self.knowledge,
                self.dissociations,
            )
            turns_told(candidates, document.text)
            accounts_told(candidates, sentences, document.text, self.account_openers)
            candidates = answered_only(candidates, document.text)
        place = dateline(document.text)
        local = self.resolver.gazetteer.country_code(place) if place else None
        registrations = _Registrations(document.text)
        gazetteer = self.resolver.gazetteer
        descriptions = _Descriptions(document.text, gazetteer)
        settle_countries(
            candidates,
            lambda name: (place := registrations.of(name)) and _place_country(place, gazetteer),
            local,
            descriptions.of,
        )
        culprits_placed(candidates, document.text, descriptions.country_in)
        frames = self.extractor.lexicon.frames
        merged = merge_retellings(candidates)
        headings = told_below(merged)
        events = [
            (first, retellings)
            for index, (first, retellings) in enumerate(merged)
            if not (frames[first.rules.frame].needs_destination and _going_nowhere(first))
            and not first.none_passed  # "imported no weapons" answers no claim told before
            and index not in headings
            and not _says_nothing(first)
        ]
        exempted = exempt_granted(events, sentences, self.exemption_cues)
        parties: dict[str, Party] = {}
        transfers: list[Transfer] = []
        for index, (first, retellings) in enumerate(events):
            if first.date is None:
                _date_by_offset(first, parsed.context)
            transfer = self._transfer(document, first, retellings, parties)
            if index in exempted:
                transfer.findings = []  # a committee exempted it from the UN measures
            if any(t.id == transfer.id for t in transfers):
                # Two events of one sentence told by the same goods words: the trigger
                # tells them apart.
                trigger = str(first.rules.trigger.start)
                transfer.id = _stable_id("t", document.id, str(first.evidence.start), trigger)
            transfers.append(transfer)
        # Grouped once, after the document rules have settled every mention's country.
        by_identity: dict[tuple[str, str | None], list[Mention]] = {}
        for mention in parsed.context.mentions:
            by_identity.setdefault((mention.name, mention.country), []).append(mention)
        for party in parties.values():
            party.mentions = _mentions_of(party, by_identity)
        if self.screener is not None:
            # Imported here: matching pulls in rigour, which only screening needs.
            from sanctrace.screening.context import screen_party

            gazetteer = self.resolver.gazetteer
            for party in parties.values():
                if party.kind != "state":
                    party.screening = screen_party(self.screener, party, gazetteer, document.text)
            by_id = {party.id: party for party in parties.values()}
            for transfer in transfers:
                transfer.findings += self.designations.findings_for(transfer, by_id)
        ordered = sorted(parties.values(), key=lambda p: (p.mentions[0].start, p.id))
        return AnalysedDocument(document, ordered, transfers)

    def _with_records(self, parsed: _Parsed, candidates: list[Candidate]) -> list[Candidate]:
        """The candidates with the transfers the document's records tell, which absorb
        what the other sentences of their paragraphs tell."""
        # Each record's field values, parsed alone: they are phrases, not sentences.
        fields = [labelled for record in parsed.records for labelled in record.fields]
        parses = self.nlp.pipe(labelled.value.text for labelled in fields)
        values = dict(zip(fields, parses, strict=True))
        told = [
            (record.paragraph, candidate)
            for record in parsed.records
            if (candidate := self.extractor.record(record, values, parsed.context)) is not None
        ]
        return records_absorb(told, candidates)

    def _transfer(
        self,
        document: Document,
        first: Candidate,
        retellings: list[Candidate],
        parties: dict[str, Party],
    ) -> Transfer:
        date = first.date
        if date is None and document.published:
            date = TransferDate(document.published, None, "published")
        transfer = Transfer(
            id=_stable_id("t", document.id, str(first.evidence.start), first.items[0].text),
            giver=_party_ref(document, first.giver, parties),
            recipient=_party_ref(document, first.recipient, parties),
            items=first.items,
            date=date,
            evidence=first.evidence,
            origin=first.origin,
            destination=first.destination,
            route=first.route,
            certainty=first.certainty,  # type: ignore[arg-type]
            outcome=first.outcome,  # type: ignore[arg-type]
            attributed_to=first.attributed_to,
            also_evidence=_distinct_evidence(first, retellings),
            rules=first.rules,
        )
        if retellings:
            first.rules.document.append("retelling-merged")
        transfer.findings = self.regimes.findings_for(transfer, document.published)
        return transfer


def _date_by_offset(event: Candidate, context: DocumentContext) -> None:
    """'Two years later it sold ...': an event its tellings leave undated, told at an
    offset from the latest time told before it, takes that time shifted. Read after
    merging: the offset places the event, it does not tell which event it is."""
    told = event.evidence.text
    if not tells_an_offset(told):
        return
    base = context.date_before(event.evidence.start)
    shifted = shift_told(told, base.value) if base is not None else None
    if shifted is not None:
        event.date = TransferDate(shifted.value, shifted.text, "text")
        event.rules.document.append("date-shifted")


def _party_ref(
    document: Document, mention: Mention | None, parties: dict[str, Party]
) -> PartyRef | None:
    if mention is None:
        return None
    # "a company in Cairo ... a company": descriptions placed apart are two parties.
    identity = f"{mention.key}@{mention.country}" if introduces(mention) else mention.key
    party = parties.get(identity)
    if party is None:
        kind = PARTY_KINDS.get(mention.kind, "unknown")
        party_id = _stable_id("p", document.id, identity)
        party = Party(party_id, mention.name, kind, mention.country)  # type: ignore[arg-type]
        party.mentions.append(Span(mention.text, mention.start, mention.end))
        parties[identity] = party
    return PartyRef(party.id, party.name, party.country, party.kind)


def _says_nothing(event: Candidate) -> bool:
    """'Smuggling of sanctioned goods has picked up': goods of no stated kind passing
    between no named parties tell an analyst nothing to follow."""
    unnamed = event.giver is None and event.recipient is None
    return unnamed and all(item.tags == ["other"] for item in event.items)


def _mentions_of(
    party: Party, by_identity: dict[tuple[str, str | None], list[Mention]]
) -> list[Span]:
    """The party's places in the text: every mention of its name and country, in order."""
    # One mention per place: "Moscow" and "Moscow’s" found at one offset are one.
    spans = {m.start: Span(m.text, m.start, m.end) for m in party.mentions}
    for mention in by_identity.get((party.name, party.country), []):
        spans.setdefault(mention.start, Span(mention.text, mention.start, mention.end))
    return [spans[k] for k in sorted(spans)]


class _Descriptions:
    """'Oslo-based broker Nordlys ...', 'Nordlys, a shipping agent in Bergen':
    the country the words just before a name, or an apposition just after it, give,
    wherever the text names it. Looked up only for named parties still without one."""

    def __init__(self, text: str, gazetteer: Gazetteer) -> None:
        self.text = text
        self.gazetteer = gazetteer
        self.countries: dict[str, str | None] = {}

    def of(self, name: str) -> str | None:
        """The country, found once per name: every mention of a party asks."""
        if name not in self.countries:
            self.countries[name] = self._find(name)
        return self.countries[name]

    def _find(self, name: str) -> str | None:
        if name.isupper():
            # "the Libyan National Army (LNA)": a short form takes its long form's place.
            short = re.compile(_LONG_FORM + re.escape(name) + r"\s*\)")
            for long in short.finditer(self.text):
                for word in long.group(1).split():
                    if (code := self._place(word)) is not None:
                        return code
        for found in re.finditer(re.escape(name), self.text):
            window = self.text[max(found.start() - DESCRIBING_REACH, 0) : found.start()]
            # "a Chilean named in the filing as Juan Soto": what a naming
            # phrase gives a name to describes it.
            before = _NAMING_TAIL.sub("", _CLAUSE_BREAK.split(window)[-1])
            words = before.split()[-DESCRIBING_WORDS:]
            for at in range(len(words) - 1, -1, -1):
                if words[at].lower() in DESCRIPTION_STOPS:
                    break
                # Two words first: "North Korean-flagged" before "Korean-flagged".
                pair = " ".join(words[at - 1 : at + 1]) if at else None
                if pair and (code := self._place(pair)) is not None:
                    return code
                if (code := self._place(words[at])) is not None:
                    return code
            # "Norvik Shipping Co., a Bergen company ... Norvik Shipping": a shortened
            # name is described, and placed by its own words, where its fuller one is.
            fuller = _fuller(_FULLER.match(self.text, found.end()))
            for word in fuller.split():
                if (code := self._place(word.strip("."))) is not None:
                    return code
            named_end = found.end() + len(fuller)
            after = _APPOSITION.match(self.text, named_end)
            described = [w.strip("'’") for w in after.group(1).split()] if after else []
            if (code := self._first_place(described)) is not None:
                return code
            # "now sails under the Togolese flag as the Sea Star": the flag its sentence gives.
            start = self.text.rfind(".", 0, found.start()) + 1
            end = self.text.find(".", found.end())
            flag = _FLAG.search(self.text, start, end if end >= 0 else len(self.text))
            if flag is not None and (code := self._place(flag.group(1).strip())) is not None:
                return code
            # "Acme sold rifles to Chad. The Dubai-based firm denied it": the description
            # opening the sentence after one the name opens refers back to it.
            opening = max(start, self.text.rfind("\n", 0, found.start()) + 1)
            if end >= 0 and self.text[opening : found.start()].strip() in {"", "The"}:
                again = _REFERRING_OPENING.match(self.text, end + 1)
                if again is not None and (code := self._first_place(again.group(1).split())):
                    return code
                # "... The tanker, flagged to Togo, sailed": the phrase beside it, too.
                comma = again is not None and self.text.startswith(", ", again.end())
                beside = comma and REGISTERED_IN.match(self.text, again.end() + 2)
                if beside and (code := _place_country(beside.group(1), self.gazetteer)):
                    return code
            # "bought the trawler Sea Star. The vessel, flying a Panamanian flag, ...":
            # the ship named last in its sentence is the one the next refers to.
            ship = _SHIP_OPENING.match(self.text, end + 1) if end >= 0 else None
            if ship is not None and not _SHIP_WORD.search(self.text, found.end(), end):
                following = self.text.find(".", ship.end())
                following = following if following >= 0 else len(self.text)
                flag = _FLAG.search(self.text, ship.end(), following)
                if flag is not None and (code := self._place(flag.group(1).strip())):
                    return code
            # "Pentavia Logistics of Riga", "the Northern Alliance (NA) in Herat".
            placed = _PLACED_AFTER.match(self.text, named_end)
            # "of Karaganda, Kazakhstan": the place, else the state after its comma.
            for part in placed.group(1).split(",") if placed else []:
                words = part.split()
                for size in range(len(words), 0, -1):
                    if (code := self._place(" ".join(words[:size]))) is not None:
                        return code
        return None

    def country_in(self, phrase: str) -> str | None:
        """The first country a phrase's words name ("North Korea's Lazarus Group" -> kp),
        else that of the known body it opens with ("the Lazarus Group, ..." -> kp)."""
        words = [w.strip("'’,") for w in re.sub(r"['’]s\b", "", phrase).split()]
        return self._first_place(words) or self._body_named(phrase)

    def _body_named(self, phrase: str) -> str | None:
        """The country of the gazetteer's person or body whose name opens the phrase."""
        words = _CLAUSE_BREAK.split(phrase)[0].split()
        for size in range(min(len(words), BODY_WORDS), 0, -1):
            entry = self.gazetteer.lookup(" ".join(words[:size]))
            if entry is not None and entry.kind in {"person", "organization"}:
                return None if entry.country in NOT_STATES else entry.country
        return None

    def _first_place(self, words: list[str]) -> str | None:
        """The country of the first of the words that places, two words before one:
        "a Hong Kong-based company"."""
        for at, word in enumerate(words):
            pair = " ".join(words[at : at + 2]) if at + 1 < len(words) else None
            if pair and (code := self._place(pair)) is not None:
                return code
            if (code := self._place(word)) is not None:
                return code
        return None

    def _place(self, word: str) -> str | None:
        """A demonym ("Norwegian"), a hyphened place ("Oslo-based") or a place name."""
        if not word[:1].isupper():
            return None
        code = self.gazetteer.demonym(word) or self.gazetteer.country_code(word)
        return None if code in NOT_STATES else code


def _place_country(place: str, gazetteer: Gazetteer) -> str | None:
    """The country a "registered in" phrase's place words give: all of them ("St Kitts
    and Nevis"), else those before an "and" ("Malta and Cyprus" -> Malta)."""
    place = place.strip()
    return gazetteer.country_code(place) or gazetteer.country_code(place.split(" and ")[0])


def _fuller(words: re.Match[str] | None) -> str:
    """The words of a match of _FULLER up to the first that describes rather than
    names ("The", "And"), as the text spells them."""
    text = words.group() if words else ""
    for word in re.finditer(r"\S+", text):
        if word.group().lower() in DESCRIPTION_STOPS:
            return text[: word.start()].rstrip()
    return text


class _Registrations:
    """'the Courageous — registered in Cameroon': where the text says a ship or firm is
    registered. The phrases are found once per document, and each name is looked for
    only just before them, so the cost does not grow with the text for every name."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.phrases = [
            (found.start(), found.group(1).strip())
            for word in _REGISTERED_WORD.finditer(text)
            if (found := REGISTERED_IN.match(text, word.start())) is not None
        ]
        self.places: dict[str, str | None] = {}

    def of(self, name: str) -> str | None:
        """The place words after the first mention of `name` that a phrase follows."""
        if name not in self.places:
            self.places[name] = self._find(name)
        return self.places[name]

    def _find(self, name: str) -> str | None:
        best: tuple[int, int, str] | None = None
        for at, place in self.phrases:
            # The name ends at most REGISTERED_REACH characters before the phrase,
            # after its sentence's last full stop or semicolon.
            reach = max(at - REGISTERED_REACH, 0)
            stop = max(self.text.rfind(".", reach, at), self.text.rfind(";", reach, at))
            start = self.text.find(name, max(max(reach, stop + 1) - len(name), 0), at)
            if start < 0 or not self._attached(self.text[start + len(name) : at]):
                continue
            if best is None or start < best[0]:
                best = (start, at, place)
        return best[2] if best else None

    @staticmethod
    def _attached(gap: str) -> bool:
        """Whether the words between a name and a "registered in" phrase tie the phrase
        to the name ("Acme Trading, a firm registered in", "Acme, which is based in",
        "Acme is registered in"), not to another party a clause names after it ("Acme
        sold rifles to a firm based in Cairo")."""
        rest = _NAME_GOES_ON.sub("", gap, count=1).lstrip()
        first = rest.split(maxsplit=1)[0].lower() if rest else ""
        return not rest or rest[0] in _ATTACHING_MARKS or first in REGISTRATION_LINKS


def _going_nowhere(event: Candidate) -> bool:
    """'Police seized cocaine in Lima': stopped goods no telling sends anywhere."""
    return event.recipient is None and event.destination is None


def _distinct_evidence(first: Candidate, retellings: list[Candidate]) -> list[Span]:
    seen = {first.evidence.start}
    spans = []
    for candidate in retellings:
        if candidate.evidence.start not in seen:
            seen.add(candidate.evidence.start)
            spans.append(candidate.evidence)
    return spans


def _stable_id(prefix: str, *parts: str) -> str:
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()
    return f"{prefix}-{digest[:12]}"
