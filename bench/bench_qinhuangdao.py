"""The Qinhuangdao plan at full size, timed stage by stage: six months, three classes a month,
sixty trainees each — 1,080 enrolments — from the sign-up list to who completes.

The flow is tests/scenarios/qinhuangdao_scenario.py (the same code the flow test runs
small): sign-up list imported, 18 classes with 12 lessons each, open enrolment by category with
capacity, attendance three ways (grid saves, signed sheets, scanner), exam results, completion
of every class, grids loaded, exports to Excel, trainee histories. Prints each stage's time and
time per operation.

    python bench/bench_qinhuangdao.py                   # SQLite file in a temporary folder
    python bench/bench_qinhuangdao.py --db postgresql+psycopg://postgres@127.0.0.1:54329/bench
    python bench/bench_qinhuangdao.py --months 2 --keep /tmp/qhd
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


class Timer:
    def __init__(self) -> None:
        self.rows: list[tuple[str, int, float]] = []

    def __call__(self, name: str, operations: int):
        timer = self

        class _Stage:
            def __enter__(self):
                self.start = time.perf_counter()
                print(f"  {name} …", end="", flush=True)
                return self

            def __exit__(self, exc_type, *_):
                seconds = time.perf_counter() - self.start
                if exc_type is None:
                    timer.rows.append((name, operations, seconds))
                    print(f" {seconds:.2f} s", flush=True)
                return False

        return _Stage()


def fresh_postgres(url: str, create: bool = True) -> str:
    """A new database named after the one in `url`, dropped first if it is there (with
    create=False: only dropped)."""
    from sqlalchemy import create_engine, make_url, text

    target = make_url(url)
    admin = create_engine(target.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{target.database}" WITH (FORCE)'))
        if create:
            conn.execute(text(f'CREATE DATABASE "{target.database}"'))
    admin.dispose()
    return target.render_as_string(hide_password=False)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="a PostgreSQL URL (its database is dropped and made anew, "
                        "and dropped after unless --keep); default: a SQLite file")
    parser.add_argument("--months", type=int, default=6)
    parser.add_argument("--classes-per-month", type=int, default=3)
    parser.add_argument("--trainees", type=int, default=60, help="per class")
    parser.add_argument("--lessons", type=int, default=12, help="per class")
    parser.add_argument("--keep", metavar="DIR", help="keep the files (database, exports) there")
    args = parser.parse_args()

    from tests.scenarios.qinhuangdao_scenario import Plan, run
    from trainer.db.migrate import open_database
    from trainer.services.organizations import create_organization
    from trainer.services.uow import UnitOfWork

    workdir = Path(args.keep or tempfile.mkdtemp(prefix="qhd-"))
    workdir.mkdir(parents=True, exist_ok=True)
    url = fresh_postgres(args.db) if args.db else f"sqlite:///{(workdir / 'qhd.db').as_posix()}"
    plan = Plan(args.months, args.classes_per_month, args.trainees, args.lessons)
    db = open_database(url)
    uow = UnitOfWork(db)
    create_organization(uow, "秦皇岛市总工会", "秦皇岛总工会", "QHDZGH")
    print(f"Qinhuangdao plan: {plan.months} months × {plan.classes_per_month} classes × "
          f"{plan.trainees_per_class} trainees, {plan.lessons} lessons each — "
          f"{plan.trainees} enrolments; database {db.display_name()}")
    timer = Timer()
    total_start = time.perf_counter()
    out = run(uow, workdir, plan, timer)
    total = time.perf_counter() - total_start
    db.dispose()
    if args.db and not args.keep:
        fresh_postgres(args.db, create=False)
    print()
    width = max(len(name) for name, *_ in timer.rows)
    print(f"{'stage':<{width}}  {'ops':>6}  {'seconds':>8}  {'ms/op':>7}")
    for name, ops, seconds in timer.rows:
        print(f"{name:<{width}}  {ops:>6}  {seconds:>8.2f}  {1000 * seconds / max(ops, 1):>7.2f}")
    print(f"{'total':<{width}}  {'':>6}  {total:>8.2f}")
    print()
    for key, value in out.counts.items():
        if key != "completing":
            print(f"{key}: {value}")
    print(f"completing: {out.counts['completing']} of {out.counts['enrolments']} "
          f"({100 * out.counts['completing'] / out.counts['enrolments']:.1f} %)")
    if out.reasons:
        print(f"e.g. why not: {out.reasons[0]}")
    if args.keep:
        print(f"files kept in {workdir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
