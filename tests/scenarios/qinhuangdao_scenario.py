"""The Qinhuangdao plan (秦皇岛市总工会千名母婴护理师免费培训计划) as a scenario: six months,
three classes a month, sixty trainees each — 1,080 enrolments — from the sign-up list to who
completes. Shared by bench/bench_qinhuangdao.py (timed, full size) and
tests/flows/test_qinhuangdao.py (small, checked).

The flow, each step a stage the caller can time:
1. applicants: the sign-up list (.xlsx, one row per woman: name, ID number, mobile, category)
   imported with the trainee import; a few applicants are employed workers, whom open
   enrolment refuses (the plan is for the laid-off, workers in difficulty, migrant workers and
   school leavers);
2. classes: 3 a month, each with its lessons on working days (written with the models: the
   schedule service is another area's);
3. enrolment: each class's sixty, a few of them late joiners (from lesson 3), capacity checked;
4. attendance, three ways as offices work: the grid (most classes: load, fill, save each
   lesson's column with versions), the signed sheet (mark all present, then the few), the
   barcode scanner (one class a month, each arrival scanned);
5. results: an exam per class, scores against the pass mark (some absent from the exam);
6. completion of every class; 7. export of each class to Excel; 8. trainees' histories.

Attendance is random but seeded, and the scenario keeps what it generated, so a test can
compute who should complete without the code under test."""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from openpyxl import Workbook
from sqlalchemy import select

from tests.scenarios.attendance_fixtures import id_number, person_name
from trainer.db.models import Cohort, Lesson, Theme, Trainee
from trainer.errors import EnrolmentError
from trainer.rules.completion import ABSENT, EXCUSED, LATE, PRESENT
from trainer.services.courses import CourseForm, create_course
from trainer.services.uow import UnitOfWork

CATEGORIES = (("下岗失业人员", "laid_off", 40), ("困难职工", "in_difficulty", 25),
              ("农民工", "migrant", 25), ("应届初中毕业生", "school_leaver", 10))
ELIGIBLE = "laid_off,in_difficulty,migrant,school_leaver"
PASS_MARK = 60


@dataclass
class Plan:
    months: int = 6
    classes_per_month: int = 3
    trainees_per_class: int = 60
    lessons: int = 12
    late_joiners_per_class: int = 2
    ineligible_applicants: int = 30
    start: dt.date = dt.date(2026, 3, 2)
    seed: int = 1080

    @property
    def classes(self) -> int:
        return self.months * self.classes_per_month

    @property
    def trainees(self) -> int:
        return self.classes * self.trainees_per_class


@dataclass
class Outcome:
    """What the scenario did, and what it generated (for checking)."""

    plan: Plan
    counts: dict[str, int] = field(default_factory=dict)
    cohort_ids: list[int] = field(default_factory=list)
    # cohort id → trainee id → (lessons counted, attended, score or None)
    generated: dict[int, dict[int, tuple[int, int, int | None]]] = field(default_factory=dict)
    # cohort → (completing, all)
    completion: dict[int, tuple[int, int]] = field(default_factory=dict)
    reasons: list[str] = field(default_factory=list)


Stage = Callable[[str, int], object]  # (name, operations) → a context manager that times


class _NoTimer:
    def __init__(self, *_args) -> None:
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def working_days(start: dt.date, count: int) -> list[dt.date]:
    days, day = [], start
    while len(days) < count:
        if day.weekday() < 5:
            days.append(day)
        day += dt.timedelta(days=1)
    return days


def write_signup_list(path: Path, plan: Plan, rnd: random.Random) -> list[tuple[str, str]]:
    """The sign-up workbook; returns (ID number, category code) per applicant row."""
    book = Workbook()
    sheet = book.active
    sheet.append(["秦皇岛市千名母婴护理师免费培训报名表"])
    sheet.append(["序号", "姓名", "性别", "身份证号码", "手机号码", "人员类别", "备注"])
    people = []
    weights = [w for *_, w in CATEGORIES]
    total = plan.trainees + plan.ineligible_applicants
    ineligible = set(rnd.sample(range(total), plan.ineligible_applicants))
    for i in range(total):
        if i in ineligible:
            word, code = "在岗职工", "regular"
        else:
            word, code, _w = rnd.choices(CATEGORIES, weights)[0]
        number = id_number(i, birth=dt.date(1975, 1, 1) + dt.timedelta(days=rnd.randrange(10000)))
        sheet.append([i + 1, person_name(i), "女", number, f"139{i:08d}", word, ""])
        people.append((number, code))
    book.save(path)
    return people


def run(uow: UnitOfWork, workdir: Path, plan: Plan = Plan(),
        stage: Stage = _NoTimer) -> Outcome:
    from trainer.io.attendance_io import export_class_attendance
    from trainer.io.importing import preview_import, run_import
    from trainer.services import assessment, attendance, completion, enrolment, history

    rnd = random.Random(plan.seed)
    out = Outcome(plan)
    with stage("applicants: sign-up list imported", plan.trainees + plan.ineligible_applicants):
        people = write_signup_list(workdir / "signup.xlsx", plan, rnd)
        preview = preview_import(uow, "trainees", workdir / "signup.xlsx")
        assert not preview.rejected, [r.message() for r in preview.rejected[:3]]
        run_import(uow, preview)
    with uow:
        ids = dict(uow.session.execute(select(Trainee.id_number, Trainee.id).where(
            Trainee.organization_id == uow.organization_id)).all())
    eligible = [ids[n] for n, code in people if code != "regular"]
    ineligible = [ids[n] for n, code in people if code == "regular"]
    with stage("classes and lessons created", plan.classes * plan.lessons):
        lessons = _make_classes(uow, plan, out)
    members: dict[int, list[int]] = {}
    joined: dict[int, dict[int, dt.date]] = {}
    with stage("enrolment (open, by category, capacity)", plan.trainees):
        refused = 0
        for k, cohort_id in enumerate(out.cohort_ids):
            group = eligible[k * plan.trainees_per_class:(k + 1) * plan.trainees_per_class]
            strangers = ineligible[k::plan.classes][:2]
            joiners = set(rnd.sample(group, plan.late_joiners_per_class))
            result = enrolment.enrol_trainees(uow, cohort_id,
                                              [t for t in group if t not in joiners] + strangers)
            refused += len(result.refused)
            join_day = lessons[cohort_id][min(2, plan.lessons - 1)][1]
            enrolment.enrol_trainees(uow, cohort_id, sorted(joiners), enrolled_on=join_day)
            first_day = lessons[cohort_id][0][1]
            members[cohort_id] = group
            joined[cohort_id] = {t: join_day if t in joiners else first_day for t in group}
            try:  # one applicant more than the class takes
                enrolment.enrol_trainees(uow, cohort_id, [eligible[(k + 1) * plan.trainees_per_class
                                                                   % len(eligible)]])
                raise AssertionError("a full class took one more")
            except EnrolmentError as exc:
                assert exc.reason == "class_full", exc
        out.counts["refused (not eligible)"] = refused
    generated = {c: _attendance_plan(lessons[c], joined[c], rnd) for c in out.cohort_ids}
    scanner = set(out.cohort_ids[::plan.classes_per_month])  # first class of each month
    sheets = set(out.cohort_ids[1::plan.classes_per_month][:max(1, plan.months // 2)])
    grid_classes = [c for c in out.cohort_ids if c not in scanner | sheets]
    with stage("attendance: grid saves (one per lesson column)",
               sum(len(generated[c]) for c in grid_classes)):
        for cohort_id in grid_classes:
            _by_grid(uow, cohort_id, generated[cohort_id])
    with stage("attendance: signed sheets (all present + the few)",
               sum(len(generated[c]) for c in sheets)):
        for cohort_id in sorted(sheets):
            _by_sheet(uow, cohort_id, lessons[cohort_id], generated[cohort_id])
    with stage("attendance: scanner, one scan per arrival",
               sum(1 for c in scanner for v in generated[c].values() if v[0] in (PRESENT, LATE))):
        for cohort_id in sorted(scanner):
            _by_scanner(uow, lessons[cohort_id], generated[cohort_id])
    out.counts["attendance cells"] = sum(len(g) for g in generated.values())
    scores = {c: {t: (None if rnd.random() < 0.03 else
                      max(20, min(100, round(rnd.gauss(76, 12))))) for t in members[c]}
              for c in out.cohort_ids}
    with stage("results entered (one save per class)",
               sum(1 for s in scores.values() for v in s.values() if v is not None)):
        for cohort_id, entries in scores.items():
            assessment.record_assessments(uow, cohort_id, [
                assessment.AssessmentEntry(t, score, assessed_on=lessons[cohort_id][-1][1])
                for t, score in entries.items() if score is not None])
    for cohort_id in out.cohort_ids:
        out.generated[cohort_id] = {}
        for t in members[cohort_id]:
            mine = [v for (l, tt), v in generated[cohort_id].items() if tt == t]
            counted = sum(1 for _l, day in lessons[cohort_id] if day >= joined[cohort_id][t])
            out.generated[cohort_id][t] = (counted, sum(1 for v in mine if v[0] in (PRESENT, LATE)),
                                           scores[cohort_id][t])
    as_of = max(day for rows in lessons.values() for _l, day in rows)
    with stage("completion computed (every class)", plan.trainees):
        for cohort_id in out.cohort_ids:
            done = completion.class_completion(uow, cohort_id, as_of=as_of)
            out.completion[cohort_id] = (len(done.completing), len(done.trainees))
            out.reasons += [t.reason("zh") for t in done.not_completing[:1]]
    with stage("grid loaded (every class, as the GUI opens it)", plan.classes):
        for cohort_id in out.cohort_ids:
            attendance.load_attendance_grid(uow, cohort_id)
    with stage("export to Excel (every class)", plan.classes):
        for cohort_id in out.cohort_ids:
            export_class_attendance(uow, cohort_id, workdir / f"class-{cohort_id}.xlsx",
                                    lang="zh", as_of=as_of)
    sample = eligible[::max(1, len(eligible) // 100)][:100]
    with stage("trainee histories (一人一档)", len(sample)):
        for trainee_id in sample:
            history.trainee_history(uow, trainee_id, as_of=as_of)
    out.counts["enrolments"] = sum(n for _c, n in out.completion.values())
    out.counts["completing"] = sum(c for c, _n in out.completion.values())
    return out


def _make_classes(uow: UnitOfWork, plan: Plan,
                  out: Outcome) -> dict[int, list[tuple[int, dt.date]]]:
    """cohort id → [(lesson id, date)] in order."""
    lessons: dict[int, list[tuple[int, dt.date]]] = {}
    with uow:
        s = uow.session
        theme = s.scalar(select(Theme.id).where(Theme.organization_id == uow.organization_id)
                         .order_by(Theme.id))
        course = create_course(uow, CourseForm(
            theme, "母婴护理师(初级)", lesson_count=plan.lessons, lesson_minutes=180,
            pass_mark=PASS_MARK, min_attendance_percent=80,
            description="产褥期护理、婴儿护理;考试合格颁发相应等级证书"))
        for m in range(plan.months):
            month = dt.date(plan.start.year + (plan.start.month - 1 + m) // 12,
                            (plan.start.month - 1 + m) % 12 + 1, 1)
            for k in range(plan.classes_per_month):
                cohort = Cohort(organization_id=uow.organization_id, course_id=course.id,
                                code=f"QHD-{month:%Y%m}-{k + 1}",
                                name=f"母婴护理师初级班{month:%Y年%m月}第{k + 1}期",
                                capacity=plan.trainees_per_class, open_enrolment=True,
                                eligible_categories=ELIGIBLE, status="planned")
                s.add(cohort)
                s.flush()
                rows = [Lesson(cohort_id=cohort.id, sequence=i + 1, date=day,
                               start_time=dt.time(14), end_time=dt.time(17))
                        for i, day in enumerate(working_days(month + dt.timedelta(days=9 * k),
                                                             plan.lessons))]
                s.add_all(rows)
                s.flush()
                out.cohort_ids.append(cohort.id)
                lessons[cohort.id] = [(r.id, r.date) for r in rows]
    return lessons


def _attendance_plan(lessons: list[tuple[int, dt.date]], joined: dict[int, dt.date],
                     rnd: random.Random) -> dict[tuple[int, int], tuple[str, int]]:
    """{(lesson id, trainee id): (status, minutes late)} for each lesson after joining: most
    women come nearly always, some often, a few seldom (child care, a new job)."""
    cells = {}
    for trainee_id, day0 in joined.items():
        keen = rnd.choices((0.97, 0.85, 0.6), (70, 22, 8))[0]
        for lesson_id, day in lessons:
            if day < day0:
                continue
            if rnd.random() < keen:
                late = rnd.random() < 0.08
                cells[(lesson_id, trainee_id)] = ((LATE, rnd.randint(6, 40)) if late
                                                  else (PRESENT, 0))
            else:
                cells[(lesson_id, trainee_id)] = (EXCUSED if rnd.random() < 0.4 else ABSENT, 0)
    return cells


def _by_lesson(cells):
    out: dict[int, list[tuple[int, str, int]]] = {}
    for (lesson_id, trainee_id), (status, minutes) in sorted(cells.items()):
        out.setdefault(lesson_id, []).append((trainee_id, status, minutes))
    return out


def _by_grid(uow: UnitOfWork, cohort_id: int, cells) -> None:
    """The grid: open the class, fill a lesson's column, save it (with the cells' versions)."""
    from trainer.services.attendance import CellChange, load_attendance_grid, save_attendance

    grid = load_attendance_grid(uow, cohort_id)
    for lesson_id, column in _by_lesson(cells).items():
        save_attendance(uow, [CellChange(lesson_id, t, status, minutes,
                                         expected_version=grid.version(lesson_id, t))
                              for t, status, minutes in column])


def _by_sheet(uow: UnitOfWork, cohort_id: int, lessons, cells) -> None:
    """A signed sheet: everyone present, then the late, excused and absent by ID tail (the
    scan code when a tail matches two women of the class)."""
    from trainer.services.attendance import trainee_scan_code
    from trainer.services.attendance_marking import mark_lesson

    with uow:
        numbers = dict(uow.session.execute(select(Trainee.id, Trainee.id_number).where(
            Trainee.id.in_({t for _l, t in cells}))).all())
    for lesson_id, column in _by_lesson(cells).items():
        late = [(numbers[t][-6:], m) for t, s, m in column if s == LATE]
        excused = [numbers[t][-6:] for t, s, _m in column if s == EXCUSED]
        absent = [numbers[t][-6:] for t, s, _m in column if s == ABSENT]
        result = mark_lesson(uow, lesson_id, all_present=True, late=late, excused=excused,
                             absent=absent)
        retry = {o.code for o in result.problems}
        if retry:
            again = [(t, s, m) for t, s, m in column if numbers[t][-6:] in retry]
            mark_lesson(uow, lesson_id,
                        late=[(trainee_scan_code(t), m) for t, s, m in again if s == LATE],
                        excused=[trainee_scan_code(t) for t, s, _m in again if s == EXCUSED],
                        absent=[trainee_scan_code(t) for t, s, _m in again if s == ABSENT])


def _by_scanner(uow: UnitOfWork, lessons, cells) -> None:
    """Each arrival scanned (on time: up to five minutes after the start; late: the minutes
    late), then the clerk marks the excused and absent from the leave slips."""
    from trainer.services.attendance import trainee_scan_code
    from trainer.services.attendance_marking import mark_by_code, mark_lesson

    days = dict(lessons)
    for lesson_id, column in _by_lesson(cells).items():
        start = dt.datetime.combine(days[lesson_id], dt.time(14))
        for trainee_id, status, minutes in column:
            if status in (PRESENT, LATE):
                at = start + dt.timedelta(minutes=minutes if status == LATE else
                                          (trainee_id * 7) % 20 - 15)
                result = mark_by_code(uow, lesson_id, trainee_scan_code(trainee_id), at=at)
                assert result.outcome == "marked" and result.status == status, result
        mark_lesson(uow, lesson_id,
                    excused=[trainee_scan_code(t) for t, s, _m in column if s == EXCUSED],
                    absent=[trainee_scan_code(t) for t, s, _m in column if s == ABSENT])
