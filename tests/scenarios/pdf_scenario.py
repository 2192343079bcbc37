"""A class with lessons, trainees, attendance, results and feedback for the PDF tests and the
certificate bench. Master data goes through the services; classes, lessons, enrolments,
attendance and assessments are written with the models (their services belong to other areas)."""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from sqlalchemy import select

from trainer.db.models import (Assessment, Attendance, Cohort, Enrolment, Feedback, Lecturer, Lesson,
                               Theme, Trainee)
from trainer.rules.id_number import check_character
from trainer.rules.pinyin import pinyin_initials
from trainer.services.courses import CourseForm, create_course
from trainer.services.enterprises import EnterpriseForm, VenueForm, create_enterprise, create_venue
from trainer.services.lecturers import LecturerForm, create_lecturer
from trainer.services.uow import UnitOfWork

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗欧阳"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国"


def id_number(serial: int, birth: dt.date = dt.date(1988, 5, 17)) -> str:
    first17 = f"360502{birth:%Y%m%d}{serial % 1000:03d}"
    return first17 + check_character(first17)


def person_name(i: int) -> str:
    return SURNAMES[i % len(SURNAMES)] + GIVEN[(i * 7) % len(GIVEN)] + GIVEN[(i * 3 + 1) % len(GIVEN)]


@dataclass(frozen=True)
class ClassScenario:
    cohort_id: int
    course_id: int
    lesson_ids: tuple[int, ...]
    trainee_ids: tuple[int, ...]
    enterprise_id: int
    other_enterprise_id: int
    lecturer_id: int
    venue_id: int
    theme: str


def make_class(uow: UnitOfWork, *, trainees: int = 25, lessons: int = 4,
               start: dt.date = dt.date(2026, 9, 7), theme: str = "安全生产",
               code: str = "AQ-2026-01", title: str = "有限空间作业安全",
               attendance: bool = True, seed: int = 7, enterprise: str | None = None,
               lecturer: str = "黎建国") -> ClassScenario:
    rnd = random.Random(seed)
    with uow:
        s = uow.session
        theme_row = s.scalar(select(Theme).where(Theme.organization_id == uow.organization_id,
                                                 Theme.name == theme))
        ent_name = enterprise or f"新余渝磐特钢制品有限公司{code[-2:]}"
        ent = create_enterprise(uow, EnterpriseForm(
            ent_name, district="渝水区", address="新余市渝水区袁河经济开发区工业大道 88 号",
            contact_name="刘海波", contact_phone="13979012345"))
        other = create_enterprise(uow, EnterpriseForm(
            f"江西袁川金属结构有限公司 Yuanchuan Metal Structure Co., Ltd.{code[-2:]}",
            district="分宜县", address="分宜县工业园园区一路 6 号",
            contact_name="张丽", contact_phone="13879054321"))
        venue = create_venue(uow, VenueForm("炼钢车间培训室", ent.id, "袁河经济开发区工业大道 88 号", 60))
        course = create_course(uow, CourseForm(theme_row.id, f"{title}{code[-2:]}", "",
                                               lessons, 120, 30, 70, 75))
        lect = s.scalar(select(Lecturer).where(Lecturer.name == lecturer))  # one person, many classes
        if lect is None:
            lect = create_lecturer(uow, LecturerForm(lecturer, "national_senior", "M",
                                                     "新余市安全生产专家库", "注册安全工程师",
                                                     f"1397900{seed:04d}", "", (theme_row.id,)))
        cohort = Cohort(organization_id=uow.organization_id, course_id=course.id,
                        enterprise_id=ent.id, code=code, name=f"{ent_name[:6]}{title}班",
                        capacity=60, status="running")
        s.add(cohort)
        s.flush()
        lesson_rows = []
        day = start
        for seq in range(1, lessons + 1):
            while day.weekday() >= 5:
                day += dt.timedelta(days=1)
            morning = seq % 2 == 1
            lesson_rows.append(Lesson(cohort_id=cohort.id, sequence=seq, date=day,
                                      start_time=dt.time(9 if morning else 14, 0),
                                      end_time=dt.time(11 if morning else 16, 0),
                                      venue_id=venue.id, lecturer_id=lect.id, status="held"))
            day += dt.timedelta(days=2)
        s.add_all(lesson_rows)
        people = []
        for i in range(trainees):
            name = person_name(i + seed * 100)
            people.append(Trainee(organization_id=uow.organization_id, name=name,
                                  name_initials=pinyin_initials(name), gender="M",
                                  id_number=id_number(i + 1, dt.date(1970 + seed % 30, 1 + seed % 12, 1 + i // 999)),
                                  mobile=f"139{seed:04d}{i:04d}",
                                  enterprise_id=ent.id if i % 4 else other.id, post="炼钢工"))
        s.add_all(people)
        s.flush()
        s.add_all(Enrolment(cohort_id=cohort.id, trainee_id=t.id, enrolled_on=start,
                            status="active") for t in people)
        if attendance:
            for t_index, t in enumerate(people):
                for l_index, lesson in enumerate(lesson_rows):
                    # most attend all; every fifth misses half; every seventh has one leave
                    status = "present"
                    if t_index % 5 == 4 and l_index % 2:
                        status = "absent"
                    elif t_index % 7 == 6 and l_index == 0:
                        status = "excused"
                    elif t_index % 3 == 2 and l_index == 1:
                        status = "late"
                    s.add(Attendance(lesson_id=lesson.id, trainee_id=t.id, status=status,
                                     late_minutes=10 if status == "late" else 0))
                score = 55 + rnd.randrange(45)
                s.add(Assessment(cohort_id=cohort.id, trainee_id=t.id, score=score,
                                 passed=score >= 70, assessed_on=lesson_rows[-1].date))
            s.add(Feedback(cohort_id=cohort.id, source="enterprise", score=5, comment="贴近岗位,很实用"))
            for t in people[:5]:
                s.add(Feedback(cohort_id=cohort.id, source="trainee", trainee_id=t.id,
                               score=4 + (t.id % 2), comment="希望多安排实操"))
        s.flush()
        return ClassScenario(cohort.id, course.id, tuple(l.id for l in lesson_rows),
                             tuple(t.id for t in people), ent.id, other.id, lect.id, venue.id,
                             theme)


def seal_png(size: int = 240) -> bytes:
    """A red round seal with a star on a transparent background, as an office would scan one."""
    import io
    import math

    from PIL import Image, ImageDraw

    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    red = (200, 20, 20, 210)
    draw.ellipse((6, 6, size - 6, size - 6), outline=red, width=size // 24)
    cx = cy = size / 2
    outer, inner = size * 0.16, size * 0.065
    points = []
    for i in range(10):
        r = outer if i % 2 == 0 else inner
        angle = math.pi / 2 + i * math.pi / 5
        points.append((cx + r * math.cos(angle), cy - r * math.sin(angle)))
    draw.polygon(points, fill=red)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()
