"""followthemoney entities: an analysis as data that Aleph and OpenSanctions tools load.

Per document: an `Article`; each party as `Person`, `Organization`,
`PublicBody` (states, and capitals or governments acting for them), `Vessel`
(ships, linked to a transfer as its `transport`: a ship is no legal entity) or
`LegalEntity` (kind unknown); each transfer as an `EconomicActivity` whose
`proof` is the article; and a `Documentation` link from the article to every
party and transfer. Findings (in the activity's `description`) and screening
hits (in the party's `notes`) stay text: they are leads for an analyst, not
designations, so they never become `Sanction` entities or `sanction` topics.

Ids are hashes of the document id and the party or transfer id, so the same
analysis always gives the same entities.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from followthemoney import EntityProxy, model
from followthemoney.util import make_entity_id

from sanctrace.export.wording import quantity_text
from sanctrace.model import (
    AnalysedDocument,
    Analysis,
    Finding,
    Item,
    Party,
    PartyKind,
    PartyRef,
    ScreeningHit,
    Transfer,
)

#: Which followthemoney schema stands for each party kind.
SCHEMA_BY_KIND: dict[PartyKind, str] = {
    "person": "Person",
    "organization": "Organization",
    "state": "PublicBody",
    "vessel": "Vessel",
    "unknown": "LegalEntity",
}

#: Salts every id so that sanctrace's entities never collide with another
#: producer's hashes of the same strings.
_KEY_PREFIX = "sanctrace"


def to_ftm(analysis: Analysis) -> Iterator[EntityProxy]:
    """Every entity of the analysis, document by document, in a stable order."""
    for analysed in analysis.documents:
        yield from _document_entities(analysed)


def dumps_ftm(analysis: Analysis) -> str:
    """The entities as JSON lines (one entity a line, sorted keys, final newline)."""
    return "".join(
        json.dumps(entity.to_dict(), sort_keys=True, ensure_ascii=False) + "\n"
        for entity in to_ftm(analysis)
    )


def _entity_id(*parts: str) -> str:
    entity_id = make_entity_id(*parts, key_prefix=_KEY_PREFIX)
    assert entity_id is not None  # parts are never all empty: the first is a kind word
    return entity_id


def _document_entities(analysed: AnalysedDocument) -> Iterator[EntityProxy]:
    document = analysed.document
    article = model.make_entity("Article")
    article.id = _entity_id("article", document.id)
    article.add("title", document.title)
    article.add("bodyText", document.text)
    article.add("publishedAt", document.published)
    article.add("publisher", document.source)
    article.add("sourceUrl", document.url)
    article.add("fileName", document.input)
    yield article

    for party in analysed.parties:
        entity = _party_entity(document.id, party, article)
        yield entity
        yield _documentation(document.id, article, entity, role="party to a transfer")

    listed = {party.id for party in analysed.parties}
    for transfer in analysed.transfers:
        # A reference to a party the document does not list still names an
        # actor: give it an entity of its own rather than drop the link.
        for ref in (transfer.giver, transfer.recipient):
            if ref is not None and ref.party not in listed:
                listed.add(ref.party)
                yield _orphan_entity(document.id, ref, article)
        vessels = {party.id for party in analysed.parties if party.kind == "vessel"}
        activity = _activity(document.id, transfer, article, document.url, vessels)
        yield activity
        yield _documentation(document.id, article, activity, role="evidence of the transfer")


def _party_id(document_id: str, party_id: str) -> str:
    return _entity_id("party", document_id, party_id)


def _party_entity(document_id: str, party: Party, article: EntityProxy) -> EntityProxy:
    entity = model.make_entity(SCHEMA_BY_KIND[party.kind])
    entity.id = _party_id(document_id, party.id)
    entity.add("name", party.name)
    entity.add("flag" if party.kind == "vessel" else "country", party.country)
    entity.add("proof", article.id)
    for hit in party.screening:
        entity.add("notes", _hit_note(hit))
    return entity


def _orphan_entity(document_id: str, ref: PartyRef, article: EntityProxy) -> EntityProxy:
    entity = model.make_entity("LegalEntity")
    entity.id = _party_id(document_id, ref.party)
    entity.add("name", ref.name)
    entity.add("country", ref.country)
    entity.add("proof", article.id)
    return entity


def _activity(
    document_id: str,
    transfer: Transfer,
    article: EntityProxy,
    url: str | None,
    vessels: set[str],
) -> EntityProxy:
    activity = model.make_entity("EconomicActivity")
    activity.id = _entity_id("transfer", document_id, transfer.id)
    activity.add("recordId", transfer.id)
    for role, ref in (("sender", transfer.giver), ("receiver", transfer.recipient)):
        if ref is not None:
            # A ship is no legal entity: followthemoney links it as the transport.
            prop = "transport" if ref.party in vessels else role
            activity.add(prop, _party_id(document_id, ref.party))
    activity.add("goodsDescription", "; ".join(_item_text(item) for item in transfer.items))
    if transfer.date is not None:
        activity.add("date", transfer.date.value)
    activity.add("originCountry", transfer.origin)
    activity.add("destinationCountry", transfer.destination)
    activity.add("summary", transfer.evidence.text)
    activity.add("description", _circumstances(transfer))
    # EconomicActivity has no `notes`: each finding is a further description.
    for finding in transfer.findings:
        activity.add("description", _finding_note(finding))
    activity.add("proof", article.id)
    activity.add("sourceUrl", url)
    return activity


def _documentation(
    document_id: str, article: EntityProxy, entity: EntityProxy, role: str
) -> EntityProxy:
    link = model.make_entity("Documentation")
    link.id = _entity_id("documentation", document_id, str(entity.id))
    link.add("document", article.id)
    link.add("entity", entity.id)
    link.add("role", role)
    return link


def _item_text(item: Item) -> str:
    """'artillery shells (arms, ammunition; HS 93; more than 1,000,000)'."""
    details = [", ".join(item.tags)]
    if item.hs:
        details.append("HS " + ", ".join(item.hs))
    if item.quantity is not None:
        details.append(quantity_text(item.quantity))
    return f"{item.text} ({'; '.join(details)})"


def _circumstances(transfer: Transfer) -> str:
    """Certainty, outcome, source, date basis and route in one line of prose."""
    parts = [f"Certainty: {transfer.certainty}", f"outcome: {transfer.outcome}"]
    if transfer.attributed_to:
        parts.append("reported by " + ", ".join(transfer.attributed_to))
    if transfer.date is not None:
        source = f'"{transfer.date.text}"' if transfer.date.text else "the publication date"
        parts.append(f"date {transfer.date.value} from {source}")
    if transfer.route:
        stops = [
            f"{stop.name} ({stop.country})" if stop.country else stop.name
            for stop in transfer.route
        ]
        parts.append("via " + ", ".join(stops))
    return "; ".join(parts) + "."


def _finding_note(finding: Finding) -> str:
    return (
        f"Potential breach of {finding.instrument} {finding.provision} ({finding.regime}), "
        f"measure: {finding.measure}; confidence {finding.confidence:.2f}. "
        f"{finding.explanation}"
    )


def _hit_note(hit: ScreeningHit) -> str:
    programs = ", ".join(hit.programs) or "no programme given"
    listed = f", listed {hit.listed_on}" if hit.listed_on else ""
    return (
        f"Possible match on {hit.list} entry {hit.entry_id} ({hit.name}); "
        f"score {hit.score:.2f}; {programs}{listed}."
    )
