"""Issue 20, finding 10, as the attack: a full disk during export, rejects, PDF and backup; a
killed backup's and restore's leftovers; a read-only database; another desk's write lock. Each
ends in a sentence (never a traceback), leaves no file under the real name (an existing one
untouched), no temporary file behind, and reading keeps working."""
from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.scenarios.pdf_scenario import make_class
from tests.scenarios.trust_fixtures import PASSWORD, make_staff
from trainer.cli import main
from trainer.db.migrate import open_database
from trainer.files import PARTIAL, OutputError, atomic_output, remove_leftovers
from trainer.services.organizations import create_organization
from trainer.services.uow import UnitOfWork

ROOT = Path(__file__).resolve().parents[2]


def _mount_tmpfs(folder: Path, size: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0777", "tmpfs",
                           str(folder)], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here (needs root on Linux): {done.stderr.strip()}")


@pytest.fixture
def small_disk(tmp_path):
    """A 2 MB tmpfs filesystem: the disk that fills up."""
    if sys.platform != "linux" or os.geteuid() != 0:
        pytest.skip("mounting a small filesystem needs root on Linux")
    folder = tmp_path / "small"
    _mount_tmpfs(folder, "2m")
    yield folder
    subprocess.run(["umount", "-l", str(folder)], check=False)


def _fill(folder: Path, leave: int = 4096) -> None:
    """Fills the filesystem of `folder` until about `leave` bytes are free."""
    with open(folder / "filler.bin", "wb") as fh:
        free = shutil.disk_usage(folder).free
        try:
            fh.write(b"\0" * max(free - leave, 0))
            fh.flush()
            os.fsync(fh.fileno())
        except OSError:
            pass


def _left(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != "filler.bin")


@pytest.fixture
def office(sqlite_url, monkeypatch):
    for name in ("TRAINER_USER", "TRAINER_PASSWORD", "TRAINER_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    db = open_database(sqlite_url)
    uow = UnitOfWork(db)
    create_organization(uow, "新余市总工会", "新余总工会", "XYZGH")
    scenario = make_class(uow, trainees=40, lessons=2)
    make_staff(db)
    db.dispose()
    monkeypatch.setenv("TRAINER_PASSWORD", PASSWORD)
    return sqlite_url, scenario


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_disk_full_during_export_pdf_and_backup_leaves_nothing(office, small_disk, capsys):
    url, scenario = office
    (small_disk / "e.xlsx").write_bytes(b"the export of last week")  # must survive
    _fill(small_disk)
    tracebacks = 0
    for args, target in ((["export", "trainees", str(small_disk / "e.xlsx")], "e.xlsx"),
                         (["backup", "--out", str(small_disk / "b.db")], "b.db"),
                         (["pdf", "archive", "--class", str(scenario.cohort_id), "--out",
                           str(small_disk / "r.pdf")], "r.pdf")):
        code, out, err = run(capsys, "--lang", "en", *args, "--db", url, "--as", "officer")
        tracebacks += "Traceback" in err
        assert code == 1, (args, out, err)
        assert "disk is full" in err, err
        assert _left(small_disk) == ["e.xlsx"], args  # no 0-byte file, no .partial
    assert (small_disk / "e.xlsx").read_bytes() == b"the export of last week"
    assert tracebacks == 0
    code, out, err = run(capsys, "--lang", "zh", "export", "trainees",
                         str(small_disk / "f.xlsx"), "--db", url, "--as", "officer")
    assert code == 1 and "磁盘空间不足" in err and _left(small_disk) == ["e.xlsx"]


def test_disk_full_while_writing_rejects_keeps_the_import_answer(office, small_disk, capsys,
                                                                tmp_path):
    url, _scenario = office
    source = tmp_path / "list.csv"
    rows = ["姓名,身份证号,手机"] + [f"错号{i},36050219900101{i:04d},1397901{i:04d}"
                                      for i in range(300)]
    source.write_text("\n".join(rows), encoding="utf-8-sig")
    _fill(small_disk, leave=2048)
    code, out, err = run(capsys, "--lang", "en", "import", "trainees", str(source), "--rejects",
                         str(small_disk / "r.xlsx"), "--db", url, "--as", "clerk")
    assert "Traceback" not in err and "disk is full" in err
    assert code == 1 and _left(small_disk) == []


def test_atomic_output_on_a_full_disk_raises_a_sentence(small_disk):
    _fill(small_disk, leave=0)
    with pytest.raises(OutputError) as failed:
        with atomic_output(small_disk / "x.bin") as tmp:
            with open(tmp, "wb") as fh:
                fh.write(b"x" * 1_000_000)
    assert failed.value.reason == "disk_full"
    assert "磁盘空间不足" in failed.value.message("zh")
    assert _left(small_disk) == []


def test_output_on_a_read_only_folder_says_so(tmp_path):
    if sys.platform != "linux" or os.geteuid() != 0:
        pytest.skip("needs root on Linux to mount")
    folder = tmp_path / "ro"
    _mount_tmpfs(folder, "1m")
    try:
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        with pytest.raises(OutputError) as failed:
            with atomic_output(folder / "x.pdf") as tmp:
                tmp.write_bytes(b"%PDF")
        assert failed.value.reason == "read_only"
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def test_leftovers_of_killed_backup_and_restore_go_at_the_next_start(office, capsys, tmp_path):
    url, _scenario = office
    db_file = tmp_path / "test.db"
    backups = db_file.parent / "backups"
    backups.mkdir(exist_ok=True)
    old = time.time() - 3600
    leftovers = [backups / ".test-daily-20261207-101010.db.k3j2.partial",
                 backups / "test-manual-20261207-101010.db.partial",
                 db_file.parent / ".restoring-999999.db",
                 db_file.parent / ".restoring-999999.db-journal"]
    for path in leftovers:
        path.write_bytes(b"\0" * 4096)
        os.utime(path, (old, old))
    someone_elses = db_file.parent / "report.docx.partial"  # the user's folder: not ours
    someone_elses.write_bytes(b"x")
    os.utime(someone_elses, (old, old))
    young = backups / ".x.db.abc.partial"  # another program may be writing this one now
    young.write_bytes(b"")
    code, _out, err = run(capsys, "info", "--db", url, "--as", "viewer")
    assert code == 0, err
    assert [p for p in leftovers if p.exists()] == []
    assert young.exists() and someone_elses.exists()
    assert remove_leftovers(backups, min_age_seconds=0) == [young]


def test_a_viewer_reads_a_read_only_database(office, capsys, tmp_path):
    if sys.platform != "linux" or os.geteuid() != 0:
        pytest.skip("needs root on Linux to mount")
    url, _scenario = office
    folder = tmp_path / "ro"
    _mount_tmpfs(folder, "20m")
    try:
        shutil.copy(tmp_path / "test.db", folder / "office.db")
        conn = sqlite3.connect(folder / "office.db")  # as a backup copy is: no WAL
        conn.execute("PRAGMA journal_mode=DELETE")
        conn.close()
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        ro_url = f"sqlite:///{(folder / 'office.db').as_posix()}"
        code, out, err = run(capsys, "--lang", "en", "list", "trainees", "--db", ro_url,
                             "--as", "viewer")
        assert code == 0, err
        assert "(40)" in out and "Traceback" not in err
        code, out, err = run(capsys, "--lang", "en", "add", "enterprise", "--name", "新余锂电",
                             "--db", ro_url, "--as", "officer")
        assert code == 1 and "read-only" in err and "Traceback" not in err
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def test_a_viewer_lists_while_another_desk_holds_the_write_lock(office, capsys, tmp_path):
    url, _scenario = office
    other_desk = sqlite3.connect(tmp_path / "test.db", timeout=0)
    other_desk.execute("BEGIN IMMEDIATE")  # a long import on another desk
    try:
        started = time.monotonic()
        code, out, err = run(capsys, "--lang", "en", "list", "trainees", "--db", url,
                             "--as", "viewer")
        took = time.monotonic() - started
    finally:
        other_desk.rollback()
        other_desk.close()
    assert code == 0, err
    assert "(40)" in out
    assert took < 4.5  # not the 5 s busy timeout and a failure


def test_a_full_database_disk_is_named(office, small_disk, capsys, tmp_path):
    url, _scenario = office
    shutil.copy(tmp_path / "test.db", small_disk / "office.db")
    full_url = f"sqlite:///{(small_disk / 'office.db').as_posix()}"
    code, _out, err = run(capsys, "info", "--db", full_url, "--as", "viewer")  # WAL files made
    assert code == 0, err
    _fill(small_disk, leave=0)
    code, _out, err = run(capsys, "--lang", "en", "add", "enterprise", "--name", "新余锂电",
                          "--db", full_url, "--as", "officer")
    assert code == 1 and "Traceback" not in err
    assert "disk is full" in err and "Cannot reach" not in err
    assert PARTIAL not in "".join(_left(small_disk))
