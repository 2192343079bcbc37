"""The automatic planner from the GUI: choose the dates (and, to re-plan, the lecturer who is
away), let the planner work in the background, review the proposal — every lesson added or
moved, and why each lesson left out could not be placed — then accept it in one transaction or
discard it.

The greedy proposal is shown as soon as it is made; when CP-SAT can still do better, it keeps
improving in the background (progress bar, Stop) and each better proposal replaces the one
shown. Accept is available all along and accepts the proposal shown (the search is stopped)."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEventLoop, Qt
from PySide6.QtWidgets import (QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QListWidget, QProgressBar,
                               QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from trainer.errors import TrainerError
from trainer.texts import pick
from trainer.rules.calendar import PERIOD_LABELS, provisional_warning
from trainer.scheduling.proposal import (AcceptResult, Proposal, accept_proposal, propose_plan,
                                         propose_replan_days_off, propose_replan_lecturer)
from trainer.services import lecturers, programmes
from trainer.services.schedule_calendar import provisional_years
from trainer.services.uow import UnitOfWork
from ui.dialogs.form_dialog import ERROR_STYLE
from ui.resources import app_icon
from ui.workers import Cancelled, Task, keep_running, thread_uow


def _date_edit(day: dt.date) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setDate(QDate(day.year, day.month, day.day))
    return edit


class PlanDialog(QDialog):
    """`replan`: a lecturer falls ill — only the lessons that must move are moved. `days_off`:
    the calendar changed — only the lessons now on a day off move."""

    def __init__(self, parent: QWidget | None, uow: UnitOfWork, start: dt.date, end: dt.date,
                 *, replan: bool = False, days_off: bool = False,
                 programme_id: int | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planDialog")
        self.setWindowIcon(app_icon())
        self.setWindowTitle(self.tr("Re-plan for an absent lecturer") if replan
                            else self.tr("Re-plan the lessons on days off") if days_off
                            else self.tr("Plan the programme's lessons") if programme_id
                            else self.tr("Plan automatically"))
        self.uow, self.replan, self.days_off = uow, replan, days_off
        self.programme_id = programme_id  # its classes' lessons, within its months
        self.proposal: Proposal | None = None  # the one shown (and accepted by Accept)
        self.accepted: AcceptResult | None = None
        self.task: Task | None = None  # the planner while it works
        form = self._build_form(start, end, replan, programme_id)
        self.provisional = QLabel(self)
        self.provisional.setObjectName("provisional")
        self.provisional.setWordWrap(True)
        self.provisional.setStyleSheet("background: #fff3c4; padding: 4px;")
        self.start.dateChanged.connect(self._warn)
        self.end.dateChanged.connect(self._warn)
        self.propose_button = QPushButton(self.tr("Make a proposal"), self)
        self.propose_button.setObjectName("propose")
        self.propose_button.clicked.connect(self.propose)
        self._build_results()
        buttons = self._build_buttons()
        top = QHBoxLayout()
        top.addLayout(form)
        top.addWidget(self.propose_button)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(self._build_progress())
        layout.addWidget(self.provisional)
        layout.addWidget(self.summary)
        layout.addWidget(self.method)
        layout.addWidget(self.changes, 3)
        layout.addWidget(QLabel(self.tr("Not placed, and why:"), self))
        layout.addWidget(self.unplaced, 1)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(980, 680)
        self._warn()

    def _build_form(self, start: dt.date, end: dt.date, replan: bool,
                    programme_id: int | None) -> QFormLayout:
        """The dates (a programme's own months are fixed), and to re-plan: who is away, why."""
        self.start = _date_edit(start)
        self.start.setObjectName("start")
        self.end = _date_edit(end)
        self.end.setObjectName("end")
        self.lecturer = QComboBox(self)
        self.lecturer.setObjectName("lecturer")
        self.reason = QLineEdit(self)
        self.reason.setObjectName("reason")
        form = QFormLayout()
        if replan:
            for person in lecturers.list_lecturers(self.uow):
                self.lecturer.addItem(person.name, person.id)
            form.addRow(self.tr("Lecturer:"), self.lecturer)
            form.addRow(self.tr("Away from:"), self.start)
            form.addRow(self.tr("Away until:"), self.end)
            form.addRow(self.tr("Reason:"), self.reason)
        else:
            self.lecturer.hide()
            self.reason.hide()
            form.addRow(self.tr("From:"), self.start)
            form.addRow(self.tr("To:"), self.end)
            self.start.setEnabled(programme_id is None)  # a programme: its own months
            self.end.setEnabled(programme_id is None)
        return form

    def _build_results(self) -> None:
        """The proposal: its summary and method, the changes, what was not placed and why."""
        self.summary = QLabel(self)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("font-weight: 600;")
        self.method = QLabel(self)
        self.method.setObjectName("method")
        self.method.setWordWrap(True)
        self.changes = QTableWidget(0, 6, self)
        self.changes.setObjectName("changes")
        self.changes.verticalHeader().hide()
        self.changes.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.changes.horizontalHeader().setStretchLastSection(True)
        self.changes.setHorizontalHeaderLabels([
            self.tr("Change"), self.tr("Class"), self.tr("Lesson"), self.tr("When"),
            self.tr("Lecturer"), self.tr("Venue")])
        self.unplaced = QListWidget(self)
        self.unplaced.setObjectName("unplaced")
        self.unplaced.setWordWrap(True)
        self.unplaced.setStyleSheet(ERROR_STYLE)
        self.problem = QLabel(self)
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(ERROR_STYLE)

    def _build_progress(self) -> QHBoxLayout:
        """While the planner works: its stage, a bar and Stop (hidden otherwise)."""
        self.stage = QLabel(self)
        self.stage.setObjectName("stage")
        self.bar = QProgressBar(self)
        self.bar.setObjectName("progress")
        self.stop_button = QPushButton(self.tr("Stop"), self)
        self.stop_button.setObjectName("stop")
        self.stop_button.setToolTip(self.tr("Stop improving; the proposal shown stays"))
        self.stop_button.clicked.connect(self.stop)
        row = QHBoxLayout()
        row.addWidget(self.stage, 2)
        row.addWidget(self.bar, 1)
        row.addWidget(self.stop_button)
        self._working(False)
        return row

    def _working(self, on: bool) -> None:
        for widget in (self.stage, self.bar, self.stop_button):
            widget.setVisible(on)
        self.propose_button.setEnabled(not on)

    def _build_buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(self)
        self.accept_button = buttons.addButton(self.tr("Accept the proposal"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        self.accept_button.setObjectName("acceptProposal")
        self.accept_button.setEnabled(False)
        discard = buttons.addButton(self.tr("Discard"), QDialogButtonBox.ButtonRole.RejectRole)
        discard.setObjectName("discard")
        buttons.accepted.connect(self.accept_plan)
        buttons.rejected.connect(self.reject)
        return buttons

    def _warn(self) -> None:
        """The loud warning when the dates touch a year whose holidays are only computed."""
        start, end = self.start.date().toPython(), self.end.date().toPython()
        years = provisional_years(self.uow, start, max(start, end))
        self.provisional.setText(provisional_warning(years))
        self.provisional.setVisible(bool(years))

    def propose(self) -> None:
        start, end = self.start.date().toPython(), self.end.date().toPython()
        lecturer, reason = self.lecturer.currentData(), self.reason.text()
        make_uow = thread_uow(self.uow)

        def work(progress):
            uow = make_uow()
            report = (lambda done, total, stage="": progress.report(
                done, total, self.stage_text(stage, done, total)))
            cancel = (lambda: progress.cancelled)
            if self.replan:
                return propose_replan_lecturer(uow, lecturer, start, end, reason,
                                               progress=report, cancel=cancel,
                                               deliver=progress.deliver)
            if self.days_off:
                return propose_replan_days_off(uow, start, end, progress=report, cancel=cancel,
                                               deliver=progress.deliver)
            if self.programme_id is not None:
                return programmes.plan_programme_lessons(uow, self.programme_id, progress=report,
                                                         cancel=cancel, deliver=progress.deliver)
            return propose_plan(uow, start, end, progress=report, cancel=cancel,
                                deliver=progress.deliver)

        self.problem.clear()
        self.run(work)

    def run(self, work) -> None:
        """Runs the planner in the background and returns once a proposal is shown (the greedy
        one, or the only one) or the work failed; better proposals then keep coming."""
        task = Task(work)
        self.task = task
        first = QEventLoop(self)
        queued = Qt.ConnectionType.QueuedConnection
        task.progressed.connect(lambda d, t, text: self._progressed(task, d, t, text), queued)
        task.delivered.connect(lambda proposal: self._interim(task, proposal), queued)
        task.ended.connect(lambda: self._ended(task), queued)
        task.delivered.connect(first.quit, queued)
        task.ended.connect(first.quit, queued)
        self.bar.setRange(0, 0)
        self.stage.setText(self.tr("Planning…"))
        self._working(True)
        keep_running(task)
        first.exec()

    def _progressed(self, task: Task, done: int, total: int, text: str) -> None:
        if task is self.task:
            self.bar.setRange(0, max(total, 0))
            self.bar.setValue(done if total else 0)
            self.stage.setText(text)

    def _interim(self, task: Task, proposal: Proposal) -> None:
        if task is self.task:
            self.show_proposal(proposal)

    def _ended(self, task: Task) -> None:
        if task is not self.task:
            return
        self.task = None
        self._working(False)
        if isinstance(task.error, TrainerError):
            self.problem.setText(str(task.error))
        elif task.error is not None and not isinstance(task.error, Cancelled):
            raise task.error
        elif task.result is not None:
            self.show_proposal(task.result)

    def stop(self) -> None:
        """Stop: the search ends and its best proposal so far is shown (before the first
        proposal: nothing is planned)."""
        if self.task is not None:
            self.task.cancel()
            self.stop_button.setEnabled(False)

    def _forget_task(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.task = None
            self._working(False)

    def reject(self) -> None:
        self._forget_task()
        super().reject()

    def show_proposal(self, proposal: Proposal) -> None:
        self.proposal = proposal
        self.summary.setText(self.tr(
            "Placed %1 of %2 lessons: %3 new classes, %4 lessons added, %5 moved; %6 not placed "
            "(%7 s).").replace("%1", str(proposal.placed)).replace("%2", str(proposal.total))
            .replace("%3", str(len(proposal.classes))).replace("%4", str(len(proposal.new_lessons)))
            .replace("%5", str(len(proposal.moves))).replace("%6", str(len(proposal.unplaced)))
            .replace("%7", f"{proposal.seconds:.1f}"))
        self.method.setText(proposal.method_line())
        self.changes.setRowCount(len(proposal.lessons))
        for row, x in enumerate(proposal.lessons):
            cells = (self.change_words(x), x.class_name, str(x.sequence),
                     *self.before_after(x))
            for column, text in enumerate(cells):
                self.changes.setItem(row, column, QTableWidgetItem(text))
        self.changes.resizeColumnsToContents()
        self.unplaced.clear()
        for explanation in proposal.unplaced:
            self.unplaced.addItem(explanation.message())
        self.accept_button.setEnabled(bool(proposal.lessons))

    def stage_text(self, stage: str, done: int, total: int) -> str:
        """The planner's stage in the words of the window (planner.STAGES)."""
        if stage == "place":
            return self.tr("Placing the lessons: %1 of %2 placed…").replace(
                "%1", str(done)).replace("%2", str(total))
        if stage == "improve":
            return self.tr("Improving the plan (fewer moves, lecturers' travel, preferred "
                           "times)…")
        return self.tr("Planning…")

    def change_words(self, x) -> str:
        """What a move changes, in words: 改时间、换讲师 (a new lesson: 新增)."""
        if not x.is_move:
            return self.tr("new")
        changed = [text for differs, text in (
            (x.from_date is not None and (x.from_date, x.from_period) != (x.date, x.period),
             self.tr("new time")),
            (bool(x.from_lecturer_name) and x.from_lecturer_name != x.lecturer_name,
             self.tr("new lecturer")),
            (bool(x.from_venue_name) and x.from_venue_name != x.venue_name,
             self.tr("new venue"))) if differs]
        return self.tr(", ").join(changed) or self.tr("move")

    @staticmethod
    def before_after(x) -> tuple[str, str, str]:
        """Time, lecturer and venue; each "before → after" only where the move changes it."""
        def when(date, period) -> str:
            return f"{date:%Y-%m-%d} {pick(PERIOD_LABELS[period]) if period else ''}".strip()

        def change(before: str, after: str) -> str:
            return f"{before} → {after}" if before and before != after else after

        now = when(x.date, x.period)
        was = when(x.from_date, x.from_period) if x.is_move and x.from_date else ""
        return (change(was, now), change(x.from_lecturer_name if x.is_move else "",
                                         x.lecturer_name),
                change(x.from_venue_name if x.is_move else "", x.venue_name))

    def accept_plan(self) -> None:
        if self.proposal is None:
            return
        self._forget_task()  # accepts the proposal shown, whatever the search finds later
        try:
            self.accepted = accept_proposal(self.uow, self.proposal)
        except TrainerError as exc:
            self.problem.setText(str(exc))
            self.accept_button.setEnabled(False)
            return
        self.accept()

