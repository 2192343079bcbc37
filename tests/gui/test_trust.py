"""Accounts in the GUI: the first administrator, logging in (and being refused), what a clerk's
window allows, managing users, reading the audit trail, backup and restore."""
import pytest
from PySide6.QtWidgets import QLineEdit, QMessageBox, QPushButton

from trainer.security.users import authenticate, create_first_admin, create_user, list_users
from trainer.services import enterprises
from trainer.services.uow import UnitOfWork
from ui.dialogs.login_dialog import CreateAdminDialog, LoginDialog


@pytest.fixture
def admin(database):
    return create_first_admin(database, "admin", "Xinyu-2026!", "王主任")


def _window(qtbot, database, user, languages):
    from ui.main_window import MainWindow
    from ui.settings import AppSettings

    window = MainWindow(UnitOfWork(database, user=user), languages, AppSettings())
    qtbot.addWidget(window)
    window.show()
    return window


def test_first_start_creates_the_administrator(qtbot, database):
    dialog = CreateAdminDialog(None, database)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.username, "admin")
    qtbot.keyClicks(dialog.password, "Xinyu-2026!")
    qtbot.keyClicks(dialog.repeat, "Xinyu-2026?")
    dialog.ok_button.click()
    assert dialog.problem.text() == "The two passwords differ." and dialog.user is None
    dialog.repeat.clear()
    qtbot.keyClicks(dialog.repeat, "Xinyu-2026!")
    dialog.ok_button.click()
    assert dialog.user is not None and dialog.user.role == "admin"
    assert authenticate(database, "admin", "Xinyu-2026!").username == "admin"


def test_login_refuses_a_wrong_password_then_lets_in(qtbot, database, admin):
    dialog = LoginDialog(None, database)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.username, "admin")
    qtbot.keyClicks(dialog.password, "wrong")
    dialog.ok_button.click()
    assert dialog.user is None and dialog.problem.text() and dialog.password.text() == ""
    qtbot.keyClicks(dialog.password, "Xinyu-2026!")
    dialog.ok_button.click()
    assert dialog.user.username == "admin"


def test_a_clerk_cannot_change_master_data_nor_manage_users(qtbot, database, admin, languages,
                                                            answer):
    create_user(UnitOfWork(database, user=admin), "clerk1", "Clerk-2026!", "clerk")
    clerk = authenticate(database, "clerk1", "Clerk-2026!")
    window = _window(qtbot, database, clerk, languages)
    assert not window.tool_actions["users"].isEnabled()
    assert not window.tool_actions["audit"].isEnabled()
    assert "clerk1" in window.user_label.text()
    page = window.show_page("enterprises")
    seen = {}

    def try_to_save(dialog):
        qtbot.keyClicks(dialog.findChild(QLineEdit, "name"), "Xinyu Steel")
        dialog.findChild(QPushButton, "save").click()
        seen["banner"] = dialog.banner.text()
        dialog.reject()

    answer(page.new_button.click, try_to_save)
    assert seen["banner"]  # the core's permission sentence, shown in the dialog
    assert enterprises.list_enterprises(UnitOfWork(database, user=admin)) == []


def test_admin_adds_a_user_and_reads_the_audit_trail(qtbot, database, admin, languages, answer):
    window = _window(qtbot, database, admin, languages)
    enterprises.create_enterprise(UnitOfWork(database, user=admin),
                                  enterprises.EnterpriseForm(name="新余恒达钢铁"))
    seen = {}

    def add_user(dialog):
        qtbot.keyClicks(dialog.username, "viewer1")
        dialog.role.setCurrentIndex(dialog.role.findData("viewer"))
        qtbot.keyClicks(dialog.password, "Viewer-2026!")
        dialog.findChild(QPushButton, "addUser").click()
        seen["users"] = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
        dialog.select("viewer1")
        dialog.findChild(QPushButton, "toggleDisabled").click()
        dialog.reject()

    answer(window.tool_actions["users"].trigger, add_user)
    assert seen["users"] == ["admin", "viewer1"]
    assert [u.disabled for u in list_users(UnitOfWork(database, user=admin))] == [False, True]

    def read(dialog):
        rows = [[dialog.table.item(r, c).text() for c in range(4)]  # when, who, action, sentence
                for r in range(dialog.table.rowCount())]
        seen["created"] = [r for r in rows if "新余恒达钢铁" in r[3]]
        dialog.reject()

    answer(window.tool_actions["audit"].trigger, read)
    assert seen["created"] and seen["created"][0][1] == admin.display_name


def test_backup_change_restore(qtbot, database, admin, languages, monkeypatch, tmp_path):
    from ui import admin_actions

    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    uow = UnitOfWork(database, user=admin)
    enterprises.create_enterprise(uow, enterprises.EnterpriseForm(name="备份前的企业"))
    window = _window(qtbot, database, admin, languages)
    copy = admin_actions.backup(window, window.uow, str(tmp_path / "copy.db"))
    assert copy is not None
    enterprises.create_enterprise(uow, enterprises.EnterpriseForm(name="备份后的企业"))
    assert admin_actions.restore_backup(window, window.uow, copy)
    names = [e.name for e in enterprises.list_enterprises(UnitOfWork(database, user=admin))]
    assert names == ["备份前的企业"]


def test_the_audit_dialog_checks_the_chain(qtbot, database, admin):
    from sqlalchemy import text

    from ui.dialogs.audit_dialog import AuditDialog

    uow = UnitOfWork(database, user=admin)
    enterprises.create_enterprise(uow, enterprises.EnterpriseForm(name="新余钢铁"))
    dialog = AuditDialog(None, uow)
    qtbot.addWidget(dialog)
    dialog.findChild(QPushButton, "verify").click()
    qtbot.waitUntil(lambda: "whole" in dialog.verdict.text())
    with database.engine.begin() as conn:
        first = conn.execute(text("SELECT min(id) FROM audit_log")).scalar()
        conn.execute(text("UPDATE audit_log SET summary = 'nothing' WHERE id = :i"), {"i": first})
    dialog.findChild(QPushButton, "verify").click()
    qtbot.waitUntil(lambda: "tampered" in dialog.verdict.text())
    assert f"entry {first} " in dialog.verdict.text()
    dialog.grab().save("/tmp/trustsrv-audit-verify.png")


def test_the_audit_dialog_purges_a_deleted_trainees_personal_data(qtbot, database, admin):
    from sqlalchemy import text

    from trainer.services import trainees
    from trainer.services.settings import set_setting
    from ui.dialogs.audit_dialog import AuditDialog

    uow = UnitOfWork(database, user=admin)
    gone = trainees.create_trainee(uow, trainees.TraineeForm(name="欧阳䶮",
                                                             id_number="11010519491231002X"))
    trainees.delete_trainee(uow, gone.id, gone.version)
    dialog = AuditDialog(None, uow)
    qtbot.addWidget(dialog)
    assert not dialog.purge(confirm=lambda _q: True)  # within the retention period: nothing
    assert "365" in dialog.verdict.text()
    set_setting(uow, "audit.retention_days", 0, force=True)
    asked = []
    assert not dialog.purge(confirm=lambda q: asked.append(q) or False)  # the user says no
    assert "1 trainees" in asked[0]
    assert dialog.purge(confirm=lambda _q: True)
    assert "Purged" in dialog.verdict.text()
    with database.engine.connect() as conn:
        raw = " ".join(str(v) for row in conn.execute(text(
            "SELECT summary, before, after, personal FROM audit_log")) for v in row)
    assert "欧阳䶮" not in raw
    dialog.resize(1024, 700)
    dialog.grab().save("/tmp/trust-audit-purge.png")


def test_the_users_dialog_lists_and_revokes_a_desks_token(qtbot, database, admin):
    from trainer.security.tokens import authenticate_token, issue_token
    from ui.dialogs.tokens_dialog import TokensDialog

    first = issue_token(database, admin, desk="一楼前台")
    second = issue_token(database, admin, desk="二楼办公室")
    dialog = TokensDialog(None, UnitOfWork(database, user=admin), "admin")
    qtbot.addWidget(dialog)
    desks = [dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())]
    assert desks == ["二楼办公室", "一楼前台"]
    dialog.grab().save("/tmp/trustsrv-tokens.png")
    dialog.table.selectRow(1)
    dialog.findChild(QPushButton, "revoke").click()
    assert dialog.table.rowCount() == 1
    with pytest.raises(Exception):
        authenticate_token(database, first)
    assert authenticate_token(database, second).username == "admin"
