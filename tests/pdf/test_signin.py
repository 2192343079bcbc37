"""Sign-in sheets read back: names, masked ID tails, lesson facts, the embedded font, the page
count predicted for any class size, and the scan codes decoding off the rendered page."""
import io

import pytest

from tests.scenarios.pdf_scenario import make_class
from tests.pdf_reading import all_fonts_embedded, decode_codes, page_count, page_sizes, text
from trainer.db.models import Trainee
from trainer.errors import NotFoundError, PdfError, ValidationError
from trainer.pdf.signin import build_signin_sheet, count_signin_pages, signin_page_count
from trainer.services.reports.signin import load_signin_sheet
from trainer.services.settings import set_setting


def test_page_count_is_full_pages_of_n_rows_and_at_least_one():
    assert [signin_page_count(n, 20) for n in (0, 1, 20, 21, 40, 41, 60)] == [1, 1, 1, 2, 2, 3, 3]


def test_the_sheet_shows_the_lesson_and_every_trainee_with_only_the_id_tail(uow, tmp_path):
    scenario = make_class(uow, trainees=23, lessons=4)
    out = tmp_path / "签到表.pdf"
    result = build_signin_sheet(uow, scenario.lesson_ids[1], out)
    sheet = load_signin_sheet(uow, scenario.lesson_ids[1])
    body = text(out)
    assert result.pages == page_count(out) == 2 == count_signin_pages(uow, scenario.lesson_ids[1])
    assert page_sizes(out) == [(595, 842)] * 2  # A4 portrait
    assert all_fonts_embedded(out) and result.embedded
    for fact in ("培训签到表", "有限空间作业安全01", "安全生产", "第2次（共4次）", "2026年9月9日（星期三）",
                 "14:00–16:00", "炼钢车间培训室", "黎建国", "AQ-2026-01", "应到23人"):
        assert fact in body, fact
    with uow:
        people = [uow.session.get(Trainee, i) for i in scenario.trainee_ids]
    for person in people:
        assert person.name in body
        assert person.id_number[-4:] in body
        assert person.id_number not in body and person.id_number[:10] not in body
        assert person.mobile not in body
    assert [r.name for r in sheet.rows] != [p.name for p in people]  # grouped by enterprise
    assert "JiangxiYuanchuan" not in body and "YuanchuanMetalStructureCo.,Ltd." in body


def test_rows_per_page_from_the_settings_fix_the_page_count(uow):
    scenario = make_class(uow, trainees=41, lessons=2, attendance=False)
    set_setting(uow, "pdf.signin_rows_per_page", 10, force=True)
    buffer = io.BytesIO()
    result = build_signin_sheet(uow, scenario.lesson_ids[0], buffer)
    assert result.pages == page_count(buffer.getvalue()) == 5 == count_signin_pages(
        uow, scenario.lesson_ids[0])
    assert "第5/5张" in text(buffer.getvalue())
    assert "41" in text(buffer.getvalue())  # the last row number
    with pytest.raises(ValidationError):
        build_signin_sheet(uow, scenario.lesson_ids[0], io.BytesIO(), rows_per_page=99)


def test_an_empty_class_prints_one_blank_sheet(uow):
    scenario = make_class(uow, trainees=0, lessons=1, attendance=False)
    buffer = io.BytesIO()
    assert build_signin_sheet(uow, scenario.lesson_ids[0], buffer).pages == 1
    assert "应到0人" in text(buffer.getvalue())


@pytest.mark.parametrize("barcode, scale", [("qr", 3), ("code128", 6)])
def test_every_row_code_decodes_to_the_trainees_scan_code(uow, barcode, scale):
    scenario = make_class(uow, trainees=12, lessons=1, attendance=False)
    buffer = io.BytesIO()
    build_signin_sheet(uow, scenario.lesson_ids[0], buffer, barcode=barcode)
    sheet = load_signin_sheet(uow, scenario.lesson_ids[0])
    decoded = decode_codes(buffer.getvalue(), 0, scale=scale)
    assert sorted(decoded) == sorted(r.scan_code for r in sheet.rows)


def test_cancel_leaves_no_file_and_a_missing_lesson_is_not_found(uow, tmp_path):
    scenario = make_class(uow, trainees=45, lessons=1, attendance=False)
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "sheet.pdf"
    seen = []
    with pytest.raises(PdfError) as info:
        build_signin_sheet(uow, scenario.lesson_ids[0], out, progress=lambda d, t: seen.append((d, t)),
                           cancel=lambda: len(seen) >= 2)
    assert info.value.reason == "cancelled" and not out.exists()
    assert list(folder.iterdir()) == []  # no temporary file left either
    assert seen[:2] == [(1, 3), (2, 3)]
    with pytest.raises(NotFoundError):
        build_signin_sheet(uow, 999999, out)
