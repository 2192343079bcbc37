"""open-recruitment programmes and levels (issue 16)

programmes: a plan of recurring classes at a venue with no enterprise (start month, months,
classes a month, class size, eligible categories); programme_levels: the levels it offers
(初级, 等级提升…) with their course, classes a month, pass mark and certificate grade.
cohorts.programme_id/level/window_start/window_end/venue_id: a class of a programme, its level,
its own date window for the planner and its venue. enrolments.level: the trainee's level in
that class. trainees.holds_certificate: already holds the certificate.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07
"""
from alembic import op
import sqlalchemy as sa

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def _versioned() -> list[sa.Column]:
    return [
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("CURRENT_TIMESTAMP"),
                  nullable=False),
        sa.Column("updated_at", sa.DateTime(), server_default=sa.text("CURRENT_TIMESTAMP"),
                  nullable=False),
        sa.Column("updated_by", sa.String(length=100), server_default="", nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "programmes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organization_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("venue_id", sa.Integer(), nullable=False),
        sa.Column("start_month", sa.Date(), nullable=False),
        sa.Column("months", sa.Integer(), nullable=False),
        sa.Column("classes_per_month", sa.Integer(), nullable=False),
        sa.Column("class_size", sa.Integer(), nullable=False),
        sa.Column("eligible_categories", sa.String(length=200), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        *_versioned(),
        sa.ForeignKeyConstraint(["organization_id"], ["organizations.id"],
                                name=op.f("fk_programmes_organization_id_organizations")),
        sa.ForeignKeyConstraint(["venue_id"], ["venues.id"],
                                name=op.f("fk_programmes_venue_id_venues")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_programmes")),
        sa.UniqueConstraint("organization_id", "name",
                            name=op.f("uq_programmes_organization_id_name")),
    )
    op.create_index(op.f("ix_programmes_organization_id"), "programmes", ["organization_id"])
    op.create_index(op.f("ix_programmes_venue_id"), "programmes", ["venue_id"])
    op.create_table(
        "programme_levels",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("programme_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("level", sa.String(length=20), nullable=False),
        sa.Column("course_id", sa.Integer(), nullable=False),
        sa.Column("classes_per_month", sa.Integer(), nullable=False),
        sa.Column("pass_mark", sa.Integer(), nullable=True),
        sa.Column("grade", sa.String(length=20), nullable=False),
        *_versioned(),
        sa.ForeignKeyConstraint(["course_id"], ["courses.id"],
                                name=op.f("fk_programme_levels_course_id_courses")),
        sa.ForeignKeyConstraint(["programme_id"], ["programmes.id"], ondelete="CASCADE",
                                name=op.f("fk_programme_levels_programme_id_programmes")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_programme_levels")),
        sa.UniqueConstraint("programme_id", "level",
                            name=op.f("uq_programme_levels_programme_id_level")),
    )
    op.create_index(op.f("ix_programme_levels_course_id"), "programme_levels", ["course_id"])
    op.create_index(op.f("ix_programme_levels_programme_id"), "programme_levels",
                    ["programme_id"])
    with op.batch_alter_table("cohorts") as batch_op:
        batch_op.add_column(sa.Column("programme_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("level", sa.String(length=20), server_default="",
                                      nullable=False))
        batch_op.add_column(sa.Column("window_start", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("window_end", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("venue_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_cohorts_programme_id"), ["programme_id"])
        batch_op.create_foreign_key(batch_op.f("fk_cohorts_venue_id_venues"), "venues",
                                    ["venue_id"], ["id"])
        batch_op.create_foreign_key(batch_op.f("fk_cohorts_programme_id_programmes"),
                                    "programmes", ["programme_id"], ["id"])
    with op.batch_alter_table("enrolments") as batch_op:
        batch_op.add_column(sa.Column("level", sa.String(length=20), server_default="",
                                      nullable=False))
    # a literal default, not sa.false(): SQLite then adds the column in place (an expression
    # default makes batch mode copy the whole trainees table, a million rows in some offices)
    with op.batch_alter_table("trainees") as batch_op:
        batch_op.add_column(sa.Column("holds_certificate", sa.Boolean(), server_default="0",
                                      nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("trainees") as batch_op:
        batch_op.drop_column("holds_certificate")
    with op.batch_alter_table("enrolments") as batch_op:
        batch_op.drop_column("level")
    with op.batch_alter_table("cohorts") as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_cohorts_programme_id_programmes"),
                                 type_="foreignkey")
        batch_op.drop_constraint(batch_op.f("fk_cohorts_venue_id_venues"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_cohorts_programme_id"))
        batch_op.drop_column("venue_id")
        batch_op.drop_column("window_end")
        batch_op.drop_column("window_start")
        batch_op.drop_column("level")
        batch_op.drop_column("programme_id")
    op.drop_index(op.f("ix_programme_levels_programme_id"), table_name="programme_levels")
    op.drop_index(op.f("ix_programme_levels_course_id"), table_name="programme_levels")
    op.drop_table("programme_levels")
    op.drop_index(op.f("ix_programmes_venue_id"), table_name="programmes")
    op.drop_index(op.f("ix_programmes_organization_id"), table_name="programmes")
    op.drop_table("programmes")
