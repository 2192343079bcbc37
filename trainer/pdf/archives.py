"""Archives: the class file (一班一档) — the class, its lessons, a sign-in sheet per lesson, the
attendance summary, the results, the certificates and the feedback, in one PDF — and the
trainee's record (一人一档): every class of one person with attendance, result and
certificates. Personal data masked unless `reveal`."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reportlab.platypus import PageBreak, Spacer
from sqlalchemy import select

from trainer.db.models import (Assessment, Cohort, Course, Enrolment, Enterprise, Feedback, Lesson,
                               Theme, Trainee)
from trainer.errors import NotFoundError
from trainer.messages import GENDERS, TRAINEE_CATEGORIES, pick
from trainer.pdf.layout import (PORTRAIT, Job, PageInfo, PdfResult, Target, data_table, fonts_for,
                                frame_size, hours_text, make_styles, office_name, para, write_story)
from trainer.pdf.report_data import class_attendance
from trainer.pdf.reports import class_attendance_story, percent
from trainer.pdf.signin import load_signin_sheet, rows_per_page_setting, signin_story
from trainer.rules.id_number import mask_id_number
from trainer.rules.phone import mask_mobile
from trainer.security.personal import masked_birth_date, require_reveal_for_lookup
from trainer.services.certificates import KINDS, list_certificates
from trainer.services.common import get_row
from trainer.services.uow import UnitOfWork

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
    with uow:
        s = uow.session
        get_row(s, Cohort, cohort_id, "cohort", uow.organization_id)
        lesson_ids = list(s.scalars(select(Lesson.id).where(Lesson.cohort_id == cohort_id,
                                                            Lesson.status != "cancelled")
                                    .order_by(Lesson.sequence)))
        rows_per_page = rows_per_page_setting(uow)
    job = Job(progress, cancel, total=len(lesson_ids) + 4)
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
    sheets = [load_signin_sheet(uow, lid) for lid in lesson_ids]
    story.append(para("一、课程安排", styles.heading))
    story.append(data_table(["课次", "日期", "时间", "地点", "讲师"],
                            [[f"{sh.sequence}/{sh.lesson_count}", sh.date.isoformat(),
                              f"{sh.start:%H:%M}–{sh.end:%H:%M}", sh.venue, sh.lecturer]
                             for sh in sheets], [40, 70, 70, width - 250, 70], styles,
                            align="cccll"))
    # 2. attendance and results
    story += [Spacer(1, 10), para("二、考勤与考核", styles.heading)]
    story += class_attendance_story(attendance, styles, title=False)
    job.step()
    with uow:
        s = uow.session
        results = s.execute(select(Trainee.name, Assessment.score, Assessment.passed,
                                   Assessment.assessed_on)
                            .join(Trainee, Trainee.id == Assessment.trainee_id)
                            .where(Assessment.cohort_id == cohort_id)
                            .order_by(Trainee.name_initials, Trainee.id)).all()
        feedback = s.execute(select(Feedback.source, Feedback.score, Feedback.comment, Trainee.name)
                             .outerjoin(Trainee, Trainee.id == Feedback.trainee_id)
                             .where(Feedback.cohort_id == cohort_id)
                             .order_by(Feedback.source, Feedback.id)).all()
    story += [Spacer(1, 10), para("三、考核成绩", styles.heading),
              data_table(["姓名", "成绩", "是否合格", "考核日期"],
                         [[n, "" if sc is None else str(sc), "合格" if ok else "不合格",
                           d.isoformat() if d else ""] for n, sc, ok, d in results],
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
                          for src, score, comment, name in feedback],
                         [50, 60, 40, width - 150], styles, align="llcl")]
    job.step()
    # 5. the sign-in sheets, as printed
    for sheet in sheets:
        story += [PageBreak()] + signin_story(sheet, styles, rows_per_page)
        job.step()
    result = write_story(out, story, PageInfo(attendance.office, f"培训班档案 {attendance.code}"),
                         fonts, job=job)
    job.step()
    return result


# --- the trainee's record ----------------------------------------------------------------------

@dataclass(frozen=True)
class RecordClass:
    cohort_id: int
    code: str
    name: str
    course: str
    theme: str
    enrolled_on: dt.date
    status: str
    attended: int
    held: int
    minutes: int
    score: int | None
    completes: bool
    reason: str


def _find_trainee(uow: UnitOfWork, key: str) -> Trainee:
    s = uow.session
    key = key.strip().upper()
    row = None
    if key.isdigit() and len(key) <= 9:  # a database id (a mobile would overflow INTEGER)
        row = s.get(Trainee, int(key))
    if row is None:
        require_reveal_for_lookup(uow)  # "not found" would confirm a guessed ID number
        row = s.scalar(select(Trainee).where(Trainee.organization_id == uow.organization_id,
                                             Trainee.id_number == key))
    if row is None or row.organization_id != uow.organization_id:
        raise NotFoundError("trainee", key)
    return row


def build_trainee_record(uow: UnitOfWork, trainee: str | int, out: Target, progress=None,
                         cancel=None, *, reveal: bool = False) -> PdfResult:
    """一人一档: one person (by id or resident ID number) with every class, attendance, result
    and certificate."""
    with uow:
        s = uow.session
        person = _find_trainee(uow, str(trainee))
        ent = s.get(Enterprise, person.enterprise_id) if person.enterprise_id else None
        enrolments = s.execute(select(Enrolment, Cohort, Course.title, Theme.name)
                               .join(Cohort, Cohort.id == Enrolment.cohort_id)
                               .join(Course, Course.id == Cohort.course_id)
                               .join(Theme, Theme.id == Course.theme_id)
                               .where(Enrolment.trainee_id == person.id)
                               .order_by(Enrolment.enrolled_on, Cohort.id)).all()
        facts = dict(name=person.name, gender=pick(GENDERS.get(person.gender, ("", "")), "zh"),
                     id_number=person.id_number if reveal else mask_id_number(person.id_number),
                     mobile=person.mobile if reveal else mask_mobile(person.mobile),
                     enterprise=ent.name if ent else "", post=person.post,
                     category=pick(TRAINEE_CATEGORIES.get(person.category, (person.category,) * 2), "zh"),
                     birth=masked_birth_date(person.birth_date, reveal))
        office = office_name(uow)
        person_id = person.id
    job = Job(progress, cancel, total=len(enrolments) + 1)
    classes = []
    for enrolment, cohort, title, theme in enrolments:
        data = class_attendance(uow, cohort.id, reveal=reveal)
        mine = next((r for r in data.rows if r.trainee_id == person_id), None)
        classes.append(RecordClass(
            cohort.id, cohort.code, cohort.name, title, theme, enrolment.enrolled_on,
            enrolment.status, (mine.present + mine.late) if mine else 0,
            (mine.present + mine.late + mine.excused + mine.absent + mine.unmarked) if mine else 0,
            mine.attended_minutes if mine else 0, mine.score if mine else None,
            bool(mine and mine.completes), mine.reason if mine else ""))
        job.step()
    fonts = fonts_for(uow)
    styles = make_styles(fonts.body.name)
    width, _ = frame_size(PORTRAIT)
    story = [para("职工培训档案（一人一档）", styles.title), para(office, styles.subtitle),
             data_table(None, [["姓名", facts["name"], "性别", facts["gender"]],
                               ["身份证号", facts["id_number"], "出生日期", facts["birth"]],
                               ["手机", facts["mobile"], "人员类别", facts["category"]],
                               ["工作单位", facts["enterprise"], "岗位", facts["post"]]],
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
    certificates = list_certificates(uow, trainee_id=person_id)
    story += [Spacer(1, 10), para(f"证书（{len(certificates)} 张）", styles.heading),
              data_table(["证书编号", "类型", "姓名", "发证日期", "学时", "等级", "状态"],
                         _certificate_rows(certificates),
                         [110, 56, 60, 66, 34, 40, width - 366], styles, align="lllccll")]
    result = write_story(out, story, PageInfo(office, f"学员档案 {facts['name']}"), fonts, job=job)
    job.step()
    return result
