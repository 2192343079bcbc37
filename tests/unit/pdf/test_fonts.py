"""Font resolution for PDFs: settings → shipped → system → built-in STSong-Light with a warning;
PostScript-outline fonts refused; Chinese and mixed text wrap inside their columns."""
import io
import shutil
import struct
from pathlib import Path

import pytest
from reportlab.platypus import SimpleDocTemplate

from tests.pdf_reading import all_fonts_embedded, fonts, text
from trainer.errors import PdfError
from trainer.pdf.fonts import (BUILTIN_FONT, check_font_file, find_installed, font_dirs,
                               outline_kind, resolve_font)
from trainer.pdf.layout import data_table, make_styles, para

SYSTEM_TTC = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
needs_wqy = pytest.mark.skipif(not SYSTEM_TTC.exists(), reason="fonts-wqy-microhei not installed")


def cff_font(path: Path, collection: bool = False) -> Path:
    """A file whose header says OpenType with CFF outlines (what Noto Sans CJK .otf/.ttc are)."""
    body = b"OTTO" + b"\0" * 60
    if collection:
        body = b"ttcf" + struct.pack(">HHI", 1, 0, 1) + struct.pack(">I", 16) + body
    path.write_bytes(body)
    return path


def test_postscript_outline_fonts_are_refused_with_the_reason(tmp_path):
    for font in (cff_font(tmp_path / "NotoSansCJKsc-Regular.otf"),
                 cff_font(tmp_path / "NotoSansCJK-Regular.ttc", collection=True)):
        assert outline_kind(font) == "postscript"
        with pytest.raises(PdfError) as info:
            check_font_file(font)
        assert info.value.reason == "font_postscript"
        assert "PostScript" in info.value.message("zh") and "TrueType" in info.value.message("zh")
        assert "cannot embed" in info.value.message("en")


def test_missing_and_non_font_files_are_refused(tmp_path):
    with pytest.raises(PdfError) as info:
        check_font_file(tmp_path / "simsun.ttc")
    assert info.value.reason == "font_missing"
    junk = tmp_path / "junk.ttf"
    junk.write_bytes(b"\x00\x01\x00\x00" + b"garbage" * 20)
    with pytest.raises(PdfError) as info:
        check_font_file(junk)
    assert info.value.reason == "font_unreadable"


@needs_wqy
def test_a_collection_is_opened_at_the_chosen_subfont():
    assert outline_kind(SYSTEM_TTC, 0) == outline_kind(SYSTEM_TTC, 1) == "truetype"
    assert check_font_file(SYSTEM_TTC, 0) != check_font_file(SYSTEM_TTC, 1)  # Micro Hei / Mono
    assert outline_kind(SYSTEM_TTC, 7) == "unknown"


@needs_wqy
def test_order_setting_then_shipped_then_system(tmp_path):
    shipped = tmp_path / "shipped"
    shipped.mkdir()
    system = [Path("/usr/share/fonts")]
    choice, warnings = resolve_font(search_dirs=system, shipped_dir=shipped)
    assert (choice.source, choice.path, warnings) == ("system", str(SYSTEM_TTC), [])
    shutil.copy(SYSTEM_TTC, shipped / "office.ttc")
    choice, _ = resolve_font(search_dirs=system, shipped_dir=shipped)
    assert choice.source == "shipped" and choice.path == str(shipped / "office.ttc")
    choice, _ = resolve_font(str(SYSTEM_TTC), 1, search_dirs=system, shipped_dir=shipped)
    assert (choice.source, choice.subfont_index) == ("setting", 1)


@needs_wqy
def test_an_unusable_font_in_the_settings_falls_back_with_a_warning(tmp_path):
    bad = cff_font(tmp_path / "chosen.otf")
    choice, warnings = resolve_font(str(bad), search_dirs=[Path("/usr/share/fonts")],
                                    shipped_dir=tmp_path / "none")
    assert choice.source == "system" and choice.embedded
    assert [w.reason for w in warnings] == ["font_setting_unusable"]
    assert "PostScript" in warnings[0].message("en")


def test_no_chinese_truetype_font_gives_stsong_light_and_a_warning(tmp_path):
    choice, warnings = resolve_font(search_dirs=[tmp_path], shipped_dir=tmp_path / "none")
    assert choice.name == BUILTIN_FONT and not choice.embedded
    assert [w.reason for w in warnings] == ["font_fallback"]
    assert "not embedded" in warnings[0].message("en") and "不嵌入" in warnings[0].message("zh")


def test_font_folders_are_searched_recursively_by_file_name(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "SimHei.TTF").write_bytes(b"x")
    (tmp_path / "msyh.ttc").write_bytes(b"x")
    found = find_installed((("msyh.ttc", 0), ("simhei.ttf", 0)), [tmp_path])
    assert [Path(p).name for p, _ in found] == ["msyh.ttc", "SimHei.TTF"]
    assert font_dirs()  # this platform has some font folders


@needs_wqy
def test_mixed_chinese_and_latin_text_wraps_inside_a_table_column():
    from trainer.pdf.fonts import register

    choice, _ = resolve_font(search_dirs=[Path("/usr/share/fonts")], shipped_dir=Path("/none"))
    styles = make_styles(register(choice))
    long_text = ("江西袁川金属结构有限公司 Jiangxi Yuanchuan Metal Structure Co., Ltd. "
                 "有限空间作业安全 internationalization ISO-45001:2018")
    table = data_table(["企业", "说明"], [[long_text, "安全生产"]], [90, 60], styles)
    width, height = table.wrap(150, 800)
    assert width <= 150.01 and height > 60  # wrapped onto several lines, not widened
    cell = para(long_text, styles.cell)
    cell.wrap(84, 800)
    lines = cell.blPara.lines  # (space left, words) per line: none runs past the column
    assert len(lines) >= 5 and all(line[0] >= -0.01 for line in lines)
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, initialFontName=styles.font).build([para(long_text, styles.body), table])
    assert "ISO-45001:2018" in text(buffer.getvalue())
    assert "江西袁川金属结构有限公司" in text(buffer.getvalue())
    assert all_fonts_embedded(buffer.getvalue()), fonts(buffer.getvalue())
