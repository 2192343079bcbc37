"""The schedule as an Excel workbook: one row per lesson, by date and time, headers in the UI
language, dates as real dates, and each lesson's conflicts in words (empty when none)."""
from __future__ import annotations

import datetime as dt
import os

from trainer.io.list_export import ExportResult
from trainer.io.workbooks import export_records
from trainer.texts import language, pick
from trainer.rules.calendar import PERIOD_LABELS, WEEKDAY_LABELS
from trainer.services.schedule import LessonRecord, list_lessons
from trainer.services.uow import UnitOfWork

COLUMNS: tuple[tuple[str, str], ...] = (
    ("日期", "date"), ("星期", "weekday"), ("时段", "time of day"), ("开始", "start"),
    ("结束", "end"), ("班级编号", "class code"), ("培训班", "class"), ("课次", "lesson"),
    ("课程", "course"), ("课程主题", "theme"), ("讲师", "lecturer"), ("企业", "enterprise"),
    ("培训地点", "venue"), ("地点地址", "venue address"), ("锁定", "locked"),
    ("冲突", "conflicts"),
)


def schedule_headers(lang: str | None = None) -> list[str]:
    return [pick(c, lang) for c in COLUMNS]


def schedule_row(lesson: LessonRecord, lang: str | None = None) -> list:
    lang = lang or language()
    zh = lang == "zh"
    return [
        lesson.date, pick(WEEKDAY_LABELS[lesson.date.weekday()], lang),
        pick(PERIOD_LABELS[lesson.period], lang) if lesson.period else "",
        f"{lesson.start:%H:%M}", f"{lesson.end:%H:%M}", lesson.class_code, lesson.class_name,
        f"{lesson.sequence}/{lesson.lesson_count}", lesson.course_title, lesson.theme_name,
        lesson.lecturer_name, lesson.enterprise_name, lesson.place, lesson.venue_address,
        ("是" if zh else "yes") if lesson.locked else "",
        "\n".join(c.text(lang) for c in lesson.conflicts),
    ]


def export_schedule(uow: UnitOfWork, path: str | os.PathLike, start: dt.date | None = None,
                    end: dt.date | None = None, *, lecturer_id: int | None = None,
                    enterprise_id: int | None = None, venue_id: int | None = None) -> ExportResult:
    """Writes the lessons from `start` to `end` (all when open), optionally one lecturer's,
    enterprise's or venue's, to an .xlsx file."""
    lessons = list_lessons(uow, start, end, lecturer_id=lecturer_id, enterprise_id=enterprise_id,
                           venue_id=venue_id)
    lang = language()
    title = "排课表" if lang == "zh" else "schedule"
    written = export_records(path, schedule_headers(lang),
                             (schedule_row(lesson, lang) for lesson in lessons), title=title)
    return ExportResult(written, len(lessons))
