"""One user's login tokens for the command line (`trainer login`), one a desk: when each was
issued and until when it is valid; the administrator (or the user) revokes one, e.g. the token
of a desk that was sold or lost. The tokens themselves are never shown: only their numbers."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QHBoxLayout, QLabel, QPushButton, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from trainer.errors import TrainerError
from trainer.security.tokens import list_tokens, revoke_token_id
from trainer.services.uow import UnitOfWork
from ui.dialogs.form_dialog import ERROR_STYLE
from ui.resources import app_icon


def _local(moment: dt.datetime) -> str:
    return f"{moment.replace(tzinfo=dt.timezone.utc).astimezone():%Y-%m-%d %H:%M}"


class TokensDialog(QDialog):
    def __init__(self, parent: QWidget | None, uow: UnitOfWork, username: str) -> None:
        super().__init__(parent)
        self.setObjectName("tokensDialog")
        self.setWindowIcon(app_icon())
        self.setWindowTitle(self.tr("Login tokens of %1").replace("%1", username))
        self.uow, self.username = uow, username
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("tokens")
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setHorizontalHeaderLabels([self.tr("No."), self.tr("Computer"),
                                              self.tr("Logged in"), self.tr("Valid until")])
        revoke = QPushButton(self.tr("Revoke"), self)
        revoke.setObjectName("revoke")
        revoke.clicked.connect(self.revoke)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.accept)
        self.problem = QLabel(self)
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(ERROR_STYLE)
        buttons = QHBoxLayout()
        buttons.addWidget(revoke)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Each computer where %1 ran “trainer login” keeps its own "
                                        "token. A new password ends them all.")
                                .replace("%1", username), self))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)
        self.resize(560, 320)
        self.refresh()

    def refresh(self) -> None:
        tokens = list_tokens(self.uow, self.username)
        self.table.setRowCount(len(tokens))
        for row, t in enumerate(tokens):
            until = _local(t.expires_at) + (self.tr(" (expired)") if t.expired else "")
            for column, text in enumerate((str(t.id), t.desk, _local(t.created_at), until)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, t.id)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.problem.setText("" if tokens else self.tr("No tokens: nobody is logged in as this "
                                                       "user on the command line."))

    def revoke(self) -> None:
        items = self.table.selectedItems()
        if not items:
            return
        try:
            revoke_token_id(self.uow, self.username, items[0].data(Qt.ItemDataRole.UserRole))
        except TrainerError as exc:
            self.problem.setText(str(exc))
            return
        self.refresh()
