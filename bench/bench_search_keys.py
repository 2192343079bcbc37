"""Per keystroke: the Trainees page's two queries (first batch + capped count) with the trigram
index (migration 0010) and without it (the query before: the baseline), on SQLite and on
PostgreSQL. Called by bench_trainee_list.py --keystrokes; see its docstring."""
from __future__ import annotations

import sqlite3
import statistics
import time
from contextlib import contextmanager

TARGET_MS = 50.0
COUNT_CAP = 10_000
TRAINEE_COLUMNS = ("id", "organization_id", "name", "name_initials", "gender", "id_number",
                   "birth_date", "mobile", "enterprise_id", "post", "category", "notes",
                   "version", "created_at", "updated_at")


@contextmanager
def baseline():
    """The search as it was before the trigram index: no FTS table, instr/strpos for digits,
    no character index for 1–2 characters of a name."""
    from trainer.services import trainee_search

    saved = trainee_search.has_fts, trainee_search.TRIGRAM, trainee_search._short_name
    trainee_search.has_fts, trainee_search.TRIGRAM = (lambda session: False), 10**6
    trainee_search._short_name = lambda *args: None
    try:
        yield
    finally:
        trainee_search.has_fts, trainee_search.TRIGRAM, trainee_search._short_name = saved


def fill_pg(pg_url: str, sqlite_path: str) -> None:
    """The SQLite bench database's office, enterprises and trainees copied into `pg_url` (made
    by migrations, so with the pg_trgm indexes), unless it holds them already."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    url = make_url(pg_url)
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        if not conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"),
                            {"n": url.database}).scalar():
            conn.execute(text(f'CREATE DATABASE "{url.database}"'))
    admin.dispose()
    from trainer.db.migrate import open_database

    db = open_database(pg_url)
    with db.engine.begin() as conn:
        if conn.execute(text("SELECT count(*) FROM trainees")).scalar():
            db.dispose()
            return
    src = sqlite3.connect(sqlite_path)
    raw = db.engine.raw_connection()
    try:
        cur = raw.cursor()
        for table, columns in (("organizations", None), ("enterprises", None)):
            names = [r[1] for r in src.execute(f"PRAGMA table_info({table})")]
            rows = src.execute(f"SELECT {', '.join(names)} FROM {table}").fetchall()
            cur.execute(f"DELETE FROM {table}")
            with cur.copy(f"COPY {table} ({', '.join(names)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        cur.execute("SET maintenance_work_mem = '256MB'")
        indexes = cur.execute("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = "
                              "'trainees' AND indexname LIKE 'ix_%'").fetchall()
        for name, _ in indexes:
            cur.execute(f"DROP INDEX {name}")
        started = time.perf_counter()
        with cur.copy(f"COPY trainees ({', '.join(TRAINEE_COLUMNS)}) FROM STDIN") as copy:
            for row in src.execute(f"SELECT {', '.join(TRAINEE_COLUMNS)} FROM trainees"):
                copy.write_row(row)
        for _name, definition in indexes:
            cur.execute(definition)
        for table in ("organizations", "enterprises", "trainees"):
            cur.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                        f"(SELECT max(id) FROM {table}))")
        cur.execute("ANALYZE")
        raw.commit()
        print(f"  PostgreSQL filled in {time.perf_counter() - started:.0f} s")
    finally:
        raw.close()
        src.close()
        db.dispose()


def fragments(url: str, sample_id: str) -> list[tuple[str, str]]:
    """(kind, text typed in full) — each typed letter by letter. A name and a mobile that are
    in the database."""
    conn = sqlite3.connect(url.removeprefix("sqlite:///"))
    try:
        name = conn.execute("SELECT name FROM trainees WHERE length(name) = 3 "
                            "ORDER BY id LIMIT 1 OFFSET 4321").fetchone()[0]
        mobile = conn.execute("SELECT mobile FROM trainees ORDER BY id LIMIT 1 OFFSET 98765"
                              ).fetchone()[0]
    finally:
        conn.close()
    return [("initials", "zwm"), ("name", name), ("name middle", name[1:]),
            ("ID tail", sample_id[-6:]),
            ("ID from the left", sample_id), ("mobile", mobile), ("mobile middle", mobile[3:9])]


def _time(uow, typed: str, repeats: int) -> tuple[float, float, str]:
    from trainer.services.trainees import count_trainees_capped, page_trainees

    walls, cpus = [], []
    for _ in range(repeats):
        started, cpu = time.perf_counter(), time.process_time()
        shown = len(page_trainees(uow, typed, limit=200).records)
        counted = count_trainees_capped(uow, typed, cap=COUNT_CAP)
        walls.append((time.perf_counter() - started) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
    more = "more than " if counted.capped else ""
    return statistics.median(walls), statistics.median(cpus), f"{shown} shown, {more}{counted.count}"


def run_keys(url: str, label: str, searches, repeats: int) -> float:
    from trainer.db.migrate import open_database
    from trainer.services.uow import UnitOfWork

    db = open_database(url)
    uow = UnitOfWork(db)
    print(f"\n{label}: page (200) + count (cap {COUNT_CAP:,}) per keystroke; wall ms "
          f"(cpu ms of this process); baseline = the query before the index, same run")
    print(f"  {'kind':<17}{'typed':<20}{'now':>16}{'baseline':>18}{'ratio':>8}  answer")
    worst = 0.0
    for kind, text in searches:
        for step in range(1, len(text) + 1):
            typed = text[:step]
            wall, cpu, answer = _time(uow, typed, repeats)
            with baseline():
                base_wall, base_cpu, base_answer = _time(uow, typed, repeats)
            assert answer == base_answer, (typed, answer, base_answer)  # same answers
            worst = max(worst, wall)
            flag = "" if wall <= TARGET_MS else "  OVER"
            print(f"  {kind:<17}{typed:<20}{wall:8.1f} ({cpu:5.1f}){base_wall:9.1f} "
                  f"({base_cpu:5.1f}){base_wall / max(wall, 0.01):8.1f}  {answer}{flag}")
    db.dispose()
    print(f"  worst keystroke {worst:.1f} ms (target {TARGET_MS:.0f} ms)")
    return worst


def keystrokes(url: str, pg_url: str | None, repeats: int, sample_id: str, _rnd) -> float:
    searches = fragments(url, sample_id)
    worst = run_keys(url, "SQLite", searches, repeats)
    if pg_url:
        fill_pg(pg_url, url.removeprefix("sqlite:///"))
        worst = max(worst, run_keys(pg_url, "PostgreSQL", searches, repeats))
    return worst
