"""Training requests (培训需求 / 订单): what each enterprise asked for, filtered by status."""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QMessageBox, QPushButton

from trainer.errors import TrainerError

from trainer.texts import label
from trainer.services import requests, schedule
from trainer.services.requests import REQUEST_STATUSES
from ui.dialogs import messages
from ui.dialogs.request_dialog import RequestDialog
from ui.models.request_model import RequestTableModel
from ui.pages.master_page import MasterPage


class RequestsPage(MasterPage):
    PAGE_ID = "requests"
    IMPORT_KIND = "requests"
    EXPORT_KIND = "requests"
    ICON = "request"

    def __init__(self, uow, parent=None) -> None:
        self.status_filter: QComboBox | None = None
        super().__init__(uow, parent)
        self.status_filter = QComboBox(self)
        self.status_filter.setObjectName("statusFilter")
        self.status_filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.layout_.itemAt(1).layout().insertWidget(3, self.status_filter)
        self.split_button = QPushButton(self)
        self.split_button.setObjectName("splitClasses")
        self.split_button.clicked.connect(self.split_into_classes)
        self.layout_.itemAt(0).layout().insertWidget(2, self.split_button)  # beside Import…
        self.retranslate()

    def title(self) -> str:
        return self.tr("Training requests")

    def texts(self) -> dict[str, str]:
        return {"new": self.tr("New request"),
                "placeholder": self.tr("Search: enterprise, course, pinyin initials (Ctrl+F)")}

    def retranslate(self) -> None:
        super().retranslate()
        if self.status_filter is None:
            return
        self.split_button.setText(self.tr("Split into classes"))
        self.split_button.setToolTip(self.tr("Classes within the course's and the workshop's "
                                             "capacity, ready for the planner"))
        chosen = self.status_filter.currentData()
        self.status_filter.blockSignals(True)
        self.status_filter.clear()
        self.status_filter.addItem(self.tr("All statuses"), None)
        for code in REQUEST_STATUSES:
            self.status_filter.addItem(label(REQUEST_STATUSES, code), code)
        self.status_filter.setCurrentIndex(max(0, self.status_filter.findData(chosen)))
        self.status_filter.blockSignals(False)

    def create_model(self) -> RequestTableModel:
        return RequestTableModel(self)

    def _status(self) -> str | None:
        return self.status_filter.currentData() if self.status_filter is not None else None

    def fetch_records(self) -> list[requests.TrainingRequestRecord]:
        return requests.list_requests(self.uow, status=self._status())

    def matching_ids(self, search: str) -> set[int]:
        return {r.id for r in requests.list_requests(self.uow, search, status=self._status())}

    def describe(self, record) -> str:
        return record.display_name

    def ask_new(self):
        return RequestDialog.ask(self, self.uow)

    def ask_edit(self, record):
        return RequestDialog.ask(self, self.uow, record)

    def split_into_classes(self) -> None:
        record = self.selected_record()
        if record is None:
            return
        try:
            made = schedule.create_classes(self.uow, record.id)
        except TrainerError as exc:
            messages.show_refusal(self, str(exc))
            return
        self.last_split = made
        self.reload(select_id=record.id)  # the Classes column counts them
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Split into classes"), self.tr(
            "“%1” is split into %2 classes, ready for the planner (Schedule → Plan "
            "automatically):").replace("%1", record.display_name).replace("%2", str(len(made))),
            QMessageBox.StandardButton.Ok, self)
        box.setObjectName("splitDone")
        box.setInformativeText("\n".join(
            self.tr("%1: %2 places").replace("%1", c.name).replace("%2", str(c.capacity))
            for c in made))
        box.exec()

    last_split: list = []

    def delete(self, record) -> None:
        requests.delete_request(self.uow, record.id, record.version)
