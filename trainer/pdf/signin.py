"""The sign-in sheet (签到表) of one lesson: course, lesson n of m, date and time, venue, lecturer,
then one row per enrolled trainee — number, name, enterprise, the last four characters of the ID
number, a code for the scanner and a box to sign.

Every page holds exactly `rows_per_page` rows (setting pdf.signin_rows_per_page), the last page
filled with empty rows for walk-ins, so a class of n trainees prints on
`signin_page_count(n, rows_per_page)` pages — an office knows how much paper to take along.

Sheets are for lessons in a room only: an online lesson's (`SigninSheet.online`) is refused
with PdfError online_no_signin (its study time comes from the platform's export)."""
from __future__ import annotations

import math

from reportlab.lib import colors
from reportlab.platypus import PageBreak, Spacer, Table, TableStyle

from trainer.errors import PdfError, ValidationError
from trainer.pdf.codes import Code128, QrFlowable
from trainer.pdf.layout import (PORTRAIT, Job, PageInfo, PdfResult, Styles, Target, data_table,
                                date_zh, fitted_para, fonts_for, frame_size, make_styles,
                                para, write_story)
from trainer.pdf.streaming import write_parts
from trainer.services.reports.signin import (SigninSheet, enrolled_count, load_signin_sheet,
                                             programme_signin_lessons)
from trainer.services.uow import UnitOfWork

MIN_ROWS, MAX_ROWS = 5, 40
BARCODES = ("qr", "code128", "none")


def signin_page_count(trainees: int, rows_per_page: int) -> int:
    """Pages a sheet for `trainees` people takes: full pages of `rows_per_page`, at least one."""
    return max(1, math.ceil(trainees / rows_per_page))


def rows_per_page_setting(uow: UnitOfWork) -> int:
    from trainer.services.settings import get_setting

    value = int(get_setting(uow, "pdf.signin_rows_per_page"))
    return min(MAX_ROWS, max(MIN_ROWS, value))


def _header(sheet: SigninSheet, styles: Styles, width: float, page: int, pages: int) -> list:
    when = f"{date_zh(sheet.date, weekday=True)} {sheet.start:%H:%M}–{sheet.end:%H:%M}"
    label_w, value_w = 48, width / 2 - 48
    cells = [
        ["课程", f"{sheet.course}({sheet.theme})", "班级", f"{sheet.cohort_name}({sheet.cohort_code})"],
        ["课次", f"第 {sheet.sequence} 次（共 {sheet.lesson_count} 次）", "时间", when],
        ["地点", sheet.venue + (f"({sheet.venue_address})" if sheet.venue_address else ""),
         "讲师", sheet.lecturer or "—"],
    ]
    data = [[para(c, styles.head_cell) if i % 2 == 0 else fitted_para(c, styles.cell, value_w - 6, 24)
             for i, c in enumerate(row)] for row in cells]
    info = Table(data, colWidths=[label_w, value_w, label_w, value_w], rowHeights=[26] * 3)
    info.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#555555")),
                              ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#e8edf3")),
                              ("BACKGROUND", (2, 0), (2, -1), colors.HexColor("#e8edf3")),
                              ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                              ("FONTNAME", (0, 0), (-1, -1), styles.font)]))
    title = f"{sheet.office} 培训签到表" if sheet.office else "培训签到表"
    sub = f"第 {page} / {pages} 张"
    return [para(title, styles.title), para(sub, styles.subtitle), info, Spacer(1, 6)]


_FOOT = "说明：请本人签名，不得代签；迟到请注明到达时间，请假由班组长在备注栏注明。"


def signin_story(sheet: SigninSheet, styles: Styles, rows_per_page: int, *,
                 barcode: str = "qr", job: Job | None = None) -> list:
    """The sheet as flowables, one page per `rows_per_page` rows (each page ends in PageBreak
    except the last)."""
    if not MIN_ROWS <= rows_per_page <= MAX_ROWS:
        raise ValidationError("rows_per_page", "out_of_range", min=MIN_ROWS, max=MAX_ROWS)
    if barcode not in BARCODES:
        raise ValidationError("barcode", "choice", choices=", ".join(BARCODES))
    width, height = frame_size(PORTRAIT)
    pages = signin_page_count(len(sheet.rows), rows_per_page)
    widths = [24, 62, 0, 40, 0, 108, 66]
    widths[4] = 34 if barcode == "qr" else (92 if barcode == "code128" else 0.01)
    widths[2] = width - sum(w for i, w in enumerate(widths) if i != 2)
    head = _header(sheet, styles, width, 1, pages)
    head_h = sum(f.wrap(width, height)[1] for f in head) + 6 * len(head)
    foot = para(_FOOT, styles.small)
    foot_h = foot.wrap(width, height)[1] + 28
    row_h = min(30.0, (height - head_h - foot_h - 22) / rows_per_page)
    code_size = min(row_h - 4, widths[4] - 4)
    header = ["序号", "姓名", "企业", "身份证\n后四位", "签到码" if barcode != "none" else "",
              "本人签名", "备注"]
    story: list = []
    for page in range(pages):
        chunk = sheet.rows[page * rows_per_page:(page + 1) * rows_per_page]
        rows = []
        for i in range(rows_per_page):
            number = page * rows_per_page + i + 1
            if i < len(chunk):
                r = chunk[i]
                code = (QrFlowable(r.scan_code, code_size) if barcode == "qr" else
                        Code128(r.scan_code, widths[4] - 6, row_h - 6) if barcode == "code128"
                        else "")
                rows.append([str(number), fitted_para(r.name, styles.cell_center, widths[1] - 6, row_h - 2),
                             fitted_para(r.enterprise, styles.cell, widths[2] - 6, row_h - 2),
                             r.id_tail, code, "", ""])
            else:
                rows.append([str(number), "", "", "", "", "", ""])
        table = data_table(header, rows, widths, styles, align="cclcccl", zebra=False,
                           row_heights=[22] + [row_h] * rows_per_page,
                           extra_style=[("ALIGN", (4, 1), (4, -1), "CENTER"),
                                        ("LEFTPADDING", (4, 1), (4, -1), 1),
                                        ("RIGHTPADDING", (4, 1), (4, -1), 1)])
        signature = para("讲师签字：____________    考勤核对：____________    "
                         f"应到 {len(sheet.rows)} 人  实到 ______ 人", styles.body)
        story += _header(sheet, styles, width, page + 1, pages) + [table, Spacer(1, 4), foot,
                                                                   Spacer(1, 4), signature]
        if page < pages - 1:
            story.append(PageBreak())
        if job is not None:
            job.step()
    return story


def build_signin_sheet(uow: UnitOfWork, lesson_id: int, out: Target, progress=None, cancel=None,
                       *, rows_per_page: int | None = None, barcode: str = "qr") -> PdfResult:
    """Writes the sign-in sheet of one lesson to `out` (a path or a binary file object)."""
    sheet = load_signin_sheet(uow, lesson_id)
    if sheet.online:
        raise PdfError("online_no_signin", sequence=sheet.sequence,
                       platform=sheet.online_platform)
    fonts = fonts_for(uow)
    n = rows_per_page or rows_per_page_setting(uow)
    job = Job(progress, cancel, total=signin_page_count(len(sheet.rows), n))
    styles = make_styles(fonts.body.name)
    story = signin_story(sheet, styles, n, barcode=barcode, job=job)
    info = PageInfo(sheet.office, f"签到表 {sheet.cohort_code} 第 {sheet.sequence} 次")
    return write_story(out, story, info, fonts, pagesize=PORTRAIT, job=job)


def build_programme_signin(uow: UnitOfWork, programme_id: int, out: Target, progress=None,
                           cancel=None, *, rows_per_page: int | None = None,
                           barcode: str = "qr") -> PdfResult:
    """Every sign-in sheet of a programme — each lesson in a room of each of its classes, by
    class and date — in one PDF, written sheet by sheet (a programme of 1,080 trainees prints
    thousands of pages in the memory of one sheet)."""
    from trainer.services.organizations import office_name
    from trainer.services.programmes import get_programme

    programme = get_programme(uow, programme_id)
    lessons = programme_signin_lessons(uow, programme_id)
    if not lessons:
        raise PdfError("nothing_to_print", detail=programme.name)
    fonts = fonts_for(uow)
    n = rows_per_page or rows_per_page_setting(uow)
    pages = sum(signin_page_count(count, n) for _lesson, count in lessons)
    job = Job(progress, cancel, total=pages)
    styles = make_styles(fonts.body.name)

    def sheets():
        for i, (lesson_id, _count) in enumerate(lessons):
            story = signin_story(load_signin_sheet(uow, lesson_id), styles, n, barcode=barcode,
                                 job=job)
            yield [PageBreak(), *story] if i else story

    info = PageInfo(office_name(uow), f"签到表 {programme.name}")
    return write_parts(out, sheets(), info, fonts, pages=pages, pagesize=PORTRAIT, job=job)


def count_signin_pages(uow: UnitOfWork, lesson_id: int, rows_per_page: int | None = None) -> int:
    """The page count build_signin_sheet will give for this lesson, without drawing it."""
    return signin_page_count(enrolled_count(uow, lesson_id),
                             rows_per_page or rows_per_page_setting(uow))
