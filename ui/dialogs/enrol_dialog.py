"""Enrol trainees into a class: tick people in the list (or tick all shown), or take a whole
choice at once — everyone matching the filter, an enterprise's whole roster, or the people a list
file names. Whatever the choice, the core checks it whole (services.bulk_enrolment) and one
summary says who gets a place and who does not and why, before anything is written; the check
and the enrolment run off the GUI thread with progress."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout,
                               QLabel, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout,
                               QWidget)

from trainer.errors import TrainerError
from trainer.texts import TRAINEE_CATEGORIES, label
from trainer.services import bulk_enrolment as bulk
from trainer.services import enterprises
from trainer.services.class_eligibility import eligibility_text
from trainer.services.enrolment import roster_ids
from trainer.services.schedule import get_class
from trainer.services.uow import UnitOfWork
from ui.dialogs.enrol_summary import EnrolSummaryDialog
from ui.dialogs.form_dialog import ERROR_STYLE
from ui.resources import app_icon
from ui.widgets.search_box import SearchBox
from ui.workers import Cancelled, run_with_progress, thread_uow

Choose = Callable[[UnitOfWork], tuple[list[int], list]]  # → (trainee ids, list-file problems)


class EnrolDialog(QDialog):
    def __init__(self, parent: QWidget | None, uow: UnitOfWork, cohort_id: int) -> None:
        super().__init__(parent)
        self.setObjectName("enrolDialog")
        self.setWindowIcon(app_icon())
        self.uow, self.cohort_id = uow, cohort_id
        self.result_: bulk.BulkEnrolment | None = None
        self.list_path = ""  # the last list file chosen (tests set it to skip the file dialog)
        info = get_class(uow, cohort_id)
        self.setWindowTitle(self.tr("Enrol trainees: %1").replace("%1", info.display_name))
        self.places = QLabel(self)
        self.places.setObjectName("places")
        self.who = QLabel(self)
        self.who.setObjectName("eligibility")
        self.who.setWordWrap(True)
        self.eligibility_button = QPushButton(self.tr("Who may join…"), self)
        self.eligibility_button.setObjectName("eligibilityButton")
        self.eligibility_button.clicked.connect(self.edit_eligibility)
        self.enterprise = QComboBox(self)
        self.enterprise.setObjectName("enterprise")
        self.enterprise.addItem(self.tr("All enterprises and individuals"), bulk.ANY_ENTERPRISE)
        for firm in enterprises.list_enterprises(uow):
            self.enterprise.addItem(firm.name, firm.id)
        self.enterprise.setCurrentIndex(max(0, self.enterprise.findData(info.enterprise_id)))
        self.search = SearchBox(self)
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("name, pinyin initials, ID or mobile digits"))
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("candidates")
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # 3605…123X keeps the last four
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setHorizontalHeaderLabels([self.tr("Trainee"), self.tr("Enterprise"),
                                              self.tr("ID"), self.tr("Category"), self.tr("Note")])
        self.table.itemChanged.connect(lambda _item: self._count_ticked())
        self.ticked_label = QLabel(self)
        self.ticked_label.setObjectName("tickedCount")
        self.select_all = self._button("selectAll", self.tr("Tick all shown"), self.tick_all)
        self.select_none = self._button("selectNone", self.tr("Untick all"),
                                        lambda: self.tick_all(False))
        self.matching_button = self._button("allMatching", self.tr("Everyone matching…"),
                                            self.enrol_matching)
        self.roster_button = self._button("wholeRoster", self.tr("Whole enterprise roster…"),
                                          self.enrol_roster)
        self.file_button = self._button("fromFile", self.tr("From a list file…"),
                                        self.enrol_file)
        self.problem = QLabel(self)
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(ERROR_STYLE)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.enrol_button = buttons.addButton(self.tr("Enrol ticked…"),
                                              QDialogButtonBox.ButtonRole.AcceptRole)
        self.enrol_button.setObjectName("enrol")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Close"))
        buttons.accepted.connect(self.enrol)
        buttons.rejected.connect(self.reject)
        self._lay_out(buttons)
        self.enterprise.currentIndexChanged.connect(lambda _i: self.fill())
        self.search.search_changed.connect(lambda _t: self.fill())
        self.resize(760, 560)
        self.show_class(info)
        self.fill()

    def _button(self, name: str, text: str, slot) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def _lay_out(self, buttons: QDialogButtonBox) -> None:
        top = QHBoxLayout()
        top.addWidget(self.places)
        top.addSpacing(24)
        top.addWidget(self.who, 1)
        top.addWidget(self.eligibility_button)
        filters = QHBoxLayout()
        filters.addWidget(self.enterprise, 1)
        filters.addWidget(self.search, 1)
        ticks = QHBoxLayout()
        ticks.addWidget(self.select_all)
        ticks.addWidget(self.select_none)
        ticks.addWidget(self.ticked_label, 1)
        whole = QHBoxLayout()
        whole.addWidget(QLabel(self.tr("Or enrol at once:"), self))
        whole.addWidget(self.matching_button)
        whole.addWidget(self.roster_button)
        whole.addWidget(self.file_button)
        whole.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(ticks)
        layout.addLayout(whole)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def show_class(self, info) -> None:
        self.places.setText(self.tr("%1 of %2 places taken").replace("%1", str(info.enrolled))
                            .replace("%2", str(info.capacity)))
        self.who.setText(eligibility_text(info))

    # --- the list --------------------------------------------------------------------------
    def fill(self) -> None:
        found = bulk.enrolment_candidates(self.uow, self.cohort_id,
                                          enterprise_id=self.enterprise.currentData(),
                                          search=self.search.text())
        self.table.blockSignals(True)
        self.table.setRowCount(len(found))
        for row, c in enumerate(found):
            name = QTableWidgetItem(c.name)
            name.setData(Qt.ItemDataRole.UserRole, c.trainee_id)
            can = not c.enrolled and c.refusal is None
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            name.setFlags(flags | Qt.ItemFlag.ItemIsUserCheckable if can else flags)
            name.setCheckState(Qt.CheckState.Checked if c.enrolled else Qt.CheckState.Unchecked)
            note = (self.tr("in this class") if c.enrolled
                    else c.refusal.reason_text() if c.refusal else "")
            self.table.setItem(row, 0, name)
            self.table.setItem(row, 1, QTableWidgetItem(c.enterprise_name))
            self.table.setItem(row, 2, QTableWidgetItem(f"···{c.id_tail}" if c.id_tail else ""))
            self.table.setItem(row, 3, QTableWidgetItem(label(TRAINEE_CATEGORIES, c.category)))
            self.table.setItem(row, 4, QTableWidgetItem(note))
        self.table.blockSignals(False)
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(1, min(self.table.columnWidth(1), 220))
        self.roster_button.setEnabled(self.enterprise.currentData() != bulk.ANY_ENTERPRISE)
        self.matching_button.setEnabled(bool(self.search.text().strip())
                                        or self.roster_button.isEnabled())
        self._count_ticked()

    def _tickable(self) -> list[QTableWidgetItem]:
        return [self.table.item(r, 0) for r in range(self.table.rowCount())
                if self.table.item(r, 0).flags() & Qt.ItemFlag.ItemIsUserCheckable]

    def _count_ticked(self) -> None:
        self.ticked_label.setText(self.tr("%1 ticked").replace("%1", str(len(self.ticked()))))

    def tick(self, name: str) -> None:
        for item in self._tickable():
            if item.text() == name:
                item.setCheckState(Qt.CheckState.Checked)

    def tick_all(self, on: bool = True) -> None:
        self.table.blockSignals(True)
        for item in self._tickable():
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.table.blockSignals(False)
        self._count_ticked()

    def ticked(self) -> list[int]:
        return [item.data(Qt.ItemDataRole.UserRole) for item in self._tickable()
                if item.checkState() == Qt.CheckState.Checked]

    # --- choices ---------------------------------------------------------------------------
    def enrol(self) -> None:
        ids = self.ticked()
        if not ids:
            self.problem.setText(self.tr("Tick the trainees to enrol first."))
            return
        self.run_choice(lambda _uow: (ids, []))

    def enrol_matching(self) -> None:
        search, firm = self.search.text(), self.enterprise.currentData()
        within = None if firm == bulk.ANY_ENTERPRISE else firm
        self.run_choice(lambda uow: (bulk.matching_ids(uow, search, enterprise_id=within), []))

    def enrol_roster(self) -> None:
        firm = self.enterprise.currentData()
        self.run_choice(lambda uow: (roster_ids(uow, firm), []))

    def enrol_file(self) -> None:
        path = self.list_path or QFileDialog.getOpenFileName(
            self, self.tr("A list of ID numbers or names"), "",
            self.tr("Lists (*.xlsx *.xls *.ods *.csv *.txt);;All files (*)"))[0]
        if not path:
            return
        self.list_path = path

        def choose(uow):
            from trainer.io.person_lists import read_person_list
            return bulk.list_ids(uow, read_person_list(path).entries)

        self.run_choice(choose)

    def run_choice(self, choose: Choose) -> None:
        """Checks the choice in the background, shows the one summary, and on confirmation
        enrols it (again in the background, one transaction)."""
        self.problem.clear()
        make_uow, cohort_id = thread_uow(self.uow), self.cohort_id
        state: dict[str, tuple] = {}

        def check(progress):
            uow = make_uow()
            ids, problems = choose(uow)
            state["choice"] = (ids, problems)
            return bulk.check_bulk(uow, cohort_id, ids, unmatched=problems,
                                   progress=_reporter(progress))

        try:
            checked = run_with_progress(self, self.tr("Checking the choice…"), check)
            if not EnrolSummaryDialog.ask(self, checked):
                return
            ids, problems = state["choice"]
            self.result_ = run_with_progress(
                self, self.tr("Enrolling…"),
                lambda progress: bulk.enrol_bulk(make_uow(), cohort_id, ids, unmatched=problems,
                                                 progress=_reporter(progress)))
        except Cancelled:
            return
        except TrainerError as exc:
            self.problem.setText(str(exc))
            return
        self.accept()

    def edit_eligibility(self) -> None:
        from ui.dialogs.eligibility_dialog import EligibilityDialog

        info = EligibilityDialog.ask(self, self.uow, self.cohort_id)
        if info is not None:
            self.show_class(get_class(self.uow, self.cohort_id))
            self.fill()


def _reporter(progress):
    def report(done: int, total: int) -> None:
        progress.check()
        progress.report(done, total)
    return report
