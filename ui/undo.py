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
    """Keeps the lesson's version after its last change, so that undo and redo carry it: when
    another desk changed the lesson meanwhile, the undo is refused with who changed what."""

    def __init__(self, uow: UnitOfWork, text: str,
                 on_error: Callable[[TrainerError, str], None],  # the error, "undo" or "redo"
                 on_done: Callable[[int | None], None]) -> None:
        super().__init__(text)
        self.uow, self.on_error, self.on_done = uow, on_error, on_done
        self._skip_redo = True
        self.lesson_id: int | None = None
        self.version: int | None = None

    def _run(self, action: Callable[[], LessonRecord | None], undoing: bool = False) -> None:
        try:
            record = action()
        except TrainerError as exc:
            self.setObsolete(True)  # cannot be applied any more: drop it from the stack
            self.on_error(exc, "undo" if undoing else "redo")
            return
        if record is not None:
            self.lesson_id, self.version = record.id, record.version
        self.on_done(self.lesson_id)

    def _delete(self) -> None:
        schedule.delete_lesson(self.uow, self.lesson_id, self.version)

    def _add(self, form: LessonForm) -> LessonRecord:
        return schedule.add_lesson(self.uow, form)


class ChangeLessonCommand(_ScheduleCommand):
    """A lesson moved or edited: `before` and `after` are whole forms; `record` the lesson as
    the change saved it."""

    def __init__(self, uow, record: LessonRecord, before: LessonForm, after: LessonForm,
                 text: str, on_error, on_done) -> None:
        super().__init__(uow, text, on_error, on_done)
        self.lesson_id, self.version = record.id, record.version
        self.before, self.after = before, after

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self._run(lambda: schedule.update_lesson(self.uow, self.lesson_id, self.after,
                                                 self.version))

    def undo(self) -> None:
        self._run(lambda: schedule.update_lesson(self.uow, self.lesson_id, self.before,
                                                 self.version), undoing=True)


class AddLessonCommand(_ScheduleCommand):
    def __init__(self, uow, record: LessonRecord, text: str, on_error, on_done) -> None:
        super().__init__(uow, text, on_error, on_done)
        self.lesson_id, self.version, self.form = record.id, record.version, form_of(record)

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self._run(lambda: self._add(self.form))

    def undo(self) -> None:
        self._run(self._delete, undoing=True)


class DeleteLessonCommand(_ScheduleCommand):
    """`record`: the lesson as the person saw it when they deleted it."""

    def __init__(self, uow, record: LessonRecord, text: str, on_error, on_done) -> None:
        super().__init__(uow, text, on_error, on_done)
        self.lesson_id, self.version, self.form = record.id, record.version, form_of(record)

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self._run(self._delete)

    def undo(self) -> None:
        self._run(lambda: self._add(self.form), undoing=True)


class CancelLessonCommand(_ScheduleCommand):
    """A lesson cancelled (kept, sent to calendars as cancelled); undo plans it again where it
    was, judged by the conflict rules. `record`: the lesson as the cancellation saved it."""

    def __init__(self, uow, record: LessonRecord, text: str, on_error, on_done) -> None:
        super().__init__(uow, text, on_error, on_done)
        self.lesson_id, self.version = record.id, record.version

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self._run(lambda: schedule.cancel_lesson(self.uow, self.lesson_id, self.version))

    def undo(self) -> None:
        self._run(lambda: schedule.restore_lesson(self.uow, self.lesson_id, self.version),
                  undoing=True)
