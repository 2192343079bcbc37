"""Bulk enrolment (a whole choice checked at once, one summary, one transaction), list files of
ID numbers and names, who may join a class, and finding a trainee by name / initials / ID tail.
Core only (no Qt); each test on SQLite and PostgreSQL."""
from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from tests.scenarios.attendance_fixtures import (id_number, make_class, make_course,
                                                   make_enterprise, make_trainees)
from trainer.errors import EnrolmentError, InvalidInput, StaleEditError
from trainer.io.person_lists import read_person_list
from trainer.services import bulk_enrolment as bulk
from trainer.services import enrolment as en
from trainer.services.schedule_classes import get_class
from trainer.services.class_eligibility import set_class_eligibility
from trainer.services.programmes import parse_categories
from trainer.services.trainee_lookup import find_trainee, lookup_trainees
from trainer.services.trainees import TraineeForm, create_trainee, get_trainee

D = dt.date


@pytest.fixture
def course(uow):
    return make_course(uow)


def _person(uow, name, serial, category="laid_off", enterprise_id=None) -> int:
    return create_trainee(uow, TraineeForm(name, id_number(serial), "F", category=category,
                                           enterprise_id=enterprise_id)).id


def test_the_whole_choice_is_checked_with_one_summary_then_enrolled_at_once(uow, course):
    cohort, _ = make_class(uow, course, "OPEN", open_enrolment=True, capacity=4,
                           categories="laid_off,in_difficulty")
    inside = make_trainees(uow, 1)[0]
    en.enrol_trainees(uow, cohort, [inside])
    ok = make_trainees(uow, 4, first=10)
    regular = make_trainees(uow, 2, first=20, category="regular")
    choice = [inside, ok[0], regular[0], ok[1], ok[2], ok[3], regular[1], 999_999]
    check = bulk.check_bulk(uow, cohort, choice)
    assert [p.trainee_id for p in check.enrolled] == ok[:3]  # three free places, in order
    assert [(r.trainee_id, r.reason) for r in check.refused] == [
        (regular[0], "not_eligible"), (ok[3], "class_full"), (regular[1], "not_eligible"),
        (999_999, "unknown_trainee")]
    assert [p.trainee_id for p in check.already] == [inside]
    assert not check.written and get_class(uow, cohort).enrolled == 1  # nothing written
    summary = check.summary("zh")
    assert "可报名 3 人，未报名 5 人（其中已在班 1 人），剩余名额 0 个。" in summary
    reasons = "\n".join(check.reasons("zh"))
    assert "班级已满：4 个名额，本次报名 3 人后已无空位" in reasons
    assert "人员类别“在岗职工”不在本班招收范围（下岗失业人员、困难职工）内" in reasons
    assert "已在本班" in reasons
    assert "class full: 4 places, none left after the 3 enrolled now" in "\n".join(
        check.reasons("en"))
    done = bulk.enrol_bulk(uow, cohort, choice, enrolled_on=D(2026, 3, 2))
    assert done.written and [p.trainee_id for p in done.enrolled] == ok[:3]
    assert "已报名 3 人" in done.summary("zh")
    assert get_class(uow, cohort).enrolled == 4
    again = bulk.enrol_bulk(uow, cohort, ok)
    assert again.enrolled == () and {r.reason for r in again.refused} == {"class_full"}


def test_a_cancelled_bulk_enrolment_writes_nothing(uow, course):
    cohort, _ = make_class(uow, course, "BIG", open_enrolment=True, capacity=1200)
    people = make_trainees(uow, 30)

    def stop(done, total):  # the last report comes after the rows are written
        if done == total:
            raise KeyboardInterrupt("cancelled")

    with pytest.raises(KeyboardInterrupt):
        bulk.enrol_bulk(uow, cohort, people, progress=stop)
    assert get_class(uow, cohort).enrolled == 0
    with pytest.raises(EnrolmentError):
        bulk.check_bulk(uow, make_class(uow, course, "X", status="cancelled")[0], people)


def test_whole_roster_and_all_matching_a_search(uow, course):
    steel = make_enterprise(uow, "秦皇岛钢铁")
    glass = make_enterprise(uow, "秦皇岛玻璃")
    cohort, _ = make_class(uow, course, "GT", enterprise_id=steel, capacity=60)
    own = make_trainees(uow, 6, enterprise_id=steel, category="regular")
    make_trainees(uow, 3, enterprise_id=glass, first=30)
    roster = en.roster_ids(uow, steel)
    assert sorted(roster) == sorted(own)
    done = bulk.enrol_bulk(uow, cohort, roster)
    assert len(done.enrolled) == 6 and done.refused == ()
    wang = [i for i in own if get_trainee(uow, i).name.startswith("王")]
    found = bulk.matching_ids(uow, "w")  # pinyin initials, as the Trainees page searches
    assert set(wang) <= set(found)
    assert all(get_trainee(uow, i).name[0] in "王吴魏汪万武温文翁" for i in found)


def test_a_list_file_by_id_numbers_and_names(uow, course, tmp_path):
    cohort, _ = make_class(uow, course, "L", open_enrolment=True, capacity=10)
    a = _person(uow, "李䶮", 1)  # a name with a CJK Extension A character
    b = _person(uow, "赵秀英", 2)
    _person(uow, "王芳", 3)
    _person(uow, "王芳", 4)
    c = _person(uow, "钱桂兰", 5)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["2026年下岗失业人员育婴员培训报名名单"])  # a title row above the header
    sheet.append(["序号", "姓名", "身份证号码"])
    sheet.append([1, "李䶮", id_number(1)])
    sheet.append([2, "赵秀英", ""])  # a name alone
    sheet.append([3, "王芳", ""])  # two people of that name
    sheet.append([4, "孙悟空", ""])  # nobody
    sheet.append([5, "周杰", id_number(5)])  # the ID number is 钱桂兰's
    sheet.append([6, "", id_number(5).lower()])  # the number alone (lower-case x)
    book.save(tmp_path / "名单.xlsx")
    listed = read_person_list(tmp_path / "名单.xlsx")
    assert listed.header_row == 2 and [e.row for e in listed.entries] == [3, 4, 5, 6, 7, 8]
    ids, problems = bulk.list_ids(uow, listed.entries)
    assert ids == [a, b, c]
    assert [(p.row, p.reason) for p in problems] == [(5, "ambiguous"), (6, "not_found"),
                                                     (7, "name_mismatch")]
    assert problems[0].message("zh") == "第 5 行：同名学员 2 人，请在名单中写身份证号：王芳"
    assert "身份证号属于“钱桂兰”，与名单上的姓名“周杰”不符" in problems[2].message("zh")
    done = bulk.enrol_bulk(uow, cohort, ids, unmatched=problems)
    assert len(done.enrolled) == 3 and done.not_enrolled == 3
    text = tmp_path / "ids.txt"  # a bare list, one ID number a line, as Notepad saves it (GBK)
    text.write_bytes((f"{id_number(1)}\r\n\r\n{id_number(2)}\r\n赵秀英\r\n").encode("gb18030"))
    bare = read_person_list(text)
    assert bare.header_row is None
    assert [(e.id_number, e.name) for e in bare.entries] == [
        (id_number(1), ""), (id_number(2), ""), ("", "赵秀英")]


def test_who_may_join_a_class(uow, course):
    steel = make_enterprise(uow, "秦皇岛钢铁")
    cohort, _ = make_class(uow, course, "E", enterprise_id=steel)
    assert parse_categories("下岗失业人员、困难职工，农民工") == ("laid_off", "in_difficulty",
                                                               "migrant")
    with pytest.raises(InvalidInput):
        parse_categories("下岗失业人员,退休人员")
    info = get_class(uow, cohort)
    after = set_class_eligibility(uow, cohort, open_enrolment=True,
                                  categories=("laid_off", "in_difficulty"),
                                  expected_version=info.version)
    assert after.open_enrolment and after.eligible_categories == ("laid_off", "in_difficulty")
    outsider = make_trainees(uow, 1, category="laid_off")[0]
    assert bulk.check_bulk(uow, cohort, [outsider]).enrolled[0].trainee_id == outsider
    with pytest.raises(StaleEditError):
        set_class_eligibility(uow, cohort, open_enrolment=False, expected_version=info.version)
    own = set_class_eligibility(uow, cohort, open_enrolment=False,
                                expected_version=after.version)
    assert not own.open_enrolment and own.eligible_categories == ()
    assert bulk.check_bulk(uow, cohort, [outsider]).refused[0].reason == "other_enterprise"


def test_finding_a_trainee_by_name_initials_or_id_tail(uow):
    zhang = _person(uow, "张三", 101)
    _person(uow, "张三丰", 102)
    li = _person(uow, "李䶮", 103)
    wang1, wang2 = _person(uow, "王芳", 104), _person(uow, "王芳", 105)
    assert find_trainee(uow, "张三").chosen.id == zhang  # the exact name among 张三…
    assert {r.name for r in find_trainee(uow, "张三").matches} == {"张三", "张三丰"}
    assert find_trainee(uow, "李䶮").chosen.id == li
    several = find_trainee(uow, "王芳")
    assert several.chosen is None and {r.id for r in several.matches} == {wang1, wang2}
    assert all("**********" in r.masked_id for r in several.matches)
    assert find_trainee(uow, "zs").chosen is None  # 张三 and 张三丰
    assert {r.id for r in find_trainee(uow, "ZS").matches} >= {zhang}
    tail = id_number(103)[-6:]
    assert find_trainee(uow, tail).chosen.id == li  # the last digits of the ID number
    assert find_trainee(uow, f"#{wang2}").chosen.id == wang2
    assert [r.id for r in lookup_trainees(uow, str(zhang))] == [zhang]  # short: a database id
    assert find_trainee(uow, "孙悟空").matches == ()
