"""Switching the user-interface language.

Qt looks texts up through installed QTranslator objects; Python must keep references to them
or they are collected while still installed. Installing one sends every widget a LanguageChange
event, on which widgets re-read their texts (see retranslate methods). The core's own messages
follow through trainer.texts.set_language."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from trainer.texts import current as messages
from ui.resources import translations_dir

LANGUAGES = ("zh_CN", "en")
CATALOG = "factory_classroom"


def normalise(code: str | None) -> str | None:
    """'zh', 'zh_CN', 'zh-Hans'… → 'zh_CN'; 'en…' → 'en'; anything else → None."""
    if not code:
        return None
    code = code.replace("-", "_").lower()
    if code.startswith("zh"):
        return "zh_CN"
    if code.startswith("en"):
        return "en"
    return None


def system_language() -> str:
    """Chinese for a Chinese system locale, English otherwise."""
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def choose_language(command_line: str | None, saved: str | None) -> str:
    """--lang beats the saved choice beats the system locale."""
    return normalise(command_line) or normalise(saved) or system_language()


class LanguageManager:
    def __init__(self) -> None:
        self._translators: list[QTranslator] = []
        self.language = "en"

    def install(self, language: str) -> str:
        language = normalise(language) or "en"
        app = QCoreApplication.instance()
        for old in self._translators:
            app.removeTranslator(old)
        self._translators = []
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for directory, name in ((qt_dir, f"qtbase_{language}"),
                                (str(translations_dir()), f"{CATALOG}_{language}")):
            translator = QTranslator(app)
            if translator.load(name, directory):
                self._translators.append(translator)
        messages.set_language(language)
        # Installed last so the app's own catalogue wins, and LanguageChange reaches every widget.
        for translator in self._translators:
            app.installTranslator(translator)
        QLocale.setDefault(QLocale("zh_CN" if language == "zh_CN" else "en_US"))
        self.language = language
        return language
