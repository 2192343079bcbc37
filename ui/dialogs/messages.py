"""Standard questions and notices, in one place so tests can find and answer them."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget



def confirm_delete(parent: QWidget | None, what: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, QCoreApplication.translate("Messages", "Delete"),
                      QCoreApplication.translate("Messages", "Delete “%1”? This cannot be undone.")
                      .replace("%1", what), QMessageBox.StandardButton.NoButton, parent)
    delete = box.addButton(QCoreApplication.translate("Messages", "Delete"),
                           QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setObjectName("confirmDelete")
    box.exec()
    return box.clickedButton() is delete


def confirm_restore(parent: QWidget | None, backup: str, current: str) -> bool:
    """Says what a restore does — the current data is kept aside, not lost — and asks."""
    box = QMessageBox(QMessageBox.Icon.Question,
                      QCoreApplication.translate("Messages", "Restore a backup"),
                      QCoreApplication.translate("Messages", "Restore the data from the backup "
                                                 "“%1”?").replace("%1", backup),
                      QMessageBox.StandardButton.NoButton, parent)
    box.setInformativeText(QCoreApplication.translate(
        "Messages", "The current data (%1) is saved as a copy in the backups folder first, so it "
        "can be restored again later. The program closes after the restore.")
        .replace("%1", current))
    restore = box.addButton(QCoreApplication.translate("Messages", "Restore"),
                            QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.setObjectName("confirmRestore")
    box.exec()
    return box.clickedButton() is restore


def show_refusal(parent: QWidget | None, text: str, title: str | None = None) -> None:
    """The core refused (still in use, changed by someone else…): say why."""
    box = QMessageBox(QMessageBox.Icon.Warning,
                      title or QCoreApplication.translate("Messages", "Cannot do that"), text,
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("refusal")
    box.exec()


def confirm_again(parent: QWidget | None, question: str) -> bool:
    """A change was refused because someone else changed the data meanwhile: offer the
    person's own change again, on top of what is stored now."""
    box = QMessageBox(QMessageBox.Icon.Question,
                      QCoreApplication.translate("Messages", "Changed by someone else"), question,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.setObjectName("confirmAgain")
    box.exec()
    return box.clickedButton() is box.button(QMessageBox.StandardButton.Yes)


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("error")
    box.exec()


def confirm_discard(parent: QWidget | None) -> bool:
    """Unsaved changes would be lost: go on only if the user says so."""
    box = QMessageBox(QMessageBox.Icon.Question,
                      QCoreApplication.translate("Messages", "Unsaved changes"),
                      QCoreApplication.translate("Messages", "Discard the changes not saved yet?"),
                      QMessageBox.StandardButton.NoButton, parent)
    discard = box.addButton(QCoreApplication.translate("Messages", "Discard"),
                            QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setObjectName("confirmDiscard")
    box.exec()
    return box.clickedButton() is discard


def confirm_missing_characters(parent: QWidget | None, lines: list[str]) -> bool:
    """Before printing: characters of names that no font has would print blank. Go on?"""
    box = QMessageBox(QMessageBox.Icon.Warning,
                      QCoreApplication.translate("Messages", "Characters missing"),
                      QCoreApplication.translate(
                          "Messages", "These characters are in no font on this computer and will "
                          "print blank:\n%1\n\nPrint anyway?").replace("%1", "\n".join(lines)),
                      QMessageBox.StandardButton.NoButton, parent)
    go = box.addButton(QCoreApplication.translate("Messages", "Print anyway"),
                       QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setObjectName("confirmMissingCharacters")
    box.exec()
    return box.clickedButton() is go


def confirm_cancel_lesson(parent: QWidget | None, what: str) -> bool:
    """Cancelling a lesson: it stays listed as cancelled and calendars are told; undoable."""
    box = QMessageBox(QMessageBox.Icon.Question,
                      QCoreApplication.translate("Messages", "Cancel lesson"),
                      QCoreApplication.translate(
                          "Messages", "Cancel the lesson “%1”?\n\nIt stays in the class as "
                          "cancelled and takes no lecturer, venue or trainee time; the "
                          "lecturer's and the enterprise's calendar files show it as cancelled. "
                          "Ctrl+Z undoes it.").replace("%1", what),
                      QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("confirmCancelLesson")
    cancel = box.addButton(QCoreApplication.translate("Messages", "Cancel lesson"),
                           QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton(QCoreApplication.translate("Messages", "Keep it"),
                         QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.exec()
    return box.clickedButton() is cancel
