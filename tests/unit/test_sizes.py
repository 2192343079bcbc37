"""The house rule on sizes (issue 18): no module of the app over 450 lines, no function over 80,
so that each reads as one thing. Counted on the source of trainer/, ui/ and main.py; Alembic
migrations are exempt (a migration is a declarative table of the schema, written once and never
edited). A declarative table elsewhere that must be longer goes in EXEMPT with its reason."""
import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MAX_MODULE_LINES = 450
MAX_FUNCTION_LINES = 80
EXEMPT: dict[str, str] = {}  # "path:function" → why it may be longer


def _sources() -> list[Path]:
    files = [ROOT / "main.py"]
    for package in ("trainer", "ui"):
        files += (p for p in sorted((ROOT / package).rglob("*.py"))
                  if "migrations" not in p.relative_to(ROOT).parts)
    return files


def long_modules() -> list[str]:
    found = []
    for path in _sources():
        lines = path.read_text(encoding="utf-8").count("\n")
        if lines > MAX_MODULE_LINES:
            found.append(f"{path.relative_to(ROOT).as_posix()}: {lines} lines")
    return found


def long_functions() -> list[str]:
    found = []
    for path in _sources():
        name = path.relative_to(ROOT).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), name)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                first = min([node.lineno] + [d.lineno for d in node.decorator_list])
                lines = node.end_lineno - first + 1
                if lines > MAX_FUNCTION_LINES and f"{name}:{node.name}" not in EXEMPT:
                    found.append(f"{name}:{node.lineno} {node.name}(): {lines} lines")
    return found


def test_the_scan_sees_the_app_and_skips_migrations():
    names = {p.relative_to(ROOT).as_posix() for p in _sources()}
    assert "ui/pages/schedule_page.py" in names and "trainer/services/schedule.py" in names
    assert not any("migrations" in n for n in names)


def test_no_module_over_450_lines():
    assert long_modules() == []


def test_no_function_over_80_lines():
    assert long_functions() == []


if __name__ == "__main__":  # python tests/unit/test_sizes.py: the list, for a look before landing
    print("\n".join(long_modules() + long_functions()) or "all within the rule")
