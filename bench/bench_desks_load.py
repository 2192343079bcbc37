"""Many desks, one PostgreSQL database: N processes (each its own engine: one desk) × T seconds
of mixed clerk work through the real services — scanner sign-ins, attendance grid saves with the
versions shown, score entry, lesson moves (schedule.move_lesson with expected_version) and
certificate issuing/reissuing — then a reconciliation of every desk's log with the database.

    python bench/bench_desks_load.py [--processes 20] [--seconds 60] [--pg URL] [--small]

The database is made fresh (CREATE DATABASE on the server of --pg or TRAINER_TEST_PG_URL, a local
server only) and dropped afterwards (--keep leaves it). Each desk logs every write it believes
succeeded (value and version got back) to its own JSON-lines file (bench/desks_load_worker.py).
Lost update: a row whose value in the database is not the last acknowledged write (the highest
version any desk got back), or whose version is lower. Exit 1 on a lost update, a duplicate
certificate number or an unexpected error (a refusal — stale, conflict, busy — is not one)."""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
LOCAL_HOSTS = {None, "", "localhost", "127.0.0.1", "::1"}
TRAINEES = 40


def fresh_database(base_url: str) -> str:
    """A new, empty database on the (local) server of `base_url`; its URL."""
    from sqlalchemy import create_engine, make_url, text

    url = make_url(base_url)
    if url.host not in LOCAL_HOSTS:
        raise SystemExit(f"refused: {url.host} is not a local server (this bench floods it)")
    name = f"bench_desks_{os.getpid()}_{int(time.time())}"
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return url.set(database=name).render_as_string(hide_password=False)


def drop_database(url_text: str) -> None:
    from sqlalchemy import create_engine, make_url, text

    url = make_url(url_text)
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{url.database}" WITH (FORCE)'))
    admin.dispose()


def build_office(url: str) -> dict:
    """An office with three classes (the builders the tests use): one being taught (lessons
    up to today: scans, grid, scores), one finished (everyone present: certificates) and one
    planned ahead (its lessons are moved about)."""
    from tests.scenarios.attendance_fixtures import make_class, make_course, make_trainees
    from tests.scenarios.certificate_keys import make_signer
    from trainer.db.migrate import open_database
    from trainer.services.attendance_marking import mark_lesson
    from trainer.services.courses import create_default_themes
    from trainer.services.enrolment import enrol_trainees
    from trainer.services.organizations import create_organization
    from trainer.services.uow import UnitOfWork

    db = open_database(url)
    uow = UnitOfWork(db)
    create_organization(uow, "秦皇岛市总工会", "秦皇岛总工会", "QHDZGH")
    with uow:
        create_default_themes(uow)
    course = make_course(uow, lessons=10)
    today = dt.date.today()
    taught, taught_lessons = make_class(uow, course, "A", lessons=10,
                                        start=today - dt.timedelta(days=18))
    done, done_lessons = make_class(uow, course, "B", lessons=10,
                                    start=today - dt.timedelta(days=60))
    planned, planned_lessons = make_class(uow, course, "C", lessons=20, every_days=7,
                                          start=today + dt.timedelta(days=30))
    trainees = make_trainees(uow, TRAINEES)
    graduates = make_trainees(uow, TRAINEES, first=TRAINEES)
    enrol_trainees(uow, taught, trainees, enrolled_on=today - dt.timedelta(days=30))
    enrol_trainees(uow, done, graduates, enrolled_on=today - dt.timedelta(days=70))
    enrol_trainees(uow, planned, trainees)
    for lesson in done_lessons:
        mark_lesson(uow, lesson, all_present=True)
    make_signer(uow)
    plan = {"organization_id": uow.organization_id, "attendance_class": taught,
            "attendance_lessons": list(taught_lessons), "attendance_trainees": trainees,
            "certificate_class": done, "certificate_trainees": graduates,
            "move_lessons": list(planned_lessons), "planned_class": planned}
    db.dispose()
    return plan


def run_desks(url: str, plan_path: Path, folder: Path, processes: int, seconds: float) -> float:
    worker = Path(__file__).with_name("desks_load_worker.py")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    logs = [folder / f"desk{i:02d}.jsonl" for i in range(processes)]
    children = [subprocess.Popen([sys.executable, str(worker), url, str(plan_path), str(seconds),
                                  str(1000 + i), str(log)], env=env)
                for i, log in enumerate(logs)]
    while not all(Path(f"{log}.ready").exists() or child.poll() is not None
                  for log, child in zip(logs, children)):
        time.sleep(0.05)  # every desk started (imports, engine, first views): start together
    (folder / "go").touch()
    t0 = time.perf_counter()
    for child in children:
        child.wait()
    return time.perf_counter() - t0


def read_logs(folder: Path, processes: int) -> tuple[list[dict], list[dict]]:
    writes, summaries = [], []
    for i in range(processes):
        path = folder / f"desk{i:02d}.jsonl"
        if not path.exists():
            summaries.append({"counts": {}, "refusals": {}, "errors": [f"desk {i}: no log"],
                              "wall": 0, "cpu": 0, "maxrss_kb": 0})
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            entry = json.loads(line)
            (summaries.append(entry["summary"]) if "summary" in entry else writes.append(entry))
        if len(summaries) < i + 1:
            summaries.append({"counts": {}, "refusals": {}, "errors": [f"desk {i}: died"],
                              "wall": 0, "cpu": 0, "maxrss_kb": 0})
    return writes, summaries


def database_rows(url: str, plan: dict) -> dict:
    """What the database holds now: (kind, key) → (value, version); certificate numbers."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    rows = {}
    with engine.connect() as conn:
        for l, t, status, v in conn.execute(text(
                "SELECT lesson_id, trainee_id, status, version FROM attendance")):
            rows[("attendance", (l, t))] = (status, v)
        for c, t, score, v in conn.execute(text(
                "SELECT cohort_id, trainee_id, score, version FROM assessments")):
            rows[("assessment", (c, t))] = (score, v)
        for i, d, s, v in conn.execute(text(
                "SELECT id, date, start_time, version FROM lessons WHERE cohort_id = :c"),
                {"c": plan["planned_class"]}):
            rows[("lesson", (i,))] = ([d.isoformat(), s.strftime("%H:%M")], v)
        numbers = [n for (n,) in conn.execute(text("SELECT number FROM certificates"))]
    engine.dispose()
    return {"rows": rows, "numbers": numbers}


def reconcile(writes: list[dict], db: dict) -> dict:
    """Every row's last acknowledged write (highest version got back) against the database."""
    last: dict = {}
    logged_numbers: list[str] = []
    for w in writes:
        if w["op"] == "certificate":
            logged_numbers.append(w["key"][0])
            continue
        key = (w["op"], tuple(w["key"]))
        if key not in last or w["version"] > last[key]["version"]:
            last[key] = w
    lost, unlogged, examples = 0, 0, []
    for key, w in last.items():
        value, version = db["rows"].get(key, (None, 0))
        if version < w["version"] or (version == w["version"] and value != w["value"]):
            lost += 1
            examples.append(f"{key}: acknowledged {w['value']!r} v{w['version']}, "
                            f"database {value!r} v{version}")
        elif version > w["version"]:
            unlogged += 1  # written later by a save whose desk never heard back
    in_db = set(db["numbers"])
    return {"rows_checked": len(last), "lost": lost, "unlogged_newer": unlogged,
            "examples": examples[:5],
            "duplicate_numbers": len(db["numbers"]) - len(in_db),
            "duplicate_acknowledged": len(logged_numbers) - len(set(logged_numbers)),
            "acknowledged_missing": len(set(logged_numbers) - in_db),
            "certificates": len(db["numbers"])}


def add_up(summaries: list[dict]) -> dict:
    counts: dict[str, int] = {}
    refusals: dict[str, int] = {}
    busy: dict[str, float] = {}
    for s in summaries:
        for k, n in s["counts"].items():
            counts[k] = counts.get(k, 0) + n
            busy[k] = busy.get(k, 0.0) + s.get("busy", {}).get(k, 0.0)
        for k, n in s["refusals"].items():
            refusals[k] = refusals.get(k, 0) + n
    return {"counts": counts, "busy": busy, "refusals": refusals,
            "desk_wall": max((s["wall"] for s in summaries), default=0),
            "errors": [e for s in summaries for e in s["errors"]],
            "cpu": sum(s["cpu"] for s in summaries),
            "peak_rss_mb": max((s["maxrss_kb"] for s in summaries), default=0) / 1024}


def report(args, wall: float, totals: dict, result: dict) -> int:
    done = sum(totals["counts"].values())
    print(f"desks: {args.processes} processes × {args.seconds:g} s on one PostgreSQL database "
          f"({os.cpu_count()} cores on this machine)")
    print(f"operations acknowledged: {done} = {done / args.seconds:.1f}/s in total")
    for kind, n in sorted(totals["counts"].items()):
        print(f"  {kind:12s} {n:6d}  {n / args.seconds:7.1f}/s  "
              f"{1000 * totals['busy'][kind] / n:7.0f} ms each on average")
    refused = sum(totals["refusals"].values())
    print(f"refusals: {refused}" + ("" if refused else " (none)"))
    for kind, n in sorted(totals["refusals"].items()):
        print(f"  {kind:40s} {n:6d}")
    print(f"unexpected errors: {len(totals['errors'])}")
    for e in totals["errors"][:5]:
        print(f"  {e.strip()}")
    print(f"reconciliation: {result['rows_checked']} rows checked, lost updates {result['lost']}, "
          f"newer than any acknowledged write {result['unlogged_newer']}")
    for e in result["examples"]:
        print(f"  LOST {e}")
    print(f"certificates: {result['certificates']} numbers, duplicates in the database "
          f"{result['duplicate_numbers']}, acknowledged twice {result['duplicate_acknowledged']}, "
          f"acknowledged but missing {result['acknowledged_missing']}")
    print(f"workers: wall {wall:.1f} s (longest desk's loop {totals['desk_wall']:.1f} s), CPU {totals['cpu']:.1f} s in total, "
          f"peak RSS {totals['peak_rss_mb']:.0f} MB (largest desk)")
    bad = (result["lost"] or result["duplicate_numbers"] or result["duplicate_acknowledged"]
           or result["acknowledged_missing"] or totals["errors"])
    print("RESULT: " + ("FAILED" if bad else "ok (0 lost, 0 duplicates, 0 unexpected errors)"))
    return 1 if bad else 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--processes", type=int, default=None)
    parser.add_argument("--seconds", type=float, default=None)
    parser.add_argument("--pg", default=os.environ.get("TRAINER_TEST_PG_URL"))
    parser.add_argument("--small", action="store_true", help="4 processes × 10 s")
    parser.add_argument("--keep", action="store_true", help="leave the database and the logs")
    args = parser.parse_args(argv)
    args.processes = args.processes or (4 if args.small else 20)
    args.seconds = args.seconds or (10 if args.small else 60)
    if not args.pg or not args.pg.startswith("postgresql"):
        parser.error("a PostgreSQL server URL is needed: --pg or TRAINER_TEST_PG_URL")
    url = fresh_database(args.pg)
    folder = Path(tempfile.mkdtemp(prefix="desks_load_"))
    os.environ.setdefault("TRAINER_DATA_DIR", str(folder / "data"))  # the signing key's file
    try:
        t0 = time.perf_counter()
        plan = build_office(url)
        print(f"setup: {time.perf_counter() - t0:.1f} s ({url.rsplit('/', 1)[1]}, logs {folder})")
        plan_path = folder / "plan.json"
        plan_path.write_text(json.dumps(plan), encoding="utf-8")
        wall = run_desks(url, plan_path, folder, args.processes, args.seconds)
        writes, summaries = read_logs(folder, args.processes)
        result = reconcile(writes, database_rows(url, plan))
        return report(args, wall, add_up(summaries), result)
    finally:
        if not args.keep:
            drop_database(url)


if __name__ == "__main__":
    sys.exit(main())
