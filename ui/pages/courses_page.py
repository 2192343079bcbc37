"""Courses & themes: the themes on the left (select one to see its courses), courses right."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QLabel, QSplitter, QTableView,
                               QToolButton, QVBoxLayout, QWidget)

from trainer.errors import TrainerError
from trainer.services import courses
from ui.dialogs import messages
from ui.dialogs.course_dialogs import CourseDialog, ThemeDialog
from ui.models.master_data_models import CourseTableModel, ThemeColumn, ThemeTableModel
from ui.models.record_table_model import RECORD_ROLE
from ui.pages.master_page import MasterPage
from ui.resources import icon
from ui.settings import AppSettings


class CoursesPage(MasterPage):
    PAGE_ID = "courses"
    EXPORT_KIND = "courses"
    ICON = "course"

    def title(self) -> str:
        return self.tr("Courses & themes")

    def texts(self) -> dict[str, str]:
        return {"new": self.tr("New course"),
                "placeholder": self.tr("Search courses: title, theme (Ctrl+F)")}

    def create_model(self) -> CourseTableModel:
        return CourseTableModel(self)

    def add_body(self, layout: QVBoxLayout) -> None:
        self.themes = ThemeTableModel(self)
        self.theme_view = QTableView(self)
        self.theme_view.setObjectName("themes")
        self.theme_view.setModel(self.themes)
        self.theme_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.theme_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.theme_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.theme_view.verticalHeader().hide()
        self.theme_view.horizontalHeader().setStretchLastSection(False)
        self.theme_view.horizontalHeader().setSectionResizeMode(
            ThemeColumn.NAME, self.theme_view.horizontalHeader().ResizeMode.Stretch)
        self.theme_view.doubleClicked.connect(lambda _i: self.edit_theme())
        self.theme_view.selectionModel().selectionChanged.connect(lambda *_: self._theme_chosen())

        left = QWidget(self)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        self.theme_heading = QLabel(left)
        self.theme_heading.setStyleSheet("font-weight: 600;")
        column.addWidget(self.theme_heading)
        column.addWidget(self.theme_view)
        buttons = QHBoxLayout()
        self.new_theme_button = self._small_button("add", self.new_theme)
        self.edit_theme_button = self._small_button("edit", self.edit_theme)
        self.delete_theme_button = self._small_button("delete", self.delete_theme)
        self.all_themes_button = self._small_button("list", self.theme_view.clearSelection)
        for button in (self.new_theme_button, self.edit_theme_button, self.delete_theme_button,
                       self.all_themes_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        column.addLayout(buttons)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("coursesSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.view)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([260, 780])
        layout.addWidget(self.splitter, 1)

    def _small_button(self, icon_name: str, slot) -> QToolButton:
        button = QToolButton(self)
        button.setIcon(icon(icon_name))
        button.setAutoRaise(True)
        button.clicked.connect(slot)
        return button

    # --- themes --------------------------------------------------------------------------
    def selected_theme(self) -> courses.ThemeRecord | None:
        rows = self.theme_view.selectionModel().selectedRows()
        return rows[0].data(RECORD_ROLE) if rows else None

    def _theme_chosen(self) -> None:
        chosen = self.selected_theme() is not None
        self.edit_theme_button.setEnabled(chosen)
        self.delete_theme_button.setEnabled(chosen)
        self.all_themes_button.setEnabled(chosen)
        self.apply_search(self.search.text())

    def new_theme(self) -> None:
        record = ThemeDialog.ask(self, self.uow)
        if record is not None:
            self.reload()

    def edit_theme(self) -> None:
        theme = self.selected_theme()
        if theme is not None and ThemeDialog.ask(self, self.uow, theme) is not None:
            self.reload()

    def delete_theme(self) -> None:
        theme = self.selected_theme()
        if theme is None or not messages.confirm_delete(self, theme.name):
            return
        try:
            courses.delete_theme(self.uow, theme.id, theme.version)
        except TrainerError as exc:
            messages.show_refusal(self, str(exc))
            return
        self.reload()

    # --- courses -------------------------------------------------------------------------
    def fetch_records(self) -> list[courses.CourseRecord]:
        chosen = self.selected_theme()
        self.themes.set_records(courses.list_themes(self.uow))
        if chosen is not None:
            row = self.themes.row_of(chosen.id)
            if row >= 0:
                self.theme_view.selectRow(row)
        return courses.list_courses(self.uow)

    def matching_ids(self, search: str) -> set[int]:
        theme = self.selected_theme()
        return {r.id for r in courses.list_courses(self.uow, search,
                                                   theme.id if theme else None)}

    def apply_search(self, text: str) -> None:
        if self.proxy is not None and not text.strip() and self.selected_theme() is not None:
            self.proxy.set_matching_ids(self.matching_ids(""))
            self.update_count()
            return
        super().apply_search(text)

    def ask_new(self):
        theme = self.selected_theme()
        return CourseDialog.ask(self, self.uow, theme_id=theme.id if theme else None)

    def ask_edit(self, record):
        return CourseDialog.ask(self, self.uow, record)

    def delete(self, record) -> None:
        courses.delete_course(self.uow, record.id, record.version)

    def describe(self, record) -> str:
        return record.title

    def retranslate(self) -> None:
        super().retranslate()
        self.themes.retranslate()
        self.theme_heading.setText(self.tr("Themes"))
        self.new_theme_button.setToolTip(self.tr("New theme"))
        self.edit_theme_button.setToolTip(self.tr("Edit theme"))
        self.delete_theme_button.setToolTip(self.tr("Delete theme"))
        self.all_themes_button.setToolTip(self.tr("Show the courses of every theme"))
        self._theme_chosen()

    def save_state(self, settings: AppSettings) -> None:
        super().save_state(settings)
        settings.set_splitter_state("courses", self.splitter.saveState())

    def restore_state(self, settings: AppSettings) -> None:
        super().restore_state(settings)
        state = settings.splitter_state("courses")
        if state is not None:
            self.splitter.restoreState(state)
