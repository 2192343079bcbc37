"""The State Council's notice read back to exactly chinesecalendar's arrangement, 2016–2026, and
malformed notices refused with the line named (trainer.io.holiday_notice)."""
import datetime as dt

import chinese_calendar
import pytest

from tests.notices.official import official_notice
from trainer.io.holiday_notice import NoticeError, decode_text, notice_text, parse_notice

D = dt.date
YEARS = range(2016, 2027)


def _status(notices, day):
    """Working or not as the notices say, weekends otherwise."""
    for notice in notices:
        for d in notice.days():
            if d.date == day:
                return d.working
    return day.isoweekday() < 6


@pytest.mark.parametrize("year", YEARS)
def test_every_day_of_every_year_reads_back_to_chinesecalendar(year):
    notices = [parse_notice(official_notice(year))]
    if year + 1 in YEARS:  # the next notice may begin in this December (2018-12-30 …)
        notices.append(parse_notice(official_notice(year + 1)))
    assert notices[0].year == year
    day = D(year, 1, 1)
    while day.year == year:
        assert _status(notices, day) == chinese_calendar.is_workday(day), day
        day += dt.timedelta(days=1)
    for d in notices[0].days():  # including the previous December's days of its 元旦
        assert d.working == chinese_calendar.is_workday(d.date), d
        if not d.working:
            _on, name = chinese_calendar.get_holiday_detail(d.date)
            assert name is not None


@pytest.mark.parametrize("year", YEARS)
def test_each_items_count_is_checked(year):
    notice = parse_notice(official_notice(year))
    for item in notice.items:
        if item.stated_days is not None:
            assert item.stated_days == len(item.holidays)
    assert any(i.count_checked for i in notice.items)


def test_the_variations_are_read():
    n2019 = parse_notice(official_notice(2019))
    new_year = n2019.items[0]
    assert new_year.holidays == (D(2018, 12, 30), D(2018, 12, 31), D(2019, 1, 1))
    assert new_year.working == (D(2018, 12, 29),)
    n2016 = parse_notice(official_notice(2016))
    assert n2016.items[0].holidays == (D(2016, 1, 1),)  # 与周末连休
    assert n2016.items[3].holidays == (D(2016, 5, 1), D(2016, 5, 2))  # 补休
    n2023 = parse_notice(official_notice(2023))
    assert n2023.items[-1].names == ("中秋节", "国庆节")
    assert n2023.items[-1].holidays[0] == D(2023, 9, 29)
    n2024 = parse_notice(official_notice(2024))  # 鼓励…除夕（2月9日）休息: advice, not a day off
    assert D(2024, 2, 9) not in n2024.items[1].holidays
    assert parse_notice(official_notice(2025)).items[0].holidays == (D(2025, 1, 1),)  # 不调休
    assert len(parse_notice(official_notice(2018)).items) == 7  # one pasted paragraph
    assert "," in official_notice(2019) and "，" in official_notice(2020)  # both widths
    assert "星期" in official_notice(2019) and "（周" in official_notice(2026)


def test_dry_run_lines():
    lines = parse_notice(official_notice(2026)).dry_run_lines()
    assert lines[:4] == ["2026-01-01 holiday 元旦", "2026-01-02 holiday 元旦",
                         "2026-01-03 holiday 元旦", "2026-01-04 working 元旦"]
    assert "2026-02-14 working 春节" in lines and "2026-10-10 working 国庆节" in lines


def _problems(text):
    with pytest.raises(NoticeError) as err:
        parse_notice(text)
    return err.value


def test_malformed_notices_name_the_line():
    text = official_notice(2026)
    lines = text.splitlines()
    spring = next(i for i, l in enumerate(lines) if "二、春节" in l) + 1
    err = _problems(text.replace("共9天", "共8天"))
    assert [(p.line, p.reason) for p in err.problems] == [(spring, "count")]
    assert err.message("zh").startswith(f"第 {spring} 行“二、春节：2月15日")
    assert "共 8 天" in err.message("zh") and "9 天" in err.message("zh")
    assert "says 8 days" in err.message("en")
    err = _problems(text.replace("2月28日（周六）", "2月30日（周六）"))
    assert [(p.line, p.reason) for p in err.problems] == [(spring, "bad_date")]
    err = _problems(text.replace("1月4日（周日）", "1月4日（周一）"))
    assert err.problems[0].reason == "weekday"
    assert "2026-01-04 是周日，通知写的是周一" in err.message("zh")
    err = _problems(text.replace("放假，共3天。\n", "休息，共3天。\n", 1))
    assert err.problems[0].reason == "unreadable" and "4月4日至6日休息" in err.message("zh")
    err = _problems(text.replace("国务院办公厅关于2026年", "关于").replace("现将2026年", "现将"))
    assert err.problems[0].reason == "no_year" and err.problems[0].line == 0
    err = _problems("国务院办公厅关于2027年部分节假日安排的通知\n元旦放三天。")
    assert err.problems[0].reason == "no_items"


def test_files_txt_docx_pdf(tmp_path):
    text = official_notice(2026)
    gbk = tmp_path / "通知.txt"
    gbk.write_bytes(text.encode("gb18030"))
    assert parse_notice(notice_text(gbk)).days() == parse_notice(text).days()
    assert decode_text("\ufeff".encode() + text.encode()) == text
    import docx
    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    document.save(tmp_path / "通知.docx")
    assert parse_notice(notice_text(tmp_path / "通知.docx")).days() == parse_notice(text).days()
    bad = tmp_path / "坏.docx"
    bad.write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(NoticeError) as err:
        notice_text(bad)
    assert err.value.problems[0].reason == "unreadable_file"


def test_a_pdf_copy_with_wrapped_lines(tmp_path):
    """The notice as a typeset PDF (ReportLab, an embedded TrueType Chinese font, paragraphs
    wrapped at a narrow width so items break across lines) reads back to the same days."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from trainer.pdf.fonts import shipped_font_dir
    pdfmetrics.registerFont(TTFont("NoticeFont", str(shipped_font_dir() / "wqy-microhei.ttc"),
                                   subfontIndex=0))
    style = ParagraphStyle("body", fontName="NoticeFont", fontSize=12, leading=18,
                           wordWrap="CJK")
    text = official_notice(2024)
    path = tmp_path / "国务院办公厅关于2024年部分节假日安排的通知.pdf"
    SimpleDocTemplate(str(path), pagesize=A4, leftMargin=150, rightMargin=150).build(
        [Paragraph(line or "&nbsp;", style) for line in text.splitlines()])
    extracted = notice_text(path)
    assert len(extracted.splitlines()) > len(text.splitlines())  # items were wrapped
    assert parse_notice(extracted).days() == parse_notice(text).days()
