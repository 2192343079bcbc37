"""Open-recruitment programmes (issue 16) through the services and the command line, on SQLite
and PostgreSQL: making one makes its classes and (with the planner) their lessons; the
applicants' list places each eligible applicant in the first class of their level with a place,
refusing the others with their row and reason; levels set pass marks and certificate grades.
The command line: tests/cli/test_programmes.py."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from tests.scenarios.attendance_fixtures import id_number
from tests.scenarios.programme_fixtures import (applicant, build_office, make_programme,
                                                  programme_form, write_xlsx)
from tests.sheet_files import ods, typed_id
from trainer.db.models import Enrolment, Trainee
from trainer.errors import InvalidInput, InUseError, StaleEditError, ValidationError
from trainer.scheduling.proposal import accept_proposal
from trainer.services import applications as apps
from trainer.services import programme_changes as changes
from trainer.services import programmes as pg
from trainer.services.assessment import AssessmentEntry, record_assessments
from trainer.services.levels import (grades_for, pass_mark_for, set_enrolment_level,
                                     set_holds_certificate)
from trainer.services.trainees import TraineeForm, create_trainee, get_trainee

D = dt.date


def counts(uow) -> tuple[int, int]:
    with uow:
        s = uow.session
        return (s.scalar(select(func.count()).select_from(Trainee)),
                s.scalar(select(func.count()).select_from(Enrolment)))


@pytest.fixture
def office(uow):
    return build_office(uow, lessons=4, seats=60)


def test_making_a_programme_makes_its_classes_and_the_planner_their_lessons(uow, office):
    record = make_programme(uow, office, months=2, per_month=3, size=5)
    assert [lv.level for lv in record.levels] == ["初级", "等级提升"]
    assert [lv.classes_per_month for lv in record.levels] == [2, 1]
    assert [lv.pass_mark for lv in record.levels] == [60, 70]  # the courses'
    assert record.levels[1].grade == "中级" and record.levels[0].grade == "初级"
    assert [c.code for c in record.classes] == [
        f"P{record.id}-202703-1", f"P{record.id}-202703-2", f"P{record.id}-202703-3",
        f"P{record.id}-202704-1", f"P{record.id}-202704-2", f"P{record.id}-202704-3"]
    assert [c.level for c in record.classes] == ["初级", "初级", "等级提升"] * 2
    assert record.places == 30 and record.enrolled == 0
    assert record.classes[3].window_start == D(2027, 4, 1)
    assert record.classes[3].window_end == D(2027, 4, 30)
    assert "（初级）2027年3月第1期" in record.classes[0].name

    proposal = pg.plan_programme_lessons(uow, record.id)
    assert len(proposal.lessons) == 24 and not proposal.unplaced
    assert accept_proposal(uow, proposal).lessons_added == 24
    from trainer.services.schedule import check_schedule, list_lessons
    lessons = list_lessons(uow, D(2027, 3, 1), D(2027, 4, 30))
    assert len(lessons) == 24
    assert {x.venue_id for x in lessons} == {office.centre}
    assert {x.lecturer_id for x in lessons} <= set(office.lecturers)
    windows = {c.id: (c.window_start, c.window_end) for c in record.classes}
    assert all(windows[x.class_id][0] <= x.date <= windows[x.class_id][1] for x in lessons)
    assert not [c for c in check_schedule(uow, D(2027, 3, 1), D(2027, 4, 30)) if c.blocking]
    again = pg.plan_programme_lessons(uow, record.id)  # nothing left to place
    assert not again.lessons and not again.unplaced
    assert all(c.lessons == 4 for c in pg.get_programme(uow, record.id).classes)


def test_a_bad_programme_is_refused_field_by_field(uow, office):
    form = programme_form(office)
    with pytest.raises(InvalidInput) as info:
        pg.create_programme(uow, form.__class__(**{**form.__dict__, "name": "", "months": 0,
                                                   "class_size": "六十"}))
    assert {e.field for e in info.value.errors} == {"name", "months", "class_size"}
    assert "月数应在 1 到 36 之间" in info.value.message("zh")
    with pytest.raises(ValidationError) as info:  # more than the training centre seats
        pg.create_programme(uow, form.__class__(**{**form.__dict__, "class_size": 80}))
    assert info.value.field == "class_size" and "1 到 60" in info.value.message("zh")
    with pytest.raises(ValidationError) as info:  # 等级提升 would take the one class
        make_programme(uow, office, per_month=1)
    assert info.value.message("zh") == "每月开班数应在 2 到 20 之间"
    with pytest.raises(pg.ProgrammeError) as info:
        make_programme(uow, office, per_month=3, raising_classes=4)
    assert info.value.message("en") == ("The levels' classes a month (4) exceed the "
                                        "programme's classes a month (3).")
    with pytest.raises(InvalidInput) as info:
        pg.create_programme(uow, form.__class__(**{**form.__dict__,
                                                   "eligible_categories": ("个体户",)}))
    assert info.value.errors[0].field == "eligible_categories"
    make_programme(uow, office, months=1)
    with pytest.raises(ValidationError) as info:
        make_programme(uow, office, months=1)
    assert info.value.reason == "duplicate"
    assert pg.list_programmes(uow)[0].months == 1


def test_changes_carry_the_version_and_the_shape_is_fixed_once_people_enrol(uow, office,
                                                                            tmp_path):
    record = make_programme(uow, office, months=1, per_month=2, size=3)
    form = programme_form(office, months=2, per_month=2, size=3)
    changed = changes.update_programme(uow, record.id, form, record.version)
    assert len(changed.classes) == 4  # made again: nobody was in them
    with pytest.raises(StaleEditError):
        changes.update_programme(uow, record.id, form, record.version)
    path = write_xlsx(tmp_path / "a.xlsx", [applicant(0)])
    apps.enrol_applications(uow, apps.preview_applications(uow, record.id, path))
    changed = pg.get_programme(uow, record.id)
    with pytest.raises(pg.ProgrammeError) as info:
        changes.update_programme(uow, record.id, programme_form(office, months=3, per_month=2, size=3),
                            changed.version)
    assert info.value.reason == "has_enrolments" and "1 人报名" in info.value.message("zh")
    renamed = changes.update_programme(uow, record.id, programme_form(
        office, months=2, per_month=2, size=3, name="母婴护理师培训（第二期）"), changed.version)
    assert renamed.name == "母婴护理师培训(第二期)" and len(renamed.classes) == 4
    with pytest.raises(InUseError):
        changes.delete_programme(uow, record.id, renamed.version)
    lv = changes.set_level_marks(uow, record.id, "等级提升", pass_mark=75, grade="中级",
                            expected_version=renamed.levels[1].version)
    assert (lv.pass_mark, lv.grade) == (75, "中级")
    other = make_programme(uow, office, months=1, name="试点班")
    changes.delete_programme(uow, other.id, other.version)
    assert [p.name for p in pg.list_programmes(uow)] == ["母婴护理师培训(第二期)"]


def test_class_size_changes_while_no_class_holds_more(uow, office, tmp_path):
    """The size may change once people are enrolled, down to the fullest class: each class's
    places follow; below it, refused naming the class, nothing changed. A pass mark change
    alone makes a new version, so a desk holding the old one is refused."""
    record = make_programme(uow, office, months=1, per_month=2, size=3)
    path = write_xlsx(tmp_path / "a.xlsx", [applicant(i) for i in range(2)])
    apps.enrol_applications(uow, apps.preview_applications(uow, record.id, path))
    seen = pg.get_programme(uow, record.id)
    with pytest.raises(pg.ProgrammeError) as info:
        changes.update_programme(uow, record.id, programme_form(
            office, months=1, per_month=2, size=1), seen.version)
    assert info.value.reason == "over_size"
    assert info.value.message("zh") == (f"班级 P{record.id}-202703-1 已有 2 人报名，培训项目“{record.name}”"
                                        "的班级人数不能改为 1 人。")
    assert [c.capacity for c in pg.get_programme(uow, record.id).classes] == [3, 3]
    bigger = changes.update_programme(uow, record.id, programme_form(
        office, months=1, per_month=2, size=5), seen.version)
    assert [c.capacity for c in bigger.classes] == [5, 5] and bigger.places == 10
    assert [c.id for c in bigger.classes] == [c.id for c in seen.classes]  # the same classes
    smaller = changes.update_programme(uow, record.id, programme_form(
        office, months=1, per_month=2, size=2), bigger.version)
    assert [c.capacity for c in smaller.classes] == [2, 2]
    form = programme_form(office, months=1, per_month=2, size=2)
    marked = form.__class__(**{**form.__dict__, "levels": (
        form.levels[0].__class__(**{**form.levels[0].__dict__, "pass_mark": 65}),
        form.levels[1])})
    after = changes.update_programme(uow, record.id, marked, smaller.version)
    assert after.levels[0].pass_mark == 65 and after.version > smaller.version
    with pytest.raises(StaleEditError):
        changes.update_programme(uow, record.id, form, smaller.version)


def _list_rows():
    """Row 3 on: eligible 初级 ×4, an employed worker, a holder applying 初级, the first
    applicant again, an ID typed as a number, a level not offered, a 等级提升 applicant."""
    return [applicant(0), applicant(1, "困难职工"), applicant(2, "在岗职工"),
            applicant(3, "农民工"), applicant(4, "下岗职工", holds="是"), applicant(0),
            applicant(5, number=typed_id(id_number(5))), applicant(6, level="高级"),
            applicant(7, "应届初中毕业生", level="等级提升"), applicant(8, "农民工"),
            applicant(9, "困难职工")]


def test_the_applicants_list_places_in_file_order_and_says_why_not(uow, office, tmp_path):
    record = make_programme(uow, office, months=1, per_month=2, size=2)  # 初级 2, 等级提升 2
    known = create_trainee(uow, TraineeForm("王芳芳", id_number(0), "F", "13900000000",
                                            category="laid_off"))
    before = counts(uow)
    path = write_xlsx(tmp_path / "报名表.xlsx", _list_rows())
    preview = apps.preview_applications(uow, record.id, path)
    assert counts(uow) == before  # a preview writes nothing
    by_row = {r.row: r for r in preview.rows}
    assert [r.row for r in preview.enrolled] == [3, 4, 7, 11]
    assert by_row[3].trainee_id == known.id and by_row[4].trainee_id is None
    assert by_row[7].level == "等级提升" and by_row[7].moved_up
    assert by_row[11].level == "等级提升"
    assert by_row[5].message("zh") == (
        "第 5 行：张红芳，人员类别“在岗职工”不在本项目招收范围（下岗失业人员、困难职工、农民工、"
        "应届初中毕业生）内")
    assert by_row[6].message("en").startswith("row 6: 刘芳娜: no place left in any “初级” class")
    assert by_row[8].message("zh") == "第 8 行：与第 3 行是同一人，重复报名"
    assert "存成了数字" in by_row[9].message("zh") and "不能为空" not in by_row[9].message("zh")
    assert "level “高级” is not offered by this programme (初级, 等级提升)" in \
        by_row[10].message("en")
    assert by_row[12].reason == "no_place" and by_row[13].reason == "no_place"
    assert preview.new_people == 3 and preview.by_level() == {"初级": 2, "等级提升": 2}

    result = apps.enrol_applications(uow, preview)
    assert (result.enrolled, result.refused, result.created) == (4, 7, 3)
    assert counts(uow) == (before[0] + 3, 4)
    after = pg.get_programme(uow, record.id)
    assert [(c.level, c.enrolled) for c in after.classes] == [
        ("初级", 2), ("初级", 0), ("等级提升", 2)][:len(after.classes)] or after.enrolled == 4
    assert get_trainee(uow, known.id).name == "王芳芳"  # matched, not duplicated
    with uow:
        holder = uow.session.scalar(select(Trainee).where(Trainee.id_number == id_number(4)))
        assert holder.holds_certificate and holder.category == "laid_off"
        assert uow.session.scalar(select(Enrolment.level).where(
            Enrolment.trainee_id == holder.id)) == "等级提升"
    again = apps.preview_applications(uow, record.id, path)
    assert not again.enrolled
    assert again.rows[0].message("en").startswith("row 3: 王芳芳: is enrolled in this programme")


def test_an_ods_list_a_holder_without_a_raising_level_and_a_stale_preview(uow, office,
                                                                          tmp_path):
    form = programme_form(office, months=1, per_month=1, size=3)
    single = pg.create_programme(uow, form.__class__(**{**form.__dict__,
                                                        "levels": form.levels[:1]}))
    path = ods(tmp_path / "报名表.ods", {"报名表": [
        ["姓名", "身份证号", "手机号", "人员类别", "已持证"],
        *[[r[1], r[3], r[4], r[5], r[7]] for r in
          (applicant(20), applicant(21, holds="√"), applicant(22, "农民工"))]]})
    preview = apps.preview_applications(uow, single.id, path)
    assert [r.reason for r in preview.rows] == ["", "holder_no_raising", ""]
    assert "已持有证书" in preview.rows[1].message("zh")
    first = apps.preview_applications(uow, single.id, path)
    apps.enrol_applications(uow, preview)
    before = counts(uow)
    with pytest.raises(pg.ProgrammeError) as info:  # another desk enrolled meanwhile
        apps.enrol_applications(uow, first)
    assert info.value.reason == "outdated" and counts(uow) == before


def test_a_failed_enrolment_leaves_the_data_as_it_was(uow, office, tmp_path):
    record = make_programme(uow, office, months=1, per_month=2, size=5)
    preview = apps.preview_applications(uow, record.id,
                                        write_xlsx(tmp_path / "a.xlsx", _list_rows()))
    before = counts(uow)

    def stop(done, total):
        if done:
            raise RuntimeError("cancelled by the clerk")
    with pytest.raises(RuntimeError):
        apps.enrol_applications(uow, preview, progress=stop)
    assert counts(uow) == before
    assert apps.enrol_applications(uow, preview).enrolled == len(preview.enrolled)


def test_levels_set_the_pass_mark_and_the_grade_on_each_certificate(uow, office, tmp_path):
    record = make_programme(uow, office, months=1, per_month=2, size=4)
    beginner, raising = record.classes[0].id, record.classes[1].id
    rows = [applicant(i) for i in range(3)] + [applicant(3, holds="是")]
    apps.enrol_applications(uow, apps.preview_applications(
        uow, record.id, write_xlsx(tmp_path / "a.xlsx", rows)))
    with uow:
        people = list(uow.session.scalars(select(Enrolment.trainee_id).where(
            Enrolment.cohort_id == beginner).order_by(Enrolment.trainee_id)))
        versions = dict(uow.session.execute(select(Enrolment.trainee_id, Enrolment.version)
                                            .where(Enrolment.cohort_id == beginner)).all())
    assert len(people) == 3
    assert pass_mark_for(uow, beginner) == 60 and pass_mark_for(uow, raising) == 70
    changes.set_level_marks(uow, record.id, "初级", pass_mark=65, grade="初级（五级）",
                       expected_version=record.levels[0].version)
    assert pass_mark_for(uow, beginner, "初级") == 65
    with pytest.raises(pg.ProgrammeError) as info:
        set_enrolment_level(uow, beginner, people[0], "高级", versions[people[0]])
    assert info.value.message("zh").endswith("没有“高级”等级（有：初级、等级提升）。")
    assert info.value.message("en").endswith("(it has: 初级, 等级提升).")
    done = set_enrolment_level(uow, beginner, people[0], "等级提升", versions[people[0]])
    assert done.level == "等级提升" and done.version == versions[people[0]] + 1
    with pytest.raises(StaleEditError):
        set_enrolment_level(uow, beginner, people[0], "初级", versions[people[0]])
    # one exam, each trainee judged by their own level's mark: 等级提升 70, 初级 65
    saved = record_assessments(uow, beginner, [
        AssessmentEntry(t, score, assessed_on=D(2027, 3, 31))
        for t, score in zip(people, (69, 65, 64))])
    assert [a.passed for a in saved] == [False, True, False]
    saved = record_assessments(uow, beginner, [AssessmentEntry(people[0], 72)])
    assert saved[0].passed
    assert grades_for(uow, beginner) == {people[0]: "中级", people[1]: "初级(五级)"}
    holder = get_trainee(uow, people[2])
    assert set_holds_certificate(uow, people[2], True, holder.version) == holder.version + 1


def test_the_level_grid_reads_what_it_may_write(uow, office, tmp_path):
    """class_levels: the levels offered, and each trainee's level (the enrolment's version)
    and certificate mark (the trainee's version) — the versions set_* then require."""
    from trainer.services.levels import class_levels

    record = make_programme(uow, office, months=1, per_month=2, size=4)
    rows = [applicant(i) for i in range(2)] + [applicant(2, holds="是")]
    apps.enrol_applications(uow, apps.preview_applications(
        uow, record.id, write_xlsx(tmp_path / "a.xlsx", rows)))
    offered, beginners = class_levels(uow, record.classes[0].id)
    assert offered == ("初级", "等级提升") and len(beginners) == 2
    assert {(r.level, r.holds_certificate, r.status) for r in beginners} == {("初级", False, "active")}
    _, raising = class_levels(uow, record.classes[1].id)
    assert [(r.level, r.holds_certificate) for r in raising] == [("等级提升", True)]
    first = beginners[0]
    set_enrolment_level(uow, record.classes[0].id, first.trainee_id, "等级提升", first.version)
    version = set_holds_certificate(uow, first.trainee_id, True, first.trainee_version)
    again = next(r for r in class_levels(uow, record.classes[0].id)[1]
                 if r.trainee_id == first.trainee_id)
    assert (again.level, again.version, again.holds_certificate, again.trainee_version) == (
        "等级提升", first.version + 1, True, version)
    with pytest.raises(StaleEditError):
        set_holds_certificate(uow, first.trainee_id, False, first.trainee_version)


def test_who_may_do_what_and_the_audit_trail(uow, database, office, tmp_path):
    """A training officer makes programmes, a clerk enrols the list but may not make one, a
    viewer may do neither; each change is in the audit trail under its user."""
    from tests.scenarios.trust_fixtures import make_staff
    from trainer.errors import PermissionDenied
    from trainer.security.audit import list_audit

    staff = make_staff(database)
    with pytest.raises(PermissionDenied):
        make_programme(staff.uow(staff.clerk), office, months=1)
    record = make_programme(staff.uow(staff.officer), office, months=1, per_month=2, size=3)
    path = write_xlsx(tmp_path / "a.xlsx", [applicant(0), applicant(1)])
    with pytest.raises(PermissionDenied):
        apps.enrol_applications(staff.uow(staff.viewer), apps.preview_applications(
            staff.uow(staff.viewer), record.id, path))
    assert counts(uow) == (0, 0)
    result = apps.enrol_applications(staff.uow(staff.clerk), apps.preview_applications(
        staff.uow(staff.clerk), record.id, path))
    assert result.enrolled == 2
    trail = list_audit(staff.uow(staff.admin), limit=200)
    made = {(e.entity, e.username) for e in trail if e.action == "create"}
    assert {("programmes", "officer"), ("cohorts", "officer"), ("enrolments", "clerk"),
            ("trainees", "clerk")} <= made


def test_a_stale_save_and_the_trail_name_the_categories(uow, office):
    """Another desk changed who may apply: the refusal and the audit trail say it with the
    categories' names in the language asked for, never their codes."""
    import dataclasses

    from trainer.security.audit_text import audit_lines

    record = make_programme(uow, office, months=1, per_month=2, size=3)
    form = programme_form(office, months=1, per_month=2, size=3)
    changes.update_programme(uow, record.id, dataclasses.replace(
        form, eligible_categories=("laid_off", "migrant")), record.version)
    with pytest.raises(StaleEditError) as info:
        changes.update_programme(uow, record.id, form, record.version)
    zh, en = info.value.message("zh"), info.value.message("en")
    assert "招收人员类别 下岗失业人员、困难职工、农民工、应届初中毕业生 → 下岗失业人员、农民工" in zh
    assert "eligible categories laid-off / unemployed, worker in difficulty, migrant worker, " \
           "school leaver → laid-off / unemployed, migrant worker" in en
    lines = audit_lines(uow, "zh", entity="programme", record_id=record.id)
    assert "招收人员类别由 下岗失业人员、困难职工、农民工、应届初中毕业生 改为 下岗失业人员、农民工" \
        in lines[0].sentence
    for text in (zh, en, lines[0].sentence):
        assert "laid_off" not in text and "migrant," not in text
