"""Users of the web workspace and their tokens (browser sessions and API tokens).

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "ws_users",
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("role", sa.String(), nullable=False),
        sa.Column("password_hash", sa.Text(), nullable=False),
        sa.Column("created_at", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )
    op.create_table(
        "ws_tokens",
        sa.Column("digest", sa.String(), nullable=False),
        sa.Column("user", sa.String(), nullable=True),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("csrf", sa.String(), nullable=True),
        sa.Column("label", sa.Text(), nullable=True),
        sa.Column("created_at", sa.String(), nullable=False),
        sa.Column("expires_at", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(["user"], ["ws_users.name"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("digest"),
    )
    with op.batch_alter_table("ws_tokens", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_ws_tokens_user"), ["user"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("ws_tokens", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ws_tokens_user"))
    op.drop_table("ws_tokens")
    op.drop_table("ws_users")
