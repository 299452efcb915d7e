"""Ingest and re-analysis: documents through the analyser into the store, one transaction each.

A document is stored whole or not at all, so a killed run leaves only
complete documents, and the next run skips them (by their normalised
text) and stores the rest exactly once. Events are rebuilt at the end.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from sqlalchemy import select, update

from sanctrace.model import AnalysedDocument, Document, InputError
from sanctrace.store import schema
from sanctrace.store.derive import rebuild
from sanctrace.store.rows import document_key
from sanctrace.store.versions import analyser_version, knowledge_version
from sanctrace.store.workspace import Workspace, now

if TYPE_CHECKING:
    from sanctrace.pipeline import Analyzer

Outcome = Literal["new", "stored", "failed", "reanalysed"]
#: Called once per input with its outcome, its name and (for failures) the sentence.
Progress = Callable[[Outcome, str, str | None], None]


@dataclass(slots=True)
class Summary:
    new: int = 0
    stored: int = 0  # already in the store: skipped
    failed: int = 0
    reanalysed: int = 0
    flagged: int = 0  # reviewed findings that re-analysis no longer produces
    events: int = 0
    errors: list[InputError] = field(default_factory=list)

    def count(self, outcome: Outcome) -> None:
        setattr(self, outcome, getattr(self, outcome) + 1)


def versions_of(analyzer: Analyzer) -> tuple[str, str]:
    meta = analyzer.nlp.meta
    name = f"{meta.get('lang', 'xx')}_{meta.get('name', 'pipeline')}"
    return analyser_version(name, str(meta.get("version", "0"))), knowledge_version()


def ingest(
    workspace: Workspace,
    analyzer: Analyzer,
    inputs: Iterable[Document | InputError],
    progress: Progress | None = None,
) -> Summary:
    """Analyse and store every input not stored yet; bad inputs are counted and skipped."""
    summary = Summary()
    report = progress or (lambda *_: None)
    analyser, knowledge = versions_of(analyzer)
    known = workspace.document_keys()

    def fresh() -> Iterator[Document | InputError]:
        for item in inputs:
            if isinstance(item, Document):
                key = document_key(item.text)
                if key in known:
                    summary.count("stored")
                    report("stored", item.input, None)
                    continue
                known.add(key)  # the same article twice in one run is stored once
            yield item

    for result in analyzer.iter_analyze(fresh()):
        if isinstance(result, InputError):
            summary.count("failed")
            summary.errors.append(result)
            report("failed", result.input, result.error)
        elif workspace.add_document(result, analyser, knowledge):
            summary.count("new")
            report("new", result.document.input, None)
        else:
            summary.count("stored")
            report("stored", result.document.input, None)
    summary.events = rebuild(workspace)
    return summary


def reanalyse(
    workspace: Workspace,
    analyzer: Analyzer,
    everything: bool = False,
    progress: Progress | None = None,
) -> Summary:
    """Re-analyse documents analysed by another analyser or knowledge version (or all).

    Machine results are replaced; reviews, decisions and the audit trail are
    untouched, and a reviewed finding that is no longer produced is flagged.
    """
    summary = Summary()
    report = progress or (lambda *_: None)
    analyser, knowledge = versions_of(analyzer)
    for result in analyzer.iter_analyze(_stale(workspace, analyser, knowledge, everything)):
        assert isinstance(result, AnalysedDocument)  # stored texts are never input errors
        workspace.replace_analysis(result, analyser, knowledge)
        summary.count("reanalysed")
        report("reanalysed", result.document.input, None)
    summary.flagged = flag_missing_reviews(workspace)
    summary.events = rebuild(workspace)
    return summary


def _stale(
    workspace: Workspace, analyser: str, knowledge: str, everything: bool
) -> Iterator[Document]:
    d = schema.DOCUMENTS.c
    query = select(d.key, d.text, d.input, d.id, d.published, d.title, d.source, d.url)
    if not everything:
        query = query.where((d.analyser_version != analyser) | (d.knowledge_version != knowledge))
    with workspace.reading() as connection:
        rows = connection.execute(query.order_by(d.key)).all()
    for row in rows:
        yield Document(row.text, row.input, row.id, row.published, row.title, row.source, row.url)


def flag_missing_reviews(workspace: Workspace) -> int:
    """Mark reviews whose finding is gone (and unmark those whose finding is back)."""
    r, f = schema.FINDING_REVIEWS.c, schema.FINDINGS.c
    present = select(f.key)
    with workspace.writing("flag reviewed findings") as connection:
        flagged = connection.execute(
            update(schema.FINDING_REVIEWS)
            .where(r.missing_since.is_(None), r.finding.not_in(present))
            .values(missing_since=now())
        ).rowcount
        connection.execute(
            update(schema.FINDING_REVIEWS)
            .where(r.missing_since.is_not(None), r.finding.in_(present))
            .values(missing_since=None)
        )
    return int(flagged)
