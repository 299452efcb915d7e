"""The lists-only schema that stores had before migrations: list datasets and entities.

A store made by an earlier sanctrace already has these tables (without an
`alembic_version` row): they are kept as they are and the store is stamped.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    existing = set(sa.inspect(op.get_bind()).get_table_names())
    if "list_datasets" not in existing:
        op.create_table(
            "list_datasets",
            sa.Column("id", sa.String(), primary_key=True),
            sa.Column("title", sa.Text(), nullable=False),
            sa.Column("source_path", sa.Text(), nullable=False),
            sa.Column("source_date", sa.String(), nullable=True),
            sa.Column("entity_count", sa.Integer(), nullable=False),
            sa.Column("imported_at", sa.String(), nullable=False),
        )
    if "list_entities" not in existing:
        op.create_table(
            "list_entities",
            sa.Column("dataset", sa.String(), primary_key=True),
            sa.Column("id", sa.String(), primary_key=True),
            sa.Column("schema", sa.String(), nullable=False),
            sa.Column("caption", sa.Text(), nullable=False),
            sa.Column("data", sa.Text(), nullable=False),
        )


def downgrade() -> None:
    op.drop_table("list_entities")
    op.drop_table("list_datasets")
