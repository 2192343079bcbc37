"""The command line speaks the chosen language (--lang): its own sentences come from the text
catalogue (trainer/texts/cli.py), not from English-only f-strings."""
import pytest

from trainer.cli import main
from trainer.texts import AREAS, text


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def office(capsys, sqlite_url):
    assert run(capsys, "init", "--db", sqlite_url, "--org", "新余市总工会")[0] == 0
    assert run(capsys, "add", "enterprise", "--db", sqlite_url, "--name", "新余钢铁")[0] == 0
    return sqlite_url


def _bad_list(tmp_path):
    """Two rows with short ID numbers, as Excel saves "CSV UTF-8": BOM and CRLF."""
    path = tmp_path / "学员名单.csv"
    path.write_bytes("姓名,身份证号,手机\r\n张三,123,13800138000\r\n李四,456,13900139000\r\n"
                     .encode("utf-8-sig"))
    return path


def test_import_summary_in_chinese_and_english(capsys, office, tmp_path):
    path = _bad_list(tmp_path)
    code, out, _ = run(capsys, "--lang", "zh", "import", "trainees", str(path), "--db", office,
                       "--enterprise", "新余钢铁", "--dry-run")
    assert code == 3
    lines = out.splitlines()
    assert lines[0] == "通过检查 0 行，退回 2 行"
    assert lines[1].startswith("第 2 行：身份证号") and lines[-1] == "试运行：未写入任何数据"
    assert "accepted" not in out and "row " not in out
    code, out, _ = run(capsys, "--lang", "en", "import", "trainees", str(path), "--db", office,
                       "--enterprise", "新余钢铁", "--dry-run")
    assert code == 3 and out.splitlines()[0] == "accepted 0, rejected 2"
    assert out.splitlines()[-1] == "dry run: nothing written"


def test_delete_and_show_in_chinese(capsys, office):
    code, out, _ = run(capsys, "--lang", "zh", "show", "enterprise", "1", "--db", office)
    assert code == 0 and "版本：1" in out and "version" not in out
    code, out, _ = run(capsys, "--lang", "zh", "delete", "enterprise", "1", "--db", office)
    assert (code, out) == (0, "已删除\n")


def test_every_cli_text_has_both_languages_and_the_same_placeholders():
    import string

    for key, (zh, en) in AREAS["cli"].items():
        assert zh and en, key
        names = [{f[1] for f in string.Formatter().parse(t) if f[1]} for t in (zh, en)]
        assert names[0] == names[1], key
    assert text("cli.row", "zh", row=3) == "第 3 行：" and text("cli.row", "en", row=3) == "row 3: "
