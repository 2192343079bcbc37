"""Several offices on one PostgreSQL server: two users, each with their own connection, edit
the same trainee or lesson. The second save is refused with "changed by <user> at <time>" and
both values, and nothing is lost; a race at the same moment is caught by the version column; a
dropped connection gives a clear message, not a crash."""
import datetime as dt

import pytest
from sqlalchemy import create_engine, text

from tests.scenarios.pdf_scenario import make_class
from tests.scenarios.trust_fixtures import make_staff
from trainer.db.engine import connect
from trainer.db.migrate import open_database
from trainer.db.models import Trainee
from trainer.errors import DatabaseError, FieldChange, StaleEditError
from trainer.services import schedule, trainees
from trainer.services.organizations import create_organization
from trainer.services.uow import UnitOfWork

ID = "11010519491231002X"


@pytest.fixture
def two_desks(pg_url):
    """One PostgreSQL database, opened twice (two PCs: two engines, two connections)."""
    first = open_database(pg_url)
    create_organization(UnitOfWork(first), "新余市总工会", "新余总工会", "XYZGH")
    staff = make_staff(first)
    second = open_database(pg_url)
    yield staff, first, second
    first.dispose()
    second.dispose()


def _form(record, **changes):
    values = dict(name=record.name, id_number=record.id_number, gender=record.gender,
                  mobile=record.mobile, enterprise_id=record.enterprise_id, post=record.post,
                  category=record.category, notes=record.notes)
    values.update(changes)
    return trainees.TraineeForm(**values)


@pytest.mark.postgres
def test_the_second_save_is_refused_and_no_update_is_lost(two_desks):
    staff, first, second = two_desks
    clerk = UnitOfWork(first, user=staff.clerk)  # 张办事 at the first desk
    officer = UnitOfWork(second, user=staff.officer)  # 李干事 at the second
    created = trainees.create_trainee(clerk, trainees.TraineeForm("张三", ID, mobile="13800138000"))
    seen_by_clerk = trainees.get_trainee(clerk, created.id)
    seen_by_officer = trainees.get_trainee(officer, created.id)
    trainees.update_trainee(clerk, created.id, _form(seen_by_clerk, mobile="13900139000"),
                            seen_by_clerk.version)
    with pytest.raises(StaleEditError) as info:
        trainees.update_trainee(officer, created.id, _form(seen_by_officer, post="焊工"),
                                seen_by_officer.version)
    error = info.value
    assert error.updated_by == "张办事" and error.changes == (
        FieldChange("mobile", "138****8000", "139****9000"),)  # the trail keeps masks
    local = error.updated_at.replace(tzinfo=dt.timezone.utc).astimezone()
    assert error.message("zh") == (f"学员“张三”已于 {local:%Y-%m-%d %H:%M:%S} 被 张办事 修改："
                                   "手机号 138****8000 → 139****9000。请重新打开后再保存。")
    assert error.message("en").startswith(f"Trainee “张三” was changed by 张办事 at "
                                          f"{local:%Y-%m-%d %H:%M:%S} (mobile 138****8000")
    stored = trainees.get_trainee(officer, created.id)
    assert (stored.mobile, stored.post) == ("13900139000", "")  # the officer's save did nothing
    trainees.update_trainee(officer, created.id, _form(stored, post="焊工"), stored.version)
    final = trainees.get_trainee(clerk, created.id)
    assert (final.mobile, final.post, final.version) == ("13900139000", "焊工", 3)  # both kept


@pytest.mark.postgres
def test_two_saves_at_the_same_moment_are_caught_by_the_version_column(two_desks):
    """The officer's transaction has read the row and is about to write it when the clerk's
    save commits: the officer's UPDATE … WHERE version = 1 matches nothing."""
    staff, first, second = two_desks
    clerk = UnitOfWork(first, user=staff.clerk)
    officer = UnitOfWork(second, user=staff.officer)
    created = trainees.create_trainee(clerk, trainees.TraineeForm("张三", ID, mobile="13800138000"))
    with pytest.raises(StaleEditError) as info:
        with officer:
            row = officer.session.get(Trainee, created.id)  # loaded at version 1
            trainees.update_trainee(clerk, created.id, _form(created, post="班组长"),
                                    created.version)
            row.post = "焊工"
    assert info.value.updated_by == "张办事" and info.value.actual == 2
    assert info.value.changes == (FieldChange("post", "", "班组长"),)
    assert trainees.get_trainee(officer, created.id).post == "班组长"


@pytest.mark.postgres
def test_two_users_moving_the_same_lesson(pg_url):
    db = open_database(pg_url)
    uow = UnitOfWork(db)
    create_organization(uow, "新余市总工会", "新余总工会", "XYZGH")
    scenario = make_class(uow, trainees=3, lessons=2, attendance=False)
    staff = make_staff(db)
    other = open_database(pg_url)
    mine, theirs = UnitOfWork(db, user=staff.officer), UnitOfWork(other, user=staff.admin)
    lesson = schedule.get_lesson(mine, scenario.lesson_ids[0])
    schedule.set_lesson_locked(theirs, lesson.id, True, expected_version=lesson.version)
    with pytest.raises(StaleEditError) as info:
        schedule.set_lesson_locked(mine, lesson.id, False, expected_version=lesson.version)
    assert info.value.updated_by == "王管理" and "locked" in info.value.message("en")
    assert schedule.get_lesson(mine, lesson.id).locked
    other.dispose()
    db.dispose()


def _terminate(database, pid: int) -> None:
    admin = create_engine(database.engine.url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
    admin.dispose()


@pytest.mark.postgres
def test_a_dropped_connection_gives_a_clear_message_and_the_next_call_works(pg_url):
    db = open_database(pg_url)
    uow = UnitOfWork(db)
    create_organization(uow, "新余市总工会")
    with uow:
        pid = uow.session.connection().exec_driver_sql("SELECT pg_backend_pid()").scalar()
    _terminate(db, pid)  # between two calls: the pool's ping replaces the connection unseen
    assert trainees.count_trainees(uow) == 0
    with pytest.raises(DatabaseError) as info:
        with uow:  # in the middle of a transaction: it is lost, and said so
            trainees.create_trainee(uow, trainees.TraineeForm("张三", ID))
            pid = uow.session.connection().exec_driver_sql("SELECT pg_backend_pid()").scalar()
            _terminate(db, pid)
            trainees.create_trainee(uow, trainees.TraineeForm("李四"))
    assert info.value.reason == "connection_lost"
    assert "未保存" in info.value.message("zh") and "nothing of this" in info.value.message("en")
    assert trainees.count_trainees(uow) == 0  # all or nothing, and the database works on
    trainees.create_trainee(uow, trainees.TraineeForm("张三", ID))
    assert trainees.count_trainees(uow) == 1
    db.dispose()


def test_a_server_gone_away_is_unreachable_not_a_crash():
    db = connect("postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=2")
    with pytest.raises(DatabaseError) as info:
        trainees.count_trainees(UnitOfWork(db, organization_id=1))
    assert info.value.reason == "unreachable" and "无法连接数据库" in info.value.message("zh")
    db.dispose()
