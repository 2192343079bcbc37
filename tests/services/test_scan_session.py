"""Scanner mode kept for a lesson (issue 21): the class's index read once per session, so a
scan costs two statements of its own (the attendance cell read and written) besides the
write's audit trail and change feed; someone another desk enrols meanwhile is still found."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import event

from tests.scenarios.attendance_fixtures import make_class, make_course, make_trainees
from trainer.errors import AttendanceError
from trainer.services import attendance as at
from trainer.services import attendance_marking as mk
from trainer.services import enrolment as en
from trainer.services.uow import UnitOfWork

BOOKKEEPING = ("audit_log", "change_feed", "NOTIFY", "pg_advisory", "FROM users")


def own(statements: list[str]) -> list[str]:
    """The scan's own statements: not the trail, change feed or guard every write pays."""
    return [s for s in statements if not any(word in s for word in BOOKKEEPING)]


@pytest.fixture
def lesson(uow):
    course = make_course(uow)
    cohort, lessons = make_class(uow, course, "QHD-01", start=dt.date(2026, 3, 2))
    people = make_trainees(uow, 12)
    en.enrol_trainees(uow, cohort, people[:10])
    return cohort, lessons[0], people


def test_a_scan_in_a_session_costs_two_statements_of_its_own(uow, lesson):
    cohort, lesson_id, people = lesson
    statements = []
    event.listen(uow.database.engine, "before_cursor_execute",
                 lambda conn, cursor, statement, *a: statements.append(statement))
    session = mk.ScanSession(uow, lesson_id)
    per_scan = []
    for person in people[:10]:
        statements.clear()
        result = session.scan(at.trainee_scan_code(person))
        assert result.outcome == mk.MARKED
        per_scan.append(own(statements))
    assert max(len(s) for s in per_scan) <= 2, per_scan[0]
    assert not any("enrolments" in s for scan in per_scan for s in scan)  # no roster re-read
    statements.clear()
    assert session.scan(at.trainee_scan_code(people[0])).outcome == mk.ALREADY_MARKED
    assert len(own(statements)) == 1  # the cell read; nothing written
    statements.clear()
    single = mk.mark_by_code(uow, lesson_id, at.trainee_scan_code(people[1]))  # the old way
    assert single.outcome == mk.ALREADY_MARKED and len(own(statements)) == 4  # lesson, roster…
    roll = mk.lesson_roll(uow, lesson_id)
    assert roll.count("present") == 10


def test_someone_enrolled_at_another_desk_is_found_by_an_open_session(uow, lesson):
    cohort, lesson_id, people = lesson
    session = mk.ScanSession(uow, lesson_id)
    assert session.scan(at.trainee_scan_code(people[10])).outcome == mk.NOT_ENROLLED
    other_desk = UnitOfWork(uow.database, uow.organization_id)
    en.enrol_trainees(other_desk, cohort, [people[10]])
    result = session.scan(at.trainee_scan_code(people[10]))
    assert (result.outcome, result.trainee.trainee_id) == (mk.MARKED, people[10])
    assert session.scan(at.trainee_scan_code(people[11])).outcome == mk.NOT_ENROLLED
    assert session.scan("T9999999").outcome == mk.UNKNOWN


def test_a_session_is_refused_for_a_cancelled_lesson(uow, lesson):
    from tests.scenarios.attendance_fixtures import set_lesson_status

    _cohort, lesson_id, _people = lesson
    set_lesson_status(uow, lesson_id, "cancelled")
    with pytest.raises(AttendanceError):
        mk.ScanSession(uow, lesson_id)
