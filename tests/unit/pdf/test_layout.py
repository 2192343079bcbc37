"""The fee statement's sign-off block (制表/审核/负责人) stays with the last rows of its table,
whatever the number of lecturers (12–23 puts the page end at every place near the sign-off)."""
from __future__ import annotations

import datetime as dt
import io
import re

import pytest

from tests.pdf_reading import page_texts
from trainer.pdf.fees import fees_story
from trainer.pdf.fonts import document_fonts
from trainer.pdf.layout import LANDSCAPE, PageInfo, make_styles, write_story
from trainer.services.reports.fees import FeeLesson, FeeLine, FeeStatement


def statement(lecturers: int) -> FeeStatement:
    lesson = FeeLesson(dt.date(2026, 9, 7), dt.time(9), dt.time(11), "AQ-01", "有限空间作业安全",
                       "炼钢车间培训室", 120)
    return FeeStatement("新余市总工会", dt.date(2026, 9, 1), tuple(
        FeeLine(i, f"讲师{i:03d}", "企业内部讲师", "新余钢铁", "138****0000", (lesson,), 120,
                10000, 20000, 0) for i in range(1, lecturers + 1)))


def fee_pdf(lecturers: int) -> bytes:
    fonts = document_fonts()
    buffer = io.BytesIO()
    write_story(buffer, fees_story(statement(lecturers), make_styles(fonts.body.name)),
                PageInfo("新余市总工会", "讲课费"), fonts, pagesize=LANDSCAPE)
    return buffer.getvalue()


@pytest.mark.parametrize("lecturers", range(12, 24))
def test_the_sign_off_is_never_alone_on_a_page(lecturers):
    pages = [re.sub(r"\s+", "", t) for t in page_texts(fee_pdf(lecturers))]
    signed = [t for t in pages if "负责人" in t]
    assert len(signed) == 1
    rows_with_it = re.findall(r"讲师\d{3}", signed[0])
    assert len(rows_with_it) >= 2 and "合计" in signed[0]
    last = f"讲师{lecturers:03d}"
    assert last in signed[0]
    assert sum(t.count(last) for t in pages) >= 1



def type_sizes(pdf: bytes) -> list[tuple[float, str]]:
    """(size in points, text) of every piece of text drawn, as pypdf sees the text matrices."""
    from pypdf import PdfReader

    sizes = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            scale = (tm[0] ** 2 + tm[1] ** 2) ** 0.5 * (cm[0] ** 2 + cm[1] ** 2) ** 0.5
            sizes.append((round(size * scale, 2), text.strip()))
    for page in PdfReader(io.BytesIO(pdf)).pages:
        page.extract_text(visitor_text=visit)
    return sizes


def test_a_busy_day_on_the_timetable_keeps_7_pt_type_and_continues_below():
    from reportlab.platypus import PageBreak

    from trainer.pdf.schedules import Timetable, lesson_list_story, month_story
    from trainer.services.schedule import LessonRecord

    titles = ["有限空间作业安全与应急救援实务", "电工作业", "职工心理健康与压力管理和情绪调适专题讲座"]
    lessons = tuple(LessonRecord(
        id=i, version=1, class_id=i, class_code=f"AQ-{i}", class_name="一班", sequence=i + 1,
        lesson_count=14, date=dt.date(2026, 9, 9), start=dt.time(8 + i // 2),
        end=dt.time(9 + i // 2), period="", course_id=1, course_title=titles[i % 3], theme_id=1,
        theme_name="安全生产", theme_color="#c0392b", lecturer_id=1, lecturer_name="黎建国",
        venue_id=1, venue_name="培训室", venue_address="", venue_enterprise_id=1,
        place="新余钢铁培训室", enterprise_id=1, enterprise_name="新余钢铁", status="planned",
        locked=False) for i in range(14))
    timetable = Timetable("新余市总工会", "all", "", dt.date(2026, 8, 31), dt.date(2026, 10, 4),
                          (), lessons)
    fonts = document_fonts()
    styles = make_styles(fonts.body.name)
    buffer = io.BytesIO()
    write_story(buffer, month_story(timetable, styles, dt.date(2026, 9, 1)) + [PageBreak()]
                + lesson_list_story(timetable, styles), PageInfo("新余市总工会", "课程表"), fonts,
                pagesize=LANDSCAPE)
    sizes = type_sizes(buffer.getvalue())
    assert min(size for size, _text in sizes) >= 7, sorted(sizes)[:3]
    grid, listing = [re.sub(r"\s+", "", t) for t in page_texts(buffer.getvalue())][:2]
    shown = grid.count("黎建国")
    assert 1 <= shown < 14 and f"另{14 - shown}节，见课次明细" in grid
    assert listing.count("黎建国") == 14
