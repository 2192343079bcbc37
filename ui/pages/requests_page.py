"""Training requests: a placeholder until its issue fills it."""
from __future__ import annotations

from ui.pages.placeholder_page import PlaceholderPage


class RequestsPage(PlaceholderPage):
    PAGE_ID = "requests"
    ICON = "request"

    def title(self) -> str:
        return self.tr("Training requests")

    def description(self) -> str:
        return self.tr("Enterprises' training orders from the survey — how many workers, which course, which weeks and times suit them — will be entered and tracked here.")
