"""Reports and printed documents (报表与打印): pick a document, fill in what it is about, preview,
then save, print or open it. Every document is built by trainer.pdf; personal data is masked."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (QComboBox, QDateEdit, QFormLayout, QHBoxLayout, QLabel,
                               QLineEdit, QListWidget, QPushButton, QVBoxLayout, QWidget)

from trainer.services import enterprises, lecturers, schedule
from trainer.services.uow import UnitOfWork
from ui import save_location
from ui.dialogs.pdf_preview import preview_document
from ui.pages.page import Page
from ui.widgets.class_combo import fill_classes


@dataclass(frozen=True)
class Document:
    key: str
    needs: tuple[str, ...]  # the inputs shown: cohort, lesson, month, period, scope, trainee


DOCUMENTS = (
    Document("schedule", ("month", "scope")),
    Document("signin", ("cohort", "lesson")),
    Document("class_attendance", ("cohort",)),
    Document("enterprise_attendance", ("enterprise", "period")),
    Document("statistics", ("period",)),
    Document("fees", ("month",)),
    Document("class_archive", ("cohort",)),
    Document("trainee_record", ("trainee",)),
)


def _month_edit() -> QDateEdit:
    edit = QDateEdit()
    edit.setDisplayFormat("yyyy-MM")
    edit.setCalendarPopup(True)
    edit.setDate(QDate.currentDate())
    return edit


def _date_edit(day: QDate) -> QDateEdit:
    edit = QDateEdit()
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setCalendarPopup(True)
    edit.setDate(day)
    return edit


class ReportsPage(Page):
    lesson_names: dict[int, tuple] = {}
    PAGE_ID = "reports"
    ICON = "report"

    def __init__(self, uow: UnitOfWork, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.uow = uow
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.documents = QListWidget(self)
        self.documents.setObjectName("documents")
        self.documents.setMaximumWidth(300)
        self.documents.currentRowChanged.connect(lambda _r: self.show_inputs())
        self.cohort = QComboBox(self)
        self.cohort.setObjectName("cohort")
        self.cohort.currentIndexChanged.connect(lambda _i: self._fill_lessons())
        self.lesson = QComboBox(self)
        self.lesson.setObjectName("lesson")
        self.month = _month_edit()
        self.month.setObjectName("month")
        today = QDate.currentDate()
        self.start = _date_edit(QDate(today.year(), 1, 1))
        self.start.setObjectName("start")
        self.end = _date_edit(today)
        self.end.setObjectName("end")
        self.scope = QComboBox(self)
        self.scope.setObjectName("scope")
        self.scope.currentIndexChanged.connect(lambda _i: self._fill_scope_names())
        self.scope_name = QComboBox(self)
        self.scope_name.setObjectName("scopeName")
        self.enterprise = QComboBox(self)
        self.enterprise.setObjectName("enterprise")
        self.trainee = QLineEdit(self)
        self.trainee.setObjectName("trainee")
        self.trainee_chosen = None  # the TraineeRef the field was last resolved to
        self.preview_button = QPushButton(self)
        self.preview_button.setObjectName("preview")
        self.preview_button.clicked.connect(self.preview)
        self.fonts_button = QPushButton(self)
        self.fonts_button.setObjectName("fonts")
        self.fonts_button.clicked.connect(self.choose_fonts)
        self.form = QFormLayout()
        self.rows: dict[str, tuple[QLabel, QWidget]] = {}
        for key, widget in (("cohort", self.cohort), ("lesson", self.lesson),
                            ("month", self.month), ("scope", self.scope),
                            ("scope_name", self.scope_name), ("enterprise", self.enterprise),
                            ("start", self.start), ("end", self.end), ("trainee", self.trainee)):
            label = QLabel(self)
            self.form.addRow(label, widget)
            self.rows[key] = (label, widget)
        right = QVBoxLayout()
        self.description = QLabel(self)
        self.description.setWordWrap(True)
        self.description.setStyleSheet("color: #555;")
        right.addWidget(self.description)
        right.addLayout(self.form)
        buttons = QHBoxLayout()
        buttons.addWidget(self.preview_button)
        buttons.addStretch(1)
        buttons.addWidget(self.fonts_button)
        right.addLayout(buttons)
        right.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.documents)
        body.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        layout.addWidget(self.heading)
        layout.addLayout(body, 1)
        self.loaded = False
        self.retranslate()

    # --- texts --------------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Reports")

    def document_texts(self) -> dict[str, tuple[str, str]]:
        return {
            "schedule": (self.tr("Schedule (timetable)"),
                         self.tr("A month timetable for everyone, one lecturer (with the workshops' "
                                 "addresses and contacts) or one enterprise; A4 landscape.")),
            "signin": (self.tr("Sign-in sheet"),
                       self.tr("One lesson's sheet: every trainee with masked ID, a signature box "
                               "and a code for the scanner.")),
            "class_attendance": (self.tr("Attendance of a class"),
                                 self.tr("Each trainee's attendance and who completes.")),
            "enterprise_attendance": (self.tr("Attendance of an enterprise"),
                                      self.tr("All classes of one enterprise in a period.")),
            "statistics": (self.tr("Statistics for a period"),
                           self.tr("Trainees, lessons, hours, completion and attendance by theme, "
                                   "enterprise, district and month, with charts.")),
            "fees": (self.tr("Lecturer hours and fees"),
                     self.tr("Hours × rate by category, with the withholding for labour "
                             "remuneration.")),
            "class_archive": (self.tr("Class archive (一班一档)"),
                              self.tr("Schedule, sign-in sheets, attendance, results, certificates "
                                      "and feedback of one class in one PDF.")),
            "trainee_record": (self.tr("Trainee record (一人一档)"),
                               self.tr("Every class, attendance, result and certificate of one "
                                       "person.")),
        }

    def retranslate(self) -> None:
        self.heading.setText(self.title())
        row = self.documents.currentRow()
        self.documents.clear()
        texts = self.document_texts()
        for document in DOCUMENTS:
            self.documents.addItem(texts[document.key][0])
        self.documents.setCurrentRow(max(row, 0))
        labels = {"cohort": self.tr("Class:"), "lesson": self.tr("Lesson:"),
                  "month": self.tr("Month:"), "scope": self.tr("For:"), "scope_name": "",
                  "enterprise": self.tr("Enterprise:"), "start": self.tr("From:"),
                  "end": self.tr("To:"), "trainee": self.tr("Trainee (name or ID number):")}
        self.trainee.setPlaceholderText(self.tr("name, pinyin initials or last digits of the ID"))
        for key, (label, _widget) in self.rows.items():
            label.setText(labels[key])
        scope = self.scope.currentIndex()
        self.scope.blockSignals(True)
        self.scope.clear()
        for text in (self.tr("everyone"), self.tr("a lecturer"), self.tr("an enterprise")):
            self.scope.addItem(text)
        self.scope.setCurrentIndex(max(scope, 0))
        self.scope.blockSignals(False)
        self.preview_button.setText(self.tr("Preview…"))
        self.fonts_button.setText(self.tr("Fonts…"))
        self.show_inputs()

    def choose_fonts(self) -> None:
        from ui.dialogs.fonts_dialog import FontsDialog

        FontsDialog.ask(self, self.uow)

    # --- inputs -------------------------------------------------------------------------------
    def activate(self) -> None:
        self.loaded = True
        fill_classes(self.cohort, self.uow)
        self.enterprise.clear()
        for firm in enterprises.list_enterprises(self.uow):
            self.enterprise.addItem(firm.name, firm.id)
        self._fill_lessons()
        self._fill_scope_names()

    def _fill_lessons(self) -> None:
        self.lesson.clear()
        self.lesson_names: dict[int, tuple] = {}  # lesson id → what its files are named after
        if self.loaded and self.cohort.currentData() is not None:
            for lesson in schedule.list_lessons(self.uow, class_id=self.cohort.currentData(),
                                                with_conflicts=False):
                self.lesson_names[lesson.id] = (
                    lesson.class_name, self.tr("lesson %1").replace("%1", str(lesson.sequence)),
                    lesson.date)
                self.lesson.addItem(f"{lesson.sequence}/{lesson.lesson_count} "
                                    f"{lesson.date:%Y-%m-%d} {lesson.start:%H:%M}", lesson.id)

    def _fill_scope_names(self) -> None:
        self.scope_name.clear()
        if not self.loaded:
            return
        if self.scope.currentIndex() == 1:
            for person in lecturers.list_lecturers(self.uow):
                self.scope_name.addItem(person.name)
        elif self.scope.currentIndex() == 2:
            for firm in enterprises.list_enterprises(self.uow):
                self.scope_name.addItem(firm.name)
        self.show_inputs()

    def current(self) -> Document:
        return DOCUMENTS[max(self.documents.currentRow(), 0)]

    def choose(self, key: str) -> None:
        self.documents.setCurrentRow([d.key for d in DOCUMENTS].index(key))

    def show_inputs(self) -> None:
        document = self.current()
        self.description.setText(self.document_texts()[document.key][1])
        shown = set(document.needs)
        if "period" in shown:
            shown |= {"start", "end"}
        if "scope" in shown and self.scope.currentIndex() > 0:
            shown.add("scope_name")
        for key, (label, widget) in self.rows.items():
            label.setVisible(key in shown)
            widget.setVisible(key in shown)

    # --- building -----------------------------------------------------------------------------
    def builder(self) -> tuple[str, Callable] | None:
        """The file name and the function building the chosen document (None: inputs missing)."""
        from trainer.pdf import archives, fees, reports, schedules, signin

        key = self.current().key
        month = self.month.date().toPython().replace(day=1)
        start, end = self.start.date().toPython(), self.end.date().toPython()
        cohort, lesson = self.cohort.currentData(), self.lesson.currentData()
        title = self.documents.currentItem().text() if self.documents.currentItem() else key

        def name(*parts, dated: bool = True) -> str:  # 签到表-新钢安全生产1班…-2026-12-07.pdf
            return save_location.file_name(title, *parts, suffix=".pdf", dated=dated)

        if key == "schedule":
            scope = self.scope_name.currentText() if self.scope.currentIndex() else None
            who = {1: "lecturer", 2: "enterprise"}.get(self.scope.currentIndex())
            extra = {who: scope} if who and scope else {}
            return (name(scope or "", f"{month:%Y-%m}", dated=False),
                    lambda uow, path, p, c: schedules.build_schedule(
                uow, path, p, c, month=month, **extra))
        if key == "signin" and lesson is not None:
            return (name(*self.lesson_names.get(lesson, (self.lesson.currentText(),))),
                    lambda uow, path, p, c: signin.build_signin_sheet(uow, lesson, path, p, c))
        if key == "class_attendance" and cohort is not None:
            return (name(self.cohort.currentText()), lambda uow, path, p, c:
                    reports.build_class_attendance(uow, cohort, path, p, c))
        if key == "enterprise_attendance" and self.enterprise.currentText():
            firm = self.enterprise.currentText()
            return (name(firm, start, end), lambda uow, path, p, c:
                    reports.build_enterprise_attendance(uow, firm, start, end, path, p, c))
        if key == "statistics":
            return (name(start, end), lambda uow, path, p, c:
                    reports.build_statistics(uow, start, end, path, p, c))
        if key == "fees":
            return (name(f"{month:%Y-%m}", dated=False), lambda uow, path, p, c:
                    fees.build_fee_statement(uow, month, path, p, c))
        if key == "class_archive" and cohort is not None:
            return (name(self.cohort.currentText()), lambda uow, path, p, c:
                    archives.build_class_archive(uow, cohort, path, p, c))
        if key == "trainee_record" and self.trainee_chosen is not None:
            person = self.trainee_chosen
            return (name(person.name), lambda uow, path, p, c:
                    archives.build_trainee_record(uow, person.id, path, p, c))
        return None

    def choose_trainee(self) -> bool:
        """Who the 一人一档 field means: one match is taken, several offer a chooser."""
        from trainer.services.trainee_lookup import find_trainee
        from ui.dialogs.trainee_chooser import TraineeChooser

        self.trainee_chosen = None
        term = self.trainee.text().strip()
        if not term:
            return True  # "choose what the document is about first"
        found = find_trainee(self.uow, term)
        if not found.matches:
            self.description.setText(self.tr("No trainee matches “%1”: type a name, pinyin "
                                             "initials or the last digits of the ID number.")
                                     .replace("%1", term))
            return False
        self.trainee_chosen = found.chosen or TraineeChooser.ask(self, found)
        return self.trainee_chosen is not None

    def preview(self) -> str | None:
        if self.current().key == "trainee_record" and not self.choose_trainee():
            return None
        found = self.builder()
        if found is None:
            self.description.setText(self.tr("Choose what the document is about first."))
            return None
        name, build = found
        return preview_document(self, self.uow, self.documents.currentItem().text(), name, build)
