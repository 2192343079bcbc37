"""Online lessons (线上课) on SQLite and PostgreSQL: a lesson made online releases its room and
seats but keeps its lecturer booked (lecturer conflicts still refuse it); an online lesson
cannot be given a venue; back offline in a room; stale versions refused."""
from __future__ import annotations

import datetime as dt

import pytest

from tests.scenarios.schedule_scenario import build
from trainer.errors import ConflictError, InvalidInput, StaleEditError
from trainer.services import schedule as sc
from trainer.services.online_lessons import set_lesson_offline, set_lesson_online

D = dt.date
TUE = D(2026, 10, 13)
MEETING = "https://meeting.tencent.com/dm/Xq7bT2"


@pytest.fixture
def world(uow):
    scenario = build(uow)
    big = sc.create_classes(uow, scenario.request_big)
    return scenario, big


def add(uow, cls, date, period="morning", lecturer=None, venue=None):
    return sc.add_lesson(uow, sc.LessonForm(cls.id, date, period, lecturer_id=lecturer,
                                            venue_id=venue))


def test_online_lesson_frees_its_room_but_not_its_lecturer(uow, world):
    s, big = world
    first = add(uow, big[0], TUE, "morning", s.wang, s.workshop)
    with pytest.raises(ConflictError) as err:  # the room is taken at that half-day
        add(uow, big[1], TUE, "morning", s.li, s.workshop)
    assert [c.code for c in err.value.conflicts] == ["venue_busy"]

    online = set_lesson_online(uow, first.id, " 腾讯会议 ", MEETING, first.version)
    assert online.online.platform == "腾讯会议" and online.online.link == MEETING
    assert (online.venue_id, online.place, online.version) == (None, "腾讯会议", first.version + 1)
    other = add(uow, big[1], TUE, "morning", s.li, s.workshop)  # the room is free now
    assert other.venue_id == s.workshop and not other.has_conflicts
    with pytest.raises(ConflictError) as err:  # the lecturer is still booked
        add(uow, big[2], TUE, "morning", s.wang, s.saiwei_room)
    assert [c.code for c in err.value.conflicts] == ["lecturer_busy"]
    listed = {x.id: x for x in sc.list_lessons(uow)}
    assert listed[first.id].online.text() == f"腾讯会议 {MEETING}"
    assert listed[other.id].online is None


def test_online_lesson_uses_no_seats(uow, world):
    s, big = world
    lesson = sc.add_lesson(uow, sc.LessonForm(big[0].id, TUE, "morning", lecturer_id=s.wang,
                                              venue_id=s.small_workshop),
                           allow_conflicts=True)  # 44 in a room for 40
    assert [c.code for c in lesson.conflicts] == ["venue_capacity"]
    online = set_lesson_online(uow, lesson.id, "钉钉", "会议号 738 221 905", lesson.version)
    assert online.conflicts == ()
    assert sc.check_schedule(uow) == []


def test_online_lesson_takes_no_venue_and_goes_back_offline(uow, world):
    s, big = world
    lesson = add(uow, big[0], TUE, "morning", s.wang, s.workshop)
    online = set_lesson_online(uow, lesson.id, "腾讯会议", "", lesson.version)
    moved = sc.move_lesson(uow, lesson.id, D(2026, 10, 14), "afternoon",
                           expected_version=online.version)  # a move keeps it online
    assert moved.online.platform == "腾讯会议" and moved.venue_id is None
    with pytest.raises(InvalidInput) as err:
        sc.move_lesson(uow, lesson.id, D(2026, 10, 14), "afternoon", venue_id=s.workshop,
                       expected_version=moved.version)
    assert err.value.message("zh") == "培训地点不能用于线上课（线上课不占教室）"
    with pytest.raises(StaleEditError):
        set_lesson_offline(uow, lesson.id, s.workshop, online.version)
    back = set_lesson_offline(uow, lesson.id, s.workshop, moved.version)
    assert back.online is None and back.venue_id == s.workshop and back.place == "新钢公司一车间"


def test_platform_is_required_and_nothing_changes(uow, world):
    s, big = world
    lesson = add(uow, big[0], TUE, "morning", s.wang, s.workshop)
    with pytest.raises(InvalidInput) as err:
        set_lesson_online(uow, lesson.id, "  ", "x" * 301, lesson.version)
    assert [e.field for e in err.value.errors] == ["online_platform", "online_link"]
    assert "线上平台不能为空" in err.value.message("zh")
    assert sc.get_lesson(uow, lesson.id).venue_id == s.workshop
