"""Certificates (结业证书 and 培训证明) of a class: issue to all who qualify, preview and print
them as one PDF, revoke or reissue one (history kept), check a number and code someone brings in,
and edit the certificate template with a live preview."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QInputDialog, QLabel,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from trainer.errors import TrainerError
from trainer.services.certificates import (issue_certificates, list_certificates,
                                           reissue_certificate, revoke_certificate)
from trainer.services.uow import UnitOfWork
from ui import save_location
from ui.dialogs import messages
from ui.dialogs.pdf_preview import preview_document
from ui.pages.page import Page
from ui.widgets.class_combo import fill_classes
from ui.workers import run_with_progress, thread_uow

KINDS = ("completion", "attendance")


class CertificatesPage(Page):
    PAGE_ID = "certificates"
    ICON = "certificate"

    def __init__(self, uow: UnitOfWork, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.uow = uow
        self._signer = None  # unlocked on the first issue of the session
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.cohort = QComboBox(self)
        self.cohort.setObjectName("cohort")
        self.cohort.setMinimumWidth(160)
        self.cohort.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.cohort.setMinimumContentsLength(16)
        self.kind = QComboBox(self)
        self.kind.setObjectName("kind")
        self.kind.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.kind.setMinimumContentsLength(10)
        self.cohort.currentIndexChanged.connect(lambda _i: self.refresh())
        self.kind.currentIndexChanged.connect(lambda _i: self.refresh())
        self.issue_button = self.push_button("issue", self.issue)
        self.print_button = self.push_button("print", self.print_class)
        self.print_one_button = self.push_button("printOne", self.print_selected)
        self.revoke_button = self.push_button("revoke", self.revoke)
        self.reissue_button = self.push_button("reissue", self.reissue)
        self.verify_button = self.push_button("verify", self.verify)
        self.template_button = self.push_button("template", self.edit_template)
        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("certificates")
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.itemSelectionChanged.connect(
            lambda: self.print_one_button.setEnabled(self.selected_number() is not None))
        self.table.horizontalHeader().setStretchLastSection(True)
        self.status = QLabel(self)
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        for widget in (self.revoke_button, self.reissue_button, self.verify_button,
                       self.template_button):
            top.addWidget(widget)
        bar = QHBoxLayout()
        for widget in (self.cohort, self.kind, self.issue_button, self.print_button,
                       self.print_one_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        layout.addLayout(top)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Certificates")

    def retranslate(self) -> None:
        self.heading.setText(self.title())
        self.issue_button.setText(self.tr("Issue to all who qualify"))
        self.print_button.setText(self.tr("Preview and print…"))
        self.print_one_button.setText(self.tr("Print the selected one…"))
        self.revoke_button.setText(self.tr("Revoke…"))
        self.reissue_button.setText(self.tr("Reissue…"))
        self.verify_button.setText(self.tr("Check a certificate…"))
        self.template_button.setText(self.tr("Template…"))
        chosen = self.kind.currentIndex()
        self.kind.blockSignals(True)
        self.kind.clear()
        self.kind.addItem(self.tr("Completion certificate (结业证书)"), "completion")
        self.kind.addItem(self.tr("Attendance certificate (培训证明)"), "attendance")
        self.kind.setCurrentIndex(max(chosen, 0))
        self.kind.blockSignals(False)
        self.table.setHorizontalHeaderLabels([
            self.tr("Number"), self.tr("Code"), self.tr("Trainee"), self.tr("Enterprise"),
            self.tr("Issued"), self.tr("Status")])

    def activate(self) -> None:
        fill_classes(self.cohort, self.uow)
        self.refresh()

    def choose(self, cohort_id: int, kind: str = "completion") -> None:
        self.kind.setCurrentIndex(self.kind.findData(kind))
        self.cohort.setCurrentIndex(self.cohort.findData(cohort_id))

    # --- listing ------------------------------------------------------------------------------
    def live_reload(self) -> None:
        row = self.table.currentRow()
        self.refresh()
        if 0 <= row < self.table.rowCount():
            self.table.selectRow(row)

    def refresh(self) -> None:
        cohort_id = self.cohort.currentData()
        records = [] if cohort_id is None else list_certificates(
            self.uow, cohort_id=cohort_id, kind=self.kind.currentData())
        self.table.setRowCount(len(records))
        for row, c in enumerate(records):
            status = self.tr("valid") if c.current else (
                self.tr("revoked: %1").replace("%1", c.revoked_reason or "—"))
            for column, text in enumerate((c.number, c.code_display, c.trainee_name, c.enterprise,
                                           c.issued_on.isoformat(), status)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, c.number)
                if not c.current:
                    item.setForeground(Qt.GlobalColor.gray)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.print_button.setEnabled(any(c.current for c in records))
        self.print_one_button.setEnabled(False)

    def selected_number(self) -> str | None:
        items = self.table.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    def select_number(self, number: str) -> None:
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).text() == number:
                self.table.selectRow(row)

    # --- commands -----------------------------------------------------------------------------
    def signer(self):
        """The office's signing key, unlocked once per session with the officer's passphrase."""
        from ui.dialogs.signing_key_dialog import unlock_signer

        if self._signer is None:
            self._signer = unlock_signer(self, self.uow)
        return self._signer

    def issue(self) -> None:
        cohort_id, kind = self.cohort.currentData(), self.kind.currentData()
        if cohort_id is None:
            return
        signer = self.signer()
        if signer is None:
            return
        make_uow = thread_uow(self.uow)
        try:
            result = run_with_progress(self, self.tr("Issuing certificates…"), lambda p: (
                issue_certificates(make_uow(), cohort_id, kind, signer=signer,
                                   progress=lambda d, t: p.report(d, t),
                                   cancel=lambda: p.cancelled)))
        except TrainerError as exc:
            messages.show_refusal(self, str(exc))
            return
        lines = [self.tr("Issued %1, already held %2, not qualified %3.")
                 .replace("%1", str(len(result.issued))).replace("%2", str(len(result.already)))
                 .replace("%3", str(len(result.not_eligible)))]
        lines += [f"{o.name}:{o.reason}" for o in result.not_eligible[:10]]
        self.status.setText("\n".join(lines))
        self.refresh()

    def print_class(self) -> None:
        from trainer.pdf.certificates import build_certificates

        cohort_id, kind = self.cohort.currentData(), self.kind.currentData()
        name = save_location.file_name(self.tr("Certificates"), self.cohort.currentText(),
                                       self.kind.currentText(), suffix=".pdf")
        preview_document(self, self.uow, self.tr("Certificates"), name,
                         lambda uow, path, progress, cancel: build_certificates(
                             uow, cohort_id, path, progress, cancel, kind=kind))

    def print_selected(self) -> None:
        """Just the selected certificate (a reprint for one person, not the whole class)."""
        from trainer.pdf.certificates import build_certificate

        number = self.selected_number()
        if number is None:
            return
        preview_document(self, self.uow, self.tr("Certificate %1").replace("%1", number),
                         save_location.file_name(self.tr("Certificate"), number, suffix=".pdf"),
                         lambda uow, path, progress, cancel: build_certificate(
                             uow, number, path, progress, cancel))

    def revoke(self) -> None:
        number = self.selected_number()
        if number is None:
            return
        reason, ok = QInputDialog.getText(self, self.tr("Revoke %1").replace("%1", number),
                                          self.tr("Reason (kept in the certificate's history):"))
        if not ok:
            return
        try:
            revoke_certificate(self.uow, number, reason)
        except TrainerError as exc:
            messages.show_refusal(self, str(exc))
        self.refresh()

    def reissue(self) -> None:
        number = self.selected_number()
        if number is None:
            return
        reason, ok = QInputDialog.getText(self, self.tr("Reissue %1").replace("%1", number),
                                          self.tr("Reason (lost, name corrected…):"))
        if not ok:
            return
        signer = self.signer()
        if signer is None:
            return
        try:
            new = reissue_certificate(self.uow, number, reason, signer=signer)
        except TrainerError as exc:
            messages.show_refusal(self, str(exc))
            return
        self.refresh()
        self.select_number(new.number)
        self.status.setText(self.tr("%1 replaces %2.").replace("%1", new.number)
                            .replace("%2", number))

    def verify(self) -> None:
        from ui.dialogs.verify_dialog import VerifyDialog

        VerifyDialog.ask(self, self.uow)

    def edit_template(self) -> None:
        from ui.dialogs.template_dialog import TemplateDialog

        TemplateDialog.ask(self, self.uow, self.kind.currentData())
