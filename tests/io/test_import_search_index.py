"""The trainee import fills the search index (revision 0010) once at the end on SQLite, with
its insert trigger set aside in the import's transaction: imported trainees are found, and a
cancelled import leaves trigger and index as they were."""
import sqlite3

import pytest
from sqlalchemy import event

from trainer.io import adapters
from trainer.io.importing import ImportCancelled, preview_import, run_import
from trainer.rules.id_number import check_character
from trainer.services import trainees as tr


def _id(n: int) -> str:
    first17 = f"360502198{n % 10}0{n % 9 + 1}1{n % 9}{n:03d}"
    return first17 + check_character(first17)


def _roster(path, first: int, count: int):
    lines = ["姓名,身份证号码,手机号码"] + [
        f"欧阳{'一二三四五六七八九十'[n % 10]}{n},{_id(n)},139{n:08d}" for n in range(first, first + count)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    return path


def _triggers(db_url):
    if not db_url.startswith("sqlite"):
        return None
    with sqlite3.connect(db_url.removeprefix("sqlite:///")) as conn:
        return sorted(r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger'"))


def test_imported_trainees_are_found_by_every_fragment(uow, db_url, tmp_path, monkeypatch):
    monkeypatch.setattr(adapters, "CHUNK", 4)  # several chunks: the trigger is set aside
    before = _triggers(db_url)
    tr.create_trainee(uow, tr.TraineeForm("慕容复", "11010519491231002X", mobile="13800138000"))
    preview = preview_import(uow, "trainees", _roster(tmp_path / "名单.csv", 0, 15))
    statements = []
    event.listen(uow.database.engine, "before_cursor_execute",
                 lambda conn, cursor, statement, *a: statements.append(statement))
    assert run_import(uow, preview).created == 15
    assert _triggers(db_url) == before
    if before is not None:  # SQLite: set aside after the first chunk, back at the end
        assert sum(s.startswith("DROP TRIGGER trainees_fts_insert") for s in statements) == 1
        assert sum(s.startswith("CREATE TRIGGER trainees_fts_insert") for s in statements) == 1
        assert sum(s.startswith("DROP TRIGGER trainees_name_chars_insert")
                   for s in statements) == 1
    for n in (0, 3, 4, 14):  # in the first chunk (trigger) and in later ones (one statement)
        for fragment in (f"欧阳{'一二三四五六七八九十'[n % 10]}{n}", _id(n)[-6:], f"{n:08d}"[-5:]):
            names = [r.name for r in tr.page_trainees(uow, fragment).records]
            assert f"欧阳{'一二三四五六七八九十'[n % 10]}{n}" in names, fragment
    assert [r.name for r in tr.page_trainees(uow, "8001380").records] == ["慕容复"]
    for n in (0, 4, 14):  # one or two characters: the character index (0015)
        names = [r.name for r in tr.page_trainees(uow, f"阳{'一二三四五六七八九十'[n % 10]}").records]
        assert f"欧阳{'一二三四五六七八九十'[n % 10]}{n}" in names
    assert len(tr.page_trainees(uow, "欧").records) == 15
    person = tr.page_trainees(uow, _id(9)).records[0]  # an imported row edited afterwards
    tr.update_trainee(uow, person.id, tr.TraineeForm(person.name, person.id_number,
                                                     mobile="13712345678"), person.version)
    assert tr.page_trainees(uow, "1234567").records[0].id == person.id
    assert tr.count_trainees_capped(uow, "00000009") == tr.TraineeCount(0, False)


def test_a_cancelled_import_leaves_trigger_and_index_as_they_were(uow, db_url, tmp_path,
                                                                  monkeypatch):
    monkeypatch.setattr(adapters, "CHUNK", 4)
    before = _triggers(db_url)
    preview = preview_import(uow, "trainees", _roster(tmp_path / "名单.csv", 100, 15))

    def progress(done, total):
        if done >= 12:
            raise ImportCancelled()

    with pytest.raises(ImportCancelled):
        run_import(uow, preview, progress)
    assert _triggers(db_url) == before
    assert tr.count_trainees_capped(uow, "欧阳") == tr.TraineeCount(0, False)
    tr.create_trainee(uow, tr.TraineeForm("欧阳锋", "11010519491231002X", mobile="13800138000"))
    assert [r.name for r in tr.page_trainees(uow, "8001380").records] == ["欧阳锋"]


def test_an_import_moves_the_trainees_counter_of_the_change_feed(uow, tmp_path, monkeypatch):
    """The import's INSERT runs on the DBAPI cursor, which SQLAlchemy's statement events do
    not see: the other desks still learn of the new trainees (issue 15), once per commit, and
    a cancelled import moves nothing."""
    from trainer.db import change_feed

    monkeypatch.setattr(adapters, "CHUNK", 4)

    def trainees_counter():
        with uow.database.engine.connect() as conn:
            return change_feed.counters(conn).get("trainees", 0)

    before = trainees_counter()
    preview = preview_import(uow, "trainees", _roster(tmp_path / "名单.csv", 200, 15))

    def stop(done, total):
        if done >= 8:
            raise ImportCancelled()

    with pytest.raises(ImportCancelled):
        run_import(uow, preview, stop)
    assert trainees_counter() == before
    assert run_import(uow, preview).created == 15
    assert trainees_counter() == before + 1
