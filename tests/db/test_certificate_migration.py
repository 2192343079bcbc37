"""Revision 0004: certificates keep their history (several rows per class and trainee), one
current certificate per class, trainee and kind; old rows survive the upgrade as completion
certificates; the models match the migrated schema."""
import datetime as dt

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

from trainer.db.engine import connect
from trainer.db.migrate import current_revision, head_revision, open_database, upgrade
from trainer.db.models import Base

ROWS = [
    "INSERT INTO organizations (id, name, short_name, address, phone, certificate_prefix, version) "
    "VALUES (1, '新余市总工会', '', '', '', 'XY', 1)",
    "INSERT INTO themes (id, organization_id, name, color, sort_order, description, version) "
    "VALUES (1, 1, '安全生产', '#d9534f', 1, '', 1)",
    "INSERT INTO courses (id, theme_id, title, total_hours, lesson_count, lesson_minutes, "
    "theory_percent, min_attendance_percent, excused_counts_present, capacity, description, version) "
    "VALUES (1, 1, '有限空间作业安全', 6, 3, 120, 30, 80, false, 60, '', 1)",
    "INSERT INTO cohorts (id, organization_id, course_id, code, name, capacity, open_enrolment, "
    "eligible_categories, status, version) VALUES (1, 1, 1, 'AQ-01', '一班', 60, false, '', 'done', 1)",
    "INSERT INTO trainees (id, organization_id, name, gender, mobile, post, category, notes, version) "
    "VALUES (1, 1, '张三', 'M', '', '', 'regular', '', 1)",
    "INSERT INTO certificates (id, number, verification_code, cohort_id, trainee_id, issued_on, "
    "revoked_reason) VALUES (1, 'XY-2026-AQ-00001', 'ABCD2345', 1, 1, '2026-10-09', '')",
]


def _insert_certificate(conn, cid: int, number: str, code: str, revoked: bool = False,
                        kind: str = "completion") -> None:
    conn.execute(text(
        "INSERT INTO certificates (id, number, verification_code, cohort_id, trainee_id, kind, "
        "grade, attended_minutes, serial, issued_on, revoked_at, revoked_reason) VALUES "
        "(:id, :number, :code, 1, 1, :kind, '', 0, :id, :day, :revoked, '')"),
        {"id": cid, "number": number, "code": code, "kind": kind, "day": dt.date(2026, 10, 9),
         "revoked": dt.datetime(2026, 10, 10) if revoked else None})


def test_upgrade_keeps_certificates_and_allows_history_but_one_current(empty_db_url):
    db = connect(empty_db_url)
    upgrade(db, "0003")
    with db.engine.begin() as conn:
        for statement in ROWS:
            conn.execute(text(statement))
    db.dispose()

    db = open_database(empty_db_url)
    assert current_revision(db) == head_revision()
    with db.engine.begin() as conn:
        row = conn.execute(text("SELECT number, kind, grade, attended_minutes, replaced_by_id "
                                "FROM certificates")).one()
        assert tuple(row) == ("XY-2026-AQ-00001", "completion", "", 0, None)
        _insert_certificate(conn, 2, "XY-2026-AQ-00002", "EFGH2345", kind="attendance")
    with pytest.raises(IntegrityError):  # a second current completion certificate
        with db.engine.begin() as conn:
            _insert_certificate(conn, 3, "XY-2026-AQ-00003", "JKLM2345")
    with db.engine.begin() as conn:  # the reissue: the old one revoked and pointing to the new
        conn.execute(text("UPDATE certificates SET revoked_at = CURRENT_TIMESTAMP WHERE id = 1"))
        _insert_certificate(conn, 3, "XY-2026-AQ-00003", "JKLM2345")
        conn.execute(text("UPDATE certificates SET replaced_by_id = 3 WHERE id = 1"))
        assert conn.execute(text("SELECT count(*) FROM certificates WHERE cohort_id = 1 "
                                 "AND trainee_id = 1")).scalar() == 3
    db.dispose()


def test_models_match_the_migrated_certificates_table(empty_db_url):
    db = open_database(empty_db_url)
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": False})
        diff = [d for d in compare_metadata(context, Base.metadata)
                if "certificates" in repr(d)]
    db.dispose()
    assert diff == []


def test_downgrade_to_0003_restores_the_old_constraint(empty_db_url):
    from alembic import command

    from trainer.db.migrate import alembic_config

    db = open_database(empty_db_url)
    cfg = alembic_config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0003")
    assert current_revision(db) == "0003"
    with db.engine.connect() as conn:
        columns = {c["name"] for c in inspect(conn).get_columns("certificates")}
    assert "kind" not in columns and "replaced_by_id" not in columns
    db.dispose()


def test_0008_drops_the_hmac_key_continues_serials_and_keeps_old_certificates(empty_db_url):
    """Revision 0008: the HMAC key readable by anyone who opened the database is deleted; each
    office's year continues after its highest serial; certificates issued before keep their
    code and verify as issued before signatures."""
    from trainer.services.certificate_verification import verify_certificate
    from trainer.services.uow import UnitOfWork

    db = connect(empty_db_url)
    upgrade(db, "0007")
    with db.engine.begin() as conn:
        for statement in ROWS[:-1]:
            conn.execute(text(statement))
        for cid, serial in ((1, 1), (2, 7)):
            conn.execute(text(
                "INSERT INTO certificates (id, number, verification_code, cohort_id, trainee_id, "
                "kind, grade, attended_minutes, serial, issued_on, revoked_reason, created_at, "
                "updated_at) VALUES (:id, :number, :code, 1, 1, :kind, '', 0, :serial, :day, '', "
                ":at, :at)"),
                {"id": cid, "number": f"XY-2026-AQ-{serial:05d}", "code": f"ABCD234{cid}",
                 "kind": ("completion", "attendance")[cid - 1], "serial": serial,
                 "day": dt.date(2026, 10, 9), "at": dt.datetime(2026, 10, 9, 8)})
        conn.execute(text("INSERT INTO settings (organization_id, key, value, version, updated_by) "
                          "VALUES (1, 'certificate.secret_key', :v, 1, '')"), {"v": '"' + "ab" * 32 + '"'})
    db.dispose()
    db = open_database(empty_db_url)
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM settings WHERE key LIKE 'certificate.secret%'")).scalar() == 0
        assert conn.execute(text("SELECT organization_id, year, next_serial FROM certificate_counters")).all() == [(1, 2026, 8)]
    verdict = verify_certificate(UnitOfWork(db), "XY-2026-AQ-00007", "ABCD-2342")
    assert verdict.status == "legacy"
    db.dispose()
