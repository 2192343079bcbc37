"""change feed: which kinds of data each committed transaction changed (live views)

Table change_feed (kind → counter), raised at each commit by trainer/db/change_feed.py; the
desks poll it (and on PostgreSQL listen on the channel trainer_changes) to refresh their pages.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07
"""
from alembic import op
import sqlalchemy as sa

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "change_feed",
        sa.Column("kind", sa.String(64), primary_key=True),
        sa.Column("counter", sa.BigInteger(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("change_feed")
