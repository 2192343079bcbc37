"""A WAL database on read-only media (a CD, a read-only share or mount) opens and reads
(issue 20, finding 10): SQLite cannot make the -shm file WAL needs there, and opening failed
with "unable to open database file"; now the file opens read-only and immutable, lists work,
and a change is refused in a sentence saying the database is read-only."""
import os
import shutil
import subprocess

import pytest

from trainer.db.migrate import open_database
from trainer.errors import DatabaseError
from trainer.services import enterprises as ent
from trainer.services.organizations import create_organization
from trainer.services.uow import UnitOfWork


@pytest.fixture
def read_only_folder(tmp_path):
    """A folder nobody may write to: a tmpfs remounted read-only when we are root (root may
    write through permission bits), else a folder without write permission."""
    folder = tmp_path / "media"
    folder.mkdir()
    if os.geteuid() != 0:
        yield folder, lambda: folder.chmod(0o555)
        folder.chmod(0o755)
        return
    if shutil.which("mount") is None or subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=32m", "none", str(folder)],
            capture_output=True).returncode != 0:
        pytest.skip("cannot mount a read-only filesystem here")
    try:
        yield folder, lambda: subprocess.run(["mount", "-o", "remount,ro", str(folder)],
                                             check=True)
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def test_a_wal_database_on_read_only_media_opens_and_reads(read_only_folder):
    folder, make_read_only = read_only_folder
    url = f"sqlite:///{(folder / 'office.db').as_posix()}"
    db = open_database(url)
    create_organization(UnitOfWork(db), "新余市总工会", "新余总工会", "XYZGH")
    ent.create_enterprise(UnitOfWork(db), ent.EnterpriseForm("新余钢铁"))
    db.dispose()
    assert not (folder / "office.db-shm").exists()
    make_read_only()
    db = open_database(url, create=False)
    try:
        assert [e.name for e in ent.list_enterprises(UnitOfWork(db))] == ["新余钢铁"]
        with pytest.raises(DatabaseError) as refused:
            ent.create_enterprise(UnitOfWork(db), ent.EnterpriseForm("新余锂电"))
        assert refused.value.reason == "read_only"
    finally:
        db.dispose()
