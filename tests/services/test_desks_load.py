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
