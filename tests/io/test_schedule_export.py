"""Schedule exports: .ics per lecturer and per enterprise read back with icalendar, and the
schedule workbook read back with openpyxl."""
from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar
from openpyxl import load_workbook

from tests.scenarios.schedule_scenario import build
from trainer.io.ics import (export_enterprise_ics, export_lecturer_ics, lesson_uid,
                             office_uuid)
from trainer.errors import StaleEditError
from trainer.files import OutputError
from trainer.io.schedule_export import export_schedule
from trainer.services import schedule as sc

D, T = dt.date, dt.time
SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def chinese(monkeypatch):
    monkeypatch.setattr("trainer.texts.current._language", "zh")


@pytest.fixture
def lessons(uow):
    world = build(uow)
    big = sc.create_classes(uow, world.request_big)
    small = sc.create_classes(uow, world.request_small)
    a = sc.add_lesson(uow, sc.LessonForm(big[0].id, D(2026, 10, 13), "morning",
                                         lecturer_id=world.wang, venue_id=world.workshop))
    b = sc.add_lesson(uow, sc.LessonForm(small[0].id, D(2026, 10, 15), "afternoon",
                                         lecturer_id=world.wang, venue_id=world.saiwei_room))
    c = sc.add_lesson(uow, sc.LessonForm(big[1].id, D(2026, 10, 16), "morning",
                                         lecturer_id=world.li, venue_id=world.workshop))
    return world, (a, b, c)


def _events(path):
    cal = Calendar.from_ical(path.read_bytes())
    return cal, sorted(cal.walk("VEVENT"), key=lambda e: e.decoded("dtstart"))


def test_lecturer_ics_read_back(uow, lessons, tmp_path, chinese):
    world, (a, b, c) = lessons
    result = export_lecturer_ics(uow, world.wang, tmp_path / "wang.ics")
    assert result.rows == 2
    cal, events = _events(result.path)
    assert str(cal["x-wr-calname"]) == "王建国 授课安排"
    assert [str(z["tzid"]) for z in cal.walk("VTIMEZONE")] == ["Asia/Shanghai"]
    first, second = events
    assert str(first["uid"]) == lesson_uid(office_uuid(uow), a.id)
    assert first.decoded("dtstart") == dt.datetime(2026, 10, 13, 8, 30, tzinfo=SHANGHAI)
    assert first.decoded("dtend") == dt.datetime(2026, 10, 13, 10, 30, tzinfo=SHANGHAI)
    assert first.decoded("dtstart").utcoffset() == dt.timedelta(hours=8)
    assert str(first["summary"]) == "安全生产法与岗位安全责任 · 新钢公司安全生产法与岗位安全责任1班"
    assert str(first["location"]) == "新钢公司一车间（渝水区冶金路1号 厂区东门）"
    description = str(first["description"])
    assert "讲师：王建国" in description and "新钢公司联系人：刘伟 13907901234" in description
    assert "第 1/3 次课" in description
    assert str(second["location"]) == "赛维公司培训室（高新区赛维大道8号 办公楼三楼）"
    assert int(first["sequence"]) == a.version


def test_uid_stable_and_sequence_follows_moves(uow, lessons, tmp_path):
    world, (a, _b, _c) = lessons
    before = _events(export_lecturer_ics(uow, world.wang, tmp_path / "1.ics").path)[1]
    moved = sc.move_lesson(uow, a.id, D(2026, 10, 14), "afternoon", expected_version=a.version)
    after = _events(export_lecturer_ics(uow, world.wang, tmp_path / "2.ics").path)[1]
    assert {str(e["uid"]) for e in before} == {str(e["uid"]) for e in after}
    event = next(e for e in after if str(e["uid"]) == lesson_uid(office_uuid(uow), a.id))
    assert int(event["sequence"]) == moved.version > a.version
    assert event.decoded("dtstart") == dt.datetime(2026, 10, 14, 14, 0, tzinfo=SHANGHAI)


def test_enterprise_ics_and_date_range(uow, lessons, tmp_path):
    world, (a, b, c) = lessons
    result = export_enterprise_ics(uow, world.xingang, tmp_path / "xg.ics")
    uids = [str(e["uid"]) for e in _events(result.path)[1]]
    assert uids == [lesson_uid(office_uuid(uow), i) for i in (a.id, c.id)]
    ranged = export_enterprise_ics(uow, world.xingang, tmp_path / "xg2.ics",
                                   start=D(2026, 10, 14), end=D(2026, 10, 31))
    assert ranged.rows == 1
    (tmp_path / "a-file").write_text("")  # a file where the folder should be
    with pytest.raises(OutputError) as err:
        export_lecturer_ics(uow, world.wang, tmp_path / "a-file" / "x.ics")
    assert "Cannot write" in err.value.message("en") or "cannot be made" in err.value.message("en")


def test_schedule_workbook(uow, lessons, tmp_path, chinese):
    world, (a, b, c) = lessons
    sc.move_lesson(uow, c.id, D(2026, 10, 15), "afternoon", venue_id=world.saiwei_room,
                   expected_version=c.version, allow_conflicts=True)
    result = export_schedule(uow, tmp_path / "schedule.xlsx")
    assert result.rows == 3
    sheet = load_workbook(result.path).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:8] == ("日期", "星期", "时段", "开始", "结束", "班级编号", "培训班", "课次")
    assert rows[1][0] == dt.datetime(2026, 10, 13) and sheet["A2"].number_format == "yyyy-mm-dd"
    assert rows[1][1:5] == ("周二", "上午", "08:30", "10:30")
    assert rows[1][7] == "1/3" and rows[1][10] == "王建国" and rows[1][12] == "新钢公司一车间"
    assert rows[1][15] in (None, "")
    clash = [r for r in rows[1:] if r[15]]
    assert len(clash) == 2 and all("赛维公司培训室" in r[15] for r in clash)
    only_li = export_schedule(uow, tmp_path / "li.xlsx", lecturer_id=world.li)
    assert only_li.rows == 1


def test_schedule_workbook_headers_in_english(uow, lessons, tmp_path, monkeypatch):
    monkeypatch.setattr("trainer.texts.current._language", "en")
    sheet = load_workbook(export_schedule(uow, tmp_path / "s.xlsx").path).active
    assert [c.value for c in sheet[1]][:3] == ["date", "weekday", "time of day"]
    assert sheet["C2"].value == "morning"


def test_a_moved_and_a_cancelled_lesson_update_the_lecturers_calendar(uow, lessons, tmp_path):
    """Re-exported after a move and a cancellation, read by the icalendar package: the same
    UIDs, a higher SEQUENCE for both, the cancelled one STATUS:CANCELLED (not left out)."""
    world, (a, b, _c) = lessons
    before = {str(e["uid"]): e for e in _events(
        export_lecturer_ics(uow, world.wang, tmp_path / "1.ics").path)[1]}
    moved = sc.move_lesson(uow, a.id, D(2026, 10, 14), "afternoon", expected_version=a.version)
    shown = sc.get_lesson(uow, b.id)
    cancelled = sc.cancel_lesson(uow, b.id, shown.version)
    assert cancelled.status == "cancelled" and b.id not in {x.id for x in sc.list_lessons(uow)}
    result = export_lecturer_ics(uow, world.wang, tmp_path / "2.ics")
    after = {str(e["uid"]): e for e in _events(result.path)[1]}
    assert set(after) == set(before) and len(after) == 2 == result.rows
    uid_a, uid_b = lesson_uid(office_uuid(uow), a.id), lesson_uid(office_uuid(uow), b.id)
    assert int(after[uid_a]["sequence"]) == moved.version > int(before[uid_a]["sequence"])
    assert int(after[uid_b]["sequence"]) == cancelled.version > int(before[uid_b]["sequence"])
    assert (str(before[uid_b]["status"]), str(after[uid_b]["status"])) == ("CONFIRMED",
                                                                           "CANCELLED")
    assert str(after[uid_a]["status"]) == "CONFIRMED"
    stamp = after[uid_a].decoded("dtstamp")
    assert stamp.utcoffset() == dt.timedelta(0)
    assert abs(stamp - dt.datetime.now(dt.timezone.utc)) < dt.timedelta(minutes=5)
    with pytest.raises(StaleEditError):  # cancelling carries the version too
        sc.cancel_lesson(uow, a.id, a.version)


def test_two_offices_databases_never_share_a_uid(uow, tmp_path):
    """Both databases number their office 1 and their first lesson 1: the UUID keeps them apart,
    and it stays the same for the life of the database."""
    from trainer.db.migrate import open_database
    from trainer.services.organizations import create_organization
    from trainer.services.uow import UnitOfWork

    other_db = open_database(f"sqlite:///{(tmp_path / 'other.db').as_posix()}")
    other = UnitOfWork(other_db)
    create_organization(other, "分宜县总工会")
    mine, theirs = office_uuid(uow), office_uuid(other)
    assert mine != theirs and office_uuid(uow) == mine and office_uuid(other) == theirs
    assert uow.organization_id == other.organization_id
    assert lesson_uid(mine, 1) != lesson_uid(theirs, 1)
    other_db.dispose()
