"""lesson departures: lessons that left a lecturer's or an enterprise's calendar

Table lesson_departures (db/calendar_models.py): a lesson deleted, given to another lecturer or
moved to another enterprise's workshop keeps its last times here, so the holder's next calendar
file sends it as cancelled. On SQLite the lessons table is rebuilt with AUTOINCREMENT, so a
deleted lesson's id (and calendar UID) is never given to a new lesson.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07
"""
from alembic import op
import sqlalchemy as sa

revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "lesson_departures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organization_id", sa.Integer(), nullable=False),
        sa.Column("lesson_id", sa.Integer(), nullable=False),
        sa.Column("holder_kind", sa.String(length=12), nullable=False),
        sa.Column("holder_id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("start_time", sa.Time(), nullable=False),
        sa.Column("end_time", sa.Time(), nullable=False),
        sa.Column("summary", sa.String(length=250), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=12), nullable=False),
        sa.Column("departed_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["organization_id"], ["organizations.id"],
                                name=op.f("fk_lesson_departures_organization_id_organizations")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lesson_departures")),
        sa.UniqueConstraint("lesson_id", "holder_kind", "holder_id",
                            name=op.f("uq_lesson_departures_lesson_id_holder_kind_holder_id")),
    )
    op.create_index(op.f("ix_lesson_departures_organization_id"), "lesson_departures",
                    ["organization_id"])
    op.create_index(op.f("ix_lesson_departures_lesson_id"), "lesson_departures", ["lesson_id"])
    if op.get_bind().dialect.name == "sqlite":
        with op.batch_alter_table("lessons", recreate="always",
                                  table_kwargs={"sqlite_autoincrement": True}):
            pass


def downgrade() -> None:
    op.drop_index(op.f("ix_lesson_departures_lesson_id"), table_name="lesson_departures")
    op.drop_index(op.f("ix_lesson_departures_organization_id"), table_name="lesson_departures")
    op.drop_table("lesson_departures")
