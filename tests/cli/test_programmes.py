"""`trainer programme …` as a clerk or a script uses it (issue 16): output in both languages and
exit codes (0, 3 refused rows, 2 bad arguments or an unreadable file), on SQLite and
PostgreSQL."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from tests.scenarios.programme_fixtures import applicant, build_office, write_xlsx
from tests.services.test_programmes import _list_rows
from trainer.cli import main
from trainer.db.models import Enrolment


@pytest.fixture
def office(uow):
    return build_office(uow, lessons=4, seats=60)


def enrolments(uow) -> int:
    with uow:
        return uow.session.scalar(select(func.count()).select_from(Enrolment))


def test_the_command_line(capsys, uow, office, db_url, tmp_path):
    def run(*args):
        args = args if "--lang" in args else ("--lang", "en", *args)
        code = main(["--db", db_url, *args])
        out, err = capsys.readouterr()
        return code, out, err

    code, out, _ = run("programme", "add", "--name", "千名母婴护理师培训", "--course",
                       "母婴护理师（初级）", "--level-course", "等级提升=母婴护理师（等级提升）",
                       "--venue", "秦皇岛市职工培训中心", "--start", "2027-03", "--months", "1",
                       "--classes-per-month", "2", "--class-size", "3", "--eligible",
                       "下岗失业人员,困难职工,农民工,应届初中毕业生", "--grade", "等级提升=中级")
    assert code == 0, out
    assert "programme 1: 千名母婴护理师培训" in out
    assert "classes: P1-202703-1 P1-202703-2" in out and "lessons planned 8, not placed 0" in out
    code, out, _ = run("--lang", "zh", "programme", "show", "千名母婴护理师培训")
    assert code == 0 and "等级提升：母婴护理师(等级提升)，每月 1 班，合格线 70，证书等级 中级" in out
    path = write_xlsx(tmp_path / "报名表.xlsx", _list_rows())
    code, out, _ = run("programme", "enrol", "1", path, "--dry-run")
    assert code == 3 and out.startswith("enrolled 5, refused 6\n")
    assert "row 5: 张红芳: category “employed worker” is not one this programme takes" in out
    assert "dry run: nothing written" in out and enrolments(uow) == 0
    code, out, _ = run("--lang", "zh", "programme", "enrol", "千名母婴护理师培训", path)
    assert code == 3 and out.startswith("报名 5 人，未录取 6 人\n")
    assert "第 8 行：与第 3 行是同一人，重复报名" in out and enrolments(uow) == 5
    assert "新建学员 5 人，编入 2 个班" in out
    code, out, _ = run("programme", "list")
    assert code == 0 and "5/6" in out
    ok = write_xlsx(tmp_path / "ok.xlsx", [applicant(30, "农民工", level="等级提升")])
    assert run("programme", "enrol", "1", ok)[0] == 0
    assert run("programme", "enrol", "1", str(tmp_path / "missing.xlsx"))[0] == 2
    assert run("programme", "show", "nope")[0] == 2
    code, _, err = run("programme", "add", "--name", "x", "--course", "母婴护理师（初级）",
                       "--venue", "秦皇岛市职工培训中心", "--start", "2027-13", "--months", "1",
                       "--classes-per-month", "1", "--class-size", "2")
    assert code == 2
    code, out, _ = run("programme", "level", "P1-202703-1", "1", "初级")
    assert code == 0 and out.strip().endswith(": 初级")


def test_making_a_programme_in_chinese(capsys, uow, office, db_url):
    code = main(["--db", db_url, "--lang", "zh", "programme", "add", "--name", "家政服务员培训",
                 "--course", "1", "--venue", "秦皇岛市职工培训中心", "--start", "2027/5",
                 "--months", "1", "--classes-per-month", "1", "--class-size", "30", "--no-plan"])
    out = capsys.readouterr().out
    assert code == 0 and out == "培训项目 1：家政服务员培训\n班级：P1-202705-1\n"
    code = main(["--db", db_url, "--lang", "zh", "programme", "show", "1"])
    out = capsys.readouterr().out
    assert "地点：秦皇岛市职工培训中心；2027年5月起 1 个月，每月 1 个班，每班 30 人；招收：不限" in out
    assert "P1-202705-1  初级  2027-05  0/30" in out
    code = main(["--db", db_url, "--lang", "zh", "programme", "add", "--name", "家政服务员培训",
                 "--course", "1", "--venue", "秦皇岛市职工培训中心", "--start", "2027-05",
                 "--months", "1", "--classes-per-month", "1", "--class-size", "30"])
    assert code == 2 and "名称“家政服务员培训”已存在" in capsys.readouterr().err

