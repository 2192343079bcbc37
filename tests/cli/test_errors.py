"""The command line's one error mapping (trainer/cli/__init__.py): a typed error → its sentence and
exit code; an OSError → which file and why, exit 2; anything else → "internal error", the log's
path, exit 1, and the traceback in the log — never a raw traceback on the terminal."""
import contextlib
import io

import pytest

from trainer.cli import main
from trainer.config import log_path


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli_errors") / "demo.db"
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["demo", "--db", f"sqlite:///{path}", "--start", "2027-01-01"]) == 0
    return f"sqlite:///{path}"


def test_typed_errors_keep_their_sentence_and_code(capsys, demo_db, tmp_path):
    code, _, err = run(capsys, "--lang", "zh", "show", "trainees", "999999", "--db", demo_db)
    assert (code, err) == (2, "trainer: 找不到学员“999999”。\n")
    code, _, err = run(capsys, "--lang", "en", "list", "widgets", "--db", demo_db)
    assert code == 2 and "unknown kind 'widgets'; use one of enterprises" in err
    code, _, err = run(capsys, "--lang", "en", "info", "--db", str(tmp_path / "none.db"))
    assert code == 2 and "none.db" in err and "Traceback" not in err


@pytest.mark.parametrize("command", [["export", "trainees", "{out}"],
                                     ["pdf", "fees", "--month", "2027-01", "--out", "{out}"],
                                     ["schedule", "export", "--out", "{out}"]])
def test_out_pointing_at_a_folder_is_a_located_bad_argument(capsys, demo_db, tmp_path, command):
    folder = tmp_path / "报表"
    folder.mkdir()
    args = [a.format(out=folder) for a in command]
    code, out, err = run(capsys, "--lang", "zh", *args, "--db", demo_db)
    assert code == 2, (out, err)
    assert err == f"trainer: “{folder}”是一个文件夹，不是文件：请给出要写入的文件名。\n"
    assert list(folder.iterdir()) == []  # no temporary file left behind
    code, _, err = run(capsys, "--lang", "en", *args, "--db", demo_db)
    assert code == 2 and f"“{folder}” is a folder, not a file" in err


def test_a_missing_output_folder_is_made_for_excel_and_pdf_alike(capsys, demo_db, tmp_path):
    book, pdf = tmp_path / "新建" / "学员.xlsx", tmp_path / "另一个" / "课时费.pdf"
    assert run(capsys, "export", "trainees", str(book), "--db", demo_db)[0] == 0
    assert run(capsys, "pdf", "fees", "--month", "2027-01", "--out", str(pdf),
               "--db", demo_db)[0] == 0
    assert book.stat().st_size > 0 and pdf.read_bytes().startswith(b"%PDF")


def test_a_file_where_the_output_folder_should_be(capsys, demo_db, tmp_path):
    blocker = tmp_path / "not_a_folder"
    blocker.write_text("x")
    code, _, err = run(capsys, "--lang", "en", "export", "trainees", str(blocker / "t.xlsx"),
                       "--db", demo_db)
    assert code == 2 and f"“{blocker}” does not exist" in err


def test_an_oserror_nobody_typed_names_the_file(capsys, demo_db, monkeypatch):
    def unreadable(*_args, **_kw):
        raise PermissionError(13, "Permission denied", "/srv/共享/名单.xlsx")

    monkeypatch.setattr("trainer.cli.records.print_table", unreadable)
    code, _, err = run(capsys, "--lang", "zh", "list", "trainees", "--db", demo_db)
    assert (code, err) == (2, "trainer: 没有读写“/srv/共享/名单.xlsx”的权限。\n")


def test_an_unexpected_error_is_an_internal_error_with_the_log(capsys, demo_db, monkeypatch):
    """The issue's injected bug: a KeyError inside a command is no longer "unknown kind … exit 2"."""
    def broken(column, record, reveal):
        raise KeyError("contact_phone")

    monkeypatch.setattr("trainer.cli.records.cell", broken)
    code, out, err = run(capsys, "--lang", "en", "list", "enterprises", "--db", demo_db)
    assert code == 1 and out == ""
    assert err.startswith("trainer: internal error (KeyError)") and str(log_path()) in err
    assert "unknown kind" not in err and "Traceback" not in err
    logged = log_path().read_text(encoding="utf-8")
    assert "Traceback" in logged and "KeyError: 'contact_phone'" in logged
    code, _, err = run(capsys, "--lang", "zh", "list", "enterprises", "--db", demo_db)
    assert code == 1 and err.startswith("trainer: 程序内部错误（KeyError），不是数据的问题。")
