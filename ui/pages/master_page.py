"""A master-data page: a search box, a sortable table and new / edit / delete.

Subclasses supply the model, the service calls and the dialog. Search semantics (substring,
pinyin initials, codes) belong to the core: the page asks the service which ids match and the
proxy shows those."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QLabel, QSizePolicy,
                               QTableView, QToolButton, QVBoxLayout, QWidget)

from trainer.errors import TrainerError
from trainer.services.uow import UnitOfWork
from ui import save_location
from ui.dialogs import messages
from ui.models.record_table_model import RECORD_ROLE, RecordTableModel
from ui.models.search_proxy import SearchProxyModel
from ui.pages.page import Page
from ui.resources import icon
from ui.settings import AppSettings
from ui.widgets.search_box import SearchBox
from ui.workers import run_with_progress, thread_uow


FIT_ROWS = 40  # rows measured to fit the columns to their contents


class MasterPage(Page):
    IMPORT_KIND: str | None = None  # trainer.io.importing.KINDS: shows the Import button
    EXPORT_KIND: str | None = None  # trainer.cli.kinds.KINDS: shows the Export button

    def __init__(self, uow: UnitOfWork, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.uow = uow
        self.loaded = False
        self.model = self.create_model()
        self.proxy = self.create_proxy()
        self.view = QTableView(self)
        self.view.setObjectName("table")
        # A narrow column keeps both ends of a text: 3605…123X, the last four digits people compare.
        self.view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.view.setModel(self.proxy or self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(26)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.horizontalHeader().setHighlightSections(False)
        if self.proxy is not None:
            self.view.setSortingEnabled(True)
            self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.doubleClicked.connect(lambda _index: self.edit_record())
        # Enter edits the selected row; only while the table has focus, so Enter in the search
        # box still means "search now".
        self.edit_on_enter = QAction(self.view)
        self.edit_on_enter.setShortcuts([QKeySequence(Qt.Key.Key_Return),
                                         QKeySequence(Qt.Key.Key_Enter)])
        self.edit_on_enter.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.edit_on_enter.triggered.connect(self.edit_record)
        self.view.addAction(self.edit_on_enter)

        self.search = SearchBox(self)
        self.search.setObjectName("search")
        self.search.search_changed.connect(self.apply_search)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("count")
        # the whole count, always: the search box beside it gives way instead
        self.count_label.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Preferred)
        self.count_label.setContentsMargins(0, 0, 6, 0)  # fallback CJK glyphs measure narrow
        self.new_button = self._button("add", self.new_record)
        self.edit_button = self._button("edit", self.edit_record)
        self.delete_button = self._button("delete", self.delete_record)
        self.import_button = self._button("import", self.import_file)
        self.export_button = self._button("export", self.export_list)
        self.import_button.setVisible(self.IMPORT_KIND is not None)
        self.export_button.setVisible(self.EXPORT_KIND is not None)
        self.heading = QLabel(self)
        self.heading.setObjectName("heading")
        self.heading.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.heading.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

        bar = QHBoxLayout()
        bar.addWidget(self.new_button)
        bar.addWidget(self.edit_button)
        bar.addWidget(self.delete_button)
        bar.addStretch(1)
        bar.addWidget(self.count_label)
        bar.addWidget(self.search)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(12, 10, 12, 8)
        top = QHBoxLayout()  # file work beside the heading, so the toolbar stays narrow
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.import_button)
        top.addWidget(self.export_button)
        self.layout_.addLayout(top)
        self.layout_.addLayout(bar)
        self.add_body(self.layout_)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self.selection_changed())
        self.retranslate()
        self.selection_changed()

    def _button(self, icon_name: str, slot) -> QToolButton:
        button = QToolButton(self)
        button.setIcon(icon(icon_name))
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setAutoRaise(True)
        button.clicked.connect(slot)
        button.setObjectName(icon_name)
        return button

    # --- for subclasses ------------------------------------------------------------------
    def create_model(self) -> RecordTableModel:  # pragma: no cover - overridden
        raise NotImplementedError

    def create_proxy(self) -> SearchProxyModel | None:
        proxy = SearchProxyModel(self)
        proxy.setSourceModel(self.model)
        return proxy

    def add_body(self, layout: QVBoxLayout) -> None:
        layout.addWidget(self.view, 1)

    def fetch_records(self) -> list[Any]:  # pragma: no cover - overridden
        raise NotImplementedError

    def matching_ids(self, search: str) -> set[int]:  # pragma: no cover - overridden
        raise NotImplementedError

    def ask_new(self) -> Any: ...
    def ask_edit(self, record: Any) -> Any: ...
    def delete(self, record: Any) -> None: ...

    def describe(self, record: Any) -> str:
        return getattr(record, "name", "") or getattr(record, "title", "")

    def texts(self) -> dict[str, str]:
        """heading, new, placeholder: the words this page uses."""
        return {}

    # --- Page ----------------------------------------------------------------------------
    @property
    def has_records(self) -> bool:
        return True

    def activate(self) -> None:
        if not self.loaded:
            self.reload()

    def retranslate(self) -> None:
        texts = self.texts()
        self.heading.setText(texts.get("heading", self.title()))
        self.new_button.setText(texts.get("new", QCoreApplication.translate("MasterPage", "New")))
        self.new_button.setToolTip(QCoreApplication.translate("MasterPage", "Create a new one (Ctrl+N)"))
        self.edit_button.setText(QCoreApplication.translate("MasterPage", "Edit"))
        self.edit_button.setToolTip(QCoreApplication.translate("MasterPage", "Edit the selected row (Enter)"))
        self.delete_button.setText(QCoreApplication.translate("MasterPage", "Delete"))
        self.delete_button.setToolTip(QCoreApplication.translate("MasterPage", "Delete the selected row (Del)"))
        self.import_button.setText(QCoreApplication.translate("MasterPage", "Import…"))
        self.import_button.setToolTip(QCoreApplication.translate("MasterPage", "Import a list from an Excel or CSV file"))
        self.export_button.setText(QCoreApplication.translate("MasterPage", "Export…"))
        self.export_button.setToolTip(QCoreApplication.translate("MasterPage", "Save the rows shown to an Excel file"))
        self.search.setPlaceholderText(texts.get("placeholder",
                                                 QCoreApplication.translate("MasterPage", "Search: name or pinyin initials (Ctrl+F)")))
        self.model.retranslate()
        self.update_count()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def save_state(self, settings: AppSettings) -> None:
        settings.set_header_state(self.PAGE_ID, self.view.horizontalHeader().saveState())

    def restore_state(self, settings: AppSettings) -> None:
        state = settings.header_state(self.PAGE_ID)
        if state is not None:
            self.header_restored = self.view.horizontalHeader().restoreState(state)

    # --- loading and searching -----------------------------------------------------------
    def reload(self, select_id: int | None = None) -> None:
        self.model.set_records(self.fetch_records())
        self.loaded = True
        self.apply_search(self.search.text())
        if not self.loaded_once and not self.header_restored:
            self.fit_columns()
        self.loaded_once = True
        if select_id is not None:
            self.select_id(select_id)

    loaded_once = False
    header_restored = False

    def live_reload(self) -> None:
        record = self.selected_record()
        scroll = self.view.verticalScrollBar().value()
        self.reload(select_id=getattr(record, "id", None))
        self.view.verticalScrollBar().setValue(scroll)

    def fit_columns(self) -> None:
        # the widths from the first rows: measuring all of a 200-row batch cell by cell took
        # 0.1 s of the start, for the same widths
        self.view.horizontalHeader().setResizeContentsPrecision(FIT_ROWS)
        self.view.resizeColumnsToContents()
        for column in range(self.view.model().columnCount()):
            width = self.view.columnWidth(column)
            self.view.setColumnWidth(column, min(max(width + 16, 70), 320))

    def apply_search(self, text: str) -> None:
        if self.proxy is not None:
            self.proxy.set_matching_ids(self.matching_ids(text) if text.strip() else None)
        self.update_count()

    def search_now(self, text: str) -> None:
        self.search.search_for(text)

    def update_count(self) -> None:
        shown = (self.proxy or self.model).rowCount()
        total = self.model.rowCount()
        if shown == total:
            self.count_label.setText(QCoreApplication.translate("MasterPage", "%1 rows").replace("%1", f"{total:,}"))
        else:
            self.count_label.setText(QCoreApplication.translate("MasterPage", "%1 of %2 rows").replace("%1", f"{shown:,}")
                                     .replace("%2", f"{total:,}"))

    def count_text(self) -> str:
        return self.count_label.text()

    # --- selection -----------------------------------------------------------------------
    def selected_record(self) -> Any:
        index = self.view.currentIndex()
        if not index.isValid() or not self.view.selectionModel().isRowSelected(index.row()):
            return None
        return index.siblingAtColumn(0).data(RECORD_ROLE)

    def select_id(self, record_id: int) -> bool:
        row = self.model.row_of(record_id)
        if row < 0:
            return False
        index = self.model.index(row, 0)
        if self.proxy is not None:
            index = self.proxy.mapFromSource(index)
        if not index.isValid():
            return False
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.view.scrollTo(index)
        return True

    def selection_changed(self) -> None:
        chosen = self.selected_record() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    # --- commands ------------------------------------------------------------------------
    def new_record(self) -> None:
        record = self.ask_new()
        if record is not None:
            self.reload(select_id=record.id)

    def edit_record(self) -> None:
        record = self.selected_record()
        if record is None:
            return
        saved = self.ask_edit(record)
        if saved is not None:
            self.reload(select_id=saved.id)

    def import_file(self) -> None:
        from ui.dialogs.import_wizard import ImportWizard  # openpyxl loads on first use only

        if ImportWizard.ask(self, self.uow, self.IMPORT_KIND) is not None:
            self.reload()

    def export_list(self) -> None:
        from trainer.io.list_export import export_list

        path = save_location.ask_save_path(
            self, QCoreApplication.translate("MasterPage", "Export to Excel"),
            save_location.file_name(self.title(), suffix=".xlsx"), "Excel (*.xlsx)")
        if not path:
            return
        search = self.search.text().strip()
        make_uow = thread_uow(self.uow)
        try:
            result = run_with_progress(
                self, QCoreApplication.translate("MasterPage", "Exporting…"),
                lambda _p: export_list(make_uow(), self.EXPORT_KIND,
                                       path, search=search), cancellable=False)
        except (OSError, TrainerError) as exc:
            messages.show_error(self, QCoreApplication.translate("MasterPage", "Export to Excel"), str(exc))
            return
        self.window().statusBar().showMessage(
            QCoreApplication.translate("MasterPage", "Saved %1 rows to %2")
            .replace("%1", f"{result.rows:,}").replace("%2", str(result.path)), 8000)

    def delete_record(self) -> None:
        record = self.selected_record()
        if record is None or not messages.confirm_delete(self, self.describe(record)):
            return
        try:
            self.delete(record)
        except TrainerError as exc:
            messages.show_refusal(self, str(exc))
            return
        self.reload()
