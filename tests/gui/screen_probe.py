"""Opens the main window (every page) and every dialog on one screen size and reports what does
not fit: a window outside the screen's available geometry, or a button cut off or hidden.

    QT_QPA_PLATFORM=offscreen:configfile=screen.json python tests/gui/screen_probe.py DB [PNG_DIR]

Run by tests/gui/test_screen_fit.py once per screen (an application has one platform). DB is a
SQLite file with the demo data. Prints one JSON line: {"screen": [w, h], "checked": [...],
"problems": [...]}; with PNG_DIR it also saves a screenshot of each page and dialog."""
from __future__ import annotations

import datetime as dt
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QAbstractScrollArea,  # noqa: E402
                               QApplication, QScrollBar, QTabBar, QWidget)


def problems_of(window: QWidget, name: str) -> list[str]:
    """Whether `window` lies inside its screen's available geometry and every button on it can
    be seen (buttons inside a scroll area count as reachable: one scrolls to them)."""
    found = []
    area = window.screen().availableGeometry()
    if not area.contains(window.frameGeometry()):
        found.append(f"{name}: {_rect(window.frameGeometry())} is not inside the screen's "
                     f"{_rect(area)}")
    inside = window.rect()
    for button in window.findChildren(QAbstractButton):
        if not button.isVisibleTo(window) or _scrolls_or_internal(button, window):
            continue
        top_left = button.mapTo(window, button.rect().topLeft())
        rect = button.rect().translated(top_left)
        label = button.text() or button.toolTip() or button.objectName() or "?"
        if not inside.contains(rect):
            found.append(f"{name}: button “{label}” at {_rect(rect)} is cut off "
                         f"(window {inside.width()}×{inside.height()})")
        elif button.width() < button.minimumSizeHint().width() - 2:
            found.append(f"{name}: button “{label}” is squeezed to {button.width()} px")
    return found


def closing_problems(dialog, name: str, app) -> list[str]:
    """A dialog offers a button that closes it (Close, Cancel…) and Esc closes it too."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QDialogButtonBox, QWizard

    found = []
    closers = [b for box in dialog.findChildren(QDialogButtonBox) for b in box.buttons()
               if box.buttonRole(b) in (QDialogButtonBox.ButtonRole.RejectRole,
                                        QDialogButtonBox.ButtonRole.DestructiveRole)
               and b.isVisibleTo(dialog)]
    if isinstance(dialog, QWizard):
        closers.append(dialog.button(QWizard.WizardButton.CancelButton))
    if not closers:
        found.append(f"{name}: no Close or Cancel button")
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    app.processEvents()
    if dialog.isVisible():
        found.append(f"{name}: Esc does not close it")
    return found


def _scrolls_or_internal(button: QWidget, window: QWidget) -> bool:
    parent = button.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, (QAbstractScrollArea, QAbstractItemView, QScrollBar, QTabBar)):
            return True
        parent = parent.parentWidget()
    return False


def _rect(r) -> str:
    return f"({r.x()},{r.y()} {r.width()}×{r.height()})"


def dialogs(parent, uow, database):
    """(name, maker) for every dialog the program has."""
    from trainer.services.schedule_classes import list_classes
    from ui.crash_log import ErrorDialog
    from ui.dialogs.audit_dialog import AuditDialog
    from ui.dialogs.course_dialogs import CourseDialog, ThemeDialog
    from trainer.services.bulk_enrolment import check_bulk, matching_ids
    from trainer.services.trainee_lookup import find_trainee
    from ui.dialogs.eligibility_dialog import EligibilityDialog
    from ui.dialogs.enrol_dialog import EnrolDialog
    from ui.dialogs.enrol_summary import EnrolSummaryDialog
    from ui.dialogs.trainee_chooser import TraineeChooser
    from ui.dialogs.enterprise_dialog import EnterpriseDialog
    from ui.dialogs.first_run_dialog import FirstRunDialog
    from ui.dialogs.holidays_dialog import HolidaysDialog
    from ui.dialogs.import_wizard import ImportWizard
    from ui.dialogs.lecturer_dialog import LecturerDialog
    from ui.dialogs.lesson_dialog import LessonDialog
    from ui.dialogs.login_dialog import CreateAdminDialog, LoginDialog
    from ui.dialogs.plan_dialog import PlanDialog
    from ui.dialogs.programme_dialog import ProgrammeDialog
    from ui.dialogs.request_dialog import RequestDialog
    from ui.dialogs.template_dialog import TemplateDialog
    from ui.dialogs.trainee_dialog import TraineeDialog
    from ui.dialogs.users_dialog import UsersDialog
    from ui.dialogs.verify_dialog import VerifyDialog

    cohort = list_classes(uow)[0].id
    start = dt.date(2026, 9, 1)
    return [
        ("theme", lambda: ThemeDialog(parent, uow)),
        ("course", lambda: CourseDialog(parent, uow)),
        ("enterprise", lambda: EnterpriseDialog(parent, uow)),
        ("lecturer", lambda: LecturerDialog(parent, uow)),
        ("trainee", lambda: TraineeDialog(parent, uow)),
        ("request", lambda: RequestDialog(parent, uow)),
        ("lesson", lambda: LessonDialog(parent, uow, None, lambda form: None)),
        ("enrol", lambda: EnrolDialog(parent, uow, cohort)),
        ("enrol summary", lambda: EnrolSummaryDialog(
            parent, check_bulk(uow, cohort, matching_ids(uow, "", cap=200)))),
        ("who may join", lambda: EligibilityDialog(parent, uow, cohort)),
        ("trainee chooser", lambda: TraineeChooser(parent, find_trainee(uow, "w"))),
        ("plan", lambda: PlanDialog(parent, uow, start, start + dt.timedelta(days=60))),
        ("replan", lambda: PlanDialog(parent, uow, start, start + dt.timedelta(days=60),
                                      replan=True)),
        ("import", lambda: ImportWizard(parent, uow, "trainees")),
        ("import applicants", lambda: ImportWizard(parent, uow, "applicants")),
        ("new programme", lambda: ProgrammeDialog(parent, uow)),
        ("certificate template", lambda: TemplateDialog(parent, uow, "completion")),
        ("verify", lambda: VerifyDialog(parent, uow)),
        ("users", lambda: UsersDialog(parent, uow)),
        ("audit", lambda: AuditDialog(parent, uow)),
        ("holidays", lambda: HolidaysDialog(parent, uow, 2027)),
        ("first start", lambda: FirstRunDialog(None, uow)),
        ("login", lambda: LoginDialog(None, database)),
        ("create administrator", lambda: CreateAdminDialog(None, database)),
        ("unexpected error", lambda: ErrorDialog("学员名单第 7 行坏了", "Traceback…\n" * 40)),
    ]


def main() -> int:
    db_file, png_dir = sys.argv[1], (Path(sys.argv[2]) if len(sys.argv) > 2 else None)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    app = QApplication([sys.argv[0]])
    from trainer.db.migrate import open_database
    from trainer.services.uow import UnitOfWork
    from ui import screen_fit
    from ui.i18n import LanguageManager
    from ui.main_window import MainWindow
    from ui.settings import AppSettings

    screen_fit.install(app)
    languages = LanguageManager()
    languages.install("zh_CN")
    database = open_database(f"sqlite:///{db_file}")
    uow = UnitOfWork(database)
    window = MainWindow(uow, languages, AppSettings())
    window.show()
    app.processEvents()
    size = window.screen().availableGeometry().size()
    checked, problems = [], []
    for number, page in enumerate(window.pages):
        window.show_page(number)
        app.processEvents()
        checked.append(f"page {page.PAGE_ID}")
        problems += problems_of(window, f"main window, page {page.PAGE_ID}")
        if png_dir is not None:
            window.grab().save(str(png_dir / f"page-{number + 1}-{page.PAGE_ID}.png"))
    for name, make in dialogs(window, uow, database):
        dialog = make()
        dialog.show()
        app.processEvents()
        checked.append(name)
        problems += problems_of(dialog, name)
        if png_dir is not None:
            dialog.grab().save(str(png_dir / f"dialog-{name.replace(' ', '-')}.png"))
        problems += closing_problems(dialog, name, app)
        dialog.reject()
        dialog.deleteLater()
        app.processEvents()
    print(json.dumps({"screen": [size.width(), size.height()], "checked": checked,
                      "problems": problems}, ensure_ascii=False))
    window.close()
    database.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
