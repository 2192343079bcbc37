"""A deleted trainee's personal values do not stay in the audit trail for ever (issue 20,
finding 11), written as the attack: someone who opens the database long after a trainee was
deleted searches the trail's raw text for their name and ID number. After `trainer audit purge`
(audit.retention_days after the deletion) nothing of them is found — in their own entries or in
the import that brought them — while the chain still verifies, the trainee who stays keeps
everything, and the purge is an entry itself. Changing a person's values any other way still
breaks the chain."""
import datetime as dt

import pytest
from sqlalchemy import text

from tests.scenarios.trust_fixtures import PASSWORD, make_staff
from trainer.cli import main
from trainer.db.base import utcnow
from trainer.errors import PermissionDenied
from trainer.io.importing import preview_import, run_import
from trainer.security.audit import list_audit, verify_trail
from trainer.security.audit_text import audit_lines
from trainer.security.retention import purge_deleted_trainees
from trainer.services import trainees as tr
from trainer.services.settings import set_setting

GONE = ("欧阳䶮", "11010519491231002X", "13912345678")  # deleted, then purged
KEPT = ("𠮷田春生", "360502198503123319", "13800138000")  # stays a trainee


def _trail_text(database) -> str:
    """Everything the trail holds, as someone with the database file would read it."""
    with database.engine.connect() as conn:
        rows = conn.execute(text("SELECT summary, before, after, personal FROM audit_log"))
        return "\n".join(" ".join(str(v) for v in row if v is not None) for row in rows)


def _import(uow, tmp_path):
    path = tmp_path / "学员名单.csv"
    lines = ["姓名,性别,身份证号,手机号", f"{GONE[0]},女,{GONE[1]},{GONE[2]}",
             f"{KEPT[0]},男,{KEPT[1]},{KEPT[2]}"]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("gb18030"))  # as Excel saves a CSV
    preview = preview_import(uow, "trainees", path)
    assert len(preview.accepted) == 2
    run_import(uow, preview)
    return {t.name: t for t in tr.list_trainees(uow)}


def test_a_deleted_trainee_leaves_nothing_personal_in_the_trail_after_the_retention(uow,
                                                                                   tmp_path):
    staff = make_staff(uow.database)
    clerk, admin = staff.uow(staff.clerk), staff.uow(staff.admin)
    people = _import(clerk, tmp_path)
    gone = people[GONE[0]]
    gone = tr.update_trainee(clerk, gone.id, tr.TraineeForm(name=GONE[0], id_number=GONE[1],
                                                            mobile=GONE[2], gender="女",
                                                            post="电工"), gone.version)
    tr.delete_trainee(clerk, gone.id, gone.version)
    raw = _trail_text(uow.database)
    assert GONE[0] in raw and GONE[1][-4:] in raw and "电工" in raw  # what the attack finds

    assert purge_deleted_trainees(admin).entries == 0  # within the retention: kept
    later = utcnow() + dt.timedelta(days=366)
    counted = purge_deleted_trainees(admin, dry_run=True, now=later)
    assert (counted.trainees, counted.entries) == (1, 3)  # the import, the update, the delete
    assert _trail_text(uow.database) == raw  # a dry run changes nothing
    report = purge_deleted_trainees(admin, now=later)
    assert report.entries == counted.entries and report.values == counted.values

    raw = _trail_text(uow.database)
    assert GONE[0] not in raw and GONE[1][-4:] not in raw and GONE[2][-4:] not in raw
    assert "电工" not in raw
    assert KEPT[0] in raw and KEPT[1][-4:] in raw  # the trainee who stays keeps it all
    assert verify_trail(admin).intact
    mine = list_audit(admin, entity="trainees", record_id=gone.id)
    assert {e.action for e in mine} == {"update", "delete"} and all(
        e.summary == "" for e in mine)
    lines = [line.sentence for line in audit_lines(admin, "zh", entity="trainee",
                                                   record_id=gone.id)]
    assert any("已清除" in line for line in lines), lines
    purge = list_audit(admin, action="purge")
    assert len(purge) == 1 and purge[0].after["trainees"] == 1
    assert purge_deleted_trainees(admin, now=later).entries == 0  # nothing left to purge
    with pytest.raises(PermissionDenied):
        purge_deleted_trainees(clerk, now=later)


def test_changing_a_persons_values_in_the_trail_still_breaks_the_chain(uow):
    staff = make_staff(uow.database)
    trainee = tr.create_trainee(staff.uow(staff.clerk), tr.TraineeForm(
        name=GONE[0], id_number=GONE[1], mobile=GONE[2]))
    entry = list_audit(staff.uow(staff.admin), entity="trainees", record_id=trainee.id)[0]
    with uow.database.engine.begin() as conn:  # someone with the database's password
        conn.execute(text("UPDATE audit_log SET personal = replace(personal, :a, :b) "
                          "WHERE id = :id"), {"a": GONE[0], "b": "李冒名", "id": entry.id})
    assert verify_trail(staff.uow(staff.admin)).first_break == entry.id


def test_the_purge_command(uow, tmp_path, monkeypatch, capsys):
    if not uow.database.is_sqlite:
        pytest.skip("the command's database is a file here")
    staff = make_staff(uow.database)
    clerk = staff.uow(staff.clerk)
    trainee = tr.create_trainee(clerk, tr.TraineeForm(name=GONE[0], id_number=GONE[1]))
    tr.delete_trainee(clerk, trainee.id, trainee.version)
    set_setting(staff.uow(staff.admin), "audit.retention_days", 0, force=True)  # purge at once
    monkeypatch.setenv("TRAINER_PASSWORD", PASSWORD)
    url = str(uow.database.url)
    assert main(["audit", "purge", "--dry-run", "--db", url, "--as", "admin",
                 "--lang", "en"]) == 0
    assert "Would purge the personal data of 1 trainees" in capsys.readouterr().out
    assert GONE[0] in _trail_text(uow.database)
    assert main(["audit", "purge", "--db", url, "--as", "clerk", "--lang", "en"]) != 0
    assert main(["audit", "purge", "--db", url, "--as", "admin", "--lang", "en"]) == 0
    assert "Purged the personal data of 1 trainees" in capsys.readouterr().out
    assert GONE[0] not in _trail_text(uow.database)
    assert main(["audit", "verify", "--db", url, "--as", "admin", "--lang", "en"]) == 0
