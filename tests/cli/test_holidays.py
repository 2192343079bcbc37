"""`trainer schedule holiday …`: the office enters a year chinesecalendar does not know yet, and
the conflict check and the calendar follow it (SQLite and PostgreSQL)."""
from __future__ import annotations

import datetime as dt

import pytest

from trainer.cli import main
from trainer.services.schedule_calendar import calendar_days, list_overrides

D = dt.date


@pytest.fixture(autouse=True)
def _english(monkeypatch):
    monkeypatch.setattr("trainer.texts.current._language", "en")


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_holidays_of_an_unknown_year(uow, db_url, capsys):
    assert run(capsys, "schedule", "holiday", "set", "2031-02-01", "2031-02-07", "--name", "春节",
               "--db", db_url)[0] == 0
    assert run(capsys, "schedule", "holiday", "set", "2031-02-08", "--working", "--name",
               "春节调休上班", "--db", db_url)[0] == 0
    code, out, _ = run(capsys, "schedule", "holiday", "list", "--year", "2031", "--db", db_url)
    assert code == 0 and out.splitlines()[0] == "2031-02-01  holiday  春节"
    assert out.splitlines()[-1] == "2031-02-08  working day  春节调休上班"
    days = {d.date: d for d in calendar_days(uow, D(2031, 2, 3), D(2031, 2, 8))}
    assert not days[D(2031, 2, 3)].working and days[D(2031, 2, 3)].name("zh") == "春节"
    assert days[D(2031, 2, 8)].working  # a Saturday worked
    assert run(capsys, "schedule", "holiday", "delete", "2031-02-07", "--db", db_url)[0] == 0
    assert [o.date for o in list_overrides(uow)][-2:] == [D(2031, 2, 6), D(2031, 2, 8)]
    code, _, err = run(capsys, "schedule", "holiday", "set", "2031-02-09", "2031-02-01",
                       "--db", db_url)
    assert code == 2 and "TO is before FROM" in err
    code, _, err = run(capsys, "schedule", "holiday", "delete", "2031-03-01", "--db", db_url)
    assert code == 2  # nothing to delete: said, exit 2
