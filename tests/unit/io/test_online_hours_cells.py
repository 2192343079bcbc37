"""Study time as learning platforms write it: the unit from the header (学习时长（分钟）,
时长(小时), 学时) or from the cell (90分钟, 1.5小时, 1小时30分, 01:30:00, a time or duration cell),
and the sentences for what cannot be read."""
import datetime as dt

import pytest

from trainer.errors import ValidationError
from trainer.io.online_hours import HOURS, MINUTES, SECONDS, header_unit, parse_minutes


@pytest.mark.parametrize("header, unit", [
    ("学习时长（分钟）", MINUTES), ("参会时长(分钟)", MINUTES), ("观看时长(min)", MINUTES),
    ("时长(小时)", HOURS), ("学时", HOURS), ("获得学时", HOURS), ("Duration (h)", HOURS),
    ("直播观看时长(秒)", SECONDS), ("学习时长", None), ("累计学习时长", None)])
def test_unit_from_the_header(header, unit):
    assert header_unit(header) == unit


@pytest.mark.parametrize("cell, unit, minutes", [
    (90, MINUTES, 90), (90.0, MINUTES, 90), (1.5, HOURS, 90), ("1.5", HOURS, 90),
    (5400, SECONDS, 90), ("90分钟", None, 90), ("1.5小时", None, 90), ("1小时30分", None, 90),
    ("1小时30分钟", None, 90), ("1时30分", None, 90), ("2时5分10秒", None, 125),
    ("45分30秒", None, 45), ("01:30:00", None, 90), ("1:30", None, 90), ("126:05:00", None, 7565),
    ("1h30m", None, 90), ("8学时", None, 480), ("１小时３０分", None, 90),  # full-width digits
    (dt.time(1, 30), None, 90), (dt.timedelta(days=1, seconds=7500), None, 1565),
    ("", None, 0), ("--", None, 0), ("未学习", None, 0), (0, MINUTES, 0)])
def test_study_time_in_minutes(cell, unit, minutes):
    assert parse_minutes(cell, unit, "学习时长") == minutes


def test_a_bare_number_without_a_unit_is_refused_not_guessed():
    with pytest.raises(ValidationError) as err:
        parse_minutes(90, None, "学习时长")
    assert err.value.message("zh") == "学习时长“90”没有单位，列名“学习时长”也没写明（小时）还是（分钟）"
    with pytest.raises(ValidationError) as err:
        parse_minutes("一个半小时", None, "学习时长")
    assert "无法识别" in err.value.message("zh") and "cannot be read" in err.value.message("en")
    with pytest.raises(ValidationError) as err:
        parse_minutes(-5, MINUTES, "学习时长（分钟）")
    assert err.value.reason == "duration_range"
