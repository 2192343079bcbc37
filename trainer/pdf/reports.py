"""Reports: the attendance summary of a class, of an enterprise over a period, and the
statistics of a period with charts drawn by ReportLab's own graphics (reportlab.graphics)."""
from __future__ import annotations

import datetime as dt

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors
from reportlab.platypus import Spacer

from trainer.errors import ValidationError
from trainer.pdf.layout import (PORTRAIT, Job, PageInfo, PdfResult, Styles, Target,
                                data_table, fonts_for, frame_size, hours_text, make_styles,
                                one_line, para, write_story)
from trainer.services.reports.attendance import (ClassAttendance, PeriodStatistics, Tally,
                                                class_attendance, enterprise_classes,
                                                period_statistics)
from trainer.services.uow import UnitOfWork

PALETTE = ["#4a90d9", "#d9534f", "#5cb85c", "#f0ad4e", "#8e6bbf", "#46b8da", "#b5651d",
           "#777777", "#e377c2", "#17becf"]


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


# --- attendance of a class ---------------------------------------------------------------------

def class_attendance_story(data: ClassAttendance, styles: Styles, *, title: bool = True) -> list:
    width, _ = frame_size(PORTRAIT)
    period = (f"{data.start:%Y-%m-%d} 至 {data.end:%Y-%m-%d}" if data.start else "尚未排课")
    story = []
    if title:
        story += [para(f"{data.name} 考勤汇总表", styles.title),
                  para(f"{data.code} · {data.course}({data.theme})· {period}", styles.subtitle)]
    story.append(para(
        f"已上课 {data.lessons_held} 次（计划 {data.lessons_planned} 次）；学员 {len(data.rows)} 人；"
        f"出勤率 {percent(data.rate)}；符合结业条件 {data.completed} 人。"
        + (f"培训企业：{data.enterprise}。" if data.enterprise else ""), styles.body))
    header = ["序号", "姓名", "企业", "身份证号", "出勤", "迟到", "请假", "缺勤", "未记", "学时",
              "出勤率", "成绩", "结业"]
    widths = [22, 40, 0, 92, 24, 24, 24, 24, 24, 26, 38, 26, 78]
    widths[2] = width - sum(widths)
    rows = []
    for i, r in enumerate(data.rows, 1):
        result = "是" if r.completes else f"否：{r.reason}" if r.reason else "否"
        id_cell = one_line(r.id_masked, styles.cell_center, widths[3] - 6)  # less the padding
        rows.append([str(i), r.name, r.enterprise, id_cell, str(r.present), str(r.late),
                     str(r.excused), str(r.absent), str(r.unmarked), hours_text(r.attended_minutes),
                     percent(r.rate), "" if r.score is None else str(r.score), result])
    story.append(data_table(header, rows, widths, styles, align="cllccccccccl" + "l"))
    return story


def build_class_attendance(uow: UnitOfWork, cohort_id: int, out: Target, progress=None,
                           cancel=None, *, reveal: bool = False) -> PdfResult:
    """The attendance summary of one class (ID numbers masked unless `reveal`)."""
    job = Job(progress, cancel, total=2)
    data = class_attendance(uow, cohort_id, reveal=reveal)
    job.step()
    fonts = fonts_for(uow)
    story = class_attendance_story(data, make_styles(fonts.body.name))
    result = write_story(out, story, PageInfo(data.office, f"考勤汇总 {data.code}"), fonts, job=job)
    job.step()
    return result


def build_enterprise_attendance(uow: UnitOfWork, enterprise: str, start: dt.date, end: dt.date,
                                out: Target, progress=None, cancel=None, *,
                                reveal: bool = False) -> PdfResult:
    """Every class with lessons from `start` to `end` that trained this enterprise's workers:
    one summary line per class, then each class's table restricted to its workers."""
    ent_name, cohort_ids = enterprise_classes(uow, enterprise, start, end)
    fonts = fonts_for(uow)
    styles = make_styles(fonts.body.name)
    job = Job(progress, cancel, total=len(cohort_ids) + 1)
    width, _ = frame_size(PORTRAIT)
    classes = []
    for cid in cohort_ids:
        data = class_attendance(uow, cid, reveal=reveal)
        mine = tuple(r for r in data.rows if r.enterprise == ent_name)
        if mine:
            classes.append(ClassAttendance(**{**data.__dict__, "rows": mine}))
        job.step()
    story = [para(f"{ent_name} 职工培训考勤汇总", styles.title),
             para(f"{start:%Y-%m-%d} 至 {end:%Y-%m-%d}", styles.subtitle)]
    summary = [[c.code, c.course, str(len(c.rows)), str(c.lessons_held), percent(c.rate),
                str(c.completed)] for c in classes]
    people = sum(len(c.rows) for c in classes)
    done = sum(c.completed for c in classes)
    summary.append(["合计", "", str(people), "", "", str(done)])
    story.append(data_table(["班级", "课程", "本企业学员", "已上课次", "出勤率", "符合结业"], summary,
                            [90, width - 330, 60, 60, 60, 60], styles, align="llcccc"))
    for c in classes:
        story += [Spacer(1, 10), para(f"{c.name}({c.code})", styles.heading)]
        story += class_attendance_story(c, styles, title=False)
    if not classes:
        story.append(para("本期没有该企业职工参加的培训。", styles.body))
    result = write_story(out, story, PageInfo(classes[0].office if classes else "",
                                              f"考勤汇总 {ent_name}"), fonts, job=job)
    job.step()
    return result


# --- statistics --------------------------------------------------------------------------------

def _bar_chart(labels: list[str], series: list[list[float]], names: list[str], font: str,
               width: float, height: float, title: str) -> Drawing:
    d = Drawing(width, height)
    d.initialFontName = font
    chart = VerticalBarChart()
    chart.x, chart.y = 40, 40
    chart.width, chart.height = width - 60, height - 84
    chart.data = series
    chart.categoryAxis.categoryNames = [l[:8] for l in labels]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.angle = 20 if len(labels) > 6 else 0
    chart.categoryAxis.labels.boxAnchor = "ne" if len(labels) > 6 else "n"
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 6.5
    chart.barLabels.nudge = 6
    for i in range(len(series)):
        chart.bars[i].fillColor = colors.HexColor(PALETTE[i % len(PALETTE)])
        chart.bars[i].strokeColor = None
    d.add(chart)
    d.add(String(width / 2, height - 14, title, fontName=font, fontSize=10, textAnchor="middle"))
    for i, name in enumerate(names if len(series) > 1 else []):
        x = width - 90 * (len(series) - i)
        d.add(Rect(x, height - 30, 8, 8, fillColor=colors.HexColor(PALETTE[i]), strokeColor=None))
        d.add(String(x + 11, height - 29, name, fontName=font, fontSize=7.5))
    return d


def _pie_chart(labels: list[str], values: list[float], font: str, width: float, height: float,
               title: str) -> Drawing:
    d = Drawing(width, height)
    d.initialFontName = font
    pie = Pie()
    size = min(width * 0.5, height - 50)
    pie.x, pie.y = (width - size) / 2 - 20, 15
    pie.width = pie.height = size
    pie.data = values or [1]
    pie.labels = [f"{l[:8]} {v:.0f}" for l, v in zip(labels, values)] or ["无数据"]
    pie.slices.fontName = font
    pie.slices.fontSize = 7.5
    pie.sideLabels = True
    pie.slices.strokeColor = colors.white
    for i in range(len(pie.data)):
        pie.slices[i].fillColor = colors.HexColor(PALETTE[i % len(PALETTE)])
    d.add(pie)
    d.add(String(width / 2, height - 14, title, fontName=font, fontSize=10, textAnchor="middle"))
    return d


def _tally_rows(tallies: tuple[Tally, ...] | list[Tally]) -> list[list[str]]:
    return [[t.label, str(len(t.classes)), str(len(t.trainees)), str(t.lessons),
             hours_text(t.minutes), hours_text(t.person_minutes), percent(t.attendance_rate),
             percent(t.completion_rate)] for t in tallies]


TALLY_HEAD = ["", "班级", "学员", "课次", "课时", "人·学时", "出勤率", "结业率"]


def _tally_table(first: str, tallies, styles: Styles, width: float, total: Tally | None = None):
    widths = [0, 42, 48, 42, 48, 60, 54, 54]
    widths[0] = width - sum(widths)
    rows = _tally_rows(list(tallies) + ([total] if total else []))
    extra = [("BACKGROUND", (0, len(rows)), (-1, len(rows)), colors.HexColor("#e8edf3"))] \
        if total else []
    return data_table([first] + TALLY_HEAD[1:], rows, widths, styles, align="lccccccc",
                      extra_style=extra)


def statistics_story(stats: PeriodStatistics, styles: Styles, *, top: int = 15) -> list:
    width, height = frame_size(PORTRAIT)
    t = stats.total
    story = [para(f"{stats.office} 职工培训统计报告", styles.title),
             para(f"{stats.start:%Y年%m月%d日} 至 {stats.end:%Y年%m月%d日}", styles.subtitle)]
    sat = stats.satisfaction
    sat_text = "；".join(f"{'企业' if k == 'enterprise' else '学员'}评价 {avg:.2f} 分（{n} 份）"
                        for k, (avg, n) in sorted(sat.items())) or "暂无评价"
    summary = [
        ["培训班", str(len(t.classes)), "培训学员（人）", str(len(t.trainees))],
        ["课次", str(t.lessons), "授课课时", hours_text(t.minutes)],
        ["参训人·学时", hours_text(t.person_minutes), "覆盖企业", str(stats.enterprises)],
        ["出勤率", percent(t.attendance_rate), "结业率", percent(t.completion_rate)],
    ]
    story += [para("一、总体情况", styles.heading),
              data_table(None, summary, [width / 4] * 4, styles, align="lclc", zebra=False),
              Spacer(1, 4), para(f"满意度（1–5 分）：{sat_text}。", styles.body),
              para("说明：出勤率 = 出勤或迟到的人次 ÷ 应到人次；结业率按本期结束的培训班计算。", styles.small)]
    # by theme
    themes = list(stats.by_theme)
    story += [para("二、按课程主题", styles.heading), _tally_table("课程主题", themes, styles, width, t)]
    if themes:
        story.append(_bar_chart([x.label for x in themes],
                                [[len(x.trainees) for x in themes], [x.lessons for x in themes]],
                                ["学员（人）", "课次"], styles.font, width, 190, "各主题学员与课次"))
    # by month
    months = list(stats.by_month)
    story += [para("三、按月份", styles.heading), _tally_table("月份", months, styles, width)]
    if months:
        story.append(_bar_chart([m.label for m in months],
                                [[round(m.person_minutes / 60) for m in months]], ["人·学时"],
                                styles.font, width, 170, "各月参训人·学时"))
    # by district
    districts = list(stats.by_district)
    story += [para("四、按区县", styles.heading), _tally_table("区县", districts, styles, width)]
    if districts:
        story.append(_pie_chart([d.label for d in districts], [len(d.trainees) for d in districts],
                                styles.font, width, 180, "各区县学员分布"))
    # by enterprise
    ents = list(stats.by_enterprise)
    shown = ents[:top]
    note = f"（学员最多的 {top} 家，共 {len(ents)} 家）" if len(ents) > top else ""
    story += [para(f"五、按企业{note}", styles.heading),
              _tally_table("企业", shown, styles, width)]
    return story


def build_statistics(uow: UnitOfWork, start: dt.date, end: dt.date, out: Target, progress=None,
                     cancel=None) -> PdfResult:
    """The statistics report of a period with charts (A4 portrait)."""
    if end < start:
        raise ValidationError("end_date", "date_order")
    job = Job(progress, cancel, total=2)
    stats = period_statistics(uow, start, end)
    job.step()
    fonts = fonts_for(uow)
    story = statistics_story(stats, make_styles(fonts.body.name))
    result = write_story(out, story, PageInfo(stats.office, f"培训统计 {start:%Y-%m-%d}–{end:%Y-%m-%d}"),
                         fonts, job=job)
    job.step()
    return result

