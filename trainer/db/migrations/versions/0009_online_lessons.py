"""online lessons and online study hours

lessons.online / online_platform / online_link: a lesson given online (腾讯会议, 钉钉…) — no
venue, no seats, the lecturer still booked. online_study: each trainee's online study time in a
class, from the learning platform's export. courses.min_online_hours: the online study a
trainee needs to complete (class hours of 60 minutes; NULL: no such rule).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07
"""
from alembic import op
import sqlalchemy as sa

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("lessons") as batch_op:
        batch_op.add_column(sa.Column("online", sa.Boolean(), server_default=sa.false(),
                                      nullable=False))
        batch_op.add_column(sa.Column("online_platform", sa.String(length=50), server_default="",
                                      nullable=False))
        batch_op.add_column(sa.Column("online_link", sa.String(length=300), server_default="",
                                      nullable=False))
    with op.batch_alter_table("courses") as batch_op:
        batch_op.add_column(sa.Column("min_online_hours", sa.Integer(), nullable=True))
    op.create_table(
        "online_study",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cohort_id", sa.Integer(), nullable=False),
        sa.Column("trainee_id", sa.Integer(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("created_at", sa.DateTime(), server_default=sa.func.current_timestamp(),
                  nullable=False),
        sa.Column("updated_at", sa.DateTime(), server_default=sa.func.current_timestamp(),
                  nullable=False),
        sa.Column("updated_by", sa.String(length=100), server_default="", nullable=False),
        sa.ForeignKeyConstraint(["cohort_id"], ["cohorts.id"],
                                name=op.f("fk_online_study_cohort_id_cohorts")),
        sa.ForeignKeyConstraint(["trainee_id"], ["trainees.id"],
                                name=op.f("fk_online_study_trainee_id_trainees")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_online_study")),
        sa.UniqueConstraint("cohort_id", "trainee_id",
                            name=op.f("uq_online_study_cohort_id_trainee_id")),
    )
    op.create_index(op.f("ix_online_study_cohort_id"), "online_study", ["cohort_id"])
    op.create_index(op.f("ix_online_study_trainee_id"), "online_study", ["trainee_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_online_study_trainee_id"), table_name="online_study")
    op.drop_index(op.f("ix_online_study_cohort_id"), table_name="online_study")
    op.drop_table("online_study")
    with op.batch_alter_table("courses") as batch_op:
        batch_op.drop_column("min_online_hours")
    with op.batch_alter_table("lessons") as batch_op:
        batch_op.drop_column("online_link")
        batch_op.drop_column("online_platform")
        batch_op.drop_column("online")
