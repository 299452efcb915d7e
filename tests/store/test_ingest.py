"""Ingest: documents stored once with their analysis; events and parties across documents."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from sanctrace.documents import load_inputs
from sanctrace.pipeline import Analyzer
from sanctrace.store import schema
from sanctrace.store.ingest import ingest
from sanctrace.store.queries import Filters, events, findings
from sanctrace.store.versions import knowledge_version
from sanctrace.store.workspace import Workspace
from store.helpers import WORKSPACE_EXAMPLES, generated_articles, write_jsonl


def _count(workspace: Workspace, table: object) -> int:
    with workspace.reading() as connection:
        return int(connection.execute(select(func.count()).select_from(table)).scalar_one())


def test_ingest_stores_each_document_once(
    store_url: str, analyzer: Analyzer, tmp_path: Path
) -> None:
    articles = generated_articles(3)
    # The same article again with other line breaks is the same document.
    again = {**articles[0], "id": "copy", "text": articles[0]["text"].replace(" ", "\n", 2)}
    source = write_jsonl(tmp_path / "a.jsonl", [*articles, again])
    with Workspace(store_url) as workspace:
        first = ingest(workspace, analyzer, load_inputs([str(source)]))
        # The copy is dropped as it is read (one error line: the run repeats a text).
        assert (first.new, first.stored, first.failed) == (3, 0, 1)
        tables = (schema.DOCUMENTS, schema.TRANSFERS, schema.FINDINGS, schema.PARTIES)
        counts = [_count(workspace, table) for table in tables]
        second = ingest(workspace, analyzer, load_inputs([str(source)]))
        assert (second.new, second.stored) == (0, 3)
        assert [_count(workspace, table) for table in tables] == counts
        with workspace.reading() as connection:
            row = connection.execute(select(schema.DOCUMENTS)).first()
        assert row is not None
        assert row.knowledge_version == knowledge_version()
        assert row.analyser_version.startswith("0.1.0 en_")


def test_ingest_reports_a_bad_input_and_goes_on(
    store_url: str, analyzer: Analyzer, tmp_path: Path
) -> None:
    good = write_jsonl(tmp_path / "good.jsonl", generated_articles(1))
    with Workspace(store_url) as workspace:
        summary = ingest(
            workspace, analyzer, load_inputs([str(tmp_path / "absent.txt"), str(good)])
        )
    assert (summary.new, summary.failed) == (1, 1)
    assert "absent.txt" in summary.errors[0].error


def test_ingest_merges_reports_of_one_event_across_documents(
    store_url: str, analyzer: Analyzer
) -> None:
    with Workspace(store_url) as workspace:
        ingest(workspace, analyzer, load_inputs([str(WORKSPACE_EXAMPLES)]))
        found = events(workspace, Filters(tag="ammunition"))
    assert len(found) == 1
    shells = found[0]
    assert (shells["giver_name"], shells["recipient_name"]) == ("kp", "ru")
    assert sorted(r["source"] for r in shells["reports"]) == [
        "Harbour Watch",
        "KCNA",
        "Seoul Daily",
    ]
    # Two independent outlets raise confidence; the denial stands against the claim.
    assert shells["certainty"] == "reported"
    assert shells["outlets"] == 2 and shells["confidence"] == 0.91
    assert shells["disputed"] is True
    assert "denied by North Korea" in shells["explanation"]["certainty"]
    reasons = [r["reason"] for r in shells["reports"]]
    # "has sent shells since August" is dated by its article: a period's start is no date
    joined = "same giver kp, recipient ru, tags ammunition+arms, dates 2023-11-02 (published)"
    assert f"{joined} and 2023-10" in reasons


def test_ingest_one_party_across_documents(store_url: str, analyzer: Analyzer) -> None:
    with Workspace(store_url) as workspace:
        ingest(workspace, analyzer, load_inputs([str(WORKSPACE_EXAMPLES)]))
        links = schema.PARTY_LINKS.c
        query = (
            select(schema.PARTIES.c.name, links.entity, links.reason)
            .join(schema.PARTY_LINKS, links.party == schema.PARTIES.c.id)
            .where(schema.PARTIES.c.name.in_(["Kim Jong Un", "Chon Ma San"]))
        )
        with workspace.reading() as connection:
            rows = connection.execute(query).all()
        tanker = events(workspace, Filters(party="Chon Ma San"))
    by_name: dict[str, set[str]] = {}
    for name, entity, _ in rows:
        by_name.setdefault(name, set()).add(entity)
    assert {name: len(entities) for name, entities in by_name.items()} == {
        "Kim Jong Un": 1,
        "Chon Ma San": 1,
    }
    assert any(reason == "gazetteer entry person:kim-jong-un" for _, _, reason in rows)
    assert any(reason == "IMO 8660313" for _, _, reason in rows)
    assert len(tanker) == 1 and len(tanker[0]["reports"]) == 2


def test_ingest_findings_filters(store_url: str, analyzer: Analyzer) -> None:
    with Workspace(store_url) as workspace:
        ingest(workspace, analyzer, load_inputs([str(WORKSPACE_EXAMPLES)]))
        everything = findings(workspace, Filters())
        assert everything and all(row["review"] == "unreviewed" for row in everything)

        def keys(**given: str) -> set[str]:
            return {row["key"] for row in findings(workspace, Filters(**given))}  # type: ignore[arg-type]

        limousine = keys(party="putin")
        assert limousine and limousine <= keys(tag="vehicle")
        assert keys(date_from="2024-02", date_to="2024-02-28") >= limousine
        assert not keys(date_to="2018") & limousine
        assert keys(country="ru") >= limousine
        assert keys(regime="un-dprk") <= {row["key"] for row in everything}
        assert keys(instrument="1718") and keys(text="aurus") <= limousine
        assert keys(certainty="reported").isdisjoint(keys(certainty="confirmed"))


def test_ingest_keeps_screening_hits(store_url: str, analyzer: Analyzer) -> None:
    from followthemoney import ValueEntity, model

    from sanctrace.screening import Screener
    from sanctrace.screening.loaders import ListFile
    from sanctrace.store import Store

    entry = ValueEntity(model.get("Person"), {"id": "t-kim", "datasets": ["t"]})
    entry.add("name", "Kim Jong Un")
    with Store(store_url) as lists:
        listed = ListFile("t", "Test list", "t.json", "2024-05-03", iter([entry]), "ftm_json")
        lists.import_list(listed)
        screener = Screener.from_store(lists)
    screening = Analyzer(screener=screener)
    with Workspace(store_url) as workspace:
        ingest(workspace, screening, load_inputs([str(WORKSPACE_EXAMPLES)]))
        hits = schema.SCREENING_HITS.c
        with workspace.reading() as connection:
            rows = connection.execute(select(hits.list, hits.entry_id, hits.data)).all()
    assert rows and {(row.list, row.entry_id) for row in rows} == {("t", "t-kim")}
    assert rows[0].data["explanation"]  # the whole hit, explanation included


def test_ingest_leaves_sqlite_planner_statistics(tmp_path: Path, analyzer: Analyzer) -> None:
    """SQLite plans the findings list from fresh statistics, not by scanning every finding."""
    source = write_jsonl(tmp_path / "a.jsonl", generated_articles(3))
    with Workspace(f"sqlite:///{tmp_path / 'store.sqlite'}") as workspace:
        ingest(workspace, analyzer, load_inputs([str(source)]))
        with workspace.reading() as connection:
            tables = set(connection.exec_driver_sql("SELECT tbl FROM sqlite_stat1").scalars())
    assert {"ws_findings", "ws_transfers", "ws_event_reports"} <= tables
