"""Sign-in sheets of a whole programme: time and memory of one PDF of every sheet, next to
ReportLab laying out the same sheets.

Builds a fresh SQLite database with the Qinhuangdao-like programme of 1,080 trainees (6 months ×
3 classes of 60, tests/scenarios/programme_fixtures) and --lessons lessons per class (in the
training centre, 20 rows a sheet: 3 pages a lesson). Then, each in a child process of its own
(CPU and wall seconds, resident memory before and at the peak — Linux's VmHWM, reset first):

  (1) `build_programme_signin`: reading every sheet from the database and writing them page by
      page on the streaming canvas (trainer/pdf/streaming.py);
  (2) the baseline, raw ReportLab: the sheets' data read beforehand (outside the timing), the
      same tables' flowables made and laid out by ReportLab's SimpleDocTemplate on its own
      canvas (no database, no page header or footer, every flowable made before layout);
  (3) before: the same sheets joined into one story for layout.write_story (what a programme's
      sheets would take without streaming: every page kept until the end).

    python bench/signin_programme.py                 # 4 lessons a class: 216 pages
    python bench/signin_programme.py --lessons 40    # 2,160 pages
    python bench/signin_programme.py --small         # 2 lessons a class: 108 pages
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

TARGET_RATIO = 1.5
ROWS = 20


def make_database(path: Path, lessons: int) -> int:
    from sqlalchemy import select

    from tests.scenarios.attendance_fixtures import id_number, person_name
    from tests.scenarios.programme_fixtures import build_office, make_programme
    from trainer.db.migrate import open_database
    from trainer.db.models import Cohort, Enrolment, Lesson, Trainee
    from trainer.rules.pinyin import pinyin_initials
    from trainer.services.organizations import create_organization
    from trainer.services.uow import UnitOfWork

    db = open_database(f"sqlite:///{path}")
    uow = UnitOfWork(db)
    create_organization(uow, "秦皇岛市总工会", "秦皇岛总工会", "QHD")
    office = build_office(uow, lessons=lessons)
    programme = make_programme(uow, office, months=6, per_month=3, size=60)
    with uow:
        s = uow.session
        n = 0
        for c in s.scalars(select(Cohort).where(Cohort.programme_id == programme.id)):
            for k in range(lessons):
                s.add(Lesson(cohort_id=c.id, sequence=k + 1,
                             date=c.window_start + dt.timedelta(days=k % 28), start_time=dt.time(9),
                             end_time=dt.time(12), venue_id=c.venue_id, lecturer_id=office.lecturers[k % 3]))
            people = [Trainee(organization_id=uow.organization_id, name=person_name(n + i),
                              name_initials=pinyin_initials(person_name(n + i)), gender="F",
                              id_number=id_number(n + i), mobile="") for i in range(60)]
            s.add_all(people)
            s.flush()
            s.add_all(Enrolment(cohort_id=c.id, trainee_id=t.id, enrolled_on=c.window_start)
                      for t in people)
            n += 60
    db.dispose()
    return programme.id


def child(kind: str, db_path: str, programme_id: int, out: str) -> None:
    """One run in this process; prints RSS before, peak RSS, CPU, wall, pages."""
    from reportlab.platypus import PageBreak, SimpleDocTemplate

    from trainer.db.migrate import open_database
    from trainer.pdf.layout import PORTRAIT, PageInfo, fonts_for, make_styles, write_story
    from trainer.pdf.signin import build_programme_signin, signin_story
    from trainer.services.reports.signin import load_signin_sheet, programme_signin_lessons
    from trainer.services.settings import set_setting
    from trainer.services.uow import UnitOfWork

    db = open_database(f"sqlite:///{db_path}")
    uow = UnitOfWork(db)
    set_setting(uow, "pdf.signin_rows_per_page", ROWS, force=True)
    fonts = fonts_for(uow)
    # the sheets' data read beforehand, outside the timing (the baseline reads no database)
    sheets = [] if kind == "ours" else [load_signin_sheet(uow, lesson) for lesson, _n
                                        in programme_signin_lessons(uow, programme_id)]
    with open("/proc/self/clear_refs", "w") as fh:
        fh.write("5")
    before = rss_mb()
    wall, cpu = time.perf_counter(), time.process_time()
    story = []
    styles = make_styles(fonts.body.name)
    for i, sheet in enumerate(sheets):  # the same tables' flowables, made in the timing
        story += ([PageBreak()] if i else []) + signin_story(sheet, styles, ROWS)
    if kind == "ours":
        pages = build_programme_signin(uow, programme_id, out).pages
    elif kind == "raw":
        doc = SimpleDocTemplate(out, pagesize=PORTRAIT, initialFontName=fonts.body.name)
        doc.build(story)
        pages = doc.page
    else:
        pages = write_story(out, story, PageInfo("秦皇岛市总工会", "签到表"), fonts).pages
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    with open("/proc/self/status") as fh:
        peak = next(int(line.split()[1]) for line in fh if line.startswith("VmHWM:")) / 1000
    print(f"{before:.0f} {peak:.0f} {cpu:.2f} {wall:.2f} {pages}")


def rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lessons", type=int, default=4, help="lessons per class")
    parser.add_argument("--small", action="store_true", help="2 lessons per class")
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        kind, db_path, programme_id, out = args.child
        child(kind, db_path, int(programme_id), out)
        return 0
    lessons = 2 if args.small else args.lessons
    folder = Path(tempfile.mkdtemp(prefix="bench-signin-"))
    started = time.perf_counter()
    programme_id = make_database(folder / "bench.db", lessons)
    print(f"programme of 1,080 trainees (18 classes of 60), {lessons} lessons a class, "
          f"{ROWS} rows a sheet; database made in {time.perf_counter() - started:.1f} s")
    figures = {}
    for kind, label in (("raw", "raw ReportLab (baseline)"), ("ours", "build_programme_signin"),
                        ("story", "before: one story, write_story")):
        out = folder / f"{kind}.pdf"
        line = subprocess.run([sys.executable, __file__, "--child", kind, str(folder / "bench.db"),
                               str(programme_id), str(out)], check=True, capture_output=True,
                              text=True).stdout.split()
        before, peak, cpu, wall = (float(x) for x in line[:4])
        figures[kind] = cpu
        print(f"  {label:<32} {int(line[4]):>5} pages: CPU {cpu:6.2f} s, wall {wall:6.2f} s; "
              f"RSS {before:4.0f} → peak {peak:4.0f} MB (+{peak - before:.0f}); "
              f"{out.stat().st_size / 1e6:.1f} MB")
    ratio = figures["ours"] / figures["raw"]
    print(f"ratio (CPU, ours / raw): {ratio:.2f}× (target ≤ {TARGET_RATIO}×) — "
          f"{'met' if ratio <= TARGET_RATIO else 'NOT met'}")
    return 0 if ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
