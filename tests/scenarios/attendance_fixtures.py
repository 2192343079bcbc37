"""Small builders for the attendance/enrolment tests and the Qinhuangdao bench. Master data goes
through the services; classes and lessons are written with the models (their service is being
written in another area), the way the schedule service will leave them."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from trainer.db.models import Cohort, Lesson, Theme
from trainer.rules.id_number import check_character
from trainer.services.courses import CourseForm, create_course
from trainer.services.enterprises import EnterpriseForm, create_enterprise
from trainer.services.trainees import TraineeForm, create_trainee
from trainer.services.uow import UnitOfWork

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "芳娜敏静丽艳娟秀霞桂英华玉兰红梅燕萍婷雪琳"


def id_number(serial: int, birth: dt.date = dt.date(1985, 3, 12), female: bool = True,
              region: str = "130302") -> str:
    """A valid ID number (region 130302: 秦皇岛 海港区); `serial` picks digits 15–17."""
    digit17 = (serial * 2) % 10 if female else (serial * 2 + 1) % 10
    birth += dt.timedelta(days=serial // 500)  # unique for any serial
    first17 = f"{region}{birth:%Y%m%d}{(serial // 5) % 100:02d}{digit17}"
    return first17 + check_character(first17)


def person_name(i: int) -> str:
    return SURNAMES[i % len(SURNAMES)] + GIVEN[(i * 7) % len(GIVEN)] + GIVEN[(i // 3) % len(GIVEN)]


def make_course(uow: UnitOfWork, title: str = "母婴护理师(初级)", *, lessons: int = 8,
                pass_mark: int | str = "", min_attendance_percent: int = 80,
                excused_counts_present: bool = False, theme: str = "安全生产") -> int:
    with uow:
        theme_id = uow.session.scalar(select(Theme.id).where(
            Theme.organization_id == uow.organization_id, Theme.name == theme))
        return create_course(uow, CourseForm(
            theme_id, title, lesson_count=lessons, lesson_minutes=120, pass_mark=pass_mark,
            min_attendance_percent=min_attendance_percent,
            excused_counts_present=excused_counts_present)).id


def make_enterprise(uow: UnitOfWork, name: str = "秦皇岛海港家政服务有限公司") -> int:
    return create_enterprise(uow, EnterpriseForm(name, district="海港区")).id


def make_class(uow: UnitOfWork, course_id: int, code: str, *, lessons: int = 8,
               start: dt.date = dt.date(2026, 3, 2), every_days: int = 2,
               enterprise_id: int | None = None, open_enrolment: bool = False,
               categories: str = "", capacity: int = 60,
               status: str = "planned") -> tuple[int, tuple[int, ...]]:
    """A class and its lessons (09:00–11:00, one every `every_days` days from `start`)."""
    with uow:
        s = uow.session
        cohort = Cohort(organization_id=uow.organization_id, course_id=course_id,
                        enterprise_id=enterprise_id, code=code, name=f"母婴护理师{code}班",
                        capacity=capacity, open_enrolment=open_enrolment,
                        eligible_categories=categories, status=status)
        s.add(cohort)
        s.flush()
        rows = [Lesson(cohort_id=cohort.id, sequence=i + 1,
                       date=start + dt.timedelta(days=i * every_days),
                       start_time=dt.time(9), end_time=dt.time(11)) for i in range(lessons)]
        s.add_all(rows)
        s.flush()
        return cohort.id, tuple(r.id for r in rows)


def make_trainees(uow: UnitOfWork, count: int, *, enterprise_id: int | None = None,
                  category: str = "laid_off", first: int = 0) -> list[int]:
    with uow:
        return [create_trainee(uow, TraineeForm(
            person_name(i), id_number(i), "F", enterprise_id=enterprise_id,
            category=category)).id for i in range(first, first + count)]


def set_lesson_status(uow: UnitOfWork, lesson_id: int, status: str) -> None:
    with uow:
        uow.session.get(Lesson, lesson_id).status = status
