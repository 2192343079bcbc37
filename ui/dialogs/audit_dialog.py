"""The audit trail (administrators): who changed what and when, with the values before and after;
filtered by person, record and dates. Read only: the app offers no way to change it."""
from __future__ import annotations

import datetime as dt
import json

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (QDateEdit, QDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from trainer.errors import TrainerError
from trainer.security.audit import list_audit, verify_trail
from trainer.services.uow import UnitOfWork
from ui.dialogs.form_dialog import ERROR_STYLE
from ui.resources import app_icon

LIMIT = 500


def _values(value) -> str:
    if value in (None, {}, []):
        return ""
    return json.dumps(value, ensure_ascii=False, default=str)[:300]


class AuditDialog(QDialog):
    def __init__(self, parent: QWidget | None, uow: UnitOfWork) -> None:
        super().__init__(parent)
        self.setObjectName("auditDialog")
        self.setWindowIcon(app_icon())
        self.setWindowTitle(self.tr("Audit trail"))
        self.uow = uow
        self.user = QLineEdit(self)
        self.user.setObjectName("user")
        self.user.setPlaceholderText(self.tr("user name"))
        self.entity = QLineEdit(self)
        self.entity.setObjectName("entity")
        self.entity.setPlaceholderText(self.tr("record kind, e.g. trainee, lesson"))
        self.record = QLineEdit(self)
        self.record.setObjectName("record")
        self.record.setPlaceholderText(self.tr("record number"))
        today = QDate.currentDate()
        self.since = QDateEdit(today.addDays(-30), self)
        self.since.setObjectName("since")
        self.until = QDateEdit(today, self)
        self.until.setObjectName("until")
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        show = QPushButton(self.tr("Show"), self)
        show.setObjectName("show")
        show.clicked.connect(self.refresh)
        verify = QPushButton(self.tr("Check the chain"), self)
        verify.setObjectName("verify")
        verify.setToolTip(self.tr("Each entry holds a fingerprint of the one before: checks that "
                                  "no entry was changed or removed"))
        verify.clicked.connect(self.verify)
        self.verdict = QLabel(self)
        self.verdict.setObjectName("verdict")
        self.verdict.setWordWrap(True)
        self.table = QTableWidget(0, 7, self)
        self.table.setObjectName("entries")
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setHorizontalHeaderLabels([
            self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Record"),
            self.tr("Summary"), self.tr("Before"), self.tr("After")])
        self.problem = QLabel(self)
        self.problem.setObjectName("problem")
        self.problem.setStyleSheet(ERROR_STYLE)
        filters = QHBoxLayout()
        for widget in (self.user, self.entity, self.record, self.since, self.until, show, verify):
            filters.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.verdict)
        layout.addWidget(self.problem)
        self.resize(1100, 600)
        self.refresh()

    def refresh(self) -> None:
        record = self.record.text().strip()
        try:
            entries = list_audit(
                self.uow, user=self.user.text().strip() or None,
                entity=self.entity.text().strip() or None,
                record_id=int(record) if record.isdigit() else None,
                since=self.since.date().toPython(), until=self.until.date().toPython(),
                limit=LIMIT)
        except TrainerError as exc:
            self.problem.setText(str(exc))
            return
        self.problem.setText("" if len(entries) < LIMIT else
                             self.tr("The newest %1 entries are shown; narrow the filter to see "
                                     "older ones.").replace("%1", str(LIMIT)))
        self.table.setRowCount(len(entries))
        offset = dt.datetime.now().astimezone().utcoffset() or dt.timedelta()
        for row, e in enumerate(entries):
            cells = (f"{e.at + offset:%Y-%m-%d %H:%M:%S}", e.username, e.action_label(),
                     f"{e.entity} #{e.record_id}" if e.record_id is not None else e.entity,
                     e.summary, _values(e.before), _values(e.after))
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        for column in (5, 6):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 260))

    def verify(self) -> None:
        """Walks the whole trail in the background and says whether its chain is whole, or
        which entry is the first that was changed (or follows removed ones)."""
        from ui.workers import run_with_progress

        try:
            report = run_with_progress(self, self.tr("Checking the audit trail…"),
                                       lambda _progress: verify_trail(self.uow),
                                       cancellable=False)
        except TrainerError as exc:
            self.verdict.setStyleSheet(ERROR_STYLE)
            self.verdict.setText(str(exc))
            return
        if report.intact:
            self.verdict.setStyleSheet("color: #1b5e20;")
            self.verdict.setText(self.tr("The audit trail is whole: %1 entries checked, none "
                                         "changed or removed.").replace("%1", str(report.checked)))
            return
        offset = dt.datetime.now().astimezone().utcoffset() or dt.timedelta()
        when = f"{report.break_at + offset:%Y-%m-%d %H:%M:%S}" if report.break_at else "?"
        self.verdict.setStyleSheet(ERROR_STYLE)
        self.verdict.setText(self.tr("The audit trail was tampered with: entry %1 (%2) does not "
                                     "follow from the one before — it was changed, or entries "
                                     "before it were removed.")
                             .replace("%1", str(report.first_break)).replace("%2", when))

    @classmethod
    def ask(cls, parent: QWidget | None, uow: UnitOfWork) -> None:
        dialog = cls(parent, uow)
        dialog.exec()
        dialog.deleteLater()
