"""Starting the app: command line, first start, missing Chinese font."""
import pytest
from PySide6.QtWidgets import QLineEdit, QMessageBox, QPushButton, QRadioButton

import main
from trainer.config import database_url
from trainer.services import organizations
from trainer.services.uow import UnitOfWork
from ui import fonts, startup
from ui.i18n import choose_language, normalise


def test_command_line():
    args = main.parse_args(["--db", "sqlite:///x.db", "--lang", "en"])
    assert (args.db, args.demo, args.lang) == ("sqlite:///x.db", False, "en")
    assert main.parse_args(["--demo"]).demo
    with pytest.raises(SystemExit):
        main.parse_args(["--lang", "fr"])


def test_language_choice_order(monkeypatch):
    assert choose_language("en", "zh_CN") == "en"
    assert choose_language(None, "zh_CN") == "zh_CN"
    monkeypatch.setattr("ui.i18n.system_language", lambda: "zh_CN")
    assert choose_language(None, "") == "zh_CN"
    assert normalise("zh-Hans") == "zh_CN" and normalise("de") is None


def test_first_start_empty_asks_for_the_union_name(qtbot, answer, sqlite_url, languages):
    database = startup.open_or_explain(sqlite_url)
    uow = UnitOfWork(database)
    assert organizations.is_empty(uow)
    result = []

    def welcome(dialog):
        assert dialog.findChild(QRadioButton, "empty").isChecked()
        dialog.findChild(QPushButton, "save").click()
        assert dialog.field_error("name")  # required
        qtbot.keyClicks(dialog.findChild(QLineEdit, "name"), "Xinyu Federation of Trade Unions")
        dialog.findChild(QPushButton, "save").click()

    answer(lambda: result.append(startup.first_start(None, database)), welcome)
    assert result == [True]
    assert [o.name for o in organizations.list_organizations(uow)] == [
        "Xinyu Federation of Trade Unions"]
    assert startup.first_start(None, database) is True  # not empty any more: no question
    database.dispose()


def test_unusable_database_is_explained(answer, tmp_path):
    bad = tmp_path / "not-a-db.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    texts = []

    def read(box):
        texts.append(box.text())
        box.button(QMessageBox.StandardButton.Ok).click()

    answer(lambda: texts.append(startup.open_or_explain(f"sqlite:///{bad}")), read)
    assert texts[1] is None and texts[0]


def test_a_mistyped_db_in_the_window_is_refused_and_creates_nothing(answer, tmp_path):
    """`python main.py --db tset.db`: a sentence (main() then exits with 2), no new empty
    database; --create or --demo may make one."""
    mistyped = tmp_path / "tset.db"
    texts = []

    def read(box):
        texts.append(box.text())
        box.button(QMessageBox.StandardButton.Ok).click()

    args = main.parse_args(["--db", str(mistyped)])
    create = main.may_create(args)
    url = database_url(str(mistyped))  # as main() turns a path into a URL
    answer(lambda: texts.append(startup.open_or_explain(url, create=create)), read)
    assert texts[1] is None and not mistyped.exists()
    assert "tset.db" in texts[0] and "--create" in texts[0]
    assert main.may_create(main.parse_args(["--db", str(mistyped), "--create"]))
    assert main.may_create(main.parse_args(["--demo"]))
    assert main.may_create(main.parse_args([]))  # the default file in the data folder


def test_missing_chinese_font_is_reported_once(answer, monkeypatch):
    monkeypatch.setattr(fonts, "has_chinese_font", lambda: False)
    shown = []

    def read(box):
        shown.append(box.text())
        box.button(QMessageBox.StandardButton.Ok).click()

    answer(lambda: fonts.warn_if_no_chinese_font(None), read)
    assert "Chinese" in shown[0]
    monkeypatch.setattr(fonts, "has_chinese_font", lambda: True)
    assert fonts.warn_if_no_chinese_font(None) is False


def test_sign_in_creates_the_administrator_then_logs_in(qtbot, answer, sqlite_url, languages):
    from trainer.security.backups import list_backups

    database = startup.open_or_explain(sqlite_url)
    organizations.create_organization(UnitOfWork(database), "新余市总工会")
    users = []

    def create(dialog):
        assert dialog.objectName() == "createAdminDialog"
        for name, text in (("username", "admin"), ("password", "Xinyu-2026!"),
                           ("repeat", "Xinyu-2026!")):
            qtbot.keyClicks(dialog.findChild(QLineEdit, name), text)
        dialog.ok_button.click()

    answer(lambda: users.append(startup.sign_in(None, database)), create)
    assert users[0].role == "admin"
    assert list_backups(database) == []  # the day's copy waits for the window (DailyBackup)

    def log_in(dialog):
        assert dialog.objectName() == "loginDialog"
        qtbot.keyClicks(dialog.findChild(QLineEdit, "username"), "admin")
        qtbot.keyClicks(dialog.findChild(QLineEdit, "password"), "Xinyu-2026!")
        dialog.ok_button.click()

    answer(lambda: users.append(startup.sign_in(None, database)), log_in)
    assert users[1].username == "admin"
    database.dispose()


def test_the_days_backup_is_made_in_the_background_once_the_window_is_up(qtbot, sqlite_url):
    from PySide6.QtWidgets import QMainWindow

    from trainer.security.backups import list_backups

    database = startup.open_or_explain(sqlite_url)
    organizations.create_organization(UnitOfWork(database), "新余市总工会")
    window = QMainWindow()
    qtbot.addWidget(window)
    backup = startup.DailyBackup(window, database, delay_ms=50)
    assert list_backups(database) == []  # not while the window is being made
    window.show()
    qtbot.waitUntil(lambda: backup.task is not None, timeout=5000)
    qtbot.waitUntil(lambda: [b.label for b in list_backups(database)] == ["daily"], timeout=10000)
    startup.DailyBackup(window, database, delay_ms=0)  # a second start the same day: no copy
    qtbot.wait(300)
    assert [b.label for b in list_backups(database)] == ["daily"]
    database.dispose()


def test_quitting_gives_a_days_backup_under_way_up(sqlite_url, tmp_path):
    import threading

    from trainer.security.backups import daily_backup, list_backups

    database = startup.open_or_explain(sqlite_url)
    organizations.create_organization(UnitOfWork(database), "新余市总工会")
    stop = threading.Event()
    stop.set()  # the app is quitting
    assert daily_backup(database, stop=stop) is None
    assert list_backups(database) == []
    assert not [p for p in (tmp_path / "backups").iterdir() if p.suffix != ".lock"]
    assert daily_backup(database) is not None  # the next start makes it
    database.dispose()
