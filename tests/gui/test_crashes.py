"""Crashes caught and kept (issue 17): quitting never ends in a fatal error, and an exception
nobody caught reaches the log file and a dialog. Both run in their own processes: a quit is a
process ending, and pytest-qt would catch a slot's exception before our hook sees it."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _run(args, env_extra=None, timeout=900):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **(env_extra or {}))
    return subprocess.run([sys.executable, *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=timeout)


def test_void_qt_calls_leave_none_alone(qapp):
    """The defect behind "Fatal Python error: none_dealloc": PySide6 6.12.0 under Python < 3.12
    took a reference from None on each call of a void method (setup.cfg excludes it)."""
    from PySide6.QtWidgets import QLabel

    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("课堂")
    assert before - sys.getrefcount(None) < 100


@pytest.mark.slow  # 200 runs of the app: its module starts first (tests/conftest.py)
def test_the_app_quits_cleanly_200_times():
    done = _run(["tests/gui/quit_cycle.py", "200", "2"])
    assert done.returncode == 0, done.stdout + done.stderr
    assert "200 of 200 runs quit cleanly" in done.stdout


def test_an_exception_in_a_slot_is_logged_and_shown(tmp_path):
    script = textwrap.dedent("""
        import sys
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication, QPushButton
        from ui import crash_log

        app = QApplication([])
        path = crash_log.install()
        button = QPushButton()

        def broken_slot():
            raise ValueError("学员名单第 7 行坏了")

        button.clicked.connect(broken_slot)
        shown = []

        def look():
            for widget in QApplication.topLevelWidgets():
                if widget.objectName() == "unexpectedError" and widget.isVisible():
                    shown.append(widget.copy_text)
                    widget.copy_button.click()
                    shown.append(QApplication.clipboard().text())
                    widget.reject()
            app.quit()

        QTimer.singleShot(0, button.click)
        QTimer.singleShot(300, look)
        app.exec()
        crash_log.uninstall()
        print("LOG", path)
        print("SHOWN", len(shown), "学员名单第 7 行坏了" in (shown[0] if shown else ""),
              shown[0] == shown[1] if len(shown) == 2 else None)
    """)
    data = tmp_path / "data"
    done = _run(["-c", script], {"TRAINER_DATA_DIR": str(data)}, timeout=120)
    assert done.returncode == 0, done.stderr
    log = (data / "trainer.log").read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in log
    assert "in broken_slot" in log and "ValueError: 学员名单第 7 行坏了" in log
    assert "SHOWN 2 True True" in done.stdout


def test_an_exception_in_a_thread_and_qt_warnings_reach_the_log(tmp_path):
    script = textwrap.dedent("""
        import threading
        from PySide6.QtCore import qWarning
        from PySide6.QtWidgets import QApplication
        from ui import crash_log

        app = QApplication([])
        crash_log.install(show_dialog=False)

        def work():
            raise RuntimeError("后台任务出错")

        thread = threading.Thread(target=work, name="planner")
        thread.start()
        thread.join()
        qWarning("a warning from Qt")
        crash_log.uninstall()
    """)
    data = tmp_path / "data"
    done = _run(["-c", script], {"TRAINER_DATA_DIR": str(data)}, timeout=120)
    assert done.returncode == 0, done.stderr
    log = (data / "trainer.log").read_text(encoding="utf-8")
    assert "uncaught exception in thread planner" in log
    assert "RuntimeError: 后台任务出错" in log
    assert "Qt: a warning from Qt" in log
    assert (data / "trainer.crash.log").exists()  # faulthandler's file, ready for a hard crash
