"""Issue 20, finding 6, as the attack: control characters in names. A NUL after the first 4 KB
of a CSV, a rejected row holding BEL, ESC sequences typed into a form or the command line, and a
name that got into the database before names were checked (an old copy, a raw INSERT). Each is
refused with a located reason or shown escaped; imports, exports and lists never fail."""
from __future__ import annotations

import sqlite3

import pytest
from openpyxl import load_workbook

from trainer.cli import main
from trainer.errors import InvalidInput
from trainer.rules.id_number import check_character
from trainer.services import trainees as tr

EXIT_REJECTED = 3


def _id(n: int) -> str:
    first17 = f"36050219{80 + n % 20:02d}0{1 + n % 9}1{n % 10}{n % 1000:03d}"
    return first17 + check_character(first17)


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def office(sqlite_url, capsys):
    assert main(["init", "--db", sqlite_url, "--org", "新余市总工会"]) == 0
    capsys.readouterr()
    return sqlite_url


def test_a_nul_after_the_first_4_kb_is_refused_at_its_row(office, capsys, tmp_path):
    rows = ["姓名,身份证号,手机,岗位"]
    rows += [f"职工{i:03d},{_id(i)},139790{i:05d},炼钢工" for i in range(120)]  # > 4 KB
    rows.append(f"王\x00五,{_id(500)},13979099999,炼钢工")
    rows.append(f"李\x07四,not-an-id,13979088888,天车工")  # rejected twice over: BEL and the ID
    data = ("\n".join(rows) + "\n").encode("utf-8")
    assert data.index(b"\x00") > 4096
    source = tmp_path / "list.csv"
    source.write_bytes(data)
    rejects = tmp_path / "rejects.xlsx"
    code, out, err = run(capsys, "--lang", "en", "import", "trainees", str(source), "--rejects",
                         str(rejects), "--db", office)
    assert "Traceback" not in out + err
    assert code == EXIT_REJECTED, err
    assert "accepted 120, rejected 2" in out
    assert "row 122" in out and "control character (U+0000) at character 2" in out
    assert "\x00" not in out and "\x07" not in out
    sheet = load_workbook(rejects).active
    names = [r[1] for r in sheet.iter_rows(min_row=2, values_only=True)]
    assert names == ["王\\x00五", "李\\x07四"]  # as they were, visibly
    code, out, _err = run(capsys, "list", "trainees", "--db", office, "--search", "王")
    assert "王" not in out  # nothing of the refused row was stored


def test_forms_and_the_command_line_refuse_control_characters(office, capsys):
    from trainer.db.migrate import open_database
    from trainer.services.uow import UnitOfWork

    db = open_database(office)
    uow = UnitOfWork(db)
    with pytest.raises(InvalidInput) as refused:
        tr.create_trainee(uow, tr.TraineeForm(name="张\x1b[31m三", id_number=_id(1)))
    assert "第 2 个字符是不可见的控制字符（U+001B）" in refused.value.message("zh")
    kept = tr.create_trainee(uow, tr.TraineeForm(name="张\t三 ", id_number=_id(2), post="焊工\r\n"))
    assert (kept.name, kept.post) == ("张三", "焊工")  # tabs and line breaks: harmless, cleaned
    db.dispose()
    code, out, err = run(capsys, "--lang", "en", "add", "trainee", "--name", "赵\x9b六",
                         "--id-number", _id(3), "--db", office)
    assert code == 2 and "U+009B" in err and "\x9b" not in err


def test_an_odd_name_already_stored_never_breaks_export_or_the_terminal(office, capsys, tmp_path):
    from trainer.db.migrate import open_database
    from trainer.services.uow import UnitOfWork

    db = open_database(office)
    record = tr.create_trainee(UnitOfWork(db), tr.TraineeForm(name="钱七", id_number=_id(4)))
    db.dispose()
    conn = sqlite3.connect(tmp_path / "test.db")  # as an old copy or a raw INSERT left it
    conn.execute("UPDATE trainees SET name = ? WHERE id = ?",
                 ("钱\x1b]0;pwned\x07\x1b[2J七\x00", record.id))
    conn.commit()
    conn.close()
    out_file = tmp_path / "e.xlsx"
    code, out, err = run(capsys, "export", "trainees", str(out_file), "--db", office)
    assert code == 0, err
    assert "Traceback" not in err
    values = [c for row in load_workbook(out_file).active.iter_rows(values_only=True) for c in row]
    assert "钱\\x1b]0;pwned\\x07\\x1b[2J七\\x00" in values
    code, out, err = run(capsys, "list", "trainees", "--db", office)
    assert code == 0 and "\x1b" not in out and "\x07" not in out
    assert "钱\\x1b]0;pwned" in out
    code, out, err = run(capsys, "show", "trainee", str(record.id), "--db", office)
    assert code == 0 and "\x1b" not in out and "\x00" not in out
