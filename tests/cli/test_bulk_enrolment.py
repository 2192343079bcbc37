"""`trainer enrol --list/--all-matching`, `trainer eligible` and `trainer pdf record` by name,
as a clerk or a script runs them: output and exit codes, on SQLite and PostgreSQL."""
from __future__ import annotations

import pytest

from tests.scenarios.attendance_fixtures import id_number, make_class, make_course, make_trainees
from trainer.cli import main
from trainer.services.schedule_classes import get_class
from trainer.services.trainees import TraineeForm, create_trainee, get_trainee


@pytest.fixture
def course(uow):
    return make_course(uow)


def _person(uow, name, serial) -> int:
    return create_trainee(uow, TraineeForm(name, id_number(serial), "F", category="laid_off")).id


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_command_line_bulk_enrolment_eligibility_and_record(capsys, uow, db_url, course,
                                                            tmp_path):
    cohort, _ = make_class(uow, course, "QHD-OPEN", open_enrolment=True, capacity=3)
    people = make_trainees(uow, 4, first=40)
    _person(uow, "王芳", 104)
    _person(uow, "王芳", 105)
    code, out, _ = run(capsys, "--lang", "zh", "eligible", "--db", db_url, "--class", "QHD-OPEN",
                       "--categories", "下岗失业人员,困难职工")
    assert code == 0 and "面向社会招收：下岗失业人员、困难职工" in out
    assert run(capsys, "eligible", "--db", db_url, "--class", "QHD-OPEN",
               "--categories", "外星人")[0] == 2
    names = [get_trainee(uow, i).name for i in people]
    (tmp_path / "list.csv").write_text("姓名\n" + "\n".join(names) + "\n", encoding="utf-8-sig")
    code, out, _ = run(capsys, "--lang", "en", "enrol", "--db", db_url, "--class", "QHD-OPEN",
                       "--list", str(tmp_path / "list.csv"), "--dry-run")
    assert code == 3 and "enrolled 3, already in 0, refused 1" in out and "dry run" in out
    assert "class full: 3 places, none left after the 3 enrolled now" in out
    assert get_class(uow, cohort).enrolled == 0
    code, out, _ = run(capsys, "--lang", "en", "enrol", "--db", db_url, "--class", "QHD-OPEN",
                       "--all-matching", names[0])
    assert code == 0 and "enrolled 1" in out
    code, out, err = run(capsys, "--lang", "zh", "pdf", "record", "--db", db_url,
                         "--trainee", "王芳", "--out", str(tmp_path / "r.pdf"))
    assert code == 2 and "对应多名学员" in err and err.count("**********") == 2
    assert not (tmp_path / "r.pdf").exists()
    code, out, err = run(capsys, "--lang", "zh", "pdf", "record", "--db", db_url,
                         "--trainee", names[0], "--out", str(tmp_path / "r.pdf"))
    assert code == 0 and f"一人一档：#{people[0]} {names[0]}" in out
    assert (tmp_path / "r.pdf").exists()
