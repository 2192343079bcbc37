"""users, audit trail, who saved each row last

`users`: people who log in to one office (role, argon2 password hash, lock after failed logins,
the CLI token's SHA-256). `audit_log`: every create/update/delete and every reveal, export,
login, backup and restore, with the values before and after as JSON; no foreign keys, so an
entry outlives what it tells about. `updated_by` on every versioned table: who saved the row
last, for "changed by <user> at <time>".

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""
from alembic import op
import sqlalchemy as sa

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

# The versioned tables as of this revision (a later table carries its own column from birth).
VERSIONED = ("assessments", "attendance", "calendar_overrides", "cohorts", "courses", "enrolments",
             "enterprises", "lecturers", "lessons", "organizations", "settings", "themes",
             "trainees", "training_requests", "venues")


def upgrade() -> None:
    for table in VERSIONED:  # ADD COLUMN: SQLite needs no table copy for this
        with op.batch_alter_table(table) as batch_op:
            batch_op.add_column(sa.Column("updated_by", sa.String(length=100), nullable=False,
                                          server_default=""))
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organization_id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=50), nullable=False),
        sa.Column("display_name", sa.String(length=100), nullable=False),
        sa.Column("role", sa.String(length=12), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("disabled", sa.Boolean(), nullable=False),
        sa.Column("failed_attempts", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.Column("last_login_at", sa.DateTime(), nullable=True),
        sa.Column("token_hash", sa.String(length=64), nullable=True),
        sa.Column("token_expires_at", sa.DateTime(), nullable=True),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("created_at", sa.DateTime(), server_default=sa.func.current_timestamp(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), server_default=sa.func.current_timestamp(), nullable=False),
        sa.Column("updated_by", sa.String(length=100), server_default="", nullable=False),
        sa.ForeignKeyConstraint(["organization_id"], ["organizations.id"],
                                name=op.f("fk_users_organization_id_organizations")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("organization_id", "username",
                            name=op.f("uq_users_organization_id_username")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_users_token_hash")),
    )
    op.create_index(op.f("ix_users_organization_id"), "users", ["organization_id"])
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organization_id", sa.Integer(), nullable=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("username", sa.String(length=50), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("entity", sa.String(length=50), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=True),
        sa.Column("summary", sa.String(length=200), nullable=False),
        sa.Column("before", sa.Text(), nullable=True),
        sa.Column("after", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    op.create_index("ix_audit_log_org_at", "audit_log", ["organization_id", "at"])
    op.create_index("ix_audit_log_entity_record", "audit_log", ["entity", "record_id"])
    op.create_index("ix_audit_log_user_at", "audit_log", ["user_id", "at"])


def downgrade() -> None:
    op.drop_table("audit_log")
    op.drop_table("users")
    for table in VERSIONED:
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_column("updated_by")
