"""A small schedule to test against: two enterprises with workshops, a 3-lesson safety course,
two safety lecturers and one marketing lecturer, and training requests in October–November
2026 (around the National Day holiday)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from trainer.services.courses import CourseForm, create_course, list_themes
from trainer.services.enterprises import (EnterpriseForm, VenueForm, create_enterprise,
                                          create_venue)
from trainer.services.lecturers import DateRange, LecturerForm, create_lecturer
from trainer.services.requests import TrainingRequestForm, create_request
from trainer.services.uow import UnitOfWork

D = dt.date


@dataclass(frozen=True)
class Scenario:
    xingang: int  # enterprise ids
    saiwei: int
    workshop: int  # venue ids: 新钢公司一车间 (60), 二车间 (40), 赛维公司培训室 (50)
    small_workshop: int
    saiwei_room: int
    course: int
    marketing_course: int
    wang: int  # 王建国, 安全生产
    li: int  # 李芳, 安全生产, at most 4 hours a day, away 2026-11-02…06
    xin: int  # 辛雅雯, 线上线下营销
    request_big: int  # 新钢公司: 130 workers, 28 Sep – 27 Nov 2026, Mon–Fri, morning/afternoon
    request_small: int  # 赛维公司: 40 workers, same window, Tue/Thu afternoons


def build(uow: UnitOfWork) -> Scenario:
    themes = {t.name: t.id for t in list_themes(uow)}
    xingang = create_enterprise(uow, EnterpriseForm("新钢公司", address="渝水区冶金路1号",
                                                    contact_name="刘伟", contact_phone="13907901234"))
    saiwei = create_enterprise(uow, EnterpriseForm("赛维公司", address="高新区赛维大道8号"))
    workshop = create_venue(uow, VenueForm("一车间", xingang.id, "厂区东门", 60))
    small = create_venue(uow, VenueForm("二车间", xingang.id, "厂区西门", 40))
    room = create_venue(uow, VenueForm("培训室", saiwei.id, "办公楼三楼", 50))
    course = create_course(uow, CourseForm(themes["安全生产"], "安全生产法与岗位安全责任",
                                           lesson_count=3, lesson_minutes=120, capacity=60))
    marketing = create_course(uow, CourseForm(themes["线上线下营销"], "直播带货实务",
                                              lesson_count=2, lesson_minutes=120, capacity=60))
    wang = create_lecturer(uow, LecturerForm("王建国", "national_senior",
                                             theme_ids=(themes["安全生产"],)))
    li = create_lecturer(uow, LecturerForm(
        "李芳", "model_trainer", theme_ids=(themes["安全生产"],), max_hours_per_day=4,
        unavailable=(DateRange(D(2026, 11, 2), D(2026, 11, 6), "外地授课"),)))
    xin = create_lecturer(uow, LecturerForm("辛雅雯", "national_senior",
                                            theme_ids=(themes["线上线下营销"],)))
    big = create_request(uow, TrainingRequestForm(xingang.id, course.id, 130, D(2026, 9, 28),
                                                  D(2026, 11, 27), "12345", ("morning", "afternoon")))
    small_req = create_request(uow, TrainingRequestForm(
        saiwei.id, course.id, 40, D(2026, 9, 28), D(2026, 11, 27), "24", ("afternoon",),
        blackout_dates=(D(2026, 10, 22),)))
    return Scenario(xingang.id, saiwei.id, workshop.id, small.id, room.id, course.id,
                    marketing.id, wang.id, li.id, xin.id, big.id, small_req.id)
