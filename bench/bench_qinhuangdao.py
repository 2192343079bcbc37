"""The Qinhuangdao plan at full size through the programme services, timed stage by stage: a
programme of six months × three classes × sixty places (1,080 trainees) made by
`create_programme`, its lessons planned by the planner, an applicants' list of 1,155 rows read,
decided and enrolled, attendance three ways, exam scores, completion and graded certificates
for a sample of classes (all classes with --sample 18).

The flow is tests/scenarios/qinhuangdao_scenario.py (the same code the integration test
asserts). Prints each stage's wall time and time per operation, the process's CPU time, wall
time and peak RSS, and a baseline measured in the same run: the same list through the plain
trainee import (read, checked, written) into a fresh office, so the applicants' import's own
cost (levels, eligibility, placing, enrolments) shows against it.

    python bench/bench_qinhuangdao.py                     # SQLite file in a temporary folder
    python bench/bench_qinhuangdao.py --small             # 2 months, 1 sample class
    python bench/bench_qinhuangdao.py --db postgresql+psycopg://postgres@127.0.0.1:54329/bench
    python bench/bench_qinhuangdao.py --sample 18 --keep /tmp/qhd
"""
from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


class Timer:
    def __init__(self) -> None:
        self.rows: list[tuple[str, int, float, float]] = []

    def __call__(self, name: str, operations: int):
        timer = self

        class _Stage:
            def __enter__(self):
                self.start, self.cpu = time.perf_counter(), time.process_time()
                print(f"  {name} …", end="", flush=True)
                return self

            def __exit__(self, exc_type, *_):
                seconds = time.perf_counter() - self.start
                cpu = time.process_time() - self.cpu
                if exc_type is None:
                    timer.rows.append((name, operations, seconds, cpu))
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


def baseline_import(url: str, path: Path) -> tuple[float, float, int]:
    """The applicants' list through the plain trainee import into a new office of a fresh
    database: (wall seconds, CPU seconds, rows created)."""
    from trainer.db.migrate import open_database
    from trainer.io.importing import preview_import, run_import
    from trainer.services.organizations import create_organization
    from trainer.services.uow import UnitOfWork

    db = open_database(url)
    uow = UnitOfWork(db)
    create_organization(uow, "基线工会", "基线", "BASE")
    start, cpu = time.perf_counter(), time.process_time()
    preview = preview_import(uow, "trainees", path)
    created = run_import(uow, preview).created
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    db.dispose()
    return seconds, cpu, created


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="a PostgreSQL URL (its database is dropped and made anew, "
                        "and dropped after unless --keep); default: a SQLite file")
    parser.add_argument("--months", type=int, default=6)
    parser.add_argument("--classes-per-month", type=int, default=3)
    parser.add_argument("--size", type=int, default=60, help="places per class")
    parser.add_argument("--lessons", type=int, default=8, help="per class")
    parser.add_argument("--sample", type=int, default=3,
                        help="classes whose attendance, exam and certificates are recorded")
    parser.add_argument("--small", action="store_true", help="2 months, 1 sample class")
    parser.add_argument("--keep", metavar="DIR", help="keep the files (database, list) there")
    args = parser.parse_args()
    if args.small:
        args.months, args.sample = 2, 1

    workdir = Path(args.keep or tempfile.mkdtemp(prefix="qhd-"))
    workdir.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("TRAINER_DATA_DIR", str(workdir / "data"))  # the signing key's file

    from tests.scenarios.certificate_keys import make_signer
    from tests.scenarios.qinhuangdao_scenario import Plan, run
    from trainer.db.migrate import open_database
    from trainer.services.organizations import create_organization
    from trainer.services.uow import UnitOfWork

    url = fresh_postgres(args.db) if args.db else f"sqlite:///{(workdir / 'qhd.db').as_posix()}"
    plan = Plan(months=args.months, classes_per_month=args.classes_per_month,
                class_size=args.size, lessons=args.lessons, sample_classes=args.sample)
    db = open_database(url)
    uow = UnitOfWork(db)
    create_organization(uow, "秦皇岛市总工会", "秦皇岛总工会", "QHDZGH")
    print(f"Qinhuangdao plan: {plan.months} months × {plan.classes_per_month} classes × "
          f"{plan.class_size} places, {plan.lessons} lessons each; list of {plan.rows} rows; "
          f"sample {plan.sample_classes} classes; database {db.display_name()}")
    timer = Timer()
    wall0, cpu0 = time.perf_counter(), time.process_time()
    out = run(uow, workdir, plan, timer, signer=make_signer(uow))
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    db.dispose()
    list_path = next(workdir.glob("*报名表.xlsx"))
    base_url = (fresh_postgres(args.db + "_base") if args.db else
                f"sqlite:///{(workdir / 'baseline.db').as_posix()}")
    base_wall, base_cpu, base_rows = baseline_import(base_url, list_path)
    if args.db and not args.keep:
        fresh_postgres(args.db, create=False)
        fresh_postgres(args.db + "_base", create=False)
    print()
    width = max(len(name) for name, *_ in timer.rows)
    print(f"{'stage':<{width}}  {'ops':>6}  {'wall s':>7}  {'cpu s':>6}  {'ms/op':>7}")
    for name, ops, seconds, stage_cpu in timer.rows:
        print(f"{name:<{width}}  {ops:>6}  {seconds:>7.2f}  {stage_cpu:>6.2f}  "
              f"{1000 * seconds / max(ops, 1):>7.2f}")
    print(f"{'total':<{width}}  {'':>6}  {wall:>7.2f}  {cpu:>6.2f}")
    stages = {name: (seconds, stage_cpu) for name, _ops, seconds, stage_cpu in timer.rows}
    apps = [v for k, v in stages.items() if k.startswith("applicants")]
    print(f"baseline: the same {plan.rows}-row list by the plain trainee import: "
          f"{base_wall:.2f} s wall, {base_cpu:.2f} s CPU ({base_rows} created); the programme's "
          f"preview + enrolment: {sum(w for w, _c in apps):.2f} s wall, "
          f"{sum(c for _w, c in apps):.2f} s CPU")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"process: {time.process_time():.2f} s CPU, peak RSS {peak:.0f} MB")
    print()
    for key, value in out.counts.items():
        print(f"{key}: {value}")
    print("enrolled by level: " + ", ".join(f"{k} {v}" for k, v in out.preview.by_level().items()))
    completing = sum(c for c, _n in out.completion.values())
    sampled = sum(n for _c, n in out.completion.values())
    print(f"completing in the sample: {completing} of {sampled}; certificates by grade: "
          + ", ".join(f"{k} {v}" for k, v in sorted(out.grades.items())))
    if out.reasons:
        print(f"e.g. why not: {out.reasons[0]}")
    if args.keep:
        print(f"files kept in {workdir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
