"""Programmes (培训项目): open-recruitment plans of recurring classes with no enterprise. The page
lists them, makes a new one (ProgrammeDialog), shows the selected one's classes and the selected
class's trainees with their level and certificate mark (editable: ClassLevelsGrid), imports an
applicants' list into it (the import wizard's kind "applicants": read, previewed, enrolled) and
issues the selected class's graded certificates. Every read and write is a service call."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QSplitter,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from trainer.errors import TrainerError
from trainer.services import programmes
from trainer.services.levels import issue_graded_certificates
from trainer.services.uow import UnitOfWork
from ui.dialogs import messages
from ui.pages.page import Page
from ui.widgets.class_levels import ClassLevelsGrid
from ui.workers import run_with_progress, thread_uow

def _table(parent: QWidget, name: str, columns: int) -> QTableWidget:
    table = QTableWidget(0, columns, parent)
    table.setObjectName(name)
    table.verticalHeader().hide()
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: list[tuple[int, tuple[str, ...]]], keep: int | None) -> None:
    """Rows of (id, texts); the row whose id is `keep` selected again."""
    table.blockSignals(True)
    table.setRowCount(len(rows))
    for n, (record_id, texts) in enumerate(rows):
        for column, text in enumerate(texts):
            item = QTableWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, record_id)
            table.setItem(n, column, item)
    table.resizeColumnsToContents()
    table.blockSignals(False)
    ids = [record_id for record_id, _ in rows]
    if ids:
        table.selectRow(ids.index(keep) if keep in ids else 0)


def _selected(table: QTableWidget) -> int | None:
    items = table.selectedItems()
    return items[0].data(Qt.ItemDataRole.UserRole) if items else None


class ProgrammesPage(Page):
    PAGE_ID = "programmes"
    ICON = "list"

    def __init__(self, uow: UnitOfWork, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.uow = uow
        self.loaded = False
        self._signer = None  # unlocked on the first issue of the session
        self.record: programmes.ProgrammeRecord | None = None
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.new_button = self.push_button("newProgramme", self.new_record)
        self.edit_button = self.push_button("editProgramme", self.edit_record)
        self.import_button = self.push_button("importApplicants", self.import_applicants)
        self.plan_button = self.push_button("planLessons", self.plan_lessons)
        self.signin_button = self.push_button("programmeSignin", self.print_signin)
        self.issue_button = self.push_button("issueGraded", self.issue_certificates)
        self.status = QLabel(self)
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.programmes = _table(self, "programmes", 7)
        self.programmes.itemSelectionChanged.connect(self.show_classes)
        self.programmes.itemDoubleClicked.connect(self.edit_record)
        self.classes_label = QLabel(self)
        self.classes = _table(self, "classes", 5)
        self.classes.itemSelectionChanged.connect(self.show_trainees)
        self.trainees_label = QLabel(self)
        self.trainees = ClassLevelsGrid(uow, self)
        self.trainees.saved.connect(self.status.setText)
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.new_button)
        top.addWidget(self.edit_button)
        top.addWidget(self.plan_button)
        top.addWidget(self.signin_button)
        top.addWidget(self.import_button)
        lower = QWidget(self)
        column = QVBoxLayout(lower)
        column.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        bar.addWidget(self.classes_label)
        bar.addStretch(1)
        bar.addWidget(self.issue_button)
        column.addLayout(bar)
        column.addWidget(self.classes, 1)
        roster = QWidget(self)
        right = QVBoxLayout(roster)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.trainees_label)
        right.addWidget(self.trainees, 1)
        bottom = QSplitter(Qt.Orientation.Horizontal, self)
        bottom.addWidget(lower)
        bottom.addWidget(roster)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.programmes)
        split.addWidget(bottom)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 2)  # few programmes, many classes and trainees
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)
        self.retranslate()
        self._enable()

    def title(self) -> str:
        return self.tr("Programmes")

    def retranslate(self) -> None:
        self.heading.setText(self.title())
        self.new_button.setText(self.tr("New programme…"))
        self.edit_button.setText(self.tr("Edit…"))
        self.import_button.setText(self.tr("Import applicants…"))
        self.plan_button.setText(self.tr("Plan lessons…"))
        self.signin_button.setText(self.tr("Sign-in sheets…"))
        self.issue_button.setText(self.tr("Issue graded certificates…"))
        self.classes_label.setText(self.tr("Classes of the selected programme"))
        self.trainees_label.setText(self.tr("Trainees of the selected class: level and "
                                            "certificate (double-click the level to change it)"))
        self.trainees.retranslate()
        self.programmes.setHorizontalHeaderLabels([
            self.tr("Name"), self.tr("Venue"), self.tr("Start"), self.tr("Months"),
            self.tr("Classes"), self.tr("Places"), self.tr("Enrolled")])
        self.classes.setHorizontalHeaderLabels([
            self.tr("Code"), self.tr("Level"), self.tr("Month"), self.tr("Capacity"),
            self.tr("Enrolled")])

    def activate(self) -> None:
        self.loaded = True
        self.refresh()

    def reload(self) -> None:
        self.refresh()

    def live_reload(self) -> None:
        self.refresh()

    # --- listing ------------------------------------------------------------------------------
    def refresh(self, select: int | None = None) -> None:
        keep = select if select is not None else _selected(self.programmes)
        rows = [(p.id, (p.name, p.venue_name, p.start_month.strftime("%Y-%m"), str(p.months),
                        str(len(p.classes)), str(p.places), str(p.enrolled)))
                for p in programmes.list_programmes(self.uow)]
        _fill(self.programmes, rows, keep)
        self.show_classes()

    def show_classes(self) -> None:
        programme_id = _selected(self.programmes)
        keep = _selected(self.classes)
        self.record = None if programme_id is None else \
            programmes.get_programme(self.uow, programme_id)
        classes = self.record.classes if self.record else ()
        _fill(self.classes, [(c.id, (c.code, c.level, c.month.strftime("%Y-%m"),
                                     str(c.capacity), str(c.enrolled))) for c in classes], keep)
        self.show_trainees()

    def show_trainees(self) -> None:
        self.trainees.load(_selected(self.classes))
        self._enable()

    def _enable(self) -> None:
        self.import_button.setEnabled(self.record is not None)
        self.edit_button.setEnabled(self.record is not None)
        self.plan_button.setEnabled(self.record is not None)
        self.signin_button.setEnabled(self.record is not None)
        self.issue_button.setEnabled(_selected(self.classes) is not None)

    # --- commands -----------------------------------------------------------------------------
    def new_record(self) -> None:
        from ui.dialogs.programme_dialog import ProgrammeDialog

        record = ProgrammeDialog.ask(self, self.uow)
        if record is not None:
            self.refresh(select=record.id)
            self.status.setText(self.tr("%1: %2 classes made.").replace("%1", record.name)
                                .replace("%2", str(len(record.classes))))

    def edit_record(self) -> None:
        """The programme dialog on the selected programme, saved with the version shown."""
        from ui.dialogs.programme_dialog import ProgrammeDialog

        if self.record is None:
            return
        record = ProgrammeDialog.ask(self, self.uow, self.record)
        if record is not None:
            self.refresh(select=record.id)
            self.status.setText(self.tr("%1 saved: %2 classes, %3 places.")
                                .replace("%1", record.name)
                                .replace("%2", str(len(record.classes)))
                                .replace("%3", str(record.places)))

    def plan_lessons(self) -> None:
        """The planner's proposal for the lessons its classes lack, shown to accept or discard."""
        from ui.dialogs.plan_dialog import PlanDialog

        if self.record is None:
            return
        record = self.record
        dialog = PlanDialog(self, self.uow, record.start_month,
                            programmes.month_end(record.end_month), programme_id=record.id)
        dialog.exec()
        if dialog.accepted is not None:
            self.refresh(select=record.id)
            lessons = sum(c.lessons for c in (self.record.classes if self.record else ()))
            self.status.setText(self.tr("%1: %2 lessons planned.").replace("%1", record.name)
                                .replace("%2", str(lessons)))

    def print_signin(self) -> None:
        """Every sign-in sheet of the programme (each lesson in a room of each class) in one PDF,
        made in the background and previewed to save or print."""
        from trainer.pdf.signin import build_programme_signin
        from ui import save_location
        from ui.dialogs.pdf_preview import preview_document

        if self.record is None:
            return
        programme_id, title = self.record.id, self.tr("Sign-in sheets")
        preview_document(self, self.uow, title,
                         save_location.file_name(title, self.record.name, suffix=".pdf"),
                         lambda uow, path, progress, cancel: build_programme_signin(
                             uow, programme_id, path, progress, cancel))

    def import_applicants(self) -> None:
        """The import wizard on the applicants' list (报名表 → 培训项目) of this programme."""
        from ui.dialogs.import_wizard import ImportWizard  # openpyxl loads on first use only

        if self.record is None:
            return
        result = ImportWizard.ask(self, self.uow, "applicants", self.record.id)
        if result is not None:
            self.refresh()
            self.status.setText(self.tr("Enrolled %1, refused %2.")
                                .replace("%1", str(result.enrolled))
                                .replace("%2", str(result.refused)))

    def signer(self):
        """The office's signing key, unlocked once per session (the certificates page's way)."""
        from ui.dialogs.signing_key_dialog import unlock_signer

        if self._signer is None:
            self._signer = unlock_signer(self, self.uow)
        return self._signer

    def issue_certificates(self) -> None:
        cohort_id = _selected(self.classes)
        if cohort_id is None:
            return
        signer = self.signer()
        if signer is None:
            return
        make_uow = thread_uow(self.uow)
        try:
            result = run_with_progress(self, self.tr("Issuing certificates…"), lambda p: (
                issue_graded_certificates(make_uow(), cohort_id, signer=signer,
                                          progress=lambda d, t: p.report(d, t),
                                          cancel=lambda: p.cancelled)))
        except TrainerError as exc:
            messages.show_refusal(self, str(exc))
            return
        lines = [self.tr("Issued %1, already held %2, not qualified %3.")
                 .replace("%1", str(len(result.issued))).replace("%2", str(len(result.already)))
                 .replace("%3", str(len(result.not_eligible)))]
        lines += [f"{o.name}：{o.reason}" for o in result.not_eligible[:10]]
        self.status.setText("\n".join(lines))
