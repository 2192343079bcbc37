"""Start, use and quit the app many times; report every run that did not end cleanly.

    python tests/gui/quit_cycle.py RUNS [AT_A_TIME]

Each run is its own process (forked from this one on Linux, so the imports are paid once and left
out of the child's garbage collections; spawned elsewhere): a QApplication, the main window on a
copy of one SQLite database, every page shown, a background task and a task behind a progress
dialog run, the window closed and the app quit the way main.py does, then a normal interpreter exit
— where "Fatal Python error: none_dealloc" happened. A run also fails when 500 calls of a void Qt
method lower the reference count of None (the PySide6 6.12.0 defect that drained it until it
reached zero at exit).
Prints one line per failed run and a summary; exit 0 when every run ended cleanly."""
from __future__ import annotations

import gc
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REFCOUNT_DRAINED = 3


def prepare(folder: Path) -> Path:
    from trainer.db.migrate import open_database
    from trainer.services.organizations import create_organization
    from trainer.services.uow import UnitOfWork

    template = folder / "template.db"
    database = open_database(f"sqlite:///{template.as_posix()}")
    create_organization(UnitOfWork(database), "新余市总工会")
    database.dispose()
    return template


def one_run(template: Path, folder: Path) -> int:
    """The child: the app's life from start to quit. Returns the exit code."""
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication, QLabel

    import main
    from trainer.db.migrate import open_database
    from trainer.services.uow import UnitOfWork
    from ui.i18n import LanguageManager
    from ui.main_window import MainWindow
    from ui.settings import AppSettings
    from ui.workers import run_in_background, run_with_progress, wait_for_background_work

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    shutil.copy(template, folder / "run.db")
    app = QApplication([sys.argv[0]])
    database = open_database(f"sqlite:///{(folder / 'run.db').as_posix()}")
    languages = LanguageManager()
    languages.install("zh_CN")
    window = MainWindow(UnitOfWork(database), languages, AppSettings())
    drained = []

    def session() -> None:
        for number in range(len(window.pages)):
            window.show_page(number)
            app.processEvents()
        window.show_page("trainees")
        run_in_background(lambda _p: None, on_success=window.statusBar().clearMessage)
        run_with_progress(window, "…", lambda progress: progress.report(1, 2, "…"))
        label = QLabel()
        before = sys.getrefcount(None)
        for _ in range(500):
            label.setText("课堂")  # a void method
        drained.append(before - sys.getrefcount(None) > 250)
        window.close()
        app.quit()

    QTimer.singleShot(0, session)
    try:
        code = main.run(app, window)
    finally:
        wait_for_background_work()
        database.dispose()
    return REFCOUNT_DRAINED if any(drained) else code


class _ChildExit(Exception):
    """Carries a forked child's exit code out of the parent's stack to the top level, so the
    child exits the normal way (interpreter finalisation) without running the parent's cleanup."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


def main_loop(runs: int, jobs: int) -> int:
    import main  # noqa: F401  (paid once, before the forks)
    import ui.main_window  # noqa: F401

    parent = os.getpid()
    folder = Path(tempfile.mkdtemp(prefix="quit-cycle-"))
    try:
        template = prepare(folder)
        # What exists now (the imports, the template) is left out of the children's garbage
        # collections, as in a forking server: a child's exit then does not walk (and copy, page
        # by page) the parent's heap — half the CPU of a run. What a run makes — application,
        # window, pages, workers, their connections — is collected at its exit as before.
        gc.freeze()
        failures = []
        started = time.perf_counter()
        running: dict = {}  # handle → run number
        next_run = 0
        while next_run < runs or running:
            while next_run < runs and len(running) < jobs:
                run_folder = folder / f"run{next_run}"
                run_folder.mkdir()
                running[_start_child(template, run_folder)] = next_run
                next_run += 1
            handle, code = _wait_any(running)
            run = running.pop(handle)
            run_folder = folder / f"run{run}"
            errors = (run_folder / "stderr.txt").read_text(errors="replace")
            if code != 0 or "Fatal Python error" in errors:
                failures.append(run)
                print(f"run {run}: exit {code}: {errors.strip()[:400]}", flush=True)
            shutil.rmtree(run_folder, ignore_errors=True)
        took = time.perf_counter() - started
        print(f"{runs - len(failures)} of {runs} runs quit cleanly in {took:.1f} s with {jobs} "
              f"at a time")
        return 1 if failures else 0
    finally:
        if os.getpid() == parent:
            shutil.rmtree(folder, ignore_errors=True)


def _start_child(template: Path, folder: Path):
    """A forked child on Linux/macOS (its pid), a spawned process elsewhere (its Popen)."""
    errors_file = folder / "stderr.txt"
    if not hasattr(os, "fork"):
        with open(errors_file, "w") as errors:
            return subprocess.Popen([sys.executable, __file__, "--child", str(template),
                                     str(folder)], stderr=errors, stdout=subprocess.DEVNULL)
    pid = os.fork()
    if pid == 0:  # the child: its stderr into the file, then a normal interpreter exit
        os.dup2(os.open(errors_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC), 2)
        os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
        code = 1
        try:
            code = one_run(template, folder)
        except BaseException:
            import traceback
            traceback.print_exc()
        raise _ChildExit(code)
    return pid


def _wait_any(running: dict):
    if hasattr(os, "fork"):
        pid, status = os.wait()
        return pid, os.waitstatus_to_exitcode(status)
    while True:
        for process in running:
            if process.poll() is not None:
                return process, process.returncode
        time.sleep(0.05)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        sys.exit(one_run(Path(sys.argv[2]), Path(sys.argv[3])))
    try:
        sys.exit(main_loop(int(sys.argv[1]) if len(sys.argv) > 1 else 200,
                           int(sys.argv[2]) if len(sys.argv) > 2 else 2))
    except _ChildExit as child:
        sys.exit(child.code)
