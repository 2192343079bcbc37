"""The Qinhuangdao plan (秦皇岛市总工会千名母婴护理师免费培训计划) as a scenario, through the
programme services: six months, three classes a month (two 初级, one 等级提升), sixty places a
class — 1,080 trainees — from an empty office to graded certificates. Shared by
tests/scenarios/test_programme_plan.py (full size, every count asserted) and
bench/bench_qinhuangdao.py (timed).

The flow, each step a stage the caller can time:
1. office: the city's training centre, a course per level, three lecturers;
2. programme: `create_programme` makes the 18 classes; `plan_programme_lessons` + accept
   their lessons (offline, in the centre, within each class's month);
3. applicants' list: ~1,150 rows as a real .xlsx file — eligible women applying 初级, certificate
   holders applying 等级提升 (or 初级, and moved up), workers the plan does not take, people who
   applied twice (the same row again, or again with another mobile), IDs the spreadsheet kept as
   numbers, a few more than the places; some applicants already in the database;
4. enrolment: `preview_applications` then `enrol_applications` (one transaction);
5. attendance for a sample of classes, three ways as offices work: the grid, the signed sheet,
   the barcode scanner;
6. exam scores against each level's pass mark; completion; graded certificates issued.

What it generated is kept, so a test can count who should complete without the code under
test."""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from sqlalchemy import select

from tests.scenarios.attendance_fixtures import id_number, person_name
from tests.scenarios.programme_fixtures import build_office, programme_form, write_xlsx
from tests.sheet_files import typed_id
from trainer.db.models import Lesson
from trainer.rules.completion import ABSENT, EXCUSED, LATE, PRESENT
from trainer.services.uow import UnitOfWork

ELIGIBLE_WORDS = ("下岗失业人员", "困难职工", "农民工", "应届初中毕业生")
INELIGIBLE_WORDS = ("在岗职工", "新就业形态劳动者")


@dataclass
class Plan:
    months: int = 6
    classes_per_month: int = 3
    raising_classes: int = 1  # of the month's classes, 等级提升
    class_size: int = 60
    lessons: int = 8  # offline lessons of 3 hours per class
    ineligible: int = 40  # workers the plan does not take
    repeats: int = 20  # applied twice: half the same row again, half with another mobile
    number_ids: int = 5  # ID typed into a General cell: a number, last digits lost
    overflow: int = 5  # per level: applicants beyond the places
    moved_up: int = 60  # holders who applied 初级 (put in 等级提升)
    known: int = 30  # applicants already in the database
    sample_classes: int = 3  # classes whose attendance, exam and certificates are recorded
    start: dt.date = dt.date(2026, 3, 1)
    seed: int = 1080

    @property
    def classes(self) -> int:
        return self.months * self.classes_per_month

    @property
    def places(self) -> dict[str, int]:
        raising = self.months * self.raising_classes * self.class_size
        return {"初级": self.classes * self.class_size - raising, "等级提升": raising}

    @property
    def rows(self) -> int:
        return (sum(self.places.values()) + 2 * self.overflow + self.ineligible + self.repeats
                + self.number_ids)


@dataclass
class Outcome:
    plan: Plan
    counts: dict[str, int] = field(default_factory=dict)
    programme_id: int = 0
    class_ids: list[int] = field(default_factory=list)
    sample: list[int] = field(default_factory=list)
    # class id → trainee id → (lessons counted, attended, score or None)
    generated: dict[int, dict[int, tuple[int, int, int | None]]] = field(default_factory=dict)
    completion: dict[int, tuple[int, int]] = field(default_factory=dict)  # (completing, all)
    levels: dict[int, str] = field(default_factory=dict)  # class id → level
    grades: dict[str, int] = field(default_factory=dict)  # grade → certificates
    preview: object = None
    reasons: list[str] = field(default_factory=list)


Stage = Callable[[str, int], object]  # (name, operations) → a context manager that times


class NoTimer:
    def __init__(self, *_args) -> None:
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def applicant_rows(plan: Plan, rnd: random.Random) -> tuple[list[list], dict[str, int]]:
    """The list's rows (after the header) and what they are (for checking)."""
    people: list[tuple[str, str, str]] = []  # (category word, level written, holds)
    beginners = plan.places["初级"] + plan.overflow
    raising = plan.places["等级提升"] + plan.overflow
    people += [(rnd.choice(ELIGIBLE_WORDS), "初级", "否") for _ in range(beginners)]
    people += [(rnd.choice(ELIGIBLE_WORDS), "初级", "是") for _ in range(plan.moved_up)]
    people += [(rnd.choice(ELIGIBLE_WORDS), "等级提升", "是")
               for _ in range(raising - plan.moved_up)]
    people += [(rnd.choice(INELIGIBLE_WORDS), "初级", "否") for _ in range(plan.ineligible)]
    rnd.shuffle(people)
    rows = []
    for i, (word, level, holds) in enumerate(people):
        rows.append([i + 1, person_name(i), "女", id_number(i, birth=dt.date(1978, 5, 1)),
                     f"139{i:08d}", word, level, holds, ""])
    for k in range(plan.number_ids):  # the ID typed as a number: refused, never guessed
        i = len(people) + k
        rows.append([i + 1, person_name(i), "女", typed_id(id_number(i, birth=dt.date(1978, 5, 1))),
                     f"139{i:08d}", ELIGIBLE_WORDS[0], "初级", "否", ""])
    for k in range(plan.repeats):  # applied twice, later in the list
        again = list(rows[rnd.randrange(len(people) // 2)])
        if k % 2:
            again[4] = f"138{k:08d}"  # another mobile: a different row for the same ID
        rows.insert(rnd.randrange(len(people) // 2 + 1, len(rows)), again)
    facts = {"people": len(people), "repeats": plan.repeats, "number_ids": plan.number_ids,
             "ineligible": plan.ineligible}
    return rows, facts


def run(uow: UnitOfWork, workdir: Path, plan: Plan = Plan(), stage: Stage = NoTimer,
        signer=None) -> Outcome:
    from trainer.scheduling.proposal import accept_proposal
    from trainer.services import applications as apps
    from trainer.services import programmes as pg
    from trainer.services.trainees import TraineeForm, create_trainee

    rnd = random.Random(plan.seed)
    out = Outcome(plan)
    with stage("office: centre, courses per level, lecturers", 1):
        office = build_office(uow, lessons=plan.lessons, seats=plan.class_size)
    with stage("programme made: its classes", plan.classes):
        record = pg.create_programme(uow, programme_form(
            office, months=plan.months, per_month=plan.classes_per_month,
            size=plan.class_size, start=plan.start, raising_classes=plan.raising_classes))
    out.programme_id = record.id
    out.class_ids = [c.id for c in record.classes]
    out.levels = {c.id: c.level for c in record.classes}
    with stage("lessons planned and accepted (the planner)", plan.classes * plan.lessons):
        proposal = pg.plan_programme_lessons(uow, record.id)
        accepted = accept_proposal(uow, proposal)
    out.counts["lessons planned"] = accepted.lessons_added
    out.counts["lessons not placed"] = len(proposal.unplaced)
    rows, facts = applicant_rows(plan, rnd)
    out.counts.update({f"list: {k}": v for k, v in facts.items()})
    path = write_xlsx(workdir / "秦皇岛母婴护理师报名表.xlsx", rows)
    for i in range(plan.known):  # an earlier course's trainees, already in the database
        create_trainee(uow, TraineeForm(str(rows[i][1]), str(rows[i][3]), "F", str(rows[i][4]),
                                        category="laid_off"))
    out.counts["list rows"] = len(rows)
    with stage("applicants' list read and decided (preview)", len(rows)):
        preview = apps.preview_applications(uow, record.id, path)
    out.preview = preview
    with stage("applicants enrolled (one transaction)", len(preview.enrolled)):
        result = apps.enrol_applications(uow, preview)
    out.counts["enrolled"] = result.enrolled
    out.counts["refused"] = result.refused
    out.counts["trainees created"] = result.created
    out.sample = _sample(out, plan)
    _attendance_and_results(uow, out, plan, rnd, stage, signer)
    return out


def _sample(out: Outcome, plan: Plan) -> list[int]:
    """The first classes of each level, `sample_classes` in all."""
    by_level: dict[str, list[int]] = {}
    for cid in out.class_ids:
        by_level.setdefault(out.levels[cid], []).append(cid)
    picked: list[int] = []
    while len(picked) < min(plan.sample_classes, len(out.class_ids)):
        for ids in by_level.values():
            if ids and len(picked) < plan.sample_classes:
                picked.append(ids.pop(0))
    return sorted(picked)


def _lessons(uow: UnitOfWork, class_ids: list[int]) -> dict[int, list[tuple[int, dt.date, dt.time]]]:
    with uow:
        rows = uow.session.execute(select(Lesson.cohort_id, Lesson.id, Lesson.date,
                                          Lesson.start_time).where(Lesson.cohort_id.in_(class_ids))
                                   .order_by(Lesson.date, Lesson.start_time)).all()
    out: dict[int, list] = {c: [] for c in class_ids}
    for cohort_id, lesson_id, day, start in rows:
        out[cohort_id].append((lesson_id, day, start))
    return out


def _attendance_and_results(uow, out: Outcome, plan: Plan, rnd: random.Random, stage,
                            signer) -> None:
    from trainer.services import assessment, certificates, completion, enrolment

    lessons = _lessons(uow, out.sample)
    members = {c: [e.trainee_id for e in enrolment.list_enrolments(uow, c)] for c in out.sample}
    generated = {c: _attendance_plan(lessons[c], members[c], rnd) for c in out.sample}
    ways = {c: ("grid", "sheet", "scanner")[k % 3] for k, c in enumerate(out.sample)}
    with stage("attendance recorded (grid, signed sheet, scanner)",
               sum(len(g) for g in generated.values())):
        for cid in out.sample:
            {"grid": _by_grid, "sheet": _by_sheet, "scanner": _by_scanner}[ways[cid]](
                uow, cid, lessons[cid], generated[cid])
    out.counts["attendance cells"] = sum(len(g) for g in generated.values())
    scores = {c: {t: (None if rnd.random() < 0.03 else max(20, min(100, round(rnd.gauss(76, 12)))))
                  for t in members[c]} for c in out.sample}
    with stage("exam scores entered (one save per class)", sum(len(s) for s in scores.values())):
        for cid, entries in scores.items():
            assessment.record_assessments(uow, cid, [
                assessment.AssessmentEntry(t, score, assessed_on=lessons[cid][-1][1])
                for t, score in entries.items() if score is not None])
    for cid in out.sample:
        out.generated[cid] = {}
        for t in members[cid]:
            mine = [v for (_l, tt), v in generated[cid].items() if tt == t]
            out.generated[cid][t] = (len(lessons[cid]),
                                     sum(1 for v in mine if v[0] in (PRESENT, LATE)),
                                     scores[cid][t])
    as_of = max(day for rows in lessons.values() for _l, day, _s in rows)
    with stage("completion computed", sum(len(m) for m in members.values())):
        for cid in out.sample:
            done = completion.class_completion(uow, cid, as_of=as_of)
            out.completion[cid] = (len(done.completing), len(done.trainees))
            out.reasons += [t.reason("zh") for t in done.not_completing[:1]]
    if signer is None:
        return
    with stage("graded certificates issued", sum(c for c, _n in out.completion.values())):
        for cid in out.sample:
            issued = certificates.issue_certificates(uow, cid, signer=signer,
                                                     issued_on=as_of + dt.timedelta(days=3))
            for cert in issued.issued:
                out.grades[cert.grade] = out.grades.get(cert.grade, 0) + 1
    out.counts["certificates"] = sum(out.grades.values())


def _attendance_plan(lessons, trainees: list[int], rnd: random.Random
                     ) -> dict[tuple[int, int], tuple[str, int]]:
    """{(lesson id, trainee id): (status, minutes late)}: most women come nearly always, some
    often, a few seldom (child care, a new job)."""
    cells = {}
    for trainee_id in trainees:
        keen = rnd.choices((0.97, 0.85, 0.6), (70, 22, 8))[0]
        for lesson_id, _day, _start in lessons:
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


def _by_grid(uow: UnitOfWork, cohort_id: int, _lessons, cells) -> None:
    """The grid: open the class, fill a lesson's column, save it (with the cells' versions)."""
    from trainer.services.attendance import CellChange, load_attendance_grid, save_attendance

    grid = load_attendance_grid(uow, cohort_id)
    for lesson_id, column in _by_lesson(cells).items():
        save_attendance(uow, [CellChange(lesson_id, t, status, minutes,
                                         expected_version=grid.version(lesson_id, t))
                              for t, status, minutes in column])


def _by_sheet(uow: UnitOfWork, _cohort_id: int, _lessons, cells) -> None:
    """A signed sheet: everyone present, then the late, excused and absent by scan code."""
    from trainer.services.attendance import trainee_scan_code
    from trainer.services.attendance_marking import mark_lesson

    for lesson_id, column in _by_lesson(cells).items():
        mark_lesson(uow, lesson_id, all_present=True,
                    late=[(trainee_scan_code(t), m) for t, s, m in column if s == LATE],
                    excused=[trainee_scan_code(t) for t, s, _m in column if s == EXCUSED],
                    absent=[trainee_scan_code(t) for t, s, _m in column if s == ABSENT])


def _by_scanner(uow: UnitOfWork, _cohort_id: int, lessons, cells) -> None:
    """Each arrival scanned (on time: up to five minutes after the start; late: the minutes
    late), then the clerk marks the excused and absent from the leave slips."""
    from trainer.services.attendance import trainee_scan_code
    from trainer.services.attendance_marking import mark_by_code, mark_lesson

    starts = {lesson_id: dt.datetime.combine(day, start) for lesson_id, day, start in lessons}
    for lesson_id, column in _by_lesson(cells).items():
        for trainee_id, status, minutes in column:
            if status in (PRESENT, LATE):
                at = starts[lesson_id] + dt.timedelta(
                    minutes=minutes if status == LATE else (trainee_id * 7) % 20 - 15)
                result = mark_by_code(uow, lesson_id, trainee_scan_code(trainee_id), at=at)
                assert result.outcome == "marked" and result.status == status, result
        mark_lesson(uow, lesson_id,
                    excused=[trainee_scan_code(t) for t, s, _m in column if s == EXCUSED],
                    absent=[trainee_scan_code(t) for t, s, _m in column if s == ABSENT])


def expected_completing(out: Outcome, cohort_id: int, pass_mark: int) -> int:
    """Who completes, counted from what was generated: ≥ 80 % attended and passed the exam."""
    done = 0
    for counted, attended, score in out.generated[cohort_id].values():
        needed = -(-counted * 80 // 100)
        done += attended >= needed and score is not None and score >= pass_mark
    return done
