"""Issue 17 as a new training officer meets it: dialogs that say what happens, fields that take
what is typed, the bugs seen in the window (添加地点 named "False", a typed year ignored, the
re-plan list silent about a new lecturer, cut-off ID numbers, "+10 …" not clickable), an audit
trail in sentences, files named in words and saved in Documents."""
import datetime as dt

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QDateEdit, QDialogButtonBox, QLineEdit

from tests.gui.test_attendance_page import _open, cohort  # noqa: F401  (fixture)
from tests.scenarios.trust_fixtures import make_staff
from trainer.services import trainees


def test_add_venue_adds_an_empty_row_not_one_named_false(qtbot, uow):
    from ui.dialogs.enterprise_dialog import EnterpriseDialog

    dialog = EnterpriseDialog(None, uow)
    qtbot.addWidget(dialog)
    dialog.add_venue_button.click()
    model = dialog.venue_view.model()
    assert model.rowCount() == 1
    assert model.index(0, 0).data() in ("", None)


def test_a_typed_date_replaces_the_whole_date(qtbot):
    edit = QDateEdit(dt.date(2026, 1, 15))
    edit.setDisplayFormat("yyyy-MM-dd")
    qtbot.addWidget(edit)
    edit.show()
    qtbot.waitExposed(edit)
    edit.activateWindow()
    qtbot.waitUntil(edit.isActiveWindow)
    day = edit.rect().adjusted(edit.width() // 2, 0, 0, 0).center()  # click on the day part
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton, pos=day)
    qtbot.waitUntil(edit.hasFocus)
    qtbot.waitUntil(lambda: edit.currentSection() == QDateEdit.Section.YearSection)
    qtbot.keyClicks(edit, "20271130")
    assert edit.date().toPython() == dt.date(2027, 11, 30)


def test_a_replanned_lesson_says_the_lecturer_changed(qtbot, uow):
    from trainer.scheduling.proposal import ProposedLesson
    from ui.dialogs.plan_dialog import PlanDialog

    day = dt.date(2026, 9, 29)
    move = ProposedLesson("k", "c", 1, "新钢安全生产1班", 2, day, "evening", dt.time(19),
                          dt.time(21), 7, "李四", 3, "炼钢车间", lesson_id=5, expected_version=1,
                          from_date=day, from_period="evening", from_lecturer_name="王五",
                          from_venue_name="炼钢车间")
    dialog = PlanDialog(None, uow, day, day)
    qtbot.addWidget(dialog)
    assert dialog.change_words(move) == "new lecturer"
    when, lecturer, venue = dialog.before_after(move)
    assert "→" not in when and lecturer == "王五 → 李四" and venue == "炼钢车间"


def test_lists_keep_both_ends_of_a_masked_id(window):
    page = window.show_page("trainees")
    assert page.view.textElideMode() == Qt.TextElideMode.ElideMiddle


def test_score_cells_take_only_numbers_in_range_and_a_bad_one_is_named(qtbot, window, uow,
                                                                        cohort, answer):  # noqa: F811
    page = _open(window, cohort[0], 2)
    index = page.completion.model().index(0, 3)
    editor = page.completion.itemDelegateForColumn(3).createEditor(
        page.completion.viewport(), None, index)
    assert isinstance(editor, QLineEdit)
    validator = editor.validator()
    for typed, state in (("abc", QValidator.State.Invalid), ("150", QValidator.State.Invalid),
                         ("85", QValidator.State.Acceptable), ("100", QValidator.State.Acceptable)):
        assert validator.validate(typed, len(typed))[0] == state, typed
    # a value pasted past the editor (or from an older version) is refused naming row and trainee
    page.completion.item(1, 3).setText("150")
    name = page.completion.item(1, 0).text()
    said = []
    answer(page.save_scores.click, lambda box: (said.append(box.text()), box.accept()))
    assert "Row 2" in said[0] and name in said[0]
    assert page.completion.currentRow() == 1 and page.completion.currentColumn() == 3


def test_month_view_more_link_opens_the_week_of_that_day(qtbot):
    from ui.widgets.calendar_entries import CalendarEntry  # noqa: F401  (the entries' type)
    from ui.widgets.month_view import MonthView

    view = MonthView()
    qtbot.addWidget(view)
    view.resize(700, 500)
    day = dt.date(2026, 10, 14)
    view._more = {day: (view.cell_rect(day).adjusted(0, 60, 0, 0), 10)}
    line = view._more[day][0]
    assert view.more_at(line.center()) == day
    with qtbot.waitSignal(view.day_activated) as shown:
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=line.center().toPoint())
    assert shown.args == [day]
    assert view.more_at(QPointF(1, 1)) is None


def test_new_users_start_as_read_only_and_the_dialog_closes(qtbot, uow):
    from ui.dialogs.users_dialog import UsersDialog

    staff = make_staff(uow.database)
    dialog = UsersDialog(None, staff.uow(staff.admin))
    qtbot.addWidget(dialog)
    assert dialog.role.currentData() == "viewer"
    boxes = dialog.findChildren(QDialogButtonBox)
    assert any(b.button(QDialogButtonBox.StandardButton.Close) for b in boxes)


def test_restore_says_the_current_data_is_kept(qtbot, answer):
    from ui.dialogs import messages

    said = []

    def read(box):
        said.append((box.windowTitle(), box.text(), box.informativeText(),
                     [b.text() for b in box.buttons()]))
        box.reject()

    answer(lambda: messages.confirm_restore(None, "/备份/trainer-2026-12-01.db", "trainer.db"),
           read)
    title, text, details, buttons = said[0]
    assert title == "Restore a backup" and "trainer-2026-12-01.db" in text
    assert "saved as a copy" in details and "restored again" in details
    assert "Restore" in buttons and "Delete" not in " ".join(buttons)


def test_a_refused_undo_says_undo(window):
    from trainer.errors import ValidationError

    page = window.show_page("schedule")
    messages_shown = []
    import ui.dialogs.messages as messages

    original = messages.show_refusal
    messages.show_refusal = lambda parent, text, title=None: messages_shown.append((title, text))
    try:
        page._refused(ValidationError("date", "required"), "undo")
    finally:
        messages.show_refusal = original
    assert messages_shown[0][0] == "Cannot undo"
    assert page.last_refusal.startswith("Cannot undo: ")


def test_audit_trail_reads_as_sentences_filters_and_exports(qtbot, uow, tmp_path):
    from openpyxl import load_workbook

    from ui.dialogs.audit_dialog import AuditDialog

    staff = make_staff(uow.database)
    clerk = staff.uow(staff.clerk)
    rec = trainees.create_trainee(clerk, trainees.TraineeForm("张三", "11010519491231002X",
                                                             mobile="13800138000"))
    trainees.update_trainee(clerk, rec.id, trainees.TraineeForm(
        "张三", "11010519491231002X", mobile="13900139000"), rec.version)
    dialog = AuditDialog(None, staff.uow(staff.admin))
    qtbot.addWidget(dialog)
    sentences = [dialog.table.item(r, 3).text() for r in range(dialog.table.rowCount())]
    assert "张办事 changed trainee 张三: mobile from 138****8000 to 139****9000" in sentences
    dialog.words.setText("139****9000")
    assert dialog.table.rowCount() == 1
    out = dialog.export(str(tmp_path / "trail.xlsx"))
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert len(rows) == 2 and rows[1][3].startswith("张办事 changed trainee 张三")


def test_files_are_named_in_words_and_saved_in_documents_then_where_last_saved(
        qtbot, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QFileDialog

    from ui import save_location

    name = save_location.file_name("签到表", "新钢安全生产1班 第2次课", suffix=".pdf")
    assert name == f"签到表-新钢安全生产1班 第2次课-{dt.date.today():%Y-%m-%d}.pdf"
    assert save_location.file_name("课程表", "a/b:c", "2026-09", suffix=".xlsx",
                                   dated=False) == "课程表-a-b-c-2026-09.xlsx"
    offered = []
    chosen = tmp_path / "out" / "签到表.pdf"
    chosen.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda parent, title, path, pattern: (
                            offered.append(path) or (str(chosen), pattern))))
    save_location.ask_save_path(None, "Save", name, "PDF (*.pdf)")
    assert offered[0].startswith(save_location.documents_folder())
    save_location.ask_save_path(None, "Save", name, "PDF (*.pdf)")
    assert offered[1] == str(chosen.parent / name)


@pytest.mark.parametrize("kind", ["signin", "class_attendance"])
def test_report_file_names_say_what_and_which_class(window, uow, cohort, kind):  # noqa: F811
    page = window.show_page("reports")
    page.choose(kind)
    name, _build = page.builder()
    assert name.endswith(".pdf") and not name.startswith(("signin", "attendance"))
    class_name = page.cohort.currentText().split(maxsplit=1)[1]
    assert class_name in name
    if kind == "signin":  # which lesson, on which day: 签到表-…1班-第 1 次课-2026-03-02.pdf
        assert "lesson 1-2026-03-02.pdf" in name
