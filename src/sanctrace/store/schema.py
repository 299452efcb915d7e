"""The workspace's tables, beside the lists' tables in the same store.

Three kinds of rows, kept apart so that re-analysis can replace machine
results without touching a human decision:

- machine results per document (documents, parties, screening hits,
  transfers, items, findings), written in one transaction per document;
- derived rows rebuilt from them (party identities, events and their
  reports), rewritten in one transaction;
- human decisions (finding reviews, event and party decisions) and the
  audit trail, only ever written by an analyst's command.

Shapes that the analyser may extend (a transfer's `rules`, a finding's
`factors`) live whole in the `data` JSON column of their row; the other
columns are what queries filter on.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

METADATA = MetaData()

DOCUMENTS = Table(
    "ws_documents",
    METADATA,
    # The id of the normalised text (`sanctrace.documents.document_id`): one
    # row per article, whatever file or line it came from.
    Column("key", String, primary_key=True),
    Column("id", String, nullable=False),  # the input's own id, as the contract gives it
    Column("input", Text, nullable=False),
    Column("title", Text),
    Column("published", String),
    Column("source", Text),
    Column("url", Text),
    Column("text", Text, nullable=False),
    Column("analyser_version", String, nullable=False),
    Column("knowledge_version", String, nullable=False),
    Column("analysed_at", String, nullable=False),
)

PARTIES = Table(
    "ws_parties",
    METADATA,
    Column("id", String, primary_key=True),  # "<document key>/<party id>"
    Column("document", String, ForeignKey("ws_documents.key", ondelete="CASCADE"), index=True),
    Column("local_id", String, nullable=False),
    Column("name", Text, nullable=False),
    Column("kind", String, nullable=False),
    Column("country", String),
    Column("imo", String),  # the vessel's IMO number when the text gives one
    Column("data", JSON, nullable=False),
)

SCREENING_HITS = Table(
    "ws_screening_hits",
    METADATA,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("party", String, ForeignKey("ws_parties.id", ondelete="CASCADE"), index=True),
    Column("list", String, nullable=False),
    Column("entry_id", String, nullable=False),
    Column("name", Text, nullable=False),
    Column("score", Float, nullable=False),
    Column("data", JSON, nullable=False),
)

TRANSFERS = Table(
    "ws_transfers",
    METADATA,
    Column("id", String, primary_key=True),  # "<document key>/<transfer id>"
    Column("document", String, ForeignKey("ws_documents.key", ondelete="CASCADE"), index=True),
    Column("local_id", String, nullable=False),
    Column("position", Integer, nullable=False),
    Column("giver", String),  # ws_parties.id
    Column("recipient", String),
    Column("giver_name", Text),
    Column("recipient_name", Text),
    Column("giver_country", String),
    Column("recipient_country", String),
    Column("origin", String),
    Column("destination", String),
    Column("date_value", String),
    Column("date_basis", String),
    # The date as a span of days (ISO), so that "2023" overlaps "2023-10".
    Column("date_start", String),
    Column("date_end", String),
    Column("certainty", String, nullable=False),
    Column("outcome", String, nullable=False),
    Column("tags", Text, nullable=False),  # " arms ammunition ": every item's tags, for filters
    Column("evidence_text", Text, nullable=False),
    Column("evidence_start", Integer, nullable=False),
    Column("evidence_end", Integer, nullable=False),
    Column("data", JSON, nullable=False),
)

ITEMS = Table(
    "ws_items",
    METADATA,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("transfer", String, ForeignKey("ws_transfers.id", ondelete="CASCADE"), index=True),
    Column("position", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("tags", JSON, nullable=False),
    Column("hs", JSON, nullable=False),
    Column("quantity", JSON),
)

FINDINGS = Table(
    "ws_findings",
    METADATA,
    # Stable across re-analysis while the transfer and legal basis stay the
    # same, so that a review finds its finding again.
    Column("key", String, primary_key=True),
    Column("transfer", String, ForeignKey("ws_transfers.id", ondelete="CASCADE"), index=True),
    Column("document", String, nullable=False, index=True),
    Column("regime", String, nullable=False, index=True),
    Column("instrument", Text, nullable=False),
    Column("provision", Text, nullable=False),
    Column("measure", Text, nullable=False),
    Column("status", String, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("explanation", Text, nullable=False),
    Column("data", JSON, nullable=False),
)

PARTY_LINKS = Table(
    "ws_party_links",
    METADATA,
    Column("party", String, primary_key=True),  # ws_parties.id
    Column("entity", String, nullable=False, index=True),
    Column("reason", Text, nullable=False),
)

ENTITIES = Table(
    "ws_party_entities",
    METADATA,
    Column("id", String, primary_key=True),
    Column("name", Text, nullable=False),
    Column("kind", String, nullable=False),
    Column("country", String),
    Column("basis", String, nullable=False),  # gazetteer | imo | name
)

EVENTS = Table(
    "ws_events",
    METADATA,
    Column("id", String, primary_key=True),
    Column("giver", String),  # ws_party_entities.id
    Column("recipient", String),
    Column("giver_name", Text),
    Column("recipient_name", Text),
    Column("tags", Text, nullable=False),
    Column("date_start", String),
    Column("date_end", String),
    Column("certainty", String, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("disputed", Boolean, nullable=False),
    Column("reports", Integer, nullable=False),
    Column("outlets", Integer, nullable=False),
    Column("explanation", JSON, nullable=False),
)

EVENT_REPORTS = Table(
    "ws_event_reports",
    METADATA,
    Column("transfer", String, primary_key=True),
    Column("event", String, nullable=False, index=True),
    Column("reason", Text, nullable=False),
)

FINDING_REVIEWS = Table(
    "ws_finding_reviews",
    METADATA,
    Column("finding", String, primary_key=True),  # ws_findings.key, kept when the finding goes
    Column("status", String, nullable=False),  # confirmed | dismissed
    Column("reason", Text),
    Column("note", Text),
    Column("actor", String, nullable=False),
    Column("at", String, nullable=False),
    # Set when a re-analysis no longer produces the finding: flagged, never deleted.
    Column("missing_since", String),
    Column("snapshot", JSON, nullable=False),  # the finding as it was reviewed
)

EVENT_DECISIONS = Table(
    "ws_event_decisions",
    METADATA,
    # Decisions name a report of each event: event ids change when events
    # are rebuilt, transfers do not.
    Column("transfer", String, primary_key=True),
    Column("duplicate_of", String, nullable=False),
    Column("actor", String, nullable=False),
    Column("at", String, nullable=False),
    Column("note", Text),
)

PARTY_DECISIONS = Table(
    "ws_party_decisions",
    METADATA,
    Column("party", String, primary_key=True),
    Column("other", String, primary_key=True),
    Column("decision", String, nullable=False),  # same | different
    Column("actor", String, nullable=False),
    Column("at", String, nullable=False),
    Column("note", Text),
)

AUDIT = Table(
    "ws_audit",
    METADATA,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", String, nullable=False),
    Column("actor", String, nullable=False),
    Column("action", String, nullable=False),
    Column("target", String, nullable=False, index=True),
    Column("before", JSON),
    Column("after", JSON),
)

Index("ws_transfers_date", TRANSFERS.c.date_start, TRANSFERS.c.date_end)

USERS = Table(
    "ws_users",
    METADATA,
    Column("name", String, primary_key=True),
    Column("role", String, nullable=False),  # reader | analyst | admin
    Column("password_hash", Text, nullable=False),  # argon2id, with its own salt
    Column("created_at", String, nullable=False),
)

TOKENS = Table(
    "ws_tokens",
    METADATA,
    # The SHA-256 of the token: the token itself is shown once and never stored.
    Column("digest", String, primary_key=True),
    Column("user", String, ForeignKey("ws_users.name", ondelete="CASCADE"), index=True),
    Column("kind", String, nullable=False),  # session (a browser's cookie) | api (a program's)
    Column("csrf", String),  # sessions only: the token every form must carry
    Column("label", Text),
    Column("created_at", String, nullable=False),
    Column("expires_at", String),  # None: until revoked
)
