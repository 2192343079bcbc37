"""Starting the app: which database, the first-start choice, the demo data.

Kept apart from main.py so tests can run each step on its own."""
from __future__ import annotations

import tempfile
import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QWidget

from trainer.db.engine import Database
from trainer.db.migrate import open_database
from trainer.services import organizations
from trainer.services.uow import UnitOfWork
from ui.dialogs import messages
from ui.dialogs.first_run_dialog import FirstRunDialog
from ui.workers import Progress, run_in_background, run_with_progress

DEMO_SEED = 2021



def demo_database_url() -> tuple[str, tempfile.TemporaryDirectory]:
    """A fresh SQLite file in a temporary folder (removed when the folder object goes)."""
    folder = tempfile.TemporaryDirectory(prefix="factory-classroom-demo-")
    return f"sqlite:///{(Path(folder.name) / 'demo.db').as_posix()}", folder


def open_or_explain(url: str, parent: QWidget | None = None,
                    create: bool = True) -> Database | None:
    """Opens (creating — if `create` — or upgrading) the database, or explains why it cannot
    and returns None."""
    from trainer.errors import DatabaseError

    try:
        return open_database(url, create)
    except DatabaseError as exc:
        messages.show_error(parent, QCoreApplication.translate("Startup", "Cannot open the database"), str(exc))
        return None


def load_demo_data(parent: QWidget | None, database: Database) -> bool:
    """Loads the demo scenario in the background behind a progress dialog. False (after saying
    why) when this version has no demo data or loading failed."""
    try:
        from trainer.services.demo import load_demo
    except ImportError:
        messages.show_error(parent, QCoreApplication.translate("Startup", "Demo data"),
                            QCoreApplication.translate("Startup", "This version of the program has no demo data yet."))
        return False

    def work(_progress: Progress):
        return load_demo(UnitOfWork(database), seed=DEMO_SEED)

    try:
        run_with_progress(parent, QCoreApplication.translate("Startup", "Loading the demo data…"), work, cancellable=False)
    except Exception as exc:  # shown, not swallowed: the user must know the data is not there
        messages.show_error(parent, QCoreApplication.translate("Startup", "Demo data"), str(exc))
        return False
    return True


def first_start(parent: QWidget | None, database: Database, *, demo: bool = False) -> bool:
    """On an empty database: load the demo data (--demo, or the user's choice) or create the
    union office. False when the user closed the welcome dialog (the app then quits)."""
    uow = UnitOfWork(database)
    if not organizations.is_empty(uow):
        return True
    if demo:
        if load_demo_data(parent, database) and not organizations.is_empty(uow):
            return True
    choice = FirstRunDialog.ask(parent, uow)
    while choice is not None and choice.demo:
        if load_demo_data(parent, database) and not organizations.is_empty(uow):
            return True
        choice = FirstRunDialog.ask(parent, uow)
    return choice is not None


def sign_in(parent: QWidget | None, database: Database):
    """Who uses the app: the first start creates the administrator; later starts log in.
    Returns the user (None: the person quit). The day's backup comes later (DailyBackup)."""
    from trainer.security.users import users_exist
    from ui.dialogs.login_dialog import CreateAdminDialog, LoginDialog

    if not users_exist(database):
        return CreateAdminDialog.ask(parent, database)
    return LoginDialog.ask(parent, database)


class DailyBackup(QObject):
    """The first start of a day copies a SQLite database (trainer.security.backups.daily_backup),
    in the background once the main window is up, so the copy of a big file does not hold the
    start back. `stopper.set()` at quitting gives a copy still under way up (the next start
    makes it)."""

    def __init__(self, window: QWidget, database: Database, delay_ms: int = 1000) -> None:
        super().__init__(window)
        self.parent_window, self.database = window, database
        self.stopper = threading.Event()  # kept by main: it outlives the window
        self.task = None
        QTimer.singleShot(delay_ms, self, self.start)

    def start(self) -> None:
        from trainer.security.backups import daily_backup

        if self.stopper.is_set():
            return
        database, stop = self.database, self.stopper
        self.task = run_in_background(lambda _progress: daily_backup(database, stop=stop),
                                      on_failure=self.failed)

    def failed(self, exc: BaseException) -> None:
        # the app still works; the user must know
        messages.show_error(self.parent_window, QCoreApplication.translate("Startup", "Backup"),
                            str(exc))

