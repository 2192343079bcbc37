"""The trigram search index of migration 0010 behind the Trainees page's search box (SQLite
FTS5, PostgreSQL pg_trgm): the same answers as the scans it replaces, kept in step with every
insert, edit and delete, used for fragments of 3 or more characters, per office; and the
character index of migration 0015 for 1–2 characters of a name (SQLite FTS5 one character a
token, PostgreSQL GIN over the name's characters)."""
import random

import pytest
from sqlalchemy import event, text

from trainer.rules.id_number import check_character
from trainer.services import organizations, trainee_search
from trainer.services import trainees as tr
from trainer.services.uow import UnitOfWork

NAMES = ["张三丽", "王小明", "欧阳明月", "𠮷野家", "李𬌗", "Anna Lee", "王 小", "张三", "周帅"]


def _id(n: int) -> str:
    first17 = f"360502{1970 + n % 40}{n % 12 + 1:02d}{n % 28 + 1:02d}{n:03d}"
    return first17 + check_character(first17)


def _fill(uow, count=60):
    rnd = random.Random(5)
    with uow:
        for n in range(count):
            name = f"{rnd.choice(NAMES)}{'' if n % 3 else n}"
            tr.create_trainee(uow, tr.TraineeForm(
                name, _id(n), mobile=f"1{rnd.choice('3589')}{rnd.randrange(10**9):09d}"))


def _everything(uow, search):
    seen, cursor = [], None
    while True:
        page = tr.page_trainees(uow, search, limit=7, cursor=cursor)
        seen += [r.id for r in page.records]
        if page.cursor is None:
            return seen, tr.count_trainees_capped(uow, search, cap=10)
        cursor = page.cursor


def _without_index(monkeypatch):
    monkeypatch.setattr(trainee_search, "has_fts", lambda session: False)
    monkeypatch.setattr(trainee_search, "TRIGRAM", 10**6)
    monkeypatch.setattr(trainee_search, "_short_name", lambda *args: None)


def _statements(uow):
    seen = []
    event.listen(uow.database.engine, "before_cursor_execute",
                 lambda conn, cursor, statement, *a: seen.append(statement))
    return seen


def test_every_fragment_answers_as_the_scan_did(uow, monkeypatch):
    _fill(uow)
    with uow:
        rows = uow.session.execute(text("SELECT id_number, mobile FROM trainees")).all()
    fragments = ["王小明", "小明", "明月", "欧阳明", "𠮷野家", "野家", "Lee", "ann", "王 小", "张三丽1",
                 'a"b', "%", "100", "00", "0", "8", "x", "19851", "19851x",
                 "王", "明", "丽", "三丽", "阳明", "𠮷", "𠮷野", "𬌗", "李𬌗", "帅", "周帅", "丽周",
                 "王 ", " 小", "A", "e", "n L", "三1", "张1", "蒋", "蒋芳", "·"]
    for number, mobile in rows[:12]:
        fragments += [number[-6:], number[-4:], number[:9], number[:4], number[6:14],
                      mobile[3:8], mobile, mobile[-4:], mobile[:3]]
    with_index = {f: _everything(uow, f) for f in fragments}
    _without_index(monkeypatch)
    for fragment in fragments:
        assert with_index[fragment] == _everything(uow, fragment), fragment
    assert any(len(ids) > 7 for ids, _count in with_index.values())  # paged, not one page


def test_the_index_is_used_for_three_characters_and_more(uow, db_url):
    _fill(uow, 5)
    statements = _statements(uow)
    for fragment in ("王小明", "13800", "0013"):
        tr.page_trainees(uow, fragment)
        tr.count_trainees_capped(uow, fragment)
    sql = "\n".join(statements)
    statements.clear()
    tr.page_trainees(uow, "小明")  # 2 characters of a name: the character index
    short = "\n".join(statements)
    if db_url.startswith("sqlite"):
        assert sql.count("trainees_fts MATCH") == 6
        assert "strpos" not in sql
        assert "trainees_name_chars MATCH" in short and "trainees_fts" not in short
    else:
        assert "strpos" not in sql and " LIKE " in sql  # what the pg_trgm indexes answer
        assert "string_to_array" in short  # what ix_trainees_name_chars answers
        with uow.database.engine.connect() as conn:
            indexes = conn.execute(text("SELECT indexname FROM pg_indexes WHERE indexname "
                                        "LIKE '%\\_trgm'")).scalars().all()
        assert sorted(indexes) == ["ix_trainees_id_number_trgm", "ix_trainees_mobile_trgm",
                                   "ix_trainees_name_trgm"]


def test_the_index_follows_inserts_edits_and_deletes(uow):
    _fill(uow, 3)
    person = tr.create_trainee(uow, tr.TraineeForm("慕容雪村", "11010519491231002X",
                                                   mobile="13912345678"))
    assert [r.id for r in tr.page_trainees(uow, "容雪村").records] == [person.id]
    assert [r.id for r in tr.page_trainees(uow, "雪村").records] == [person.id]
    assert [r.id for r in tr.page_trainees(uow, "9123456").records] == [person.id]
    person = tr.update_trainee(uow, person.id, tr.TraineeForm(
        "慕容复", "11010519491231002X", gender="女", mobile="13787654321"), person.version)
    assert tr.page_trainees(uow, "容雪村").records == ()
    assert tr.page_trainees(uow, "雪").records == ()
    assert [r.id for r in tr.page_trainees(uow, "容复").records] == [person.id]
    assert tr.page_trainees(uow, "9123456").records == ()
    assert [r.id for r in tr.page_trainees(uow, "8765432").records] == [person.id]
    assert tr.count_trainees_capped(uow, "慕容复") == tr.TraineeCount(1, False)
    tr.delete_trainee(uow, person.id, person.version)
    assert tr.page_trainees(uow, "8765432").records == ()
    assert tr.page_trainees(uow, "复").records == ()
    assert tr.count_trainees_capped(uow, "8765432") == tr.TraineeCount(0, False)


def test_each_office_counts_its_own(uow):
    first = uow.organization_id
    tr.create_trainee(uow, tr.TraineeForm("张三丽", "11010519491231002X", mobile="13800138000"))
    other = organizations.create_organization(uow, "南昌市总工会")
    there = UnitOfWork(uow.database, organization_id=other.id)
    for n in range(3):
        tr.create_trainee(there, tr.TraineeForm("张三丽", _id(n), mobile=f"1380013800{n}"))
    here = UnitOfWork(uow.database, organization_id=first)
    for fragment in ("张三丽", "3800138", "138001380"):
        assert tr.count_trainees_capped(here, fragment) == tr.TraineeCount(1, False), fragment
        assert tr.count_trainees_capped(there, fragment) == tr.TraineeCount(3, False), fragment
        assert len(tr.page_trainees(here, fragment).records) == 1


@pytest.mark.parametrize("typed", ['"', '""', "a AND b", "NEAR(x y)", "name:", "{id}", "*"])
def test_query_syntax_typed_into_the_box_is_searched_for_as_text(uow, typed):
    tr.create_trainee(uow, tr.TraineeForm("张三丽", mobile="13800138000"))
    assert tr.page_trainees(uow, typed + "张三").records == ()
    assert tr.count_trainees_capped(uow, typed + "张三") == tr.TraineeCount(0, False)


def test_triggers_lost_to_a_table_rebuild_come_back_at_the_next_upgrade(uow, db_url):
    """SQLite's batch mode (a later migration adding a column) copies trainees to a new table
    and drops the old one with its triggers: searches then answer from scans, and the next
    upgrade makes the triggers again and rebuilds the index."""
    from trainer.db.migrate import upgrade

    if not db_url.startswith("sqlite"):
        pytest.skip("SQLite's triggers")
    first = tr.create_trainee(uow, tr.TraineeForm("慕容复", mobile="13800138000"))
    with uow.database.engine.begin() as conn:
        for name in ("trainees_fts_insert", "trainees_fts_update", "trainees_name_chars_insert"):
            conn.exec_driver_sql(f"DROP TRIGGER {name}")
    second = tr.create_trainee(uow, tr.TraineeForm("慕容博", mobile="13900139000"))
    with uow:
        assert not trainee_search.has_fts(uow.session)
        assert not trainee_search.has_char_index(uow.session)
    assert [r.id for r in tr.page_trainees(uow, "容博").records] == [second.id]  # scans
    assert [r.id for r in tr.page_trainees(uow, "9001390").records] == [second.id]  # scans
    upgrade(uow.database)
    with uow:
        assert trainee_search.has_fts(uow.session)
        assert trainee_search.has_char_index(uow.session)
    assert [r.id for r in tr.page_trainees(uow, "9001390").records] == [second.id]  # index
    assert [r.id for r in tr.page_trainees(uow, "容博").records] == [second.id]
    assert [r.id for r in tr.page_trainees(uow, "慕容复").records] == [first.id]


def test_characters_too_common_for_the_character_index_go_to_the_scan(uow, monkeypatch, db_url):
    """A character in more than CHAR_INDEX_MOST names (王 in a big province) is found sooner by
    the scan in name order than by sorting all its rows: same answers either way."""
    _fill(uow)
    fragments = ["王", "张三", "小", "明"]
    indexed = {f: _everything(uow, f) for f in fragments}
    monkeypatch.setattr(trainee_search, "CHAR_INDEX_MOST", 2)
    statements = _statements(uow)
    for fragment in fragments:
        assert _everything(uow, fragment) == indexed[fragment], fragment
    if db_url.startswith("sqlite"):  # counted in the index, then scanned
        assert not [s for s in statements if "JOIN trainees_name_chars" in s
                    or "trainees_name_chars JOIN" in s]
    _without_index(monkeypatch)
    for fragment in fragments:
        assert _everything(uow, fragment) == indexed[fragment], fragment
