"""An edit dialog whose fields show the core's validation messages right beneath them.

Subclasses add fields with add_field(keys, label, widget), where keys are the core's field
codes (trainer.texts.FIELDS) that belong to that widget, and implement save(), which calls a
service and returns its record. Save keeps the dialog open and marks the fields when the core
refuses the input."""
from __future__ import annotations

from typing import Any, Iterable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QFrame, QLabel,
                               QScrollArea, QVBoxLayout, QWidget)

from trainer.errors import InvalidInput, TrainerError
from ui.resources import app_icon

ERROR_STYLE = "color: #c62828;"
INVALID_STYLE = "[invalid=\"true\"] { border: 1px solid #c62828; border-radius: 2px; }"


class FieldError(QLabel):
    """The red line under a field."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(ERROR_STYLE)
        self.setWordWrap(True)
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))


class FormDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setWindowIcon(app_icon())
        self.setStyleSheet(INVALID_STYLE)
        self.result_record: Any = None
        self._errors: dict[str, tuple[QWidget, FieldError]] = {}
        self.banner = FieldError(self)
        self.banner.setObjectName("banner")
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(QCoreApplication.translate("FormDialog", "Save"))
        self.save_button.setObjectName("save")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            QCoreApplication.translate("FormDialog", "Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        # The fields scroll when the screen is too low for them (1024×768 with a taskbar); the
        # banner and the buttons stay in view.
        fields = QWidget(self)
        column = QVBoxLayout(fields)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(self.form)
        self.extra = QVBoxLayout()
        column.addLayout(self.extra, 1)  # tables below the form take the room left…
        column.addStretch()  # …or, with none, it stays below the fields
        self.scroll = QScrollArea(self)
        self.scroll.setObjectName("formScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(fields)
        self.body = QVBoxLayout(self)
        self.body.addWidget(self.banner)
        self.body.addWidget(self.scroll, 1)
        self.body.addWidget(self.buttons)

    # --- building ------------------------------------------------------------------------
    def add_field(self, keys: str | Iterable[str], label: str, widget: QWidget) -> QWidget:
        keys = (keys,) if isinstance(keys, str) else tuple(keys)
        holder = QWidget(self)
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        error = FieldError(holder)
        error.setObjectName(f"error_{keys[0]}")
        column.addWidget(error)
        self.form.addRow(label, holder)
        widget.setObjectName(widget.objectName() or keys[0])
        for key in keys:
            self._errors[key] = (widget, error)
        return widget

    def add_error_place(self, key: str, widget: QWidget, layout) -> FieldError:
        """An error line for something that is not a form row (a table of venues…)."""
        error = FieldError(self)
        error.setObjectName(f"error_{key}")
        layout.addWidget(error)
        self._errors[key] = (widget, error)
        return error

    def field_error(self, key: str) -> str:
        """The message shown for field `key` ('' when none): for tests and accessibility."""
        entry = self._errors.get(key)
        return entry[1].text() if entry and entry[1].isVisible() else ""

    # --- errors --------------------------------------------------------------------------
    def clear_errors(self) -> None:
        self.banner.show_message("")
        for widget, error in self._errors.values():
            error.show_message("")
            self._mark(widget, False)

    def show_error(self, exc: TrainerError, *, place: str | None = None) -> None:
        """Each ValidationError beside its field; what has no field of its own in the banner."""
        unplaced: list[str] = []
        first: QWidget | None = None
        errors = exc.errors if isinstance(exc, InvalidInput) else []
        for error in errors:
            entry = self._errors.get(place or error.field)
            if entry is None:
                unplaced.append(error.message())
                continue
            widget, label = entry
            text = error.message()
            label.show_message(f"{label.text()}\n{text}" if label.isVisible() else text)
            self._mark(widget, True)
            first = first or widget
        if not errors:
            entry = self._errors.get(place) if place else None
            if entry:
                entry[1].show_message(str(exc))
                first = entry[0]
            else:
                unplaced.append(str(exc))
        self.banner.show_message("\n".join(unplaced))
        if first is not None:
            if self.scroll.isAncestorOf(first):
                self.scroll.ensureWidgetVisible(first)
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    @staticmethod
    def _mark(widget: QWidget, invalid: bool) -> None:
        widget.setProperty("invalid", "true" if invalid else "false")
        widget.style().unpolish(widget)
        widget.style().polish(widget)

    # --- saving --------------------------------------------------------------------------
    def save(self) -> Any:  # pragma: no cover - every dialog overrides it
        raise NotImplementedError

    def accept(self) -> None:
        self.clear_errors()
        try:
            self.result_record = self.save()
        except TrainerError as exc:
            self.show_error(exc)
            return
        super().accept()

    @classmethod
    def run(cls, dialog: FormDialog) -> Any:
        """Shows `dialog` modally; the saved record, or None when cancelled."""
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()  # a dialog parented to a page would otherwise live as long as it
        return dialog.result_record if accepted else None
