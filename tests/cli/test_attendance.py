"""The attendance command line as a clerk or a script uses it: output and exit codes, on SQLite
and PostgreSQL."""
from __future__ import annotations

import datetime as dt
import io
import subprocess
import sys

import openpyxl
import pytest

from tests.scenarios.attendance_fixtures import (id_number, make_class, make_course,
                                                   make_enterprise, make_trainees)
from trainer.cli import main
from trainer.services import attendance as at
from trainer.services import enrolment as en
from trainer.services.schedule_classes import get_class
from trainer.services.trainees import get_trainee

D = dt.date


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def setup(uow, db_url):
    """A 4-lesson class (pass mark 60) at an enterprise, its 5 workers, one outsider."""
    ent = make_enterprise(uow, "秦皇岛海港家政服务有限公司")
    course = make_course(uow, lessons=4, pass_mark=60)
    cohort, lessons = make_class(uow, course, "QHD-01", lessons=4, start=D(2026, 3, 2),
                                 enterprise_id=ent, capacity=5)
    people = make_trainees(uow, 5, enterprise_id=ent)
    outsider = make_trainees(uow, 1, first=20)[0]
    return db_url, cohort, lessons, people, outsider


def test_enrol_by_ids_roster_and_refusals(capsys, setup, uow):
    url, cohort, lessons, people, outsider = setup
    code, out, _ = run(capsys, "--lang", "zh", "enrol", "--db", url, "--class", "QHD-01",
                       "--trainee", str(people[0]), at.trainee_scan_code(people[1]),
                       str(outsider))
    assert code == 3  # one refused
    assert "报名 2 人" in out and "不是秦皇岛海港家政服务有限公司的职工" in out
    code, out, _ = run(capsys, "--lang", "en", "enrol", "--db", url, "--class", str(cohort),
                       "--enterprise", "秦皇岛海港家政服务有限公司", "--dry-run")
    assert code == 0 and "enrolled 3, already in 2" in out and "dry run" in out
    code, out, _ = run(capsys, "--lang", "en", "enrol", "--db", url, "--class", "QHD-01",
                       "--enterprise", "秦皇岛海港家政服务有限公司")
    assert code == 0 and "places left 0" in out
    extra = make_trainees(uow, 1, first=40,
                          enterprise_id=get_trainee(uow, people[0]).enterprise_id)[0]
    code, _, err = run(capsys, "--lang", "en", "enrol", "--db", url, "--class", "QHD-01",
                       "--trainee", str(extra))
    assert code == 1 and "too few places" in err
    assert run(capsys, "enrol", "--db", url, "--class", "nope", "--trainee", "1")[0] == 2
    assert run(capsys, "enrol", "--db", url, "--class", "QHD-01")[0] == 2  # who?
    assert run(capsys, "enrol", "--db", url, "--class", "QHD-01", "--trainee", "none")[0] == 2


def test_enrol_from_a_file(capsys, setup, tmp_path):
    url, *_ = setup
    book = openpyxl.Workbook()
    book.active.append(["姓名", "身份证号码", "人员类别"])
    book.active.append(["赵秀英", id_number(301), "农民工"])
    book.active.append(["钱桂兰", "12345", "农民工"])
    book.save(tmp_path / "list.xlsx")
    code, out, _ = run(capsys, "--lang", "zh", "enrol", "--db", url, "--class", "QHD-01",
                       "--file", str(tmp_path / "list.xlsx"), "--file-enterprise",
                       "秦皇岛海港家政服务有限公司", "--rejects", str(tmp_path / "back.xlsx"))
    assert code == 3 and "新增学员 1" in out and "第 3 行" in out and "报名 1 人" in out
    assert (tmp_path / "back.xlsx").exists()


def test_mark_a_lesson_then_completion_and_history(capsys, setup, uow):
    url, cohort, lessons, people, outsider = setup
    en.enrol_trainees(uow, cohort, people)
    tails = {p: get_trainee(uow, p).id_number[-6:] for p in people}
    for lesson in lessons:
        code, out, _ = run(capsys, "--lang", "en", "attendance", "mark", "--db", url,
                           "--lesson", str(lesson), "--all-present",
                           "--absent", tails[people[0]], "--late", f"{tails[people[1]]}:12")
        assert code == 0, out
    assert "present 3, late 1, excused 0, absent 1, not recorded 0" in out
    code, out, _ = run(capsys, "--lang", "en", "attendance", "mark", "--db", url, "--lesson",
                       str(lessons[0]), "--present", "9999", at.trainee_scan_code(outsider))
    assert code == 3 and "No trainee matches “9999”" in out and "is not in this class" in out
    assert run(capsys, "attendance", "mark", "--db", url, "--lesson", str(lessons[0]))[0] == 2
    assert run(capsys, "attendance", "mark", "--db", url, "--lesson", str(lessons[0]),
               "--late", "1234")[0] == 2  # TAIL:MIN
    code, out, _ = run(capsys, "--lang", "en", "assess", "--db", url, "--class", "QHD-01",
                       "--trainee", *[str(p) for p in people[1:4]], "--score", "75")
    assert code == 0 and out.count("pass") == 3
    run(capsys, "assess", "--db", url, "--class", "QHD-01", "--trainee", str(people[4]),
        "--fail")
    code, out, _ = run(capsys, "--lang", "zh", "completion", "--db", url, "--class", "QHD-01",
                       "--as-of", "2026-06-30")
    assert code == 0
    name0, name4 = get_trainee(uow, people[0]).name, get_trainee(uow, people[4]).name
    line0 = next(l for l in out.splitlines() if l.startswith(name0))
    assert "出勤 0/4 次，至少需要 4 次；尚未考核" in line0
    assert "考核未通过" in next(l for l in out.splitlines() if l.startswith(name4))
    assert "3/5 人结业" in out
    code, out, _ = run(capsys, "--lang", "en", "history", "--db", url, "--trainee",
                       str(people[1]))
    assert code == 0 and "QHD-01" in out and "1 completed" in out and "8.0 hours" in out
    code, out, _ = run(capsys, "attendance", "show", "--db", url, "--class", "QHD-01",
                       "--lang", "en")
    assert code == 0 and at.trainee_scan_code(people[0]) in out and "A  A  A  A" in out


def test_scan_import_export_and_feedback(capsys, setup, uow, tmp_path, monkeypatch):
    url, cohort, lessons, people, outsider = setup
    en.enrol_trainees(uow, cohort, people)
    monkeypatch.setattr(sys, "stdin", io.StringIO(
        f"{at.trainee_scan_code(people[0])}\n\n{at.trainee_scan_code(people[0])}\nT9999999\n"))
    code, out, _ = run(capsys, "--lang", "en", "attendance", "scan", "--db", url, "--lesson",
                       str(lessons[0]))
    assert code == 3 and "already marked" in out and "\a" in out
    path = tmp_path / "sheet.csv"
    rows = ["课次ID,身份证号,考勤"] + [f"{lessons[1]},{get_trainee(uow, p).id_number},到"
                                   for p in people] + [f"{lessons[1]},000000,到"]
    path.write_text("\n".join(rows), encoding="gbk")
    code, out, _ = run(capsys, "attendance", "import", str(path), "--db", url, "--dry-run")
    assert code == 3 and "accepted 5, rejected 1" in out
    code, out, _ = run(capsys, "--lang", "en", "attendance", "import", str(path), "--db", url,
                       "--rejects", str(tmp_path / "r.xlsx"))
    assert code == 3 and "created 5" in out and (tmp_path / "r.xlsx").exists()
    assert run(capsys, "attendance", "import", str(tmp_path / "none.csv"), "--db", url)[0] == 2
    code, out, _ = run(capsys, "attendance", "export", "--db", url, "--class", "QHD-01",
                       "--out", str(tmp_path / "class.xlsx"))
    assert code == 0 and "(5 × 4)" in out
    assert openpyxl.load_workbook(tmp_path / "class.xlsx").sheetnames[1] in ("课次", "Lessons")
    assert run(capsys, "feedback", "add", "--db", url, "--class", "QHD-01", "--source",
               "enterprise", "--score", "5", "--comment", "很实用")[0] == 0
    assert run(capsys, "feedback", "add", "--db", url, "--class", "QHD-01", "--source",
               "trainee", "--score", "9")[0] == 2
    code, out, _ = run(capsys, "--lang", "zh", "feedback", "show", "--db", url, "--class",
                       "QHD-01")
    assert code == 0 and "企业: 5.00" in out and "很实用" in out


def test_transfer_and_withdraw(capsys, setup, uow):
    url, cohort, lessons, people, outsider = setup
    course = make_course(uow, "育婴员", lessons=2)
    en.enrol_trainees(uow, cohort, people[:2])
    second, _ = make_class(uow, get_class(uow, cohort).course_id, "QHD-02", lessons=2)
    code, out, _ = run(capsys, "--lang", "en", "transfer", "--db", url, "--trainee",
                       str(people[0]), "--from", "QHD-01", "--to", "QHD-02", "--date",
                       "2026-03-05")
    assert code == 0 and "QHD-02" in out and "2026-03-05" in out
    other, _ = make_class(uow, course, "YY-01", lessons=2)
    code, _, err = run(capsys, "--lang", "en", "transfer", "--db", url, "--trainee",
                       str(people[1]), "--from", "QHD-01", "--to", "YY-01")
    assert code == 1 and "one course" in err
    assert run(capsys, "withdraw", "--db", url, "--class", "QHD-01", "--trainee",
               str(people[1]))[0] == 0
    assert run(capsys, "withdraw", "--db", url, "--class", "QHD-01", "--trainee",
               str(people[1]))[0] == 1


def test_python_dash_m_completion_runs(setup):
    url, *_ = setup
    done = subprocess.run([sys.executable, "-m", "trainer", "--lang", "en", "completion",
                           "--db", url, "--class", "QHD-01"], capture_output=True, text=True,
                          encoding="utf-8")
    assert done.returncode == 0, done.stderr
    assert "0 of 0 complete" in done.stdout
