"""A Qinhuangdao-like office for programme tests: the city's training centre (60 seats), a
maternity-care course per level (初级 and 等级提升, lesson count chosen by the test) and three
lecturers of its theme."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from trainer.services.courses import CourseForm, ThemeForm, create_course, create_theme
from trainer.services.enterprises import VenueForm, create_venue
from trainer.services.lecturers import LecturerForm, create_lecturer
from trainer.services.programmes import (BEGINNER, RAISING, LevelForm, ProgrammeForm,
                                         create_programme)
from trainer.services.uow import UnitOfWork

ELIGIBLE = ("laid_off", "in_difficulty", "migrant", "school_leaver")


@dataclass(frozen=True)
class Office:
    centre: int  # venue id: 秦皇岛市职工培训中心 (no enterprise)
    beginner_course: int
    raising_course: int
    lecturers: tuple[int, ...]


def build_office(uow: UnitOfWork, lessons: int = 4, seats: int = 60) -> Office:
    theme = create_theme(uow, ThemeForm("家政服务", "#d94a8c", 9))
    centre = create_venue(uow, VenueForm("秦皇岛市职工培训中心", None, "海港区文化路 88 号", seats))
    beginner = create_course(uow, CourseForm(theme.id, "母婴护理师（初级）", total_hours=lessons * 3,
                                             lesson_count=lessons, lesson_minutes=180,
                                             pass_mark=60, capacity=seats))
    raising = create_course(uow, CourseForm(theme.id, "母婴护理师（等级提升）",
                                            total_hours=lessons * 3, lesson_count=lessons,
                                            lesson_minutes=180, pass_mark=70, capacity=seats))
    lecturers = tuple(create_lecturer(uow, LecturerForm(name, "national_senior",
                                                        theme_ids=(theme.id,))).id
                      for name in ("齐秀兰", "孟庆华", "赵婧"))
    return Office(centre.id, beginner.id, raising.id, lecturers)


def programme_form(office: Office, *, months: int = 6, per_month: int = 3, size: int = 60,
                   start: dt.date = dt.date(2027, 3, 1), raising_classes: int | None = 1,
                   name: str = "秦皇岛市千名母婴护理师免费培训计划") -> ProgrammeForm:
    return ProgrammeForm(name, office.centre, start, months, per_month, size, ELIGIBLE, (
        LevelForm(BEGINNER, office.beginner_course),
        LevelForm(RAISING, office.raising_course, raising_classes, grade="中级"),
    ))


def make_programme(uow: UnitOfWork, office: Office, **kwargs):
    return create_programme(uow, programme_form(office, **kwargs))


HEADER = ["序号", "姓名", "性别", "身份证号码", "手机号码", "人员类别", "报名等级", "是否持证", "备注"]
TITLE = "秦皇岛市千名母婴护理师免费培训报名表"


def write_xlsx(path, rows) -> str:
    """The applicants' list as Excel saves it: a title row merged over the columns, the header,
    ID numbers and mobiles in text-formatted cells (typed after formatting the column as text,
    the way the federation's template asks), a 合计 row at the end."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = "报名表"
    sheet.append([TITLE])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
    sheet["A1"].font = Font(bold=True, size=16)
    sheet.append(HEADER)
    for row in rows:
        sheet.append(list(row))
        for column in (4, 5):
            sheet.cell(sheet.max_row, column).number_format = "@"
    sheet.append(["合计", f"{len(rows)} 人"])
    book.save(path)
    return str(path)


def applicant(i: int, category: str = "下岗失业人员", level: str = "初级", holds: str = "否",
              number: str | None = None):
    """One row of the list: serial, name, gender, ID number, mobile, category, level, holds."""
    from tests.scenarios.attendance_fixtures import id_number, person_name
    return [i + 1, person_name(i), "女", number or id_number(i), f"139{i:08d}", category, level,
            holds, ""]
