"""Where files are saved: the user's Documents folder the first time, then the folder they saved
in last (remembered); default names in the interface's language with what the file is about and
its date — 签到表-新钢安全生产1班-2026-09-07.pdf, not signin-78.pdf."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

_KEY = "files/last_folder"
_NOT_IN_NAMES = re.compile(r'[\\/:*?"<>|\r\n\t]+')


def documents_folder() -> str:
    return (QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
            or str(Path.home()))


def last_folder() -> str:
    folder = str(QSettings().value(_KEY, "") or "")
    return folder if folder and Path(folder).is_dir() else documents_folder()


def file_name(*parts: object, suffix: str, dated: bool = True) -> str:
    """Parts joined by "-", characters Windows refuses in names replaced, today's date appended
    unless `dated` is False or a part is a date: ("签到表", "新钢1班") → 签到表-新钢1班-2026-12-07.pdf"""
    words = [_NOT_IN_NAMES.sub("-", str(p)).strip(" -.") for p in parts if str(p or "").strip()]
    if dated and not any(isinstance(p, dt.date) for p in parts):
        words.append(f"{dt.date.today():%Y-%m-%d}")
    return "-".join(w for w in words if w) + suffix


def suggested_path(name: str) -> str:
    return str(Path(last_folder()) / name)


def ask_save_path(parent: QWidget | None, title: str, name: str, pattern: str) -> str:
    """The save dialog opened in the remembered folder with `name`; '' when cancelled."""
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested_path(name), pattern)
    if path:
        remember(path)
    return path


def remember(path: str) -> None:
    QSettings().setValue(_KEY, str(Path(path).parent))
