"""Factory Classroom (课堂设在工厂): the desktop app.

    python main.py [--db URL [--create]] [--demo] [--lang zh_CN|en]

--db      a database URL (sqlite:///file.db, postgresql+psycopg://user@host/db) or a SQLite file;
          default: TRAINER_DATABASE_URL, else trainer.db in the user's data folder
--create  make a new database at --db (without it, a path with no database there is refused)
--demo    a fresh database with the demo data, in a temporary folder (gone when the app quits)
--lang    the interface language; default: the saved choice, else the system's
"""
from __future__ import annotations

import argparse
import sys


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="factory-classroom",
                                     description="Factory Classroom (课堂设在工厂)")
    parser.add_argument("--db", metavar="URL", help="database URL or SQLite file")
    parser.add_argument("--create", action="store_true",
                        help="make a new database if there is none at --db")
    parser.add_argument("--demo", action="store_true",
                        help="start on a fresh demo database in a temporary folder")
    parser.add_argument("--lang", choices=("zh_CN", "en"), help="interface language")
    args, _qt_args = parser.parse_known_args(argv)  # leave -platform, -style… to Qt
    if args.demo and args.db:
        parser.error("--demo and --db exclude each other")
    return args


def may_create(args: argparse.Namespace) -> bool:
    """A mistyped --db must not silently become a new, empty database: only --create, --demo
    or the default file in the user's data folder may be made."""
    return bool(args.demo or args.create or not args.db)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv if argv is None else argv
    args = parse_args(argv[1:])

    from PySide6.QtWidgets import QApplication

    from trainer.config import database_url
    from trainer.services.uow import UnitOfWork
    from ui import crash_log, date_typing, screen_fit, startup
    from ui.fonts import warn_if_no_chinese_font
    from ui.i18n import LanguageManager, choose_language
    from ui.main_window import MainWindow
    from ui.resources import app_icon
    from ui.settings import APPLICATION, ORGANIZATION, AppSettings
    from ui.workers import wait_for_background_work

    from trainer.files import owner_only_umask
    from ui.dialogs.pdf_preview import remove_stale_previews

    owner_only_umask()  # database, backups, exports, logs, previews: the user's only
    remove_stale_previews()  # what a crash or a viewer left open at the last exit left behind
    app = QApplication.instance() or QApplication(argv)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("Factory Classroom")
    app.setWindowIcon(app_icon())
    crash_log.install()
    screen_fit.install(app)
    date_typing.install(app)
    settings = AppSettings()
    languages = LanguageManager()
    languages.install(choose_language(args.lang, settings.language))
    warn_if_no_chinese_font(None)

    demo_folder = None
    if args.demo:
        url, demo_folder = startup.demo_database_url()
    else:
        url = database_url(args.db)
    database = startup.open_or_explain(url, create=may_create(args))
    if database is None:
        return 2
    backup_stop = None
    try:
        if not startup.first_start(None, database, demo=args.demo):
            return 0
        user = None
        if not args.demo:  # the throw-away demo database needs no accounts
            user = startup.sign_in(None, database)
            if user is None:
                return 0
        window = MainWindow(UnitOfWork(database, user=user), languages, settings)
        backup_stop = startup.DailyBackup(window, database).stopper  # once the window is up
        return run(app, window)
    finally:
        if backup_stop is not None:
            backup_stop.set()  # a copy of a big file still under way must not hold the exit
        wait_for_background_work()
        database.dispose()
        if demo_folder is not None:
            demo_folder.cleanup()


def run(app, window) -> int:
    """Shows the main window until the user quits. The window and its pages are deleted first,
    while the application and the database they use still exist, whatever order Python's
    collector would choose at exit."""
    import shiboken6

    window.show()
    code = app.exec()
    shiboken6.delete(window)
    return code


if __name__ == "__main__":
    sys.exit(main())
