"""The Tools menu: users, the audit trail, backup and restore, the certificate signing key —
what the administrator does.
Each action is enabled only for a role that holds its permission; the core checks again."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from trainer.errors import TrainerError
from trainer.security.roles import AUDIT, BACKUP, CERTIFICATES, RESTORE, SYSTEM, USERS, holds
from trainer.services.uow import UnitOfWork
from ui.dialogs import messages

PERMISSIONS = {"users": USERS, "audit": AUDIT, "backup": BACKUP, "restore": RESTORE,
               "signing_key": CERTIFICATES}


def allowed(uow: UnitOfWork, action: str) -> bool:
    user = getattr(uow, "user", None)
    return holds(user.role if user is not None else SYSTEM, PERMISSIONS[action])


def show_users(parent: QWidget, uow: UnitOfWork) -> None:
    from ui.dialogs.users_dialog import UsersDialog
    try:
        UsersDialog.ask(parent, uow)
    except TrainerError as exc:
        messages.show_refusal(parent, str(exc))


def show_signing_key(parent: QWidget, uow: UnitOfWork) -> None:
    from ui.dialogs.signing_key_dialog import SigningKeyDialog
    try:
        SigningKeyDialog.ask(parent, uow)
    except TrainerError as exc:
        messages.show_refusal(parent, str(exc))


def show_audit(parent: QWidget, uow: UnitOfWork) -> None:
    from ui.dialogs.audit_dialog import AuditDialog
    try:
        AuditDialog.ask(parent, uow)
    except TrainerError as exc:
        messages.show_refusal(parent, str(exc))


def backup(parent: QWidget, uow: UnitOfWork, out: str | None = None) -> str | None:
    """A copy now, into the backups folder beside the database (or where the user chooses)."""
    from trainer.security.backups import backup_now
    try:
        path = backup_now(uow, out)
    except (OSError, TrainerError) as exc:
        messages.show_refusal(parent, str(exc))
        return None
    QMessageBox.information(parent, QCoreApplication.translate("AdminActions", "Backup"), QCoreApplication.translate("AdminActions", "Saved a copy of the database:\n%1")
                            .replace("%1", str(path)))
    return str(path)


def restore_backup(parent: QWidget, uow: UnitOfWork, file: str | None = None) -> bool:
    """Replaces the database by a backup after checking it; the current one is kept aside. The
    window closes afterwards: everything shown belonged to the replaced database."""
    from trainer.security.backups import list_backups, restore
    if file is None:
        found = list_backups(uow.database)
        folder = str(found[0].path.parent) if found else ""
        file, _ = QFileDialog.getOpenFileName(parent, QCoreApplication.translate("AdminActions", "Restore a backup"), folder,
                                              QCoreApplication.translate("AdminActions", "Backups (*.db *.sqlite *.dump *.backup);;All files (*)"))
        if not file:
            return False
        if not messages.confirm_restore(parent, file, str(uow.database.display_name())):
            return False
    try:
        result = restore(uow, file)
    except (OSError, TrainerError) as exc:
        messages.show_refusal(parent, str(exc))
        return False
    QMessageBox.information(parent, QCoreApplication.translate("AdminActions", "Restore"), QCoreApplication.translate("AdminActions", 
        "Restored from %1. The data before the restore is kept in %2.\nFactory Classroom closes "
        "now; start it again to work on the restored data.")
        .replace("%1", str(result.restored_from)).replace("%2", str(result.kept_aside)))
    parent.window().close()
    return True
