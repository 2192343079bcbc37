"""Training requests (培训需求): create, list, edit with optimistic locking, delete refusal."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from trainer.db.models import Cohort
from trainer.errors import InUseError, InvalidInput, NotFoundError, StaleEditError
from trainer.services import requests as rq
from trainer.services.courses import CourseForm, create_course, list_themes
from trainer.services.enterprises import EnterpriseForm, create_enterprise
from trainer.services.organizations import create_organization
from trainer.services.uow import UnitOfWork

D = dt.date


@pytest.fixture
def refs(uow):
    """An enterprise and a course of the 安全生产 theme."""
    theme = next(t for t in list_themes(uow) if t.name == "安全生产")
    ent = create_enterprise(uow, EnterpriseForm("新余渝磐特钢制品有限公司", district="渝水区"))
    course = create_course(uow, CourseForm(theme.id, "有限空间作业安全", lesson_count=3))
    return ent, course


def form(refs, **changes) -> rq.TrainingRequestForm:
    ent, course = refs
    base = rq.TrainingRequestForm(ent.id, course.id, 40, D(2027, 1, 4), D(2027, 2, 26),
                                  weekdays="135", periods=("afternoon",),
                                  blackout_dates=(D(2027, 1, 15),), priority=1, notes="三班倒")
    return dataclasses.replace(base, **changes)


def errors(exc: InvalidInput) -> set[tuple[str, str]]:
    return {(e.field, e.reason) for e in exc.errors}


def test_create_and_get(uow, refs):
    ent, course = refs
    rec = rq.create_request(uow, form(refs))
    assert rec.version == 1
    assert (rec.enterprise_name, rec.course_title, rec.theme_name) == (
        "新余渝磐特钢制品有限公司", "有限空间作业安全", "安全生产")
    assert (rec.workers, rec.weekdays, rec.periods, rec.status) == (
        40, "135", ("afternoon",), "open")
    assert rec.blackout_dates == (D(2027, 1, 15),)
    assert rec.display_name == "新余渝磐特钢制品有限公司 · 有限空间作业安全"
    assert rq.get_request(uow, rec.id) == rec


def test_multi_valued_fields_are_normalised(uow, refs):
    rec = rq.create_request(uow, form(
        refs, workers="60", window_start="2027-01-04", window_end="2027年2月1日",
        weekdays="5, 3,1,3", periods="下午、morning", status="待安排", priority="",
        blackout_dates="2027-01-20,2027/1/6, 2027年1月20日"))
    assert rec.workers == 60 and rec.window_end == D(2027, 2, 1)
    assert rec.weekdays == "135"
    assert rec.periods == ("morning", "afternoon")
    assert rec.blackout_dates == (D(2027, 1, 6), D(2027, 1, 20))
    assert (rec.status, rec.priority) == ("open", 0)
    rec = rq.create_request(uow, form(refs, weekdays=(6, 7), periods=("evening", "morning"),
                                      blackout_dates=()))
    assert (rec.weekdays, rec.periods, rec.blackout_dates) == ("67", ("morning", "evening"), ())


def test_validation_reports_every_bad_field(uow, refs):
    with pytest.raises(InvalidInput) as info:
        rq.create_request(uow, form(refs, workers=0, window_start=D(2027, 3, 1),
                                    window_end=D(2027, 2, 1), weekdays="08", periods="night",
                                    blackout_dates="2027-02-30", priority=10, status="pending"))
    assert errors(info.value) == {
        ("workers", "out_of_range"), ("window_end", "date_order"), ("weekdays", "choice"),
        ("periods", "choice"), ("blackout_dates", "date_format"), ("priority", "out_of_range"),
        ("status", "choice")}
    text = info.value.message("zh")
    assert "培训人数应在 1 到 100000 之间" in text and "结束日期早于开始日期" in text
    assert "Window end is before the start date" in info.value.message("en")


@pytest.mark.parametrize("changes, expected", [
    ({"workers": 100_001}, ("workers", "out_of_range")),
    ({"workers": ""}, ("workers", "required")),
    ({"workers": "4.5"}, ("workers", "not_a_number")),
    ({"window_start": ""}, ("window_start", "required")),
    ({"weekdays": ""}, ("weekdays", "required")),
    ({"weekdays": "1a"}, ("weekdays", "choice")),
    ({"periods": ""}, ("periods", "required")),
    ({"enterprise_id": None}, ("enterprise", "required")),
    ({"course_id": None}, ("course", "required")),
    ({"notes": "x" * 2001}, ("notes", "too_long")),
])
def test_single_field_errors(uow, refs, changes, expected):
    with pytest.raises(InvalidInput) as info:
        rq.create_request(uow, form(refs, **changes))
    assert errors(info.value) == {expected}


def test_enterprise_and_course_must_belong_to_the_office(uow, refs, database):
    rec = rq.create_request(uow, form(refs))
    with pytest.raises(InvalidInput) as info:
        rq.create_request(uow, form(refs, enterprise_id=999_999, course_id=999_999))
    assert errors(info.value) == {("enterprise", "unknown"), ("course", "unknown")}

    other = create_organization(UnitOfWork(database), "分宜县总工会")
    elsewhere = UnitOfWork(database, other.id)
    with pytest.raises(NotFoundError):
        rq.get_request(elsewhere, rec.id)
    with pytest.raises(InvalidInput) as info:
        rq.create_request(elsewhere, form(refs))
    assert errors(info.value) == {("enterprise", "unknown"), ("course", "unknown")}
    assert rq.list_requests(elsewhere) == [] and rq.count_requests(elsewhere) == 0


def test_list_search_filter_and_page(uow, refs):
    ent, course = refs
    theme = next(t for t in list_themes(uow) if t.name == "职工心理健康")
    other_course = create_course(uow, CourseForm(theme.id, "职工压力管理与情绪调适"))
    other_ent = create_enterprise(uow, EnterpriseForm("江西仙湖康泰药业有限公司"))
    late = rq.create_request(uow, form(refs, window_start=D(2027, 2, 1)))
    urgent = rq.create_request(uow, form(refs, course_id=other_course.id, priority=5))
    normal = rq.create_request(uow, form(refs, enterprise_id=other_ent.id, priority=0,
                                         status="cancelled", notes="企业停产检修"))
    # earliest window first, then the most urgent
    assert [r.id for r in rq.list_requests(uow)] == [urgent.id, normal.id, late.id]
    assert [r.id for r in rq.list_requests(uow, limit=2, offset=1)] == [normal.id, late.id]
    assert rq.count_requests(uow) == 3
    assert [r.id for r in rq.list_requests(uow, "xyyp")] == [urgent.id, late.id]  # pinyin
    assert [r.id for r in rq.list_requests(uow, "康泰")] == [normal.id]
    assert [r.id for r in rq.list_requests(uow, "情绪")] == [urgent.id]
    assert [r.id for r in rq.list_requests(uow, "心理健康")] == [urgent.id]  # theme name
    assert [r.id for r in rq.list_requests(uow, "停产")] == [normal.id]  # notes
    assert [r.id for r in rq.list_requests(uow, "100%_")] == []
    assert rq.count_requests(uow, status="open") == 2
    assert rq.count_requests(uow, status=("open", "cancelled")) == 3
    assert [r.id for r in rq.list_requests(uow, status="cancelled")] == [normal.id]
    assert [r.id for r in rq.list_requests(uow, enterprise_id=other_ent.id)] == [normal.id]
    assert rq.count_requests(uow, course_id=course.id) == 2


def test_update_with_optimistic_locking(uow, refs):
    rec = rq.create_request(uow, form(refs))
    changed = rq.update_request(uow, rec.id, form(refs, workers=55, weekdays="24"), rec.version)
    assert (changed.workers, changed.weekdays, changed.version) == (55, "24", rec.version + 1)
    with pytest.raises(StaleEditError) as info:  # a second clerk still holds version 1
        rq.update_request(uow, rec.id, form(refs, workers=70), rec.version)
    assert info.value.expected == rec.version and info.value.actual == changed.version
    assert "新余渝磐特钢制品有限公司" in info.value.message("zh")
    assert rq.get_request(uow, rec.id).workers == 55
    with pytest.raises(TypeError):  # a version is required…
        rq.update_request(uow, rec.id, form(refs, workers=70), None)
    forced = rq.update_request(uow, rec.id, form(refs, workers=70), None, force=True)  # …or force
    assert forced.workers == 70
    with pytest.raises(InvalidInput):
        rq.update_request(uow, rec.id, form(refs, workers=-1), forced.version)
    with pytest.raises(NotFoundError):
        rq.update_request(uow, 999_999, form(refs), 1)


def test_set_status(uow, refs):
    rec = rq.create_request(uow, form(refs))
    planned = rq.set_request_status(uow, rec.id, "已排班", rec.version)
    assert (planned.status, planned.version) == ("planned", rec.version + 1)
    with pytest.raises(StaleEditError):
        rq.set_request_status(uow, rec.id, "done", rec.version)
    with pytest.raises(InvalidInput) as info:
        rq.set_request_status(uow, rec.id, "finished", planned.version)
    assert errors(info.value) == {("status", "choice")}


def test_delete_refused_while_a_class_refers_to_it(uow, refs):
    ent, course = refs
    rec = rq.create_request(uow, form(refs))
    with uow:
        cohort = Cohort(organization_id=uow.organization_id, course_id=course.id,
                        request_id=rec.id, enterprise_id=ent.id, code="2027-AQ-01",
                        name="渝磐特钢有限空间作业安全一班")
        uow.session.add(cohort)
    with pytest.raises(InUseError) as info:
        rq.delete_request(uow, rec.id, rec.version)
    assert info.value.references[0].entity == "cohort"
    assert info.value.references[0].examples == ("渝磐特钢有限空间作业安全一班",)
    assert "培训班" in info.value.message("zh")
    assert rq.count_requests(uow) == 1

    with uow:
        uow.session.delete(uow.session.get(Cohort, cohort.id))
    rq.delete_request(uow, rec.id, rec.version)
    with pytest.raises(NotFoundError):
        rq.get_request(uow, rec.id)
    with pytest.raises(NotFoundError):
        rq.delete_request(uow, rec.id, rec.version)


def test_allow_weekends_is_kept_and_typed_as_people_type_it(uow, refs, capsys, db_url):
    made = rq.create_request(uow, form(refs, allow_weekends="是"))
    assert made.allow_weekends and rq.get_request(uow, made.id).allow_weekends
    changed = rq.update_request(uow, made.id, form(refs, allow_weekends="否"), made.version)
    assert not changed.allow_weekends
    assert not rq.create_request(uow, form(refs)).allow_weekends  # working days by default
    with pytest.raises(InvalidInput) as err:
        rq.create_request(uow, form(refs, allow_weekends="也许"))
    assert errors(err.value) == {("allow_weekends", "choice")}
    from trainer.cli import main
    assert main(["edit", "request", str(made.id), "--allow-weekends", "yes", "--db", db_url]) == 0
    assert rq.get_request(uow, made.id).allow_weekends
