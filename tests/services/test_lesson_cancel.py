"""A cancelled lesson planned again (the calendar's undo of a cancellation): judged by the
conflict rules like a move, with the version the person saw."""
from __future__ import annotations

import datetime as dt

import pytest

from tests.scenarios.schedule_scenario import build
from trainer.errors import ConflictError, StaleEditError
from trainer.services import schedule as sc

D = dt.date


def test_a_cancelled_lesson_comes_back_unless_its_time_was_taken(uow):
    world = build(uow)
    big = sc.create_classes(uow, world.request_big)
    a = sc.add_lesson(uow, sc.LessonForm(big[0].id, D(2026, 10, 13), "morning",
                                         lecturer_id=world.wang, venue_id=world.workshop))
    cancelled = sc.cancel_lesson(uow, a.id, a.version)
    with pytest.raises(StaleEditError):
        sc.restore_lesson(uow, a.id, a.version)
    back = sc.restore_lesson(uow, a.id, cancelled.version)
    assert back.status == "planned" and back.version == cancelled.version + 1
    assert a.id in {x.id for x in sc.list_lessons(uow)}

    again = sc.cancel_lesson(uow, a.id, back.version)
    sc.add_lesson(uow, sc.LessonForm(big[1].id, D(2026, 10, 13), "morning",
                                     lecturer_id=world.wang, venue_id=world.saiwei_room),
                  allow_conflicts=True)  # (a class in another enterprise's room: allowed here)
    with pytest.raises(ConflictError):  # 王建国 teaches another class at that time now
        sc.restore_lesson(uow, a.id, again.version)
    assert sc.get_lesson(uow, a.id).status == "cancelled"  # nothing changed
