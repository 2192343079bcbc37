"""Reports read back: attendance summaries, the statistics report with its figures and charts,
the fee statement with withholding, the class archive and the trainee record."""
import datetime as dt
import io

import pytest
from sqlalchemy import select

from tests.scenarios.certificate_keys import make_signer
from tests.scenarios.pdf_scenario import make_class
from tests.pdf_reading import all_fonts_embedded, page_count, page_sizes, text
from trainer.cli import main
from trainer.db.models import Lecturer, Trainee
from trainer.errors import NotFoundError
from trainer.pdf.archives import build_class_archive, build_trainee_record
from trainer.pdf.fees import build_fee_statement
from trainer.services.reports.fees import fee_statement
from trainer.services.reports.attendance import class_attendance, period_statistics
from trainer.pdf.reports import build_class_attendance, build_enterprise_attendance, build_statistics
from trainer.pdf.signin import count_signin_pages
from trainer.services.certificates import issue_certificates
from trainer.services.settings import set_setting

FROM, TO = dt.date(2026, 9, 1), dt.date(2026, 9, 30)


@pytest.fixture
def two(uow):
    a = make_class(uow, trainees=12, lessons=4, start=dt.date(2026, 9, 7), code="AQ-2026-01")
    b = make_class(uow, trainees=8, lessons=2, start=dt.date(2026, 9, 14), code="XL-2026-02",
                   theme="职工心理健康", title="职工压力管理与情绪调适", lecturer="熊文华", seed=8)
    return a, b


def test_class_attendance_counts_and_the_pdf(uow, two):
    a, _ = two
    data = class_attendance(uow, a.cohort_id)
    assert data.lessons_held == 4 and len(data.rows) == 12
    # scenario: every 5th trainee misses lessons 2 and 4, every 7th is excused once, every 3rd late once
    assert sum(r.absent for r in data.rows) == 2 * 2
    assert sum(r.excused for r in data.rows) == 1 and sum(r.late for r in data.rows) == 4
    assert abs(data.rate - (48 - 4 - 1) / 48) < 1e-9
    assert all("*" in r.id_masked for r in data.rows)
    buffer = io.BytesIO()
    build_class_attendance(uow, a.cohort_id, buffer)
    body = text(buffer.getvalue())
    assert all_fonts_embedded(buffer.getvalue())
    assert "考勤汇总表" in body and f"出勤率{data.rate * 100:.1f}%" in body
    for row in data.rows:
        assert row.name in body and row.id_masked in body
    assert "出勤2/4次，至少需要3次" in body  # the reason, in Chinese, for one who does not complete
    with uow:
        full = uow.session.get(Trainee, a.trainee_ids[0]).id_number
    assert full not in body
    revealed = io.BytesIO()
    build_class_attendance(uow, a.cohort_id, revealed, reveal=True)
    assert full in text(revealed.getvalue())



def test_masked_and_full_id_numbers_never_wrap(uow, two):
    """Each ID number is on one line of the extracted text (a wrapped one is cut by a newline)."""
    from tests.pdf_reading import page_texts

    a, _ = two
    data = class_attendance(uow, a.cohort_id)
    for reveal in (False, True):
        buffer = io.BytesIO()
        build_class_attendance(uow, a.cohort_id, buffer, reveal=reveal)
        lines = "\n".join(page_texts(buffer.getvalue())).replace(" ", "")
        with uow:
            numbers = [r.id_masked for r in data.rows] if not reveal else [
                uow.session.get(Trainee, i).id_number for i in a.trainee_ids]
        assert all(n in lines for n in numbers), reveal

def test_enterprise_attendance_keeps_only_its_workers(uow, two):
    a, _ = two
    buffer = io.BytesIO()
    build_enterprise_attendance(uow, "江西袁川金属结构有限公司 Yuanchuan Metal Structure Co., Ltd.01",
                                FROM, TO, buffer)
    body = text(buffer.getvalue())
    data = class_attendance(uow, a.cohort_id)
    others = [r.name for r in data.rows if r.enterprise.startswith("江西")]
    mine_not = [r.name for r in data.rows if not r.enterprise.startswith("江西")]
    assert others and all(n in body for n in others)
    assert not any(n in body for n in mine_not if n not in others)


def test_statistics_figures_and_charts(uow, two):
    stats = period_statistics(uow, FROM, TO)
    assert len(stats.total.classes) == 2 and len(stats.total.trainees) == 20
    assert stats.total.lessons == 6 and stats.total.minutes == 6 * 120
    assert {t.label for t in stats.by_theme} == {"安全生产", "职工心理健康"}
    assert sum(len(d.trainees) for d in stats.by_district) == 20
    assert stats.satisfaction["enterprise"] == (5.0, 2)
    assert 0 < stats.total.completion_rate < 1
    buffer = io.BytesIO()
    result = build_statistics(uow, FROM, TO, buffer)
    body = text(buffer.getvalue())
    assert result.pages == page_count(buffer.getvalue())
    assert all_fonts_embedded(buffer.getvalue())
    for fact in ("职工培训统计报告", "2026年09月01日至2026年09月30日", "按课程主题", "各主题学员与课次",
                 "各区县学员分布", "渝水区", "分宜县", "安全生产", "职工心理健康",
                 f"{stats.total.attendance_rate * 100:.1f}%", "2026-09"):
        assert fact in body, fact


def test_fee_statement_with_withholding(uow, two):
    with uow:
        xiong = uow.session.scalar(select(Lecturer).where(Lecturer.name == "熊文华"))
        xiong.hourly_fee_cents = 150000  # her own rate, above the category's
    set_setting(uow, "fees.hourly_rate_cents", {"national_senior": 50000}, force=True)
    statement = fee_statement(uow, dt.date(2026, 9, 1))
    lines = {l.name: l for l in statement.lines}
    li, xiong = lines["黎建国"], lines["熊文华"]
    assert (li.minutes, li.rate_cents, li.gross_cents) == (480, 50000, 400000)
    assert li.tax_cents == (400000 - 80000) * 20 // 100          # ≤ 4,000: minus 800
    assert (xiong.minutes, xiong.rate_cents, xiong.gross_cents) == (240, 150000, 600000)
    assert xiong.tax_cents == 600000 * 80 // 100 * 20 // 100     # > 4,000: 80 %
    assert statement.totals == (720, 1000000, 64000 + 96000, 1000000 - 160000)
    buffer = io.BytesIO()
    build_fee_statement(uow, dt.date(2026, 9, 1), buffer)
    body = text(buffer.getvalue())
    assert set(page_sizes(buffer.getvalue())) == {(842, 595)}
    for fact in ("2026年9月讲师课时及讲课费发放表", "4,000.00", "640.00", "3,360.00", "6,000.00",
                 "960.00", "5,040.00", "10,000.00", "1,600.00", "8,400.00", "授课明细"):
        assert fact in body, fact
    assert "13979000007" not in body  # lecturers' mobiles masked


def test_class_archive_holds_every_part_and_every_sign_in_sheet(uow, two):
    a, _ = two
    issue_certificates(uow, a.cohort_id, issued_on=dt.date(2026, 9, 30), signer=make_signer(uow))
    buffer = io.BytesIO()
    result = build_class_archive(uow, a.cohort_id, buffer)
    body = text(buffer.getvalue())
    sheets = sum(count_signin_pages(uow, lid) for lid in a.lesson_ids)
    assert result.pages == page_count(buffer.getvalue()) >= 1 + sheets
    assert body.count("培训签到表") == sheets
    for fact in ("培训班档案（一班一档）", "课程安排", "考勤与考核", "考核成绩", "证书发放", "满意度评价",
                 "贴近岗位,很实用", "XYZGH-2026-AQ-00001"):
        assert fact in body, fact


def test_trainee_record_by_id_number_with_classes_and_certificates(uow, two, database, tmp_path):
    a, b = two
    with uow:
        person = uow.session.get(Trainee, a.trainee_ids[0])
        id_number, name = person.id_number, person.name
        from trainer.db.models import Enrolment
        uow.session.add(Enrolment(cohort_id=b.cohort_id, trainee_id=person.id,
                                  enrolled_on=dt.date(2026, 9, 14)))
    issue_certificates(uow, a.cohort_id, "attendance", issued_on=dt.date(2026, 9, 30),
                       signer=make_signer(uow))
    buffer = io.BytesIO()
    build_trainee_record(uow, id_number, buffer)
    body = text(buffer.getvalue())
    assert "一人一档" in body and name in body and id_number not in body and id_number[-4:] in body
    assert "AQ-2026-01" in body and "XL-2026-02" in body and "培训证明" in body
    with pytest.raises(NotFoundError):
        build_trainee_record(uow, "999999", io.BytesIO())
    url = database.engine.url.render_as_string(hide_password=False)
    out = tmp_path / "record.pdf"
    assert main(["--db", url, "pdf", "record", "--trainee", id_number, "--out", str(out),
                 "--reveal"]) == 0
    assert id_number in text(out)
    assert main(["--db", url, "pdf", "fees", "--month", "2026-09", "--out",
                 str(tmp_path / "fees.pdf")]) == 0
    assert main(["--db", url, "pdf", "report", "--from", "2026-09-01", "--to", "2026-09-30",
                 "--out", str(tmp_path / "report.pdf")]) == 0
    assert main(["--db", url, "pdf", "attendance", "--out", str(tmp_path / "x.pdf")]) == 2
