"""audit trail hash chain, several login tokens per user

`audit_log.chain`: SHA-256 of the previous entry's chain and this entry's values
(trainer.security.chain), so an entry changed or removed afterwards breaks the chain at that
point (`trainer audit verify`). Entries already there are chained in id order now.
`user_tokens`: the command line's login tokens, one a desk, each with its own expiry (only the
SHA-256 is stored); the single token columns of `users` go.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07
"""
import datetime as dt

from alembic import op
import sqlalchemy as sa

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

ENTRY_COLUMNS = ("id", "organization_id", "at", "user_id", "username", "action", "entity",
                 "record_id", "summary", "before", "after")


def upgrade() -> None:
    from trainer.security.chain import link_v1 as link

    with op.batch_alter_table("audit_log") as batch_op:
        batch_op.add_column(sa.Column("chain", sa.String(length=64), nullable=True))
    conn = op.get_bind()
    log = sa.table("audit_log", *(sa.column(c) for c in ENTRY_COLUMNS + ("chain",)))
    previous = ""
    rows = conn.execute(sa.select(*(log.c[c] for c in ENTRY_COLUMNS)).order_by(log.c.id)).all()
    for row in rows:
        previous = link(previous, row._mapping)
        conn.execute(log.update().where(log.c.id == row.id).values(chain=previous))

    op.create_table(
        "user_tokens",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("desk", sa.String(length=100), nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE",
                                name=op.f("fk_user_tokens_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_user_tokens")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_user_tokens_token_hash")),
    )
    op.create_index(op.f("ix_user_tokens_user_id"), "user_tokens", ["user_id"])
    users = sa.table("users", sa.column("id"), sa.column("token_hash"),
                     sa.column("token_expires_at"), sa.column("created_at"))
    tokens = sa.table("user_tokens", sa.column("user_id"), sa.column("token_hash"),
                      sa.column("desk"), sa.column("created_at"), sa.column("expires_at"))
    kept = conn.execute(sa.select(users.c.id, users.c.token_hash, users.c.token_expires_at)
                        .where(users.c.token_hash.is_not(None),
                               users.c.token_expires_at.is_not(None))).all()
    if kept:  # logged-in desks stay logged in
        now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
        conn.execute(tokens.insert(), [{"user_id": r.id, "token_hash": r.token_hash, "desk": "",
                                        "created_at": now,
                                        "expires_at": r.token_expires_at} for r in kept])
    with op.batch_alter_table("users") as batch_op:
        batch_op.drop_constraint("uq_users_token_hash", type_="unique")
        batch_op.drop_column("token_hash")
        batch_op.drop_column("token_expires_at")


def downgrade() -> None:
    with op.batch_alter_table("users") as batch_op:
        batch_op.add_column(sa.Column("token_hash", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("token_expires_at", sa.DateTime(), nullable=True))
        batch_op.create_unique_constraint("uq_users_token_hash", ["token_hash"])
    op.drop_table("user_tokens")
    with op.batch_alter_table("audit_log") as batch_op:
        batch_op.drop_column("chain")
