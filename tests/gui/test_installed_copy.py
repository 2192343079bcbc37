"""What an installed copy shows: the shipped fonts (resources/fonts/) reach the window when the PC
has no Chinese font; About gives the version and build date."""
import shutil
from pathlib import Path

import pytest
from PySide6.QtGui import QFontDatabase

from ui import fonts

SYSTEM_FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")


@pytest.mark.skipif(not SYSTEM_FONT.is_file(), reason="needs fonts-wqy-microhei to copy")
def test_shipped_fonts_loaded_only_without_a_chinese_font(qapp, tmp_path, monkeypatch):
    shipped = tmp_path / "fonts"
    shipped.mkdir()
    shutil.copy(SYSTEM_FONT, shipped / "shipped-hei.ttc")
    (shipped / "OFL.txt").write_text("licence", encoding="utf-8")  # not a font: skipped
    monkeypatch.setattr(fonts, "resource_path", lambda *parts: tmp_path.joinpath(*parts))
    loaded = []
    monkeypatch.setattr(QFontDatabase, "addApplicationFont",
                        staticmethod(lambda path: loaded.append(Path(path).name) or 0))
    monkeypatch.setattr(fonts, "has_chinese_font", lambda: True)
    assert fonts.warn_if_no_chinese_font(None) is False and loaded == []  # a system font: no load
    answers = iter([False, True])  # none on the system; after loading the shipped ones, yes
    monkeypatch.setattr(fonts, "has_chinese_font", lambda: next(answers))
    assert fonts.warn_if_no_chinese_font(None) is False
    assert loaded == ["shipped-hei.ttc"]


def test_shipped_font_really_loads(qapp, tmp_path, monkeypatch):
    if not SYSTEM_FONT.is_file():
        pytest.skip("needs fonts-wqy-microhei to copy")
    shutil.copy(SYSTEM_FONT, tmp_path / "shipped-hei.ttc")
    monkeypatch.setattr(fonts, "resource_path", lambda *parts: tmp_path)
    assert fonts.load_shipped_fonts() == 1


def test_about_shows_version_and_build_date(window, tmp_path, monkeypatch):
    """Help ▸ About: the version, with the build date in a built copy (trainer/build_info.py)."""
    from PySide6.QtWidgets import QMessageBox

    from trainer import __version__, build_info

    stamp = tmp_path / "build_info.json"
    stamp.write_text('{"build_date": "2026-12-07"}', encoding="utf-8")
    monkeypatch.setattr(build_info, "STAMP", stamp)
    build_info.build_date.cache_clear()
    shown = []
    monkeypatch.setattr(QMessageBox, "about", staticmethod(lambda parent, title, text:
                                                           shown.append(text)))
    try:
        window.about_action.trigger()
    finally:
        build_info.build_date.cache_clear()
    assert f"{__version__} (2026-12-07)" in shown[0]
