"""Every table model passes pytest-qt's model tester."""
import datetime as dt
from decimal import Decimal

from trainer.services import courses, enterprises, lecturers, trainees
from ui.models.editable_lists import (DateRangeDraft, DateRangeDraftModel, VenueDraft,
                                      VenueDraftModel)
from ui.models.master_data_models import (CourseTableModel, EnterpriseTableModel,
                                          LecturerTableModel, ThemeTableModel)
from ui.models.search_proxy import SearchProxyModel
from ui.models.trainee_model import TraineeTableModel


def test_enterprise_model_and_proxy(qtmodeltester, uow):
    for name in ("新余恒达钢铁有限公司", "江西赛维光伏有限公司", "新余钢铁集团"):
        enterprises.create_enterprise(uow, enterprises.EnterpriseForm(name, headcount=5))
    model = EnterpriseTableModel()
    model.set_records(enterprises.list_enterprises(uow))
    qtmodeltester.check(model)
    proxy = SearchProxyModel()
    proxy.setSourceModel(model)
    proxy.set_matching_ids({r.id for r in enterprises.list_enterprises(uow, "xy")})
    proxy.sort(0)
    qtmodeltester.check(proxy)
    assert proxy.rowCount() == 2


def test_lecturer_model(qtmodeltester, uow):
    theme = courses.list_themes(uow)[0]
    lecturers.create_lecturer(uow, lecturers.LecturerForm("李明", "national_senior",
                                                          hourly_fee=Decimal(500),
                                                          theme_ids=(theme.id,)))
    model = LecturerTableModel()
    model.set_records(lecturers.list_lecturers(uow))
    qtmodeltester.check(model)


def test_theme_and_course_models(qtmodeltester, uow):
    theme = courses.list_themes(uow)[0]
    courses.create_course(uow, courses.CourseForm(theme.id, "情绪管理", lesson_count=3))
    themes = ThemeTableModel()
    themes.set_records(courses.list_themes(uow))
    qtmodeltester.check(themes)
    model = CourseTableModel()
    model.set_records(courses.list_courses(uow))
    qtmodeltester.check(model)


def test_trainee_model_fetches_in_batches(qtmodeltester, uow):
    for n in range(5):
        trainees.create_trainee(uow, trainees.TraineeForm(f"张三{n}", gender="M"))
    model = TraineeTableModel(uow)
    model.BATCH = 2
    model.set_search("")
    assert model.rowCount() == 2 and model.canFetchMore()
    qtmodeltester.check(model)
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 5 and model.complete


def test_draft_models(qtmodeltester):
    venues = VenueDraftModel()
    venues.set_rows([VenueDraft("一车间", "", 60), VenueDraft("培训中心", "新余市", 120)])
    qtmodeltester.check(venues)
    dates = DateRangeDraftModel()
    dates.set_rows([DateRangeDraft(dt.date(2026, 1, 5), dt.date(2026, 1, 9), "出差")])
    qtmodeltester.check(dates)


def test_proxy_sorts_chinese_names_by_pinyin(qapp):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QStandardItem, QStandardItemModel

    from ui.models.record_table_model import SORT_ROLE
    from ui.models.search_proxy import SearchProxyModel

    source = QStandardItemModel()
    for name in ["张三", "傅婷", "廖俊杰", "敖春蓉", "10号车间", "2号车间"]:
        item = QStandardItem(name)
        item.setData(name, SORT_ROLE)
        source.appendRow(item)
    proxy = SearchProxyModel()
    proxy.setSourceModel(source)
    proxy.sort(0, Qt.SortOrder.AscendingOrder)
    shown = [proxy.index(r, 0).data() for r in range(proxy.rowCount())]
    assert shown == ["2号车间", "10号车间", "敖春蓉", "傅婷", "廖俊杰", "张三"]
