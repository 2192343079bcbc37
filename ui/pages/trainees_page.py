"""Trainees (学员): searched and paged in SQL, because a province holds a million of them.

The first batch shows at once; more arrive as the user scrolls (fetchMore). How many match is
counted in the background, and only up to a cap ("more than 10,000")."""
from __future__ import annotations



from trainer.services import trainees
from trainer.services.uow import UnitOfWork
from ui.dialogs.trainee_dialog import TraineeDialog
from ui.models.trainee_model import TraineeTableModel
from ui.pages.master_page import MasterPage
from ui.workers import run_in_background

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

    def title(self) -> str:
        return self.tr("Trainees")

    def texts(self) -> dict[str, str]:
        return {"new": self.tr("New trainee"),
                "placeholder": self.tr("Search: pinyin initials, part of a name, ID number or "
                                       "mobile digits (Ctrl+F)")}

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
        database = self.uow.database

        def count(_progress):
            return generation, trainees.count_trainees_capped(UnitOfWork(database), text,
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
        trainees.delete_trainee(self.uow, record.id)


