"""The banner after the calendar changed: the lessons that now fall on a day off, and a
"Re-plan these" button (the schedule page opens the planner on just those lessons)."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from trainer.texts import pick
from trainer.rules.calendar import PERIOD_LABELS, describe_date

SHOWN = 6  # lessons listed before "… and n more"


class DaysOffBanner(QFrame):
    replan_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("daysOffBanner")
        self.setStyleSheet("#daysOffBanner { background: #fde2e1; border: 1px solid #e57373; }")
        self.text = QLabel(self)
        self.text.setObjectName("daysOffText")
        self.text.setWordWrap(True)
        self.replan = QPushButton(self.tr("Re-plan these"), self)
        self.replan.setObjectName("replanDaysOff")
        self.replan.clicked.connect(self.replan_requested)
        close = QPushButton(self.tr("Hide"), self)
        close.setObjectName("hideDaysOff")
        close.clicked.connect(self.hide)
        buttons = QVBoxLayout()
        buttons.addWidget(self.replan)
        buttons.addWidget(close)
        buttons.addStretch(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(self.text, 1)
        row.addLayout(buttons)
        self.lessons: list = []
        self.hide()

    def show_lessons(self, lessons: list) -> None:
        """LessonRecords on days off; hidden when there are none."""
        self.lessons = list(lessons)
        if not lessons:
            self.hide()
            return
        lines = [self.tr("Now on a day off: %n lesson(s)", "", len(lessons))]
        for x in lessons[:SHOWN]:
            period = pick(PERIOD_LABELS[x.period]) if x.period in PERIOD_LABELS else ""
            lines.append(f"· {describe_date(x.date)} {period}  {x.class_name} "
                         f"{x.sequence}/{x.lesson_count}  {x.lecturer_name}")
        if len(lessons) > SHOWN:
            lines.append(self.tr("… and %n more", "", len(lessons) - SHOWN))
        self.text.setText("\n".join(lines))
        self.show()
