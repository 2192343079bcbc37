"""Every sign-in sheet of a programme in one PDF (trainer.pdf.signin.build_programme_signin and
`trainer pdf signin --programme`): each lesson in a room of each class, by class and date, the
page count known beforehand in every footer, cancelled and online lessons left out, the scan
codes decoding, the fonts embedded."""
import datetime as dt

import pytest
from sqlalchemy import select

from tests.pdf_reading import all_fonts_embedded, decode_codes, page_count, page_texts
from tests.scenarios.attendance_fixtures import id_number, person_name
from tests.scenarios.programme_fixtures import build_office, make_programme
from trainer.cli import main
from trainer.db.models import Cohort, Enrolment, Lesson, Trainee
from trainer.errors import PdfError
from trainer.pdf.signin import build_programme_signin, signin_page_count
from trainer.services.reports.signin import programme_signin_lessons
from trainer.services.settings import set_setting


def _fill(uow, programme_id: int, sizes: list[int], lessons: int = 2) -> list[int]:
    """Trainees enrolled in the programme's classes (`sizes`, in class-code order) and
    `lessons` lessons each in the centre; the first class's last lesson online, the second's
    cancelled. The classes' ids."""
    with uow:
        s = uow.session
        cohorts = s.scalars(select(Cohort).where(Cohort.programme_id == programme_id)
                            .order_by(Cohort.code)).all()
        n = 0
        for c, size in zip(cohorts, sizes):
            for k in range(lessons):
                s.add(Lesson(cohort_id=c.id, sequence=k + 1, date=c.window_start + dt.timedelta(days=7 * k + 2),
                             start_time=dt.time(9), end_time=dt.time(12), venue_id=c.venue_id,
                             online=(c is cohorts[0] and k == lessons - 1),
                             online_platform="腾讯会议" if c is cohorts[0] and k == lessons - 1 else "",
                             status="cancelled" if c is cohorts[1] and k == lessons - 1 else "planned"))
            for _ in range(size):
                t = Trainee(organization_id=uow.organization_id, name=person_name(n),
                            name_initials="", gender="F", id_number=id_number(n), mobile="")
                s.add(t)
                s.flush()
                s.add(Enrolment(cohort_id=c.id, trainee_id=t.id, enrolled_on=c.window_start))
                n += 1
        return [c.id for c in cohorts]


@pytest.fixture
def programme(uow):
    office = build_office(uow, lessons=2)
    record = make_programme(uow, office, months=1, per_month=3, size=30, raising_classes=1)
    _fill(uow, record.id, [30, 12, 25])  # three classes: 2 beginner + 1 raising
    return record


def test_every_sheet_of_the_programme_in_one_pdf(uow, programme, tmp_path):
    set_setting(uow, "pdf.signin_rows_per_page", 20, force=True)
    lessons = programme_signin_lessons(uow, programme.id)
    assert [count for _id, count in lessons] == [30, 12, 25, 25]  # online and cancelled left out
    expected = sum(signin_page_count(count, 20) for _id, count in lessons)
    assert expected == 2 + 1 + 2 + 2
    out = tmp_path / "签到表.pdf"
    result = build_programme_signin(uow, programme.id, out)
    texts = page_texts(out)
    assert result.pages == page_count(out) == expected
    for number, page in enumerate(texts, 1):
        assert f"第 {number} 页 共 {expected} 页" in page or f"第{number}页共{expected}页" in page
        assert "培训签到表" in page
    assert "应到 30 人" in texts[0] or "应到30人" in texts[0].replace(" ", "")
    assert all_fonts_embedded(out)
    with uow:
        first = uow.session.scalar(select(Trainee).order_by(Trainee.id))
    assert any(code.startswith("T") for code in decode_codes(str(out), 0, scale=3))
    assert first.name in "".join(texts[:2])


def test_cli_prints_the_programme_by_name_and_says_so_when_nothing_to_print(
        uow, database, programme, tmp_path, capsys):
    out = tmp_path / "all.pdf"
    url = database.engine.url.render_as_string(hide_password=False)
    code = main(["--db", url, "pdf", "signin", "--programme", programme.name, "--rows", "30",
                 "--out", str(out)])
    assert code == 0, capsys.readouterr()
    assert page_count(out) == 4  # 30, 12, 25 and 25 trainees: a page each
    with uow:
        for lesson in uow.session.scalars(select(Lesson)):
            lesson.status = "cancelled"
    with pytest.raises(PdfError):
        build_programme_signin(uow, programme.id, tmp_path / "none.pdf")
    assert not (tmp_path / "none.pdf").exists()
    assert main(["--db", url, "pdf", "signin", "--programme", programme.name,
                 "--out", str(tmp_path / "none.pdf")]) == 1
