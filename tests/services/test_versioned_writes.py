"""A version on every write (issue 15): each service that changes or deletes a versioned row,
used by two desks — two engines on one SQLite file, two connections to one PostgreSQL database.
Desk B saves what it showed after desk A changed it: refused with the sentence (who changed
what, when), A's change kept; B's save with the version it now sees is accepted."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any, Callable

import pytest

from tests.scenarios.pdf_scenario import make_class
from tests.scenarios.trust_fixtures import make_staff
from trainer.db.migrate import open_database
from trainer.errors import NotFoundError, StaleEditError
from trainer.services import courses, enrolment, enterprises, lecturers, levels, requests, trainees
from trainer.services.organizations import create_organization
from trainer.services.uow import UnitOfWork

ID = "11010519491231002X"
D = dt.date


@dataclass(frozen=True)
class WritePath:
    make: Callable[[UnitOfWork], Any]                     # → the row's key
    read: Callable[[UnitOfWork, Any], Any]                # → what a desk shows (.version)
    write: Callable[[UnitOfWork, Any, Any, str, int], Any]  # (uow, key, shown, mark, version)
    value: Callable[[Any], Any]                           # the field `write` sets from `mark`
    remove: Callable[[UnitOfWork, Any, int], Any] | None = None  # delete / withdraw
    removed: Callable[[UnitOfWork, Any], bool] | None = None


def _gone(read):
    def removed(uow, key):
        try:
            read(uow, key)
        except NotFoundError:
            return True
        return False
    return removed


def _enterprise(uow):
    return enterprises.create_enterprise(uow, enterprises.EnterpriseForm("新余钢铁")).id


def _venue(uow):
    owner = enterprises.create_enterprise(uow, enterprises.EnterpriseForm("赛维公司")).id
    return enterprises.create_venue(uow, enterprises.VenueForm("一车间", owner, capacity=40)).id


def _theme(uow):
    return courses.create_theme(uow, courses.ThemeForm("母婴护理")).id


def _course(uow):
    return courses.create_course(uow, courses.CourseForm(_theme(uow), "有限空间作业")).id


def _request(uow):
    return requests.create_request(uow, requests.TrainingRequestForm(
        _enterprise(uow), _course(uow), 30, D(2027, 3, 1), D(2027, 3, 31))).id


def _enrolment(uow):
    made = make_class(uow, trainees=2, lessons=1, attendance=False)
    return made.cohort_id, made.trainee_ids[0]


def _read_enrolment(uow, key):
    """The enrolment as the class list shows it, with the trainee's level."""
    cohort, trainee = key
    shown = next(e for e in enrolment.list_enrolments(uow, cohort) if e.trainee_id == trainee)
    return SimpleNamespace(version=shown.version, status=shown.status,
                           enrolled_on=shown.enrolled_on,
                           level=levels.enrolment_levels(uow, cohort).get(trainee, ""))


WORKERS = {"A": 40, "B": 50}
PATHS = {
    "enterprise": WritePath(
        _enterprise, lambda u, k: enterprises.get_enterprise(u, k),
        lambda u, k, r, m, v: enterprises.update_enterprise(
            u, k, enterprises.EnterpriseForm(r.name, address=f"冶金路{m}号"), v),
        lambda r: r.address, enterprises.delete_enterprise),
    "venue": WritePath(
        _venue, enterprises.get_venue,
        lambda u, k, r, m, v: enterprises.update_venue(
            u, k, enterprises.VenueForm(r.name, r.enterprise_id, f"东门{m}", 40), v),
        lambda r: r.address, enterprises.delete_venue),
    "lecturer": WritePath(
        lambda u: lecturers.create_lecturer(u, lecturers.LecturerForm(
            "王建国", "model_trainer")).id,
        lambda u, k: lecturers.get_lecturer(u, k),
        lambda u, k, r, m, v: lecturers.update_lecturer(u, k, lecturers.LecturerForm(
            r.name, "model_trainer", employer=f"新钢{m}厂"), v),
        lambda r: r.employer, lecturers.delete_lecturer),
    "theme": WritePath(
        _theme, courses.get_theme,
        lambda u, k, r, m, v: courses.update_theme(u, k, courses.ThemeForm(
            r.name, description=m), v),
        lambda r: r.description, courses.delete_theme),
    "course": WritePath(
        _course, courses.get_course,
        lambda u, k, r, m, v: courses.update_course(u, k, courses.CourseForm(
            r.theme_id, f"有限空间作业{m}"), v),
        lambda r: r.title, courses.delete_course),
    "trainee": WritePath(
        lambda u: trainees.create_trainee(u, trainees.TraineeForm("欧阳䶮", ID)).id,
        trainees.get_trainee,
        lambda u, k, r, m, v: trainees.update_trainee(u, k, trainees.TraineeForm(
            r.name, ID, post=f"焊工{m}"), v),
        lambda r: r.post, trainees.delete_trainee),
    "request": WritePath(
        _request, requests.get_request,
        lambda u, k, r, m, v: requests.update_request(u, k, requests.TrainingRequestForm(
            r.enterprise_id, r.course_id, WORKERS[m], r.window_start, r.window_end), v),
        lambda r: r.workers, requests.delete_request),
    "request status": WritePath(
        _request, requests.get_request,
        lambda u, k, r, m, v: requests.set_request_status(
            u, k, {"A": "planned", "B": "done"}[m], v),
        lambda r: r.status),
    "enrolment level": WritePath(
        _enrolment, _read_enrolment,
        lambda u, k, r, m, v: levels.set_enrolment_level(u, *k, f"初级{m}", v),
        lambda r: r.level,
        lambda u, k, v: enrolment.withdraw_trainee(u, *k, v),
        lambda u, k: _read_enrolment(u, k).status == "withdrawn"),
    "enrolment date": WritePath(
        _enrolment, _read_enrolment,
        lambda u, k, r, m, v: enrolment.set_enrolled_on(
            u, *k, D(2026, 9, {"A": 8, "B": 9}[m]), v),
        lambda r: r.enrolled_on),
}


@pytest.fixture
def two_desks(db_url):
    """Desk A (李干事) and desk B (王管理), each with its own engine on one database."""
    first = open_database(db_url)
    create_organization(UnitOfWork(first), "新余市总工会", "新余总工会", "XYZGH")
    staff = make_staff(first)
    second = open_database(db_url)
    yield UnitOfWork(first, user=staff.officer), UnitOfWork(second, user=staff.admin)
    first.dispose()
    second.dispose()


def _assert_the_sentence(error: StaleEditError) -> None:
    assert error.updated_by == "李干事"
    zh, en = error.message("zh"), error.message("en")
    assert "被 李干事 修改" in zh and zh.endswith("请重新打开后再保存。"), zh
    assert "was changed by 李干事 at" in en, en


@pytest.mark.parametrize("name", PATHS)
def test_a_stale_save_is_refused_and_the_fresh_one_accepted(two_desks, name):
    path, (desk_a, desk_b) = PATHS[name], two_desks
    key = path.make(desk_a)
    shown_a, shown_b = path.read(desk_a, key), path.read(desk_b, key)
    path.write(desk_a, key, shown_a, "A", shown_a.version)
    saved_a = path.read(desk_a, key)
    with pytest.raises(StaleEditError) as info:
        path.write(desk_b, key, shown_b, "B", shown_b.version)
    _assert_the_sentence(info.value)
    now = path.read(desk_b, key)
    assert path.value(now) == path.value(saved_a) and now.version == saved_a.version  # kept
    with pytest.raises(TypeError):  # no version is not "do not check"
        path.write(desk_b, key, now, "B", None)
    path.write(desk_b, key, now, "B", now.version)
    final = path.read(desk_a, key)
    assert path.value(final) != path.value(saved_a) and final.version == now.version + 1


@pytest.mark.parametrize("name", [n for n, p in PATHS.items() if p.remove])
def test_a_stale_delete_is_refused_and_the_fresh_one_accepted(two_desks, name):
    path, (desk_a, desk_b) = PATHS[name], two_desks
    removed = path.removed or _gone(path.read)
    key = path.make(desk_a)
    shown_a, shown_b = path.read(desk_a, key), path.read(desk_b, key)
    path.write(desk_a, key, shown_a, "A", shown_a.version)
    saved_a = path.read(desk_a, key)
    with pytest.raises(StaleEditError) as info:
        path.remove(desk_b, key, shown_b.version)
    _assert_the_sentence(info.value)
    assert not removed(desk_b, key)
    assert path.value(path.read(desk_b, key)) == path.value(saved_a)
    path.remove(desk_b, key, path.read(desk_b, key).version)
    assert removed(desk_a, key)
