"""Every window inside the screen it opens on (issue 17: offices have 1366×768 and 1024×768).

`install(app)` puts one event filter on the application: when a dialog is about to be shown it
gets the size the user last gave it on a screen of this size (remembered per screen), is shrunk
to the screen's available geometry (taskbar excluded, room left for the title bar) and moved
fully onto it; when it is hidden its size is remembered. Dialogs keep their own preferred size
(resize() in their constructor) as long as it fits, so nothing else has to know about screens.
The main window asks `initial_size()` for its first size and remembers its geometry per screen
(ui/main_window.py)."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QSize
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QDialog, QWidget

from ui.settings import AppSettings

# Before a window is first mapped Qt does not know its frame; what window managers commonly add.
FRAME_ALLOWANCE = QSize(16, 40)


def screen_of(widget: QWidget | None) -> QScreen:
    """The screen `widget` (or its parent window) is on; the primary screen otherwise."""
    for candidate in (widget, widget.parentWidget() if widget is not None else None):
        if candidate is not None:
            window = candidate.window()
            handle = window.windowHandle()
            if handle is not None and handle.screen() is not None:
                return handle.screen()
            if window.isVisible():
                return window.screen()
    return QGuiApplication.primaryScreen()


def screen_key(screen: QScreen) -> str:
    """What sizes are remembered under: the screen's available size, not its name (a laptop
    docked to the same monitor model on another day has another name)."""
    area = screen.availableGeometry()
    return f"{area.width()}x{area.height()}"


def room(screen: QScreen, widget: QWidget | None = None) -> QRect:
    """The client area a window may have on `screen`: available geometry less its frame."""
    area = screen.availableGeometry()
    frame = _frame(widget)
    return QRect(area.x(), area.y(), area.width() - frame.width(), area.height() - frame.height())


def initial_size(preferred: QSize, screen: QScreen, share: float = 0.92) -> QSize:
    """`preferred`, or `share` of the room on `screen` when that is smaller."""
    space = room(screen)
    return QSize(min(preferred.width(), int(space.width() * share)),
                 min(preferred.height(), int(space.height() * share)))


def fit(widget: QWidget) -> None:
    """Shrinks `widget` (a window) to the room on its screen and moves it fully onto it."""
    screen = screen_of(widget)
    area = screen.availableGeometry()
    space = room(screen, widget)
    size = widget.size().boundedTo(space.size())
    if size != widget.size():
        widget.resize(size)
    frame = _frame(widget)
    outer_w, outer_h = widget.width() + frame.width(), widget.height() + frame.height()
    x = min(max(widget.x(), area.left()), area.left() + area.width() - outer_w)
    y = min(max(widget.y(), area.top()), area.top() + area.height() - outer_h)
    if (x, y) != (widget.x(), widget.y()):
        widget.move(x, y)


def _frame(widget: QWidget | None) -> QSize:
    if widget is not None and widget.isVisible():
        outer, inner = widget.frameGeometry(), widget.geometry()
        if outer != inner:
            return QSize(outer.width() - inner.width(), outer.height() - inner.height())
    return FRAME_ALLOWANCE


class ScreenFitter(QObject):
    """The application-wide event filter described above."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.Show, QEvent.Type.Hide) and isinstance(watched, QDialog) \
                and watched.isWindow():
            key = f"{_name(watched)}/{screen_key(screen_of(watched))}"
            if kind == QEvent.Type.Show:
                if not watched.property("screenFitted"):
                    watched.setProperty("screenFitted", True)
                    remembered = AppSettings().dialog_size(key)
                    if remembered is not None:
                        watched.resize(remembered.expandedTo(watched.minimumSizeHint()))
                fit(watched)
            elif watched.property("screenFitted"):
                AppSettings().set_dialog_size(key, watched.size())
        return False


def _name(dialog: QDialog) -> str:
    return dialog.objectName() or type(dialog).__name__


_installed: list[ScreenFitter] = []


def install(app) -> ScreenFitter:
    """Once per application; returns the filter (kept alive here)."""
    if _installed:
        return _installed[0]
    fitter = ScreenFitter()
    app.installEventFilter(fitter)
    _installed.append(fitter)
    return fitter
