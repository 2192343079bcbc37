"""Revision 0012 moves the personal values of the entries already in the trail apart (issue 20):
entries written before held full ID numbers and mobiles (masked only when read); after the
upgrade they are masked, kept where a purge can blank them, and the re-chained trail verifies —
except where the old chain was already broken, which the new one still names."""
import datetime as dt
import json

from sqlalchemy import text

from trainer.db.engine import connect
from trainer.db.migrate import open_database, upgrade
from trainer.security.audit import list_audit, verify_trail
from trainer.security.chain import link_v1
from trainer.security.retention import purge_deleted_trainees
from trainer.services.organizations import create_organization
from trainer.services.uow import UnitOfWork

FULL_ID, MOBILE = "11010519491231002X", "13912345678"


def _entries():
    at = dt.datetime(2026, 3, 2, 8, 30)
    created = {"name": "欧阳䶮", "id_number": FULL_ID, "mobile": MOBILE, "gender": "F",
               "version": 1}
    imported = {"columns": ["name", "id_number", "mobile", "organization_id"],
                "rows": [["欧阳䶮", FULL_ID, MOBILE, 1], ["李四", "360502198503123319", "", 1]]}
    return [
        dict(organization_id=1, at=at, user_id=None, username="system", action="create",
             entity="trainees", record_id=None, summary="2 rows", before=None,
             after=json.dumps(imported, ensure_ascii=False)),
        dict(organization_id=1, at=at, user_id=None, username="system", action="create",
             entity="trainees", record_id=7, summary="欧阳䶮", before=None,
             after=json.dumps(created, ensure_ascii=False)),
        dict(organization_id=1, at=at, user_id=None, username="system", action="delete",
             entity="trainees", record_id=7, summary="欧阳䶮",
             before=json.dumps(created, ensure_ascii=False), after=None),
        dict(organization_id=1, at=at, user_id=None, username="system", action="update",
             entity="enterprises", record_id=3, summary="新余钢铁",
             before=json.dumps({"contact_phone": "13800138000"}),
             after=json.dumps({"contact_phone": "13800138001"})),
    ]


def _old_trail(empty_db_url, tamper: int | None = None):
    """A database at revision 0011 whose trail was written by that version (chain v1)."""
    db = connect(empty_db_url)
    upgrade(db, "0011")
    previous = ""
    with db.engine.begin() as conn:
        for n, entry in enumerate(_entries(), start=1):
            entry["chain"] = previous = link_v1(previous, entry)
            if n == tamper:  # changed afterwards by someone with the database's password
                entry["username"] = "nobody"
            conn.execute(text("INSERT INTO audit_log (organization_id, at, user_id, username, "
                              "action, entity, record_id, summary, before, after, chain) VALUES "
                              "(:organization_id, :at, :user_id, :username, :action, :entity, "
                              ":record_id, :summary, :before, :after, :chain)"), entry)
    db.dispose()


def test_old_entries_are_masked_kept_apart_and_chained_again(empty_db_url):
    _old_trail(empty_db_url)
    db = open_database(empty_db_url)
    try:
        with db.engine.connect() as conn:
            raw = " ".join(str(v) for row in conn.execute(text(
                "SELECT summary, before, after, personal FROM audit_log")) for v in row)
        assert FULL_ID not in raw and MOBILE not in raw and "13800138001" not in raw
        uow = UnitOfWork(db)  # no user yet: the system
        create_organization(uow, "新余市总工会", "新余总工会", "XYZGH")
        assert verify_trail(uow).intact
        created = list_audit(uow, entity="trainees", record_id=7, action="create")[0]
        assert created.summary == "欧阳䶮" and created.after["id_number"].endswith("002X")
        assert "*" in created.after["id_number"] and created.after["gender"] == "F"
        rows = list_audit(uow, entity="trainees", action="create", record_id=None)
        bulk = [e for e in rows if isinstance(e.after, list)][0]
        assert [r["name"] for r in bulk.after] == ["欧阳䶮", "李四"]
    finally:
        db.dispose()


def test_a_break_made_before_the_upgrade_is_still_named_after_it(empty_db_url):
    _old_trail(empty_db_url, tamper=2)
    db = open_database(empty_db_url)
    try:
        with db.engine.connect() as conn:
            second = conn.execute(text("SELECT id FROM audit_log ORDER BY id")).all()[1][0]
        uow = UnitOfWork(db)
        create_organization(uow, "新余市总工会", "新余总工会", "XYZGH")
        assert verify_trail(uow).first_break == second
    finally:
        db.dispose()


def test_old_entries_of_a_deleted_trainee_can_be_purged(empty_db_url):
    _old_trail(empty_db_url)
    db = open_database(empty_db_url)
    try:
        uow = UnitOfWork(db)
        create_organization(uow, "新余市总工会", "新余总工会", "XYZGH")
        report = purge_deleted_trainees(uow, now=dt.datetime(2028, 1, 1))
        assert (report.trainees, report.entries) == (1, 3)  # create, delete, the import's row
        with db.engine.connect() as conn:
            raw = " ".join(str(v) for row in conn.execute(text(
                "SELECT summary, before, after, personal FROM audit_log")) for v in row)
        assert "欧阳䶮" not in raw and "李四" in raw
        assert verify_trail(uow).intact
    finally:
        db.dispose()
