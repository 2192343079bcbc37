"""The command line, driven as a user or a script would: exit codes, stdout, stderr."""
import contextlib
import io
import json
import subprocess
import sys

import pytest

from trainer.cli import main
from trainer.db.migrate import head_revision


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    """One demo database for the module's read-only tests (built once: it takes seconds)."""
    path = tmp_path_factory.mktemp("cli") / "demo.db"
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["demo", "--db", f"sqlite:///{path}", "--start", "2027-01-01"]) == 0
    return f"sqlite:///{path}"


def test_python_dash_m_runs_demo_and_pinyin_search(tmp_path):
    """The issue's own check: `trainer demo` then `trainer list trainees --search zs`."""
    url = f"sqlite:///{tmp_path / 'x.db'}"
    demo = subprocess.run([sys.executable, "-m", "trainer", "demo", "--db", url],
                          capture_output=True, text=True, encoding="utf-8")
    assert demo.returncode == 0, demo.stderr
    assert "trainees: 6" in demo.stdout
    listed = subprocess.run([sys.executable, "-m", "trainer", "list", "trainees", "--db", url,
                             "--search", "zs", "--format", "json"],
                            capture_output=True, text=True, encoding="utf-8")
    assert listed.returncode == 0, listed.stderr
    rows = json.loads(listed.stdout)
    assert rows and all(r["name"][0] in "张周钟朱曾邹" for r in rows)
    assert all("*" in r["id_number"] for r in rows)  # masked unless --reveal


def test_add_edit_show_delete_round_trip(capsys, sqlite_url):
    assert run(capsys, "init", "--db", sqlite_url, "--org", "新余市总工会")[0] == 0
    code, out, _ = run(capsys, "add", "enterprise", "--db", sqlite_url, "--name", "新余 恒达钢铁",
                       "--headcount", "１２０", "--contact-phone", "+86 138-0013-8000")
    assert code == 0 and "新余恒达钢铁" in out and "138****8000" in out
    code, out, _ = run(capsys, "add", "trainee", "--db", sqlite_url, "--name", "张三",
                       "--id-number", "11010519491231002x", "--enterprise", "新余恒达钢铁")
    assert code == 0
    code, out, _ = run(capsys, "edit", "enterprise", "1", "--db", sqlite_url, "--park", "高新区")
    assert code == 0 and "高新区" in out and "version: 2" in out
    code, out, _ = run(capsys, "--lang", "en", "show", "trainee", "1", "--db", sqlite_url,
                       "--reveal")
    assert "11010519491231002X" in out and "新余恒达钢铁" in out
    code, out, _ = run(capsys, "list", "trainees", "--db", sqlite_url, "--search", "zs",
                       "--format", "csv")
    assert out.splitlines()[1].startswith("1,张三,")


def test_invalid_input_exits_2_with_located_message(capsys, sqlite_url):
    run(capsys, "init", "--db", sqlite_url)
    code, out, err = run(capsys, "--lang", "zh", "add", "trainee", "--db", sqlite_url,
                         "--name", "李四", "--id-number", "110105194902300021", "--mobile", "123")
    assert code == 2 and out == ""
    assert "手机号应为 11 位手机号" in err and "出生日期 1949-02-30 不存在" in err
    code, _, err = run(capsys, "--lang", "en", "add", "lecturer", "--db", sqlite_url,
                       "--name", "王老师")
    assert code == 2 and "Category is required" in err
    assert run(capsys, "list", "invoices", "--db", sqlite_url)[0] == 2
    assert run(capsys, "list", "trainees", "--db", sqlite_url, "--limit", "x")[0] == 2
    assert run(capsys, "show", "trainee", "999", "--db", sqlite_url)[0] == 2
    assert run(capsys, "edit", "trainee", "999", "--db", sqlite_url)[0] == 2  # nothing to change


def test_refused_delete_exits_1_and_names_what_refers(capsys, demo_db):
    code, _, err = run(capsys, "--lang", "zh", "delete", "course", "1", "--db", demo_db)
    assert code == 1 and "不能删除课程" in err and "培训需求" in err


def test_lists_in_both_languages(capsys, demo_db):
    code, out, _ = run(capsys, "--lang", "zh", "list", "lecturers", "--db", demo_db)
    assert code == 0 and out.startswith("编号") and "国家高级专业讲师" in out
    code, out, _ = run(capsys, "--lang", "en", "list", "requests", "--db", demo_db, "--limit", "3")
    assert code == 0 and out.startswith("ID") and "(3)" in out
    code, out, _ = run(capsys, "info", "--db", demo_db)
    assert "trainees 660" in out and f"schema:   {head_revision()}" in out


def test_demo_refuses_a_database_with_data(capsys, demo_db):
    code, _, err = run(capsys, "demo", "--db", demo_db)
    assert code == 1 and err


def test_database_problems_are_reported_not_raised(capsys, tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 200)
    code, _, err = run(capsys, "list", "trainees", "--db", str(junk))
    assert code == 2 and ("database" in err.lower() or "数据库" in err)
    code, _, err = run(capsys, "info", "--db", "postgresql+psycopg://x@127.0.0.1:1/none")
    assert code == 1 and err


def test_help_is_the_reference(capsys):
    assert run(capsys, "--help")[0] == 0
    code, out, _ = run(capsys, "add", "lecturer", "--help")
    assert code == 0 and "--themes" in out and "--unavailable" in out and "--hourly-fee" in out
