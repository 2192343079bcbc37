"""The planner's dialog while CP-SAT improves in the background (issue 21): the greedy proposal
is shown at once, better ones replace it as the search finds them, and Accept — available all
along — accepts the proposal shown and stops the search.

The planner here is the real one (greedy + CP-SAT on a generated hard quarter, where greedy
stays below the bound), run by the dialog's worker; only the step from a Plan to a database
Proposal is stood in for, so that the test needs no requests in a database."""
from __future__ import annotations

import datetime as dt
import threading

from PySide6.QtCore import Qt

from trainer.scheduling.hard_instances import generate_hard
from trainer.scheduling.instances import InstanceSize
from trainer.scheduling.planner import SolveOptions, solve
from trainer.scheduling.proposal import Proposal, ProposedLesson

DAY = dt.date(2027, 3, 1)


def _proposal(plan) -> Proposal:
    lesson = ProposedLesson("k", "c", 1, "新钢安全生产1班", 1, DAY, "morning", dt.time(8, 30),
                            dt.time(10, 30), 7, "李四", 3, "炼钢车间")
    return Proposal(DAY, DAY, (), (lesson,), (), 90, plan.placed_count, plan.method,
                    plan.status, plan.seconds, "fp", plan=plan)


def test_improvements_arrive_while_open_and_accept_takes_the_plan_shown(qtbot, uow,
                                                                          monkeypatch):
    import ui.dialogs.plan_dialog as plan_dialog

    ended = threading.Event()
    looked = threading.Event()  # the test has seen the greedy proposal: improvements may come
    finals = []

    def hand_out(interim):
        if interim.method != "greedy":
            looked.wait(60)  # else a fast search's first improvement may overtake the greedy plan
        deliver_to_dialog[0](_proposal(interim))

    deliver_to_dialog = []

    def propose_plan(_uow, _start, _end, *, progress, cancel, deliver):
        problem = generate_hard(InstanceSize("hard", 12, 3, 90), seed=4, weeks=6)
        deliver_to_dialog.append(deliver)
        try:
            plan = solve(problem, SolveOptions(time_limit=60.0, step=0.05), progress, cancel,
                         on_plan=hand_out)
            finals.append(plan)
            return _proposal(plan)
        finally:
            ended.set()

    accepted = []
    monkeypatch.setattr(plan_dialog, "propose_plan", propose_plan)
    monkeypatch.setattr(plan_dialog, "accept_proposal",
                        lambda _uow, proposal: accepted.append(proposal) or "done")
    dialog = plan_dialog.PlanDialog(None, uow, DAY, DAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.propose_button, Qt.MouseButton.LeftButton)
    try:
        _accept_while_improving(qtbot, dialog, looked, ended, accepted, finals)
    finally:  # never leave a search running into the next test
        looked.set()
        dialog.reject()
        assert ended.wait(30)


def _accept_while_improving(qtbot, dialog, looked, ended, accepted, finals):
    # back from the click: the greedy proposal is shown, the search goes on
    first = dialog.proposal
    assert first is not None and first.method == "greedy" and first.status == "searching"
    assert dialog.method.text() == "greedy plan; CP-SAT is looking for a better one…"
    assert dialog.accept_button.isEnabled() and dialog.stop_button.isVisible()
    assert not dialog.propose_button.isEnabled() and not ended.is_set()
    looked.set()
    # a better proposal arrives while the dialog is open
    qtbot.waitUntil(lambda: dialog.proposal.method == "greedy+cp-sat", timeout=60000)
    shown = dialog.proposal
    assert shown.placed > first.placed and "still improving" in dialog.method.text()
    assert dialog.summary.text().startswith(f"Placed {shown.placed} of 90 lessons")
    assert not ended.is_set()  # the search still runs (60 s budget)
    qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
    assert accepted == [shown] and dialog.result() == dialog.DialogCode.Accepted
    assert ended.wait(10)  # Accept stopped the search within seconds
    assert finals[0].status == "cancelled"


def test_stop_keeps_the_best_proposal_and_says_so(qtbot, uow, monkeypatch):
    import ui.dialogs.plan_dialog as plan_dialog

    def propose_plan(_uow, _start, _end, *, progress, cancel, deliver):
        problem = generate_hard(InstanceSize("hard", 12, 3, 90), seed=4, weeks=6)
        return _proposal(solve(problem, SolveOptions(time_limit=60.0, step=0.05), progress,
                               cancel, on_plan=lambda interim: deliver(_proposal(interim))))

    monkeypatch.setattr(plan_dialog, "propose_plan", propose_plan)
    dialog = plan_dialog.PlanDialog(None, uow, DAY, DAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.propose_button, Qt.MouseButton.LeftButton)
    assert dialog.stop_button.isVisible()
    qtbot.mouseClick(dialog.stop_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.task is None, timeout=20000)
    assert dialog.proposal.status == "cancelled" and dialog.method.text().endswith("(cancelled)")
    assert not dialog.stop_button.isVisible() and dialog.propose_button.isEnabled()
    assert dialog.accept_button.isEnabled()
