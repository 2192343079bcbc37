"""One desk of bench_desks_load.py: its own engine on the shared PostgreSQL database, mixed clerk
work through the real services for a number of seconds, every write it believes succeeded logged
(one JSON line: kind, row key, value written, version got back) to its own file.

Each desk keeps a view (versions it last loaded), as a page does; a stale save is refused
(StaleEditError) and the desk reloads that view, as the GUI does."""
from __future__ import annotations

import datetime as dt
import json
import random
import resource
import sys
import time
import traceback
from pathlib import Path

WEIGHTS = {"scan": 3, "grid": 3, "score": 3, "move": 3, "certificate": 1}
WEEK = dt.timedelta(days=7)
PASSPHRASE = "新余总工会-证书口令2026"


class Desk:
    def __init__(self, url: str, plan: dict, seed: int, log) -> None:
        from trainer.db.migrate import open_database
        from trainer.services.certificate_keys import load_signer
        from trainer.services.uow import UnitOfWork

        self.db = open_database(url)
        self.uow = UnitOfWork(self.db, plan["organization_id"])
        self.plan = plan
        self.rng = random.Random(seed)
        self.log = log
        self.signer = load_signer(self.uow, PASSPHRASE)
        self.cells = self.scores = self.lessons = None

    def write(self, kind: str, key, value, version) -> None:
        self.log.write(json.dumps({"op": kind, "key": key, "value": value, "version": version},
                                  ensure_ascii=False) + "\n")

    # --- the views a desk shows (reloaded after a refusal) ---------------------------------
    def load_views(self) -> None:
        from trainer.services.assessment import list_assessments
        from trainer.services.attendance import load_attendance_grid
        from trainer.services.schedule import get_lesson

        grid = load_attendance_grid(self.uow, self.plan["attendance_class"])
        self.cells = {key: cell.version for key, cell in grid.cells.items()}
        self.scores = {r.trainee_id: r.version
                       for r in list_assessments(self.uow, self.plan["attendance_class"])}
        self.lessons = {}
        for i in self.plan["move_lessons"]:
            record = get_lesson(self.uow, i)
            self.lessons[i] = (record.version, record.date)

    # --- the operations ---------------------------------------------------------------------
    def scan(self) -> None:
        """The scanner: a trainee's code for a lesson (present, or already marked)."""
        from sqlalchemy import select

        from trainer.db.models import Attendance
        from trainer.services.attendance import trainee_scan_code
        from trainer.services.attendance_marking import MARKED, mark_by_code

        lesson = self.rng.choice(self.plan["attendance_lessons"])
        trainee = self.rng.choice(self.plan["attendance_trainees"])
        with self.uow:  # the scan's own transaction; read the version it wrote before commit
            result = mark_by_code(self.uow, lesson, trainee_scan_code(trainee))
            row = self.uow.session.scalar(select(Attendance).where(
                Attendance.lesson_id == lesson, Attendance.trainee_id == trainee))
            marked = result.outcome == MARKED
            version = row.version if row is not None else None
            status = row.status if row is not None else None
        if marked:
            self.cells[(lesson, trainee)] = version
            self.write("attendance", [lesson, trainee], status, version)

    def grid_save(self) -> None:
        """The attendance grid: a few cells typed in, saved with the versions the grid showed."""
        from trainer.services.attendance import CellChange, save_attendance

        cells = {(self.rng.choice(self.plan["attendance_lessons"]),
                  self.rng.choice(self.plan["attendance_trainees"])) for _ in range(3)}
        changes = [CellChange(l, t, self.rng.choice(("present", "absent", "excused")),
                              expected_version=self.cells.get((l, t), 0)) for l, t in cells]
        result = save_attendance(self.uow, changes)
        for change in changes:
            key = (change.lesson_id, change.trainee_id)
            self.cells[key] = result.versions[key]
            self.write("attendance", list(key), change.status, result.versions[key])

    def score(self) -> None:
        from trainer.services.assessment import record_assessment

        trainee = self.rng.choice(self.plan["attendance_trainees"])
        value = self.rng.randint(0, 100)
        record = record_assessment(self.uow, self.plan["attendance_class"], trainee, score=value,
                                   expected_version=self.scores.get(trainee, 0))
        self.scores[trainee] = record.version
        self.write("assessment", [self.plan["attendance_class"], trainee], value, record.version)

    def move(self) -> None:
        """The calendar: a lesson dragged to another day between its neighbours (as this desk
        last saw them) and another time, with the version shown."""
        from trainer.services.schedule import move_lesson

        order = self.plan["move_lessons"]
        at = self.rng.randrange(len(order))
        lesson = order[at]
        before = self.lessons[order[at - 1]][1] if at else self.lessons[lesson][1] - WEEK
        after = self.lessons[order[at + 1]][1] if at + 1 < len(order) else before + 2 * WEEK
        if (after - before).days < 2:
            return self.load_views()  # no free day between them in this view: look again
        day = before + dt.timedelta(days=self.rng.randrange(1, (after - before).days))
        start = self.rng.choice((dt.time(9), dt.time(14)))
        record = move_lesson(self.uow, lesson, day, start=start,
                             expected_version=self.lessons[lesson][0])
        self.lessons[lesson] = (record.version, record.date)
        self.write("lesson", [lesson], [record.date.isoformat(), record.start.strftime("%H:%M")],
                   record.version)

    def certificate(self) -> None:
        """Issues the certificate of a trainee who has none, or reissues the current one."""
        from trainer.services.certificates import (issue_certificates, list_certificates,
                                                   reissue_certificate)

        cohort = self.plan["certificate_class"]
        trainee = self.rng.choice(self.plan["certificate_trainees"])
        current = list_certificates(self.uow, cohort_id=cohort, trainee_id=trainee,
                                    current_only=True)
        if current:
            new = [reissue_certificate(self.uow, current[0].number, "遗失补发",
                                       signer=self.signer)]
        else:
            new = list(issue_certificates(self.uow, cohort, signer=self.signer,
                                          trainee_ids=[trainee]).issued)
        for record in new:
            self.write("certificate", [record.number], trainee, None)


def refusal_kind(exc: Exception) -> str | None:
    """The kind of a typed refusal (what a clerk is told), None for an unexpected error."""
    from trainer.errors import ConflictError, ReasonError, StaleEditError, TrainerError

    if isinstance(exc, StaleEditError):
        return "stale"
    if isinstance(exc, ConflictError):
        return "conflict"
    if isinstance(exc, ReasonError):
        return f"{type(exc).__name__}.{getattr(exc, 'reason', '')}"
    if isinstance(exc, TrainerError):
        return type(exc).__name__
    return None


def wait_for_start(log_path: str) -> None:
    """Says it is ready (its engine made, its views loaded), then waits for every desk's start."""
    ready, go = Path(log_path + ".ready"), Path(log_path).with_name("go")
    ready.touch()
    deadline = time.monotonic() + 900
    while not go.exists() and time.monotonic() < deadline:
        time.sleep(0.05)


def run(url: str, plan: dict, seconds: float, seed: int, log_path: str) -> None:
    counts: dict[str, int] = {}
    refusals: dict[str, int] = {}
    errors: list[str] = []
    busy: dict[str, float] = {}  # seconds spent in acknowledged operations, by kind
    with open(log_path, "w", encoding="utf-8") as log:
        desk = Desk(url, plan, seed, log)
        desk.load_views()
        wait_for_start(log_path)
        ops = {"scan": desk.scan, "grid": desk.grid_save, "score": desk.score,
               "move": desk.move, "certificate": desk.certificate}
        kinds, weights = list(WEIGHTS), list(WEIGHTS.values())
        wall0, cpu0 = time.perf_counter(), time.process_time()
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            kind = desk.rng.choices(kinds, weights)[0]
            began = time.perf_counter()
            try:
                ops[kind]()
                counts[kind] = counts.get(kind, 0) + 1
                busy[kind] = busy.get(kind, 0.0) + time.perf_counter() - began
            except Exception as exc:  # noqa: BLE001 - every failure is counted and judged
                why = refusal_kind(exc)
                if why is None:
                    errors.append(f"{kind}: {''.join(traceback.format_exception_only(exc))[:400]}")
                else:
                    refusals[f"{kind}:{why}"] = refusals.get(f"{kind}:{why}", 0) + 1
                desk.load_views()  # the page reloads what it shows
        usage = resource.getrusage(resource.RUSAGE_SELF)
        log.write(json.dumps({"summary": {
            "counts": counts, "busy": busy, "refusals": refusals, "errors": errors,
            "wall": time.perf_counter() - wall0, "cpu": time.process_time() - cpu0,
            "maxrss_kb": usage.ru_maxrss}}, ensure_ascii=False) + "\n")
    desk.db.dispose()


if __name__ == "__main__":
    url_, plan_path, seconds_, seed_, log_ = sys.argv[1:6]
    with open(plan_path, encoding="utf-8") as f:
        plan_ = json.load(f)
    run(url_, plan_, float(seconds_), int(seed_), log_)
