"""The day's first open, twenty times at once (issue 20): twenty desks or scripts opening one
SQLite file at the same moment each try to make the day's automatic copy. Before, they wrote
into one another's copy and failed with "sqlite3.OperationalError: disk I/O error" and a
traceback; now one process claims the day's copy and makes it, the others go on without one."""
import multiprocessing
import sqlite3
import sys
import traceback

from trainer.db.backup import list_backup_files
from trainer.db.migrate import open_database

OPENERS = 20


def _open_and_back_up(url: str, barrier, results) -> None:
    from trainer.security.backups import daily_backup

    try:
        db = open_database(url)
        barrier.wait(timeout=60)
        made = daily_backup(db)
        db.dispose()
        results.put(("ok", str(made) if made else ""))
    except BaseException:  # noqa: BLE001 - the test counts tracebacks
        results.put(("traceback", traceback.format_exc()))


def test_twenty_processes_opening_a_fresh_file_make_one_good_daily_copy(tmp_path):
    url = f"sqlite:///{(tmp_path / 'office.db').as_posix()}"
    open_database(url).dispose()  # an office's file, not opened yet today
    context = multiprocessing.get_context("spawn" if sys.platform == "win32" else "fork")
    barrier, results = context.Barrier(OPENERS), context.Queue()
    workers = [context.Process(target=_open_and_back_up, args=(url, barrier, results))
               for _ in range(OPENERS)]
    for worker in workers:
        worker.start()
    outcomes = [results.get(timeout=180) for _ in workers]
    for worker in workers:
        worker.join(timeout=60)
    tracebacks = [text for kind, text in outcomes if kind == "traceback"]
    assert tracebacks == [], tracebacks[0]
    made = [path for _kind, path in outcomes if path]
    copies = list_backup_files(tmp_path / "backups", "office")
    assert len(made) == 1 and [c.path.name for c in copies] == [made[0].rsplit("/", 1)[-1]]
    assert sorted(p.name for p in (tmp_path / "backups").iterdir()
                  if not p.name.endswith(".lock")) == [copies[0].path.name]  # nothing partial
    conn = sqlite3.connect(copies[0].path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM alembic_version").fetchone()[0] == 1
    finally:
        conn.close()
