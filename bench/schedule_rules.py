"""How fast are the conflict rules and the schedule services on a province-sized year?

Loads the Xinyu demo (40 requests a quarter) into a fresh database, copies its requests twice
into every quarter of 2026 (so about 1,900 lessons), splits every request into classes and
places their lessons naively (each class on its next allowed half-days, a qualified lecturer in
turn, the enterprise's largest workshop; conflicts allowed), then times what users and the
planner feel:

  * saving all lessons in one batch (the planner accepting a proposal: one conflict check),
  * `check_schedule` over the year (what `trainer schedule check` does),
  * the calendar's month (list_lessons with conflicts),
  * one drag-and-drop move judged by the rules (refused or saved),
  * the pure rules alone (check_all over the loaded snapshot).

    python bench/schedule_rules.py
    python bench/schedule_rules.py --db postgresql+psycopg://postgres@127.0.0.1:54329/bench
"""
from __future__ import annotations

import argparse
import collections
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from trainer.db.migrate import open_database  # noqa: E402
from trainer.errors import ConflictError  # noqa: E402
from trainer.rules.conflicts import check_all  # noqa: E402
from trainer.services import schedule as sc  # noqa: E402
from trainer.services.demo import load_demo  # noqa: E402
from trainer.services.lecturers import list_lecturers  # noqa: E402
from trainer.services.enterprises import list_venues  # noqa: E402
from trainer.services.requests import TrainingRequestForm, create_request, list_requests  # noqa: E402
from trainer.services.schedule_calendar import load_calendar, load_settings  # noqa: E402
from trainer.services.schedule_data import load_snapshot  # noqa: E402
from trainer.services.uow import UnitOfWork  # noqa: E402

YEAR_START = dt.date(2026, 1, 1)


def _timed(label: str, fn, repeat: int = 1):
    began = time.perf_counter()
    for _ in range(repeat):
        result = fn()
    ms = (time.perf_counter() - began) * 1000 / repeat
    print(f"{label:<58} {ms:9.1f} ms")
    return result


def _copy_requests(uow: UnitOfWork, copies: int) -> None:
    """Each quarter of 2026 gets `copies` sets of the demo's requests (a week apart)."""
    first_quarter = list_requests(uow, status="open")
    for quarter, copy in ((q, c) for q in range(4) for c in range(copies)):
        if (quarter, copy) == (0, 0):
            continue
        shift = dt.timedelta(days=91 * quarter + 7 * copy)
        for r in first_quarter:
            if (r.window_end + shift).year != 2026:
                continue
            create_request(uow, TrainingRequestForm(
                r.enterprise_id, r.course_id, r.workers, r.window_start + shift,
                r.window_end + shift, r.weekdays, r.periods,
                tuple(d + shift for d in r.blackout_dates), r.priority, "open", r.notes))


def _naive_drafts(uow: UnitOfWork) -> list[sc.LessonDraft]:
    calendar, periods = load_calendar(uow), {p.code: p for p in load_settings(uow).periods}
    by_theme = collections.defaultdict(list)
    for lecturer in list_lecturers(uow):
        for theme in lecturer.theme_ids:
            by_theme[theme].append(lecturer.id)
    venues = collections.defaultdict(list)
    for venue in list_venues(uow):
        venues[venue.enterprise_id].append((venue.capacity, venue.id))
    turn = collections.Counter()
    drafts = []
    for request in list_requests(uow, status="open"):
        classes = sc.list_classes(uow, request_id=request.id)
        slots = [(day, periods[p].start) for day in calendar.working_days(
            request.window_start, request.window_end)
            if str(day.isoweekday()) in request.weekdays and day not in request.blackout_dates
            for p in request.periods if p in periods]
        venue = max(venues[request.enterprise_id], default=(0, None))[1]
        if not slots:  # e.g. weekends only, and no weekend worked in the window
            continue
        for n, cls in enumerate(classes):
            lecturers = by_theme[cls.theme_id]
            lecturer = lecturers[turn[cls.theme_id] % len(lecturers)] if lecturers else None
            turn[cls.theme_id] += 1
            mine = slots[n::len(classes)] or slots
            step = max(1, len(mine) // max(cls.lesson_count, 1))
            for k in range(cls.lesson_count):
                day, start = mine[min(k * step, len(mine) - 1)]
                drafts.append(sc.LessonDraft(None, cls.id, day, start, lecturer, venue,
                                             sequence=k + 1))
    return drafts


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="database URL (default: a SQLite file in a temp folder)")
    parser.add_argument("--copies", type=int, default=2,
                        help="sets of the demo's requests per quarter (default 2: ~1,900 lessons)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        url = args.db or f"sqlite:///{Path(folder) / 'bench.db'}"
        db = open_database(url)
        uow = UnitOfWork(db)
        _timed("demo data (Xinyu, 1st quarter 2026)", lambda: load_demo(uow, start=YEAR_START))
        _copy_requests(uow, args.copies)
        requests = list_requests(uow, status="open")
        classes = _timed(f"classes for {len(requests)} requests",
                         lambda: [c for r in requests for c in sc.create_classes(uow, r.id)])
        drafts = _naive_drafts(uow)
        print(f"{len(classes)} classes, {len(drafts)} lessons placed naively")
        saved = _timed(f"save_lessons: {len(drafts)} new lessons in one batch",
                       lambda: sc.save_lessons(uow, drafts, allow_conflicts=True))
        conflicts = _timed("check_schedule: the whole year", lambda: sc.check_schedule(uow))
        counts = collections.Counter(c.code for c in conflicts)
        print("   conflicts:", ", ".join(f"{k} {v}" for k, v in counts.most_common()))
        month = _timed("list_lessons: October with conflicts",
                       lambda: sc.list_lessons(uow, dt.date(2026, 10, 1), dt.date(2026, 10, 31)))
        print(f"   {len(month)} lessons in October")
        snapshot = load_snapshot(uow, None)
        _timed(f"check_all (pure rules) over {len(snapshot.lessons)} lessons",
               lambda: check_all(snapshot.lessons, snapshot.context), repeat=5)
        target = saved[len(saved) // 2]
        outcome = collections.Counter()

        def move_once():
            current = sc.get_lesson(uow, target.id)
            try:
                sc.move_lesson(uow, target.id, current.date + dt.timedelta(days=7),
                               current.period or "morning", expected_version=current.version)
                outcome["saved"] += 1
            except ConflictError:
                outcome["refused"] += 1

        _timed("move_lesson: one drag and drop judged by the rules", move_once, repeat=10)
        print(f"   {dict(outcome)}")
        db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
