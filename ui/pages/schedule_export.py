"""The schedule's Export menu: the lessons shown as an Excel file, the chosen lecturer's or
enterprise's lessons as a calendar file (.ics). A mixin of SchedulePage (it uses the page's
`uow`, `shown_range`, filter and `title`)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from trainer.errors import TrainerError
from ui import save_location
from ui.dialogs import messages


class ScheduleExport:
    def _save_path(self, name: str, pattern: str) -> str:
        return save_location.ask_save_path(
            self, QCoreApplication.translate("SchedulePage", "Save"), name, pattern)

    def export_excel(self) -> None:
        from trainer.io.schedule_export import export_schedule

        start, end = self.shown_range()
        path = self._save_path(save_location.file_name(
            self.title(), f"{start:%Y-%m-%d}", f"{end:%Y-%m-%d}", suffix=".xlsx", dated=False),
            "Excel (*.xlsx)")
        if path:
            self._export(lambda: export_schedule(self.uow, path, start, end,
                                                 **self._filter_arguments()))

    def export_ics(self) -> None:
        from trainer.io.ics import export_enterprise_ics, export_lecturer_ics

        arguments = self._filter_arguments()
        path = self._save_path(save_location.file_name(
            self.title(), self.filter_value.currentText(), suffix=".ics"), "iCalendar (*.ics)")
        if not path:
            return
        if "lecturer_id" in arguments:
            self._export(lambda: export_lecturer_ics(self.uow, arguments["lecturer_id"], path))
        elif "enterprise_id" in arguments:
            self._export(lambda: export_enterprise_ics(self.uow, arguments["enterprise_id"], path))

    def _export(self, write) -> None:
        try:
            result = write()
        except (OSError, TrainerError) as exc:
            messages.show_error(self, QCoreApplication.translate("SchedulePage", "Save"), str(exc))
            return
        self.window().statusBar().showMessage(
            QCoreApplication.translate("SchedulePage", "Saved %1").replace(
                "%1", str(getattr(result, "path", ""))), 8000)
