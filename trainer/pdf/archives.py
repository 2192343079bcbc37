"""Archives: the class file (一班一档) — the class, its lessons, a sign-in sheet per lesson, the
attendance summary, the results, the certificates and the feedback, in one PDF — and the
trainee's record (一人一档): every class of one person with attendance, result and
certificates. Personal data masked unless `reveal`."""
from __future__ import annotations

import datetime as dt

from reportlab.platypus import PageBreak, Spacer

from trainer.texts import pick
from trainer.pdf.layout import (PORTRAIT, Job, PageInfo, PdfResult, Target, data_table, fonts_for,
                                frame_size, hours_text, make_styles, para, write_story)
from trainer.pdf.reports import class_attendance_story, percent
from trainer.pdf.signin import rows_per_page_setting, signin_story
from trainer.services.certificates import KINDS, list_certificates
from trainer.services.reports.archives import class_file, trainee_file
from trainer.services.reports.attendance import class_attendance
from trainer.services.reports.signin import load_signin_sheet
from trainer.services.uow import UnitOfWork
from trainer.texts import heading

STATUS = {"present": "出勤", "late": "迟到", "excused": "请假", "absent": "缺勤"}
SOURCES = {"enterprise": "企业", "trainee": "学员"}


def _certificate_rows(certificates) -> list[list[str]]:
    return [[c.number, pick(KINDS[c.kind], "zh"), c.trainee_name, c.issued_on.isoformat(),
             hours_text(c.attended_minutes), c.grade,
             "有效" if c.revoked_at is None else f"已作废 {c.revoked_reason}"]
            for c in certificates]


def build_class_archive(uow: UnitOfWork, cohort_id: int, out: Target, progress=None, cancel=None,
                        *, reveal: bool = False) -> PdfResult:
    """一班一档: everything about one class in one PDF (A4 portrait)."""
    file = class_file(uow, cohort_id)
    rows_per_page = rows_per_page_setting(uow)
    job = Job(progress, cancel, total=len(file.lesson_ids) + 4)
    fonts = fonts_for(uow)
    styles = make_styles(fonts.body.name)
    width, _ = frame_size(PORTRAIT)
    attendance = class_attendance(uow, cohort_id, reveal=reveal)
    job.step()
    period = (f"{attendance.start:%Y年%m月%d日} 至 {attendance.end:%Y年%m月%d日}"
              if attendance.start else "尚未排课")
    story = [Spacer(1, 120), para(attendance.office, styles.subtitle),
             para("培训班档案（一班一档）", styles.title), Spacer(1, 30),
             data_table(None, [["班级", f"{attendance.name}({attendance.code})"],
                               ["课程", f"{attendance.course}({attendance.theme})"],
                               ["培训企业", attendance.enterprise or "—"],
                               ["培训时间", period],
                               ["课次", f"{attendance.lessons_held} / {attendance.lessons_planned}"],
                               ["学员", f"{len(attendance.rows)} 人，符合结业 {attendance.completed} 人"],
                               ["出勤率", percent(attendance.rate)],
                               ["建档日期", f"{dt.date.today():%Y年%m月%d日}"]],
                       [90, width - 180], styles, zebra=False),
             PageBreak()]
    # 1. lessons
    sheets = [load_signin_sheet(uow, lid) for lid in file.lesson_ids]
    story.append(para("一、课程安排", styles.heading))
    story.append(data_table(["课次", "日期", "时间", "地点", "讲师"],
                            [[f"{sh.sequence}/{sh.lesson_count}", sh.date.isoformat(),
                              f"{sh.start:%H:%M}–{sh.end:%H:%M}",
                              f"线上：{sh.online}" if sh.online else sh.venue, sh.lecturer]
                             for sh in sheets], [40, 70, 70, width - 250, 70], styles,
                            align="cccll"))
    # 2. attendance and results
    story += [Spacer(1, 10), para("二、考勤与考核", styles.heading)]
    story += class_attendance_story(attendance, styles, title=False)
    job.step()
    story += [Spacer(1, 10), para("三、考核成绩", styles.heading),
              data_table(["姓名", "成绩", "是否合格", "考核日期"],
                         [[n, "" if sc is None else str(sc), "合格" if ok else "不合格",
                           d.isoformat() if d else ""] for n, sc, ok, d in file.results],
                         [width - 240, 80, 80, 80], styles, align="lccc")]
    # 3. certificates
    certificates = list_certificates(uow, cohort_id=cohort_id)
    story += [Spacer(1, 10), para(f"四、证书发放（{len(certificates)} 张）", styles.heading),
              data_table(["证书编号", "类型", "姓名", "发证日期", "学时", "等级", "状态"],
                         _certificate_rows(certificates),
                         [110, 56, 60, 66, 34, 40, width - 366], styles, align="lllccll")]
    # 4. feedback
    story += [Spacer(1, 10), para("五、满意度评价", styles.heading),
              data_table(["来源", "评价人", "评分", "意见"],
                         [[SOURCES.get(src, src), name or "", str(score), comment]
                          for src, score, comment, name in file.feedback],
                         [50, 60, 40, width - 150], styles, align="llcl")]
    job.step()
    # 5. the sign-in sheets, as printed
    for sheet in sheets:  # lessons in a room only: an online lesson has no sheet
        if sheet.online:
            job.step()
            continue
        story += [PageBreak()] + signin_story(sheet, styles, rows_per_page)
        job.step()
    result = write_story(out, story, PageInfo(attendance.office, f"培训班档案 {attendance.code}"),
                         fonts, job=job)
    job.step()
    return result


# --- the trainee's record ----------------------------------------------------------------------

def build_trainee_record(uow: UnitOfWork, trainee: str | int, out: Target, progress=None,
                         cancel=None, *, reveal: bool = False) -> PdfResult:
    """一人一档: one person (by id or resident ID number) with every class, attendance, result
    and certificate."""
    job = Job(progress, cancel, total=2)
    record = trainee_file(uow, str(trainee), reveal=reveal)
    facts, classes, office = record.facts, record.classes, record.office
    job.step()
    fonts = fonts_for(uow)
    styles = make_styles(fonts.body.name)
    width, _ = frame_size(PORTRAIT)
    story = [para("职工培训档案（一人一档）", styles.title), para(office, styles.subtitle),
             data_table(None, [["姓名", facts.name, "性别", facts.gender],
                               ["身份证号", facts.id_number, "出生日期", facts.birth],
                               ["手机", facts.mobile, "人员类别", facts.category],
                               ["工作单位", facts.enterprise, heading("post")[0], facts.post]],
                        [64, width / 2 - 64, 64, width / 2 - 64], styles, zebra=False),
             Spacer(1, 10), para(f"参加培训（{len(classes)} 个班）", styles.heading)]
    total = sum(c.minutes for c in classes)
    story.append(data_table(
        ["班级", "课程（主题）", "报名日期", "出勤", "学时", "成绩", "结业"],
        [[f"{c.name}({c.code})", f"{c.course}({c.theme})", c.enrolled_on.isoformat(),
          f"{c.attended}/{c.held}", hours_text(c.minutes), "" if c.score is None else str(c.score),
          "是" if c.completes else (f"否：{c.reason}" if c.reason else "否")] for c in classes]
        + [["合计", "", "", "", hours_text(total), "", f"{sum(c.completes for c in classes)} 个班"]],
        [120, width - 404, 64, 40, 36, 36, 108], styles, align="llccccl"))
    certificates = list_certificates(uow, trainee_id=record.trainee_id)
    story += [Spacer(1, 10), para(f"证书（{len(certificates)} 张）", styles.heading),
              data_table(["证书编号", "类型", "姓名", "发证日期", "学时", "等级", "状态"],
                         _certificate_rows(certificates),
                         [110, 56, 60, 66, 34, 40, width - 366], styles, align="lllccll")]
    result = write_story(out, story, PageInfo(office, f"学员档案 {facts.name}"), fonts, job=job)
    job.step()
    return result
