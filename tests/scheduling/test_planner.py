"""The planner on a database (SQLite and PostgreSQL): plan, accept, check, re-plan."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from tests.scenarios.schedule_scenario import build
from trainer.db.models import LecturerUnavailability, Lesson, TrainingRequest
from trainer.scheduling.proposal import (ProposalOutdatedError, accept_proposal, propose_plan,
                                         propose_replan_lecturer)
from trainer.services import schedule as sc
from trainer.services.courses import list_courses
from trainer.services.requests import TrainingRequestForm, create_request, get_request

D = dt.date
FROM, TO = D(2026, 9, 1), D(2026, 11, 30)
LIMIT = 1.0


@pytest.fixture
def world(uow):
    return build(uow)


def blocking(uow, start=None, end=None):
    return [c.text("en") for c in sc.check_schedule(uow, start, end) if c.blocking]


def summary(proposal):
    return [(x.class_key, x.sequence, x.date, x.period, x.lecturer_id, x.venue_id)
            for x in proposal.lessons]


def test_plan_places_every_lesson_and_the_accepted_plan_has_no_conflict(uow, world):
    proposal = propose_plan(uow, FROM, TO, time_limit=LIMIT)
    assert (proposal.placed, len(proposal.unplaced), proposal.total) == (12, 0, 12)
    assert [c.size for c in proposal.classes] == [44, 43, 43, 40]
    assert not proposal.moves
    result = accept_proposal(uow, proposal)
    assert (result.classes_created, result.lessons_added, result.requests_planned) == (4, 12, 2)
    assert blocking(uow) == []
    assert get_request(uow, world.request_big).status == "planned"
    lessons = sc.list_lessons(uow, FROM, TO)
    assert len(lessons) == 12
    li = [x for x in lessons if x.lecturer_id == world.li]
    assert all(not D(2026, 11, 2) <= x.date <= D(2026, 11, 6) for x in li)  # 李芳 away
    assert all(x.date not in (D(2026, 10, 1), D(2026, 10, 7)) for x in lessons)  # National Day


def test_two_runs_give_the_same_plan(uow, world):
    first = propose_plan(uow, FROM, TO, time_limit=LIMIT)
    second = propose_plan(uow, FROM, TO, time_limit=LIMIT)
    assert summary(first) == summary(second)


def test_a_request_that_cannot_be_met_is_explained(uow, world):
    marketing = next(c for c in list_courses(uow) if c.title == "直播带货实务")
    create_request(uow, TrainingRequestForm(world.saiwei, marketing.id, 30, D(2026, 9, 9),
                                            D(2026, 9, 30), "24", ("afternoon",)))
    with uow:
        uow.session.add(LecturerUnavailability(lecturer_id=world.xin, start_date=D(2026, 9, 1),
                                               end_date=D(2026, 10, 31), reason="外地授课"))
    proposal = propose_plan(uow, FROM, TO, time_limit=LIMIT)
    why = [e for e in proposal.unplaced if "直播带货实务" in e.class_name]
    assert [e.sequence for e in why] == [1, 2]
    assert why[0].code == "lecturers_unavailable"
    assert ("no lecturer qualified for 线上线下营销 (辛雅雯) is free on Tuesdays or Thursdays "
            "afternoons between 9 and 30 Sep") in why[0].message("en")
    assert "周二或周四" in why[0].message("zh")
    assert why[1].code == "earlier_unplaced"
    assert proposal.placed == 12  # the others are placed all the same
    accept_proposal(uow, proposal)
    with uow:
        status = uow.session.scalar(select(TrainingRequest.status).where(
            TrainingRequest.course_id == marketing.id))
    assert status == "open"  # not fully placed: stays open


def test_locked_lessons_stay_where_they_are(uow, world):
    (cls,) = sc.create_classes(uow, world.request_small)
    locked = sc.add_lesson(uow, sc.LessonForm(cls.id, D(2026, 10, 29), "afternoon",
                                              lecturer_id=world.wang, venue_id=world.saiwei_room,
                                              sequence=1, locked=True))
    proposal = propose_plan(uow, FROM, TO, time_limit=LIMIT)
    assert all(x.lesson_id != locked.id for x in proposal.lessons)
    mine = sorted((x for x in proposal.lessons if x.class_id == cls.id), key=lambda x: x.sequence)
    assert [x.sequence for x in mine] == [2, 3]
    assert all(x.date > locked.date for x in mine)
    accept_proposal(uow, proposal)
    after = sc.get_lesson(uow, locked.id)
    assert (after.date, after.start, after.lecturer_id, after.locked) == (
        locked.date, locked.start, locked.lecturer_id, True)
    assert blocking(uow) == []


def test_replanning_after_a_lecturer_falls_ill_moves_only_their_lessons(uow, world):
    accept_proposal(uow, propose_plan(uow, FROM, TO, time_limit=LIMIT))
    lessons = sc.list_lessons(uow, FROM, TO)
    busiest = max((world.wang, world.li),
                  key=lambda lid: sum(1 for x in lessons if x.lecturer_id == lid))
    theirs = sorted((x for x in lessons if x.lecturer_id == busiest), key=lambda x: x.date)
    ill_from, ill_to = theirs[0].date, theirs[0].date + dt.timedelta(days=6)
    affected = {x.id for x in theirs if ill_from <= x.date <= ill_to}
    proposal = propose_replan_lecturer(uow, busiest, ill_from, ill_to, "病假",
                                       time_limit=LIMIT)
    moved = {x.lesson_id for x in proposal.moves}
    assert affected <= moved
    assert len(moved - affected) <= len(affected)  # at most what is needed to make room
    assert not proposal.unplaced and not proposal.new_lessons
    accept_proposal(uow, proposal)
    assert blocking(uow) == []
    after = sc.list_lessons(uow, FROM, TO)
    assert not [x for x in after if x.lecturer_id == busiest and ill_from <= x.date <= ill_to]
    with uow:
        recorded = uow.session.scalars(select(LecturerUnavailability).where(
            LecturerUnavailability.lecturer_id == busiest,
            LecturerUnavailability.reason == "病假")).all()
    assert [(r.start_date, r.end_date) for r in recorded] == [(ill_from, ill_to)]


def test_accepting_is_refused_when_the_schedule_changed_meanwhile(uow, world):
    proposal = propose_plan(uow, FROM, TO, time_limit=LIMIT)
    (cls,) = sc.create_classes(uow, world.request_small)  # someone else plans by hand
    with pytest.raises(ProposalOutdatedError) as caught:
        accept_proposal(uow, proposal)
    assert "make a new proposal" in caught.value.message("en")
    with uow:
        assert uow.session.scalar(select(Lesson.id).limit(1)) is None  # nothing written


def test_the_demo_plan_has_no_conflict(uow):
    from trainer.services.demo import load_demo

    summary_ = load_demo(uow, start=D(2026, 10, 1))
    proposal = propose_plan(uow, summary_.quarter_start, summary_.quarter_end, time_limit=LIMIT)
    assert proposal.placed > 150
    assert all(e.message("zh") and e.message("en") for e in proposal.unplaced)
    accept_proposal(uow, proposal)
    assert blocking(uow) == []


def test_cli_plan_and_replan(uow, world, db_url, capsys):
    from trainer.cli import main

    assert main(["--db", db_url, "--lang", "en", "schedule", "plan", "--from", "2026-09-01",
                 "--to", "2026-11-30", "--dry-run", "--time-limit", "1"]) == 0
    out = capsys.readouterr().out
    assert "placed 12, unplaced 0" in out and "dry run: nothing written" in out
    assert main(["--db", db_url, "schedule", "plan", "--from", "2026-09-01", "--to",
                 "2026-11-30", "--time-limit", "1"]) == 0
    capsys.readouterr()
    assert main(["--db", db_url, "--lang", "en", "schedule", "replan", "--lecturer", "王建国",
                 "--unavailable", "2026-10-01", "2026-10-31", "--dry-run",
                 "--time-limit", "1"]) == 0
    out = capsys.readouterr().out
    assert "moved" in out
    assert main(["--db", db_url, "schedule", "plan", "--from", "2026-12-01", "--to",
                 "2026-11-01"]) == 2
