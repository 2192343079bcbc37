"""`trainer schedule online|offline` on SQLite and PostgreSQL: --version carried (exit 1 when
stale), exit 4 when the rules refuse, the lesson list's JSON naming the platform and link."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from tests.scenarios.schedule_scenario import build
from trainer.cli import main
from trainer.services import schedule as sc

D = dt.date
TUE = D(2026, 10, 13)
MEETING = "https://meeting.tencent.com/dm/Xq7bT2"


@pytest.fixture
def world(uow):
    scenario = build(uow)
    return scenario, sc.create_classes(uow, scenario.request_big)


def add(uow, cls, date, period, lecturer, venue):
    return sc.add_lesson(uow, sc.LessonForm(cls.id, date, period, lecturer_id=lecturer,
                                            venue_id=venue))


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_online_and_offline(capsys, monkeypatch, uow, world, db_url):
    monkeypatch.setattr("trainer.texts.current._language", "en")
    s, big = world
    lesson = add(uow, big[0], TUE, "morning", s.wang, s.workshop)
    clash = add(uow, big[1], D(2026, 10, 16), "morning", s.li, s.workshop)
    code, out, err = run(capsys, "schedule", "online", str(lesson.id), "--db", db_url,
                         "--platform", "腾讯会议", "--link", MEETING, "--version",
                         str(lesson.version + 5))
    assert code == 1 and "changed" in err.lower()
    code, out, _ = run(capsys, "schedule", "online", str(lesson.id), "--db", db_url,
                       "--platform", "腾讯会议", "--link", MEETING, "--version",
                       str(lesson.version), "--lang", "zh")
    assert code == 0 and f"线上：腾讯会议 {MEETING}" in out
    code, out, _ = run(capsys, "schedule", "lessons", "--db", db_url, "--format", "json")
    rows = {r["id"]: r for r in json.loads(out)}
    assert rows[lesson.id]["online"] == {"platform": "腾讯会议", "link": MEETING}
    assert rows[clash.id]["online"] is None
    version = rows[lesson.id]["version"]
    # back in a room: 李芳's lesson took 一车间 at that half-day meanwhile, so that room is
    # refused (exit 4, nothing saved); another room is fine
    sc.move_lesson(uow, clash.id, TUE, "morning", expected_version=clash.version)
    code, _out, err = run(capsys, "schedule", "offline", str(lesson.id), "--db", db_url,
                          "--venue", "一车间", "--version", str(version), "--lang", "en")
    assert code == 4 and "Not changed" in err
    code, out, _ = run(capsys, "schedule", "offline", str(lesson.id), "--db", db_url,
                       "--venue", "培训室", "--version", str(version), "--lang", "en")
    assert code == 0 and "赛维公司培训室" in out and "online" not in out
    assert run(capsys, "schedule", "online", str(lesson.id), "--db", db_url,
               "--platform", "钉钉")[0] == 2  # no --version, no --overwrite
