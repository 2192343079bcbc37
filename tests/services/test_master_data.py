"""Master-data services on SQLite and on a real PostgreSQL server (db_url is parametrised)."""
import datetime as dt

import pytest
from sqlalchemy import select

from trainer.db.models import Cohort, Lesson
from trainer.errors import InUseError, InvalidInput, NotFoundError, StaleEditError
from trainer.services import courses, enterprises as ent, lecturers as lec, trainees as tr
from trainer.services.organizations import create_organization
from trainer.services.uow import UnitOfWork

GOOD_ID = "11010519491231002X"  # the standard's own example: female, born 1949-12-31


def _fields(exc: InvalidInput) -> list[str]:
    return [e.field for e in exc.errors]


def test_enterprise_crud_and_search(uow):
    rec = ent.create_enterprise(uow, ent.EnterpriseForm(
        " 新余 恒达 钢铁有限公司 ", district="渝水区", contact_phone="+86 138-0013-8000",
        headcount="１２０"))
    assert rec.name == "新余恒达钢铁有限公司"
    assert rec.contact_phone == "13800138000" and rec.headcount == 120
    ent.create_enterprise(uow, ent.EnterpriseForm("江西青春康源医药有限公司", district="高新区"))
    assert [r.name for r in ent.list_enterprises(uow, "xyhd")] == [rec.name]
    assert [r.name for r in ent.list_enterprises(uow, "康源")] == ["江西青春康源医药有限公司"]
    assert ent.count_enterprises(uow) == 2 and ent.count_enterprises(uow, "渝水") == 1
    changed = ent.update_enterprise(uow, rec.id, ent.EnterpriseForm(rec.name, park="袁河经开区"),
                                    rec.version)
    assert changed.version == rec.version + 1 and changed.park == "袁河经开区"
    ent.delete_enterprise(uow, rec.id, changed.version)
    with pytest.raises(NotFoundError):
        ent.get_enterprise(uow, rec.id)


def test_enterprise_validation_reports_every_bad_field(uow):
    with pytest.raises(InvalidInput) as info:
        ent.create_enterprise(uow, ent.EnterpriseForm("", credit_code="91360500MA35ABCDE0",
                                                      contact_phone="12345", headcount="many"))
    assert _fields(info.value) == ["name", "credit_code", "contact_phone", "headcount"]
    assert ent.count_enterprises(uow) == 0


def test_duplicate_names_are_refused_with_the_field(uow):
    ent.create_enterprise(uow, ent.EnterpriseForm("新余钢联"))
    with pytest.raises(InvalidInput) as info:
        ent.create_enterprise(uow, ent.EnterpriseForm("新余 钢联"))
    assert _fields(info.value) == ["name"]
    assert "已存在" in info.value.message("zh") and "already exists" in info.value.message("en")


def test_stale_edit_is_refused_and_nothing_is_overwritten(uow):
    rec = ent.create_enterprise(uow, ent.EnterpriseForm("新余光伏"))
    ent.update_enterprise(uow, rec.id, ent.EnterpriseForm("新余光伏", address="A路1号"), rec.version)
    with pytest.raises(StaleEditError) as info:
        ent.update_enterprise(uow, rec.id, ent.EnterpriseForm("新余光伏", address="B路2号"),
                              rec.version)
    assert "被他人修改" in info.value.message("zh")
    assert ent.get_enterprise(uow, rec.id).address == "A路1号"


def test_venues_belong_to_an_enterprise_or_the_union(uow):
    e = ent.create_enterprise(uow, ent.EnterpriseForm("新余机械厂"))
    shop = ent.create_venue(uow, ent.VenueForm("一号车间", e.id, capacity="60"))
    centre = ent.create_venue(uow, ent.VenueForm("市职工培训中心", None, capacity=120))
    assert [v.name for v in ent.list_venues(uow, e.id)] == ["一号车间"]
    assert [v.name for v in ent.list_venues(uow, training_centres=True)] == ["市职工培训中心"]
    assert shop.enterprise_name == "新余机械厂" and centre.enterprise_name == ""
    with pytest.raises(InvalidInput):
        ent.create_venue(uow, ent.VenueForm("一号车间", e.id))
    with pytest.raises(InvalidInput) as info:
        ent.create_venue(uow, ent.VenueForm("二号车间", e.id, capacity=-1))
    assert _fields(info.value) == ["capacity"]


def _lesson_for(uow, lecturer_id=None, venue_id=None):
    course = courses.list_courses(uow)[0] if courses.list_courses(uow) else courses.create_course(
        uow, courses.CourseForm(courses.list_themes(uow)[0].id, "压力管理", lesson_count=2))
    with uow:
        cohort = Cohort(organization_id=uow.organization_id, course_id=course.id, code="C1",
                        name="压力管理一班")
        uow.session.add(cohort)
        uow.session.flush()
        uow.session.add(Lesson(cohort_id=cohort.id, sequence=1, date=dt.date(2026, 12, 3),
                               start_time=dt.time(9), end_time=dt.time(11),
                               lecturer_id=lecturer_id, venue_id=venue_id))


def test_delete_refused_while_referenced_names_the_references(uow):
    e = ent.create_enterprise(uow, ent.EnterpriseForm("新余纺织"))
    tr.create_trainee(uow, tr.TraineeForm("张三", GOOD_ID, enterprise_id=e.id))
    with pytest.raises(InUseError) as info:
        ent.delete_enterprise(uow, e.id, e.version)
    assert info.value.message("zh") == "不能删除企业“新余纺织”：仍被 1 个学员（张三）引用。"
    assert "1 trainee(s) (张三)" in info.value.message("en")
    assert ent.count_enterprises(uow) == 1


def test_an_enterprise_saved_with_its_venues_in_one_transaction(uow):
    """What the enterprise dialog saves (services.enterprises.save_enterprise): a refused venue
    row is named by its number and leaves the enterprise as it was."""
    made = ent.save_enterprise(uow, ent.EnterpriseForm("新余钢联"), [
        ent.VenueRow("炼钢车间", capacity=40), ent.VenueRow("轧钢车间", "新余市渝水区", 30)])
    venues = ent.list_venues(uow, made.id)
    assert sorted(v.name for v in venues) == ["炼钢车间", "轧钢车间"]
    first = next(v for v in venues if v.name == "炼钢车间")
    with pytest.raises(ent.VenueRowError) as info:
        ent.save_enterprise(uow, ent.EnterpriseForm("新余钢联集团"), [
            ent.VenueRow("炼钢车间", capacity=45, id=first.id, version=first.version),
            ent.VenueRow("", capacity=10)], enterprise_id=made.id,
            expected_version=made.version)
    assert info.value.row == 2 and info.value.message("zh").startswith("2. —: ")
    assert ent.get_enterprise(uow, made.id).name == "新余钢联"
    assert ent.get_venue(uow, first.id).capacity == 40
    second = next(v for v in venues if v.name == "轧钢车间")
    renamed = ent.save_enterprise(uow, ent.EnterpriseForm("新余钢联集团"), [
        ent.VenueRow("炼钢车间", capacity=45, id=first.id, version=first.version)],
        [ent.VenueRow("轧钢车间", id=second.id, version=second.version)], enterprise_id=made.id,
        expected_version=made.version)
    assert renamed.name == "新余钢联集团"
    assert [(v.name, v.capacity) for v in ent.list_venues(uow, made.id)] == [("炼钢车间", 45)]


def test_lecturer_with_themes_dates_and_a_lesson(uow):
    themes = courses.list_themes(uow)
    rec = lec.create_lecturer(uow, lec.LecturerForm(
        "王建国", "示范企业优秀培训师", gender="男", mobile="139 7900 1234", hourly_fee="¥300.50",
        theme_ids=(themes[1].id, themes[0].id),
        unavailable=(lec.DateRange(dt.date(2026, 12, 1), dt.date(2026, 12, 3), "出差"),)))
    assert rec.category == "model_trainer" and str(rec.hourly_fee) == "300.5"
    assert rec.theme_names == ("职工心理健康", "安全生产")
    assert rec.unavailable[0].reason == "出差"
    assert [r.name for r in lec.list_lecturers(uow, "wjg")] == ["王建国"]
    assert [r.name for r in lec.list_lecturers(uow, theme_id=themes[1].id)] == ["王建国"]
    assert lec.list_lecturers(uow, theme_id=themes[3].id) == []
    edited = lec.update_lecturer(uow, rec.id, lec.LecturerForm(
        "王建国", "model_trainer", theme_ids=(themes[2].id,)), rec.version)
    assert edited.theme_names == ("班组建设与管理",) and edited.unavailable == ()
    _lesson_for(uow, lecturer_id=rec.id)
    with pytest.raises(InUseError) as info:
        lec.delete_lecturer(uow, rec.id, edited.version)
    assert "1 个课次（2026-12-03）" in info.value.message("zh")
    with pytest.raises(InUseError):
        courses.delete_theme(uow, themes[2].id, themes[2].version)


def test_lecturer_unavailability_added_by_itself(uow):
    """What a re-plan around an absent lecturer records (scheduling/proposal.py)."""
    rec = lec.create_lecturer(uow, lec.LecturerForm("王建国", "model_trainer"))
    lec.add_unavailability(uow, rec.id, dt.date(2026, 12, 1), dt.date(2026, 12, 3), "住院")
    assert lec.get_lecturer(uow, rec.id).unavailable == (
        lec.DateRange(dt.date(2026, 12, 1), dt.date(2026, 12, 3), "住院"),)
    with pytest.raises(InvalidInput):
        lec.add_unavailability(uow, rec.id, dt.date(2026, 12, 5), dt.date(2026, 12, 1))
    with pytest.raises(NotFoundError):
        lec.add_unavailability(uow, rec.id + 99, dt.date(2026, 12, 1), dt.date(2026, 12, 1))


def test_lecturer_validation(uow):
    with pytest.raises(InvalidInput) as info:
        lec.create_lecturer(uow, lec.LecturerForm(
            "李", "教授", mobile="1234", hourly_fee="abc",
            unavailable=(lec.DateRange(dt.date(2026, 12, 5), dt.date(2026, 12, 1)),)))
    assert _fields(info.value) == ["category", "mobile", "hourly_fee", "unavailable_end"]
    assert "不可授课日期的结束日期早于开始日期" in info.value.message("zh")


def test_courses_and_themes(uow):
    theme = courses.create_theme(uow, courses.ThemeForm("母婴护理", "#FF8800"))
    assert theme.color == "#ff8800"
    course = courses.create_course(uow, courses.CourseForm(theme.id, "产褥期护理", lesson_count=8,
                                                           lesson_minutes=90, pass_mark="60"))
    assert course.total_hours == 12 and course.pass_mark == 60 and course.theme_name == "母婴护理"
    assert [c.title for c in courses.list_courses(uow, "产褥")] == ["产褥期护理"]
    with pytest.raises(InUseError):
        courses.delete_theme(uow, theme.id, theme.version)
    with pytest.raises(InvalidInput) as info:
        courses.create_course(uow, courses.CourseForm(theme.id, "", lesson_count=0))
    assert _fields(info.value) == ["title", "lesson_count"]
    courses.delete_course(uow, course.id, course.version)
    courses.delete_theme(uow, theme.id, courses.get_theme(uow, theme.id).version)


def test_trainee_rules_and_search(uow):
    rec = tr.create_trainee(uow, tr.TraineeForm("张 三", GOOD_ID.lower(), mobile="１３８００１３８０００"))
    assert rec.id_number == GOOD_ID and rec.gender == "F" and rec.birth_date == dt.date(1949, 12, 31)
    assert rec.mobile == "13800138000"
    for query in ("zs", "ZS", "张", "002X", "0013"):
        assert [r.id for r in tr.list_trainees(uow, query)] == [rec.id], query
    assert tr.list_trainees(uow, "ls") == []
    with pytest.raises(InvalidInput) as info:  # same person again, typed differently
        tr.create_trainee(uow, tr.TraineeForm("张三", "110105 19491231 002x"))
    assert _fields(info.value) == ["id_number"]
    with pytest.raises(InvalidInput) as info:
        tr.create_trainee(uow, tr.TraineeForm("李四", GOOD_ID, gender="男"))
    assert "第 17 位表示女" in info.value.message("zh")


def test_same_id_number_allowed_in_another_union_office(database):
    first, second = UnitOfWork(database), UnitOfWork(database)
    create_organization(first, "新余市总工会")
    create_organization(second, "秦皇岛市总工会")
    tr.create_trainee(first, tr.TraineeForm("张三", GOOD_ID))
    tr.create_trainee(second, tr.TraineeForm("张三", GOOD_ID))
    assert tr.count_trainees(first) == 1 and tr.count_trainees(second) == 1


def test_failed_service_leaves_the_transaction_rolled_back(uow):
    e = ent.create_enterprise(uow, ent.EnterpriseForm("新余物流"))
    with pytest.raises(InvalidInput):
        with uow:  # one transaction: the first insert is undone when the second fails
            tr.create_trainee(uow, tr.TraineeForm("张三", GOOD_ID, enterprise_id=e.id))
            tr.create_trainee(uow, tr.TraineeForm("张三", GOOD_ID, enterprise_id=e.id))
    assert tr.count_trainees(uow) == 0


def test_version_column_guards_concurrent_sessions(database, uow):
    """Two sessions load the same row; the second UPDATE is refused by the version column."""
    from sqlalchemy.orm.exc import StaleDataError
    from trainer.db.models import Enterprise

    rec = ent.create_enterprise(uow, ent.EnterpriseForm("新余锂电"))
    with database.session_factory() as a, database.session_factory() as b:
        row_a = a.scalar(select(Enterprise).where(Enterprise.id == rec.id))
        row_b = b.scalar(select(Enterprise).where(Enterprise.id == rec.id))
        row_a.address = "A"
        a.commit()
        row_b.address = "B"
        with pytest.raises(StaleDataError):
            b.commit()
    assert ent.get_enterprise(uow, rec.id).address == "A"


def test_mobiles_masked_in_the_records_unless_revealed_by_permission(database, uow):
    """One place masks (security.personal.shown): lecturers' mobiles and enterprises' contact
    phones come masked from the services unless the caller asks to reveal and the acting user
    holds the reveal permission."""
    from tests.scenarios.trust_fixtures import make_staff

    made = lec.create_lecturer(uow, lec.LecturerForm("王建国", "model_trainer",
                                                     mobile="13979012345"))
    firm = ent.create_enterprise(uow, ent.EnterpriseForm("新余钢联", contact_phone="13800138000"))
    assert [r.mobile for r in lec.list_lecturers(uow)] == ["139****2345"]
    assert lec.get_lecturer(uow, made.id).mobile == "139****2345"
    assert lec.get_lecturer(uow, made.id, reveal=True).mobile == "13979012345"
    assert [r.mobile for r in lec.list_lecturers(uow, reveal=True)] == ["13979012345"]
    assert ent.list_enterprises(uow)[0].contact_phone == "138****8000"
    assert ent.get_enterprise(uow, firm.id, reveal=True).contact_phone == "13800138000"
    staff = make_staff(database)
    viewer = UnitOfWork(database, user=staff.viewer)
    assert lec.get_lecturer(viewer, made.id, reveal=True).mobile == "139****2345"
    assert ent.list_enterprises(viewer, reveal=True)[0].contact_phone == "138****8000"
