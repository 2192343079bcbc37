"""The demo scenario: enough believable data, valid identifiers, reproducible, all or nothing."""
from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from trainer.db.migrate import open_database
from trainer.texts import LECTURER_CATEGORIES
from trainer.rules.credit_code import normalise_credit_code
from trainer.rules.id_number import parse_id_number
from trainer.rules.phone import normalise_mobile
from trainer.rules.pinyin import pinyin_initials
from trainer.services import demo
from trainer.services.courses import list_courses, list_themes
from trainer.services.enterprises import (EnterpriseForm, count_enterprises, create_enterprise,
                                          list_enterprises, list_venues)
from trainer.services.lecturers import list_lecturers
from trainer.services.organizations import list_organizations
from trainer.services.requests import DAY_PERIODS, count_requests, list_requests
from trainer.services.trainees import count_trainees, list_trainees
from trainer.services.uow import UnitOfWork

XINYU_DISTRICTS = {"渝水区", "分宜县", "仙女湖区", "高新技术产业开发区", "孔目江生态经济区"}
START = dt.date(2027, 1, 1)


def test_quarter_after():
    assert demo.quarter_after(dt.date(2026, 11, 29)) == dt.date(2027, 1, 1)
    assert demo.quarter_after(dt.date(2026, 1, 1)) == dt.date(2026, 4, 1)
    assert demo.quarter_after(dt.date(2026, 9, 30)) == dt.date(2026, 10, 1)


def test_demo_content(uow):
    summary = demo.load_demo(uow)
    start, end = summary.quarter_start, summary.quarter_end
    assert start == demo.quarter_after(dt.date.today())
    assert end == demo.quarter_after(start) - dt.timedelta(days=1)
    assert not summary.organization_created
    assert (summary.themes, summary.enterprises, summary.lecturers) >= (4, 30, 12)
    assert summary.trainees >= 600 and 30 <= summary.requests <= 50
    assert 1 <= summary.training_centres <= 2

    courses = Counter(c.theme_name for c in list_courses(uow))
    assert {t.name for t in list_themes(uow)} == set(courses)
    assert min(courses.values()) >= 3 and sum(courses.values()) == summary.courses
    for course in list_courses(uow):
        assert 1 <= course.lesson_count <= 8 and course.lesson_minutes in (90, 120, 180)
        assert course.pass_mark in (None, 60, 70)

    enterprises = list_enterprises(uow, reveal=True)
    assert len(enterprises) == count_enterprises(uow) == summary.enterprises
    for ent in enterprises:
        assert normalise_credit_code(ent.credit_code) == ent.credit_code
        assert ent.district in XINYU_DISTRICTS and ent.industry and ent.headcount > 0
        assert ent.contact_name and normalise_mobile(ent.contact_phone)
        workshops = list_venues(uow, ent.id)
        assert 1 <= len(workshops) <= 3
        assert all(30 <= v.capacity <= 80 for v in workshops)
    assert len({e.industry for e in enterprises}) >= 8
    centres = list_venues(uow, training_centres=True)
    assert len(centres) == summary.training_centres
    assert len(list_venues(uow)) == summary.workshops + summary.training_centres

    lecturers = list_lecturers(uow, reveal=True)
    assert {lec.category for lec in lecturers} == set(LECTURER_CATEGORIES)
    fees = {lec.category: lec.hourly_fee for lec in lecturers}
    assert fees["national_senior"] > fees["model_trainer"] > fees["skilled_technician"] > 0
    assert all(lec.theme_ids and normalise_mobile(lec.mobile) for lec in lecturers)
    away = [u for lec in lecturers for u in lec.unavailable]
    assert away and all(start <= u.start <= u.end <= end for u in away)

    trainees = list_trainees(uow)
    assert len(trainees) == count_trainees(uow) == summary.trainees
    assert len({t.id_number for t in trainees}) == len(trainees)
    for t in trainees:
        info = parse_id_number(t.id_number, t.gender)
        assert info.birth_date == t.birth_date and 1966 <= t.birth_date.year <= 2004
        assert normalise_mobile(t.mobile) == t.mobile and t.post and t.enterprise_id
    assert sum(t.id_number.startswith(("360502", "360521")) for t in trainees) > len(trainees) / 2
    categories = Counter(t.category for t in trainees)
    assert categories.most_common(1)[0][0] == "regular"
    assert {"migrant", "in_difficulty", "gig"} <= set(categories)
    assert len({t.enterprise_id for t in trainees}) == summary.enterprises

    requests = list_requests(uow)
    assert len(requests) == count_requests(uow) == summary.requests
    assert any(r.blackout_dates for r in requests)
    for r in requests:
        assert start <= r.window_start <= r.window_end <= end
        assert set(r.weekdays) <= set("1234567") and set(r.periods) <= set(DAY_PERIODS)
        assert all(r.window_start <= d <= r.window_end for d in r.blackout_dates)
        assert 1 <= r.workers <= 200 and r.status in ("open", "cancelled")

    # staff search by pinyin initials
    assert [e.name for e in list_enterprises(uow, "xyyptg")] == ["新余渝磐特钢制品有限公司"]
    assert "新余渝磐特钢制品有限公司" in {r.enterprise_name for r in list_requests(uow, "xyyp")}
    for trainee in list_trainees(uow, limit=5, offset=300):
        found = list_trainees(uow, pinyin_initials(trainee.name))
        assert trainee.id in {t.id for t in found}
    lecturer = list_lecturers(uow, "xwh")  # 熊文华
    assert [lec.name for lec in lecturer] == ["熊文华"]


def _snapshot(uow: UnitOfWork) -> dict:
    return {
        "enterprises": sorted((e.name, e.credit_code, e.contact_name, e.contact_phone,
                               e.headcount, e.address) for e in list_enterprises(uow, reveal=True)),
        "trainees": sorted((t.id_number, t.name, t.mobile, t.enterprise_name, t.post, t.category)
                           for t in list_trainees(uow)),
        "requests": sorted((r.enterprise_name, r.course_title, r.workers, r.window_start,
                            r.window_end, r.weekdays, r.periods, r.blackout_dates, r.priority)
                           for r in list_requests(uow)),
        "lecturers": sorted((lec.name, lec.mobile, lec.unavailable)
                            for lec in list_lecturers(uow, reveal=True)),
    }


def test_same_seed_gives_same_data_and_creates_the_office(uow, tmp_path):
    first = demo.load_demo(uow, seed=7, start=START)
    fresh = open_database(f"sqlite:///{(tmp_path / 'second.db').as_posix()}")
    try:
        empty = UnitOfWork(fresh)  # no union office yet: the demo makes 新余市总工会
        second = demo.load_demo(empty, seed=7, start=START)
        assert second.organization_created and not first.organization_created
        assert [o.name for o in list_organizations(empty)] == ["新余市总工会"]
        assert second == first.__class__(**{**vars(first), "organization_created": True,
                                             "organization_id": second.organization_id})
        assert _snapshot(empty) == _snapshot(uow)
    finally:
        fresh.dispose()


def test_another_seed_gives_other_people(tmp_path):
    """Plain logic, so once on SQLite only."""
    ids = []
    for seed in (1, 2):
        db = open_database(f"sqlite:///{(tmp_path / f'seed{seed}.db').as_posix()}")
        try:
            unit = UnitOfWork(db)
            demo.load_demo(unit, seed=seed, start=START)
            ids.append({t.id_number for t in list_trainees(unit)})
        finally:
            db.dispose()
    assert len(ids[0] & ids[1]) < 5


def test_refuses_a_database_that_holds_data(uow):
    create_enterprise(uow, EnterpriseForm("新余某某机械有限公司"))
    before = (count_enterprises(uow), len(list_venues(uow)), len(list_courses(uow)),
              count_trainees(uow), count_requests(uow))
    with pytest.raises(demo.DemoNotEmptyError) as info:
        demo.load_demo(uow)
    assert info.value.counts["enterprise"] == 1
    assert "企业 1 条" in info.value.message("zh") and "1 enterprise" in info.value.message("en")
    after = (count_enterprises(uow), len(list_venues(uow)), len(list_courses(uow)),
             count_trainees(uow), count_requests(uow))
    assert after == before == (1, 0, 0, 0, 0)


def test_all_or_nothing(uow, monkeypatch):
    calls = []

    def failing_create_request(unit, form):
        calls.append(form)
        raise RuntimeError("disk full")

    monkeypatch.setattr(demo, "create_request", failing_create_request)
    with pytest.raises(RuntimeError):
        demo.load_demo(uow, start=START)
    assert calls  # it got as far as the requests, after everything else
    assert (count_enterprises(uow), count_trainees(uow), len(list_courses(uow)),
            len(list_lecturers(uow)), len(list_venues(uow))) == (0, 0, 0, 0, 0)
    monkeypatch.undo()
    assert demo.load_demo(uow, start=START).enterprises >= 30  # and can then be loaded
