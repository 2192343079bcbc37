"""The lecturers' hours and fee statement (讲课费发放表) of a month: hours taught × the hourly
rate (the lecturer's own rate when set, else the rate of their category from the setting
fees.hourly_rate_cents), the tax withheld on labour remuneration (rules/fees.py, rates from
fees.withholding), the net amount and a box to sign; then each lecturer's lessons."""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.platypus import PageBreak, Spacer
from sqlalchemy import select

from trainer.db.models import Cohort, Course, Enterprise, Lecturer, Lesson, Venue
from trainer.messages import LECTURER_CATEGORIES, pick
from trainer.pdf.layout import (LANDSCAPE, Job, KeepWithLastRows, PageInfo, PdfResult, Target,
                                data_table, fonts_for, frame_size, hours_text, make_styles,
                                office_name, para, write_story)
from trainer.rules.fees import fee_cents, withholding_cents, yuan
from trainer.rules.phone import mask_mobile
from trainer.services.settings import get_setting
from trainer.services.uow import UnitOfWork


@dataclass(frozen=True)
class FeeLesson:
    date: dt.date
    start: dt.time
    end: dt.time
    class_code: str
    course: str
    place: str
    minutes: int


@dataclass(frozen=True)
class FeeLine:
    lecturer_id: int
    name: str
    category: str
    employer: str
    mobile: str
    lessons: tuple[FeeLesson, ...]
    minutes: int
    rate_cents: int
    gross_cents: int
    tax_cents: int

    @property
    def net_cents(self) -> int:
        return self.gross_cents - self.tax_cents


@dataclass(frozen=True)
class FeeStatement:
    office: str
    month: dt.date
    lines: tuple[FeeLine, ...]

    @property
    def totals(self) -> tuple[int, int, int, int]:
        return (sum(l.minutes for l in self.lines), sum(l.gross_cents for l in self.lines),
                sum(l.tax_cents for l in self.lines), sum(l.net_cents for l in self.lines))


def fee_statement(uow: UnitOfWork, month: dt.date, *, reveal: bool = False) -> FeeStatement:
    """Every lecturer with lessons (not cancelled) in the month, with hours, fee and tax; one
    payment per lecturer and month, as labour remuneration is withheld per payment."""
    first = month.replace(day=1)
    last = month.replace(day=calendar.monthrange(month.year, month.month)[1])
    with uow:
        s = uow.session
        rates = get_setting(uow, "fees.hourly_rate_cents")
        rules = get_setting(uow, "fees.withholding")
        rows = s.execute(
            select(Lesson, Lecturer, Cohort.code, Course.title, Venue.name, Enterprise.name)
            .join(Lecturer, Lecturer.id == Lesson.lecturer_id)
            .join(Cohort, Cohort.id == Lesson.cohort_id).join(Course, Course.id == Cohort.course_id)
            .outerjoin(Venue, Venue.id == Lesson.venue_id)
            .outerjoin(Enterprise, Enterprise.id == Venue.enterprise_id)
            .where(Cohort.organization_id == uow.organization_id, Lesson.status != "cancelled",
                   Lesson.date >= first, Lesson.date <= last)
            .order_by(Lecturer.name_initials, Lecturer.id, Lesson.date, Lesson.start_time)).all()
        by_lecturer: dict[int, list] = {}
        people: dict[int, Lecturer] = {}
        for lesson, lecturer, code, title, venue, ent in rows:
            minutes = max(0, (lesson.end_time.hour * 60 + lesson.end_time.minute)
                          - (lesson.start_time.hour * 60 + lesson.start_time.minute))
            place = " ".join(x for x in (ent, venue) if x)
            by_lecturer.setdefault(lecturer.id, []).append(
                FeeLesson(lesson.date, lesson.start_time, lesson.end_time, code, title, place,
                          minutes))
            people[lecturer.id] = lecturer
        lines = []
        for lid, lessons in by_lecturer.items():
            person = people[lid]
            rate = person.hourly_fee_cents or int(rates.get(person.category, 0))
            minutes = sum(l.minutes for l in lessons)
            gross = fee_cents(minutes, rate)
            lines.append(FeeLine(lid, person.name,
                                 pick(LECTURER_CATEGORIES.get(person.category, (person.category,) * 2), "zh"),
                                 person.employer, person.mobile if reveal else mask_mobile(person.mobile),
                                 tuple(lessons), minutes, rate, gross, withholding_cents(gross, rules)))
        return FeeStatement(office_name(uow), first, tuple(lines))


def fees_story(statement: FeeStatement, styles) -> list:
    width, _ = frame_size(LANDSCAPE)
    m = statement.month
    story = [para(f"{statement.office} {m.year}年{m.month}月 讲师课时及讲课费发放表", styles.title),
             para("讲课费 = 课时 × 课时标准；个人所得税按劳务报酬所得预扣预缴（每人每月为一次收入）",
                  styles.subtitle)]
    header = ["序号", "讲师", "类别", "工作单位", "手机", "课次", "课时", "标准（元/课时）",
              "应发（元）", "代扣个税（元）", "实发（元）", "领款人签字"]
    widths = [26, 48, 96, 0, 70, 32, 36, 62, 62, 64, 62, 72]
    widths[3] = width - sum(widths)
    rows = []
    for i, line in enumerate(statement.lines, 1):
        rows.append([str(i), line.name, line.category, line.employer, line.mobile,
                     str(len(line.lessons)), hours_text(line.minutes), yuan(line.rate_cents),
                     yuan(line.gross_cents), yuan(line.tax_cents), yuan(line.net_cents), ""])
    minutes, gross, tax, net = statement.totals
    rows.append(["合计", "", "", "", "", str(sum(len(l.lessons) for l in statement.lines)),
                 hours_text(minutes), "", yuan(gross), yuan(tax), yuan(net), ""])
    table = data_table(header, rows, widths, styles, align="clllcccrrrrc",
                       row_heights=[26] + [24] * len(rows),
                       extra_style=[("BACKGROUND", (0, len(rows)), (-1, len(rows)),
                                     colors.HexColor("#e8edf3"))])
    story.append(KeepWithLastRows(table, [
        Spacer(1, 10), para("制表：____________    审核：____________    负责人：____________    "
                            f"日期：{dt.date.today():%Y年%m月%d日}", styles.body)]))
    if statement.lines:
        story.append(PageBreak())
        story.append(para("附：授课明细", styles.heading))
        detail = []
        for line in statement.lines:
            for l in line.lessons:
                detail.append([line.name, f"{l.date:%Y-%m-%d}", f"{l.start:%H:%M}–{l.end:%H:%M}",
                               l.class_code, l.course, l.place, hours_text(l.minutes)])
        dw = [56, 70, 70, 90, 160, 0, 40]
        dw[5] = width - sum(dw)
        story.append(data_table(["讲师", "日期", "时间", "班级", "课程", "地点", "课时"], detail, dw,
                                styles, align="lcclllc"))
    return story


def build_fee_statement(uow: UnitOfWork, month: dt.date, out: Target, progress=None, cancel=None,
                        *, reveal: bool = False) -> PdfResult:
    job = Job(progress, cancel, total=2)
    statement = fee_statement(uow, month, reveal=reveal)
    job.step()
    fonts = fonts_for(uow)
    story = fees_story(statement, make_styles(fonts.body.name))
    result = write_story(out, story, PageInfo(statement.office, f"讲课费 {month:%Y-%m}"), fonts,
                         pagesize=LANDSCAPE, job=job)
    job.step()
    return result
