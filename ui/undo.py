"""Undoable schedule changes (Ctrl+Z / Ctrl+Y). Each command calls the schedule services, so an
undo is judged by the same conflict rules as the change itself. A change is carried out before
it is pushed (so a refused change never enters the stack); the first redo() that QUndoStack.push
calls is therefore skipped."""
from __future__ import annotations

from typing import Callable

from PySide6.QtGui import QUndoCommand

from trainer.errors import TrainerError
from trainer.services import schedule
from trainer.services.schedule import LessonForm, LessonRecord
from trainer.services.uow import UnitOfWork


def form_of(record: LessonRecord) -> LessonForm:
    """The form that puts a lesson back exactly where `record` has it."""
    return LessonForm(record.class_id, record.date, record.period or "",
                      None if record.period else record.start, record.lecturer_id,
                      record.venue_id, record.sequence, record.locked)


class _ScheduleCommand(QUndoCommand):
    def __init__(self, uow: UnitOfWork, text: str,
                 on_error: Callable[[TrainerError, str], None],  # the error, "undo" or "redo"
                 on_done: Callable[[int | None], None]) -> None:
        super().__init__(text)
        self.uow, self.on_error, self.on_done = uow, on_error, on_done
        self._skip_redo = True

    def _run(self, action: Callable[[], int | None], undoing: bool = False) -> None:
        try:
            lesson_id = action()
        except TrainerError as exc:
            self.setObsolete(True)  # cannot be applied any more: drop it from the stack
            self.on_error(exc, "undo" if undoing else "redo")
            return
        self.on_done(lesson_id)


class ChangeLessonCommand(_ScheduleCommand):
    """A lesson moved or edited: `before` and `after` are whole forms."""

    def __init__(self, uow, lesson_id: int, before: LessonForm, after: LessonForm, text: str,
                 on_error, on_done) -> None:
        super().__init__(uow, text, on_error, on_done)
        self.lesson_id, self.before, self.after = lesson_id, before, after

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self._run(lambda: schedule.update_lesson(self.uow, self.lesson_id, self.after, None).id)

    def undo(self) -> None:
        self._run(lambda: schedule.update_lesson(self.uow, self.lesson_id, self.before, None).id,
                  undoing=True)


class AddLessonCommand(_ScheduleCommand):
    def __init__(self, uow, record: LessonRecord, text: str, on_error, on_done) -> None:
        super().__init__(uow, text, on_error, on_done)
        self.lesson_id, self.form = record.id, form_of(record)

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return

        def add() -> int:
            self.lesson_id = schedule.add_lesson(self.uow, self.form).id
            return self.lesson_id
        self._run(add)

    def undo(self) -> None:
        self._run(lambda: schedule.delete_lesson(self.uow, self.lesson_id), undoing=True)


class DeleteLessonCommand(_ScheduleCommand):
    def __init__(self, uow, record: LessonRecord, text: str, on_error, on_done) -> None:
        super().__init__(uow, text, on_error, on_done)
        self.lesson_id, self.form = record.id, form_of(record)

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self._run(lambda: schedule.delete_lesson(self.uow, self.lesson_id))

    def undo(self) -> None:
        def restore() -> int:
            self.lesson_id = schedule.add_lesson(self.uow, self.form).id
            return self.lesson_id
        self._run(restore, undoing=True)
