"""The analysis contract: `Analysis` -> the JSON object of `ANALYSIS.md`.

Other programs (scorers, dashboards) read this output, so the field names
here are the contract's, one for one; the dataclasses were named after it,
which keeps this module a straight walk over the fields. Extra fields (a
screening hit's `explanation`, a transfer's `also_evidence`) are additions
the contract allows.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from importlib import resources
from typing import Any

from sanctrace import __version__
from sanctrace.export.wording import plain_number
from sanctrace.model import (
    AnalysedDocument,
    Analysis,
    Finding,
    Item,
    Party,
    PartyRef,
    Quantity,
    Rules,
    ScreeningHit,
    Span,
    Transfer,
    TransferDate,
)

#: The contract's `format` number; a renamed or dropped field needs a new one.
FORMAT_VERSION = 1

#: Scores and confidences are rounded so that float noise never changes bytes.
_DECIMALS = 3


def to_contract(analysis: Analysis) -> dict[str, Any]:
    """The contract's top-level object for one `analyze` run.

    Documents keep their input order and transfers the order they were given
    in (text order), as the contract requires.
    """
    return {
        "format": FORMAT_VERSION,
        "version": __version__,
        "documents": [_document(analysed) for analysed in analysis.documents],
        "errors": [{"input": error.input, "error": error.error} for error in analysis.errors],
    }


def dumps_contract(analysis: Analysis) -> str:
    """The contract as text: sorted keys, UTF-8 as is, two-space indent, final newline.

    Equal analyses give byte-identical text.
    """
    return json.dumps(to_contract(analysis), sort_keys=True, ensure_ascii=False, indent=2) + "\n"


def contract_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the contract, shipped beside this module."""
    return json.loads(_schema_text())


def validate_contract(data: dict[str, Any]) -> list[str]:
    """Every way `data` departs from the contract schema, as readable lines; [] if none.

    A development and test helper: it needs the `jsonschema` package from the
    `dev` extra, imported here so that producing output never requires it.
    """
    import jsonschema

    validator = jsonschema.Draft202012Validator(
        contract_schema(), format_checker=jsonschema.FormatChecker()
    )
    leaves = [leaf for error in validator.iter_errors(data) for leaf in _leaves(error)]
    leaves.sort(key=lambda error: (error.json_path, error.message))
    return [f"{error.json_path}: {error.message}" for error in leaves]


def _leaves(error: Any) -> Iterator[Any]:
    """The concrete failures under a `oneOf`, minus the "is not null" branch.

    Nullable fields are `oneOf: [thing, null]`; reporting "is not valid under
    any of the given schemas" would hide which part of the thing is wrong.
    """
    if not error.context:
        yield error
        return
    for branch in error.context:
        if not (branch.validator == "type" and branch.validator_value == "null"):
            yield from _leaves(branch)


@cache
def _schema_text() -> str:
    return resources.files(__package__).joinpath("analysis.schema.json").read_text("utf-8")


def _document(analysed: AnalysedDocument) -> dict[str, Any]:
    document = analysed.document
    return {
        "id": document.id,
        "input": document.input,
        "title": document.title,
        "published": document.published,
        "source": document.source,
        "url": document.url,
        "parties": [_party(party) for party in analysed.parties],
        "transfers": [_transfer(transfer) for transfer in analysed.transfers],
    }


def _party(party: Party) -> dict[str, Any]:
    return {
        "id": party.id,
        "name": party.name,
        "kind": party.kind,
        "country": party.country,
        "mentions": [_span(span) for span in party.mentions],
        "screening": [_hit(hit) for hit in party.screening],
    }


def _hit(hit: ScreeningHit) -> dict[str, Any]:
    return {
        "list": hit.list,
        "entry_id": hit.entry_id,
        "name": hit.name,
        "score": round(hit.score, _DECIMALS),
        "programs": list(hit.programs),
        "listed_on": hit.listed_on,
        "explanation": {
            feature: round(weight, _DECIMALS) for feature, weight in hit.explanation.items()
        },
    }


def _transfer(transfer: Transfer) -> dict[str, Any]:
    return {
        "id": transfer.id,
        "giver": _party_ref(transfer.giver),
        "recipient": _party_ref(transfer.recipient),
        "items": [_item(item) for item in transfer.items],
        "date": _date(transfer.date),
        "origin": transfer.origin,
        "destination": transfer.destination,
        "route": [{"name": stop.name, "country": stop.country} for stop in transfer.route],
        "certainty": transfer.certainty,
        "outcome": transfer.outcome,
        "attributed_to": list(transfer.attributed_to),
        "evidence": _span(transfer.evidence),
        "findings": [_finding(finding) for finding in transfer.findings],
        "also_evidence": [_span(span) for span in transfer.also_evidence],
        "rules": _rules(transfer.rules),
    }


def _rules(rules: Rules | None) -> dict[str, Any] | None:
    if rules is None:
        return None
    return {
        "trigger": _span(rules.trigger),
        "frame": rules.frame,
        "roles": dict(rules.roles),
        "cues": [
            {"text": cue.text, "start": cue.start, "end": cue.end, "sets": cue.sets}
            for cue in rules.cues
        ],
        "document": list(rules.document),
    }


def _party_ref(ref: PartyRef | None) -> dict[str, Any] | None:
    if ref is None:
        return None
    return {"party": ref.party, "name": ref.name, "country": ref.country}


def _item(item: Item) -> dict[str, Any]:
    return {
        "text": item.text,
        "tags": list(item.tags),
        "hs": list(item.hs),
        "quantity": _quantity(item.quantity),
    }


def _quantity(quantity: Quantity | None) -> dict[str, Any] | None:
    if quantity is None:
        return None
    return {
        "value": plain_number(quantity.value),
        "unit": quantity.unit,
        "qualifier": quantity.qualifier,
    }


def _date(date: TransferDate | None) -> dict[str, Any] | None:
    if date is None:
        return None
    return {"value": date.value, "text": date.text, "basis": date.basis}


def _finding(finding: Finding) -> dict[str, Any]:
    return {
        "regime": finding.regime,
        "instrument": finding.instrument,
        "provision": finding.provision,
        "measure": finding.measure,
        "status": finding.status,
        "confidence": round(finding.confidence, _DECIMALS),
        "explanation": finding.explanation,
        "factors": dict(finding.factors),
    }


def _span(span: Span) -> dict[str, Any]:
    return {"text": span.text, "start": span.start, "end": span.end}
