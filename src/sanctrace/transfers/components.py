"""The extractor's spaCy components: triggers and their roles, written onto the Doc.

`sanctrace_gerunds` retags a trigger verb's gerund that the tagger read as a noun
modifying the verb's object ("admitted shipping aircraft parts") as the verb it is.
`sanctrace_triggers` marks every trigger word (label: the frame id) in
`doc.spans["sanctrace_triggers"]`; `sanctrace_roles` reads them, drops those
that state no event (rules, trade statistics, questions, habits, voyages), and writes
the accepted triggers to `doc.spans["sanctrace_events"]` and every role filler
to `doc.spans["sanctrace_roles"]` (label: the role, `kb_id_`: the lexicon
pattern that filled it, `id_`: the index of its trigger token). Each reads
only what the model and earlier components wrote, so each can be tested on a
hand-built Doc; `roles_of` turns the spans back into roles for the extractor.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Doc, Span

from sanctrace.goods.taxonomy import Taxonomy
from sanctrace.parties.gazetteer import Gazetteer
from sanctrace.transfers.goods_phrases import GoodsReader
from sanctrace.transfers.lexicon import default_lexicon
from sanctrace.transfers.relations import NO_DEPENDENTS, TRIGGER_KIND, RelationMatcher
from sanctrace.transfers.roles import RoleReader, Roles

if TYPE_CHECKING:
    from spacy.tokens import Token

TRIGGERS = "sanctrace_triggers"
EVENTS = "sanctrace_events"
ROLES = "sanctrace_roles"
COMPONENTS = ("sanctrace_gerunds", "sanctrace_triggers", "sanctrace_roles")
#: Role lists of `Roles` that are written as spans; `makers` travel as "maker".
ROLE_NAMES = ("giver", "recipient", "items", "origin", "destination", "route", "beneficiary")
MAKER = "maker"


@cache
def default_reader() -> RoleReader:
    """The role reader over the shipped knowledge files, built once per process."""
    lexicon = default_lexicon()
    return RoleReader(lexicon, GoodsReader(Taxonomy.load(), lexicon), Gazetteer.load())


class GerundTagger:
    """Retags as a verb a trigger verb's "-ing" form that the tagger read as a noun
    modifying the object of the verb above ("denied shipping aircraft parts"): the
    tag, part of speech and lemma the trigger finder and the relations read."""

    def __init__(self, gerunds: dict[str, str]) -> None:
        self.gerunds = gerunds

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            verb = self.gerunds.get(token.lower_)
            if verb is None or token.pos_ != "NOUN" or token.dep_ != "compound":
                continue
            if token.head.dep_ == "dobj" and token.head.head.pos_ == "VERB":
                token.pos_, token.tag_, token.lemma_ = "VERB", "VBG", verb
        return doc


class TriggerFinder:
    """Marks trigger words with the frame they open, and each trigger token with its
    kind (`token._.sanctrace_trigger`), the anchor of the relations."""

    def __init__(self, reader: RoleReader) -> None:
        self.reader = reader

    def __call__(self, doc: Doc) -> Doc:
        found = [(token, self.reader.trigger(token)) for token in doc]
        for token, trigger in found:
            if trigger is not None:
                token._.set(TRIGGER_KIND, trigger[1])
        doc.spans[TRIGGERS] = [
            Span(doc, token.i, token.i + 1, label=frame.name, kb_id=kind, span_id=outcome or "")
            for token, trigger in found
            if trigger is not None
            for frame, kind, outcome in [trigger]
        ]
        return doc


class RoleFinder:
    """Matches the lexicon's relations from each marked trigger, reads its roles from
    what they reach and writes the fillers."""

    def __init__(self, reader: RoleReader, relations: RelationMatcher) -> None:
        self.reader = reader
        self.relations = relations

    def __call__(self, doc: Doc) -> Doc:
        events: list[Span] = []
        fillers: list[Span] = []
        dependents = self.relations(doc) if doc.spans[TRIGGERS] else {}
        for trigger in doc.spans[TRIGGERS]:
            token = trigger[0]
            frame = self.reader.lexicon.frames[trigger.label_]
            found = dependents.get(token.i, NO_DEPENDENTS)
            roles = self.reader.roles(token, frame, trigger.kb_id_, found)
            if roles is None:
                continue
            events.append(trigger)
            fillers.extend(_filler_spans(doc, token, roles))
        doc.spans[EVENTS] = events
        doc.spans[ROLES] = fillers
        return doc


def roles_of(doc: Doc) -> list[tuple[Token, str, str | None, Roles]]:
    """Each accepted trigger of the Doc with its frame id, the outcome its verb sets and
    its roles, rebuilt from the spans the components wrote."""
    by_trigger: dict[int, Roles] = {trigger.start: Roles() for trigger in doc.spans[EVENTS]}
    for filler in doc.spans[ROLES]:
        roles = by_trigger[int(filler.id_)]
        if filler.label_ == MAKER:
            roles.makers.append(filler[0])
        else:
            roles.add(filler.label_, [filler[0]], filler.kb_id_)
    return [
        (trigger[0], trigger.label_, trigger.id_ or None, by_trigger[trigger.start])
        for trigger in doc.spans[EVENTS]
    ]


def add_components(nlp: Language) -> Language:
    """Add the extractor's components after the model's own, once."""
    for name in COMPONENTS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, last=True)
    return nlp


def _filler_spans(doc: Doc, trigger: Token, roles: Roles) -> list[Span]:
    trigger_id = str(trigger.i)
    spans = [
        Span(doc, t.i, t.i + 1, label=role, kb_id=roles.pattern_of(role, t), span_id=trigger_id)
        for role in ROLE_NAMES
        for t in getattr(roles, role)
    ]
    spans += [
        Span(doc, t.i, t.i + 1, label=MAKER, kb_id="maker-agent", span_id=trigger_id)
        for t in roles.makers
    ]
    return spans


@Language.factory(
    "sanctrace_gerunds",
    assigns=["token.pos", "token.tag", "token.lemma"],
    requires=["token.lemma", "token.pos", "token.dep"],
)
def make_gerunds(nlp: Language, name: str) -> GerundTagger:
    """The gerund tagger over the shipped lexicon's trigger verbs."""
    return GerundTagger(default_lexicon().gerunds())


@Language.factory(
    "sanctrace_triggers",
    assigns=["doc.spans"],
    requires=["token.lemma", "token.pos", "token.dep"],
)
def make_triggers(nlp: Language, name: str) -> TriggerFinder:
    """The trigger finder over the shipped lexicon."""
    return TriggerFinder(default_reader())


@Language.factory(
    "sanctrace_roles",
    assigns=["doc.spans"],
    requires=["doc.spans", "token.dep", "token.ent_type"],
)
def make_roles(nlp: Language, name: str) -> RoleFinder:
    """The role finder over the shipped lexicon, taxonomy and gazetteer."""
    reader = default_reader()
    return RoleFinder(reader, RelationMatcher(nlp.vocab, reader.lexicon))
