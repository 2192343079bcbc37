"""December 2026, as the issue found it: the demo's next quarter (2027-01-01 … 03-31) planned
from the command line. The year is provisional: the warning is printed, no lesson lands on a
statutory day by law (春节 5–8 February), and the weekend-only requests — which allow ordinary
weekends — are placed on Saturdays and Sundays; no other request's lesson is. SQLite only:
the planner's own tests cover PostgreSQL."""
import datetime as dt
import json

import pytest

from trainer.cli import main
from trainer.db.migrate import open_database
from trainer.rules.statutory import statutory_days
from trainer.services import demo, requests
from trainer.services.uow import UnitOfWork

START, END = dt.date(2027, 1, 1), dt.date(2027, 3, 31)


@pytest.fixture(autouse=True)
def _english(monkeypatch):
    monkeypatch.setattr("trainer.texts.current._language", "en")


def test_demo_quarter_2027(sqlite_url, capsys):
    db = open_database(sqlite_url)
    uow = UnitOfWork(db)
    demo.load_demo(uow, start=START)
    weekend_requests = {r.id for r in requests.list_requests(uow) if r.allow_weekends}
    assert weekend_requests and all(
        set(r.weekdays) & {"6", "7"} for r in requests.list_requests(uow) if r.allow_weekends)
    code = main(["schedule", "plan", "--from", "2027-01-01", "--to", "2027-03-31",
                 "--time-limit", "0.5", "--db", sqlite_url])
    out = capsys.readouterr().out
    assert code == 0
    assert out.startswith("WARNING: holidays of 2027 are provisional: computed from the "
                          "statutory holidays")
    placed = out.splitlines()[1]
    assert placed.startswith("placed ") and ", unplaced 0 " in placed
    assert main(["schedule", "lessons", "--from", "2027-01-01", "--to", "2027-03-31",
                 "--format", "json", "--db", sqlite_url]) == 0
    lessons = json.loads(capsys.readouterr().out)
    law = statutory_days(2027)
    assert [x for x in lessons if dt.date.fromisoformat(x["date"]) in law] == []
    from trainer.services.schedule import list_lessons
    from trainer.services.schedule_data import load_classes
    with uow:
        request_of = {c.id: c.request_id for c in load_classes(uow.session,
                                                                uow.organization_id).values()}
    on_weekends = [x for x in list_lessons(uow, START, END, with_conflicts=False)
                   if x.date.isoweekday() >= 6]
    assert on_weekends and all(request_of[x.class_id] in weekend_requests for x in on_weekends)
    code = main(["schedule", "check", "--from", "2027-01-01", "--to", "2027-03-31",
                 "--db", sqlite_url])
    out = capsys.readouterr().out
    assert code == 0 and "WARNING: holidays of 2027 are provisional" in out
    db.dispose()
