"""The completion rule (trainer/rules/completion.py) on its own: no database."""
from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from trainer.rules.completion import (ABSENT, EXCUSED, LATE, PRESENT, STATUS_KEYS,
                                      CompletionPolicy, LessonFact, Stint, TraineeFacts, evaluate,
                                      next_status)

D = dt.date
AS_OF = D(2026, 6, 30)


def lessons(n: int, start: D = D(2026, 3, 2), **kw) -> tuple[LessonFact, ...]:
    return tuple(LessonFact(i + 1, start + dt.timedelta(days=i), minutes=120, **kw)
                 for i in range(n))


def facts(lesson_facts, marks: dict[int, str], joined: D = D(2026, 1, 1), **kw) -> TraineeFacts:
    return TraineeFacts(7, (Stint(lesson_facts, marks, joined),), **kw)


def test_five_of_eight_needs_seven_in_both_languages():
    ls = lessons(8)
    marks = {i: PRESENT for i in range(1, 6)} | {6: ABSENT, 7: ABSENT}  # 8 not recorded
    r = evaluate(CompletionPolicy(), facts(ls, marks), AS_OF)
    assert not r.completes
    assert (r.held, r.attended, r.needed, r.absent) == (8, 5, 7, 3)
    assert r.message("en") == "attended 5 of 8 lessons, needs 7"
    assert r.message("zh") == "出勤 5/8 次，至少需要 7 次"


def test_late_counts_as_present_and_minutes_of_attended_lessons_add_up():
    ls = lessons(5)
    r = evaluate(CompletionPolicy(), facts(ls, {1: PRESENT, 2: LATE, 3: LATE, 4: PRESENT,
                                                5: ABSENT}), AS_OF)
    assert r.completes and (r.attended, r.late, r.needed) == (4, 2, 4)
    assert r.attended_minutes == 4 * 120
    assert r.message("en") == "attended 4 of 5 lessons"


def test_excused_leave_counts_only_when_the_course_says_so():
    ls = lessons(5)
    marks = {1: PRESENT, 2: PRESENT, 3: PRESENT, 4: EXCUSED, 5: EXCUSED}
    strict = evaluate(CompletionPolicy(excused_counts_present=False), facts(ls, marks), AS_OF)
    lenient = evaluate(CompletionPolicy(excused_counts_present=True), facts(ls, marks), AS_OF)
    assert not strict.completes and strict.attended == 3
    assert strict.message("en") == "attended 3 of 5 lessons (2 excused, not counted), needs 4"
    assert strict.message("zh") == "出勤 3/5 次（请假 2 次不计出勤），至少需要 4 次"
    assert lenient.completes and lenient.attended == 5
    assert lenient.message("zh") == "出勤 5/5 次（含请假 2 次）"
    assert lenient.attended_minutes == 3 * 120  # hours attended are hours in the room


def test_no_lessons_held_yet():
    future = lessons(6, start=D(2026, 9, 1))
    r = evaluate(CompletionPolicy(), facts(future, {}), AS_OF)
    assert not r.completes and r.held == 0 and r.upcoming == 6
    assert r.message("en") == "no lessons held yet"
    assert r.message("zh") == "尚未上课"
    nothing = evaluate(CompletionPolicy(), facts((), {}), AS_OF)
    assert not nothing.completes and nothing.message("en") == "no lessons held yet"


def test_a_future_lesson_counts_once_attendance_is_recorded_or_it_is_marked_held():
    ls = (LessonFact(1, D(2026, 3, 2)), LessonFact(2, D(2026, 9, 1), recorded=True),
          LessonFact(3, D(2026, 9, 2), status="held"), LessonFact(4, D(2026, 9, 3)))
    r = evaluate(CompletionPolicy(), facts(ls, {1: PRESENT, 2: PRESENT}), AS_OF)
    assert (r.held, r.attended, r.upcoming) == (3, 2, 1)
    assert r.message("en") == "attended 2 of 3 lessons, needs 3 (1 lessons to come)"


def test_cancelled_lessons_do_not_count():
    ls = lessons(8)
    cancelled = tuple(LessonFact(l.lesson_id, l.date, "cancelled" if l.lesson_id in (7, 8)
                                 else "planned") for l in ls)
    marks = {i: PRESENT for i in range(1, 6)} | {6: ABSENT}
    r = evaluate(CompletionPolicy(), facts(cancelled, marks), AS_OF)
    assert (r.held, r.cancelled, r.needed) == (6, 2, 5)  # 80 % of 6 = 4.8 → 5
    assert r.completes
    all_cancelled = tuple(LessonFact(l.lesson_id, l.date, "cancelled") for l in ls)
    r = evaluate(CompletionPolicy(), facts(all_cancelled, {}), AS_OF)
    assert not r.completes and r.message("en") == "no lessons held yet"


def test_a_late_joiner_is_not_absent_for_lessons_before_joining():
    ls = lessons(10)  # 2 … 11 March
    joined = D(2026, 3, 5)  # lessons 1–3 before
    marks = {i: PRESENT for i in range(4, 11)}
    r = evaluate(CompletionPolicy(), facts(ls, marks, joined), AS_OF)
    assert r.completes and (r.held, r.attended, r.not_counted) == (7, 7, 3)
    assert r.message("en") == \
        "attended 7 of 7 lessons (joined 2026-03-05; 3 earlier lessons not counted)"
    one_missed = evaluate(CompletionPolicy(), facts(ls, marks | {10: ABSENT}, joined), AS_OF)
    assert one_missed.completes and one_missed.needed == 6  # 80 % of 7 = 5.6 → 6
    two_missed = evaluate(CompletionPolicy(), facts(ls, marks | {9: ABSENT, 10: ABSENT},
                                                    joined), AS_OF)
    assert not two_missed.completes
    assert two_missed.message("zh") == \
        "出勤 5/7 次（2026-03-05 加入，之前 3 次课不计），至少需要 6 次"


def test_a_late_joiner_who_came_before_joining_gets_the_credit_not_the_absences():
    ls = lessons(5)
    r = evaluate(CompletionPolicy(), facts(ls, {1: PRESENT, 2: ABSENT, 3: PRESENT, 4: PRESENT,
                                                5: PRESENT}, D(2026, 3, 4)), AS_OF)
    assert (r.held, r.attended, r.not_counted) == (4, 4, 1)  # lesson 1 counted, 2 not


def test_a_late_joiner_with_no_lesson_since_joining():
    ls = lessons(4)
    r = evaluate(CompletionPolicy(), facts(ls, {}, D(2026, 6, 1)), AS_OF)
    assert not r.completes and r.held == 0
    assert r.message("en") == "no lessons held since joining on 2026-06-01"


def test_a_transfer_keeps_the_attendance_of_the_class_left():
    first = lessons(8, start=D(2026, 3, 2))  # class A, daily from 2 March
    second = tuple(LessonFact(100 + i, D(2026, 3, 4) + dt.timedelta(days=i)) for i in range(8))
    moved = D(2026, 3, 6)  # attended A's 2–5 March, then B from 6 March
    stints = (Stint(first, {1: PRESENT, 2: PRESENT, 3: PRESENT, 4: PRESENT}, D(2026, 3, 1), moved),
              Stint(second, {102: PRESENT, 103: PRESENT, 104: PRESENT, 105: LATE,
                             106: PRESENT, 107: ABSENT}, moved))
    r = evaluate(CompletionPolicy(), TraineeFacts(7, stints), AS_OF)
    # A: lessons 2–5 March (4, all attended); B: 6–11 March (6, 5 attended); B's 4–5 March are
    # covered by A's and not counted again
    assert (r.held, r.attended, r.not_counted) == (10, 9, 0)
    assert r.completes
    left = evaluate(CompletionPolicy(), TraineeFacts(7, stints[:1], "transferred",
                                                     transferred_to="B 班"), AS_OF)
    assert not left.completes and left.message("zh") == "已转入B 班"
    assert left.held == 4 and left.attended == 4


def test_assessment_required_by_a_pass_mark_or_the_office_setting():
    ls = lessons(4)
    full = {i: PRESENT for i in range(1, 5)}
    assert evaluate(CompletionPolicy(), facts(ls, full), AS_OF).completes
    marked = CompletionPolicy(pass_mark=60)
    r = evaluate(marked, facts(ls, full), AS_OF)
    assert not r.completes and r.message("en") == "not assessed yet"
    r = evaluate(marked, facts(ls, full, score=52, passed=False), AS_OF)
    assert r.message("zh") == "考核未通过（52 分，合格线 60 分）"
    r = evaluate(marked, facts(ls, full, score=85, passed=True), AS_OF)
    assert r.completes and r.message("en") == "attended 4 of 4 lessons; passed the assessment (85)"
    office = CompletionPolicy(requires_assessment=True)
    assert evaluate(office, facts(ls, full), AS_OF).message("zh") == "尚未考核"
    assert evaluate(office, facts(ls, full, passed=True), AS_OF).completes
    # a failed pass/fail assessment fails even where none is required
    r = evaluate(CompletionPolicy(), facts(ls, full, passed=False), AS_OF)
    assert not r.completes and r.message("en") == "did not pass the assessment"


def test_every_failing_reason_is_given():
    ls = lessons(8)
    r = evaluate(CompletionPolicy(pass_mark=60), facts(ls, {1: PRESENT}), AS_OF)
    assert r.message("en") == "attended 1 of 8 lessons, needs 7; not assessed yet"
    assert r.message("zh") == "出勤 1/8 次，至少需要 7 次；尚未考核"


def test_withdrawn():
    r = evaluate(CompletionPolicy(), facts(lessons(3), {1: PRESENT}, status="withdrawn"), AS_OF)
    assert not r.completes and r.message("en") == "withdrew from the class" and r.attended == 1


@given(st.lists(st.sampled_from([PRESENT, LATE, EXCUSED, ABSENT, None]), min_size=1,
                max_size=30),
       st.integers(0, 100), st.booleans())
def test_completes_exactly_when_attended_reaches_the_rounded_up_share(statuses, percent, excused):
    ls = lessons(len(statuses))
    marks = {i + 1: s for i, s in enumerate(statuses) if s is not None}
    r = evaluate(CompletionPolicy(percent, excused), facts(ls, marks), AS_OF)
    counted = {PRESENT, LATE} | ({EXCUSED} if excused else set())
    attended = sum(1 for s in statuses if s in counted)
    assert r.attended == attended and r.held == len(statuses)
    assert r.completes == (attended * 100 >= percent * len(statuses))
    assert r.present + r.late + r.excused + r.absent == r.held
    assert r.completes or r.message("en")


def test_the_grid_keys_cycle_through_every_status():
    seen, status = [], None
    for _ in range(5):
        status = next_status(status)
        seen.append(status)
    assert seen == [PRESENT, LATE, EXCUSED, ABSENT, None]
    assert next_status("nonsense") == PRESENT
    assert STATUS_KEYS["E"] == EXCUSED


def test_nobody_completes_before_the_last_lesson():
    ls = (LessonFact(1, D(2026, 3, 2)), LessonFact(2, D(2026, 3, 4)), LessonFact(3, D(2026, 3, 6)),
          LessonFact(4, D(2026, 9, 3)), LessonFact(5, D(2026, 9, 4)))
    r = evaluate(CompletionPolicy(), facts(ls, {1: PRESENT, 2: PRESENT, 3: PRESENT}), AS_OF)
    assert (r.held, r.attended, r.upcoming, r.completes) == (3, 3, 2, False)
    assert r.message("en").endswith("the course is not over: 2 lesson(s) to come")
    assert r.message("zh").endswith("课程尚未结束，还有 2 次课")
