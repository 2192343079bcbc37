"""Enrolment: capacity, eligibility (open enrolment by category; an enterprise's own class),
late joiners, transfers, withdrawals, lookups. Each test on SQLite and PostgreSQL."""
from __future__ import annotations

import datetime as dt

import pytest

from tests.scenarios.attendance_fixtures import (make_class, make_course, make_enterprise,
                                                   make_trainees)
from trainer.errors import EnrolmentError, NotFoundError
from trainer.services import enrolment as en
from trainer.services.schedule_classes import find_class, get_class
from trainer.services.bulk_enrolment import enrolment_candidates
from trainer.services.trainee_lookup import lookup_trainees

D = dt.date
CATEGORIES = "laid_off,in_difficulty,migrant,school_leaver"


@pytest.fixture
def course(uow):
    return make_course(uow)


def test_capacity_is_enforced_all_or_nothing(uow, course):
    cohort, _ = make_class(uow, course, "C1", capacity=5)
    people = make_trainees(uow, 7)
    with pytest.raises(EnrolmentError) as caught:
        en.enrol_trainees(uow, cohort, people)
    assert caught.value.reason == "class_full"
    assert "还剩 5 个名额，本次要报名 7 人" in caught.value.message("zh")
    assert get_class(uow, cohort).enrolled == 0  # nobody: all or nothing
    result = en.enrol_trainees(uow, cohort, people[:4])
    assert len(result.enrolled) == 4 and result.seats_left == 1
    again = en.enrol_trainees(uow, cohort, people[:5])  # the four are there already
    assert again.already == tuple(people[:4]) and again.enrolled == (people[4],)
    with pytest.raises(EnrolmentError) as no_place:
        en.enrol_trainees(uow, cohort, people[5:6])
    assert "capacity 5, 5 enrolled, 0 places left" in no_place.value.message("en")
    seen = {e.trainee_id: e.version for e in en.list_enrolments(uow, cohort)}
    en.withdraw_trainee(uow, cohort, people[0], seen[people[0]])  # a withdrawal frees the place
    assert en.enrol_trainees(uow, cohort, people[5:6]).enrolled == (people[5],)
    assert get_class(uow, cohort).free == 0


def test_dry_run_checks_without_writing(uow, course):
    cohort, _ = make_class(uow, course, "C1")
    people = make_trainees(uow, 3)
    result = en.enrol_trainees(uow, cohort, people, dry_run=True)
    assert result.dry_run and len(result.enrolled) == 3
    assert en.list_enrolments(uow, cohort) == []


def test_open_enrolment_takes_only_the_eligible_categories(uow, course):
    cohort, _ = make_class(uow, course, "QHD", open_enrolment=True, categories=CATEGORIES)
    laid_off = make_trainees(uow, 2, category="laid_off")
    migrant = make_trainees(uow, 1, category="migrant", first=2)
    school = make_trainees(uow, 1, category="school_leaver", first=3)
    employed = make_trainees(uow, 1, category="regular", first=4)
    gig = make_trainees(uow, 1, category="gig", first=5)
    result = en.enrol_trainees(uow, cohort, laid_off + migrant + school + employed + gig + [9999])
    assert set(result.enrolled) == set(laid_off + migrant + school)
    refused = {r.trainee_id: r for r in result.refused}
    assert set(refused) == set(employed + gig + [9999])
    assert refused[employed[0]].reason == "not_eligible"
    assert "人员类别“在岗职工”不在本班招收范围（下岗失业人员、困难职工、农民工、应届初中毕业生）内" in \
        refused[employed[0]].message("zh")
    assert "category “new-form (gig) worker” is not one this class takes" in \
        refused[gig[0]].message("en")
    assert refused[9999].reason == "unknown_trainee"
    anyone, _ = make_class(uow, course, "OPEN", open_enrolment=True)
    assert len(en.enrol_trainees(uow, anyone, employed + gig).enrolled) == 2


def test_an_enterprise_class_takes_its_own_workers_and_a_whole_roster(uow, course):
    steel = make_enterprise(uow, "秦皇岛钢铁")
    glass = make_enterprise(uow, "耀华玻璃")
    cohort, _ = make_class(uow, course, "GT", enterprise_id=steel)
    own = make_trainees(uow, 4, enterprise_id=steel, category="regular")
    other = make_trainees(uow, 1, enterprise_id=glass, category="regular", first=4)
    result = en.enrol_trainees(uow, cohort, own[:1] + other)
    assert result.enrolled == (own[0],)
    assert result.refused[0].reason == "other_enterprise"
    assert "不是秦皇岛钢铁的职工" in result.refused[0].message("zh")
    roster = en.enrol_enterprise(uow, cohort, steel)
    assert set(roster.enrolled) == set(own[1:]) and roster.already == (own[0],)
    candidates = {c.trainee_id: c for c in enrolment_candidates(uow, cohort)}
    assert set(candidates) == set(own) and all(c.enrolled for c in candidates.values())
    offered = enrolment_candidates(uow, cohort, enterprise_id=glass)
    assert [(c.trainee_id, c.refusal.reason) for c in offered] == [(other[0], "other_enterprise")]


def test_a_cancelled_class_takes_nobody(uow, course):
    cohort, _ = make_class(uow, course, "X", status="cancelled")
    with pytest.raises(EnrolmentError) as caught:
        en.enrol_trainees(uow, cohort, make_trainees(uow, 1))
    assert "已取消" in caught.value.message("zh")


def test_default_joining_day_is_the_first_lesson_so_typing_in_later_is_no_late_join(uow, course):
    cohort, lessons = make_class(uow, course, "C1", start=D(2026, 3, 2))
    people = make_trainees(uow, 2)
    en.enrol_trainees(uow, cohort, people[:1])
    en.enrol_trainees(uow, cohort, people[1:], enrolled_on=D(2026, 3, 9))
    rows = {r.trainee_id: r for r in en.list_enrolments(uow, cohort)}
    assert rows[people[0]].enrolled_on == D(2026, 3, 2)
    assert rows[people[1]].enrolled_on == D(2026, 3, 9)
    fixed = en.set_enrolled_on(uow, cohort, people[1], D(2026, 3, 4), rows[people[1]].version)
    assert fixed.enrolled_on == D(2026, 3, 4) and fixed.version == rows[people[1]].version + 1
    later, _ = make_class(uow, course, "C2", start=D(2099, 1, 5))
    assert en.default_enrolled_on(uow, later, today=D(2026, 5, 1)) == D(2026, 5, 1)


def test_transfer_between_classes_of_one_course(uow, course):
    a, _ = make_class(uow, course, "A")
    b, _ = make_class(uow, course, "B", capacity=2)
    people = make_trainees(uow, 3)
    en.enrol_trainees(uow, a, people)
    en.enrol_trainees(uow, b, people[2:])
    moved = en.transfer_trainee(uow, people[0], a, b, on=D(2026, 3, 9))
    assert (moved.cohort_id, moved.status, moved.enrolled_on) == (b, "active", D(2026, 3, 9))
    in_a = {r.trainee_id: r for r in en.list_enrolments(uow, a)}
    assert in_a[people[0]].status == "transferred" and in_a[people[0]].left_on == D(2026, 3, 9)
    assert get_class(uow, a).enrolled == 2 and get_class(uow, b).enrolled == 2
    with pytest.raises(EnrolmentError) as full:  # B is full now
        en.transfer_trainee(uow, people[1], a, b)
    assert full.value.reason == "class_full"
    with pytest.raises(EnrolmentError) as gone:  # already moved out of A
        en.transfer_trainee(uow, people[0], a, b)
    assert gone.value.reason == "not_active"
    with pytest.raises(EnrolmentError) as back:
        en.transfer_trainee(uow, people[0], b, a)  # back into the class left
    assert "已从本班转出" in back.value.message("zh")
    other_course = make_course(uow, "育婴员(初级)")
    c, _ = make_class(uow, other_course, "C")
    with pytest.raises(EnrolmentError) as course_mismatch:
        en.transfer_trainee(uow, people[1], a, c)
    assert course_mismatch.value.reason == "transfer_course"
    assert "只能在同一课程的培训班之间转班" in course_mismatch.value.message("zh")
    with pytest.raises(EnrolmentError):
        en.transfer_trainee(uow, people[1], a, a)


def test_transfer_checks_the_target_classes_eligibility(uow, course):
    a, _ = make_class(uow, course, "A")
    b, _ = make_class(uow, course, "B", open_enrolment=True, categories="migrant")
    person = make_trainees(uow, 1, category="laid_off")
    en.enrol_trainees(uow, a, person)
    with pytest.raises(EnrolmentError) as caught:
        en.transfer_trainee(uow, person[0], a, b)
    assert caught.value.reason == "refused" and "laid-off" in caught.value.message("en")
    assert en.list_enrolments(uow, a)[0].status == "active"  # nothing changed


def test_withdrawal_and_coming_back(uow, course):
    cohort, _ = make_class(uow, course, "C1")
    person = make_trainees(uow, 1)
    en.enrol_trainees(uow, cohort, person)
    gone = en.withdraw_trainee(uow, cohort, person[0], en.list_enrolments(uow, cohort)[0].version)
    assert gone.status == "withdrawn"
    with pytest.raises(EnrolmentError, match="withdrawn|已退出"):
        en.withdraw_trainee(uow, cohort, person[0], gone.version)
    back = en.enrol_trainees(uow, cohort, person)
    assert back.enrolled == tuple(person)
    assert en.list_enrolments(uow, cohort)[0].status == "active"
    with pytest.raises(EnrolmentError) as not_in:
        en.withdraw_trainee(uow, cohort, make_trainees(uow, 1, first=5)[0], 1)
    assert not_in.value.reason == "not_enrolled"


def test_finding_classes_and_trainees_by_what_a_clerk_types(uow, course):
    cohort, _ = make_class(uow, course, "QHD-202603-1")
    assert find_class(uow, "QHD-202603-1").id == cohort
    assert find_class(uow, str(cohort)).code == "QHD-202603-1"
    with pytest.raises(NotFoundError):
        find_class(uow, "nope")
    people = make_trainees(uow, 3)
    from trainer.services.trainees import get_trainee

    first = get_trainee(uow, people[0])
    assert [t.id for t in lookup_trainees(uow, str(people[0]))] == [people[0]]
    assert [t.id for t in lookup_trainees(uow, f"t{people[1]:07d}")] == [people[1]]
    assert [t.id for t in lookup_trainees(uow, first.id_number.lower())] == [people[0]]
    assert people[0] in [t.id for t in lookup_trainees(uow, first.name)]


def test_one_class_record_for_the_schedule_and_for_enrolment(uow, course):
    """A class has one read model (ClassRecord) and one get_class: what enrolment, attendance
    and completion read of it (open enrolment, categories, places left, first and last lesson
    not cancelled) is on the record the schedule and the planner list."""
    from trainer.db.models import Lesson
    from trainer.services.schedule_classes import list_classes
    from trainer.services.schedule_data import ClassRecord

    cohort, lessons = make_class(uow, course, "QHD-1", lessons=4, start=D(2026, 3, 2),
                                 open_enrolment=True, categories="laid_off,migrant", capacity=5)
    with uow:  # the last lesson cancelled: it no longer counts
        uow.session.get(Lesson, lessons[-1]).status = "cancelled"
    en.enrol_trainees(uow, cohort, make_trainees(uow, 2))
    record = get_class(uow, cohort)
    assert isinstance(record, ClassRecord) and not hasattr(en, "CohortInfo")
    assert (record.open_enrolment, record.eligible_categories) == (True, ("laid_off", "migrant"))
    assert (record.enrolled, record.free, record.scheduled) == (2, 3, 3)
    assert (record.first_lesson, record.last_lesson) == (D(2026, 3, 2), D(2026, 3, 6))
    assert record.display_name == "母婴护理师QHD-1班(QHD-1)"
    assert [c for c in list_classes(uow) if c.id == cohort] == [record]
    assert find_class(uow, "QHD-1") == record == find_class(uow, str(cohort))
