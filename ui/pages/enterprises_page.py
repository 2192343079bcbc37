"""Enterprises (企业) and, below the list, the venues of the selected one."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout

from trainer.services import enterprises
from ui.dialogs.enterprise_dialog import EnterpriseDialog
from ui.models.master_data_models import EnterpriseTableModel
from ui.pages.master_page import MasterPage
from ui.settings import AppSettings


class EnterprisesPage(MasterPage):
    PAGE_ID = "enterprises"
    IMPORT_KIND = "enterprises"
    EXPORT_KIND = "enterprises"
    ICON = "enterprise"

    def title(self) -> str:
        return self.tr("Enterprises")

    def texts(self) -> dict[str, str]:
        return {"new": self.tr("New enterprise"),
                "placeholder": self.tr("Search: name, pinyin initials, district, credit code "
                                       "(Ctrl+F)")}

    def create_model(self) -> EnterpriseTableModel:
        return EnterpriseTableModel(self)

    def add_body(self, layout: QVBoxLayout) -> None:
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("enterpriseSplitter")
        self.splitter.addWidget(self.view)
        self.detail = QLabel(self)
        self.detail.setObjectName("venueDetail")
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail.setWordWrap(True)
        self.detail.setMargin(8)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 1)
        layout.addWidget(self.splitter, 1)

    def fetch_records(self) -> list[enterprises.EnterpriseRecord]:
        return enterprises.list_enterprises(self.uow)

    def matching_ids(self, search: str) -> set[int]:
        return {r.id for r in enterprises.list_enterprises(self.uow, search)}

    def ask_new(self):
        return EnterpriseDialog.ask(self, self.uow)

    def ask_edit(self, record):
        # the form edits the full values (the list shows them masked)
        return EnterpriseDialog.ask(self, self.uow, enterprises.get_enterprise(self.uow, record.id, reveal=True))

    def delete(self, record) -> None:
        enterprises.delete_enterprise(self.uow, record.id, record.version)

    def selection_changed(self) -> None:
        super().selection_changed()
        record = self.selected_record()
        if record is None:
            self.detail.setText(self.tr("Select an enterprise to see its venues (workshops)."))
            return
        venues = enterprises.list_venues(self.uow, record.id)
        lines = [f"<b>{record.name}</b>"]
        if record.address:
            lines.append(record.address)
        if venues:
            seats = self.tr("%1 seats")
            lines.append(self.tr("Venues:") + " " + "; ".join(
                f"{v.name} ({seats.replace('%1', str(v.capacity))})" for v in venues))
        else:
            lines.append(self.tr("No venues yet: add workshops in the edit dialog (Enter)."))
        self.detail.setText("<br>".join(lines))

    def retranslate(self) -> None:
        super().retranslate()
        self.selection_changed()

    def save_state(self, settings: AppSettings) -> None:
        super().save_state(settings)
        settings.set_splitter_state("enterprises", self.splitter.saveState())

    def restore_state(self, settings: AppSettings) -> None:
        super().restore_state(settings)
        state = settings.splitter_state("enterprises")
        if state is not None:
            self.splitter.restoreState(state)
