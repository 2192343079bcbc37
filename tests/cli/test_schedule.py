"""`trainer schedule …` driven as a user would, on SQLite and PostgreSQL: exit codes 0/2/4,
the conflict sentences, classes, moves, calendar files and the workbook; and the hook through
which the planner adds its own subcommands."""
from __future__ import annotations

import datetime as dt
import types

import pytest
from icalendar import Calendar
from openpyxl import load_workbook

from tests.scenarios.schedule_scenario import build
from trainer.cli import main
from trainer.cli.common import COMMON
from trainer.services import schedule as sc

D = dt.date


@pytest.fixture(autouse=True)
def _english(monkeypatch):
    """`--lang` sets the language for the process; each test starts (and ends) in English."""
    monkeypatch.setattr("trainer.texts.current._language", "en")


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def world(uow, db_url):
    return build(uow), db_url


def _lessons(uow, world):
    big = sc.create_classes(uow, world.request_big)
    small = sc.create_classes(uow, world.request_small)
    a = sc.add_lesson(uow, sc.LessonForm(big[0].id, D(2026, 10, 13), "afternoon",
                                         lecturer_id=world.wang, venue_id=world.workshop))
    b = sc.add_lesson(uow, sc.LessonForm(small[0].id, D(2026, 10, 15), "afternoon",
                                         lecturer_id=world.wang, venue_id=world.saiwei_room))
    return a, b


def test_check_exit_codes(capsys, uow, world):
    scenario, url = world
    assert run(capsys, "schedule", "check", "--db", url)[:2] == (0, "0 conflict(s)\n")
    a, _b = _lessons(uow, scenario)
    assert run(capsys, "schedule", "check", "--db", url)[0] == 0
    sc.add_lesson(uow, sc.LessonForm(a.class_id, D(2026, 10, 1), "morning",
                                     lecturer_id=scenario.li, venue_id=scenario.workshop),
                  allow_conflicts=True)  # 国庆节, and before lesson 1
    code, out, _ = run(capsys, "schedule", "check", "--db", url, "--lang", "zh")
    assert code == 4
    assert "这一天是国庆节，不是工作日" in out and "课次顺序颠倒" in out
    assert out.strip().endswith("发现 2 个冲突")
    code, out, _ = run(capsys, "schedule", "check", "--db", url, "--from", "2026-10-12",
                       "--to", "2026-10-31", "--lang", "en")
    assert code == 4 and "out of order" in out  # lesson 2 of the class is in the range
    assert run(capsys, "schedule", "check", "--db", url, "--from", "2026-10-14")[0] == 0
    assert run(capsys, "schedule", "check", "--db", url, "--from", "2026-13-01")[0] == 2


def test_classes_and_lessons(capsys, uow, world):
    scenario, url = world
    code, out, _ = run(capsys, "schedule", "classes", "--db", url, "--request",
                       str(scenario.request_big), "--lang", "zh")
    assert code == 0
    assert [line.split()[3] for line in out.splitlines()[2:]] == ["44", "43", "43"]
    code, _, err = run(capsys, "schedule", "classes", "--db", url, "--request",
                       str(scenario.request_big), "--lang", "en")
    assert code == 2 and "Training request already has 3 class(es)" in err
    classes = sc.list_classes(uow, request_id=scenario.request_big)
    sc.add_lesson(uow, sc.LessonForm(classes[0].id, D(2026, 10, 13), "morning",
                                     lecturer_id=scenario.wang, venue_id=scenario.workshop))
    code, out, _ = run(capsys, "schedule", "lessons", "--db", url, "--lecturer", "王建国",
                       "--lang", "zh")
    assert code == 0 and "2026-10-13（周二）" in out and "新钢公司一车间" in out and "(1)" in out
    code, out, _ = run(capsys, "schedule", "lessons", "--db", url, "--enterprise", "赛维公司")
    assert code == 0 and out.strip().endswith("(0)")
    code, _, err = run(capsys, "schedule", "lessons", "--db", url, "--lecturer", "无名氏")
    assert code == 2 and "no lecturer named 无名氏" in err


def test_move_refused_then_saved_then_forced(capsys, uow, world):
    scenario, url = world
    a, b = _lessons(uow, scenario)
    code, _, err = run(capsys, "schedule", "move", str(b.id), "--db", url, "--date",
                       "2026-10-13", "--period", "afternoon")
    assert code == 2 and "--version" in err  # the version seen, or an explicit --overwrite
    code, out, err = run(capsys, "schedule", "move", str(b.id), "--db", url, "--date",
                         "2026-10-13", "--period", "afternoon", "--lang", "zh",
                         "--version", str(b.version))
    assert code == 4 and out == ""
    assert "讲师王建国 2026-10-13（周二）下午已在新钢公司一车间上" in err
    assert sc.get_lesson(uow, b.id).date == D(2026, 10, 15)
    code, out, _ = run(capsys, "schedule", "move", str(b.id), "--db", url, "--date", "2026-10-20",
                       "--period", "下午", "--lang", "en", "--version", str(b.version))
    assert code == 0 and "Tue 2026-10-20" in out
    assert sc.get_lesson(uow, b.id).date == D(2026, 10, 20)
    code, _, err = run(capsys, "schedule", "move", str(b.id), "--db", url, "--date", "2026-10-13",
                       "--period", "afternoon", "--force", "--version", str(b.version),
                       "--lang", "zh")
    assert code == 1 and "已于" in err and "请重新打开后再保存" in err  # moved since it was shown
    assert sc.get_lesson(uow, b.id).date == D(2026, 10, 20)
    code, out, _ = run(capsys, "schedule", "move", str(b.id), "--db", url, "--date", "2026-10-13",
                       "--period", "afternoon", "--force", "--overwrite", "--lang", "en")
    assert code == 0 and "already teaches" in out
    assert run(capsys, "schedule", "check", "--db", url)[0] == 4
    code, out, _ = run(capsys, "schedule", "move", str(a.id), "--db", url, "--date", "2026-10-13",
                       "--period", "morning", "--lecturer", "李芳", "--version", str(a.version))
    assert code == 0 and "李芳" in out
    assert run(capsys, "schedule", "check", "--db", url)[0] == 0
    assert run(capsys, "schedule", "move", str(a.id), "--db", url, "--date", "2026-10-13",
               "--overwrite")[0] == 2
    assert run(capsys, "schedule", "move", "999", "--db", url, "--date", "2026-10-13",
               "--period", "morning", "--overwrite")[0] == 2


def test_ics_and_export_files(capsys, uow, world, tmp_path):
    scenario, url = world
    a, b = _lessons(uow, scenario)
    out_file = tmp_path / "wang.ics"
    code, out, _ = run(capsys, "schedule", "ics", "--db", url, "--lecturer", "王建国",
                       "--out", str(out_file))
    assert code == 0 and out.strip().endswith("(2)")
    events = Calendar.from_ical(out_file.read_bytes()).walk("VEVENT")
    assert sorted(e.decoded("dtstart").date() for e in events) == [D(2026, 10, 13), D(2026, 10, 15)]
    code, out, _ = run(capsys, "schedule", "ics", "--db", url, "--enterprise", "赛维公司",
                       "--out", str(tmp_path / "sw.ics"), "--from", "2026-10-14")
    assert code == 0 and out.strip().endswith("(1)")
    assert run(capsys, "schedule", "ics", "--db", url, "--out", str(tmp_path / "x.ics"))[0] == 2
    code, _, err = run(capsys, "schedule", "ics", "--db", url, "--enterprise", "不存在公司",
                       "--out", str(tmp_path / "x.ics"))
    assert code == 2 and "不存在公司" in err
    book = tmp_path / "schedule.xlsx"
    code, out, _ = run(capsys, "schedule", "export", "--db", url, "--out", str(book), "--lang", "zh")
    assert code == 0 and out.strip().endswith("(2)")
    rows = list(load_workbook(book).active.iter_rows(values_only=True))
    assert rows[0][0] == "日期" and len(rows) == 3


def test_extension_hook_adds_schedule_subcommands(capsys, monkeypatch, sqlite_url):
    """How the planner's module plugs `schedule plan` in: listed in EXTENSIONS."""
    plugin = types.ModuleType("fake_plan_cli")

    def add_commands(schedule_sub):
        p = schedule_sub.add_parser("plan", parents=[COMMON], help="place lessons automatically")
        p.add_argument("--from", dest="start")
        p.set_defaults(run=lambda args: print(f"planning from {args.start}") or 0)

    plugin.add_commands = add_commands
    monkeypatch.setattr("trainer.cli.schedule.EXTENSIONS", [plugin])
    code, out, _ = run(capsys, "schedule", "plan", "--db", sqlite_url, "--from", "2026-10-01")
    assert (code, out) == (0, "planning from 2026-10-01\n")
    code, out, _ = run(capsys, "schedule", "--help")
    assert code == 0 and "plan" in out and "check" in out


def test_cancel_needs_the_version_and_the_calendar_file_says_cancelled(capsys, uow, world,
                                                                      tmp_path):
    scenario, url = world
    a, b = _lessons(uow, scenario)
    assert run(capsys, "schedule", "cancel", str(b.id), "--db", url)[0] == 2  # no version
    code, _, err = run(capsys, "schedule", "cancel", str(b.id), "--db", url, "--version",
                       str(b.version + 1), "--lang", "en")
    assert code == 1 and "changed by" in err and sc.get_lesson(uow, b.id).status != "cancelled"
    code, out, _ = run(capsys, "schedule", "cancel", str(b.id), "--db", url, "--version",
                       str(b.version))
    assert code == 0 and sc.get_lesson(uow, b.id).status == "cancelled"
    out_file = tmp_path / "wang.ics"
    assert run(capsys, "schedule", "ics", "--db", url, "--lecturer", "王建国",
               "--out", str(out_file))[0] == 0
    events = {e.decoded("dtstart").date(): str(e["status"])
              for e in Calendar.from_ical(out_file.read_bytes()).walk("VEVENT")}
    assert events == {D(2026, 10, 13): "CONFIRMED", D(2026, 10, 15): "CANCELLED"}
