"""The lecturers' hours and fee statement (讲课费发放表) of a month: hours taught × the hourly
rate (the lecturer's own rate when set, else the rate of their category from the setting
fees.hourly_rate_cents), the tax withheld on labour remuneration (rules/fees.py, rates from
fees.withholding), the net amount and a box to sign; then each lecturer's lessons."""
from __future__ import annotations

import datetime as dt

from reportlab.lib import colors
from reportlab.platypus import PageBreak, Spacer

from trainer.pdf.layout import (LANDSCAPE, Job, KeepWithLastRows, PageInfo, PdfResult, Target,
                                data_table, fonts_for, frame_size, hours_text, make_styles,
                                para, write_story)
from trainer.rules.fees import yuan
from trainer.services.reports.fees import FeeStatement, fee_statement
from trainer.services.uow import UnitOfWork


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
