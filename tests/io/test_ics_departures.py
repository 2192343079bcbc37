"""Lessons that leave a calendar (issue 15): deleted, given to another lecturer, cancelled — the
old holder's next .ics sends each with its UID, a higher SEQUENCE and STATUS:CANCELLED, read back
by two independent parsers (the icalendar package and ical.js through node)."""
from __future__ import annotations

import datetime as dt

from icalendar import Calendar

from tests.ical_js import read_events
from tests.scenarios.schedule_scenario import build
from trainer.io.ics import export_enterprise_ics, export_lecturer_ics, lesson_uid, office_uuid
from trainer.services import schedule as sc

D = dt.date
UTC = dt.timezone.utc


def _by_uid(path) -> dict[str, dict]:
    """icalendar's reading: uid → (sequence, status, start in UTC)."""
    cal = Calendar.from_ical(path.read_bytes())
    return {str(e["uid"]): {"sequence": int(e["sequence"]), "status": str(e["status"]),
                            "start": e.decoded("dtstart").astimezone(UTC),
                            "dtstamp": e.decoded("dtstamp")}
            for e in cal.walk("VEVENT")}


def _ical_js(*paths) -> list[dict[str, dict]]:
    return [{e["uid"]: e for e in events} for events in read_events(*paths)]


def _utc(date: dt.date, hour: int, minute: int) -> str:  # Shanghai is UTC+8 all year
    return dt.datetime(date.year, date.month, date.day, hour - 8, minute,
                       tzinfo=UTC).isoformat().replace("+00:00", ".000Z")


def test_a_lesson_given_away_cancelled_and_deleted_leaves_the_old_calendars(uow, tmp_path):
    world = build(uow)
    big, small = sc.create_classes(uow, world.request_big), sc.create_classes(
        uow, world.request_small)
    form = sc.LessonForm
    a = sc.add_lesson(uow, form(big[0].id, D(2026, 10, 13), "morning", lecturer_id=world.wang,
                                venue_id=world.workshop))
    b = sc.add_lesson(uow, form(small[0].id, D(2026, 10, 15), "afternoon",
                                lecturer_id=world.wang, venue_id=world.saiwei_room))
    d = sc.add_lesson(uow, form(big[1].id, D(2026, 10, 20), "morning", lecturer_id=world.wang,
                                venue_id=world.workshop))
    wang1 = export_lecturer_ics(uow, world.wang, tmp_path / "wang1.ics").path
    xin1 = export_enterprise_ics(uow, world.xingang, tmp_path / "xin1.ics").path

    given = sc.move_lesson(uow, a.id, D(2026, 10, 14), "morning", lecturer_id=world.li,
                           expected_version=a.version)          # moved AND to another lecturer
    cancelled = sc.cancel_lesson(uow, b.id, b.version)
    sc.delete_lesson(uow, d.id, d.version)
    wang2 = export_lecturer_ics(uow, world.wang, tmp_path / "wang2.ics")
    li2 = export_lecturer_ics(uow, world.li, tmp_path / "li2.ics").path
    xin2 = export_enterprise_ics(uow, world.xingang, tmp_path / "xin2.ics").path

    office = office_uuid(uow)
    uid_a, uid_b, uid_d = (lesson_uid(office, x.id) for x in (a, b, d))
    assert wang2.rows == 3
    for before, after in (_by_uid(wang1), _by_uid(wang2.path)), tuple(_ical_js(wang1,
                                                                               wang2.path)):
        assert set(before) == set(after) == {uid_a, uid_b, uid_d}
        for uid in (uid_a, uid_b, uid_d):
            assert before[uid]["status"] == "CONFIRMED" and after[uid]["status"] == "CANCELLED"
            assert after[uid]["sequence"] > before[uid]["sequence"]
    js_after = _ical_js(wang2.path)[0]
    assert js_after[uid_a]["start"] == _utc(D(2026, 10, 13), 8, 30)   # where wang had it
    assert js_after[uid_b]["sequence"] == cancelled.version
    assert js_after[uid_a]["dtstamp"].endswith("Z")                   # DTSTAMP in UTC
    stamp = _by_uid(wang2.path)[uid_a]["dtstamp"]
    assert abs(stamp - dt.datetime.now(UTC)) < dt.timedelta(minutes=5)

    li = _ical_js(li2)[0]    # the new lecturer has it, confirmed, at the new time
    assert li[uid_a]["status"] == "CONFIRMED" and li[uid_a]["sequence"] == given.version
    assert li[uid_a]["start"] == _utc(D(2026, 10, 14), 8, 30)
    xin_before, xin_after = _ical_js(xin1, xin2)   # the class's enterprise: d deleted
    assert xin_before[uid_d]["status"] == "CONFIRMED"
    assert xin_after[uid_d]["status"] == "CANCELLED"
    assert xin_after[uid_d]["sequence"] > xin_before[uid_d]["sequence"]
    assert xin_after[uid_a]["status"] == "CONFIRMED"               # still the enterprise's


def test_a_lesson_given_back_is_sent_once_confirmed(uow, tmp_path):
    world = build(uow)
    big = sc.create_classes(uow, world.request_big)
    a = sc.add_lesson(uow, sc.LessonForm(big[0].id, D(2026, 10, 13), "morning",
                                         lecturer_id=world.wang, venue_id=world.workshop))
    away = sc.move_lesson(uow, a.id, a.date, "morning", lecturer_id=world.li,
                          expected_version=a.version)
    back = sc.move_lesson(uow, a.id, a.date, "afternoon", lecturer_id=world.wang,
                          expected_version=away.version)
    wang, li = _ical_js(export_lecturer_ics(uow, world.wang, tmp_path / "w.ics").path,
                        export_lecturer_ics(uow, world.li, tmp_path / "l.ics").path)
    uid = lesson_uid(office_uuid(uow), a.id)
    assert list(wang) == [uid] and wang[uid]["status"] == "CONFIRMED"
    assert wang[uid]["sequence"] == back.version
    assert li[uid]["status"] == "CANCELLED" and li[uid]["sequence"] == back.version


def test_a_deleted_lessons_id_and_uid_are_never_given_again(uow):
    world = build(uow)
    big = sc.create_classes(uow, world.request_big)
    form = sc.LessonForm(big[0].id, D(2026, 10, 13), "morning", lecturer_id=world.wang)
    newest = sc.add_lesson(uow, form)
    sc.delete_lesson(uow, newest.id, newest.version)
    assert sc.add_lesson(uow, form).id > newest.id
