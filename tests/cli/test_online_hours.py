"""`trainer attendance online-hours CLASS FILE [--dry-run]` and the online-hours rule through the
command line, on SQLite and PostgreSQL: accepted/refused with row reasons and exit 3, nothing
recorded by --dry-run, the course's threshold set with `trainer edit course`, and `trainer
completion` showing the online hours column and the reason."""
from __future__ import annotations

import datetime as dt

import pytest

from tests.scenarios.pdf_scenario import id_number, make_class
from trainer.cli import main
from trainer.services.online_lessons import set_lesson_online
from trainer.services.online_study import online_minutes
from trainer.services.schedule import get_lesson

BORN = dt.date(1977, 8, 1)  # make_class(seed=7): 林杰桂 …0014, 罗平建 …0022, 欧伟芳 …0030


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def cls(uow):
    scenario = make_class(uow, trainees=3, lessons=2, start=dt.date(2026, 10, 12))
    second = get_lesson(uow, scenario.lesson_ids[1])
    set_lesson_online(uow, second.id, "钉钉", "", second.version)
    return scenario


def test_online_hours_dry_run_then_recorded_then_completion(capsys, uow, cls, db_url, tmp_path):
    path = tmp_path / "钉钉学习统计.csv"
    path.write_bytes("\ufeff姓名,身份证号,学习时长\r\n"
                     f"林杰桂,{id_number(1, BORN)},8小时\r\n"
                     "罗平建,,2小时30分\r\n"
                     "赵敏,,1小时\r\n".encode("utf-8"))
    code, out, _ = run(capsys, "attendance", "online-hours", "AQ-2026-01", str(path), "--db",
                       db_url, "--dry-run", "--lang", "zh")
    assert code == 3
    assert "第 2 行 林杰桂：8 学时" in out and "第 3 行 罗平建：2.5 学时" in out
    assert "第 4 行：姓名：姓名“赵敏”不是本班学员" in out
    assert out.strip().endswith("接受 2 人，拒绝 1 行")
    assert online_minutes(uow, cls.cohort_id) == {}
    code, out, _ = run(capsys, "attendance", "online-hours", "AQ-2026-01", str(path), "--db",
                       db_url, "--lang", "en")
    assert code == 3 and "recorded online study time of 2 trainee(s)" in out
    assert sorted(online_minutes(uow, cls.cohort_id).values()) == [150, 480]

    code, out, _ = run(capsys, "edit", "course", str(cls.course_id), "--db", db_url,
                       "--min-online-hours", "8")
    assert code == 0
    code, out, _ = run(capsys, "completion", "--class", "AQ-2026-01", "--db", db_url,
                       "--as-of", "2026-12-01", "--lang", "zh")
    assert code == 0 and "线上学时" in out
    lines = {line.split()[0]: line for line in out.splitlines() if line.strip()}
    assert "8/8" in lines["林杰桂"]
    assert "2.5/8" in lines["罗平建"] and "线上学习 2.5 学时，至少需要 8 学时" in lines["罗平建"]
    assert "出勤 1/1 次" not in lines["林杰桂"]  # completes: no reason printed


def test_unreadable_file_exit_2(capsys, uow, cls, db_url, tmp_path):
    path = tmp_path / "export.csv"
    path.write_bytes("\ufeff部门,人数\r\n炼钢车间,3\r\n".encode("utf-8"))
    code, _out, err = run(capsys, "attendance", "online-hours", "AQ-2026-01", str(path), "--db",
                          db_url, "--lang", "zh")
    assert code == 2 and "找不到表头" in err
