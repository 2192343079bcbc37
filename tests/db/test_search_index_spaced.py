"""The name-characters index (db/search_index.py, revision 0015) gets a name one character a
token from `spaced`: short names (most) take a shorter SQL path than long ones; both give the
tokens of the full expression, so rows indexed either way are found and deleted alike."""
import sqlite3

from trainer.db.search_index import NAME_LENGTH, SHORT_NAME, _characters, spaced

NAMES = ["", "蒋", "蒋芳", "蒋芳怡", "欧阳䶮", "𠮷田春生", "欧阳䶮𠮷", "阿卜杜热依木", "Li Lei", "a·b",
         "王" * (SHORT_NAME + 1), "张" * NAME_LENGTH]


def test_spaced_gives_the_tokens_of_every_character():
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE t (name TEXT)")
    conn.executemany("INSERT INTO t VALUES (?)", [(n,) for n in NAMES])
    rows = conn.execute(f"SELECT name, {spaced('name')}, {_characters('name', NAME_LENGTH)} "
                        "FROM t").fetchall()
    for name, short, full in rows:
        assert short.split() == full.split() == [c for c in name if c != " "], name


def test_a_row_indexed_by_the_long_form_is_deleted_by_the_short_one():
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE x USING fts5(name, content='', tokenize='unicode61')")
    conn.execute("CREATE VIRTUAL TABLE v USING fts5vocab(x, 'instance')")
    conn.execute(f"INSERT INTO x (rowid, name) SELECT 1, {_characters(repr('欧阳䶮'), NAME_LENGTH)}")
    assert conn.execute("SELECT count(*) FROM v").fetchone()[0] == 3
    conn.execute(f"INSERT INTO x (x, rowid, name) SELECT 'delete', 1, {spaced(repr('欧阳䶮'))}")
    assert conn.execute("SELECT count(*) FROM v").fetchone()[0] == 0
