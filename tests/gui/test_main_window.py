"""The main window: language menu, remembered geometry and page, status bar, placeholders."""
import xml.etree.ElementTree as ET

from PySide6.QtCore import QSize, Qt

from ui.main_window import PAGE_CLASSES
from ui.resources import translations_dir


def test_switching_language_from_the_menu_changes_the_menus(qtbot, window):
    titles = lambda: [a.text() for a in window.menuBar().actions()]  # noqa: E731
    assert titles()[0] == "&File"
    window.language_actions["zh_CN"].trigger()
    qtbot.waitUntil(lambda: titles()[0] != "&File")
    assert titles() == ["文件(&F)", "编辑(&E)", "视图(&V)", "工具(&T)", "语言(&L)", "帮助(&H)"]
    assert window.navigation.item(0).text() == "企业"
    assert window.page("enterprises").model.headerData(0, Qt.Orientation.Horizontal) == "名称"
    assert window.settings.language == "zh_CN"
    window.language_actions["en"].trigger()
    qtbot.waitUntil(lambda: titles()[:2] == ["&File", "&Edit"])
    assert window.navigation.item(0).text() == "Enterprises"


def test_core_messages_follow_the_language(window):
    from trainer.errors import ValidationError

    window.language_actions["zh_CN"].trigger()
    assert str(ValidationError("name", "required")) == "名称不能为空"
    window.language_actions["en"].trigger()
    assert str(ValidationError("name", "required")) == "Name is required"


def test_window_remembers_size_splitter_and_page(make_window):
    first = make_window()
    first.resize(QSize(720, 500))
    first.splitter.setSizes([150, 570])
    sizes = first.splitter.sizes()
    assert sizes[0] != 190  # moved from the default
    first.show_page("trainees")
    first.close()
    second = make_window()
    assert second.current_page().PAGE_ID == "trainees"
    assert second.size().height() == 500  # the offscreen screen is narrower than the window
    assert second.splitter.sizes() == sizes


def test_status_bar_shows_the_database(window, uow):
    assert uow.database.display_name() in window.database_label.text()
    assert window.organization_label.text() == "新余市总工会"


def test_every_page_has_a_title_and_its_own_module(window):
    modules = {cls.__module__ for cls in PAGE_CLASSES}
    assert len(modules) == len(PAGE_CLASSES)
    for number in range(len(PAGE_CLASSES)):
        page = window.show_page(number)
        assert window.stack.currentWidget() is page and page.title()
    assert not window.new_action.isEnabled()  # placeholders have no records
    window.show_page("lecturers")
    assert window.new_action.isEnabled()


def test_chinese_catalogue_is_complete():
    tree = ET.parse(translations_dir() / "factory_classroom_zh_CN.ts")
    unfinished = [m.findtext("source") for m in tree.iter("message")
                  if m.find("translation").get("type") == "unfinished"
                  or not ("".join(m.find("translation").itertext())).strip()]  # numerus too
    assert unfinished == []
    assert (translations_dir() / "factory_classroom_zh_CN.qm").exists()
    assert (translations_dir() / "factory_classroom_en.qm").exists()
