"""pinyin initials for search

Stores the pinyin initials of enterprise, lecturer and trainee names (张三 → zs) so that a search
by initials runs in SQL with an index instead of converting a million names in Python.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29
"""
from alembic import op
import sqlalchemy as sa

from trainer.rules.pinyin import pinyin_initials

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

TABLES = {"enterprises": 100, "lecturers": 50, "trainees": 50}


def upgrade() -> None:
    for table, length in TABLES.items():
        with op.batch_alter_table(table) as batch_op:
            batch_op.add_column(sa.Column("name_initials", sa.String(length=length),
                                          server_default="", nullable=False))
    with op.batch_alter_table("trainees") as batch_op:
        batch_op.create_index("ix_trainees_org_initials", ["organization_id", "name_initials"])
    conn = op.get_bind()
    for table in TABLES:
        rows = conn.execute(sa.text(f"SELECT id, name FROM {table}")).all()
        update = sa.text(f"UPDATE {table} SET name_initials = :initials WHERE id = :id")
        batch = [{"id": row.id, "initials": pinyin_initials(row.name)} for row in rows]
        if batch:
            conn.execute(update, batch)


def downgrade() -> None:
    with op.batch_alter_table("trainees") as batch_op:
        batch_op.drop_index("ix_trainees_org_initials")
    for table in TABLES:
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_column("name_initials")
