"""The trainee list loads in batches and searches in SQL."""
from PySide6.QtCore import Qt

from trainer.services import trainees
from ui.models.trainee_model import TraineeColumn


def _add(uow, count):
    from trainer.db.models import Trainee

    with uow:
        uow.session.add_all(Trainee(organization_id=uow.organization_id, name=f"张三{n:03d}",
                                    name_initials="zs", mobile=f"139{n:08d}")
                            for n in range(count))
        uow.session.add(Trainee(organization_id=uow.organization_id, name="李四",
                                name_initials="ls", mobile="13800001111"))


def test_batches_search_and_count(qtbot, window, uow):
    _add(uow, 450)
    page = window.show_page("trainees")
    assert page.model.rowCount() == page.model.BATCH
    qtbot.waitUntil(lambda: page.count_text() == "451 trainees")
    page.view.scrollToBottom()
    qtbot.waitUntil(lambda: page.model.rowCount() > page.model.BATCH)

    qtbot.keyClicks(page.search, "ls")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.index(0, TraineeColumn.NAME).data() == "李四"
    assert page.count_text() == "1 trainees"
    page.search.clear()
    qtbot.keyClicks(page.search, "1111")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert page.model.index(0, TraineeColumn.MOBILE).data() == "138****1111"  # masked
    page.reveal_button.click()
    assert page.model.index(0, TraineeColumn.MOBILE).data() == "13800001111"


def test_new_trainee_is_shown_and_selected(qtbot, window, answer, typist, uow):
    from PySide6.QtWidgets import QLineEdit, QPushButton

    page = window.show_page("trainees")

    def fill(dialog):
        typist(dialog.findChild(QLineEdit, "person_name"), "王芳")
        qtbot.keyClicks(dialog.findChild(QLineEdit, "id_number"), "36050219900101123")
        dialog.findChild(QPushButton, "save").click()
        assert "18" in dialog.field_error("id_number")
        qtbot.keyClicks(dialog.findChild(QLineEdit, "id_number"), "x")
        dialog.findChild(QPushButton, "save").click()
        assert dialog.field_error("id_number")  # wrong check character
        id_field = dialog.findChild(QLineEdit, "id_number")
        id_field.clear()
        qtbot.keyClicks(id_field, "360502199001011231")
        dialog.findChild(QPushButton, "save").click()

    answer(page.new_button.click, fill)
    record = page.selected_record()
    assert record is not None and record.name == "王芳" and record.gender == "M"
    assert trainees.count_trainees(uow) == 1


def test_keyset_pages_cover_every_match_once(uow):
    _add(uow, 45)
    for search in ("", "zs", "张三", "1390000", "139000000"):
        seen, cursor = [], None
        while True:
            page = trainees.page_trainees(uow, search, limit=10, cursor=cursor)
            seen += [r.id for r in page.records]
            if page.cursor is None:
                break
            cursor = page.cursor
        expected = {r.id for r in trainees.list_trainees(uow, search)}
        assert len(seen) == len(set(seen)) and set(seen) == expected, search
    assert trainees.count_trainees_capped(uow, "zs", cap=20) == trainees.TraineeCount(20, True)
    assert trainees.count_trainees_capped(uow, "ls") == trainees.TraineeCount(1, False)


def test_fitting_the_columns_measures_the_first_rows_only(qtbot, window, uow):
    """At start the trainees page fits its columns to the first batch: measuring all 200 rows
    cell by cell took 0.1 s of the start on a million-row database; the first rows give the
    widths (a long name further down does not widen the column)."""
    from trainer.db.models import Trainee
    from ui.pages.master_page import FIT_ROWS

    _add(uow, 300)
    with uow:
        uow.session.add(Trainee(organization_id=uow.organization_id, name="张三100" + "长" * 40,
                                name_initials="zs", mobile="13900009999"))
    page = window.show_page("trainees")
    long_row = next(r for r in range(page.model.rowCount())
                    if page.model.index(r, TraineeColumn.NAME).data().endswith("长"))
    assert FIT_ROWS < long_row < page.model.rowCount()
    page.fit_columns()
    assert page.view.columnWidth(TraineeColumn.NAME) < 200
