"""The State Council's notice on the command line and in the services (SQLite and PostgreSQL):
--dry-run prints each day and saves nothing; an unreadable notice exits 2 naming its line and
saves nothing; saving confirms the year, lists the lesson now on a day off (exit 4), `check`
exits 4 on it, `replan --days-off` moves that lesson alone; a stale preview is refused."""
import datetime as dt
import io
import sys

import pytest

from tests.notices.official import EXAMPLE_2027, official_notice
from tests.notices.scenario import BRIDGE_DAY, LATER, february_2027_lessons
from trainer.cli import main
from trainer.errors import StaleEditError
from trainer.io.holiday_notice import parse_notice
from trainer.services import schedule
from trainer.services.holiday_notices import lessons_on_days_off, preview_notice, save_notice
from trainer.services.schedule_calendar import (calendar_days, list_overrides, provisional_years,
                                                set_override)

D = dt.date


@pytest.fixture(autouse=True)
def _english(monkeypatch):
    monkeypatch.setattr("trainer.texts.current._language", "en")


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_notice_on_the_command_line(uow, db_url, capsys, tmp_path, monkeypatch):
    lessons = february_2027_lessons(uow)
    path = tmp_path / "2027年部分节假日安排的通知.txt"
    path.write_text(EXAMPLE_2027, encoding="utf-8")
    code, out, _ = run(capsys, "schedule", "holiday", "notice", str(path), "--dry-run",
                       "--db", db_url)
    assert code == 0 and out.splitlines()[:4] == [
        "2027-01-01 holiday 元旦", "2027-01-02 holiday 元旦", "2027-01-03 holiday 元旦",
        "2027-02-05 holiday 春节"]
    assert "2027-02-14 working 春节" in out.splitlines() and list_overrides(uow) == []

    bad = EXAMPLE_2027.replace("6月9日（周三）", "6月31日（周三）").replace("10月9日（周六）",
                                                                       "10月9日（周日）")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(bad.encode("gb18030"))))
    code, _, err = run(capsys, "schedule", "holiday", "notice", "-", "--db", db_url)
    assert code == 2 and "line 10 “五、端午节" in err and "“6月31日” is not a valid date" in err
    assert "line 12 “七、国庆节" in err and "2027-10-09 is a Saturday, the notice says 周日" in err
    assert list_overrides(uow) == []  # nothing saved

    code, out, _ = run(capsys, "schedule", "check", "--from", "2027-02-01", "--to", "2027-02-28",
                       "--db", db_url)
    assert code == 0 and "WARNING: holidays of 2027 are provisional" in out
    code, out, _ = run(capsys, "schedule", "holiday", "notice", str(path), "--db", db_url)
    assert code == 4
    assert "saved 34 days; the holidays of 2027 are confirmed by the notice" in out
    assert "1 lesson(s) now fall on a day off" in out and "2027-02-10" in out
    assert {o.notice_year for o in list_overrides(uow)} == {2027}
    assert provisional_years(uow, D(2027, 1, 1), D(2028, 1, 1)) == (2028,)
    code, out, _ = run(capsys, "schedule", "check", "--from", "2027-02-01", "--to", "2027-02-28",
                       "--db", db_url)
    assert code == 4 and "WARNING" not in out and "(Spring Festival), not a working day" in out
    code, out, _ = run(capsys, "schedule", "replan", "--days-off", "--from", "2027-02-01",
                       "--to", "2027-02-28", "--time-limit", "1", "--db", db_url)
    assert code == 0 and "moved 1" in out
    moved = schedule.get_lesson(uow, lessons[0].id)
    assert moved.date != BRIDGE_DAY and calendar_days(uow, moved.date, moved.date)[0].working
    assert schedule.get_lesson(uow, lessons[1].id).date == LATER
    assert lessons_on_days_off(uow, D(2027, 1, 1), D(2027, 12, 31)) == []


def test_saving_again_replaces_and_a_stale_preview_is_refused(uow):
    notice = parse_notice(EXAMPLE_2027)
    assert save_notice(uow, preview_notice(uow, notice)) == 34
    shorter = parse_notice(EXAMPLE_2027.replace("至13日（农历正月初八、周六）放假调休，共9天",
                                                "至12日（农历正月初七、周五）放假调休，共8天"))
    preview = preview_notice(uow, shorter)
    assert preview.replaced == 1 and len(preview.seen) == 34  # 13 February goes
    assert save_notice(uow, preview) == 33  # 13 February is an ordinary Saturday again
    assert D(2027, 2, 13) not in {o.date for o in list_overrides(uow)}
    preview = preview_notice(uow, notice)
    set_override(uow, D(2027, 2, 13), False, "厂休")  # someone else, meanwhile
    with pytest.raises(StaleEditError):
        save_notice(uow, preview)
    assert len(list_overrides(uow)) == 34 and D(2027, 2, 12) in {o.date for o in list_overrides(uow)}


def test_a_notice_of_a_known_year_saved_changes_nothing(uow):
    """2026 read from its notice: every day as chinesecalendar had it."""
    before = calendar_days(uow, D(2025, 12, 1), D(2026, 12, 31))
    save_notice(uow, preview_notice(uow, parse_notice(official_notice(2026))))
    after = calendar_days(uow, D(2025, 12, 1), D(2026, 12, 31))
    assert [d.working for d in before] == [d.working for d in after]
