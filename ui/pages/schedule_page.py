"""Schedule: a placeholder until its issue fills it."""
from __future__ import annotations

from ui.pages.placeholder_page import PlaceholderPage


class SchedulePage(PlaceholderPage):
    PAGE_ID = "schedule"
    ICON = "schedule"

    def title(self) -> str:
        return self.tr("Schedule")

    def description(self) -> str:
        return self.tr("Classes and their lessons, planned from the training requests with lecturers and venues, will be shown on a calendar here.")
