"""Lecturers (讲师): category, themes taught, fee."""
from __future__ import annotations

from trainer.services import lecturers
from ui.dialogs.lecturer_dialog import LecturerDialog
from ui.models.master_data_models import LecturerTableModel
from ui.pages.master_page import MasterPage


class LecturersPage(MasterPage):
    PAGE_ID = "lecturers"
    IMPORT_KIND = "lecturers"
    EXPORT_KIND = "lecturers"
    ICON = "lecturer"

    def title(self) -> str:
        return self.tr("Lecturers")

    def texts(self) -> dict[str, str]:
        return {"new": self.tr("New lecturer"),
                "placeholder": self.tr("Search: name, pinyin initials, employer, mobile (Ctrl+F)")}

    def create_model(self) -> LecturerTableModel:
        return LecturerTableModel(self)

    def fetch_records(self) -> list[lecturers.LecturerRecord]:
        return lecturers.list_lecturers(self.uow)

    def matching_ids(self, search: str) -> set[int]:
        return {r.id for r in lecturers.list_lecturers(self.uow, search)}

    def ask_new(self):
        return LecturerDialog.ask(self, self.uow)

    def ask_edit(self, record):
        # the form edits the full values (the list shows them masked)
        return LecturerDialog.ask(self, self.uow, lecturers.get_lecturer(self.uow, record.id, reveal=True))

    def delete(self, record) -> None:
        lecturers.delete_lecturer(self.uow, record.id, record.version)
