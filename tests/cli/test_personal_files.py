"""Issue 20, finding 11, as the attack: another account on the same Linux machine reads what
the program wrote. The database and its -wal/-shm, backups, exports, rejects and PDFs are
created owner-only (0600), a database made world-readable by an older version is closed up at
the next open, and the process's umask is given back when a command ends."""
from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from trainer.cli import main
from trainer.db.migrate import open_database

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_everything_written_is_owner_only(tmp_path, capsys):
    before = os.umask(0o022)  # the usual desktop umask: files 0644 unless we say otherwise
    try:
        db = tmp_path / "office.db"
        assert run(capsys, "init", "--db", str(db), "--org", "新余市总工会")[0] == 0
        source = tmp_path / "list.csv"
        source.write_text("姓名,身份证号\n张三,11010519491231002X\n李四,110105194912310021\n",
                          encoding="utf-8")
        code, _out, err = run(capsys, "import", "trainees", str(source), "--rejects",
                              str(tmp_path / "rejects.xlsx"), "--db", str(db))
        assert code == 3, err
        assert run(capsys, "export", "trainees", str(tmp_path / "e.xlsx"), "--db", str(db))[0] == 0
        assert run(capsys, "backup", "--out", str(tmp_path / "copy.db"), "--db", str(db))[0] == 0
        assert run(capsys, "pdf", "record", "--trainee", "1", "--out", str(tmp_path / "r.pdf"),
                   "--db", str(db))[0] == 0
        written = [db, tmp_path / "rejects.xlsx", tmp_path / "e.xlsx", tmp_path / "copy.db",
                   tmp_path / "r.pdf", *(db.parent / "backups").iterdir()]
        written += [p for p in (Path(f"{db}-wal"), Path(f"{db}-shm")) if p.exists()]
        assert {str(p.name): oct(mode(p)) for p in written} == \
            {str(p.name): "0o600" for p in written}
        assert os.umask(0o022) == 0o022  # the command gave the umask back
    finally:
        os.umask(before)


def test_a_world_readable_database_is_closed_up_at_the_next_open(tmp_path):
    db = tmp_path / "old.db"
    open_database(f"sqlite:///{db}").dispose()
    os.chmod(db, 0o644)  # as an older version made it
    database = open_database(f"sqlite:///{db}")
    try:
        with database.engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
    finally:
        database.dispose()
    assert mode(db) == 0o600


@pytest.mark.skipif(sys.platform != "linux", reason="Linux")
def test_temporary_outputs_are_owner_only_while_written(tmp_path):
    from trainer.files import atomic_output

    with atomic_output(tmp_path / "x.xlsx") as tmp:
        assert mode(tmp) == 0o600 and tmp.name.endswith(".partial")
        tmp.write_bytes(b"data")
    assert mode(tmp_path / "x.xlsx") == 0o600 and not tmp.exists()
