"""Issue 20, finding 3, as the attack: a viewer reads a masked ID number (3605**********3390)
and everything the app shows beside it, builds the ID numbers that pass the checksum, and asks
every question the app answers (search box, paged list, counts, look-up by ID, 一人一档 by ID,
enrolment look-up, scanner, a dry-run import) to see which one exists; the same for a mobile.
Now nothing shows the birth date beside the mask, and every answer is the same for the real
number and for the guesses: the candidates are not narrowed. A clerk (who may reveal) still
finds the person by the full number — nothing lost."""
from __future__ import annotations

import datetime as dt
import itertools
import re

import pytest

from tests.scenarios.pdf_scenario import make_class
from tests.scenarios.trust_fixtures import make_staff
from tests.pdf_reading import text as pdf_text
from trainer.errors import PermissionDenied
from trainer.io.importing import preview_import
from trainer.pdf.archives import build_trainee_record
from trainer.rules.id_number import check_character, mask_id_number
from trainer.rules.phone import mask_mobile
from trainer.services import trainees
from trainer.services.attendance_marking import mark_by_code
from trainer.services.trainee_lookup import lookup_trainees

BIRTH = dt.date(1990, 1, 1)
REAL_ID = "3605021990010133" + "9"
REAL_ID += check_character(REAL_ID)
REAL_MOBILE = "13979012345"


def _candidates(masked: str, birth: dt.date) -> list[str]:
    """What the attack builds from the mask and the birth date: every region code 3605xx with
    that birth date, the visible sequence digits and a valid checksum."""
    prefix, tail = masked[:4], masked[-4:]
    found = []
    for xx in range(100):
        first17 = f"{prefix}{xx:02d}{birth:%Y%m%d}{tail[:3]}"
        if check_character(first17) == tail[3]:
            found.append(first17 + tail[3])
    return found


def _answers(who, number: str, cohort_id: int, lesson_id: int, roster) -> tuple:
    """Every answer the app gives to a question about `number`, as comparable values."""
    def outcome(call):
        try:
            result = call()
        except PermissionDenied as refused:
            return ("refused", refused.action)
        return ("answered", repr(result))

    roster.write_text(f"姓名,身份证号\n试探,{number}\n", encoding="utf-8")
    return (
        outcome(lambda: [r.id for r in trainees.list_trainees(who, number)]),
        outcome(lambda: trainees.count_trainees(who, number)),
        outcome(lambda: [r.id for r in trainees.page_trainees(who, number).records]),
        outcome(lambda: trainees.count_trainees_capped(who, number).count),
        outcome(lambda: trainees.find_trainee_by_id_number(who, number)),
        outcome(lambda: build_trainee_record(who, number, roster.with_suffix(".pdf")).pages),
        outcome(lambda: [r.id for r in lookup_trainees(who, number)]),
        outcome(lambda: mark_by_code(who, lesson_id, number).outcome),
        outcome(lambda: [d.row for d in preview_import(who, "trainees", roster).duplicates]),
    )


@pytest.fixture
def office(uow):
    scenario = make_class(uow, trainees=6, lessons=2)
    person = trainees.get_trainee(uow, scenario.trainee_ids[0])
    trainees.update_trainee(uow, person.id, trainees.TraineeForm(
        person.name, REAL_ID, mobile=REAL_MOBILE, enterprise_id=person.enterprise_id),
        person.version)
    staff = make_staff(uow.database)
    return scenario, person.id, staff


def test_the_enumeration_attack_does_not_narrow_the_id_number(office, tmp_path):
    scenario, person_id, staff = office
    viewer = staff.uow(staff.viewer)
    shown = trainees.get_trainee(viewer, person_id)
    masked = mask_id_number(shown.id_number)
    assert masked == "3605**********" + REAL_ID[-4:]  # the last four stay visible
    # what a viewer may print beside the mask: the 一人一档 by the trainee's number in the list
    record_pdf = tmp_path / "record.pdf"
    build_trainee_record(viewer, str(person_id), record_pdf)
    printed = pdf_text(record_pdf)
    assert masked in printed and REAL_ID not in printed
    assert "1990-01-01" not in printed and not re.search(r"\d{4}-\d{2}-\d{2}\s*手机", printed)
    # even with the birth date from elsewhere, the guesses stay guesses
    guesses = _candidates(masked, BIRTH)
    assert REAL_ID in guesses and len(guesses) >= 5
    roster = tmp_path / "probe.csv"
    answers = {number: _answers(viewer, number, scenario.cohort_id, scenario.lesson_ids[0],
                                roster) for number in guesses}
    assert len(set(answers.values())) == 1, answers  # nothing tells the real number apart
    # and searching by the visible tail still works for the viewer (nothing lost)
    assert person_id in [r.id for r in trainees.list_trainees(viewer, REAL_ID[-4:])]
    assert person_id in [r.id for r in trainees.page_trainees(viewer, REAL_ID[-4:]).records]


def test_the_enumeration_attack_does_not_narrow_the_mobile(office, tmp_path):
    scenario, person_id, staff = office
    viewer = staff.uow(staff.viewer)
    masked = mask_mobile(trainees.get_trainee(viewer, person_id).mobile)
    assert masked == "139****2345"
    middles = [f"{n:04d}" for n in itertools.chain(range(0, 9000, 631), [7901])]
    guesses = [masked[:3] + m + masked[-4:] for m in middles]
    assert REAL_MOBILE in guesses
    roster = tmp_path / "probe.csv"
    answers = {g: _answers(viewer, g, scenario.cohort_id, scenario.lesson_ids[0], roster)
               for g in guesses}
    assert len(set(answers.values())) == 1, answers
    for part in (REAL_MOBILE[:7], REAL_MOBILE[3:9], REAL_ID[:10], REAL_ID[6:14]):
        assert trainees.list_trainees(viewer, part) == []  # no digits beyond the mask match
        assert trainees.page_trainees(viewer, part).records == ()


def test_a_role_that_may_reveal_still_finds_by_full_number(office, tmp_path):
    scenario, person_id, staff = office
    clerk = staff.uow(staff.clerk)
    assert [r.id for r in trainees.list_trainees(clerk, REAL_ID)] == [person_id]
    assert [r.id for r in trainees.page_trainees(clerk, REAL_ID).records] == [person_id]
    assert [r.id for r in trainees.list_trainees(clerk, REAL_MOBILE)] == [person_id]
    assert trainees.find_trainee_by_id_number(clerk, REAL_ID).id == person_id
    assert [r.id for r in lookup_trainees(clerk, REAL_ID)] == [person_id]
    build_trainee_record(clerk, REAL_ID, tmp_path / "r.pdf", reveal=True)
    assert "1990-01-01" in pdf_text(tmp_path / "r.pdf")  # revealed: the birth date too
