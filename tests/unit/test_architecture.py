"""The two import rules of the architecture: trainer/ imports no Qt, ui/ no SQLAlchemy.

Checked on the source (every import statement, nested ones too) and at run time (importing the
whole core loads no PySide6 module)."""
import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _imports(folder: Path):
    for path in sorted(folder.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    yield path, alias.name
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                yield path, node.module


def test_core_imports_no_qt():
    bad = [(p.relative_to(ROOT), m) for p, m in _imports(ROOT / "trainer")
           if m.split(".")[0] in ("PySide6", "PyQt5", "PyQt6", "shiboken6", "ui")]
    assert bad == []


def test_ui_imports_no_sqlalchemy():
    bad = [(p.relative_to(ROOT), m) for p, m in _imports(ROOT / "ui")
           if m.split(".")[0] in ("sqlalchemy", "alembic", "psycopg", "sqlite3")]
    assert bad == []


def test_importing_the_whole_core_loads_no_qt():
    code = ("import pkgutil, importlib, sys, trainer\n"
            "for m in pkgutil.walk_packages(trainer.__path__, 'trainer.'):\n"
            "    if '.migrations' not in m.name and m.name != 'trainer.__main__':\n"
            "        importlib.import_module(m.name)\n"
            "print(sorted(n for n in sys.modules if n.startswith(('PySide6', 'shiboken'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
