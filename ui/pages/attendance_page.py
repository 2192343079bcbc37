"""Attendance: a placeholder until its issue fills it."""
from __future__ import annotations

from ui.pages.placeholder_page import PlaceholderPage


class AttendancePage(PlaceholderPage):
    PAGE_ID = "attendance"
    ICON = "attendance"

    def title(self) -> str:
        return self.tr("Attendance")

    def description(self) -> str:
        return self.tr("Sign-in sheets will be printed and attendance recorded here, from the signed sheets or a barcode scanner.")
