"""Permissions are held in the services: every write goes through the guard's session events,
whoever calls. A clerk cannot issue certificates, a viewer cannot change anything, nobody logged
in may only read once the database has users, and a user stays in their own office."""
import datetime as dt

import pytest
from sqlalchemy import delete, func, select, update

from tests.scenarios.certificate_keys import make_signer
from tests.scenarios.pdf_scenario import make_class
from tests.scenarios.trust_fixtures import PASSWORD, make_staff
from trainer.db.models import AuditLog, Base, Certificate, Enterprise, Trainee
from trainer.errors import AuthenticationError, PermissionDenied
from trainer.io.importing import preview_import, run_import
from trainer.security.audit import can_reveal, list_audit, record_reveal
from trainer.security.users import create_user, set_disabled, set_role
from trainer.services import attendance, enrolment, requests, schedule, trainees
from trainer.services import enterprises as ent
from trainer.services.certificate_keys import create_key
from trainer.services.certificate_verification import verify_certificate
from trainer.services.certificates import issue_certificates
from trainer.services.organizations import create_organization
from trainer.services.settings import get_setting, set_setting
from trainer.services.uow import UnitOfWork


def fingerprint(database):
    """Rows and versions of every table but the audit trail: equal before and after means
    nothing was written."""
    out = {}
    with database.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            if table.name == "audit_log":
                continue
            count = conn.scalar(select(func.count()).select_from(table))
            versions = conn.scalar(select(func.sum(table.c.version))) if "version" in table.c else 0
            out[table.name] = (count, versions)
    return out


def test_a_database_without_users_runs_as_the_system(uow):
    with uow:
        assert uow.actor.role == "system"
    rec = ent.create_enterprise(uow, ent.EnterpriseForm("新余钢铁"))
    assert rec.name == "新余钢铁"


def test_once_a_user_exists_nobody_logged_in_may_only_read(uow):
    ent.create_enterprise(uow, ent.EnterpriseForm("新余钢铁"))
    make_staff(uow.database)
    nobody = UnitOfWork(uow.database)
    assert [e.name for e in ent.list_enterprises(nobody)] == ["新余钢铁"]
    with pytest.raises(PermissionDenied) as info:
        ent.create_enterprise(nobody, ent.EnterpriseForm("新余锂电"))
    assert "请先登录" in info.value.message("zh") and "Log in first" in info.value.message("en")
    assert [e.name for e in ent.list_enterprises(nobody)] == ["新余钢铁"]


def test_a_clerk_cannot_issue_certificates_an_officer_can(uow):
    scenario = make_class(uow, trainees=12, lessons=4)
    staff = make_staff(uow.database)
    signer = make_signer(staff.uow(staff.officer), staff.uow(staff.admin))
    with pytest.raises(PermissionDenied) as info:  # even holding the unlocked key
        issue_certificates(staff.uow(staff.clerk), scenario.cohort_id, signer=signer)
    assert info.value.role == "clerk" and info.value.entity == "certificates"
    assert info.value.message("zh") == "权限不足：办事员不能新建结业证书。"
    assert info.value.message("en") == "Permission denied: a clerk may not create certificate records."
    with uow:
        assert uow.session.scalar(select(func.count()).select_from(Certificate)) == 0
    issued = issue_certificates(staff.uow(staff.officer), scenario.cohort_id, signer=signer)
    assert issued.issued
    with uow:
        assert uow.session.scalar(select(func.count()).select_from(Certificate)) == len(issued.issued)
    made = list_audit(staff.uow(staff.admin), entity="certificate", action="create", limit=None)
    assert len(made) == len(issued.issued) and {e.username for e in made} == {"officer"}


def test_a_viewer_cannot_change_anything(uow, tmp_path):
    scenario = make_class(uow, trainees=6, lessons=2)
    spare = ent.create_venue(uow, ent.VenueForm("职工培训中心", None, capacity=80))
    staff = make_staff(uow.database)
    signer = make_signer(staff.uow(staff.officer), staff.uow(staff.admin))
    viewer = staff.uow(staff.viewer)
    trainee = trainees.get_trainee(viewer, scenario.trainee_ids[0])
    roster = tmp_path / "roster.csv"
    roster.write_text("姓名,身份证号\n张三,11010519491231002X\n", encoding="utf-8")
    preview = preview_import(viewer, "trainees", roster, enterprise=scenario.enterprise_id)
    assert len(preview.accepted) == 1  # reading and checking a file is allowed…
    before = fingerprint(uow.database)
    attempts = {
        "create enterprise": lambda: ent.create_enterprise(viewer, ent.EnterpriseForm("新余锂电")),
        "update trainee": lambda: trainees.update_trainee(
            viewer, trainee.id, trainees.TraineeForm(trainee.name, trainee.id_number, post="班长"),
            trainee.version),
        "delete venue": lambda: ent.delete_venue(viewer, spare.id, spare.version),
        "set setting": lambda: set_setting(viewer, "schedule.travel_gap_minutes", 30, force=True),
        "request": lambda: requests.create_request(viewer, requests.TrainingRequestForm(
            scenario.enterprise_id, scenario.course_id, 30, dt.date(2027, 3, 1),
            dt.date(2027, 3, 31))),
        "lesson": lambda: schedule.set_lesson_locked(viewer, scenario.lesson_ids[-1], True, None,
                                                   force=True),
        "attendance": lambda: attendance.save_attendance(viewer, [attendance.CellChange(
            scenario.lesson_ids[0], scenario.trainee_ids[0], "absent")]),
        "withdraw": lambda: enrolment.withdraw_trainee(viewer, scenario.cohort_id,
                                                       scenario.trainee_ids[1], None, force=True),
        "import (bulk insert)": lambda: run_import(viewer, preview),  # …writing it is not
        "add user": lambda: create_user(viewer, "other", PASSWORD, "viewer"),
        "certificates": lambda: issue_certificates(viewer, scenario.cohort_id, signer=signer),
        "signing key": lambda: create_key(viewer, "a passphrase of mine", replace=True),
    }
    refused = {}
    for what, attempt in attempts.items():
        with pytest.raises(PermissionDenied) as info:
            attempt()
        refused[what] = info.value.role
    assert set(refused.values()) == {"viewer"}
    assert fingerprint(uow.database) == before
    assert verify_certificate(viewer, "XYZGH-2026-AQ-00001", "ABCD-EFGH").status != "genuine"


def test_a_clerk_keeps_trainees_and_records_but_not_plans_or_master_data(uow):
    scenario = make_class(uow, trainees=4, lessons=2)
    staff = make_staff(uow.database)
    clerk = staff.uow(staff.clerk)
    new = trainees.create_trainee(clerk, trainees.TraineeForm("李四", "11010519491231002X"))
    saved = attendance.save_attendance(clerk, [attendance.CellChange(
        scenario.lesson_ids[0], scenario.trainee_ids[0], "late", 10)])
    assert saved.updated == 1 and new.name == "李四"
    with pytest.raises(PermissionDenied):
        ent.create_enterprise(clerk, ent.EnterpriseForm("新余锂电"))
    with pytest.raises(PermissionDenied):
        schedule.set_lesson_locked(clerk, scenario.lesson_ids[-1], True, None, force=True)
    with pytest.raises(PermissionDenied):
        set_setting(clerk, "completion.require_assessment", True, force=True)


def test_settings_belong_to_their_area(uow):
    staff = make_staff(uow.database)
    officer, admin = staff.uow(staff.officer), staff.uow(staff.admin)
    set_setting(officer, "schedule.travel_gap_minutes", 45, force=True)  # the officer's planning rules
    with pytest.raises(PermissionDenied) as info:
        set_setting(officer, "backup.keep", 3, force=True)  # the administrator's
    assert info.value.entity == "settings"
    set_setting(admin, "backup.keep", 3, force=True)
    assert get_setting(officer, "backup.keep") == 3
    assert get_setting(officer, "schedule.travel_gap_minutes") == 45


def test_a_role_change_or_a_disabled_account_counts_at_once(uow):
    staff = make_staff(uow.database)
    officer = staff.uow(staff.officer)  # a session opened while still an officer
    ent.create_enterprise(officer, ent.EnterpriseForm("新余钢铁"))
    set_role(staff.uow(staff.admin), "officer", "viewer")
    with pytest.raises(PermissionDenied) as info:
        ent.create_enterprise(officer, ent.EnterpriseForm("新余锂电"))
    assert info.value.role == "viewer"
    set_disabled(staff.uow(staff.admin), "clerk")
    with pytest.raises(AuthenticationError) as info:
        trainees.create_trainee(staff.uow(staff.clerk), trainees.TraineeForm("李四"))
    assert info.value.reason == "disabled"


def test_users_stay_in_their_own_office(uow):
    staff = make_staff(uow.database)
    admin = staff.uow(staff.admin)
    second = create_organization(admin, "萍乡市总工会")  # an admin sets up a new office…
    create_user(admin, "px-admin", PASSWORD, "admin")  # …and its first administrator
    with pytest.raises(PermissionDenied) as info:  # from then on it is theirs
        UnitOfWork(uow.database, second.id, user=staff.admin)
    assert info.value.action == "other_office"
    with pytest.raises(PermissionDenied):
        UnitOfWork(uow.database, second.id, user=staff.clerk)
    own = staff.uow(staff.clerk)
    with pytest.raises(PermissionDenied) as info:
        own.use_organization(second.id)
    assert "本单位" in info.value.message("zh")


def _refused_bulk_changes(unit) -> None:
    with pytest.raises(PermissionDenied) as info:
        with unit:
            unit.session.execute(delete(AuditLog))
    assert "审计日志不能修改或删除" in info.value.message("zh")
    with pytest.raises(PermissionDenied):
        with unit:
            unit.session.execute(update(AuditLog).values(username="x"))


def test_the_audit_trail_cannot_be_changed_not_even_by_the_system(uow):
    ent.create_enterprise(uow, ent.EnterpriseForm("新余钢铁"))
    _refused_bulk_changes(uow)  # the system (no user yet)
    staff = make_staff(uow.database)
    admin = staff.uow(staff.admin)
    _refused_bulk_changes(admin)
    with pytest.raises(PermissionDenied):
        with admin:
            entry = admin.session.scalar(select(AuditLog).limit(1))
            entry.summary = "nothing happened"
            admin.session.flush()
    with pytest.raises(PermissionDenied):
        with admin:
            admin.session.delete(admin.session.scalar(select(AuditLog).limit(1)))
            admin.session.flush()
    assert {e.summary for e in list_audit(admin, entity="enterprise")} == {"新余钢铁"}


def test_revealing_personal_data_needs_the_right_and_is_recorded(uow):
    staff = make_staff(uow.database)
    assert not can_reveal(staff.uow(staff.viewer)) and can_reveal(staff.uow(staff.clerk))
    with pytest.raises(PermissionDenied) as info:
        record_reveal(staff.uow(staff.viewer), "list trainees", entity="trainees")
    assert "身份证号" in info.value.message("zh")
    record_reveal(staff.uow(staff.clerk), "list trainees --search 张", entity="trainees")
    record_reveal(staff.uow(staff.clerk), "export trainees", entity="trainees", export=True)
    entries = list_audit(staff.uow(staff.admin), user="clerk", entity="trainee")
    assert [(e.action, e.summary) for e in entries] == [
        ("export", "export trainees"), ("reveal", "list trainees --search 张")]
    with pytest.raises(PermissionDenied):  # reading the trail is the administrator's
        list_audit(staff.uow(staff.officer))


def test_bulk_statements_are_held_to_the_same_rule(uow):
    staff = make_staff(uow.database)
    clerk = staff.uow(staff.clerk)
    with clerk:  # a clerk may bulk-insert trainees (the import's path) but not enterprises
        clerk.session.execute(Trainee.__table__.insert().values(
            organization_id=clerk.organization_id), [{"name": "王五", "id_number": None}])
    with pytest.raises(PermissionDenied):
        with clerk:
            clerk.session.execute(Enterprise.__table__.insert(),
                                  [{"organization_id": clerk.organization_id, "name": "x"}])
    with pytest.raises(PermissionDenied):  # nor write into another office
        with clerk:
            clerk.session.execute(Trainee.__table__.insert(),
                                  [{"organization_id": clerk.organization_id + 1, "name": "y"}])
