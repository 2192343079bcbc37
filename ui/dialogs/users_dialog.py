"""The office's users (administrators only): add a user with a role, change the role, disable or
enable, set a new password (which ends the user's login tokens), unlock after too many wrong
passwords, see and revoke a user's login tokens (one a desk). The core refuses what would
leave the office without an administrator."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
                               QInputDialog, QLabel, QLineEdit, QPushButton, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from trainer.errors import TrainerError
from trainer.security.roles import ROLES
from trainer.texts.security import role_label
from trainer.security.users import (create_user, list_users, set_disabled, set_password,
                                    set_role, unlock)
from trainer.services.uow import UnitOfWork
from ui.dialogs.form_dialog import ERROR_STYLE
from ui.resources import app_icon


class UsersDialog(QDialog):
    def __init__(self, parent: QWidget | None, uow: UnitOfWork) -> None:
        super().__init__(parent)
        self.setObjectName("usersDialog")
        self.setWindowIcon(app_icon())
        self.setWindowTitle(self.tr("Users"))
        self.uow = uow
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("users")
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setHorizontalHeaderLabels([self.tr("User name"), self.tr("Name"),
                                              self.tr("Role"), self.tr("State"),
                                              self.tr("Last login")])
        self.username = QLineEdit(self)
        self.username.setObjectName("newUsername")
        self.display_name = QLineEdit(self)
        self.display_name.setObjectName("newDisplayName")
        self.role = QComboBox(self)
        self.role.setObjectName("newRole")
        for code in ROLES:
            self.role.addItem(role_label(code), code)
        # ROLES runs from most to least privileged: a new user only reads until given more
        self.role.setCurrentIndex(len(ROLES) - 1)
        self.password = QLineEdit(self)
        self.password.setObjectName("newPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        add = QPushButton(self.tr("Add user"), self)
        add.setObjectName("addUser")
        add.clicked.connect(self.add)
        self.problem = QLabel(self)
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(ERROR_STYLE)
        actions = QHBoxLayout()
        for text, name, slot in ((self.tr("Change role…"), "changeRole", self.change_role),
                                 (self.tr("Disable / enable"), "toggleDisabled", self.toggle),
                                 (self.tr("New password…"), "newPassword", self.new_password),
                                 (self.tr("Unlock"), "unlock", self.unlock),
                                 (self.tr("Login tokens…"), "tokens", self.tokens)):
            button = QPushButton(text, self)
            button.setObjectName(name)
            button.clicked.connect(slot)
            actions.addWidget(button)
        actions.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("User name:"), self.username)
        form.addRow(self.tr("Full name:"), self.display_name)
        form.addRow(self.tr("Role:"), self.role)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow("", add)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.resize(720, 520)
        self.refresh()

    def refresh(self) -> None:
        users = list_users(self.uow)
        self.table.setRowCount(len(users))
        for row, u in enumerate(users):
            state = (self.tr("disabled") if u.disabled else
                     self.tr("locked") if u.locked_until else self.tr("active"))
            cells = (u.username, u.display_name, u.role_label(), state,
                     f"{u.last_login_at:%Y-%m-%d %H:%M}" if u.last_login_at else "")
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, u)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()

    def selected(self):
        items = self.table.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    def select(self, username: str) -> None:
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).text() == username:
                self.table.selectRow(row)

    def _do(self, action) -> bool:
        self.problem.clear()
        try:
            action()
        except TrainerError as exc:
            self.problem.setText(str(exc))
            return False
        self.refresh()
        return True

    def add(self) -> None:
        if self._do(lambda: create_user(self.uow, self.username.text(), self.password.text(),
                                        self.role.currentData(), self.display_name.text())):
            for edit in (self.username, self.display_name, self.password):
                edit.clear()

    def change_role(self) -> None:
        user = self.selected()
        if user is None:
            return
        labels = [role_label(code) for code in ROLES]
        text, ok = QInputDialog.getItem(self, self.tr("Role of %1").replace("%1", user.username),
                                        self.tr("Role:"), labels, ROLES.index(user.role), False)
        if ok:
            self._do(lambda: set_role(self.uow, user.username, ROLES[labels.index(text)]))

    def toggle(self) -> None:
        user = self.selected()
        if user is not None:
            self._do(lambda: set_disabled(self.uow, user.username, not user.disabled))

    def new_password(self) -> None:
        user = self.selected()
        if user is None:
            return
        text, ok = QInputDialog.getText(self, self.tr("New password for %1")
                                        .replace("%1", user.username), self.tr("Password:"),
                                        QLineEdit.EchoMode.Password)
        if ok:
            self._do(lambda: set_password(self.uow, user.username, text))

    def unlock(self) -> None:
        user = self.selected()
        if user is not None:
            self._do(lambda: unlock(self.uow, user.username))

    def tokens(self) -> None:
        from ui.dialogs.tokens_dialog import TokensDialog

        user = self.selected()
        if user is None:
            return
        dialog = TokensDialog(self, self.uow, user.username)
        dialog.exec()
        dialog.deleteLater()

    @classmethod
    def ask(cls, parent: QWidget | None, uow: UnitOfWork) -> None:
        dialog = cls(parent, uow)
        dialog.exec()
        dialog.deleteLater()
