"""Attendance (考勤) of one class: the sign-in grid typed from a signed sheet, scanner mode for a
USB barcode scanner at the door, and who completes — with the reason for those who do not —
where the scores are typed in too."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (QApplication, QComboBox, QHBoxLayout, QLabel, QLineEdit,
                               QStyledItemDelegate,
                               QListWidget, QPushButton, QTableWidget, QTableWidgetItem,
                               QTabWidget, QVBoxLayout, QWidget)

from trainer.errors import TrainerError
from trainer.services import schedule
from trainer.services.assessment import (MAX_SCORE, AssessmentEntry, list_assessments,
                                         record_assessments)
from trainer.services.attendance import load_attendance_grid
from trainer.services.attendance_marking import ScanSession
from trainer.services.completion import class_completion
from trainer.services.uow import UnitOfWork
from ui.dialogs import messages
from ui.dialogs.enrol_dialog import EnrolDialog
from ui.models.attendance_grid_model import FIXED
from ui.pages.page import Page
from ui.widgets.attendance_grid import AttendanceGridView
from ui.widgets.class_combo import fill_classes

SCAN_STYLE = "font-size: 16pt; padding: 8px; border-radius: 4px; background: %s;"
SCAN_LOOKS = {"good": ("✔", "#c8e6c9", 0), "repeat": ("⚠", "#fff3c4", 1), "bad": ("✖", "#ffcdd2", 2)}


SCORE_COLUMN = 3


class ScoreValidator(QValidator):
    """Whole numbers from 0 to the highest score: "abc" or "150" cannot be typed at all."""

    def validate(self, text: str, position: int):
        if not text:
            return QValidator.State.Intermediate, text, position  # cleared: no score
        if not text.isascii() or not text.isdigit() or int(text) > MAX_SCORE:
            return QValidator.State.Invalid, text, position
        return QValidator.State.Acceptable, text, position


class ScoreDelegate(QStyledItemDelegate):
    def createEditor(self, parent, option, index):
        editor = QLineEdit(parent)
        editor.setValidator(ScoreValidator(editor))
        return editor

class AttendancePage(Page):
    PAGE_ID = "attendance"
    ICON = "attendance"

    def __init__(self, uow: UnitOfWork, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.uow = uow
        self.loaded = False
        self._scan_session: ScanSession | None = None  # the scanner's lesson, while it stays
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.cohort = QComboBox(self)
        self.cohort.setObjectName("cohort")
        self.cohort.setMinimumWidth(320)
        self.cohort.currentIndexChanged.connect(lambda _i: self.load_class())
        self.enrol_button = QPushButton(self)
        self.enrol_button.setObjectName("enrolButton")
        self.enrol_button.clicked.connect(self.enrol)
        self.online_button = QPushButton(self)
        self.online_button.setObjectName("onlineHoursButton")
        self.online_button.clicked.connect(self.import_online_hours)
        self.tabs = QTabWidget(self)
        self.tabs.currentChanged.connect(lambda _i: self.load_tab())
        self._build_grid_tab()
        self._build_scanner_tab()
        self._build_completion_tab()
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.cohort)
        top.addWidget(self.enrol_button)
        top.addWidget(self.online_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self.retranslate()

    # --- building -----------------------------------------------------------------------------
    def _build_grid_tab(self) -> None:
        tab = QWidget(self)
        self.grid = AttendanceGridView(tab)
        self.grid.grid_model.dataChanged.connect(lambda *_: self._grid_counts())
        self.all_present = QPushButton(tab)
        self.all_present.setObjectName("allPresent")
        self.all_present.clicked.connect(self.mark_all_present)
        self.save_button = QPushButton(tab)
        self.save_button.setObjectName("saveGrid")
        self.save_button.clicked.connect(self.save_grid)
        self.grid_status = QLabel(tab)
        self.grid_status.setObjectName("gridStatus")
        self.grid_help = QLabel(tab)
        self.grid_help.setStyleSheet("color: #555;")
        bar = QHBoxLayout()
        bar.addWidget(self.all_present)
        bar.addWidget(self.save_button)
        bar.addWidget(self.grid_status, 1)
        layout = QVBoxLayout(tab)
        layout.addLayout(bar)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.grid_help)
        self.tabs.addTab(tab, "")

    def _build_scanner_tab(self) -> None:
        tab = QWidget(self)
        self.scan_lesson = QComboBox(tab)
        self.scan_lesson.setObjectName("scanLesson")
        self.scan_input = QLineEdit(tab)
        self.scan_input.setObjectName("scanInput")
        self.scan_input.setStyleSheet("font-size: 16pt;")
        self.scan_input.returnPressed.connect(self.scan)
        self.scan_result = QLabel(tab)
        self.scan_result.setObjectName("scanResult")
        self.scan_result.setWordWrap(True)
        self.scan_log = QListWidget(tab)
        self.scan_log.setObjectName("scanLog")
        self.scan_label = QLabel(tab)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.scan_lesson)
        layout.addWidget(self.scan_label)
        layout.addWidget(self.scan_input)
        layout.addWidget(self.scan_result)
        layout.addWidget(self.scan_log, 1)
        self.tabs.addTab(tab, "")

    def _build_completion_tab(self) -> None:
        tab = QWidget(self)
        self.completion_summary = QLabel(tab)
        self.completion_summary.setObjectName("completionSummary")
        self.completion = QTableWidget(0, 6, tab)
        self.completion.setObjectName("completion")
        self.completion.verticalHeader().hide()
        self.completion.horizontalHeader().setStretchLastSection(True)
        self.completion.setItemDelegateForColumn(SCORE_COLUMN, ScoreDelegate(self.completion))
        self.save_scores = QPushButton(tab)
        self.save_scores.setObjectName("saveScores")
        self.save_scores.clicked.connect(self.save_assessments)
        bar = QHBoxLayout()
        bar.addWidget(self.completion_summary, 1)
        bar.addWidget(self.save_scores)
        layout = QVBoxLayout(tab)
        layout.addLayout(bar)
        layout.addWidget(self.completion, 1)
        self.tabs.addTab(tab, "")

    # --- Page ---------------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Attendance")

    def retranslate(self) -> None:
        self.heading.setText(self.title())
        self.enrol_button.setText(self.tr("Enrol trainees…"))
        self.online_button.setText(self.tr("Import online hours…"))
        self.tabs.setTabText(0, self.tr("Sign-in grid"))
        self.tabs.setTabText(1, self.tr("Scanner"))
        self.tabs.setTabText(2, self.tr("Completion and scores"))
        self.all_present.setText(self.tr("Mark all present (this lesson)"))
        self.save_button.setText(self.tr("Save"))
        self.grid_help.setText(self.tr("Arrows move · Space cycles · P present · L late · "
                                       "E excused · A absent · Delete clears"))
        self.scan_label.setText(self.tr("Scan the code on the sign-in sheet, or type the last "
                                        "digits of the ID number, then Enter:"))
        self.save_scores.setText(self.tr("Save scores"))
        self.completion.setHorizontalHeaderLabels([
            self.tr("Trainee"), self.tr("Enterprise"), self.tr("Attended"), self.tr("Score"),
            self.tr("Completes"), self.tr("Why")])
        if self.loaded:
            self.load_tab()

    def activate(self) -> None:
        self.loaded = True
        fill_classes(self.cohort, self.uow, cancelled=False)
        self.load_class()

    def choose_class(self, cohort_id: int) -> None:
        self.cohort.setCurrentIndex(self.cohort.findData(cohort_id))

    # --- loading ------------------------------------------------------------------------------
    @property
    def cohort_id(self) -> int | None:
        return self.cohort.currentData()

    def load_class(self) -> None:
        if self.grid.grid_model.dirty and not messages.confirm_discard(self):
            return
        self.scan_log.clear()
        self.scan_result.clear()
        self.scan_result.setStyleSheet("")
        self.load_tab()

    def load_tab(self) -> None:
        if self.cohort_id is None:
            self.grid.grid_model.set_grid(None)
            return
        tab = self.tabs.currentIndex()
        if tab == 0:
            self.grid.grid_model.set_grid(load_attendance_grid(self.uow, self.cohort_id))
            self.grid.fit()
            self._grid_counts()
        elif tab == 1:
            self._fill_scan_lessons()
        else:
            self._fill_completion()

    def _grid_counts(self) -> None:
        model = self.grid.grid_model
        trainees = len(model.grid.trainees) if model.grid else 0
        text = (self.tr("%1 trainees · %2 unsaved changes")
                .replace("%1", str(trainees)).replace("%2", str(len(model.edits))))
        if model.conflicts:
            text += " · " + self.tr("%1 of them changed on another computer meanwhile (red)") \
                .replace("%1", str(len(model.conflicts)))
        self.grid_status.setText(text)

    def live_reload(self) -> None:
        """Another desk saved: the grid shows it, this desk's unsaved edits stay (and are
        marked where they now conflict); the other tabs are read again."""
        if self.cohort_id is None:
            return
        if self.tabs.currentIndex() != 0:
            self.load_tab()
            return
        row, column = self.grid.currentIndex().row(), self.grid.currentIndex().column()
        scroll = self.grid.verticalScrollBar().value(), self.grid.horizontalScrollBar().value()
        model = self.grid.grid_model
        fresh = load_attendance_grid(self.uow, self.cohort_id)
        if model.dirty:
            model.update_grid(fresh)
        else:
            model.set_grid(fresh)
        if row >= 0:
            self.grid.setCurrentIndex(model.index(row, column))
        self.grid.verticalScrollBar().setValue(scroll[0])
        self.grid.horizontalScrollBar().setValue(scroll[1])
        self._grid_counts()

    # --- grid -----------------------------------------------------------------------------------
    def mark_all_present(self) -> None:
        column = self.grid.currentIndex().column()
        if column < FIXED:
            column = FIXED  # the first lesson when no lesson column is chosen
        self.grid.grid_model.mark_all_present(column)
        self._grid_counts()

    def save_grid(self) -> None:
        try:
            self.grid.grid_model.save(self.uow)
        except TrainerError as exc:
            messages.show_refusal(self, str(exc))
            return
        current = self.grid.currentIndex()
        self.load_tab()
        self.grid.setCurrentIndex(current)
        self.grid_status.setText(self.tr("Saved."))

    # --- scanner ------------------------------------------------------------------------------
    def _fill_scan_lessons(self) -> None:
        self._scan_session = None  # the class, its lessons or its roster may have changed
        chosen = self.scan_lesson.currentData()
        self.scan_lesson.clear()
        for lesson in schedule.list_lessons(self.uow, class_id=self.cohort_id,
                                            with_conflicts=False):
            self.scan_lesson.addItem(
                self.tr("Lesson %1 · %2 %3").replace("%1", str(lesson.sequence))
                .replace("%2", lesson.date.isoformat()).replace("%3", f"{lesson.start:%H:%M}"),
                lesson.id)
        self.scan_lesson.setCurrentIndex(max(0, self.scan_lesson.findData(chosen)))
        self.scan_input.setFocus()

    def scan(self) -> None:
        code = self.scan_input.text().strip()
        lesson_id = self.scan_lesson.currentData()
        self.scan_input.clear()
        if not code or lesson_id is None:
            return
        try:
            session = self._scan_session
            if session is None or session.lesson_id != lesson_id:
                # the lesson and its class's index read once for the scans that follow
                session = self._scan_session = ScanSession(self.uow, lesson_id)
            result = session.scan(code)
        except TrainerError as exc:
            self._scan_session = None
            self._show_scan(str(exc), "bad")
            return
        look = {"marked": "good", "already_marked": "repeat"}.get(result.outcome, "bad")
        self._show_scan(result.message(), look)

    def _show_scan(self, text: str, look: str) -> None:
        """Green and one beep: marked; amber, two beeps: scanned twice; red, three: a stranger or
        a tail that fits several — heard at the door without looking at the screen."""
        mark, colour, extra_beeps = SCAN_LOOKS[look]
        self.scan_result.setText(f"{mark} {text}")
        self.scan_result.setStyleSheet(SCAN_STYLE % colour)
        self.scan_log.insertItem(0, f"{mark} {text}")
        for _ in range(1 + extra_beeps):
            QApplication.beep()

    # --- completion and scores ----------------------------------------------------------------
    def _fill_completion(self) -> None:
        result = class_completion(self.uow, self.cohort_id)
        versions = {a.trainee_id: a for a in list_assessments(self.uow, self.cohort_id)}
        self._assessments = versions
        self.completion_summary.setText(
            self.tr("%1 of %2 complete · lessons held %3, to come %4")
            .replace("%1", str(len(result.completing))).replace("%2", str(len(result.trainees)))
            .replace("%3", str(result.held)).replace("%4", str(result.upcoming))
            + ("" if result.policy.min_online_hours is None else self.tr(
                " · online study needed: %1 h").replace("%1", str(result.policy.min_online_hours))))
        self.completion.setRowCount(len(result.trainees))
        fixed = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        for row, t in enumerate(result.trainees):
            cells = [t.name, t.enterprise_name,
                     f"{t.result.attended}/{t.result.held}",
                     "" if t.score is None else str(t.score),
                     "✔" if t.completes else "✖", "" if t.completes else t.reason()]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, t.trainee_id)
                if column != SCORE_COLUMN:
                    item.setFlags(fixed)
                self.completion.setItem(row, column, item)
        self.completion.resizeColumnsToContents()

    def reason_of(self, name: str) -> str:
        for row in range(self.completion.rowCount()):
            if self.completion.item(row, 0).text() == name:
                return self.completion.item(row, 5).text()
        return ""

    def save_assessments(self) -> None:
        entries = []
        for row in range(self.completion.rowCount()):
            trainee_id = self.completion.item(row, 0).data(Qt.ItemDataRole.UserRole)
            text = self.completion.item(row, SCORE_COLUMN).text().strip()
            old = self._assessments.get(trainee_id)
            if text == ("" if old is None or old.score is None else str(old.score)):
                continue
            entries.append(AssessmentEntry(trainee_id, score=text or None,
                                           expected_version=old.version if old else 0,
                                           row=row + 1))
        if not entries:
            return
        try:
            record_assessments(self.uow, self.cohort_id, entries)
        except TrainerError as exc:
            row = getattr(exc, "params", {}).get("row")
            if isinstance(row, int) and 0 < row <= self.completion.rowCount():
                # the cursor on the score at fault, ready to be corrected
                self.completion.setCurrentCell(row - 1, SCORE_COLUMN)
                self.completion.setFocus()
            messages.show_refusal(self, str(exc))
            return
        self._fill_completion()

    # --- enrolment ----------------------------------------------------------------------------
    def enrol(self) -> None:
        if self.cohort_id is None:
            return
        dialog = EnrolDialog(self, self.uow, self.cohort_id)
        dialog.exec()
        dialog.deleteLater()
        self.load_tab()

    def import_online_hours(self) -> None:
        from ui.dialogs.online_hours_dialog import OnlineHoursDialog
        if self.cohort_id is not None and OnlineHoursDialog.ask(
                self, self.uow, self.cohort_id, self.cohort.currentText()):
            self.load_tab()

    @property
    def has_records(self) -> bool:
        return False
