"""The class chooser the attendance, certificates and reports pages share."""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from trainer.rules.statuses import CohortStatus
from trainer.services import schedule
from trainer.services.uow import UnitOfWork


def fill_classes(combo: QComboBox, uow: UnitOfWork, *, cancelled: bool = True) -> None:
    """Lists the office's classes ("R12-1 新钢公司…1班", data = class id), keeping the one
    chosen; emits no change signal (the caller reloads what depends on it)."""
    chosen = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    for cls in schedule.list_classes(uow):
        if cancelled or cls.status != CohortStatus.cancelled:
            combo.addItem(f"{cls.code} {cls.name}", cls.id)
    combo.setCurrentIndex(max(0, combo.findData(chosen)))
    combo.blockSignals(False)
