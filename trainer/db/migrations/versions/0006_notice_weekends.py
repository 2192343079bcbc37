"""holiday notices and weekend training

calendar_overrides.notice_year: the year of the State Council's notice an override was read
from (NULL: entered by hand); a year with such rows is "confirmed by notice".
training_requests.allow_weekends: the enterprise trains on ordinary Saturdays and Sundays too
(never on a statutory holiday or a notice's holiday range).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07
"""
from alembic import op
import sqlalchemy as sa

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("calendar_overrides") as batch_op:
        batch_op.add_column(sa.Column("notice_year", sa.Integer(), nullable=True))
    with op.batch_alter_table("training_requests") as batch_op:
        batch_op.add_column(sa.Column("allow_weekends", sa.Boolean(), server_default=sa.false(),
                                      nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("training_requests") as batch_op:
        batch_op.drop_column("allow_weekends")
    with op.batch_alter_table("calendar_overrides") as batch_op:
        batch_op.drop_column("notice_year")
