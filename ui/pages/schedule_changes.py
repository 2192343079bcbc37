"""The schedule's lesson changes: drag to move, drag on empty time to create, double-click to
open, edit or delete, right-click to open or cancel. Each change goes through the core's
conflict rules and onto the page's undo stack; a refusal is said in a message and kept in
`last_refusal`. A mixin of SchedulePage (it uses the page's `uow`, `records`, `undo_stack` and
`refresh`)."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu

from trainer.errors import ConflictError, StaleEditError, TrainerError
from trainer.texts import language
from trainer.rules.calendar import PERIOD_LABELS, describe_date
from trainer.services import schedule
from trainer.services.schedule import LessonForm, LessonRecord
from trainer.services.schedule_calendar import load_settings
from ui.dialogs import messages
from ui.dialogs.lesson_dialog import LessonDialog
from ui.undo import (AddLessonCommand, CancelLessonCommand, ChangeLessonCommand,
                     DeleteLessonCommand, form_of)


class LessonChanges:
    last_refusal = ""  # the sentence of the last refused change, as shown to the user

    def _period_at(self, start: dt.time) -> str:
        """The code of the period that starts at `start`, "" for a free time."""
        return next((p.code for p in load_settings(self.uow).periods if p.start == start), "")

    def _refused(self, exc: TrainerError, step: str = "") -> None:
        """A change the core refused; an undo or redo says which it was: 无法撤销：…"""
        self.refresh()
        text = "\n".join(exc.sentences()) if isinstance(exc, ConflictError) else str(exc)
        title = {"undo": QCoreApplication.translate("SchedulePage", "Cannot undo"),
                 "redo": QCoreApplication.translate("SchedulePage", "Cannot redo")}.get(step)
        if title:
            text = QCoreApplication.translate("SchedulePage", "%1: %2").replace(
                "%1", title).replace("%2", text)
        self.last_refusal = text
        messages.show_refusal(self, text, title)

    def _changed(self, lesson_id: int | None) -> None:
        self.refresh()

    def _apply_change(self, record: LessonRecord, after: LessonForm, text: str) -> LessonRecord:
        """Carries a change of the lesson as the page showed it (`record`, with its version) out
        (raises when refused, StaleEditError when another desk changed it since) and puts it on
        the undo stack."""
        saved = schedule.update_lesson(self.uow, record.id, after, record.version)
        self.undo_stack.push(ChangeLessonCommand(self.uow, saved, form_of(record), after, text,
                                                 self._refused, self._changed))
        self.refresh()
        return saved

    def move_lesson(self, lesson_id: int, date: dt.date, start: dt.time) -> None:
        record = self.records.get(lesson_id) or schedule.get_lesson(self.uow, lesson_id)
        try:
            self._move(record, date, start)
        except StaleEditError as exc:  # another desk changed it: say who, show theirs, ask
            self._refused(exc)
            fresh = self.records.get(lesson_id)
            if fresh is not None and messages.confirm_again(self, self._move_question(
                    date, start)):
                try:
                    self._move(fresh, date, start)
                except TrainerError as again:
                    self._refused(again)
        except TrainerError as exc:
            self._refused(exc)

    def _move(self, record: LessonRecord, date: dt.date, start: dt.time) -> None:
        """`record` to `date` at `start`, all else (lecturer, venue…) as `record` has it."""
        period = self._period_at(start)
        after = form_of(record)
        after = LessonForm(after.class_id, date, period, None if period else start,
                           after.lecturer_id, after.venue_id, after.sequence, after.locked)
        text = QCoreApplication.translate("SchedulePage", "Move %1").replace(
            "%1", f"{record.course_title} {record.sequence}/{record.lesson_count}")
        self._apply_change(record, after, text)

    def _move_question(self, date: dt.date, start: dt.time) -> str:
        period = self._period_at(start)
        zh = language() == "zh"
        when = PERIOD_LABELS[period][0 if zh else 1] if period else f"{start:%H:%M}"
        return QCoreApplication.translate("SchedulePage", "Move it again to %1?").replace(
            "%1", f"{describe_date(date)} {when}")

    def open_lesson(self, lesson_id: int) -> None:
        record = schedule.get_lesson(self.uow, lesson_id)
        text = QCoreApplication.translate("SchedulePage", "Edit %1").replace(
            "%1", f"{record.course_title} {record.sequence}/{record.lesson_count}")
        LessonDialog.ask(self, self.uow, record,
                         lambda form: self._apply_change(record, form, text),
                         delete=lambda: self._delete(record))
        self.refresh()

    def _delete(self, record: LessonRecord) -> None:
        schedule.delete_lesson(self.uow, record.id, record.version)
        self.undo_stack.push(DeleteLessonCommand(
            self.uow, record, QCoreApplication.translate("SchedulePage", "Delete lesson"),
            self._refused, self._changed))

    def lesson_menu(self, lesson_id: int) -> QMenu:
        """What a right click on a lesson offers: open it, cancel it."""
        menu = QMenu(self)
        menu.setObjectName("lessonMenu")
        opening = menu.addAction(QCoreApplication.translate("SchedulePage", "Open…"),
                                 lambda: self.open_lesson(lesson_id))
        opening.setObjectName("openLesson")
        cancelling = menu.addAction(QCoreApplication.translate("SchedulePage", "Cancel lesson…"),
                                    lambda: self.cancel_lesson(lesson_id))
        cancelling.setObjectName("cancelLesson")
        return menu

    def show_lesson_menu(self, lesson_id: int, position) -> None:
        self.lesson_menu(lesson_id).exec(position)

    def cancel_lesson(self, lesson_id: int) -> None:
        """Cancels the lesson as the page shows it (its version: another desk's change since is
        refused with who changed what), after asking; on the undo stack."""
        record = self.records.get(lesson_id) or schedule.get_lesson(self.uow, lesson_id)
        what = (f"{record.course_title} {record.sequence}/{record.lesson_count} · "
                f"{record.class_name} {describe_date(record.date)} {record.start:%H:%M}")
        if not messages.confirm_cancel_lesson(self, what):
            return
        try:
            saved = schedule.cancel_lesson(self.uow, record.id, record.version)
        except TrainerError as exc:
            self._refused(exc)
            return
        self.undo_stack.push(CancelLessonCommand(
            self.uow, saved, QCoreApplication.translate("SchedulePage", "Cancel lesson"),
            self._refused, self._changed))
        self.refresh()

    def create_lesson(self, date: dt.date, start: dt.time) -> None:
        period = self._period_at(start)

        def add(form: LessonForm) -> LessonRecord:
            record = schedule.add_lesson(self.uow, form)
            self.undo_stack.push(AddLessonCommand(
                self.uow, record, QCoreApplication.translate("SchedulePage", "New lesson"),
                self._refused, self._changed))
            return record

        if LessonDialog.ask(self, self.uow, None, add, date=date, period=period) is not None:
            self.refresh()

    def new_record(self) -> None:
        start, _end = self.shown_range()
        self.create_lesson(max(start, dt.date.today()), load_settings(self.uow).periods[0].start)
