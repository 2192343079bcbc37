"""Documents of online lessons, read back: the timetable prints the platform and the whole link,
the .ics event carries LOCATION/URL/CONFERENCE/DESCRIPTION as meeting invitations do, the
sign-in sheet of an online lesson is refused with a sentence saying why (and the class archive
prints sheets for the lessons in a room only)."""
from __future__ import annotations

import datetime as dt
import io

import pytest
from icalendar import Calendar

from tests.scenarios.pdf_scenario import make_class
from tests.pdf_reading import all_fonts_embedded, page_texts, text
from trainer.cli import main
from trainer.errors import PdfError
from trainer.io.ics import export_lecturer_ics
from trainer.pdf.archives import build_class_archive
from trainer.pdf.schedules import build_schedule
from trainer.pdf.signin import build_signin_sheet
from trainer.services.online_lessons import set_lesson_online
from trainer.services.schedule import get_lesson

LINK = "https://meeting.tencent.com/dm/Xq7bT2mLk9Pz"


@pytest.fixture
def scenario(uow):
    """Three lessons (12, 14, 16 Oct 2026); the second on 腾讯会议 with a link, the third on 钉钉
    with a meeting number only."""
    cls = make_class(uow, trainees=6, lessons=3, start=dt.date(2026, 10, 12), attendance=False)
    second, third = (get_lesson(uow, i) for i in cls.lesson_ids[1:])
    set_lesson_online(uow, second.id, "腾讯会议", LINK, second.version)
    set_lesson_online(uow, third.id, "钉钉", "会议号 738 221 905", third.version)
    return cls


def test_timetable_prints_the_platform_and_the_link(uow, scenario):
    buffer = io.BytesIO()
    build_schedule(uow, buffer, week=dt.date(2026, 10, 14))
    assert all_fonts_embedded(buffer.getvalue())
    body = text(buffer.getvalue())
    assert f"线上：腾讯会议{LINK}" in body  # the lesson list: the whole link, nothing cut
    assert "线上：钉钉会议号738221905" in body
    assert "线上·腾讯会议" in page_texts(buffer.getvalue())[0].replace(" ", "")  # the week cell
    assert "炼钢车间培训室" in body  # the first lesson is still in its room


def test_calendar_event_of_an_online_lesson(uow, scenario, tmp_path, monkeypatch):
    monkeypatch.setattr("trainer.texts.current._language", "zh")
    path = export_lecturer_ics(uow, scenario.lecturer_id, tmp_path / "lecturer.ics").path
    events = sorted(Calendar.from_ical(path.read_bytes()).walk("VEVENT"),
                    key=lambda e: e.decoded("dtstart"))
    room, tencent, dingtalk = events
    assert "炼钢车间培训室" in str(room["location"]) and "url" not in room
    assert str(tencent["location"]) == f"腾讯会议：{LINK}"
    assert str(tencent["url"]) == LINK
    conference = tencent["conference"]
    assert str(conference) == LINK and conference.params["FEATURE"] == "VIDEO"
    assert conference.params["LABEL"] == "腾讯会议" and conference.params["VALUE"] == "URI"
    assert str(tencent["description"]).startswith(f"线上课：腾讯会议\n入会链接：{LINK}\n讲师：黎建国")
    assert str(dingtalk["location"]) == "钉钉：会议号 738 221 905"
    assert "url" not in dingtalk and "conference" not in dingtalk  # not a web address
    assert str(dingtalk["description"]).startswith("线上课：钉钉\n会议号 738 221 905\n讲师：")


def test_no_sign_in_sheet_for_an_online_lesson(uow, scenario):
    room, online, _ = scenario.lesson_ids
    buffer = io.BytesIO()
    assert build_signin_sheet(uow, room, buffer).pages == 1
    with pytest.raises(PdfError) as err:
        build_signin_sheet(uow, online, io.BytesIO())
    assert err.value.message("zh") == ("第 2 次课是线上课（腾讯会议），不用签到表：线上学习以平台导出的"
                                       "学习时长为准（考勤页“导入线上学时”）。")
    assert "Lesson 2 is an online lesson (腾讯会议)" in err.value.message("en")
    archive = io.BytesIO()
    build_class_archive(uow, scenario.cohort_id, archive)
    body = text(archive.getvalue())
    assert body.count("培训签到表") == 1  # the one lesson in a room
    assert f"线上：腾讯会议{LINK}" in body


def test_cli_sign_in_sheet_of_an_online_lesson(uow, scenario, db_url, tmp_path, capsys):
    out = tmp_path / "sheet.pdf"
    code = main(["pdf", "signin", "--db", db_url, "--lesson", str(scenario.lesson_ids[1]),
                 "--out", str(out), "--lang", "zh"])
    _, err = capsys.readouterr()
    assert code == 1 and "第 2 次课是线上课（腾讯会议），不用签到表" in err
    assert not out.exists()
