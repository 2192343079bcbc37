"""Every window fits the screens offices have (issue 17): the main window with each page and every
dialog, opened on an offscreen screen of 1024×768 and of 1366×768, lies inside the available
geometry with all its buttons in view. Each screen size is its own process (tests/gui/
screen_probe.py): a Qt application has one platform for its life."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # two probes, every page and dialog each: run first

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    from trainer.db.migrate import open_database
    from trainer.services import requests, schedule_classes
    from trainer.services.demo import load_demo
    from trainer.services.uow import UnitOfWork

    path = tmp_path_factory.mktemp("screens") / "demo.db"
    database = open_database(f"sqlite:///{path.as_posix()}")
    uow = UnitOfWork(database)
    load_demo(uow, seed=2021)
    schedule_classes.create_classes(uow, requests.list_requests(uow)[0].id)
    database.dispose()
    return path


def probe(demo_file: Path, tmp_path: Path, width: int, height: int) -> dict:
    config = tmp_path / f"screen-{width}x{height}.json"
    config.write_text(json.dumps({"screens": [{
        "name": "office", "x": 0, "y": 0, "width": width, "height": height,
        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}",
               TRAINER_DATA_DIR=str(tmp_path / "data"))
    done = subprocess.run([sys.executable, "tests/gui/screen_probe.py", str(demo_file)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("width,height", [(1024, 768), (1366, 768)])
def test_main_window_and_every_dialog_fit_the_screen(demo_file, tmp_path, width, height):
    report = probe(demo_file, tmp_path, width, height)
    assert report["screen"] == [width, height]
    assert report["problems"] == []
    assert {"page schedule", "page reports", "enterprise", "plan", "import", "audit",
            "unexpected error"} <= set(report["checked"])


def test_the_probe_sees_a_window_too_big_and_a_button_cut_off(qtbot):
    from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton

    sys.path.insert(0, str(ROOT / "tests" / "gui"))
    from screen_probe import problems_of

    dialog = QDialog()
    qtbot.addWidget(dialog)
    row = QHBoxLayout(dialog)
    row.setSizeConstraint(QHBoxLayout.SizeConstraint.SetNoConstraint)
    row.addWidget(QPushButton("保存"))
    dialog.show()
    cut_off = QPushButton("关闭", dialog)
    cut_off.setGeometry(dialog.width() + 5, 5, 60, 24)
    cut_off.show()
    area = dialog.screen().availableGeometry()
    dialog.setGeometry(area.x(), area.y(), area.width() + 200, area.height())
    found = problems_of(dialog, "test")
    assert any("is not inside the screen" in p for p in found)
    cut_off.move(dialog.width() + 5, 5)
    assert any("“关闭”" in p and "cut off" in p for p in problems_of(dialog, "test"))


def test_a_dialog_is_shrunk_to_the_screen_and_remembers_its_size(qtbot):
    from PySide6.QtCore import QSize
    from PySide6.QtWidgets import QDialog

    from ui.screen_fit import room

    dialog = QDialog()
    dialog.setObjectName("bigDialog")
    qtbot.addWidget(dialog)
    dialog.resize(3000, 2000)
    dialog.show()
    space = room(dialog.screen(), dialog)
    assert dialog.width() <= space.width() and dialog.height() <= space.height()
    assert dialog.screen().availableGeometry().contains(dialog.frameGeometry())
    dialog.resize(QSize(400, 300))
    dialog.hide()
    again = QDialog()
    again.setObjectName("bigDialog")
    qtbot.addWidget(again)
    again.show()
    assert again.size() == QSize(400, 300)
