"""`trainer --help`, every command's help, usage and argparse's own error messages in the chosen
language (--lang, else the locale): Chinese with full-width punctuation, English stays English.
Every help text a command gives has its Chinese in trainer/texts/cli_help.py."""
from __future__ import annotations

import argparse
import re

import pytest

from trainer.cli import build_parser, main
from trainer.rules.text import display_width, wrap_columns
from trainer.texts import current
from trainer.texts.cli_help import ARGPARSE, HELP

HAN = re.compile("[\u4e00-\u9fff]")


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def english_locale(monkeypatch):
    for var in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.setenv("COLUMNS", "80")


def test_help_in_chinese(capsys, english_locale):
    code, out, _ = run(capsys, "--lang", "zh", "--help")
    assert code == 0 and out.startswith("用法：trainer ")
    assert "位置参数：" in out and "选项：" in out and "显示本帮助并退出" in out
    assert "import              从 .xlsx/.xls/.csv 导入名单" in out
    assert "退出码：0 成功" in out
    assert "usage:" not in out and "options:" not in out and "show this help" not in out


def test_a_commands_help_in_chinese_and_english(capsys, english_locale):
    code, out, _ = run(capsys, "--lang", "zh", "import", "--help")
    assert code == 0 and out.startswith("用法：trainer import ")
    assert "导入学员、企业、讲师或培训需求。" in out and "只检查，不写入" in out
    # COMMON's options (made before the language was chosen) sit in the one 选项 section
    assert out.count("选项：") == 1 and "options" not in out
    assert "数据库地址或 SQLite 文件路径" in out and "提示信息的语言" in out
    code, out, _ = run(capsys, "--lang", "en", "import", "--help")
    assert code == 0 and out.startswith("usage: trainer import ")
    assert "options:" in out and "check only; write nothing" in out
    assert "language of messages" in out and "用法" not in out and "只检查" not in out
    chinese = [line for line in out.splitlines() if HAN.search(line)]
    assert chinese and all("技术骨干=在岗职工" in line for line in chinese)  # an example only


def test_the_locale_chooses_the_help_language(capsys, monkeypatch):
    for var in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    code, out, _ = run(capsys, "schedule", "move", "--help")
    assert code == 0 and out.startswith("用法：") and "同时更换讲师" in out
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    code, out, _ = run(capsys, "schedule", "move", "--help")
    assert code == 0 and out.startswith("usage:") and "also change the lecturer" in out


def test_argparse_errors_in_chinese_and_english(capsys, english_locale):
    code, _, err = run(capsys, "--lang", "zh", "import")
    assert code == 2 and err.startswith("用法：trainer import")
    assert "trainer import：错误：缺少以下必需的参数：kind, file" in err
    code, _, err = run(capsys, "--lang", "zh", "lisst")
    assert code == 2 and "参数 COMMAND：无效的选择：'lisst'（可选：" in err
    code, _, err = run(capsys, "--lang", "zh", "schedule", "lessons", "--from", "明天")
    assert code == 2 and "应为 YYYY-MM-DD 形式的日期，而不是“明天”" in err
    code, _, err = run(capsys, "--lang", "en", "import")
    assert code == 2 and "trainer import: error: the following arguments are required" in err
    assert not HAN.search(err)
    assert current._language is None  # main() leaves the process's language as it found it


def _help_texts(parser: argparse.ArgumentParser):
    parser._fill()
    for t in (parser.description, parser.epilog):
        if t:
            yield parser.prog, t
    for action in parser._actions:
        if action.help and action.help is not argparse.SUPPRESS:
            yield parser.prog, action.help
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                if choice.help:
                    yield parser.prog, choice.help
            for sub in action.choices.values():
                yield from _help_texts(sub)


def test_every_help_text_has_its_chinese():
    missing = sorted({f"{prog}: {t!r}" for prog, t in _help_texts(build_parser())
                      if t not in HELP and t not in ARGPARSE})
    assert not missing, "add to trainer/texts/cli_help.py:\n" + "\n".join(missing)


def test_chinese_help_is_wrapped_by_terminal_columns():
    line = ("导入学员、企业、讲师或培训需求。打印“通过检查 N 行，退回 M 行”，每个退回的行一行说明；"
            "全部通过时退出码为 0，有退回的行时为 3，文件无法读取时为 2。")
    lines = wrap_columns(line, 40)
    assert "".join(lines).replace(" ", "") == line.replace(" ", "")
    assert all(display_width(x) <= 42 for x in lines)  # a closing mark may hang by one
    assert not any(x[0] in "，。、；：）”" for x in lines)
    assert wrap_columns("the enterprise of every row (trainee and request lists)", 20) == [
        "the enterprise of", "every row (trainee", "and request lists)"]
