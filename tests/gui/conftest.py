"""GUI fixtures: a real main window on a fresh SQLite database, test-only settings, and a helper
that answers modal dialogs the way a person would."""
from __future__ import annotations

from typing import Callable

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget


@pytest.fixture(autouse=True)
def _test_settings(qapp, tmp_path):
    """QSettings in a temporary folder under a test-only name: never a real user's settings."""
    QCoreApplication.setOrganizationName("FactoryClassroomTests")
    QCoreApplication.setApplicationName("FactoryClassroomTests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(tmp_path / "settings"))
    from ui import date_typing, screen_fit

    screen_fit.install(qapp)  # as main.py does: dialogs sized to the screen
    date_typing.install(qapp)
    yield
    _settle(qapp)


def _settle(qapp) -> None:
    """Nothing of one test reaches into the next: its background tasks end (as the app waits for
    them at exit), their queued signals and the deferred deletes of its closed widgets are
    delivered, and Python's collector frees its wrappers now, not in the middle of the next
    test's first widget."""
    import gc

    from PySide6.QtCore import QEvent, QThreadPool

    QThreadPool.globalInstance().waitForDone(30000)
    for _ in range(3):
        qapp.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


@pytest.fixture
def languages(qapp):
    from ui.i18n import LanguageManager

    manager = LanguageManager()
    manager.install("en")
    yield manager
    manager.install("en")


@pytest.fixture
def database(sqlite_url):
    from trainer.db.migrate import open_database
    from trainer.services.organizations import create_organization
    from trainer.services.uow import UnitOfWork

    db = open_database(sqlite_url)
    create_organization(UnitOfWork(db), "新余市总工会")
    yield db
    db.dispose()


@pytest.fixture
def uow(database):
    from trainer.services.uow import UnitOfWork

    return UnitOfWork(database)


@pytest.fixture
def make_window(qtbot, uow, languages):
    from ui.main_window import MainWindow
    from ui.settings import AppSettings

    def make():
        window = MainWindow(uow, languages, AppSettings())
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        return window

    return make


@pytest.fixture
def window(make_window):
    return make_window()


class ModalDriver:
    """Answers the modal dialogs that `trigger` opens, one step per dialog, in order.

    Each step gets the modal widget and acts on it (type, click); an exception in a step closes
    that dialog, so the test fails instead of hanging, and is raised again afterwards."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot

    def __call__(self, trigger: Callable[[], object], *steps: Callable[[QWidget], object]) -> None:
        pending = list(steps)
        errors: list[BaseException] = []
        handled: list[QWidget] = []

        def poll() -> None:
            if not pending:
                return
            widget = QApplication.activeModalWidget()
            # a progress dialog comes and goes by itself: wait for the dialog after it
            if widget is None or not widget.isVisible() or isinstance(widget, QProgressDialog) \
                    or any(widget is h for h in handled):
                QTimer.singleShot(10, poll)
                return
            handled.append(widget)
            step = pending.pop(0)
            try:
                step(widget)
            except BaseException as exc:  # noqa: BLE001 - re-raised below
                errors.append(exc)
                pending.clear()
                widget.close()
                return
            QTimer.singleShot(0, poll)

        QTimer.singleShot(0, poll)
        trigger()
        if errors:
            raise errors[0]
        assert not pending, f"{len(pending)} dialog(s) never opened"


@pytest.fixture
def answer(qtbot) -> ModalDriver:
    return ModalDriver(qtbot)


def type_into(qtbot, widget: QWidget, text: str) -> None:
    """Types like a person: ASCII key by key; Chinese as a Chinese input method delivers it
    (a committed string), since QTest can only synthesise keys of an ASCII keyboard."""
    from PySide6.QtGui import QInputMethodEvent

    widget.setFocus()
    chunk = ""
    for ch in text + "\0":
        if ch.isascii() and ch != "\0":
            chunk += ch
            continue
        if chunk:
            qtbot.keyClicks(widget, chunk)
            chunk = ""
        if ch != "\0":
            event = QInputMethodEvent()
            event.setCommitString(ch)
            QApplication.sendEvent(widget, event)


@pytest.fixture
def typist(qtbot):
    return lambda widget, text: type_into(qtbot, widget, text)
