"""Reports: a placeholder until its issue fills it."""
from __future__ import annotations

from ui.pages.placeholder_page import PlaceholderPage


class ReportsPage(PlaceholderPage):
    PAGE_ID = "reports"
    ICON = "report"

    def title(self) -> str:
        return self.tr("Reports")

    def description(self) -> str:
        return self.tr("Trainees per theme, enterprise and month, attendance rates, lecturer hours and fees, and feedback will be reported here.")
