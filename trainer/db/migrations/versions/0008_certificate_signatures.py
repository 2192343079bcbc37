"""certificate signatures, signing keys, serial counters

Certificates are signed (Ed25519) over their facts — the holder's normalised name and ID
number, course, hours, level, assessment and dates — so a certificate cannot be moved to
another person or forged from the database alone. `certificate_keys` holds the public halves
(one current key per office: a partial unique index makes a second concurrent creation fail);
the private half never enters the database. `certificate_counters` hands out serials under a
row lock. The old HMAC key (setting certificate.secret_key) is deleted: anyone who could open
the database could read it. Certificates issued before keep their stored code and verify as
"issued before signatures" (not bound to the holder) until they are reissued.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07
"""
from alembic import op
import sqlalchemy as sa

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

CURRENT = "retired_at IS NULL"


def upgrade() -> None:
    op.create_table(
        "certificate_keys",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organization_id", sa.Integer(), nullable=False),
        sa.Column("public_key", sa.String(length=64), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("retired_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["organization_id"], ["organizations.id"],
                                name=op.f("fk_certificate_keys_organization_id_organizations")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_certificate_keys")),
        sa.UniqueConstraint("fingerprint", name=op.f("uq_certificate_keys_fingerprint")),
    )
    op.create_index(op.f("ix_certificate_keys_organization_id"), "certificate_keys",
                    ["organization_id"])
    op.create_index("uq_certificate_keys_current", "certificate_keys", ["organization_id"],
                    unique=True, sqlite_where=sa.text(CURRENT), postgresql_where=sa.text(CURRENT))
    op.create_table(
        "certificate_counters",
        sa.Column("organization_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("next_serial", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["organization_id"], ["organizations.id"],
                                name=op.f("fk_certificate_counters_organization_id_organizations")),
        sa.PrimaryKeyConstraint("organization_id", "year", name=op.f("pk_certificate_counters")),
    )
    with op.batch_alter_table("certificates") as batch_op:
        batch_op.add_column(sa.Column("assessment", sa.String(length=12), nullable=False,
                                      server_default=""))
        batch_op.add_column(sa.Column("score", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("key_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("facts", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("signature", sa.String(length=100), nullable=True))
        batch_op.create_foreign_key(batch_op.f("fk_certificates_key_id_certificate_keys"),
                                    "certificate_keys", ["key_id"], ["id"])
    # the serials handed out so far: each office's year continues after its highest
    op.execute(sa.text(
        "INSERT INTO certificate_counters (organization_id, year, next_serial) "
        "SELECT c.organization_id, y.year, MAX(y.serial) + 1 FROM "
        "(SELECT cohort_id, serial, CAST(EXTRACT(YEAR FROM issued_on) AS INTEGER) AS year "
        " FROM certificates) y JOIN cohorts c ON c.id = y.cohort_id "
        "GROUP BY c.organization_id, y.year")
        if op.get_bind().dialect.name == "postgresql" else sa.text(
        "INSERT INTO certificate_counters (organization_id, year, next_serial) "
        "SELECT c.organization_id, y.year, MAX(y.serial) + 1 FROM "
        "(SELECT cohort_id, serial, CAST(strftime('%Y', issued_on) AS INTEGER) AS year "
        " FROM certificates) y JOIN cohorts c ON c.id = y.cohort_id "
        "GROUP BY c.organization_id, y.year"))
    op.execute(sa.text("DELETE FROM settings WHERE key = 'certificate.secret_key'"))


def downgrade() -> None:
    with op.batch_alter_table("certificates") as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_certificates_key_id_certificate_keys"),
                                 type_="foreignkey")
        for column in ("signature", "facts", "key_id", "score", "assessment"):
            batch_op.drop_column(column)
    op.drop_table("certificate_counters")
    op.drop_index("uq_certificate_keys_current", table_name="certificate_keys")
    op.drop_index(op.f("ix_certificate_keys_organization_id"), table_name="certificate_keys")
    op.drop_table("certificate_keys")
