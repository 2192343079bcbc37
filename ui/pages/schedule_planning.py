"""The schedule's planning tools: plan automatically, re-plan for an absent lecturer or for
lessons now on a day off (the banner), and the holidays of a year. A mixin of SchedulePage (it
uses the page's `uow`, `anchor`, `days_off` banner, `undo_stack`, `shown_range` and `refresh`)."""
from __future__ import annotations

import datetime as dt


class SchedulePlanning:
    def plan(self, replan: bool = False, days_off: bool = False) -> None:
        from ui.dialogs.plan_dialog import PlanDialog  # OR-Tools loads on first use only

        start = max(self.shown_range()[0], dt.date.today())
        end = start + dt.timedelta(days=7 if replan else 90)
        if days_off and self.days_off.lessons:
            start = max(dt.date.today(), min(x.date for x in self.days_off.lessons))
            end = max(start, max(x.date for x in self.days_off.lessons))
        dialog = PlanDialog(self, self.uow, start, end, replan=replan, days_off=days_off)
        dialog.exec()
        accepted = dialog.accepted
        dialog.deleteLater()
        if accepted is not None:
            self.undo_stack.clear()  # earlier moves were judged against the old schedule
            if days_off:
                self.show_days_off()
            self.refresh()

    def edit_holidays(self) -> None:
        from ui.dialogs.holidays_dialog import HolidaysDialog

        changed, replan = HolidaysDialog.ask(self, self.uow, self.anchor.year)
        if changed:
            self.show_days_off()
            self.refresh()
        if replan:
            self.replan_days_off()

    def show_days_off(self) -> None:
        """The banner: lessons from today on that now fall on a day off."""
        from trainer.services.holiday_notices import lessons_on_days_off
        today = dt.date.today()
        self.days_off.show_lessons(lessons_on_days_off(self.uow, today,
                                                       today + dt.timedelta(days=731)))

    def replan_days_off(self) -> None:
        self.plan(days_off=True)
