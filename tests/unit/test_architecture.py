"""The import rules of the architecture are import-linter contracts (setup.cfg [importlinter],
run by `lint-imports` in .ci/run): trainer/ imports no Qt, ui/ no SQL, the layers. What they
cannot see is checked here at run time: importing the whole core loads no PySide6 module (a
library pulling Qt in would not show in our import statements)."""
import subprocess
import sys


def test_importing_the_whole_core_loads_no_qt():
    code = ("import pkgutil, importlib, sys, trainer\n"
            "for m in pkgutil.walk_packages(trainer.__path__, 'trainer.'):\n"
            "    if '.migrations' not in m.name and m.name != 'trainer.__main__':\n"
            "        importlib.import_module(m.name)\n"
            "print(sorted(n for n in sys.modules if n.startswith(('PySide6', 'shiboken'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
