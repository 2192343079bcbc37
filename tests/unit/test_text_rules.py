"""Text clean-up: to_halfwidth, clean_text, clean_name, clean_code, display_width, pinyin_initials."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from trainer.rules.pinyin import pinyin_initials
from trainer.rules.text import clean_code, clean_name, clean_text, display_width, to_halfwidth


# --- to_halfwidth ----------------------------------------------------------------------------

@pytest.mark.parametrize("raw, expected", [
    ("０１２３４５６７８９", "0123456789"),
    ("ＡＢＣＸＹＺ", "ABCXYZ"),
    ("ａｂｃｘｙｚ", "abcxyz"),
    ("！＃＄％＆（）＊＋，－．／：；＜＝＞？＠［＼］＾＿｀｛｜｝～", "!#$%&()*+,-./:;<=>?@[\\]^_`{|}~"),
    ("\u3000", " "),
    ("张三\u3000李四", "张三 李四"),
    ("", ""),
])
def test_to_halfwidth(raw, expected):
    assert to_halfwidth(raw) == expected


@pytest.mark.parametrize("kept", ["张三", "，。、；：？！“”‘’（", "《》【】", "¥￥", "ｶﾀｶﾅ", "abc 123", "—–"])
def test_to_halfwidth_keeps_chinese_and_other_text(kept):
    # Chinese punctuation (，。) is not in the full-width ASCII block… except ！？（：；，
    # which are; so check char by char against the block.
    out = to_halfwidth(kept)
    for before, after in zip(kept, out):
        if 0xFF01 <= ord(before) <= 0xFF5E:
            assert ord(after) == ord(before) - 0xFEE0
        else:
            assert after == before


def test_to_halfwidth_keeps_length():
    text = "Ｈｅｌｌｏ　世界！１２３"
    assert len(to_halfwidth(text)) == len(text)
    assert to_halfwidth(text) == "Hello 世界!123"


# --- clean_text ------------------------------------------------------------------------------

@pytest.mark.parametrize("raw, expected", [
    (None, ""),
    ("", ""),
    ("   ", ""),
    ("  abc  ", "abc"),
    ("a   b\t\tc\n\nd", "a b c d"),
    ("a\u3000\u3000b", "a b"),
    ("\ufeffabc", "abc"),
    ("a\u200bb", "ab"),
    ("ＡＢＣ　１２３", "ABC 123"),
    ("e\u0301", "\u00e9"),          # NFC
    (120, "120"),
    (120.5, "120.5"),
    (Decimal("3.10"), "3.10"),
    (dt.date(2026, 3, 5), "2026-03-05"),
    ("\xa0non-breaking\xa0", "non-breaking"),
    ("line\r\nbreak", "line break"),
])
def test_clean_text(raw, expected):
    assert clean_text(raw) == expected


def test_clean_text_is_idempotent_on_examples():
    for raw in ["  ＡＢＣ　１２３ ", "张 三", "a\u200b b", "Ｅ\u0301"]:
        once = clean_text(raw)
        assert clean_text(once) == once


# --- clean_name ------------------------------------------------------------------------------

@pytest.mark.parametrize("raw, expected", [
    ("张 三", "张三"),
    ("张  三", "张三"),
    ("张\u3000三", "张三"),           # ideographic space
    (" 欧阳 娜娜 ", "欧阳娜娜"),
    ("张 三 丰", "张三丰"),
    ("John Smith", "John Smith"),
    ("John   Smith", "John Smith"),
    ("Ｊｏｈｎ　Ｓｍｉｔｈ", "John Smith"),  # full-width letters and ideographic space
    ("ＪＯＨＮ", "JOHN"),
    ("张三 John", "张三 John"),        # a space between Chinese and Latin is kept
    ("John 张三", "John 张三"),
    ("新余市 总工会", "新余市总工会"),
    ("江西新余钢铁 (集团) 有限公司", "江西新余钢铁 (集团) 有限公司"),
    ("阿卜杜拉 · 买买提", "阿卜杜拉·买买提"),   # the middle dot in minority names
    ("Zoë Ünal", "Zoë Ünal"),         # a space between accented Latin words is kept
    ("José Müller", "José Müller"),
    ("Иван Петров", "Иван Петров"),   # and between Cyrillic words
    (None, ""),
    ("", ""),
])
def test_clean_name(raw, expected):
    assert clean_name(raw) == expected


# --- clean_code ------------------------------------------------------------------------------

@pytest.mark.parametrize("raw, expected", [
    ("91350100M000100Y43", "91350100M000100Y43"),
    ("91350100m000100y43", "91350100M000100Y43"),
    ("9135 0100 M000 100Y 43", "91350100M000100Y43"),
    ("9135-0100-M000-100Y-43", "91350100M000100Y43"),
    ("９１３５０１００Ｍ０００１００Ｙ４３", "91350100M000100Y43"),
    ("１１０１０５　１９４９１２３１　００２ｘ", "11010519491231002X"),
    ("\ufeff11010519491231002x\u200b", "11010519491231002X"),
    ("a\tb\nc", "ABC"),
    (None, ""),
    ("", ""),
    ("  ", ""),
    (12345, "12345"),
])
def test_clean_code(raw, expected):
    assert clean_code(raw) == expected


def test_clean_code_keeps_other_punctuation():
    # Only spaces and hyphens are dropped: a stray dot must still fail validation later.
    assert clean_code("12.34/56") == "12.34/56"


# --- display_width ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, width", [
    ("", 0),
    ("abc", 3),
    ("张三", 4),
    ("张三ab", 6),
    ("ＡＢ", 4),                # full-width letters take two columns
    ("\u3000", 2),
    ("，。", 4),
    ("ｶﾅ", 2),                  # half-width katakana take one
    ("1 2", 3),
])
def test_display_width(text, width):
    assert display_width(text) == width


def test_display_width_of_halfwidth_text_is_its_length():
    text = to_halfwidth("Ａｂｃ１２３")
    assert display_width(text) == len(text)


# --- pinyin_initials -------------------------------------------------------------------------

@pytest.mark.parametrize("text, initials", [
    ("张三", "zs"),
    ("李四", "ls"),
    ("王小明", "wxm"),
    ("新余", "xy"),
    ("秦皇岛", "qhd"),
    ("张三John", "zsjohn"),
    ("John Smith", "johnsmith"),
    ("张三 2", "zs2"),
    ("张·三", "zs"),             # punctuation dropped
    ("", ""),
    ("！？", ""),
])
def test_pinyin_initials(text, initials):
    assert pinyin_initials(text) == initials


def test_pinyin_initials_are_lowercase_ascii_alnum():
    out = pinyin_initials("课堂设在工厂 Factory Classroom 2026!")
    assert out == out.lower()
    assert out.isascii() and out.isalnum()
    assert out.startswith("ktszgc")
