"""Certificates: a placeholder until its issue fills it."""
from __future__ import annotations

from ui.pages.placeholder_page import PlaceholderPage


class CertificatesPage(PlaceholderPage):
    PAGE_ID = "certificates"
    ICON = "certificate"

    def title(self) -> str:
        return self.tr("Certificates")

    def description(self) -> str:
        return self.tr("Completion certificates will be issued, printed and verified here for trainees who met the attendance and assessment rules.")
