"""The whole Qinhuangdao plan through the programme services (issue 16), on SQLite and
PostgreSQL: a programme of 6 months × 3 classes × 60 made by `create_programme`, its lessons
planned, an applicants' list of 1,155 rows (a real .xlsx file) with workers the plan does not
take, people who applied twice, IDs kept as numbers and more applicants than places, 1,080
enrolled by level, attendance recorded for a sample of classes three ways, exam scores against
each level's pass mark, graded certificates issued — the counts asserted at each step, who
completes counted from what the scenario generated, without the code under test.

Then two lessons of a class are given online (a meeting platform and its link: no room, the
lecturer still booked) and the platform's export of the class's study time (a CSV with a BOM,
one stranger) imported: 60 recorded, 1 refused."""
from __future__ import annotations

from collections import Counter

import pytest
from sqlalchemy import func, select

from tests.scenarios.certificate_keys import make_signer
from tests.scenarios.qinhuangdao_scenario import Plan, expected_completing, run
from trainer.db.models import Enrolment, Lesson, Trainee
from trainer.services.programmes import get_programme

pytestmark = pytest.mark.slow  # a whole programme's plan: run first (tests/conftest.py)


def test_the_plan_from_an_empty_office_to_graded_certificates(uow, tmp_path):
    plan = Plan()
    stages = []

    class Stage:
        def __init__(self, name, ops):
            stages.append((name, ops))

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

    out = run(uow, tmp_path, plan, Stage, signer=make_signer(uow))
    assert all(ops > 0 for _name, ops in stages) and len(stages) == 9

    # the programme and its classes: 18 classes of 60, 12 初级 and 6 等级提升
    record = get_programme(uow, out.programme_id)
    assert len(record.classes) == 18 and record.places == 1080
    assert Counter(c.level for c in record.classes) == {"初级": 12, "等级提升": 6}
    assert len({c.month for c in record.classes}) == 6

    # lessons: 8 a class, all placed, offline in the centre, each in its class's month
    assert out.counts["lessons planned"] == 144 and out.counts["lessons not placed"] == 0
    with uow:
        lessons = uow.session.execute(select(Lesson.cohort_id, Lesson.date, Lesson.venue_id)
                                      ).all()
    windows = {c.id: (c.window_start, c.window_end) for c in record.classes}
    assert len(lessons) == 144 and len({v for _c, _d, v in lessons}) == 1
    assert all(windows[c][0] <= d <= windows[c][1] for c, d, _v in lessons)

    # the list: 1,155 rows; 1,080 enrolled by level, 75 refused with their reasons
    assert out.counts["list rows"] == plan.rows == 1155
    preview = out.preview
    assert len(preview.rows) == 1155
    assert out.counts["enrolled"] == len(preview.enrolled) == 1080
    assert out.counts["refused"] == 75
    reasons = Counter(r.reason for r in preview.refused)
    assert reasons == {"not_eligible": 40, "duplicate_in_file": 10, "bad_row": 15,
                       "no_place": 10}
    assert sum("存成了数字" in r.message("zh") for r in preview.refused) == 5
    assert sum("与第" in r.message("zh") and "重复" in r.message("zh")
               for r in preview.refused) == 20  # applied twice, with or without changes
    assert preview.by_level() == {"初级": 720, "等级提升": 360}
    assert sum(1 for r in preview.enrolled if r.moved_up) == 60
    assert [r.row for r in preview.refused if r.reason == "no_place"] == sorted(
        r.row for r in preview.refused if r.reason == "no_place")
    # in file order: nobody refused for want of a place before someone of their level placed
    last_placed = {lv: max(r.row for r in preview.enrolled if r.level == lv)
                   for lv in ("初级", "等级提升")}
    assert all(r.row > last_placed[r.level] for r in preview.refused if r.reason == "no_place")
    record = get_programme(uow, out.programme_id)
    assert [c.enrolled for c in record.classes] == [60] * 18
    with uow:
        s = uow.session
        matched = sum(1 for r in preview.enrolled if r.trainee_id is not None)
        assert 0 < matched <= plan.known  # already in the database: found by ID number
        assert out.counts["trainees created"] == 1080 - matched
        assert s.scalar(select(func.count()).select_from(Trainee)) == 1080 - matched + plan.known
        assert dict(Counter(s.scalars(select(Enrolment.level)))) == {"初级": 720, "等级提升": 360}
        assert s.scalar(select(func.count()).select_from(Trainee).where(
            Trainee.holds_certificate.is_(True))) == 360

    # attendance, exam and completion for the sample: one class per way
    assert len(out.sample) == 3 and out.counts["attendance cells"] == 3 * 60 * 8
    for cohort_id in out.sample:
        mark = 60 if out.levels[cohort_id] == "初级" else 70
        completing, everyone = out.completion[cohort_id]
        assert everyone == 60
        assert completing == expected_completing(out, cohort_id, mark), cohort_id
    assert all(out.reasons)
    completing = {lv: sum(out.completion[c][0] for c in out.sample if out.levels[c] == lv)
                  for lv in ("初级", "等级提升")}
    assert 0 < completing["初级"] < 120 and 0 < completing["等级提升"] < 60

    # graded certificates: each holder's level passed
    assert out.grades == {"初级": completing["初级"], "中级": completing["等级提升"]}
    assert out.counts["certificates"] == sum(completing.values())

    # online: two lessons of a class outside the sample given on a meeting platform (no room,
    # no seats, the lecturer still booked), then the platform's export of study time imported
    _online_lessons_and_hours(uow, tmp_path, next(c for c in out.class_ids if c not in out.sample))


def _online_lessons_and_hours(uow, tmp_path, cohort_id):
    import csv

    from trainer.io.online_hours import preview_online_hours, run_online_hours
    from trainer.services.online_lessons import set_lesson_online
    from trainer.services.online_study import online_minutes
    from trainer.services.schedule import get_lesson

    with uow:
        s = uow.session
        lesson_ids = list(s.scalars(select(Lesson.id).where(Lesson.cohort_id == cohort_id)
                                    .order_by(Lesson.sequence)))
        people = s.execute(select(Trainee.id, Trainee.name, Trainee.id_number)
                           .join(Enrolment, Enrolment.trainee_id == Trainee.id)
                           .where(Enrolment.cohort_id == cohort_id)).all()
    assert len(lesson_ids) == 8 and len(people) == 60
    for lesson_id in lesson_ids[:2]:
        shown = get_lesson(uow, lesson_id)
        online = set_lesson_online(uow, lesson_id, "腾讯会议", "https://meeting.tencent.com/dm/QHD2027",
                                   shown.version)
        assert online.online is not None and online.venue_id is None
        assert online.lecturer_id == shown.lecturer_id  # the lecturer is still booked
    with uow:
        assert uow.session.scalar(select(func.count()).select_from(Lesson).where(
            Lesson.cohort_id == cohort_id, Lesson.online.is_(True))) == 2
    export = tmp_path / "学习时长导出.csv"  # as platforms export it: UTF-8 with a BOM
    with open(export, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["姓名", "身份证号", "学习时长（分钟）"])
        for n, (_tid, name, id_number) in enumerate(people):
            writer.writerow([name, id_number, 120 + n])
        writer.writerow(["外来人员", "110105194912310029", "300"])  # not in this class
    preview = preview_online_hours(uow, cohort_id, export)
    assert len(preview.entries) == 60 and len(preview.rejected) == 1
    assert run_online_hours(uow, preview) == 60
    recorded = online_minutes(uow, cohort_id)
    assert len(recorded) == 60 and sum(recorded.values()) == sum(120 + n for n in range(60))
