"""A clerk creates an enterprise with a workshop, finds it by pinyin initials, edits it."""
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QPushButton

from trainer.services import enterprises
from ui.models.master_data_models import EnterpriseColumn


def _save(dialog):
    dialog.findChild(QPushButton, "save").click()


def test_create_find_and_edit_enterprise(qtbot, window, answer, uow, typist):
    page = window.show_page("enterprises")

    def fill_form(dialog):
        typist(dialog.findChild(QLineEdit, "name"), "新余恒达钢铁有限公司")
        qtbot.keyClicks(dialog.findChild(QLineEdit, "contact_phone"), "12345")
        qtbot.keyClicks(dialog.findChild(QLineEdit, "headcount"), "many")
        _save(dialog)
        # Still open, and each message sits beside its own field.
        assert dialog.isVisible()
        assert "phone" in dialog.field_error("contact_phone")
        assert "number" in dialog.field_error("headcount")
        assert dialog.field_error("name") == ""
        phone = dialog.findChild(QLineEdit, "contact_phone")
        phone.clear()
        qtbot.keyClicks(phone, "0790-6221234")
        dialog.findChild(QLineEdit, "headcount").clear()
        qtbot.keyClicks(dialog.findChild(QLineEdit, "headcount"), "1200")
        dialog.add_venue("一车间培训室", 60)
        _save(dialog)
        assert not dialog.isVisible()

    answer(lambda: qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier),
           fill_form)
    created = enterprises.find_enterprise(uow, "新余恒达钢铁有限公司")
    assert created is not None and created.headcount == 1200
    assert [(v.name, v.capacity) for v in enterprises.list_venues(uow, created.id)] == [
        ("一车间培训室", 60)]

    enterprises.create_enterprise(uow, enterprises.EnterpriseForm("江西赛维光伏有限公司"))
    page.reload()
    assert page.proxy.rowCount() == 2

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search.hasFocus()
    qtbot.keyClicks(page.search, "xyhd")
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 1)
    name = page.proxy.index(0, EnterpriseColumn.NAME).data()
    assert name == "新余恒达钢铁有限公司"
    assert "60" in page.detail.text() or page.selected_record() is None

    page.view.setFocus()
    page.view.selectRow(0)
    assert "一车间培训室" in page.detail.text()

    # the list shows the contact's phone masked, as `trainer list enterprises` does; the form
    # edits it in full, and saving keeps it whole (services.enterprises, security.personal)
    assert page.proxy.index(0, EnterpriseColumn.CONTACT_PHONE).data() == "079****1234"

    def edit(dialog):
        assert dialog.findChild(QLineEdit, "name").text() == "新余恒达钢铁有限公司"
        assert dialog.findChild(QLineEdit, "contact_phone").text() == "07906221234"
        district = dialog.findChild(QLineEdit, "district")
        typist(district, "渝水区")
        _save(dialog)

    answer(lambda: qtbot.keyClick(page.view, Qt.Key.Key_Return), edit)
    saved = enterprises.get_enterprise(uow, created.id, reveal=True)
    assert (saved.district, saved.contact_phone) == ("渝水区", "07906221234")
    assert enterprises.get_enterprise(uow, created.id).contact_phone == "079****1234"
    assert page.proxy.index(0, EnterpriseColumn.DISTRICT).data() == "渝水区"


def test_cancel_leaves_nothing(qtbot, window, answer, uow, typist):
    window.show_page("enterprises")

    def cancel(dialog):
        typist(dialog.findChild(QLineEdit, "name"), "不会保存的企业")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()

    answer(window.new_action.trigger, cancel)
    assert enterprises.list_enterprises(uow) == []
