"""Live views (issue 15): the main window learns within seconds what other desks changed and
reloads the pages that show it (trainer/services/live_changes.py says which).

The change counters are read every POLL_MS on the GUI thread (one small SELECT). On PostgreSQL a
thread also waits on LISTEN and asks for a read as soon as a writing transaction commits."""
from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QObject, QTimer, Signal

from trainer.services.live_changes import ChangeWatcher

POLL_MS = 2000
log = logging.getLogger(__name__)


class LiveViews(QObject):
    changed = Signal(object)  # set of kinds (table names) another desk or this one committed
    _notified = Signal()

    def __init__(self, database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.watcher = ChangeWatcher(database)
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)
        self.timer.start()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._notified.connect(self.poll)  # queued: from the listening thread to this one
        if not database.is_sqlite:
            self._thread = threading.Thread(target=self._listen, args=(database,),
                                            name="live-views", daemon=True)
            self._thread.start()

    def poll(self) -> None:
        try:
            kinds = self.watcher.poll()
        except Exception:  # noqa: BLE001 - a dropped connection: try again at the next tick
            log.warning("reading the change feed failed", exc_info=True)
            return
        if kinds:
            self.changed.emit(kinds)

    def _listen(self, database) -> None:
        listener = ChangeWatcher(database)
        try:
            while not self._stop.is_set():
                try:
                    if listener.wait_for_notice(1.0):
                        self._notified.emit()
                except Exception:  # noqa: BLE001 - server gone: the timer still polls
                    log.warning("listening for changes failed", exc_info=True)
                    listener.close()
                    self._stop.wait(5)
        finally:
            listener.close()

    def stop(self) -> None:
        self.timer.stop()
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=3)
