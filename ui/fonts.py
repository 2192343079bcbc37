"""Chinese glyphs need a Chinese font on the machine; without one Qt draws empty boxes. The app
checks once at start and says so instead."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QMessageBox, QWidget


def has_chinese_font() -> bool:
    return bool(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))


def warn_if_no_chinese_font(parent: QWidget | None) -> bool:
    """Shows the warning when no font can draw Chinese; True when it did."""
    if has_chinese_font():
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
