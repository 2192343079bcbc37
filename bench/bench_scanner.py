"""Scanner mode: statements and time per scan, one session per lesson against the call per scan
(issue 21: ≤ 2 statements of the scan's own).

    python bench/bench_scanner.py [--trainees 60] [--pg postgresql+psycopg://postgres@host:port/postgres]

A class of --trainees enrolled trainees and two lessons, in a new SQLite file (and a new
PostgreSQL database on the --pg server, dropped at the end). Baseline: `mark_by_code` for every
trainee of the first lesson (each call reads the lesson, the late grace and the class roster with
two joins, as every scan did before); now: one `ScanSession` for the second lesson, each trainee
scanned. Prints per scan: the statements of the scan's own and all statements (with the audit
trail, guard and change feed every write pays), wall and CPU milliseconds, the ratio, and the
process's peak RSS."""
from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

BOOKKEEPING = ("audit_log", "change_feed", "NOTIFY", "pg_advisory", "FROM users")


def build(url: str, trainees: int):
    from tests.scenarios.attendance_fixtures import make_class, make_course, make_trainees
    from trainer.db.migrate import open_database
    from trainer.services import enrolment
    from trainer.services.organizations import create_organization
    from trainer.services.uow import UnitOfWork

    db = open_database(url)
    uow = UnitOfWork(db)
    create_organization(uow, "新余市总工会", "新余总工会", "XYZGH")
    course = make_course(uow, lessons=2)
    cohort, lessons = make_class(uow, course, "SCAN-01", lessons=2, capacity=trainees,
                                 start=dt.date.today() - dt.timedelta(days=3))
    people = make_trainees(uow, trainees)
    enrolment.enrol_trainees(uow, cohort, people)
    return db, uow, lessons, people


def measure(label: str, url: str, trainees: int) -> None:
    from sqlalchemy import event

    from trainer.services.attendance import trainee_scan_code
    from trainer.services.attendance_marking import MARKED, ScanSession, mark_by_code

    db, uow, lessons, people = build(url, trainees)
    statements: list[str] = []
    event.listen(db.engine, "before_cursor_execute",
                 lambda conn, cursor, statement, *a: statements.append(statement))

    def run(scan) -> tuple[float, float, float, float]:
        own, total, walls, cpus = [], [], [], []
        for person in people:
            statements.clear()
            wall, cpu = time.perf_counter(), time.process_time()
            assert scan(trainee_scan_code(person)).outcome == MARKED
            walls.append((time.perf_counter() - wall) * 1000)
            cpus.append((time.process_time() - cpu) * 1000)
            total.append(len(statements))
            own.append(sum(not any(w in s for w in BOOKKEEPING) for s in statements))
        return (statistics.mean(own), statistics.mean(total), statistics.median(walls),
                statistics.median(cpus))

    base = run(lambda code: mark_by_code(uow, lessons[0], code))
    statements.clear()
    opened = time.perf_counter()
    session = ScanSession(uow, lessons[1])
    open_ms, open_statements = (time.perf_counter() - opened) * 1000, len(statements)
    now = run(session.scan)
    print(f"\n{label}: {trainees} scans each; per scan: statements own / all, median wall ms "
          f"(CPU ms)")
    print(f"  call per scan (baseline)   {base[0]:4.1f} / {base[1]:4.1f}   "
          f"{base[2]:6.2f} ({base[3]:5.2f})")
    print(f"  one session for the lesson {now[0]:4.1f} / {now[1]:4.1f}   "
          f"{now[2]:6.2f} ({now[3]:5.2f})   ratio {base[2] / now[2]:.2f}× wall, "
          f"{base[3] / now[3]:.2f}× CPU;  opening the session: {open_statements} statements, "
          f"{open_ms:.1f} ms")
    verdict = "ok" if now[0] <= 2 else "OVER"
    print(f"  target ≤ 2 statements of its own per scan: {verdict}")
    db.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trainees", type=int, default=60)
    parser.add_argument("--pg", metavar="URL", help="a PostgreSQL server (a database is made)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-scanner-") as folder:
        measure("SQLite", f"sqlite:///{Path(folder, 'scan.db').as_posix()}", args.trainees)
    if args.pg:
        from sqlalchemy import create_engine, make_url, text

        server = make_url(args.pg)
        name = f"bench_scanner_{uuid.uuid4().hex[:8]}"
        admin = create_engine(server, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            measure("PostgreSQL", server.set(database=name).render_as_string(False),
                    args.trainees)
        finally:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak RSS {peak:.0f} MB; {os.cpu_count()} cores")
    return 0


if __name__ == "__main__":
    sys.exit(main())
