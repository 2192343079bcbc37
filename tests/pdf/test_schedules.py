"""Timetables read back: the month grid names National Day and the adjusted working day, lessons
appear with course, lecturer and lesson n/m; per lecturer and per enterprise scopes; A4
landscape; the font embedded."""
import datetime as dt
import io

import pytest

from tests.scenarios.pdf_scenario import make_class
from tests.pdf_reading import all_fonts_embedded, page_sizes, page_texts, text
from trainer.errors import NotFoundError, ValidationError
from trainer.pdf.schedules import build_schedule
from trainer.services.reports.timetable import load_timetable


@pytest.fixture
def classes(uow):
    a = make_class(uow, trainees=3, lessons=3, start=dt.date(2026, 10, 12), code="AQ-2026-01",
                   attendance=False)
    b = make_class(uow, trainees=3, lessons=2, start=dt.date(2026, 10, 13), code="XL-2026-02",
                   theme="职工心理健康", title="职工压力管理与情绪调适", lecturer="熊文华", seed=8,
                   attendance=False)
    return a, b


def test_month_timetable_shades_holidays_and_lists_every_lesson(uow, classes):
    buffer = io.BytesIO()
    result = build_schedule(uow, buffer, month=dt.date(2026, 10, 1))
    pages = page_texts(buffer.getvalue())
    assert result.pages == len(pages) >= 2
    assert set(page_sizes(buffer.getvalue())) == {(842, 595)}
    assert all_fonts_embedded(buffer.getvalue())
    grid = pages[0].replace(" ", "")
    assert "2026年10月" in grid and "国庆节" in grid and "调休上班" in grid
    assert "有限空间作业安全01" in grid and "1/3" in grid
    body = text(buffer.getvalue())
    assert "课次明细（5节）" in body and "黎建国" in body and "熊文华" in body
    assert "2026-10-12一09:00–11:00" in body


def test_lecturer_and_enterprise_scopes(uow, classes):
    buffer = io.BytesIO()
    build_schedule(uow, buffer, week=dt.date(2026, 10, 14), lecturer="熊文华")
    body = text(buffer.getvalue())
    assert "讲师熊文华" in body and "职工压力管理与情绪调适02" in body
    assert "有限空间作业安全01" not in body  # another lecturer's class
    assert "授课地点与联系人" in body and "刘海波" in body and "139****2345" in body
    assert "13979012345" not in body  # the contact's mobile is masked unless revealed
    revealed = io.BytesIO()
    build_schedule(uow, revealed, week=dt.date(2026, 10, 14), lecturer="熊文华", reveal=True)
    assert "13979012345" in text(revealed.getvalue())

    tt = load_timetable(uow, dt.date(2026, 10, 1), dt.date(2026, 10, 31),
                        enterprise="新余渝磐特钢制品有限公司01")
    assert {l.class_code for l in tt.lessons} == {"AQ-2026-01"}
    with pytest.raises(NotFoundError):
        load_timetable(uow, dt.date(2026, 10, 1), dt.date(2026, 10, 2), lecturer="无此人")
    with pytest.raises(ValidationError):  # "新余" matches two enterprises
        load_timetable(uow, dt.date(2026, 10, 1), dt.date(2026, 10, 2), enterprise="新余")


def test_week_timetable_has_the_periods_and_an_empty_week_still_prints(uow, classes):
    buffer = io.BytesIO()
    build_schedule(uow, buffer, week=dt.date(2026, 10, 1))
    first = page_texts(buffer.getvalue())[0].replace(" ", "")
    assert "2026-09-28至2026-10-04" in first and "上午" in first and "下午" in first
    assert "国庆节" in first
    assert "本期没有安排课程" in text(buffer.getvalue())
    with pytest.raises(ValidationError):
        build_schedule(uow, io.BytesIO())


def test_provisional_year_is_named_on_every_page_footer(uow, classes):
    """February 2027 before the State Council's notice: 春节 by law is shaded and named
    （推算）, and every page's footer says the year is provisional; once a notice confirms the
    year, the footer says nothing."""
    from tests.notices.official import EXAMPLE_2027
    from trainer.io.holiday_notice import parse_notice
    from trainer.services.holiday_notices import preview_notice, save_notice

    buffer = io.BytesIO()
    build_schedule(uow, buffer, month=dt.date(2027, 2, 1))
    pages = [p.replace(" ", "") for p in page_texts(buffer.getvalue())]
    assert "春节（推算）" in pages[0]
    assert all("2027年的放假安排尚未确认（按法定节日推算），以国务院通知为准" in p for p in pages)
    save_notice(uow, preview_notice(uow, parse_notice(EXAMPLE_2027)))
    buffer = io.BytesIO()
    build_schedule(uow, buffer, month=dt.date(2027, 2, 1))
    pages = [p.replace(" ", "") for p in page_texts(buffer.getvalue())]
    assert not any("尚未确认" in p for p in pages) and "春节" in pages[0]
