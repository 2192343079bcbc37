"""Completion of a class from what the database holds, assessments, feedback and a trainee's
history. Each test on SQLite and PostgreSQL."""
from __future__ import annotations

import datetime as dt

import pytest

from tests.scenarios.attendance_fixtures import (make_class, make_course, make_trainees,
                                                   set_lesson_status)
from trainer.errors import AttendanceError, EnrolmentError, InvalidInput, StaleCellsError
from trainer.services import assessment as asm
from trainer.services import attendance as at
from trainer.services import enrolment as en
from trainer.services import feedback as fb
from trainer.services.completion import class_completion, trainee_completion
from trainer.services.history import trainee_history
from trainer.services.settings import set_setting

D = dt.date
AFTER = D(2026, 6, 30)


def mark(uow, lesson_id, trainee_id, status, minutes=0):
    at.save_attendance(uow, [at.CellChange(lesson_id, trainee_id, status, minutes)])


def fill(uow, lessons, trainee_id, statuses):
    at.save_attendance(uow, [at.CellChange(l, trainee_id, s) for l, s in zip(lessons, statuses)
                             if s])


def by_id(done):
    return {t.trainee_id: t for t in done.trainees}


def test_five_of_eight_needs_seven_and_late_counts_as_present(uow):
    course = make_course(uow, lessons=8)
    cohort, lessons = make_class(uow, course, "C1", lessons=8)
    a, b = make_trainees(uow, 2)
    en.enrol_trainees(uow, cohort, [a, b])
    fill(uow, lessons, a, ["present"] * 5 + ["absent"] * 3)
    fill(uow, lessons, b, ["present"] * 5 + ["late", "late", "absent"])
    done = class_completion(uow, cohort, as_of=AFTER)
    result = by_id(done)
    assert not result[a].completes
    assert result[a].reason("en") == "attended 5 of 8 lessons, needs 7"
    assert result[a].reason("zh") == "出勤 5/8 次，至少需要 7 次"
    assert result[b].completes and result[b].result.late == 2
    assert result[b].result.attended_minutes == 7 * 120
    assert (done.held, done.upcoming, done.cancelled, done.unrecorded) == (8, 0, 0, ())
    assert [t.trainee_id for t in done.completing] == [b]


def test_excused_leave_follows_the_course(uow):
    strict = make_course(uow, "严格课程", lessons=5)
    lenient = make_course(uow, "宽松课程", lessons=5, excused_counts_present=True)
    pattern = ["present", "present", "present", "excused", "excused"]
    results = []
    for course in (strict, lenient):
        cohort, lessons = make_class(uow, course, f"C{course}", lessons=5)
        person = make_trainees(uow, 1, first=course * 10)[0]
        en.enrol_trainees(uow, cohort, [person])
        fill(uow, lessons, person, pattern)
        results.append(trainee_completion(uow, cohort, person, as_of=AFTER))
    assert not results[0].completes
    assert results[0].reason("zh") == "出勤 3/5 次（请假 2 次不计出勤），至少需要 4 次"
    assert results[1].completes and results[1].result.attended == 5


def test_late_joiner_is_not_absent_before_joining(uow):
    course = make_course(uow, lessons=10)
    cohort, lessons = make_class(uow, course, "C1", lessons=10, start=D(2026, 3, 2))
    early, late = make_trainees(uow, 2)
    en.enrol_trainees(uow, cohort, [early])
    en.enrol_trainees(uow, cohort, [late], enrolled_on=D(2026, 3, 8))  # lessons 1–3 before
    fill(uow, lessons, early, ["present"] * 10)
    fill(uow, lessons, late, [None] * 3 + ["present"] * 7)
    result = by_id(class_completion(uow, cohort, as_of=AFTER))
    assert result[late].completes
    assert (result[late].result.held, result[late].result.not_counted) == (7, 3)
    assert "3 earlier lessons not counted" in result[late].reason("en")


def test_no_lessons_held_yet_and_lessons_to_come(uow):
    course = make_course(uow, lessons=6)
    cohort, lessons = make_class(uow, course, "C1", lessons=6, start=D(2026, 9, 1))
    person = make_trainees(uow, 1)[0]
    en.enrol_trainees(uow, cohort, [person], enrolled_on=D(2026, 8, 20))
    done = class_completion(uow, cohort, as_of=D(2026, 8, 31))
    assert (done.held, done.upcoming) == (0, 6)
    assert done.trainees[0].reason("en") == "no lessons held yet"
    assert done.trainees[0].reason("zh") == "尚未上课"
    halfway = class_completion(uow, cohort, as_of=D(2026, 9, 5))  # lessons of 1 and 3 Sept
    assert (halfway.held, halfway.upcoming, halfway.unrecorded) == (3, 3, (1, 2, 3))
    mark(uow, lessons[0], person, "present")
    halfway = class_completion(uow, cohort, as_of=D(2026, 9, 5))
    assert halfway.unrecorded == (2, 3)
    assert halfway.trainees[0].reason("en") == \
        "attended 1 of 3 lessons, needs 3 (3 lessons to come)"


def test_cancelled_lessons_do_not_count(uow):
    course = make_course(uow, lessons=8)
    cohort, lessons = make_class(uow, course, "C1", lessons=8)
    person = make_trainees(uow, 1)[0]
    en.enrol_trainees(uow, cohort, [person])
    fill(uow, lessons, person, ["present"] * 5 + ["absent"])
    set_lesson_status(uow, lessons[6], "cancelled")
    set_lesson_status(uow, lessons[7], "cancelled")
    done = class_completion(uow, cohort, as_of=AFTER)
    assert (done.held, done.cancelled, done.lessons) == (6, 2, 8)
    assert done.trainees[0].completes  # 5 of 6, needs 5
    assert done.trainees[0].reason("zh") == "出勤 5/6 次"


def test_a_transfer_carries_the_attendance_of_the_class_left(uow):
    course = make_course(uow, lessons=8)
    a, lessons_a = make_class(uow, course, "A", lessons=8, start=D(2026, 3, 2), every_days=1)
    b, lessons_b = make_class(uow, course, "B", lessons=8, start=D(2026, 3, 4), every_days=1)
    person = make_trainees(uow, 1)[0]
    en.enrol_trainees(uow, a, [person])
    fill(uow, lessons_a, person, ["present"] * 4)  # 2–5 March in A
    en.transfer_trainee(uow, person, a, b, on=D(2026, 3, 6))
    fill(uow, lessons_b, person, [None, None] + ["present"] * 5 + ["absent"])  # 6–11 March in B
    in_b = trainee_completion(uow, b, person, as_of=AFTER)
    assert in_b.completes
    assert (in_b.result.held, in_b.result.attended) == (10, 9)
    in_a = trainee_completion(uow, a, person, as_of=AFTER)
    assert not in_a.completes and in_a.reason("zh") == "已转入母婴护理师B班（B）"
    assert in_a.result.attended == 4 and in_a.result.held == 4
    grid_a = at.load_attendance_grid(uow, a)
    assert grid_a.trainees[0].left_on == D(2026, 3, 6)
    assert grid_a.cell(lessons_a[0], person).status == "present"  # kept
    history = trainee_history(uow, person, as_of=AFTER)
    assert [e.cohort_code for e in history.entries] == ["A", "B"]
    assert history.completed == 1 and history.attended_minutes == 9 * 120


def test_assessment_pass_mark_and_the_office_setting(uow):
    course = make_course(uow, lessons=2, pass_mark=60)
    cohort, lessons = make_class(uow, course, "C1", lessons=2)
    people = make_trainees(uow, 4)
    en.enrol_trainees(uow, cohort, people)
    for t in people:
        fill(uow, lessons, t, ["present", "present"])
    asm.record_assessment(uow, cohort, people[0], score=85)
    asm.record_assessment(uow, cohort, people[1], score=52)
    asm.record_assessment(uow, cohort, people[2], score=75, passed="不合格")  # examiner decides
    result = by_id(class_completion(uow, cohort, as_of=AFTER))
    assert result[people[0]].completes and result[people[0]].score == 85
    assert result[people[1]].reason("zh") == "考核未通过（52 分，合格线 60 分）"
    assert not result[people[2]].completes
    assert result[people[3]].reason("en") == "not assessed yet"
    open_course = make_course(uow, "无考核课程", lessons=1)
    other, other_lessons = make_class(uow, open_course, "C2", lessons=1)
    en.enrol_trainees(uow, other, people[:1])
    mark(uow, other_lessons[0], people[0], "present")
    assert trainee_completion(uow, other, people[0], as_of=AFTER).completes
    set_setting(uow, "completion.require_assessment", True, force=True)
    assert trainee_completion(uow, other, people[0], as_of=AFTER).reason("zh") == "尚未考核"
    asm.record_assessment(uow, other, people[0], passed="合格")
    assert trainee_completion(uow, other, people[0], as_of=AFTER).completes


def test_assessments_are_checked_and_locked(uow):
    course = make_course(uow, lessons=1, pass_mark=60)
    cohort, _ = make_class(uow, course, "C1", lessons=1)
    people = make_trainees(uow, 3)
    en.enrol_trainees(uow, cohort, people[:2])
    with pytest.raises(InvalidInput) as bad:
        asm.record_assessment(uow, cohort, people[0], score="一百")
    assert bad.value.errors[0].field == "score"
    with pytest.raises(InvalidInput):
        asm.record_assessment(uow, cohort, people[0])  # neither score nor pass/fail
    with pytest.raises(InvalidInput):
        asm.record_assessment(uow, cohort, people[0], score=101)
    with pytest.raises(EnrolmentError):
        asm.record_assessment(uow, cohort, people[2], score=90)
    first = asm.record_assessments(uow, cohort, [asm.AssessmentEntry(people[0], 70, None,
                                                                     "2026-03-20", 0),
                                                 asm.AssessmentEntry(people[1], 40)])
    assert [(r.score, r.passed, r.version) for r in first] == [(70, True, 1), (40, False, 1)]
    assert first[0].assessed_on == D(2026, 3, 20)
    asm.record_assessment(uow, cohort, people[0], score=72, expected_version=1)  # someone else
    with pytest.raises(StaleCellsError) as stale:
        asm.record_assessments(uow, cohort, [asm.AssessmentEntry(people[0], 90, None, None, 1),
                                             asm.AssessmentEntry(people[1], 90, None, None, 1)])
    assert [c.trainee_id for c in stale.value.cells] == [people[0]]
    assert [r.score for r in asm.list_assessments(uow, cohort)] in ([72, 40], [40, 72])
    assert asm.delete_assessment(uow, cohort, people[1]) and not asm.delete_assessment(
        uow, cohort, people[1])


def test_feedback_from_the_enterprise_and_from_trainees(uow):
    course = make_course(uow, lessons=1)
    cohort, _ = make_class(uow, course, "C1", lessons=1)
    people = make_trainees(uow, 3)
    en.enrol_trainees(uow, cohort, people[:2])
    fb.add_feedback(uow, cohort, "enterprise", 5, "讲师结合车间实际,职工反映很好")
    fb.add_feedback(uow, cohort, "企业", "4")
    fb.add_feedback(uow, cohort, "trainee", 3, "希望多一些实操", people[0])
    fb.add_feedback(uow, cohort, "trainee", 5, "", people[0])  # replaces her earlier one
    fb.add_feedback(uow, cohort, "trainee", 2)  # an anonymous form
    summary = fb.feedback_summary(uow, cohort)
    assert (summary.enterprise.count, summary.enterprise.average) == (2, 4.5)
    assert (summary.trainee.count, summary.trainee.average) == (2, 3.5)
    assert summary.trainee.distribution == (0, 1, 0, 0, 1) and summary.comments == 1
    with pytest.raises(InvalidInput):
        fb.add_feedback(uow, cohort, "trainee", 6)
    with pytest.raises(InvalidInput):
        fb.add_feedback(uow, cohort, "lecturer", 3)
    with pytest.raises(AttendanceError):
        fb.add_feedback(uow, cohort, "trainee", 3, trainee_id=people[2])
    first = fb.list_feedback(uow, cohort)[0]
    fb.delete_feedback(uow, first.id)
    assert len(fb.list_feedback(uow, cohort)) == 3


def test_history_of_one_person(uow):
    course = make_course(uow, lessons=2, pass_mark=60)
    other = make_course(uow, "育婴员(初级)", lessons=2)
    c1, l1 = make_class(uow, course, "A", lessons=2, start=D(2026, 3, 2))
    c2, l2 = make_class(uow, other, "B", lessons=2, start=D(2026, 5, 4))
    person = make_trainees(uow, 1)[0]
    en.enrol_trainees(uow, c1, [person])
    en.enrol_trainees(uow, c2, [person])
    fill(uow, l1, person, ["present", "late"])
    asm.record_assessment(uow, c1, person, score=90)
    fill(uow, l2, person, ["absent", "present"])
    history = trainee_history(uow, person, as_of=AFTER)
    assert history.trainee.id == person
    first, second = history.entries
    assert (first.cohort_code, first.completes, first.score) == ("A", True, 90)
    assert first.first_lesson == D(2026, 3, 2) and first.certificate_number == ""
    assert (second.cohort_code, second.completes) == ("B", False)
    assert second.reason("en") == "attended 1 of 2 lessons, needs 2"
    assert history.completed == 1 and history.attended_minutes == 3 * 120
