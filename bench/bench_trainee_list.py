"""How fast is the Trainees page with a province's worth of trainees?

Fills a SQLite database with N trainees (default 1,000,000; valid-looking resident ID numbers,
mobiles and names, pinyin initials computed once per distinct name), then times what a clerk
feels: opening the Trainees page (its first batch) and each keystroke of a search typed letter by
letter. Prints milliseconds and the ratio to the 300 ms target.

--keystrokes times, for each keystroke of each kind of fragment (initials, name, ID tail, ID
from the left, mobile), what the page asks the database: the first batch (page_trainees) plus
the count (count_trainees_capped), against the 50 ms target; and beside it the baseline — the
query before the trigram index (migration 0010), measured in the same run on the same
database — and the ratio. --pg URL does the same on PostgreSQL (a database filled once from
the SQLite file, kept for the next run).

    python bench/bench_trainee_list.py                      # 1,000,000 rows in a temp folder
    python bench/bench_trainee_list.py --rows 100000
    python bench/bench_trainee_list.py --db /tmp/big.db      # keep (and reuse) the database
    python bench/bench_trainee_list.py --db /tmp/big.db --keystrokes
    python bench/bench_trainee_list.py --db /tmp/big.db --keystrokes \
        --pg postgresql+psycopg://postgres@127.0.0.1:54329/bench_trainees
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TARGET_MS = 300.0
SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶"
            "程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史黎贺顾毛郝龚邵万钱")
GIVEN = ("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力鹏飞宇浩凯健俊帆鑫斌波宁"
         "婷雪琳晨欣怡佳琪梅莉燕琴云春海峰亮林斌志新国庆东晓小永长德家金荣晶婧倩颖嘉思雨梓涵子轩博")
REGIONS = ("360502", "360521", "360102", "360103", "360111", "360402", "360702", "360802",
           "130302", "130303")  # Xinyu, Nanchang, Jiujiang, Ganzhou, Ji'an, Qinhuangdao…
POSTS = ("操作工", "焊工", "电工", "质检员", "班组长", "仓管员", "叉车司机", "钳工", "车工", "装配工")
CATEGORIES = ("regular", "regular", "regular", "migrant", "migrant", "in_difficulty", "gig")
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"


def id_number(i: int) -> tuple[str, str, dt.date]:
    """A unique, valid resident ID number for row i, with its gender and birth date."""
    region = REGIONS[i % len(REGIONS)]
    birth = dt.date(1965, 1, 1) + dt.timedelta(days=(i // len(REGIONS)) % 13000)
    seq = (i // (len(REGIONS) * 13000)) % 1000
    first17 = f"{region}{birth:%Y%m%d}{seq:03d}"
    check = _CHECK[sum(int(d) * w for d, w in zip(first17, _WEIGHTS)) % 11]
    return first17 + check, ("M" if seq % 2 else "F"), birth


def fill(url: str, rows: int) -> None:
    from trainer.db.migrate import open_database
    from trainer.rules.pinyin import pinyin_initials
    from trainer.services import enterprises, organizations
    from trainer.services.uow import UnitOfWork

    db = open_database(url)
    uow = UnitOfWork(db)
    if organizations.is_empty(uow):
        organizations.create_organization(uow, "江西省总工会")
    ent_ids = [enterprises.create_enterprise(uow, enterprises.EnterpriseForm(
        f"新余第{n + 1}机械制造有限公司")).id for n in range(200)]
    org_id = organizations.list_organizations(uow)[0].id
    db.dispose()

    path = url.removeprefix("sqlite:///")
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA synchronous=OFF")
    rnd = random.Random(2021)
    initials: dict[str, str] = {}
    now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None).isoformat(sep=" ")
    sql = ("INSERT INTO trainees (organization_id, name, name_initials, gender, id_number, "
           "birth_date, mobile, enterprise_id, post, category, notes, version, created_at, "
           "updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,'',1,?,?)")
    started = time.perf_counter()
    batch = []
    for i in range(rows):
        name = rnd.choice(SURNAMES) + "".join(rnd.choice(GIVEN) for _ in range(rnd.choice((1, 2))))
        inits = initials.get(name)
        if inits is None:
            inits = initials[name] = pinyin_initials(name)
        number, gender, birth = id_number(i)
        mobile = f"1{rnd.choice('3456789')}{rnd.randrange(10**9):09d}"
        batch.append((org_id, name, inits, gender, number, birth.isoformat(), mobile,
                      rnd.choice(ent_ids), rnd.choice(POSTS), rnd.choice(CATEGORIES), now, now))
        if len(batch) == 50_000:
            conn.executemany(sql, batch)
            batch.clear()
            print(f"\r  {i + 1:,} rows", end="", flush=True)
    conn.executemany(sql, batch)
    conn.commit()
    conn.execute("ANALYZE")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    print(f"\r  {rows:,} trainees ({len(initials):,} distinct names) in "
          f"{time.perf_counter() - started:.1f} s")


def trainee_count(url: str) -> int:
    conn = sqlite3.connect(url.removeprefix("sqlite:///"))
    try:
        return conn.execute("SELECT count(*) FROM trainees").fetchone()[0]
    except sqlite3.OperationalError:
        return 0
    finally:
        conn.close()


def report(label: str, ms: float) -> None:
    verdict = "ok" if ms <= TARGET_MS else "SLOW"
    print(f"  {label:<34} {ms:8.1f} ms   {ms / TARGET_MS:5.2f} × target   {verdict}")


def measure(url: str, searches: list[str], repeats: int) -> list[float]:
    from PySide6.QtWidgets import QApplication

    from trainer.db.migrate import open_database
    from trainer.services.uow import UnitOfWork
    from ui.pages.trainees_page import TraineesPage

    app = QApplication.instance() or QApplication([])
    db = open_database(url)
    figures = []

    started = time.perf_counter()
    page = TraineesPage(UnitOfWork(db))
    page.activate()  # what the main window does when the page is shown
    app.processEvents()
    ms = (time.perf_counter() - started) * 1000
    figures.append(ms)
    report(f"open page ({page.model.rowCount()} rows shown)", ms)

    started = time.perf_counter()
    page.view.scrollToBottom()
    page.model.fetchMore(page.model.index(-1, -1).parent())
    ms = (time.perf_counter() - started) * 1000
    report(f"scroll: next batch ({page.model.rowCount()} rows)", ms)

    for text in searches:
        for step in range(1, len(text) + 1):
            typed = text[:step]
            times = []
            for _ in range(repeats):
                started = time.perf_counter()
                page.search_now(typed)
                app.processEvents()
                times.append((time.perf_counter() - started) * 1000)
            ms = statistics.median(times)
            figures.append(ms)
            report(f"type {typed!r} → {page.model.rowCount()} shown, {page.count_text()}", ms)
        page.search_now("")
    from ui.workers import wait_for_background_work

    wait_for_background_work()
    db.dispose()
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--db", help="SQLite file to fill (reused when it already holds rows)")
    parser.add_argument("--repeats", type=int, default=3, help="median of this many runs")
    parser.add_argument("--keystrokes", action="store_true",
                        help="page + count per keystroke, with the index and without (baseline)")
    parser.add_argument("--pg", metavar="URL", help="also on this PostgreSQL database")
    args = parser.parse_args(argv)

    folder = None
    if args.db:
        path = Path(args.db).resolve()
    else:
        folder = tempfile.TemporaryDirectory(prefix="bench-trainees-")
        path = Path(folder.name) / "bench.db"
    url = f"sqlite:///{path.as_posix()}"
    have = trainee_count(url) if path.exists() else 0
    if have < args.rows:
        print(f"filling {path} with {args.rows:,} trainees…")
        fill(url, args.rows - have)
    print(f"{max(have, args.rows):,} trainees in {path}; target {TARGET_MS:.0f} ms")
    rnd = random.Random(7)
    sample_id = id_number(rnd.randrange(args.rows))[0]
    searches = ["zs", "zwm", "王小", "小明", sample_id[-6:], sample_id, "139", "qqqq"]
    if args.keystrokes:
        sys.path.insert(0, str(Path(__file__).parent))
        from bench_search_keys import keystrokes

        worst = keystrokes(url, args.pg, args.repeats, sample_id, rnd)
        if folder:
            folder.cleanup()
        return 0 if worst <= 50 else 1
    figures = measure(url, searches, args.repeats)
    worst = max(figures)
    print(f"worst {worst:.1f} ms = {worst / TARGET_MS:.2f} × target "
          f"({'within' if worst <= TARGET_MS else 'OVER'} the 300 ms target)")
    if folder:
        folder.cleanup()
    return 0 if worst <= TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
