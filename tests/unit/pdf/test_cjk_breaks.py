"""Chinese full-width punctuation never starts a line of a wrapped paragraph (避头): at the break
it hangs at the end of the line before, as Chinese typesetting does (certificates, reports)."""
import pytest
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph

from trainer.pdf import layout  # noqa: F401 - installs the line-breaking rule
from trainer.pdf.cjk_breaks import NO_LINE_START
from trainer.pdf.fonts import document_fonts


@pytest.mark.parametrize("mark", ["，", "。", "；", "：", "）", "》", "”", "、"])
def test_a_mark_that_falls_at_a_break_stays_on_the_line_before(mark):
    font = document_fonts().body.name
    size = 15
    head = "经考核合格准予结业特发此证书以资鼓励"  # 19 characters, the line holds exactly them
    text = head + mark + "秦皇岛市总工会职工技能培训中心"
    style = ParagraphStyle("t", fontName=font, fontSize=size, leading=size * 1.8,
                           wordWrap="CJK")
    width = stringWidth(head, font, size) + 0.5
    paragraph = Paragraph(text, style)
    paragraph.wrap(width, 1000)
    lines = ["".join(line[1]) if isinstance(line, tuple)  # plain text: (space, [words])
             else "".join(f.text for f in line.words) for line in paragraph.blPara.lines]
    assert len(lines) == 2 and "".join(lines) == text
    assert lines[0].endswith(mark) and lines[1][0] not in NO_LINE_START, lines


def test_with_markup_too():  # the certificate underlines the name: ReportLab's other path
    font = document_fonts().body.name
    head = "学员<u>张三</u>参加安全生产培训经考核合格"
    plain = "学员张三参加安全生产培训经考核合格"
    style = ParagraphStyle("t", fontName=font, fontSize=15, leading=27, wordWrap="CJK")
    paragraph = Paragraph(head + "，准予结业。", style)
    paragraph.wrap(stringWidth(plain, font, 15) + 0.5, 1000)
    lines = ["".join(line[1]) if isinstance(line, tuple)
             else "".join(f.text for f in line.words) for line in paragraph.blPara.lines]
    assert lines[0].endswith("，") and lines[1].startswith("准"), lines
