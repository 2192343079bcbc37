"""The trainee import's 已持证 column (issue 16): "already holds the certificate" recorded on
the trainee from a roster file, kept by edits that do not mention it, refused when unreadable
with the row and column named."""
from __future__ import annotations

from tests.scenarios.attendance_fixtures import id_number
from tests.sheet_files import ods
from trainer.io.importing import preview_import, run_import
from trainer.services.trainees import (TraineeForm, find_trainee_by_id_number, get_trainee,
                                       update_trainee)


def test_the_column_is_read_kept_and_checked(uow, tmp_path):
    path = ods(tmp_path / "名单.ods", {"名单": [
        ["姓名", "身份证号", "人员类别", "是否持证"],
        ["王秀兰", id_number(1), "下岗失业人员", "是"],
        ["李桂英", id_number(2), "农民工", ""],
        ["张红梅", id_number(3), "农民工", "持有初级证"],
        ["刘婷", id_number(4), "困难职工", "√"],
    ]})
    preview = preview_import(uow, "trainees", path)
    assert [r.row for r in preview.rejected] == [4]
    assert preview.rejected[0].message("zh") == "是否持证：已持证应为以下之一：是/否"
    run_import(uow, preview)
    held = {n: find_trainee_by_id_number(uow, id_number(n)).holds_certificate for n in (1, 2, 4)}
    assert held == {1: True, 2: False, 4: True}
    wang = find_trainee_by_id_number(uow, id_number(1))
    edited = update_trainee(uow, wang.id, TraineeForm(wang.name, wang.id_number, mobile="13912345678",
                                                      category="laid_off"), wang.version)
    assert edited.holds_certificate  # a form that does not show the field leaves it
    edited = update_trainee(uow, wang.id, TraineeForm(wang.name, wang.id_number, category="laid_off",
                                                      holds_certificate=False), edited.version)
    assert not get_trainee(uow, wang.id).holds_certificate
