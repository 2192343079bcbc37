"""certificate history: kinds, reissues, serials

A certificate is reissued by issuing a new one and pointing the old one at it (replaced_by_id,
revoked_at set), so the same trainee and class may own several rows over time. UNIQUE(cohort_id,
trainee_id) is replaced by a partial unique index: one *current* (not revoked) certificate per
class, trainee and kind. `kind` is completion (结业证书) or attendance (培训证明); `grade` and
`attended_minutes` keep what was printed; `serial` is the running number inside the year.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29
"""
from alembic import op
import sqlalchemy as sa

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

CURRENT = "revoked_at IS NULL"


def upgrade() -> None:
    with op.batch_alter_table("certificates") as batch_op:
        batch_op.drop_constraint("uq_certificates_cohort_id_trainee_id", type_="unique")
        batch_op.add_column(sa.Column("kind", sa.String(length=12), nullable=False,
                                      server_default="completion"))
        batch_op.add_column(sa.Column("grade", sa.String(length=20), nullable=False,
                                      server_default=""))
        batch_op.add_column(sa.Column("attended_minutes", sa.Integer(), nullable=False,
                                      server_default="0"))
        batch_op.add_column(sa.Column("serial", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("replaced_by_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f("fk_certificates_replaced_by_id_certificates"),
                                    "certificates", ["replaced_by_id"], ["id"])
        batch_op.create_index(batch_op.f("ix_certificates_issued_on"), ["issued_on"])
    op.create_index("uq_certificates_current", "certificates", ["cohort_id", "trainee_id", "kind"],
                    unique=True, sqlite_where=sa.text(CURRENT), postgresql_where=sa.text(CURRENT))


def downgrade() -> None:
    op.drop_index("uq_certificates_current", table_name="certificates")
    with op.batch_alter_table("certificates") as batch_op:
        batch_op.drop_index(batch_op.f("ix_certificates_issued_on"))
        batch_op.drop_constraint(batch_op.f("fk_certificates_replaced_by_id_certificates"),
                                 type_="foreignkey")
        for column in ("replaced_by_id", "serial", "attended_minutes", "grade", "kind"):
            batch_op.drop_column(column)
        batch_op.create_unique_constraint("uq_certificates_cohort_id_trainee_id",
                                          ["cohort_id", "trainee_id"])
