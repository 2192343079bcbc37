"""A version on every write of a setting (issue 15): two desks — two engines on one SQLite file,
two connections to one PostgreSQL database. Desk B saves a setting it showed before desk A
changed it: refused with the sentence (who changed it, when), A's value kept; B's save with the
version it now sees is accepted. Values made once (the office UUID) never overwrite a stored one."""
from __future__ import annotations

import dataclasses

import pytest

from tests.scenarios.pdf_scenario import seal_png
from tests.services.test_versioned_writes import _assert_the_sentence, two_desks  # noqa: F401
from trainer.errors import StaleEditError
from trainer.io.ics import office_uuid
from trainer.pdf.certificate_template import (BUILT_IN, load_template, save_template,
                                              seal_version, set_seal, templates_version)
from trainer.pdf.fonts import document_font_version, set_document_font
from trainer.services.settings import get_setting, read_setting, set_setting



@pytest.mark.parametrize("stored_first", [False, True], ids=["not-yet-stored", "stored"])
def test_a_stale_setting_is_refused_and_the_fresh_one_accepted(two_desks, stored_first):
    desk_a, desk_b = two_desks
    key = "schedule.travel_gap_minutes"
    if stored_first:
        set_setting(desk_a, key, 45, read_setting(desk_a, key)[1])
    (_, shown_a), (_, shown_b) = read_setting(desk_a, key), read_setting(desk_b, key)
    assert shown_a == shown_b == (1 if stored_first else 0)
    set_setting(desk_a, key, 90, shown_a)
    with pytest.raises(StaleEditError) as info:
        set_setting(desk_b, key, 30, shown_b)
    _assert_the_sentence(info.value)
    assert read_setting(desk_b, key) == (90, shown_a + 1)  # desk A's value kept
    with pytest.raises(TypeError):  # no version is not "do not check"
        set_setting(desk_b, key, 30)
    set_setting(desk_b, key, 30, shown_a + 1)
    assert read_setting(desk_a, key) == (30, shown_a + 2)


def test_a_stale_certificate_template_and_seal_are_refused(two_desks):
    desk_a, desk_b = two_desks
    shown_a, shown_b = templates_version(desk_a), templates_version(desk_b)
    save_template(desk_a, dataclasses.replace(BUILT_IN["completion"], body="{name}同志：甲"),
                  shown_a)
    with pytest.raises(StaleEditError) as info:
        save_template(desk_b, dataclasses.replace(BUILT_IN["completion"], body="{name}同志：乙"),
                      shown_b)
    _assert_the_sentence(info.value)
    assert load_template(desk_b, "completion").body == "{name}同志：甲"
    save_template(desk_b, dataclasses.replace(BUILT_IN["completion"], body="{name}同志：乙"),
                  templates_version(desk_b))
    assert load_template(desk_a, "completion").body == "{name}同志：乙"

    seal_a, seal_b = seal_version(desk_a), seal_version(desk_b)
    set_seal(desk_a, seal_png(), seal_a)
    with pytest.raises(StaleEditError):
        set_seal(desk_b, None, seal_b)  # B removing the seal it saw A had not yet chosen
    assert get_setting(desk_b, "certificate.seal_png")  # A's seal kept
    set_seal(desk_b, None, seal_version(desk_b))
    assert get_setting(desk_a, "certificate.seal_png") == ""


def test_a_stale_font_choice_is_refused_and_leaves_both_keys(two_desks):
    desk_a, desk_b = two_desks
    shown_b = document_font_version(desk_b, "body")
    set_document_font(desk_a, "", 0, role="body", expected_version=document_font_version(desk_a))
    with pytest.raises(StaleEditError):
        set_document_font(desk_b, "", 1, role="body", expected_version=shown_b)
    assert get_setting(desk_b, "pdf.font_index") == 0  # neither key of B's choice written
    set_document_font(desk_b, "", 1, role="body", expected_version=document_font_version(desk_b))
    assert get_setting(desk_a, "pdf.font_index") == 1


def test_the_office_uuid_is_made_once_and_never_overwritten(two_desks):
    desk_a, desk_b = two_desks
    made = office_uuid(desk_b)  # the administrator's desk (an officer may not create settings)
    assert office_uuid(desk_a) == made == office_uuid(desk_b)
    with pytest.raises(StaleEditError):  # "must not exist yet": another desk's is kept
        set_setting(desk_b, "office.uuid", "another", 0)
    assert get_setting(desk_a, "office.uuid") == made
