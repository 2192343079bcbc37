"""Running core work off the GUI thread.

A Task runs a function in Qt's thread pool and delivers its result, error and progress as
signals, which Qt queues to the GUI thread: only there are widgets touched. The function gets a
Progress object to report to and to ask whether the user cancelled. Core work needs its own
UnitOfWork in the thread, so tasks receive the Database and make one."""
from __future__ import annotations

import weakref
from functools import partial
from typing import Any, Callable

from PySide6.QtCore import QEventLoop, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget


class Cancelled(Exception):
    """Raised by Progress.check() after the user pressed Cancel."""


class Progress:
    def __init__(self, task: Task) -> None:
        self._task = task

    def report(self, done: int, total: int = 0, text: str = "") -> None:
        self._task.progressed.emit(done, total, text)

    def deliver(self, value: Any) -> None:
        """Hands an interim result to the GUI thread (Task.delivered) while the work goes on."""
        self._task.delivered.emit(value)

    def check(self) -> None:
        if self._task.cancel_requested:
            raise Cancelled()

    @property
    def cancelled(self) -> bool:
        return self._task.cancel_requested


class Task(QObject):
    progressed = Signal(int, int, str)
    delivered = Signal(object)  # an interim result (Progress.deliver)
    succeeded = Signal(object)
    failed = Signal(object)  # the exception
    ended = Signal()

    def __init__(self, function: Callable[[Progress], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._function = function
        self.cancel_requested = False
        self.result: Any = None
        self.error: BaseException | None = None
        self.done = False

    def cancel(self) -> None:
        self.cancel_requested = True

    def start(self, pool: QThreadPool | None = None) -> Task:
        (pool or QThreadPool.globalInstance()).start(_Runnable(self))
        return self

    def _run(self) -> None:
        try:
            result = self._function(Progress(self))
        except BaseException as exc:  # delivered to the GUI thread, never lost in the pool
            self.error = exc
            self._emit(self.failed, exc)
        else:
            self.result = result
            self._emit(self.succeeded, result)
        finally:
            self.done = True
            self._emit(self.ended)

    @staticmethod
    def _emit(signal, *args) -> None:
        try:
            signal.emit(*args)
        except RuntimeError:  # the app is shutting down and took the task with it
            pass


class _Runnable(QRunnable):
    def __init__(self, task: Task) -> None:
        super().__init__()
        self._task = task
        self.setAutoDelete(True)

    def run(self) -> None:
        self._task._run()


_running: set[Task] = set()  # Python owns running tasks: Qt must not delete one mid-signal


def run_in_background(function: Callable[[Progress], Any], *,
                      on_success: Callable[[Any], None] | None = None,
                      on_failure: Callable[[BaseException], None] | None = None) -> Task:
    """Runs `function` in the thread pool. Pass bound methods of QObjects as callbacks: Qt
    drops the delivery when their object is gone (a page closed meanwhile)."""
    task = Task(function)
    if on_success:
        task.succeeded.connect(on_success, Qt.ConnectionType.QueuedConnection)
    if on_failure:
        task.failed.connect(on_failure, Qt.ConnectionType.QueuedConnection)
    return keep_running(task)


def keep_running(task: Task) -> Task:
    """Starts a task whose signals are connected, held by Python until it ends."""
    _running.add(task)
    task.ended.connect(partial(_finished, weakref.ref(task)), Qt.ConnectionType.QueuedConnection)
    return task.start()


def _finished(task_ref: weakref.ref) -> None:
    # A weak reference: a connection holding the task itself would keep it alive forever (Python's
    # collector cannot see through Qt's connection list).
    task = task_ref()
    if task is not None:
        _running.discard(task)


def wait_for_background_work(timeout_ms: int = 5000) -> None:
    """At exit: let running tasks end before their receivers disappear."""
    QThreadPool.globalInstance().waitForDone(timeout_ms)


def thread_uow(uow: Any) -> Callable[[], Any]:
    """Makes, in the GUI thread, a maker of units of work for a background task: the same
    database, office and logged-in user (whose role the services check), but its own session."""
    from trainer.services.uow import UnitOfWork

    with uow:
        organization = uow.organization_id
    database, user = uow.database, getattr(uow, "user", None)
    return lambda: UnitOfWork(database, organization, user=user)


def run_with_progress(parent: QWidget | None, label: str,
                      function: Callable[[Progress], Any], *, cancellable: bool = True) -> Any:
    """Runs `function` in the background behind a modal progress dialog and returns its result
    (or raises its exception) once it ends; the GUI stays responsive meanwhile."""
    dialog = QProgressDialog(label, "", 0, 0, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    if not cancellable:
        dialog.setCancelButton(None)
    else:
        dialog.setCancelButtonText(QProgressDialog.tr("Cancel"))
    task = Task(function)
    loop = QEventLoop()

    def progressed(done: int, total: int, text: str) -> None:
        dialog.setMaximum(max(total, 0))
        dialog.setValue(done if total else 0)
        if text:
            dialog.setLabelText(text)

    task.progressed.connect(progressed, Qt.ConnectionType.QueuedConnection)
    task.ended.connect(loop.quit, Qt.ConnectionType.QueuedConnection)
    dialog.canceled.connect(task.cancel)
    _running.add(task)
    task.start()
    if not task.done:
        loop.exec()
    dialog.close()
    dialog.deleteLater()
    _running.discard(task)
    if task.error is not None:
        raise task.error
    return task.result
