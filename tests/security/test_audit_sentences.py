"""The audit trail as sentences (issue 17): each entry said in the UI language with people's and
records' names, field labels and masked values — never table names or JSON — and exported to
Excel as shown."""
import datetime as dt

from openpyxl import load_workbook

from tests.scenarios.pdf_scenario import make_class
from tests.scenarios.trust_fixtures import make_staff
from trainer.security.audit_text import audit_lines, export_audit
from trainer.services import enrolment, trainees

ID_A = "11010519491231002X"


def _trainee_changed(uow):
    staff = make_staff(uow.database)
    clerk = staff.uow(staff.clerk)
    rec = trainees.create_trainee(clerk, trainees.TraineeForm("张三", ID_A, mobile="13800138000"))
    trainees.update_trainee(clerk, rec.id, trainees.TraineeForm(
        "张三", ID_A, mobile="13900139000", post="焊工"), rec.version)
    return staff, rec


def test_a_change_reads_as_a_chinese_sentence(db_url):
    from trainer.db.migrate import open_database
    from trainer.services.organizations import create_organization
    from trainer.services.uow import UnitOfWork

    database = open_database(db_url)
    create_organization(UnitOfWork(database), "新余市总工会")
    staff, rec = _trainee_changed(UnitOfWork(database))
    admin = staff.uow(staff.admin)
    lines = audit_lines(admin, "zh", entity="trainee", record_id=rec.id)
    assert [line.action for line in lines] == ["修改", "新建"]
    assert lines[0].sentence == ("张办事 将学员 张三 的手机号由 138****8000 改为 139****9000，"
                                 "岗位由 空 改为 焊工")
    assert lines[1].sentence == "张办事 新建了学员 张三"
    assert lines[0].who == "张办事"
    for line in lines:
        assert "trainees" not in line.sentence and "{" not in line.sentence
    database.dispose()


def test_the_same_entries_in_english(db_url):
    from trainer.db.migrate import open_database
    from trainer.services.organizations import create_organization
    from trainer.services.uow import UnitOfWork

    database = open_database(db_url)
    create_organization(UnitOfWork(database), "新余市总工会")
    staff, rec = _trainee_changed(UnitOfWork(database))
    lines = audit_lines(staff.uow(staff.admin), "en", entity="trainee", record_id=rec.id)
    assert lines[0].sentence == ("张办事 changed trainee 张三: mobile from 138****8000 to "
                                 "139****9000; post from empty to 焊工")
    assert lines[1].sentence == "张办事 created trainee 张三"
    assert lines[0].action == "update"
    database.dispose()


def test_an_enrolment_names_its_class_and_trainee_and_logins_read_too(uow, tmp_path):
    cohort_id = make_class(uow, trainees=1)
    staff = make_staff(uow.database)
    admin = staff.uow(staff.admin)
    lines = audit_lines(admin, "zh", limit=None)
    enrolled = [line.sentence for line in lines if "报名" in line.sentence]
    assert enrolled, [line.sentence for line in lines]
    assert "#" not in enrolled[0] and "培训班" in enrolled[0]
    assert not any("#" in line.sentence for line in lines), [line.sentence for line in lines]
    people = [line.sentence for line in lines if "新建了用户" in line.sentence]
    assert "王管理 新建了用户 clerk" in people and "系统 新建了用户 admin" in people
    assert cohort_id


def test_the_lines_shown_export_to_excel(uow, tmp_path):
    staff, rec = _trainee_changed(uow)
    lines = audit_lines(staff.uow(staff.admin), "zh", entity="trainee")
    out = export_audit(lines, tmp_path / "操作日志.xlsx", "zh")
    sheet = load_workbook(out).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("时间", "操作人", "操作", "内容")
    assert rows[1][1:] == ("张办事", "修改", lines[0].sentence)
    assert isinstance(rows[1][0], dt.datetime)
    assert len(rows) == 1 + len(lines)


def test_the_command_line_prints_the_same_sentences(uow, capsys, monkeypatch):
    from trainer.cli import main

    staff, rec = _trainee_changed(uow)
    monkeypatch.setenv("TRAINER_PASSWORD", "correct horse 1")
    code = main(["--lang", "zh", "audit", "--db", str(uow.database.url), "--as", "admin",
                 "--entity", "trainee"])
    out = capsys.readouterr().out
    assert code == 0
    assert "张办事 将学员 张三 的手机号由 138****8000 改为 139****9000，岗位由 空 改为 焊工" in out
