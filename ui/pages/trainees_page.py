"""Trainees (学员): searched and paged in SQL, because a province holds a million of them.

The first batch shows at once; more arrive as the user scrolls (fetchMore). How many match is
counted in the background, and only up to a cap ("more than 10,000")."""
from __future__ import annotations

from PySide6.QtWidgets import QToolButton

from trainer.errors import TrainerError
from trainer.security.audit import record_reveal
from trainer.services import trainees
from trainer.services.uow import UnitOfWork
from ui.dialogs import messages
from ui.dialogs.trainee_dialog import TraineeDialog
from ui.models.trainee_model import TraineeTableModel
from ui.pages.master_page import MasterPage
from ui.workers import run_in_background, thread_uow

COUNT_CAP = 10_000


class TraineesPage(MasterPage):
    PAGE_ID = "trainees"
    IMPORT_KIND = "trainees"
    EXPORT_KIND = "trainees"
    ICON = "trainee"

    def __init__(self, uow: UnitOfWork, parent=None) -> None:
        self._count: trainees.TraineeCount | None = None
        self._count_generation = 0
        super().__init__(uow, parent)
        self.reveal_button = QToolButton(self)
        self.reveal_button.setObjectName("reveal")
        self.reveal_button.setCheckable(True)
        self.reveal_button.toggled.connect(self.set_reveal)
        self.layout_.itemAt(0).layout().insertWidget(2, self.reveal_button)  # beside Import…
        self.retranslate()

    def title(self) -> str:
        return self.tr("Trainees")

    def texts(self) -> dict[str, str]:
        return {"new": self.tr("New trainee"),
                "placeholder": self.tr("Search: pinyin initials, part of a name, ID number or "
                                       "mobile digits (Ctrl+F)")}

    def retranslate(self) -> None:
        super().retranslate()
        if hasattr(self, "reveal_button"):
            self.reveal_button.setText(self.tr("Show full ID and mobile"))
            self.reveal_button.setToolTip(self.tr("Shown masked by default; showing them in full "
                                                  "is recorded in the audit trail"))

    def set_reveal(self, reveal: bool) -> None:
        """Full ID numbers and mobiles for a user allowed to see them; the core records it."""
        if reveal:
            try:
                record_reveal(self.uow, "trainee list", entity="trainees")
            except TrainerError as exc:
                self.reveal_button.blockSignals(True)
                self.reveal_button.setChecked(False)
                self.reveal_button.blockSignals(False)
                messages.show_refusal(self, str(exc))
                return
        self.model.reveal = reveal
        self.model.layoutChanged.emit()

    def create_model(self) -> TraineeTableModel:
        return TraineeTableModel(self.uow, self)

    def create_proxy(self):
        return None  # searched and ordered in SQL

    # --- loading -------------------------------------------------------------------------
    def reload(self, select_id: int | None = None) -> None:
        self.apply_search(self.search.text())
        self.loaded = True
        if not self.loaded_once and not self.header_restored:
            self.fit_columns()
        self.loaded_once = True
        if select_id is not None and not self.select_id(select_id):
            # A new trainee may sort beyond the first batch: show it by itself.
            self.search_now(trainees.get_trainee(self.uow, select_id).name)
            self.select_id(select_id)

    def apply_search(self, text: str) -> None:
        self.model.set_search(text)
        self.view.scrollToTop()
        self._count_generation += 1
        if self.model.complete:  # everything is in the first batch: no need to count
            self._count = trainees.TraineeCount(self.model.rowCount(), False)
            self.update_count()
            return
        self._count = None
        self.update_count()
        generation = self._count_generation
        make_uow = thread_uow(self.uow)

        def count(_progress):
            return generation, trainees.count_trainees_capped(make_uow(), text,
                                                              cap=COUNT_CAP)

        run_in_background(count, on_success=self._counted)

    def _counted(self, answer: tuple[int, trainees.TraineeCount]) -> None:
        generation, result = answer
        if generation == self._count_generation:  # not overtaken by a newer search
            self._count = result
            self.update_count()

    def update_count(self) -> None:
        count = getattr(self, "_count", None)
        if count is None:
            self.count_label.setText(self.tr("counting…"))
        elif count.capped:
            self.count_label.setText(self.tr("more than %1 trainees")
                                     .replace("%1", f"{count.count:,}"))
        else:
            self.count_label.setText(self.tr("%1 trainees").replace("%1", f"{count.count:,}"))

    # --- commands ------------------------------------------------------------------------
    def ask_new(self):
        return TraineeDialog.ask(self, self.uow)

    def ask_edit(self, record):
        return TraineeDialog.ask(self, self.uow, record)

    def delete(self, record) -> None:
        trainees.delete_trainee(self.uow, record.id, record.version)


