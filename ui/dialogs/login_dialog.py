"""Who is at the keyboard: the login dialog, and on the first start the administrator's account.
The core checks passwords (argon2), locks an account after repeated failures and records every
attempt; these dialogs only ask and show the core's sentence."""
from __future__ import annotations

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
                               QVBoxLayout, QWidget)

from trainer.db.engine import Database
from trainer.errors import TrainerError
from ui.dialogs.form_dialog import ERROR_STYLE
from ui.resources import app_icon


class _AccountDialog(QDialog):
    def __init__(self, parent: QWidget | None, database: Database, title: str, intro: str,
                 ok_text: str) -> None:
        super().__init__(parent)
        self.setWindowIcon(app_icon())
        self.setWindowTitle(title)
        self.database = database
        self.user = None
        self.intro = QLabel(intro, self)
        self.intro.setWordWrap(True)
        self.username = QLineEdit(self)
        self.username.setObjectName("username")
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.problem = QLabel(self)
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(ERROR_STYLE)
        self.form = QFormLayout()
        self.form.addRow(self.tr("User name:"), self.username)
        self.form.addRow(self.tr("Password:"), self.password)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_text)
        self.ok_button.setObjectName("ok")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Quit"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(420, 220)

    def submit(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    @classmethod
    def ask(cls, parent: QWidget | None, database: Database):
        dialog = cls(parent, database)
        dialog.exec()
        user = dialog.user
        dialog.deleteLater()
        return user


class LoginDialog(_AccountDialog):
    def __init__(self, parent: QWidget | None, database: Database) -> None:
        super().__init__(parent, database, self.tr("Log in"),
                         self.tr("Factory Classroom keeps personal data and official records: "
                                 "please log in."), self.tr("Log in"))
        self.setObjectName("loginDialog")

    def submit(self) -> None:
        from trainer.security.users import authenticate

        try:
            self.user = authenticate(self.database, self.username.text(), self.password.text())
        except TrainerError as exc:
            self.problem.setText(str(exc))
            self.password.clear()
            self.password.setFocus()
            return
        self.accept()


class CreateAdminDialog(_AccountDialog):
    """The first start: this account manages the users of the office."""

    def __init__(self, parent: QWidget | None, database: Database) -> None:
        super().__init__(parent, database, self.tr("Create the administrator"),
                         self.tr("Nobody can use this database yet. Create the administrator's "
                                 "account: the administrator adds the other users (training "
                                 "officers, clerks, viewers)."), self.tr("Create"))
        self.setObjectName("createAdminDialog")
        self.display_name = QLineEdit(self)
        self.display_name.setObjectName("displayName")
        self.repeat = QLineEdit(self)
        self.repeat.setObjectName("repeat")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.form.insertRow(1, self.tr("Full name:"), self.display_name)
        self.form.addRow(self.tr("Password again:"), self.repeat)

    def submit(self) -> None:
        from trainer.security.users import create_first_admin

        if self.password.text() != self.repeat.text():
            self.problem.setText(self.tr("The two passwords differ."))
            return
        try:
            self.user = create_first_admin(self.database, self.username.text(),
                                           self.password.text(), self.display_name.text())
        except TrainerError as exc:
            self.problem.setText(str(exc))
            return
        self.accept()
