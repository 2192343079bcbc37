"""Calendar files (.ics, RFC 5545) of the schedule: one per lecturer (their teaching) and one per
enterprise (lessons of its classes and lessons in its workshops), for phones and Outlook.

Each lesson is one event in Asia/Shanghai time. Its UID is stable and unique in the world (the
office's UUID, made once per database, and the lesson id), and its SEQUENCE is the lesson's
version (it grows with every change), so importing a newer file moves the event instead of
adding a second one; a cancelled lesson is sent with STATUS:CANCELLED, so calendars drop it, and
so is a lesson that left the calendar — deleted, given to another lecturer, moved to another
enterprise's workshop (services/lesson_departures.py) — with a SEQUENCE above the last one sent.
Summary: course · class; location: venue and address; description: the lecturer, the lesson's
number and the enterprise's contact.

An online lesson is written the way meeting programs write their invitations: LOCATION the
platform and the link or meeting number (腾讯会议：https://meeting.tencent.com/dm/…), the
description's first lines the same again (入会链接 / 会议号), and — when the link is a web
address — URL and RFC 7986 CONFERENCE, which phones and Outlook turn into a "join" button."""
from __future__ import annotations

import datetime as dt
import os
import uuid
from pathlib import Path
from typing import Mapping, Sequence
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, Timezone, TimezoneStandard

from trainer import __version__
from trainer.files import atomic_output
from trainer.io.list_export import ExportResult
from trainer.texts import language
from trainer.rules.statuses import LessonStatus
from trainer.services.lesson_departures import DepartureRecord
from trainer.services.reports.lesson_calendar import calendar_lessons
from trainer.services.schedule import LessonRecord
from trainer.services.settings import setting_made_once
from trainer.services.uow import UnitOfWork

TIMEZONE = "Asia/Shanghai"
_ZONE = ZoneInfo(TIMEZONE)


def lesson_uid(office: str, lesson_id: int) -> str:
    """The same lesson always has the same UID, whoever exports it and however often; lessons
    of two offices' databases never share one (`office`: office_uuid)."""
    return f"lesson-{lesson_id}.{office}@factory-classroom"


def office_uuid(uow: UnitOfWork) -> str:
    """This database's office UUID, made once on first use and kept in the settings table."""
    return setting_made_once(uow, "office.uuid", lambda: str(uuid.uuid4()))


def _timezone() -> Timezone:
    """China Standard Time, UTC+8 all year (no daylight saving since 1991)."""
    zone = Timezone()
    zone.add("tzid", TIMEZONE)
    standard = TimezoneStandard()
    standard.add("dtstart", dt.datetime(1970, 1, 1))
    standard.add("tzoffsetfrom", dt.timedelta(hours=8))
    standard.add("tzoffsetto", dt.timedelta(hours=8))
    standard.add("tzname", "CST")
    zone.add_component(standard)
    return zone


def _is_web_address(link: str) -> bool:
    return link.lower().startswith(("https://", "http://")) and " " not in link


def _online_lines(lesson: LessonRecord) -> list[str]:
    zh = language() == "zh"
    meeting = lesson.online
    lines = [f"线上课：{meeting.platform}" if zh else f"Online lesson: {meeting.platform}"]
    if meeting.link:
        if _is_web_address(meeting.link):
            lines.append(f"入会链接：{meeting.link}" if zh else f"Join: {meeting.link}")
        elif meeting.link[:1].isdigit():  # a bare meeting number
            lines.append(f"会议号：{meeting.link}" if zh else f"Meeting number: {meeting.link}")
        else:  # already says what it is (会议号 123…, 直播间…)
            lines.append(meeting.link)
    return lines


def _location(lesson: LessonRecord, addresses: Mapping[int, str]) -> str:
    if lesson.online is not None:
        meeting = lesson.online
        return f"{meeting.platform}：{meeting.link}" if meeting.link else meeting.platform
    address = " ".join(a for a in (addresses.get(lesson.venue_enterprise_id or -1, ""),
                                   lesson.venue_address) if a)
    place = lesson.place or lesson.enterprise_name
    return f"{place}（{address}）" if address and language() == "zh" else (
        f"{place} ({address})" if address else place)


def _description(lesson: LessonRecord, contacts: Mapping[int, tuple[str, str]]) -> str:
    zh = language() == "zh"
    lines = _online_lines(lesson) if lesson.online is not None else []
    lines += [(f"讲师：{lesson.lecturer_name or '未定'}" if zh
              else f"Lecturer: {lesson.lecturer_name or 'not set'}"),
             (f"培训班：{lesson.class_name}（{lesson.class_code}）第 {lesson.sequence}/"
              f"{lesson.lesson_count} 次课" if zh else
              f"Class: {lesson.class_name} ({lesson.class_code}), lesson {lesson.sequence} of "
              f"{lesson.lesson_count}"),
             f"课程主题：{lesson.theme_name}" if zh else f"Theme: {lesson.theme_name}"]
    name, phone = contacts.get(lesson.enterprise_id or -1, ("", ""))
    if name or phone:
        who = " ".join(p for p in (name, phone) if p)
        lines.append(f"{lesson.enterprise_name}联系人：{who}" if zh
                     else f"Contact at {lesson.enterprise_name}: {who}")
    return "\n".join(lines)


def _departure_event(departure: DepartureRecord, office: str, stamp: dt.datetime) -> Event:
    """A lesson that left this calendar: its UID, cancelled, at its last times."""
    event = Event()
    event.add("uid", lesson_uid(office, departure.lesson_id))
    event.add("dtstamp", stamp)
    event.add("sequence", departure.sequence)
    event.add("status", "CANCELLED")
    event.add("dtstart", dt.datetime.combine(departure.date, departure.start, _ZONE))
    event.add("dtend", dt.datetime.combine(departure.date, departure.end, _ZONE))
    event.add("summary", departure.summary)
    return event


def lessons_calendar(lessons: Sequence[LessonRecord], *, name: str, office: str,
                     addresses: Mapping[int, str] = {},
                     contacts: Mapping[int, tuple[str, str]] = {},
                     departures: Sequence[DepartureRecord] = (),
                     stamp: dt.datetime | None = None) -> Calendar:
    """A calendar holding one event per lesson, and a cancelled one per lesson that left it
    (`departures`). `addresses`: enterprise id → address (of the venue's enterprise);
    `contacts`: enterprise id → (contact name, phone) of the class's."""
    cal = Calendar()
    cal.add("prodid", f"-//Factory Classroom {__version__}//课堂设在工厂//ZH")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", TIMEZONE)
    cal.add_component(_timezone())
    stamp = stamp or dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    for lesson in lessons:
        event = Event()
        event.add("uid", lesson_uid(office, lesson.id))
        event.add("dtstamp", stamp)
        event.add("sequence", lesson.version)
        event.add("status", "CANCELLED" if lesson.status == LessonStatus.cancelled else "CONFIRMED")
        event.add("dtstart", dt.datetime.combine(lesson.date, lesson.start, _ZONE))
        event.add("dtend", dt.datetime.combine(lesson.date, lesson.end, _ZONE))
        event.add("summary", f"{lesson.course_title} · {lesson.class_name}")
        event.add("location", _location(lesson, addresses))
        event.add("description", _description(lesson, contacts))
        event.add("categories", [lesson.theme_name])
        if lesson.online is not None and _is_web_address(lesson.online.link):
            event.add("url", lesson.online.link)
            event.add("conference", lesson.online.link, parameters={
                "VALUE": "URI", "FEATURE": "VIDEO", "LABEL": lesson.online.platform})
        cal.add_component(event)
    for departure in departures:
        cal.add_component(_departure_event(departure, office, stamp))
    return cal


def _write(cal: Calendar, path: str | os.PathLike) -> Path:
    target = Path(path)
    data = cal.to_ical()
    with atomic_output(target) as tmp:  # a full disk leaves no half calendar (trainer.files)
        tmp.write_bytes(data)
    return target


def _export(uow: UnitOfWork, path: str | os.PathLike, start: dt.date | None,
            end: dt.date | None, titles: tuple[str, str], **which: int) -> ExportResult:
    """The lessons `which` selects (lecturer_id= / enterprise_id=) under the record's name."""
    found = calendar_lessons(uow, start, end, **which)
    title = (titles[0] if language() == "zh" else titles[1]).format(name=found.name)
    cal = lessons_calendar(list(found.lessons), name=title, office=office_uuid(uow),
                           addresses=found.addresses, contacts=found.contacts,
                           departures=found.departures)
    return ExportResult(_write(cal, path), len(found.lessons) + len(found.departures))


def export_lecturer_ics(uow: UnitOfWork, lecturer_id: int, path: str | os.PathLike,
                        start: dt.date | None = None, end: dt.date | None = None) -> ExportResult:
    """The lecturer's lessons (from `start` to `end`, else all) as an .ics file."""
    return _export(uow, path, start, end,
                   ("{name} 授课安排", "{name}: teaching schedule"), lecturer_id=lecturer_id)


def export_enterprise_ics(uow: UnitOfWork, enterprise_id: int, path: str | os.PathLike,
                          start: dt.date | None = None, end: dt.date | None = None) -> ExportResult:
    """The lessons of the enterprise's classes and in its workshops as an .ics file."""
    return _export(uow, path, start, end,
                   ("{name} 培训安排", "{name}: training schedule"), enterprise_id=enterprise_id)
