"""Load and validate the trigger lexicon (`lexicon.yaml`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, NotRequired, TypedDict

from sanctrace.datafiles import check_keys, read_yaml
from sanctrace.errors import DataFileError
from sanctrace.transfers.words import CLASSES as WORD_CLASSES
from sanctrace.transfers.words import words

LEXICON_PATH = Path(__file__).with_name("lexicon.yaml")

#: DependencyMatcher operators a relation may use, and the trigger kinds it may be for.
RELATION_OPS = frozenset({">", "<", ">>", "<<", ">--", ">++", ">-", ">+", "$+", "$-", "."})
TRIGGER_KINDS = frozenset({"verb", "noun", "seen"})
LEXICON_CLASSES = frozenset({"light_verbs", "prevented", "seen_preps"})
#: Step keys naming token attributes, and the DependencyMatcher attribute each is.
STEP_ATTRS = {"dep": "DEP", "pos": "POS", "lower": "LOWER", "ent_type": "ENT_TYPE"}
ROLES = frozenset({"giver", "recipient", "items", "origin", "destination", "route", "beneficiary"})
CUE_KINDS = (
    "denied",
    "possible",
    "suspected",
    "seeming",
    "reported",
    "confirmed",
    "prevented",
    "planned",
    "planned_phrases",
    "rule_verbs",
    "breach_verbs",
    "rule_adjectives",
    "rule_nouns",
    "negations",
    "conditions",
    "trend_verbs",
    "telling_verbs",
    "anaphoric_times",
    "period_starts",
    "account_openers",
    "purpose_preps",
    "failures",
    "admitted",
    "deliberations",
    "knowledge",
    "dissociations",
    "exemption_nouns",
    "sanctions_committees",
    "grants",
    "refusals",
    "accusers",
    "findings",
    "permissions",
    "periods",
    "rates",
    "ages",
)


class LexiconError(DataFileError):
    """The trigger lexicon file is invalid."""


class LexiconSpec(TypedDict):
    frames: dict[str, FrameSpec]
    verbs: dict[str, TriggerSpec]
    nouns: dict[str, TriggerSpec]
    cues: dict[str, list[str]]
    phrasal: NotRequired[dict[str, dict[str, str]]]
    light_verbs: NotRequired[dict[str, str]]
    seen_verbs: NotRequired[list[str]]
    seen_preps: NotRequired[list[str]]
    novelty_words: NotRequired[list[str]]
    irregular_forms: NotRequired[dict[str, list[str]]]
    relations: NotRequired[dict[str, RelationSpec]]
    patterns: NotRequired[dict[str, PatternSpec]]
    document_rules: NotRequired[dict[str, DocumentRuleSpec]]
    record_fields: NotRequired[dict[str, list[str]]]


class FrameSpec(TypedDict, total=False):
    description: str
    subject: str
    object: str
    dative: str
    preps: dict[str, str]
    object_party_with: str
    subject_without_destination: str
    subject_beside_beneficiary: str
    subject_beside_route: str
    needs_destination: bool
    passes_on: bool
    loads_carrier: bool
    possessor: str
    money_only: bool
    implicit_money: bool
    example: str
    expect: dict[str, str]


class TriggerSpec(TypedDict):
    frame: str
    particle: NotRequired[str]
    requires_prep: NotRequired[list[str]]
    named_goods: NotRequired[bool]
    outcome: NotRequired[str]


class PatternSpec(TypedDict):
    """A way the grammar fills a role, named so each transfer can say how it was read."""

    description: str
    example: str
    expect: dict[str, str]


class StepSpec(TypedDict, total=False):
    """One step of a dependency path, from the token before it (DependencyMatcher terms)."""

    rel: str
    dep: list[str]
    pos: list[str]
    lower: list[str]
    ent_type: list[str]
    lemma_class: str
    lower_class: str
    name: str


class RelationSpec(TypedDict):
    """Dependents of a trigger that role patterns read, as DependencyMatcher paths."""

    description: str
    example: str
    reaches: str
    kinds: list[str]
    paths: list[list[StepSpec]]
    trigger: NotRequired[StepSpec]


class DocumentRuleSpec(TypedDict):
    description: str
    example: str


@dataclass(frozen=True, slots=True)
class Pattern:
    id: str
    description: str
    example: str
    expect: dict[str, str]


@dataclass(frozen=True, slots=True)
class Step:
    rel: str
    #: token attribute (DependencyMatcher name) -> the values allowed
    attrs: dict[str, frozenset[str]]
    #: the word class whose lemma or lower-case form the token must have
    word_class: tuple[str, str] | None = None  # (attribute, class name)
    name: str | None = None


@dataclass(frozen=True, slots=True)
class Relation:
    id: str
    description: str
    example: str
    reaches: str
    kinds: frozenset[str]
    paths: tuple[tuple[Step, ...], ...]
    trigger: Step | None = None


@dataclass(frozen=True, slots=True)
class Frame:
    name: str
    subject: str | None = None
    object: str | None = None
    dative: str | None = None
    preps: dict[str, str] = field(default_factory=dict)
    object_party_with: str | None = None
    subject_without_destination: str | None = None
    #: The subject's role when a party is named as the one the goods are for.
    subject_beside_beneficiary: str | None = None
    #: The subject's role when a preposition names what carries the goods.
    subject_beside_route: str | None = None
    #: Told with no recipient or destination in any retelling, it tells of no transfer.
    needs_destination: bool = False
    #: Its goods pass on from the last to receive them ("the funds were routed through X").
    passes_on: bool = False
    #: Its subject takes goods aboard to carry them on ("the ship loaded coal").
    loads_carrier: bool = False
    possessor: str | None = None
    money_only: bool = False
    #: With no goods named, the trigger itself names money ("funded the militia").
    implicit_money: bool = False
    example: str | None = None
    expect: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Trigger:
    lemma: str
    frame: Frame
    particle: str | None = None
    requires_prep: tuple[str, ...] = ()
    outcome: str | None = None
    #: Its goods must be named, not referred back to ("discharged its cargo" retells).
    named_goods: bool = False


@dataclass(frozen=True, slots=True)
class Lexicon:
    verbs: dict[str, Trigger]
    phrasal: dict[str, dict[str, Frame]]
    nouns: dict[str, Trigger]
    light_verbs: dict[str, str]
    seen_verbs: frozenset[str]
    seen_preps: frozenset[str]
    novelty_words: frozenset[str]
    cues: dict[str, frozenset[str]]
    irregular_forms: dict[str, tuple[str, ...]]
    patterns: dict[str, Pattern] = field(default_factory=dict)
    relations: dict[str, Relation] = field(default_factory=dict)
    frames: dict[str, Frame] = field(default_factory=dict)
    document_rules: dict[str, str] = field(default_factory=dict)  # id -> example
    #: A record's field label -> the role its value fills ("consignee" -> recipient).
    record_fields: dict[str, str] = field(default_factory=dict)

    def money_forms(self) -> frozenset[str]:
        """Forms of the triggers that name money themselves ("funded", "paid"): they stand
        for goods too, so the prefilter keeps "Iran funded the militia"."""
        triggers = [*self.verbs.values(), *self.nouns.values()]
        return self.forms_of(frozenset(t.lemma for t in triggers if t.frame.implicit_money))

    def forms_of(self, lemmas: frozenset[str]) -> frozenset[str]:
        """Every regular and listed irregular form of the lemmas."""
        forms: set[str] = set()
        for lemma in lemmas:
            forms.update(inflections(lemma))
            forms.update(self.irregular_forms.get(lemma, ()))
        return frozenset(forms)

    def gerunds(self) -> dict[str, str]:
        """The "-ing" forms of the trigger verbs, each with its verb: "shipping" -> "ship"."""
        return {
            form: verb
            for verb in self.verbs
            for form in self.forms_of(frozenset({verb}))
            if form.endswith("ing")
        }

    def trigger_lemmas(self) -> frozenset[str]:
        """Every lemma that may be a trigger: verbs, nouns, phrasal verbs, verbs of seeing."""
        return (
            frozenset(self.verbs)
            | frozenset(self.nouns)
            | frozenset(self.phrasal)
            | (self.seen_verbs)
        )

    def trigger_forms(self) -> frozenset[str]:
        """Every surface form of every trigger: what makes a sentence worth parsing. A
        verb that is a trigger only with its particle counts with it ("ended up"), also
        with a possessive before a noun particle ("found their way")."""
        words = self.forms_of(frozenset(self.verbs) | frozenset(self.nouns) | self.seen_verbs)
        owners = ["", *(f"{owner} " for owner in self.word_class("possessives"))]
        phrases = {
            f"{form} {owner}{particle}"
            for verb, particles in self.phrasal.items()
            if verb not in self.verbs
            for form in self.forms_of(frozenset({verb}))
            for particle in particles
            for owner in owners
        }
        return words | phrases

    def word_class(self, name: str) -> frozenset[str]:
        """A word class a relation names: the lexicon's own (light verbs, stopping cues,
        prepositions of seeing) or one of the extractor's `words.yaml`."""
        own = {
            "light_verbs": frozenset(self.light_verbs),
            "prevented": self.cues["prevented"],
            "seen_preps": self.seen_preps,
        }
        return own[name] if name in own else words()[name]


def inflections(lemma: str) -> set[str]:
    """Regular English verb and noun forms of a lemma (ship -> ships, shipped, shipping)."""
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    doubled = lemma + lemma[-1] if _doubles(lemma) else lemma
    forms = {lemma, lemma + "s", lemma + "es", stem + "ed", stem + "ing", doubled + "ed"}
    forms.add(doubled + "ing")
    if lemma.endswith("y"):
        forms.update({lemma[:-1] + "ies", lemma[:-1] + "ied"})
    return forms


def _doubles(lemma: str) -> bool:
    # Consonant-vowel-consonant endings may double: ship -> shipped, transfer -> transferred.
    vowels = "aeiou"
    return (
        len(lemma) >= 3
        and lemma[-1] not in vowels + "wxy"
        and lemma[-2] in vowels
        and lemma[-3] not in vowels
    )


def _fail(path: Path, where: str, problem: str) -> LexiconError:
    return LexiconError(f"Trigger lexicon {path}: {where} {problem}; fix the file and retry.")


def _checked(path: Path, raw: Any, spec: type, where: str) -> dict[str, Any]:
    return check_keys(raw, spec, where, lambda at, problem: _fail(path, at, problem))


def _frame(path: Path, name: str, spec: FrameSpec) -> Frame:
    _checked(path, spec, FrameSpec, f"frame '{name}'")
    if not (spec.get("description") and spec.get("example")):
        raise _fail(path, f"frame '{name}'", "lacks its description or example")
    roles = [spec.get(k) for k in ("subject", "object", "dative", "object_party_with")]
    roles += [spec.get("subject_without_destination"), spec.get("possessor")]
    roles += [spec.get("subject_beside_beneficiary"), spec.get("subject_beside_route")]
    roles += list(spec.get("preps", {}).values())
    for role in roles:
        if role is not None and role not in ROLES:
            raise _fail(path, f"frame '{name}'", f"uses unknown role '{role}'")
    for prep in spec.get("preps", {}):
        if not isinstance(prep, str):
            # YAML reads a bare on, off, yes or no as true or false.
            raise _fail(path, f"frame '{name}'", f"has the preposition {prep!r}: quote the word")
    return Frame(
        name=name,
        subject=spec.get("subject"),
        object=spec.get("object"),
        dative=spec.get("dative"),
        preps=dict(spec.get("preps", {})),
        object_party_with=spec.get("object_party_with"),
        subject_without_destination=spec.get("subject_without_destination"),
        subject_beside_beneficiary=spec.get("subject_beside_beneficiary"),
        subject_beside_route=spec.get("subject_beside_route"),
        needs_destination=bool(spec.get("needs_destination", False)),
        passes_on=bool(spec.get("passes_on", False)),
        loads_carrier=bool(spec.get("loads_carrier", False)),
        possessor=spec.get("possessor"),
        money_only=bool(spec.get("money_only", False)),
        implicit_money=bool(spec.get("implicit_money", False)),
        example=spec.get("example"),
        expect=_expectation(path, f"frame '{name}'", spec.get("expect", {})),
    )


def _expectation(path: Path, where: str, expect: dict[str, str]) -> dict[str, str]:
    for role in expect:
        if role not in ROLES:
            raise _fail(path, where, f"expects unknown role '{role}'")
    return dict(expect)


def _patterns(path: Path, raw: dict[str, PatternSpec]) -> dict[str, Pattern]:
    patterns = {}
    for pattern_id, spec in raw.items():
        where = f"pattern '{pattern_id}'"
        _checked(path, spec, PatternSpec, where)
        expect = _expectation(path, where, spec["expect"])
        patterns[pattern_id] = Pattern(pattern_id, spec["description"], spec["example"], expect)
    return patterns


def _step(path: Path, where: str, raw: StepSpec, first: bool = False) -> Step:
    _checked(path, raw, StepSpec, where)
    rel = raw.get("rel")
    if first and rel is not None:
        raise _fail(path, where, "is the trigger itself and takes no 'rel'")
    if not first and rel not in RELATION_OPS:
        raise _fail(path, where, f"has unknown operator {rel!r}")
    word_class = None
    for key, attr in (("lemma_class", "LEMMA"), ("lower_class", "LOWER")):
        if key in raw:
            name = raw[key]
            if name not in WORD_CLASSES | LEXICON_CLASSES:
                raise _fail(path, where, f"names unknown word class '{name}'")
            word_class = (attr, name)
    attrs = {STEP_ATTRS[key]: frozenset(raw[key]) for key in STEP_ATTRS if key in raw}
    return Step(rel or "", attrs, word_class, raw.get("name"))


def _relations(path: Path, raw: dict[str, RelationSpec]) -> dict[str, Relation]:
    relations = {}
    for relation_id, spec in raw.items():
        where = f"relation '{relation_id}'"
        _checked(path, spec, RelationSpec, where)
        if unknown := sorted(set(spec["kinds"]) - TRIGGER_KINDS):
            raise _fail(path, where, f"is for unknown trigger kinds {', '.join(unknown)}")
        if not spec["paths"] or not all(spec["paths"]):
            raise _fail(path, where, "has an empty path")
        paths = tuple(
            tuple(_step(path, f"{where} path {n} step {m}", s) for m, s in enumerate(steps, 1))
            for n, steps in enumerate(spec["paths"], 1)
        )
        trigger = spec.get("trigger")
        relations[relation_id] = Relation(
            id=relation_id,
            description=spec["description"],
            example=spec["example"],
            reaches=spec["reaches"],
            kinds=frozenset(spec["kinds"]),
            paths=paths,
            trigger=None if trigger is None else _step(path, f"{where} trigger", trigger, True),
        )
    return relations


def _triggers(path: Path, section: str, raw: dict, frames: dict[str, Frame]) -> dict[str, Trigger]:
    triggers = {}
    for lemma, spec in raw.items():
        _checked(path, spec, TriggerSpec, f"{section} '{lemma}'")
        frame = frames.get(spec.get("frame"))
        if frame is None:
            raise _fail(path, f"{section} '{lemma}'", f"names unknown frame '{spec.get('frame')}'")
        triggers[lemma] = Trigger(
            lemma=lemma,
            frame=frame,
            particle=spec.get("particle"),
            requires_prep=tuple(spec.get("requires_prep", ())),
            outcome=spec.get("outcome"),
            named_goods=bool(spec.get("named_goods", False)),
        )
    return triggers


def load_lexicon(path: Path = LEXICON_PATH) -> Lexicon:
    """Read a lexicon file, raising LexiconError naming the bad entry."""
    data = read_yaml(path, lambda where, problem: _fail(path, where, problem))
    if not isinstance(data, dict):
        raise _fail(path, "the file", "is not a mapping")
    _checked(path, data, LexiconSpec, "the file")
    frames = {name: _frame(path, name, spec) for name, spec in data.get("frames", {}).items()}
    phrasal: dict[str, dict[str, Frame]] = {}
    for verb, particles in data.get("phrasal", {}).items():
        for particle, frame_name in particles.items():
            if frame_name not in frames:
                raise _fail(
                    path, f"phrasal '{verb} {particle}'", f"names unknown frame '{frame_name}'"
                )
            phrasal.setdefault(verb, {})[particle] = frames[frame_name]
    cues = data.get("cues", {})
    missing = [kind for kind in CUE_KINDS if kind not in cues]
    if missing:
        raise _fail(path, "cues", f"lack the kinds {', '.join(missing)}")
    if unknown := sorted(set(cues) - set(CUE_KINDS)):
        raise _fail(path, "cues", f"have unknown kinds {', '.join(unknown)}")
    return Lexicon(
        verbs=_triggers(path, "verb", data.get("verbs", {}), frames),
        phrasal=phrasal,
        nouns=_triggers(path, "noun", data.get("nouns", {}), frames),
        light_verbs=dict(data.get("light_verbs", {})),
        seen_verbs=frozenset(data.get("seen_verbs", ())),
        seen_preps=frozenset(data.get("seen_preps", ())),
        novelty_words=frozenset(data.get("novelty_words", ())),
        cues={kind: frozenset(words) for kind, words in cues.items()},
        irregular_forms={k: tuple(v) for k, v in data.get("irregular_forms", {}).items()},
        patterns=_patterns(path, data.get("patterns", {})),
        relations=_relations(path, data.get("relations", {})),
        frames=frames,
        document_rules={
            rule_id: _checked(path, spec, DocumentRuleSpec, f"document rule '{rule_id}'")["example"]
            for rule_id, spec in data.get("document_rules", {}).items()
        },
        record_fields=_record_fields(path, data.get("record_fields", {})),
    )


#: The roles a record's field may fill.
RECORD_ROLES = frozenset({"items", "giver", "recipient", "date"})


def _record_fields(path: Path, spec: dict[str, list[str]]) -> dict[str, str]:
    """Label -> role; every role known, every label lower case and under one role."""
    labels: dict[str, str] = {}
    for role, listed in spec.items():
        if role not in RECORD_ROLES:
            raise _fail(path, "record_fields", f"name the unknown role '{role}'")
        for label in listed:
            if not isinstance(label, str) or label != label.lower():
                raise _fail(path, f"record_fields '{role}'", f"has {label!r}, not lower case")
            if label in labels:
                raise _fail(path, f"record_fields '{role}'", f"repeat the label '{label}'")
            labels[label] = role
    return labels


@cache
def default_lexicon() -> Lexicon:
    return load_lexicon()
