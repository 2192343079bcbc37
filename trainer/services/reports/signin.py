"""What a sign-in sheet (签到表) prints: the lesson (course, lesson n of m, date and time, venue,
lecturer) and the trainees actively enrolled in its class, each with the last four characters of
the ID number only and the code the scanner reads. Drawn by pdf/signin.py."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select

from trainer.db.models import (Cohort, Course, Enrolment, Enterprise, Lecturer, Lesson, Programme,
                               Theme, Trainee, Venue)
from trainer.rules.statuses import LessonStatus
from trainer.services.attendance import trainee_scan_code
from trainer.services.common import get_row
from trainer.services.organizations import office_name
from trainer.services.uow import UnitOfWork


@dataclass(frozen=True)
class SigninRow:
    trainee_id: int
    name: str
    enterprise: str
    id_tail: str        # last four characters of the resident ID number, the rest never printed
    scan_code: str


@dataclass(frozen=True)
class SigninSheet:
    lesson_id: int
    office: str
    course: str
    theme: str
    cohort_code: str
    cohort_name: str
    sequence: int
    lesson_count: int
    date: dt.date
    start: dt.time
    end: dt.time
    venue: str
    venue_address: str
    lecturer: str
    rows: tuple[SigninRow, ...]
    online_platform: str = ""  # an online lesson's platform ("": a lesson in a room)
    online_link: str = ""

    @property
    def online(self) -> str:
        """腾讯会议 https://… for an online lesson, "" for a lesson in a room."""
        return f"{self.online_platform} {self.online_link}".strip()


def load_signin_sheet(uow: UnitOfWork, lesson_id: int) -> SigninSheet:
    """The sheet's data: the lesson and the trainees actively enrolled in its class, ordered by
    enterprise then name (pinyin initials), as a clerk reads them out."""
    with uow:
        s = uow.session
        lesson = get_row(s, Lesson, lesson_id, "lesson")
        cohort = get_row(s, Cohort, lesson.cohort_id, "cohort", uow.organization_id)
        course = s.get(Course, cohort.course_id)
        theme = s.get(Theme, course.theme_id)
        venue = s.get(Venue, lesson.venue_id) if lesson.venue_id else None
        lecturer = s.get(Lecturer, lesson.lecturer_id) if lesson.lecturer_id else None
        count = s.scalar(select(func.count()).select_from(Lesson).where(
            Lesson.cohort_id == cohort.id, Lesson.status != LessonStatus.cancelled)) or 0
        found = s.execute(
            select(Trainee.id, Trainee.name, Trainee.id_number, Enterprise.name)
            .join(Enrolment, Enrolment.trainee_id == Trainee.id)
            .outerjoin(Enterprise, Enterprise.id == Trainee.enterprise_id)
            .where(Enrolment.cohort_id == cohort.id, Enrolment.status == "active")
            .order_by(Enterprise.name, Trainee.name_initials, Trainee.name, Trainee.id)).all()
        venue_name = ""
        if venue is not None:
            owner = s.get(Enterprise, venue.enterprise_id) if venue.enterprise_id else None
            venue_name = f"{owner.name} {venue.name}" if owner else venue.name
        rows = tuple(SigninRow(tid, name, ent or "", (idn or "")[-4:], trainee_scan_code(tid))
                     for tid, name, idn, ent in found)
        return SigninSheet(
            lesson.id, office_name(uow), course.title, theme.name, cohort.code, cohort.name,
            lesson.sequence, max(count, lesson.sequence), lesson.date, lesson.start_time,
            lesson.end_time, venue_name, venue.address if venue else "",
            lecturer.name if lecturer else "", rows,
            lesson.online_platform if lesson.online else "",
            lesson.online_link if lesson.online else "")

def enrolled_count(uow: UnitOfWork, lesson_id: int) -> int:
    """How many trainees are actively enrolled in the class of the lesson."""
    with uow:
        lesson = get_row(uow.session, Lesson, lesson_id, "lesson")
        return uow.session.scalar(select(func.count()).select_from(Enrolment).where(
            Enrolment.cohort_id == lesson.cohort_id, Enrolment.status == "active")) or 0


def programme_signin_lessons(uow: UnitOfWork, programme_id: int) -> list[tuple[int, int]]:
    """(lesson id, trainees actively enrolled in its class) for every lesson of a programme's
    classes that has a sign-in sheet — in a room, not cancelled — by class code, then date and
    time: the sheets a whole programme prints (pdf/signin.build_programme_signin)."""
    enrolled = (select(Enrolment.cohort_id, func.count().label("n"))
                .where(Enrolment.status == "active").group_by(Enrolment.cohort_id).subquery())
    with uow:
        s = uow.session
        get_row(s, Programme, programme_id, "programme", uow.organization_id)
        found = s.execute(
            select(Lesson.id, func.coalesce(enrolled.c.n, 0))
            .join(Cohort, Cohort.id == Lesson.cohort_id)
            .outerjoin(enrolled, enrolled.c.cohort_id == Cohort.id)
            .where(Cohort.programme_id == programme_id,
                   Cohort.organization_id == uow.organization_id,
                   Lesson.status != LessonStatus.cancelled, Lesson.online.is_(False))
            .order_by(Cohort.code, Lesson.date, Lesson.start_time, Lesson.sequence)).all()
        return [(lesson_id, count) for lesson_id, count in found]
