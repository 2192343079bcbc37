"""The planner on problems without a database: generated instances and hand-made ones."""
from __future__ import annotations

import datetime as dt
import threading

import pytest
from hypothesis import given, settings, strategies as st

from trainer.scheduling.candidates import compute_candidates
from trainer.scheduling.explain import explain_unplaced
from trainer.scheduling.greedy import greedy_plan
from trainer.scheduling.instances import InstanceSize, generate, grid
from trainer.scheduling.planner import SolveOptions, solve
from trainer.scheduling.problem import (ClassToPlan, FixedLesson, LecturerFacts, LessonToPlace,
                                        PlanningProblem, VenueFacts, Weights)
from trainer.scheduling.verify import check_plan

SMALL = InstanceSize("small", 6, 4, 30)
FAST = SolveOptions(time_limit=1.0)
SEP = grid(dt.date(2026, 9, 7), dt.date(2026, 9, 30))  # Mon 7 Sep … Wed 30 Sep, Mon–Fri


def _class(key="c1", theme=1, lessons_minutes=120, slots=None, venues=(1,), weekdays="12345",
           window=(dt.date(2026, 9, 7), dt.date(2026, 9, 30)), **kw) -> ClassToPlan:
    allowed = tuple(s.index for s in SEP if str(s.date.isoweekday()) in weekdays
                    and s.period != "evening") if slots is None else slots
    return ClassToPlan(key, f"班{key}", "课程", theme, kw.pop("theme_name", "安全生产"), 1, "企业",
                       30, lessons_minutes, window[0], window[1], weekdays,
                       ("morning", "afternoon"), allowed, venues,
                       (("window", 99), ("weekdays", len(allowed))), **kw)


def _problem(classes, lessons, lecturers, fixed=(), weights=Weights()) -> PlanningProblem:
    return PlanningProblem(SEP, tuple(classes), tuple(lessons), tuple(lecturers),
                           (VenueFacts(1, "一车间", 60, 1), VenueFacts(2, "二车间", 60, 1)),
                           tuple(fixed), weights=weights)


def test_generated_plans_obey_every_rule_and_cp_sat_is_never_worse_than_greedy():
    problem = generate(SMALL, seed=3)
    cands = compute_candidates(problem)
    greedy = greedy_plan(problem, cands)
    plan = solve(problem, FAST, cands=cands)
    assert check_plan(problem, greedy) == []
    assert check_plan(problem, plan) == []
    assert plan.placed_count >= greedy.placed_count
    assert set(plan.placements) | set(plan.unplaced) == {x.key for x in problem.lessons}


def test_same_input_same_plan():
    problem = generate(SMALL, seed=5)
    first = solve(problem, FAST)
    second = solve(generate(SMALL, seed=5), FAST)
    assert first.placements == second.placements
    assert first.method == second.method


def test_fixed_lessons_hold_their_lecturer_and_venue():
    lecturer = LecturerFacts(7, "黎建国", (1,))
    slots = tuple(s.index for s in SEP[:6] if s.period != "evening")  # Mon 7 and Tue 8 Sep
    cls = _class(slots=slots, venues=(1,))
    lessons = [LessonToPlace(f"new:c1:{n}", "c1", n) for n in (1, 2)]
    locked = FixedLesson("lesson:99", "other", 1, dt.date(2026, 9, 7), dt.time(8, 30),
                         dt.time(10, 30), 7, 2, 5)
    plan = solve(_problem([cls], lessons, [lecturer], [locked]), FAST)
    assert check_plan(_problem([cls], lessons, [lecturer], [locked]), plan) == []
    assert all(SEP[p.slot].date != dt.date(2026, 9, 7) or SEP[p.slot].period != "morning"
               for p in plan.placements.values())
    assert plan.placed_count == 2  # Mon afternoon and Tue, one day apart at least


def test_the_class_order_and_spacing_and_the_prefix():
    lecturer = LecturerFacts(7, "黎建国", (1,))
    cls = _class(min_gap_days=2)
    lessons = [LessonToPlace(f"new:c1:{n}", "c1", n) for n in (1, 2, 3, 4)]
    problem = _problem([cls], lessons, [lecturer])
    plan = solve(problem, FAST)
    dates = [SEP[plan.placements[f"new:c1:{n}"].slot].date for n in (1, 2, 3, 4)]
    assert all((b - a).days >= 2 for a, b in zip(dates, dates[1:]))
    assert check_plan(problem, plan) == []


def test_no_qualified_lecturer_free_is_explained_with_the_weekdays_and_window():
    away = frozenset(s.index for s in SEP if s.date <= dt.date(2026, 9, 30))
    lecturers = [LecturerFacts(1, "辛雅雯", (4,), available=frozenset(SEP_ALL - away)),
                 LecturerFacts(2, "傅婷", (4,), available=frozenset())]
    cls = _class(theme=4, theme_name="线上线下营销", weekdays="24",
                 window=(dt.date(2026, 9, 9), dt.date(2026, 9, 30)))
    problem = _problem([cls], [LessonToPlace("new:c1:1", "c1", 1)], lecturers)
    plan = solve(problem, FAST)
    assert plan.unplaced == ("new:c1:1",)
    why = explain_unplaced(compute_candidates(problem), plan)["new:c1:1"]
    assert why.code == "lecturers_unavailable"
    assert "no lecturer qualified for 线上线下营销" in why.message("en")
    assert "free on Tuesdays or Thursdays" in why.message("en")
    assert "between 9 and 30 Sep" in why.message("en")
    assert "周二或周四" in why.message("zh") and "9月9日至9月30日" in why.message("zh")


SEP_ALL = frozenset(s.index for s in SEP)


@pytest.mark.parametrize("case, code", [
    ("nobody", "no_qualified_lecturer"),
    ("no_slots", "weekdays"),
    ("no_venue", "no_venue"),
    ("few_days", "too_few_days"),
    ("taken", "lecturer_busy"),
])
def test_explanations_name_the_binding_filter(case, code):
    lecturer = LecturerFacts(7, "黎建国", (1,))
    cls = _class()
    lessons = [LessonToPlace("new:c1:1", "c1", 1)]
    fixed = ()
    if case == "nobody":
        cls = _class(theme=3, theme_name="班组建设与管理")
    elif case == "no_slots":
        cls = _class(slots=(), weekdays="67")
        cls = ClassToPlan(**{**cls.__dict__, "slot_stages": (("window", 40), ("weekdays", 0))})
    elif case == "no_venue":
        cls = _class(venues=())
    elif case == "few_days":
        two_days = tuple(s.index for s in SEP[:6] if s.period != "evening")
        cls = _class(slots=two_days)
        lessons = [LessonToPlace(f"new:c1:{n}", "c1", n) for n in (1, 2, 3)]
    elif case == "taken":
        one = (SEP[0].index,)
        cls = _class(slots=one)
        other = _class(key="c2", slots=one, venues=(2,), priority=3)
        lessons = [LessonToPlace("new:c2:1", "c2", 1), LessonToPlace("new:c1:1", "c1", 1)]
        problem = _problem([cls, other], lessons, [lecturer])
        plan = solve(problem, FAST)
        assert "new:c2:1" in plan.placements  # the urgent one wins
        why = explain_unplaced(compute_candidates(problem), plan)["new:c1:1"]
        assert why.code == code, why.message("en")
        return
    problem = _problem([cls], lessons, [lecturer], fixed)
    plan = solve(problem, FAST)
    whys = explain_unplaced(compute_candidates(problem), plan)
    assert plan.unplaced
    assert whys[plan.unplaced[-1] if case == "few_days" else plan.unplaced[0]].code == code
    for why in whys.values():
        assert why.message("zh") and why.message("en")


def test_replanning_moves_what_must_move_and_nothing_else():
    lecturers = [LecturerFacts(1, "黎建国", (1,)), LecturerFacts(2, "钟强", (1,))]
    classes = [_class(key=f"c{n}", venues=(n % 2 + 1,)) for n in range(1, 5)]
    problem = _problem(classes, [LessonToPlace(f"new:c{n}:1", f"c{n}", 1)
                                 for n in range(1, 5)], lecturers)
    first = solve(problem, FAST)
    assert first.placed_count == 4
    victim = next(k for k, p in first.placements.items() if p.lecturer_id == 1)
    away = frozenset(SEP_ALL - {first.placements[victim].slot})
    lessons = tuple(LessonToPlace(k, x.class_key, 1, first.placements[k], must_move=k == victim)
                    for x in problem.lessons for k in [x.key])
    again = PlanningProblem(SEP, problem.classes, lessons,
                            (LecturerFacts(1, "黎建国", (1,), available=away), lecturers[1]),
                            problem.venues)
    plan = solve(again, FAST)
    assert check_plan(again, plan) == []
    moved = {k for k, p in plan.placements.items() if p != first.placements[k]}
    assert moved == {victim}


def test_cancel_stops_the_search_and_keeps_a_sound_plan():
    problem = generate(SMALL, seed=9)
    stop = threading.Event()
    seen = []

    def progress(done, total, text):
        seen.append((done, total))
        stop.set()

    plan = solve(problem, SolveOptions(time_limit=60.0), progress=progress, cancel=stop.is_set)
    assert seen and plan.seconds < 30
    assert check_plan(problem, plan) == []


@settings(max_examples=15)
@given(seed=st.integers(0, 10_000), lessons=st.integers(5, 60))
def test_greedy_plans_of_random_instances_obey_every_rule(seed, lessons):
    problem = generate(InstanceSize("random", 5, 3, lessons), seed=seed, weeks=4)
    plan = greedy_plan(problem)
    assert check_plan(problem, plan) == []


def test_greedy_at_the_bound_is_returned_without_a_search(monkeypatch):
    import trainer.scheduling.lns as lns
    from trainer.scheduling.bounds import placement_upper_bound
    from trainer.scheduling.planner import method_line

    def no_search(*args, **kwargs):
        raise AssertionError("CP-SAT ran although greedy was at the bound")

    monkeypatch.setattr(lns, "improve", no_search)
    problem = generate(SMALL, seed=5)
    cands = compute_candidates(problem)
    plan = solve(problem, FAST, cands=cands)
    assert plan.status == "at bound" and plan.method == "greedy"
    assert plan.placed_count == placement_upper_bound(cands)
    assert plan.placements == greedy_plan(problem, cands).placements
    assert method_line(plan, "zh").startswith("贪心方案已达上限，无需进一步优化（用时 ")
    assert method_line(plan, "en").startswith(
        "greedy plan at the upper bound, no further optimisation needed (")
    # a gap of nothing: the soft goals are not provably at their bound, so CP-SAT is asked
    monkeypatch.undo()
    searched = solve(problem, SolveOptions(time_limit=0.5, soft_gap_per_lesson=-1e9), cands=cands)
    assert searched.status in ("greedy kept", "improved") and searched.search_seconds > 0


def test_greedy_below_the_bound_still_searches_and_places_more():
    from trainer.scheduling.bounds import placement_upper_bound
    from trainer.scheduling.planner import method_line

    problem = generate(SMALL, seed=38)
    cands = compute_candidates(problem)
    greedy = greedy_plan(problem, cands)
    assert greedy.placed_count < placement_upper_bound(cands)
    plan = solve(problem, FAST, cands=cands)
    assert plan.status == "improved" and plan.method == "greedy+cp-sat"
    assert plan.placed_count > greedy.placed_count
    assert check_plan(problem, plan) == []
    assert plan.changed >= plan.placed_count - greedy.placed_count
    added = plan.placed_count - greedy.placed_count
    assert plan.added == added
    assert method_line(plan, "zh") == \
        f"CP-SAT 用 {plan.search_seconds:.0f} 秒多排入 {added} 个课次（调整 {plan.changed} 个）"
    assert method_line(plan, "en") == \
        f"CP-SAT placed {added} more lessons in {plan.search_seconds:.0f} s " \
        f"({plan.changed} changed)"


def test_method_lines_say_what_happened_in_both_languages():
    from dataclasses import replace

    from trainer.scheduling.planner import method_line
    from trainer.scheduling.problem import Plan

    kept = Plan({}, (), "greedy", "greedy kept", seconds=12.4, search_seconds=12.2)
    assert method_line(kept, "zh") == "贪心方案，CP-SAT 用 12 秒未找到更好方案"
    assert method_line(kept, "en") == "greedy plan; CP-SAT found nothing better in 12 s"
    limit = replace(kept, status="wall-clock limit")
    assert method_line(limit, "zh").endswith("（达到时间上限后停止）")
    assert method_line(limit, "en").endswith(" (stopped at the time limit)")
    off = Plan({}, (), "greedy", "", seconds=0.3)
    assert method_line(off, "zh") == "贪心方案，未运行 CP-SAT（用时 0.3 秒）"
    assert method_line(off, "en") == "greedy plan, CP-SAT not run (0.3 s)"
    for plan in (kept, limit, off):
        assert "greedy greedy" not in method_line(plan, "en")
        assert "greedy" not in method_line(plan, "zh") and "kept" not in method_line(plan, "zh")
