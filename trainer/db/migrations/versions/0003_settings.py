"""office settings

A key/value table (JSON values) for settings that belong to the office and must be the same for
everyone who shares the database: scheduling rules, planner weights, certificate key, fonts.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29
"""
from alembic import op
import sqlalchemy as sa

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "settings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organization_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("created_at", sa.DateTime(), server_default=sa.func.current_timestamp(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), server_default=sa.func.current_timestamp(), nullable=False),
        sa.ForeignKeyConstraint(["organization_id"], ["organizations.id"],
                                name=op.f("fk_settings_organization_id_organizations")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_settings")),
        sa.UniqueConstraint("organization_id", "key", name=op.f("uq_settings_organization_id_key")),
    )
    with op.batch_alter_table("settings") as batch_op:
        batch_op.create_index(batch_op.f("ix_settings_organization_id"), ["organization_id"])


def downgrade() -> None:
    op.drop_table("settings")
