"""bench/bench_desks_load.py: several desks (processes, each its own engine) on one PostgreSQL
database through the real services; the reconciliation finds no lost update and no duplicate
certificate number. Also: the reconciliation itself catches a lost write, and a server that is not
local is refused before anything is sent to it."""
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

import bench_desks_load as bench  # noqa: E402


@pytest.mark.postgres
def test_three_desks_lose_nothing_and_repeat_no_number(pg_url, tmp_path):
    run = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "bench_desks_load.py"), "--small",
         "--processes", "3", "--seconds", "3", "--pg", pg_url],
        cwd=ROOT, capture_output=True, text=True, timeout=240,
        env={**__import__("os").environ, "TRAINER_DATA_DIR": str(tmp_path)})
    out = run.stdout + run.stderr
    assert run.returncode == 0, out
    assert "lost updates 0" in out and "duplicates in the database 0" in out, out
    assert "unexpected errors: 0" in out, out
    acknowledged = int(out.split("operations acknowledged: ")[1].split()[0])
    assert acknowledged > 0, out


def _write(op, key, value, version):
    return {"op": op, "key": key, "value": value, "version": version}


def test_reconciliation_finds_a_lost_write_and_a_repeated_number():
    writes = [_write("assessment", [1, 7], 60, 1), _write("assessment", [1, 7], 85, 2),
              _write("lesson", [3], ["2027-01-04", "09:00"], 4),
              _write("certificate", ["QHD-2026-0001"], 7, None),
              _write("certificate", ["QHD-2026-0002"], 8, None)]
    database = {"rows": {("assessment", (1, 7)): (60, 2),  # v2 holds v1's value: lost
                         ("lesson", (3,)): (["2027-01-04", "09:00"], 4)},
                "numbers": ["QHD-2026-0001", "QHD-2026-0001", "QHD-2026-0002"]}
    result = bench.reconcile(writes, database)
    assert result["lost"] == 1 and result["rows_checked"] == 2
    assert result["duplicate_numbers"] == 1 and result["acknowledged_missing"] == 0
    database["rows"][("assessment", (1, 7))] = (85, 2)
    database["numbers"] = ["QHD-2026-0001", "QHD-2026-0002"]
    fine = bench.reconcile(writes, database)
    assert fine["lost"] == 0 and fine["duplicate_numbers"] == 0


def test_a_server_that_is_not_local_is_refused():
    with pytest.raises(SystemExit, match="not a local server"):
        bench.fresh_database("postgresql+psycopg://postgres@db.example.org:5432/postgres")


@pytest.mark.postgres
def test_two_desks_typing_the_first_result_or_mark_of_one_cell_at_once(pg_url):
    """What the bench found: desk A writes the first score (or attendance mark) of a trainee and
    has not committed; desk B writes the same empty cell, waits for A, and was told a raw
    database error (unique key). Now B is refused as stale, A's value stays."""
    import datetime as dt
    import threading

    from tests.scenarios.attendance_fixtures import make_class, make_course, make_trainees
    from trainer.db.migrate import open_database
    from trainer.errors import StaleCellsError
    from trainer.services.assessment import list_assessments, record_assessment
    from trainer.services.attendance import CellChange, load_attendance_grid, save_attendance
    from trainer.services.enrolment import enrol_trainees
    from trainer.services.organizations import create_organization
    from trainer.services.uow import UnitOfWork

    desk_a, desk_b = open_database(pg_url), open_database(pg_url)
    a = UnitOfWork(desk_a)
    create_organization(a, "新余市总工会", "新余总工会", "XYZGH")
    from trainer.services.courses import create_default_themes
    with a:
        create_default_themes(a)
    b = UnitOfWork(desk_b, a.organization_id)
    today = dt.date.today()
    cohort, lessons = make_class(a, make_course(a), "A", lessons=2,
                                 start=today - dt.timedelta(days=3))
    trainee = make_trainees(a, 1)[0]
    enrol_trainees(a, cohort, [trainee], enrolled_on=today - dt.timedelta(days=10))
    writes = {
        "score": (lambda u, v: record_assessment(u, cohort, trainee, score=v, expected_version=0),
                  lambda: [r.score for r in list_assessments(a, cohort)]),
        "mark": (lambda u, v: save_attendance(u, [CellChange(lessons[0], trainee, v,
                                                             expected_version=0)]),
                 lambda: [c.status for c in load_attendance_grid(a, cohort).cells.values()]),
    }
    values = {"score": (90, 40), "mark": ("present", "absent")}
    try:
        for what, (write, read) in writes.items():
            first, second = values[what]
            caught = []

            def desk_b_writes():
                try:
                    write(b, second)
                except Exception as exc:  # noqa: BLE001 - judged below
                    caught.append(exc)

            with a:
                write(a, first)  # flushed, not committed
                other = threading.Thread(target=desk_b_writes)
                other.start()
                other.join(1.0)  # B waits on A's uncommitted row
            other.join(30)
            assert len(caught) == 1 and isinstance(caught[0], StaleCellsError), (what, caught)
            assert read() == [first], what
    finally:
        desk_a.dispose()
        desk_b.dispose()
