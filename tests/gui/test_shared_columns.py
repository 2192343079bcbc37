"""One column table per kind (trainer/io/list_columns.py): the screen's header, `trainer list
--format csv` (which puts the id first) and the exported .xlsx (the GUI's Export and `trainer
export`) say the same headings in the same order, in Chinese and in English, and show the same
masked cells."""
from __future__ import annotations

import csv
import io

import openpyxl
import pytest
from PySide6.QtCore import Qt

from trainer.cli import main
from trainer.texts import set_language
from ui.models.master_data_models import (CourseTableModel, EnterpriseTableModel,
                                          LecturerTableModel, ThemeTableModel)
from ui.models.request_model import RequestTableModel
from ui.models.trainee_model import TraineeTableModel

SCREENS = {"enterprises": EnterpriseTableModel, "lecturers": LecturerTableModel,
           "themes": ThemeTableModel, "courses": CourseTableModel,
           "requests": RequestTableModel, "trainees": TraineeTableModel}
ID_NUMBER = "36050219900101001X"


@pytest.fixture
def office(capsys, db_url):
    for args in (["init", "--org", "新余市总工会"],
                 ["add", "enterprise", "--name", "新余钢铁", "--contact-phone", "13800138000"],
                 ["add", "trainee", "--name", "䶮明", "--id-number", ID_NUMBER,
                  "--mobile", "13900139000", "--enterprise", "新余钢铁", "--post", "炉前工"]):
        assert main([*args, "--db", db_url]) == 0, capsys.readouterr()
    capsys.readouterr()
    return db_url


def _unit(url):
    from trainer.db.migrate import open_database
    from trainer.services.organizations import list_organizations
    from trainer.services.uow import UnitOfWork

    db = open_database(url)
    unit = UnitOfWork(db)
    unit.use_organization(list_organizations(unit)[0].id)
    return db, unit


def _screen(kind, unit):
    """The page's table as the page fills it (the services' records, masked by default)."""
    from trainer.services import courses, enterprises, lecturers, requests

    if kind == "trainees":
        model = TraineeTableModel(unit)
        model.set_search("")
    else:
        model = SCREENS[kind]()
        model.set_records({"enterprises": enterprises.list_enterprises,
                           "lecturers": lecturers.list_lecturers, "themes": courses.list_themes,
                           "courses": courses.list_courses,
                           "requests": requests.list_requests}[kind](unit))
    header = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    rows = [[model.data(model.index(r, c)) for c in range(model.columnCount())]
            for r in range(model.rowCount())]
    return header, rows


def _cli_csv(capsys, url, lang, kind):
    assert main(["--lang", lang, "list", kind, "--format", "csv", "--db", url]) == 0
    return list(csv.reader(io.StringIO(capsys.readouterr()[0])))


def _exported(capsys, url, lang, kind, path):
    assert main(["--lang", lang, "export", kind, str(path), "--db", url]) == 0
    capsys.readouterr()
    sheet = openpyxl.load_workbook(path).active
    return [[c.value for c in row] for row in sheet.iter_rows()]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_screen_cli_and_export_say_the_same_columns(qtbot, capsys, office, tmp_path, lang):
    db, unit = _unit(office)
    try:
        for kind in SCREENS:
            set_language(lang)
            screen, rows = _screen(kind, unit)
            listed = _cli_csv(capsys, office, lang, kind)
            exported = _exported(capsys, office, lang, kind, tmp_path / f"{kind}-{lang}.xlsx")
            assert listed[0][0] == ("编号" if lang == "zh" else "ID"), kind
            assert listed[0][1:] == screen == exported[0], kind
            # the same cells, masked the same way (the CLI's id aside)
            assert [row[1:] for row in listed[1:]] == rows, kind
            assert [[("" if v is None else str(v)) for v in row] for row in exported[1:]] == rows
    finally:
        db.dispose()
    if lang == "zh":
        assert screen == ["姓名", "性别", "身份证号", "手机号", "企业", "岗位", "类别"]
        assert rows == [["䶮明", "男", "3605**********001X", "139****9000", "新余钢铁", "炉前工", "在岗职工"]]
    else:
        assert screen[:3] == ["Name", "Gender", "Resident ID number"] and screen[5] == "Post"
