"""The command line's sentences come from the text catalogue (trainer/texts/): no module of
trainer/cli/ chooses between a Chinese and an English text itself (`… if lang == "zh" else …`,
pick(("…", "…"))) or holds a Chinese string literal. Allowed: docstrings, and the English help
texts of argparse (help=, description=, epilog=), which may quote a Chinese example and are
translated through trainer/texts/cli_help.py."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CLI = ROOT / "trainer" / "cli"
CJK = re.compile("[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
HELP_KEYWORDS = {"help", "description", "epilog", "usage"}


def _allowed_nodes(tree: ast.AST) -> set[int]:
    allowed = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)) and node.body \
                and isinstance(node.body[0], ast.Expr):
            allowed.add(id(node.body[0].value))
        if isinstance(node, ast.keyword) and node.arg in HELP_KEYWORDS:
            allowed.update(id(n) for n in ast.walk(node.value))
    return allowed


def violations(source: str, name: str = "<text>") -> list[str]:
    """Where `source` picks a language itself or holds a Chinese literal."""
    tree = ast.parse(source)
    allowed = _allowed_nodes(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare) and any(
                isinstance(n, ast.Constant) and n.value in ("zh", "en")
                for n in [node.left, *node.comparators]):
            found.append(f"{name}:{node.lineno}: compares the language with a code")
        elif isinstance(node, ast.Call) and getattr(node.func, "id", None) == "pick" \
                and node.args and isinstance(node.args[0], ast.Tuple):
            found.append(f"{name}:{node.lineno}: pick((zh, en)) of its own texts")
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) \
                and id(node) not in allowed and CJK.search(node.value):
            found.append(f"{name}:{node.lineno}: Chinese literal {node.value!r}")
    return found


@pytest.mark.parametrize("source", [
    'print("已删除" if language() == "zh" else "deleted")',
    'zh = lang == "zh"',
    'print(pick(("令牌已作废", "token revoked")))',
    'heads = ["时间", "编号"]',
    'raise UsageError(f"没有{name}")',
])
def test_the_rule_sees_a_text_chosen_in_the_cli(source):
    assert violations(source)


def test_the_rule_lets_docstrings_help_and_catalogue_lookups_pass():
    source = ('"""`trainer programme …` (培训项目)."""\n'
              'p.add_argument("--org", help="e.g. 新余市总工会")\n'
              'print(text("cli.deleted"))\n')
    assert violations(source) == []


def test_no_cli_module_chooses_its_own_language_or_holds_chinese():
    found = [v for path in sorted(CLI.glob("*.py"))
             for v in violations(path.read_text(encoding="utf-8"), path.name)]
    assert not found, "\n".join(found)


def test_no_error_class_outside_the_catalogue_holds_its_sentences():
    """A typed error keeps codes and parameters; its TEXTS table is the catalogue's
    (trainer/texts/errors.py), not a dict written in the class."""
    found = []
    for path in sorted((ROOT / "trainer").rglob("*.py")):
        if "texts" in path.relative_to(ROOT).parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                for st in node.body:
                    target = st.targets[0] if isinstance(st, ast.Assign) else getattr(st, "target", None)
                    value = getattr(st, "value", None)
                    if getattr(target, "id", None) == "TEXTS" and isinstance(value, ast.Dict) \
                            and value.keys:
                        found.append(f"{path.relative_to(ROOT)}:{st.lineno}: {node.name}.TEXTS")
    assert not found, "\n".join(found)
