"""TraineeCleaner (services/trainees.py), the import's per-list form of clean_trainee: row
after row it gives what clean_trainee gives for each row alone — the same values, the same
errors — though it remembers what each descriptive column gave for a value."""
import random

import pytest

from trainer.errors import InvalidInput
from trainer.services.trainees import TraineeCleaner, TraineeForm, clean_trainee

GENDERS = ["男", "女", " 男 ", "M", "f", "男性", "", "  ", "\u200b", "未知"]
POSTS = ["电工", " 电 工 ", "焊工", "", "x" * 51, "班组长\x07", "ＡＢＣ"]
CATEGORIES = ["在岗职工", "农民工", "一线职工", "", "regular", "技术骨干" * 6]
NOTES = ["", "夜班", "  ", "备注\x01"]
YES_NO = [None, "是", "否", "√", "", "也许", True, False]
IDS = ["11010519491231002X", "110105194912310021", "11010519491231002x", "", "123",
       "１１０１０５１９４９１２３１００２Ｘ", "360502198503123319", "99010519491231002X"]
MOBILES = ["13800138000", "+86 138-0013-8000", "1380013800", "", " 13912345678 ", "12345678901",
           "１３８００１３８０００"]
NAMES = ["张三", "张 三", "", "欧阳䶮", "𠮷田春生", "A" * 51, "李\x1b四"]


def _outcome(clean, form):
    try:
        return "ok", clean(form)
    except InvalidInput as exc:
        return "refused", [(e.field, e.reason, e.params) for e in exc.errors]


@pytest.mark.parametrize("keep_unknown", [True, False])
def test_row_after_row_the_cleaner_gives_what_clean_trainee_gives(keep_unknown):
    rng = random.Random(21)
    cleaner = TraineeCleaner(keep_unknown_category=keep_unknown)
    for _ in range(3000):  # values repeat: most are answered from what was remembered
        form = TraineeForm(name=rng.choice(NAMES), id_number=rng.choice(IDS),
                           gender=rng.choice(GENDERS), mobile=rng.choice(MOBILES),
                           enterprise_id=rng.choice([None, 3]), post=rng.choice(POSTS),
                           category=rng.choice(CATEGORIES), notes=rng.choice(NOTES),
                           holds_certificate=rng.choice(YES_NO))
        assert _outcome(cleaner, form) == _outcome(
            lambda f: clean_trainee(f, keep_unknown_category=keep_unknown), form), form


def test_a_bad_value_is_refused_every_time_it_comes():
    cleaner = TraineeCleaner()
    form = TraineeForm(name="张三", gender="未知", post="电工")
    for _ in range(3):
        assert _outcome(cleaner, form)[0] == "refused"
    assert _outcome(cleaner, TraineeForm(name="张三", gender="男", post="电工"))[0] == "ok"
