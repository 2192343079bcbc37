"""Live views (issue 15): a commit on one desk moves the change counters another desk polls —
two engines on one SQLite file, two engines on one PostgreSQL database — and on PostgreSQL the
other desk is notified (LISTEN/NOTIFY) as the writing transaction commits; a rolled-back write
moves nothing."""
import threading
import time

import pytest

from trainer.db.migrate import open_database
from trainer.services import enterprises
from trainer.services.live_changes import ChangeWatcher
from trainer.services.organizations import create_organization
from trainer.services.uow import UnitOfWork


@pytest.fixture
def two_desks(db_url):
    first = open_database(db_url)
    create_organization(UnitOfWork(first), "新余市总工会", "新余总工会", "XYZGH")
    second = open_database(db_url)
    yield first, second
    first.dispose()
    second.dispose()


def add_enterprise(database, name):
    return enterprises.create_enterprise(UnitOfWork(database), enterprises.EnterpriseForm(name=name))


def test_a_commit_on_one_desk_is_seen_by_the_other(two_desks):
    first, second = two_desks
    watcher = ChangeWatcher(second)
    assert watcher.poll() == set()
    add_enterprise(first, "新钢集团")
    changed = watcher.poll()
    assert "enterprises" in changed and "lessons" not in changed
    assert watcher.poll() == set()  # seen once


def test_a_desks_own_commits_are_not_news_to_it(two_desks):
    first, second = two_desks
    watcher = ChangeWatcher(first)
    add_enterprise(first, "新钢集团")
    assert watcher.poll() == set()
    add_enterprise(second, "江锂科技")
    add_enterprise(first, "赣锋锂业")
    assert "enterprises" in watcher.poll()  # two raises, one of them its own


def test_a_rolled_back_write_moves_nothing(two_desks):
    first, second = two_desks
    watcher = ChangeWatcher(second)
    unit = UnitOfWork(first)
    with unit:
        from trainer.db.models import Enterprise, Organization

        org = unit.session.query(Organization).one()
        unit.session.add(Enterprise(organization_id=org.id, name="撤销的单位"))
        unit.session.flush()
        unit.session.rollback()
    assert watcher.poll() == set()


@pytest.mark.postgres
def test_postgresql_desk_is_notified_when_the_write_commits(pg_url):
    first = open_database(pg_url)
    create_organization(UnitOfWork(first), "秦皇岛市总工会", "秦皇岛总工会", "QHDZGH")
    second = open_database(pg_url)
    watcher = ChangeWatcher(second)
    try:
        assert watcher.wait_for_notice(0.2) is False  # listening, nothing yet
        writer = threading.Timer(0.5, add_enterprise, (first, "秦皇岛港"))
        started = time.monotonic()
        writer.start()
        assert watcher.wait_for_notice(10) is True
        assert time.monotonic() - started < 5
        writer.join()
        assert "enterprises" in watcher.poll()
    finally:
        watcher.close()
        first.dispose()
        second.dispose()
