"""Keyset paging and capped counts behind the Trainees page (SQLite and PostgreSQL)."""
from trainer.rules.id_number import check_character
from trainer.services import trainees as tr


def _id(n: int) -> str:
    first17 = f"360502199001{n % 28 + 1:02d}{n:03d}"
    return first17 + check_character(first17)


def _fill(uow):
    names = ["张三", "张思", "周帅", "李四", "王五", "赵六"] * 5
    with uow:
        for n, name in enumerate(names):
            tr.create_trainee(uow, tr.TraineeForm(f"{name}{n}", _id(n), mobile=f"1380013{n:04d}"))
    return names


def _all_pages(uow, search, limit=4):
    seen, cursor = [], None
    while True:
        page = tr.page_trainees(uow, search, limit=limit, cursor=cursor)
        seen += [r.name for r in page.records]
        if page.cursor is None:
            return seen
        cursor = page.cursor


def test_pages_cover_every_match_once_in_order(uow):
    _fill(uow)
    everyone = _all_pages(uow, "")
    assert len(everyone) == 30 == len(set(everyone))
    assert everyone == sorted(everyone)
    zs = _all_pages(uow, "zs")
    assert sorted(zs) == sorted(n for n in everyone if n[:2] in ("张三", "张思", "周帅"))
    assert _all_pages(uow, "张") == sorted(n for n in everyone if n.startswith("张"))


def test_number_searches(uow):
    _fill(uow)
    assert [r.name for r in tr.page_trainees(uow, "00130007").records] == ["张思7"]  # mobile tail
    full = _id(12)
    for typed in (full[:12], full[:15], full, full.lower()):  # an ID typed from the left
        names = [r.name for r in tr.page_trainees(uow, typed).records]
        assert "张三12" in names
    assert [r.name for r in tr.page_trainees(uow, full).records] == ["张三12"]
    assert tr.page_trainees(uow, full[:-1] + ("0" if full[-1] != "0" else "1")).records == ()


def test_capped_count(uow):
    _fill(uow)
    assert tr.count_trainees_capped(uow) == tr.TraineeCount(30, False)
    assert tr.count_trainees_capped(uow, "zs", cap=5) == tr.TraineeCount(5, True)
    assert tr.count_trainees_capped(uow, "zs", cap=100) == tr.TraineeCount(15, False)
