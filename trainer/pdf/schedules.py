"""Timetables (课程表): a month grid or a week by day periods, A4 landscape, for everything, one
enterprise or one lecturer. Lessons are coloured by their theme; holidays and weekends are
shaded and named (国庆节, 调休上班) from the working-day calendar. After the grid comes the full
list of lessons, so a busy day never loses a lesson to a small cell; a lecturer's timetable
ends with the addresses and contacts of the workshops they teach in."""
from __future__ import annotations

import calendar
import datetime as dt
from types import SimpleNamespace

from reportlab.lib import colors
from reportlab.platypus import PageBreak, Spacer, Table, TableStyle

from trainer.errors import ValidationError
from trainer.pdf.layout import (LANDSCAPE, Job, PageInfo, PdfResult, Styles, Target, data_table,
                                fitted_para, fonts_for, frame_size, make_styles, para,
                                write_story)
from trainer.rules.calendar import ADJUSTED_WORKDAY, PERIOD_LABELS, CalendarDay, day_periods, period_of
from trainer.services.reports.timetable import Timetable, load_timetable
from trainer.services.schedule import LessonRecord
from trainer.services.schedule_calendar import load_settings
from trainer.services.uow import UnitOfWork

WEEKDAYS = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")
OFF_FILL = colors.HexColor("#eeeeee")
HOLIDAY_FILL = colors.HexColor("#fbe3e3")
ADJUSTED_FILL = colors.HexColor("#fff5d6")
DEFAULT_COLOUR = "#4a90d9"  # a theme without a colour of its own


def _enterprise(lesson: LessonRecord) -> str:
    """The enterprise a lesson is for, else the one whose workshop it is held in."""
    return lesson.enterprise_name or lesson.venue_enterprise_name


# --- drawing ---------------------------------------------------------------------------------

def tint(hex_colour: str, amount: float = 0.78) -> colors.Color:
    """The theme colour mixed with white: a background that black text stays readable on."""
    c = colors.HexColor(hex_colour or DEFAULT_COLOUR)
    return colors.Color(c.red + (1 - c.red) * amount, c.green + (1 - c.green) * amount,
                        c.blue + (1 - c.blue) * amount)


def day_fill(day: CalendarDay):
    if day.kind == ADJUSTED_WORKDAY:
        return ADJUSTED_FILL
    if not day.working:
        return HOLIDAY_FILL if day.kind == "holiday" else OFF_FILL
    return None


def _day_label(day: CalendarDay) -> str:
    if day.kind in ("holiday", ADJUSTED_WORKDAY):
        return day.label("zh")  # 春节（推算） while the year is provisional
    return ""


def provisional_note(tt: Timetable) -> str:
    """The footer's warning when the timetable's days touch a provisional year."""
    years = sorted({d.date.year for d in tt.days if not d.year_known})
    if not years:
        return ""
    return (f"{'、'.join(map(str, years))} 年的放假安排尚未确认（按法定节日推算），"
            f"以国务院通知为准")


def _title(tt: Timetable, what: str) -> str:
    scope = {"all": "全部培训", "lecturer": f"讲师 {tt.scope_name}",
             "enterprise": tt.scope_name}[tt.scope]
    return f"{scope} {what}"


def _legend(tt: Timetable, styles: Styles, width: float) -> Table:
    cells = [para("图例：", styles.small)]
    commands = []
    for i, (name, colour) in enumerate(tt.themes, 1):
        cells.append(para(name, styles.small))
        commands.append(("BACKGROUND", (i, 0), (i, 0), tint(colour)))
        commands.append(("LINEBEFORE", (i, 0), (i, 0), 3, colors.HexColor(colour or DEFAULT_COLOUR)))
    n = len(cells)
    cells += [para("节假日", styles.small), para("调休上班", styles.small), para("周末", styles.small)]
    commands += [("BACKGROUND", (n, 0), (n, 0), HOLIDAY_FILL),
                 ("BACKGROUND", (n + 1, 0), (n + 1, 0), ADJUSTED_FILL),
                 ("BACKGROUND", (n + 2, 0), (n + 2, 0), OFF_FILL)]
    widths = [36] + [min(96, (width - 36 - 150) / max(1, n - 1))] * (n - 1) + [50] * 3
    table = Table([cells], colWidths=widths, hAlign="LEFT")
    table.setStyle(TableStyle(commands + [("FONTNAME", (0, 0), (-1, -1), styles.font),
                                          ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                                          ("TOPPADDING", (0, 0), (-1, -1), 1),
                                          ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
    return table


def _entry_text(lesson: LessonRecord, scope: str, with_time: bool = True) -> str:
    who = _enterprise(lesson) if scope == "lecturer" else lesson.lecturer_name
    short = who[:8] if who else ""
    when = f"{lesson.start:%H:%M} " if with_time else ""
    return f"{when}{lesson.course_title} {lesson.sequence}/{lesson.lesson_count} {short}".strip()


def _entry_detail(lesson: LessonRecord, scope: str) -> str:
    """Two lines for a week cell: time, course and lesson; where and who."""
    where = _enterprise(lesson)[:10] + (f" {lesson.venue_name}" if lesson.venue_name else "")
    if lesson.online is not None:
        where = f"线上·{lesson.online.platform}"
    who = "" if scope == "lecturer" else lesson.lecturer_name
    return (f"{lesson.start:%H:%M}–{lesson.end:%H:%M} {lesson.course_title} "
            f"{lesson.sequence}/{lesson.lesson_count}\n{where} {who}".strip())


MIN_PT = 7  # no type on a timetable smaller than this: what does not fit goes to the list below


def _entries(lessons: list[LessonRecord], styles: Styles, width: float, height: float,
             scope: str, with_time: bool = True, line_h: float = 10.5) -> Table | str:
    """A cell's lessons as coloured lines, none in type under MIN_PT (an entry too long for one
    line takes two); what does not fit says how many more there are — they are in the lesson
    list that follows the grid."""
    if not lessons:
        return ""
    text_w, more_h = width - 4, 10.5
    rows, heights = [], []
    for index, lesson in enumerate(lessons):
        text = (_entry_detail(lesson, scope) if line_h >= 20
                else _entry_text(lesson, scope, with_time))
        p = fitted_para(text, styles.small, text_w, line_h - 1, min_size=MIN_PT)
        h = max(line_h, p.wrap(text_w, 10 * line_h)[1] + 1.5)
        if sum(heights) + h > height - (0 if index == len(lessons) - 1 else more_h):
            break
        rows.append([p])
        heights.append(h)
    shown = lessons[:len(rows)]
    commands = [("BACKGROUND", (0, i), (0, i), tint(l.theme_color)) for i, l in enumerate(shown)]
    commands += [("LINEBEFORE", (0, i), (0, i), 2.5,
                  colors.HexColor(l.theme_color or DEFAULT_COLOUR))
                 for i, l in enumerate(shown)]
    if len(shown) < len(lessons):
        rows.append([fitted_para(f"……另 {len(lessons) - len(shown)} 节，见课次明细", styles.small,
                                 text_w, more_h, min_size=MIN_PT)])
        heights.append(more_h)
    table = Table(rows, colWidths=[width], rowHeights=heights)
    table.setStyle(TableStyle(commands + [
        ("FONTNAME", (0, 0), (-1, -1), styles.font), ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 1), ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0.5), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    return table


def month_story(tt: Timetable, styles: Styles, month: dt.date) -> list:
    width, height = frame_size(LANDSCAPE)
    by_day: dict[dt.date, list[LessonRecord]] = {}
    for lesson in tt.lessons:
        by_day.setdefault(lesson.date, []).append(lesson)
    days = {d.date: d for d in tt.days}
    weeks = calendar.Calendar().monthdatescalendar(month.year, month.month)
    head = [para(f"{month.year}年{month.month}月 {_title(tt, '培训课程表')}", styles.title),
            _legend(tt, styles, width), Spacer(1, 4)]
    head_h = sum(f.wrap(width, height)[1] for f in head) + 8
    col_w = width / 7
    cell_h = (height - head_h - 18) / len(weeks)
    data = [[para(w, styles.head_cell) for w in WEEKDAYS]]
    commands = [("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#777777")),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8edf3")),
                ("VALIGN", (0, 1), (-1, -1), "TOP"), ("FONTNAME", (0, 0), (-1, -1), styles.font),
                ("LEFTPADDING", (0, 1), (-1, -1), 2), ("RIGHTPADDING", (0, 1), (-1, -1), 2),
                ("TOPPADDING", (0, 1), (-1, -1), 1)]
    for r, week in enumerate(weeks, 1):
        row = []
        for c, date in enumerate(week):
            day = days.get(date)
            in_month = date.month == month.month
            label = f"{date.day}" + (f" {_day_label(day)}" if day and _day_label(day) else "")
            entries = _entries(by_day.get(date, []), styles, col_w - 4, cell_h - 14, tt.scope) \
                if in_month else ""
            row.append([fitted_para(label, styles.small, col_w - 4, 10, min_size=MIN_PT)]
                       + ([entries] if entries else []))
            fill = day_fill(day) if day is not None and in_month else None
            if not in_month:
                fill = colors.HexColor("#f8f8f8")
            if fill is not None:
                commands.append(("BACKGROUND", (c, r), (c, r), fill))
        data.append(row)
    grid = Table(data, colWidths=[col_w] * 7, rowHeights=[16] + [cell_h] * len(weeks))
    grid.setStyle(TableStyle(commands))
    return head + [grid]


def week_story(tt: Timetable, styles: Styles, monday: dt.date, periods=None) -> list:
    width, height = frame_size(LANDSCAPE)
    periods = periods or day_periods()
    days = {d.date: d for d in tt.days}
    dates = [monday + dt.timedelta(days=i) for i in range(7)]
    head = [para(f"{monday:%Y-%m-%d} 至 {dates[-1]:%Y-%m-%d} {_title(tt, '培训周课程表')}",
                 styles.title), _legend(tt, styles, width), Spacer(1, 4)]
    head_h = sum(f.wrap(width, height)[1] for f in head) + 8
    label_w = 44
    col_w = (width - label_w) / 7
    rows = [(p.code, PERIOD_LABELS[p.code][0]) for p in periods]
    if any(period_of(l.start, periods) is None for l in tt.lessons):
        rows.append(("other", "其他时间"))
    cell_h = (height - head_h - 28) / len(rows)
    header = [""]
    for date in dates:
        day = days.get(date)
        extra = f" {_day_label(day)}" if day and _day_label(day) else ""
        header.append(fitted_para(f"{WEEKDAYS[date.weekday()]} {date.month}/{date.day}{extra}",
                                  styles.head_cell, col_w - 4, 22, min_size=MIN_PT))
    data = [header]
    commands = [("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#777777")),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8edf3")),
                ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#e8edf3")),
                ("VALIGN", (1, 1), (-1, -1), "TOP"), ("VALIGN", (0, 0), (0, -1), "MIDDLE"),
                ("FONTNAME", (0, 0), (-1, -1), styles.font),
                ("LEFTPADDING", (1, 1), (-1, -1), 2), ("RIGHTPADDING", (1, 1), (-1, -1), 2)]
    for r, (code, label) in enumerate(rows, 1):
        row = [para(label, styles.head_cell)]
        for c, date in enumerate(dates, 1):
            lessons = [l for l in tt.lessons if l.date == date and
                       ((period_of(l.start, periods) or _OTHER).code == code)]
            row.append(_entries(lessons, styles, col_w - 4, cell_h - 6, tt.scope, line_h=36))
            fill = day_fill(days[date]) if date in days else None
            if fill is not None:
                commands.append(("BACKGROUND", (c, r), (c, r), fill))
                if r == 1:
                    commands.append(("BACKGROUND", (c, 0), (c, 0), fill))
        data.append(row)
    grid = Table(data, colWidths=[label_w] + [col_w] * 7, rowHeights=[24] + [cell_h] * len(rows))
    grid.setStyle(TableStyle(commands))
    return head + [grid]


_OTHER = SimpleNamespace(code="other")


def lesson_list_story(tt: Timetable, styles: Styles) -> list:
    """Every lesson in order: the detail a grid cell has no room for."""
    width, _ = frame_size(LANDSCAPE)
    header = ["日期", "时间", "班级", "课程（主题）", "课次", "地点", "讲师"]
    widths = [72, 62, 110, 170, 34, 0, 60]
    widths[5] = width - sum(widths)
    rows = []
    for l in tt.lessons:
        where = " ".join(x for x in (_enterprise(l), l.venue_name) if x)
        where += f"({l.venue_address})" if l.venue_address else ""
        if l.online is not None:  # the platform and the whole link: what a trainee types or taps
            where = f"线上：{l.online.text()}"
        rows.append([f"{l.date:%Y-%m-%d} {WEEKDAYS[l.date.weekday()][-1]}",
                     f"{l.start:%H:%M}–{l.end:%H:%M}", f"{l.class_name}({l.class_code})",
                     f"{l.course_title}({l.theme_name})", f"{l.sequence}/{l.lesson_count}",
                     where, l.lecturer_name])
    table = data_table(header, rows, widths, styles, align="lllllcl", zebra=False,
                       extra_style=[("LINEBEFORE", (0, i + 1), (0, i + 1), 3,
                                     colors.HexColor(l.theme_color or DEFAULT_COLOUR))
                                    for i, l in enumerate(tt.lessons)])
    story = [para(f"课次明细（{len(rows)} 节）", styles.heading), table]
    if not rows:
        story = [para("课次明细：本期没有安排课程。", styles.heading)]
    return story


def workshops_story(tt: Timetable, styles: Styles) -> list:
    if tt.scope != "lecturer":
        return []
    width, _ = frame_size(LANDSCAPE)
    rows = [[w.enterprise or "工会培训场所", w.venue, w.address, w.contact, w.phone, str(w.lessons)]
            for w in tt.workshops]
    widths = [170, 110, 0, 70, 90, 40]
    widths[2] = width - sum(widths)
    phone = f"，讲师电话 {tt.lecturer_phone}" if tt.lecturer_phone else ""
    return [Spacer(1, 8), para(f"授课地点与联系人（讲师 {tt.scope_name}{phone}）", styles.heading),
            data_table(["企业", "车间/培训地点", "地址", "联系人", "联系电话", "课次"], rows, widths,
                       styles, align="lllllc")]


def month_range(month: dt.date) -> tuple[dt.date, dt.date]:
    last = calendar.monthrange(month.year, month.month)[1]
    return month.replace(day=1), month.replace(day=last)


def build_schedule(uow: UnitOfWork, out: Target, progress=None, cancel=None, *,
                   month: dt.date | None = None, week: dt.date | None = None,
                   lecturer: str | None = None, enterprise: str | None = None,
                   reveal: bool = False) -> PdfResult:
    """A month timetable (`month`: any day of it) or a week one (`week`: any day of it), for
    everything or one lecturer / enterprise by name; then the lesson list (and workshops)."""
    if (month is None) == (week is None):
        raise ValidationError("month", "required")
    if week is not None:
        monday = week - dt.timedelta(days=week.weekday())
        start, end = monday, monday + dt.timedelta(days=6)
    else:
        start, end = month_range(month)
        # the grid shows whole weeks: load their days too so the shading is right
        start = start - dt.timedelta(days=start.weekday())
        end = end + dt.timedelta(days=6 - end.weekday())
    tt = load_timetable(uow, start, end, lecturer=lecturer, enterprise=enterprise, reveal=reveal)
    job = Job(progress, cancel, total=3)
    fonts = fonts_for(uow)
    styles = make_styles(fonts.body.name)
    periods = load_settings(uow).periods
    if week is not None:
        story = week_story(tt, styles, start, periods)
        title = f"周课程表 {start:%Y-%m-%d}"
    else:
        first, last = month_range(month)
        tt = Timetable(tt.office, tt.scope, tt.scope_name, tt.start, tt.end, tt.days,
                       tuple(l for l in tt.lessons if first <= l.date <= last), tt.workshops,
                       tt.lecturer_phone)
        story = month_story(tt, styles, month)
        title = f"课程表 {month:%Y-%m}"
    job.step()
    story += [PageBreak()] + lesson_list_story(tt, styles) + workshops_story(tt, styles)
    job.step()
    result = write_story(out, story, PageInfo(tt.office, title, note=provisional_note(tt)), fonts,
                         pagesize=LANDSCAPE, job=job)
    job.step()
    return result

