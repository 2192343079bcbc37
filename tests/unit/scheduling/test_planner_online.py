"""The planner with online lessons (marked online before planning): placed without a room, so
a full venue does not stop them, several share a half-day, and a class with no venue big
enough still gets its online lessons — while the lecturer stays one lesson per half-day."""
from __future__ import annotations

import pytest

from tests.unit.scheduling.test_planner import FAST, SEP, _class, _problem
from trainer.scheduling.bounds import placement_upper_bound
from trainer.scheduling.candidates import compute_candidates
from trainer.scheduling.explain import explain_unplaced
from trainer.scheduling.greedy import greedy_plan
from trainer.scheduling.planner import solve
from trainer.scheduling.problem import LecturerFacts, LessonToPlace
from trainer.scheduling.verify import check_plan

MONDAY_MORNING = (SEP[0].index,)
LECTURERS = (LecturerFacts(1, "王建国", (1,)), LecturerFacts(2, "李芳", (1,)))


def _three_classes(online: bool, venues=(1,)):
    """Three one-lesson classes that may only meet on Monday morning, one room between them."""
    classes = [_class(f"c{n}", slots=MONDAY_MORNING, venues=venues) for n in (1, 2, 3)]
    lessons = [LessonToPlace(f"c{n}:1", f"c{n}", 1, online=online) for n in (1, 2, 3)]
    return _problem(classes, lessons, LECTURERS)


@pytest.mark.parametrize("search", ["greedy", "cp-sat"])
def test_online_lessons_need_no_room_but_a_lecturer_each(search):
    offline, online = _three_classes(False), _three_classes(True)
    run = (lambda p: greedy_plan(p)) if search == "greedy" else (lambda p: solve(p, FAST))
    in_rooms, on_line = run(offline), run(online)
    assert in_rooms.placed_count == 1  # one room on Monday morning
    assert on_line.placed_count == 2  # two lecturers: the third lesson has none left
    assert {p.venue_id for p in on_line.placements.values()} == {None}
    assert {p.lecturer_id for p in on_line.placements.values()} == {1, 2}
    assert check_plan(online, on_line) == [] and check_plan(offline, in_rooms) == []
    assert placement_upper_bound(compute_candidates(online)) == 2


def test_an_online_lesson_of_a_class_without_a_room_is_placed_and_explained_otherwise():
    problem = _three_classes(True, venues=())
    plan = greedy_plan(problem)
    assert plan.placed_count == 2
    why = explain_unplaced(compute_candidates(problem), plan)
    assert list(why) == list(plan.unplaced)
    assert "没有容纳" not in why[plan.unplaced[0]].message("zh")  # not "no venue"
    offline = _three_classes(False, venues=())
    assert greedy_plan(offline).placed_count == 0


def test_verify_refuses_a_room_for_an_online_lesson():
    problem = _three_classes(True)
    plan = greedy_plan(problem)
    key = next(iter(plan.placements))
    wrong = type(plan)({**plan.placements, key: type(plan.placements[key])(
        plan.placements[key].slot, plan.placements[key].lecturer_id, 1)}, plan.unplaced, "x")
    assert check_plan(problem, wrong) == [f"{key}: online lesson given venue 1"]
