"""The typed records that flow through the pipeline.

Every stage takes and returns these plain dataclasses; only `export` turns
them into the contract's JSON, followthemoney entities or reports. Field
names follow `../shared/contract/ANALYSIS.md` so that serialising is a
straight walk over the fields.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

PartyKind = Literal["person", "organization", "state", "vessel", "unknown"]
Certainty = Literal["confirmed", "reported", "suspected", "possible", "denied"]
Outcome = Literal["completed", "planned", "prevented"]
Qualifier = Literal["exact", "about", "more_than", "less_than", "at_least", "up_to"]
DateBasis = Literal["text", "published"]

#: The contract's closed list of goods tags.
TAGS: tuple[str, ...] = (
    "arms",
    "small_arms",
    "ammunition",
    "missile",
    "drone",
    "military_vehicle",
    "wmd",
    "dual_use",
    "vehicle",
    "vessel",
    "aircraft",
    "luxury",
    "jewellery",
    "watch",
    "alcohol",
    "tobacco",
    "leather_goods",
    "yacht",
    "art",
    "animals",
    "petroleum_refined",
    "petroleum_crude",
    "coal",
    "metals",
    "minerals",
    "machinery",
    "electrical",
    "textiles",
    "seafood",
    "food",
    "wood",
    "money",
    "other",
)


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the document text: `text == document.text[start:end]`."""

    text: str
    start: int
    end: int


@dataclass(slots=True)
class Document:
    """One input article, with the text every offset indexes."""

    text: str
    input: str
    id: str
    published: str | None = None  # "YYYY-MM-DD"
    title: str | None = None
    source: str | None = None
    url: str | None = None


@dataclass(slots=True)
class InputError:
    """One bad input: where it is and one sentence saying what to do."""

    input: str
    error: str


@dataclass(slots=True)
class ScreeningHit:
    list: str
    entry_id: str
    name: str
    score: float
    programs: list[str] = field(default_factory=list)
    listed_on: str | None = None
    #: Why the score is what it is: feature name -> contribution (extra field).
    explanation: dict[str, float] = field(default_factory=dict)


@dataclass(slots=True)
class Party:
    """An actor that takes part in at least one transfer."""

    id: str
    name: str
    kind: PartyKind
    country: str | None
    mentions: list[Span] = field(default_factory=list)
    screening: list[ScreeningHit] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class PartyRef:
    party: str  # Party.id
    name: str
    country: str | None
    kind: PartyKind | None = None  # the party's kind, for rules that read it


@dataclass(frozen=True, slots=True)
class Quantity:
    value: float
    unit: str | None
    qualifier: Qualifier = "exact"


@dataclass(slots=True)
class Item:
    text: str
    tags: list[str]
    hs: list[str] = field(default_factory=list)
    quantity: Quantity | None = None


@dataclass(frozen=True, slots=True)
class TransferDate:
    value: str  # "YYYY" | "YYYY-MM" | "YYYY-MM-DD"
    text: str | None
    basis: DateBasis


@dataclass(frozen=True, slots=True)
class RouteStop:
    name: str
    country: str | None


@dataclass(slots=True)
class Finding:
    regime: str
    instrument: str
    provision: str
    measure: str
    confidence: float
    explanation: str
    status: str = "potential_breach"
    #: The named numbers whose product is `confidence`.
    factors: dict[str, float] = field(default_factory=dict)


@dataclass(slots=True)
class Cue:
    """A word that set certainty or outcome: `sets` is "certainty=reported" and the like."""

    text: str
    start: int
    end: int
    sets: str


@dataclass(slots=True)
class Rules:
    """Why a transfer was reported: the trigger, its frame, the pattern that filled each
    role, the cues, and the document-level rules applied (ids name data entries)."""

    trigger: Span
    frame: str
    roles: dict[str, str] = field(default_factory=dict)
    cues: list[Cue] = field(default_factory=list)
    document: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Transfer:
    id: str
    giver: PartyRef | None
    recipient: PartyRef | None
    items: list[Item]
    date: TransferDate | None
    evidence: Span
    origin: str | None = None
    destination: str | None = None
    route: list[RouteStop] = field(default_factory=list)
    certainty: Certainty = "confirmed"
    outcome: Outcome = "completed"
    attributed_to: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    #: Further sentences that retell the same event (extra field).
    also_evidence: list[Span] = field(default_factory=list)
    rules: Rules | None = None


@dataclass(slots=True)
class AnalysedDocument:
    document: Document
    parties: list[Party] = field(default_factory=list)
    transfers: list[Transfer] = field(default_factory=list)


@dataclass(slots=True)
class Analysis:
    """The result of one `analyze` run: the contract's top-level object."""

    documents: list[AnalysedDocument] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
