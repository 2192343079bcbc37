"""Chinese glyphs need a Chinese font on the machine; without one Qt draws empty boxes. The app
checks once at start and says so instead."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QMessageBox, QWidget

from ui.resources import resource_path


def has_chinese_font() -> bool:
    return bool(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))


def load_shipped_fonts() -> int:
    """Makes the fonts shipped in resources/fonts/ (the installed copy has them) known to Qt, so
    that a PC without a Chinese font still shows Chinese; returns how many were loaded."""
    folder = resource_path("fonts")
    if not folder.is_dir():
        return 0
    return sum(1 for file in sorted(folder.iterdir())
               if file.suffix.lower() in (".ttf", ".ttc", ".otf")
               and QFontDatabase.addApplicationFont(str(file)) >= 0)


def warn_if_no_chinese_font(parent: QWidget | None) -> bool:
    """Shows the warning when no font can draw Chinese, not even a shipped one; True when it
    did. The shipped fonts are loaded only when the system has no Chinese font."""
    if has_chinese_font() or (load_shipped_fonts() and has_chinese_font()):
        return False
    box = QMessageBox(QMessageBox.Icon.Warning,
                      QCoreApplication.translate("Fonts", "No Chinese font"),
                      QCoreApplication.translate(
                          "Fonts", "No font on this computer can display Chinese characters, so "
                          "names would show as empty boxes. Please install a Chinese font (on "
                          "Debian or Ubuntu: fonts-wqy-microhei or fonts-noto-cjk) and restart."),
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("fontWarning")
    box.exec()
    return True
