"""Text clean-up: to_halfwidth, clean_text, clean_name, clean_code, display_width, pinyin_initials."""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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


# --- fast paths give what the rules give -----------------------------------------------------
# clean_text & co. run for every cell of an import, so they take shortcuts (ASCII, nothing to
# change, str.split for whitespace). These are the rules written out plainly, as they were
# before the shortcuts: the fast code must agree with them on any text.

_SLOW_SPACES = re.compile(r"\s+")
_SLOW_CJK = (r"[\u00b7\u2014\u2018\u2019\u201c\u201d\u2026\u2e80-\u9fff\uf900-\ufaff"
             r"\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003ffff]")
_SLOW_CJK_SPACE = re.compile(rf"(?<={_SLOW_CJK}) (?={_SLOW_CJK})")


def slow_halfwidth(text):
    out = []
    for ch in text:
        code = ord(ch)
        if code == 0x3000:
            out.append(" ")
        elif 0xFF01 <= code <= 0xFF5E:
            out.append(chr(code - 0xFEE0))
        else:
            out.append(ch)
    return "".join(out)


def slow_clean_text(value):
    if value is None:
        return ""
    text = str(value).replace("\u200b", "").replace("\ufeff", "")
    text = unicodedata.normalize("NFC", slow_halfwidth(text))
    return _SLOW_SPACES.sub(" ", text).strip()


def slow_clean_name(value):
    return unicodedata.normalize("NFC", _SLOW_CJK_SPACE.sub("", slow_clean_text(value)))


def slow_clean_code(value):
    return unicodedata.normalize("NFC", re.sub(r"[\s\-]", "", slow_clean_text(value)).upper())


# What the shortcuts branch on: ASCII, full-width forms, odd spaces and invisible marks,
# combining marks that compose (e + ́, か + ゙), Hangul jamo, letters whose upper case grows
# (ß, ǰ, ﬁ), Chinese and the separators clean_code drops.
_TRICKY = ([chr(c) for c in range(0x80)] + [chr(c) for c in range(0xFF00, 0xFF70)]
           + list("\u3000\u200b\ufeff\xa0\x85\u2028\u1680\u0301\u0308\u3099\u304b\u1100\u1161"
                  "\uac00\u0130\u01f0\u00df\ufb01\u00b7\u2014张三李四 -xX"))
tricky_text = st.text(alphabet=st.sampled_from(_TRICKY), max_size=12)


def test_whitespace_of_str_split_is_that_of_re():
    # clean_text collapses whitespace with str.split(); the rule says re's \s. Same set.
    space = re.compile(r"\s")
    assert [c for c in range(0x110000)
            if (space.match(chr(c)) is not None) != chr(c).isspace()] == []


@given(st.one_of(tricky_text, st.text(max_size=12)))
@settings(max_examples=400)
def test_fast_text_rules_equal_the_plain_rules(text):
    assert to_halfwidth(text) == slow_halfwidth(text)
    assert clean_text(text) == slow_clean_text(text)
    assert clean_name(text) == slow_clean_name(text)
    assert clean_code(text) == slow_clean_code(text)


@pytest.mark.parametrize("raw", ["か \u3099", "e \u0301", "张 三", "ǰ", "ß-x", " ﬁ ", "\u3000",
                                 "\ufeff\u200b", "Ｅ\u0301", 12.5, None])
def test_fast_text_rules_on_the_shortcuts_edges(raw):
    assert clean_text(raw) == slow_clean_text(raw)
    assert clean_name(raw) == slow_clean_name(raw)
    assert clean_code(raw) == slow_clean_code(raw)


# --- pinyin_initials: per-character table vs pypinyin on the whole text ----------------------

def whole_initials(text):
    from pypinyin import Style, lazy_pinyin

    parts = lazy_pinyin(text, style=Style.FIRST_LETTER, errors="default")
    return "".join(ch for part in parts for ch in part.lower() if ch.isascii() and ch.isalnum())


@pytest.mark.parametrize("text, initials", [
    ("长", "z"), ("长江", "cj"), ("张长江", "zcj"), ("班长", "bz"),  # zhǎng alone, cháng in 长江
    ("曾", "c"), ("曾经", "cj"), ("何曾", "hz"),                      # céng; zēng in 何曾
    ("行长", "hz"), ("银行", "yh"), ("单于", "cy"), ("单田芳", "dtf"),
    ("燵", "d"), ("火燵", "ht"),                                      # dá alone, tā in 火燵
    ("冯强", "fq"), ("石磊", "sl"),
])
def test_pinyin_initials_follow_phrases(text, initials):
    assert whole_initials(text) == initials
    assert pinyin_initials(text) == initials


def test_pinyin_initials_equal_pypinyin_on_every_phrase_of_its_dictionary():
    from pypinyin.constants import PHRASES_DICT

    different = [p for p in PHRASES_DICT if pinyin_initials(p) != whole_initials(p)]
    assert different == []


def _phrase_pieces():
    from pypinyin.constants import PHRASES_DICT

    return sorted(PHRASES_DICT)[::40]


@given(st.lists(st.one_of(
    st.sampled_from(_phrase_pieces()),
    st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), max_size=3),
    st.sampled_from(["长", "曾", "冯", "石", "·", " ", "A", "3", "é", "〇", "\U00020000"])),
    max_size=5).map("".join))
@settings(max_examples=300, deadline=None)
def test_pinyin_initials_equal_pypinyin_on_mixed_text(text):
    assert pinyin_initials(text) == whole_initials(text)


# --- control characters (issue 20, finding 6) ---------------------------------------------------

def test_control_characters_are_found_with_their_place_and_code():
    from trainer.rules.text import control_character

    assert control_character("张三") is None
    assert control_character("张\x1b[31m三") == (2, "U+001B")
    assert control_character("王五\x00") == (3, "U+0000")
    assert control_character("x\x9by") == (2, "U+009B")  # C1 (CSI) as well
    # whitespace among the controls is harmless: the clean-up makes it a space first
    assert control_character(clean_text("张\t三\x0b\x1c\x85")) is None


def test_escape_controls_makes_them_visible_and_keeps_the_rest():
    from trainer.rules.text import escape_controls

    assert escape_controls("钱\x1b]0;x\x07七") == "钱\\x1b]0;x\\x07七"
    assert escape_controls("第一行\n第二行\t完") == "第一行\n第二行\t完"
    assert escape_controls("𠮷\x7f") == "𠮷\\x7f"
