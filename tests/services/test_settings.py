import pytest

from trainer.errors import ValidationError
from trainer.services import settings


@pytest.fixture
def office(uow, monkeypatch):
    monkeypatch.setitem(settings.DEFAULTS, "test.gap_minutes", 60)
    monkeypatch.setitem(settings.DEFAULTS, "test.weights", {"spread": 1})
    return uow


def test_a_setting_reads_its_default_until_set_then_the_stored_value(office):
    assert settings.get_setting(office, "test.gap_minutes") == 60
    settings.set_setting(office, "test.gap_minutes", 90, force=True)
    settings.set_setting(office, "test.weights", {"spread": 3, "说明": "均衡"}, force=True)
    assert settings.get_setting(office, "test.gap_minutes") == 90
    assert settings.get_setting(office, "test.weights") == {"spread": 3, "说明": "均衡"}
    settings.set_setting(office, "test.gap_minutes", 30, force=True)
    assert settings.get_setting(office, "test.gap_minutes") == 30


def test_unknown_keys_and_wrong_types_are_refused(office):
    with pytest.raises(KeyError):
        settings.get_setting(office, "no.such")
    with pytest.raises(ValidationError):
        settings.set_setting(office, "test.gap_minutes", "ninety", force=True)
    assert settings.get_setting(office, "test.gap_minutes") == 60
