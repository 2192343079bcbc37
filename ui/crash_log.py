"""Errors nobody expected, caught and kept.

On Windows the program has no console: an uncaught exception in a slot, a thread or a Qt
warning would vanish. `install()` sends all of them to one rotating log file in the data folder
(trainer.log, 1 MB × 3), turns on faulthandler into that file (a hard crash leaves its Python
stack there), and shows a dialog saying what happened, where the log is, with a button that
copies the details for whoever helps."""
from __future__ import annotations

import faulthandler
import logging
import logging.handlers
import sys
import threading
import traceback
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QMetaObject, QObject, Qt, QtMsgType, Slot
from PySide6.QtCore import qInstallMessageHandler
from PySide6.QtWidgets import (QApplication, QDialog, QDialogButtonBox, QLabel, QPlainTextEdit,
                               QVBoxLayout)

from trainer.files import make_owner_only
from trainer.config import LOG_NAME, data_dir
LOGGER = logging.getLogger("factory_classroom")
_QT_LEVELS = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
              QtMsgType.QtWarningMsg: logging.WARNING, QtMsgType.QtCriticalMsg: logging.ERROR,
              QtMsgType.QtFatalMsg: logging.CRITICAL}
# Said by the offscreen platform on every window; noise, not news.
_QT_NOISE = ("This plugin does not support propagateSizeHints()",)


class _State:
    handler: logging.Handler | None = None
    fault_file: Any = None
    reporter: _Reporter | None = None
    previous: tuple = ()
    show_dialog = True


def log_path() -> Path:
    return data_dir() / LOG_NAME


def install(show_dialog: bool = True) -> Path:
    """Routes uncaught exceptions (GUI thread and others), Qt messages and hard crashes to the
    log file. Idempotent; `uninstall()` undoes it (tests)."""
    if _State.handler is not None:
        return log_path()
    path = log_path()
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3,
                                                   encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    LOGGER.addHandler(handler)
    LOGGER.setLevel(logging.INFO)
    _State.handler = handler
    _State.show_dialog = show_dialog
    _State.previous = (sys.excepthook, threading.excepthook)
    sys.excepthook = _excepthook
    threading.excepthook = _thread_excepthook
    qInstallMessageHandler(_qt_message)
    # faulthandler writes with the C stdio of the file it is given: keep that file open.
    _State.fault_file = open(path.with_suffix(".crash.log"), "a", encoding="utf-8")
    faulthandler.enable(_State.fault_file, all_threads=True)
    for log in (path, path.with_suffix(".crash.log")):  # made by an older version: 0644
        make_owner_only(log)
    _State.reporter = _Reporter()
    LOGGER.info("started, Python %s", sys.version.split()[0])
    return path


def uninstall() -> None:
    if _State.handler is None:
        return
    sys.excepthook, threading.excepthook = _State.previous
    qInstallMessageHandler(None)
    faulthandler.disable()
    _State.fault_file.close()
    LOGGER.removeHandler(_State.handler)
    _State.handler.close()
    _State.handler = _State.fault_file = _State.reporter = None


def _excepthook(kind, value, tb) -> None:
    details = "".join(traceback.format_exception(kind, value, tb))
    LOGGER.error("uncaught exception\n%s", details)
    _State.handler.flush()
    if _State.show_dialog and _State.reporter is not None:
        _State.reporter.report(value, details)


def _thread_excepthook(args: threading.ExceptHookArgs) -> None:
    if args.exc_type is SystemExit:
        return
    details = "".join(traceback.format_exception(args.exc_type, args.exc_value,
                                                 args.exc_traceback))
    name = args.thread.name if args.thread is not None else "?"
    LOGGER.error("uncaught exception in thread %s\n%s", name, details)
    if _State.show_dialog and _State.reporter is not None:
        _State.reporter.report(args.exc_value, details)


def _qt_message(kind: QtMsgType, context, message: str) -> None:
    if message.startswith(_QT_NOISE):
        return
    where = f" ({context.file}:{context.line})" if context is not None and context.file else ""
    LOGGER.log(_QT_LEVELS.get(kind, logging.WARNING), "Qt: %s%s", message, where)


class _Reporter(QObject):
    """Shows the dialog in the GUI thread, whichever thread the error happened in, and one at a
    time (an error raised while the dialog is open is logged, not stacked)."""

    def __init__(self) -> None:
        super().__init__()
        app = QCoreApplication.instance()
        if app is not None:
            self.moveToThread(app.thread())
        self._pending: list[tuple[str, str]] = []
        self._showing = False

    def report(self, error: BaseException | None, details: str) -> None:
        self._pending.append((str(error) or type(error).__name__, details))
        QMetaObject.invokeMethod(self, "show_pending", Qt.ConnectionType.QueuedConnection)

    @Slot()
    def show_pending(self) -> None:
        if self._showing or not self._pending or QApplication.instance() is None:
            return
        summary, details = self._pending.pop(0)
        self._pending.clear()
        self._showing = True
        try:
            error_dialog(summary, details).exec()
        finally:
            self._showing = False


class ErrorDialog(QDialog):
    """What happened, where the log is, the details, and a button that copies them."""

    def __init__(self, summary: str, details: str) -> None:
        super().__init__(QApplication.activeWindow())
        self.setObjectName("unexpectedError")
        self.setWindowTitle(self.tr("Unexpected error"))
        self.copy_text = f"{summary}\n{log_path()}\n\n{details}"
        text = QLabel(self.tr("Something went wrong that the program did not expect: %1\n\nWhat you "
                         "were doing may not have been saved. The details are in the log file:"
                         "\n%2").replace("%1", summary).replace("%2", str(log_path())), self)
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QPlainTextEdit(details, self)
        self.details.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = buttons.addButton(self.tr("Copy details"),
                                             QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(
            lambda: QApplication.clipboard().setText(self.copy_text))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.resize(560, 380)


def error_dialog(summary: str, details: str) -> ErrorDialog:
    return ErrorDialog(summary, details)
