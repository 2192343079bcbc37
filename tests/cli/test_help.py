"""`trainer --help` must answer fast (issue 19: ≤ 1 s on an office PC): the parser and the command
modules import the database layer, the document and spreadsheet libraries and Qt only inside the
commands. Checked by what a fresh interpreter has imported, not by a timing."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("sqlalchemy", "reportlab", "openpyxl", "PySide6", "ortools", "alembic", "pypdf",
         "pypdfium2", "docx", "cryptography", "trainer.db", "trainer.services", "trainer.pdf")

PROBE = """
import contextlib, io, json, sys
from trainer.cli import main
with contextlib.redirect_stdout(io.StringIO()) as out:
    code = main(sys.argv[1:])
print(json.dumps({"code": code, "help": out.getvalue(), "modules": sorted(sys.modules)}))
"""


def _run(*argv: str) -> dict:
    done = subprocess.run([sys.executable, "-c", PROBE, *argv], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, check=True)
    return json.loads(done.stdout)


def _heavy(modules: list[str]) -> list[str]:
    return [m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY)]


@pytest.mark.parametrize("argv", [["--help"], ["schedule", "--help"], ["pdf", "--help"]])
def test_help_imports_no_heavy_module(argv):
    result = _run(*argv)
    assert result["code"] == 0 and "usage: trainer" in result["help"]
    assert _heavy(result["modules"]) == []


def test_add_help_still_lists_the_fields_of_the_form():
    """`add`/`edit` read their options from the service forms when (and only when) used."""
    result = _run("add", "trainee", "--help")
    assert result["code"] == 0
    assert "--id-number" in result["help"] and "--enterprise" in result["help"]
    assert "trainer.services.trainees" in result["modules"]


def test_the_kind_names_are_the_table_s():
    from trainer.cli.kinds import KIND_NAMES, KINDS

    assert tuple(KINDS) == KIND_NAMES
