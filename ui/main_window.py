"""The main window: navigation on the left, one page per area, menus, the database in use in
the status bar. Remembers its size, splitters and the last page."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (QLabel, QListWidget, QListWidgetItem, QMainWindow, QMessageBox,
                               QSplitter, QStackedWidget, QWidget)

from trainer.build_info import version_text
from trainer.services import organizations
from trainer.services.live_changes import PAGE_KINDS
from trainer.services.uow import UnitOfWork
from ui.i18n import LanguageManager
from ui import admin_actions, screen_fit
from ui.live_views import LiveViews
from ui.pages.attendance_page import AttendancePage
from ui.pages.certificates_page import CertificatesPage
from ui.pages.courses_page import CoursesPage
from ui.pages.enterprises_page import EnterprisesPage
from ui.pages.lecturers_page import LecturersPage
from ui.pages.page import Page
from ui.pages.programmes_page import ProgrammesPage
from ui.pages.reports_page import ReportsPage
from ui.pages.requests_page import RequestsPage
from ui.pages.schedule_page import SchedulePage
from ui.pages.trainees_page import TraineesPage
from ui.resources import app_icon, icon
from ui.settings import AppSettings

PAGE_CLASSES = (EnterprisesPage, LecturersPage, CoursesPage, TraineesPage, RequestsPage,
                ProgrammesPage, SchedulePage, AttendancePage, CertificatesPage, ReportsPage)
LANGUAGE_NAMES = {"zh_CN": "中文(简体)", "en": "English"}  # each in its own language


class MainWindow(QMainWindow):
    def __init__(self, uow: UnitOfWork, languages: LanguageManager, settings: AppSettings,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.uow = uow
        self.languages = languages
        self.settings = settings
        self.setObjectName("mainWindow")
        self.setWindowIcon(app_icon())
        # The first time on a screen: as big as the work needs, within the screen (1024×768…).
        self.resize(screen_fit.initial_size(QSize(1280, 800), screen_fit.screen_of(None)))

        self.navigation = QListWidget(self)
        self.navigation.setObjectName("navigation")
        self.navigation.setIconSize(self.navigation.iconSize() * 1.5)
        self.navigation.setSpacing(2)
        self.navigation.setStyleSheet(
            "QListWidget#navigation { border: none; background: palette(window); font-size: 11pt; }"
            "QListWidget#navigation::item { padding: 7px 6px; border-radius: 4px; }"
            "QListWidget#navigation::item:selected { background: #1e88e5; color: white; }")
        self.stack = QStackedWidget(self)
        self.pages: list[Page] = []
        for page_class in PAGE_CLASSES:
            page = page_class(uow, self.stack)
            self.pages.append(page)
            self.stack.addWidget(page)
            QListWidgetItem(icon(page.ICON), "", self.navigation)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.navigation)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([190, 1010])
        self.setCentralWidget(self.splitter)
        self.navigation.currentRowChanged.connect(self._show_page)

        self.database_label = QLabel(self)
        self.database_label.setObjectName("databaseLabel")
        self.organization_label = QLabel(self)
        self.user_label = QLabel(self)
        self.user_label.setObjectName("userLabel")
        self.statusBar().addPermanentWidget(self.user_label)
        self.statusBar().addPermanentWidget(self.organization_label)
        self.statusBar().addPermanentWidget(self.database_label)

        self._stale: set[str] = set()
        self.live = LiveViews(uow.database, self)  # what other desks change shows up here
        self._build_menus()
        self.retranslate()
        self._restore()
        self.live.changed.connect(self.others_changed)

    # --- menus ---------------------------------------------------------------------------
    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addAction(self.quit_action)

        self.edit_menu = bar.addMenu("")
        self.new_action = self._page_action("add", QKeySequence.StandardKey.New, "new_record")
        self.edit_action = self._page_action("edit", None, "edit_record")
        self.delete_action = self._page_action("delete", QKeySequence(Qt.Key.Key_Delete),
                                               "delete_record")
        self.find_action = self._page_action("search", QKeySequence.StandardKey.Find,
                                             "focus_search")
        for action in (self.new_action, self.edit_action, self.delete_action):
            self.edit_menu.addAction(action)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.find_action)

        self.view_menu = bar.addMenu("")
        self.page_actions = []
        for number, page in enumerate(self.pages):
            action = QAction(icon(page.ICON), "", self)
            action.setShortcut(QKeySequence(f"Ctrl+{number + 1}"))
            action.triggered.connect(lambda _checked=False, n=number: self.show_page(n))
            self.view_menu.addAction(action)
            self.page_actions.append(action)

        self.tools_menu = bar.addMenu("")
        self.tool_actions = {}
        for key, slot in (("users", admin_actions.show_users), ("audit", admin_actions.show_audit),
                          ("backup", admin_actions.backup),
                          ("restore", admin_actions.restore_backup),
                          ("signing_key", admin_actions.show_signing_key)):
            action = QAction(self)
            action.setObjectName(f"tool_{key}")
            action.triggered.connect(lambda _checked=False, s=slot: s(self, self.uow))
            action.setEnabled(admin_actions.allowed(self.uow, key))
            self.tools_menu.addAction(action)
            self.tool_actions[key] = action

        self.language_menu = bar.addMenu("")
        group = QActionGroup(self)
        self.language_actions = {}
        for code, name in LANGUAGE_NAMES.items():
            action = QAction(name, self, checkable=True)
            action.setData(code)
            action.setObjectName(f"language_{code}")
            action.triggered.connect(lambda _checked=False, c=code: self.switch_language(c))
            group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[code] = action

        self.help_menu = bar.addMenu("")
        self.about_action = QAction(app_icon(), "", self)
        self.about_action.triggered.connect(self.show_about)
        self.help_menu.addAction(self.about_action)

    def _page_action(self, icon_name: str, shortcut, command) -> QAction:
        action = QAction(icon(icon_name), "", self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(lambda _checked=False: getattr(self.current_page(), command)())
        self.addAction(action)
        return action

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Factory Classroom") + " — " + self._organization_name())
        self.file_menu.setTitle(self.tr("&File"))
        self.quit_action.setText(self.tr("&Quit"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.new_action.setText(self.tr("&New…"))
        self.edit_action.setText(self.tr("&Edit…") + "\t" + self.tr("Enter"))
        self.delete_action.setText(self.tr("&Delete"))
        self.find_action.setText(self.tr("&Find"))
        self.view_menu.setTitle(self.tr("&View"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.tools_menu.setTitle(self.tr("&Tools"))
        for key, text in (("users", self.tr("&Users…")), ("audit", self.tr("&Audit trail…")),
                          ("backup", self.tr("&Back up now")),
                          ("restore", self.tr("&Restore a backup…")),
                          ("signing_key", self.tr("Certificate &signing key…"))):
            self.tool_actions[key].setText(text)
        self.help_menu.setTitle(self.tr("&Help"))
        self.about_action.setText(self.tr("&About Factory Classroom"))
        for number, page in enumerate(self.pages):
            page.retranslate()
            self.navigation.item(number).setText(page.title())
            self.page_actions[number].setText(page.title())
        for code, action in self.language_actions.items():
            action.setChecked(code == self.languages.language)
        self.database_label.setText(self.tr("Database: %1")
                                    .replace("%1", self.uow.database.display_name()))
        self.organization_label.setText(self._organization_name())
        user = getattr(self.uow, "user", None)
        self.user_label.setText("" if user is None else f"{user.name}({user.role_label()})")
        self._update_actions()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _organization_name(self) -> str:
        found = organizations.list_organizations(self.uow)
        return found[0].name if found else ""

    # --- pages ---------------------------------------------------------------------------
    def current_page(self) -> Page:
        return self.stack.currentWidget()

    def page(self, page_id: str) -> Page:
        return next(p for p in self.pages if p.PAGE_ID == page_id)

    def show_page(self, which: int | str) -> Page:
        number = which if isinstance(which, int) else [p.PAGE_ID for p in self.pages].index(which)
        self.navigation.setCurrentRow(number)
        return self.pages[number]

    def _show_page(self, number: int) -> None:
        if number < 0:
            return
        page = self.pages[number]
        self.stack.setCurrentWidget(page)
        page.activate()
        if page.PAGE_ID in self._stale:
            self._stale.discard(page.PAGE_ID)
            page.live_reload()
        self.settings.last_page = page.PAGE_ID
        self._update_actions()

    def _update_actions(self) -> None:
        has_records = self.current_page().has_records if self.stack.count() else False
        for action in (self.new_action, self.edit_action, self.delete_action, self.find_action):
            action.setEnabled(has_records)

    def others_changed(self, kinds: set[str]) -> None:
        """Another desk committed changes to `kinds`: the page shown reloads now (keeping the
        selection and unsaved edits), the other loaded pages when next shown."""
        current = self.current_page()
        for page in self.pages:
            shown = PAGE_KINDS.get(page.PAGE_ID, frozenset())
            if not getattr(page, "loaded", False) or not shown & kinds:
                continue
            if page is current:
                page.live_reload()
            else:
                self._stale.add(page.PAGE_ID)

    def refresh(self) -> None:
        """After data changed behind the pages' back (demo data loaded…)."""
        for page in self.pages:
            if getattr(page, "loaded", False):
                page.reload()
        self.retranslate()

    # --- language ------------------------------------------------------------------------
    def switch_language(self, code: str) -> None:
        self.settings.language = code
        self.languages.install(code)  # every widget gets a LanguageChange event

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About Factory Classroom"), self.tr(
            "<h3>Factory Classroom %1</h3><p>Training in the workshop: enterprises, lecturers, "
            "courses, trainees, schedules, attendance and certificates for trade-union "
            "training offices.</p>").replace("%1", version_text()))

    # --- remembering ---------------------------------------------------------------------
    def _restore(self) -> None:
        geometry = self.settings.window_geometry(self._screen_key())
        if geometry is not None:
            self.restoreGeometry(geometry)
            screen_fit.fit(self)
        state = self.settings.window_state()
        if state is not None:
            self.restoreState(state)
        ids = [p.PAGE_ID for p in self.pages]
        last = self.settings.last_page
        self.show_page(ids.index(last) if last in ids else 0)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._splitters_restored:
            # Once the window has its real size: restored earlier, the sizes get rescaled.
            self._splitters_restored = True
            splitter = self.settings.splitter_state("main")
            if splitter is not None:
                self.splitter.restoreState(splitter)
            for page in self.pages:
                page.restore_state(self.settings)

    _splitters_restored = False

    def save_state(self) -> None:
        self.settings.set_window_geometry(self._screen_key(), self.saveGeometry())
        self.settings.set_window_state(self.saveState())
        self.settings.set_splitter_state("main", self.splitter.saveState())
        for page in self.pages:
            page.save_state(self.settings)
        self.settings.last_page = self.current_page().PAGE_ID
        self.settings.sync()

    def _screen_key(self) -> str:
        return screen_fit.screen_key(screen_fit.screen_of(self))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.live.stop()
        self.save_state()
        super().closeEvent(event)
