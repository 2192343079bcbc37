"""`trainer programme …` as a clerk or a script uses it (issue 16): output in both languages and
exit codes (0, 3 refused rows, 2 bad arguments or an unreadable file), on SQLite and
PostgreSQL."""
from __future__ import annotations

import openpyxl
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
    back = tmp_path / "refused.xlsx"
    code, out, _ = run("programme", "enrol", "1", path, "--dry-run", "--rejects", str(back))
    assert code == 3 and out.startswith("enrolled 5, refused 6\n")
    assert f"rejects: {back}" in out
    sent = [[c.value for c in r] for r in openpyxl.load_workbook(back).active.iter_rows()]
    assert sent[0][0] == "Row" and sent[0][-1] == "Reason" and len(sent) == 7
    reasons = {r[2]: r[-1] for r in sent[1:]}
    assert reasons["张红芳"].startswith("category “employed worker” is not one this programme "
                                       "takes (laid-off")
    assert reasons["吴红敏"] == "no place left in any “初级” class"
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



def test_a_programme_edited_with_the_version_shown(capsys, uow, office, db_url, tmp_path):
    def run(*args):
        code = main(["--db", db_url, "--lang", "zh", *args])
        out, err = capsys.readouterr()
        return code, out, err

    code, out, _ = run("programme", "add", "--name", "千名母婴护理师培训", "--course",
                       "母婴护理师（初级）", "--level-course", "等级提升=母婴护理师（等级提升）",
                       "--venue", "秦皇岛市职工培训中心", "--start", "2027-03", "--months", "1",
                       "--classes-per-month", "2", "--class-size", "3", "--no-plan")
    assert code == 0, out
    code, out, _ = run("programme", "show", "1")
    assert out.splitlines()[0] == "1  千名母婴护理师培训  （版本 1）"
    path = write_xlsx(tmp_path / "报名表.xlsx", [applicant(i) for i in range(3)])
    assert run("programme", "enrol", "1", path)[0] == 0
    code, out, _ = run("programme", "edit", "1", "--version", "1", "--name", "母婴护理师培训（一期）",
                       "--class-size", "5", "--pass-mark", "初级=65", "--grade", "等级提升=中级",
                       "--eligible", "下岗失业人员,农民工")
    assert code == 0, out
    assert out.strip() == "培训项目 1：母婴护理师培训(一期) 已修改（版本 2），2 个班，名额 10 个"
    code, out, _ = run("programme", "show", "1")
    assert "初级：母婴护理师(初级)，每月 1 班，合格线 65，证书等级 初级" in out
    assert "等级提升：母婴护理师(等级提升)，每月 1 班，合格线 70，证书等级 中级" in out
    assert "下岗失业人员、农民工" in out
    code, _, err = run("programme", "edit", "1", "--version", "1", "--class-size", "4")
    assert code == 1 and "被他人修改：每班人数 3 → 5" in err, err  # stale: refused, unchanged
    code, _, err = run("programme", "edit", "1", "--version", "2", "--class-size", "2")
    assert code == 1 and "班级 P1-202703-1 已有 3 人报名" in err, err
    code, _, err = run("programme", "edit", "1", "--version", "2", "--months", "2")
    assert code == 1 and "已有 3 人报名，不能再改变地点" in err, err
    assert run("programme", "edit", "1", "--version", "2", "--pass-mark", "高级=80")[0] == 2
    assert run("programme", "edit", "1", "--class-size", "4")[0] == 2  # no version given
    code, out, _ = run("programme", "edit", "1", "--overwrite", "--class-size", "4")
    assert code == 0 and "名额 8 个" in out
