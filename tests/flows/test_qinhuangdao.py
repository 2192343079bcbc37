"""The Qinhuangdao plan's flow at a small size (bench/bench_qinhuangdao.py runs it at 1,080
enrolments and times it): sign-up list → classes → open enrolment → attendance by grid, sheet
and scanner → results → completion → export → histories. Who completes is checked against what
the scenario generated, counted here without the code under test."""
from __future__ import annotations

import openpyxl

from tests.scenarios.qinhuangdao_scenario import PASS_MARK, Plan, run


def test_the_plan_from_sign_up_list_to_completion(uow, tmp_path):
    plan = Plan(months=2, classes_per_month=3, trainees_per_class=10, lessons=5,
                late_joiners_per_class=2, ineligible_applicants=8)
    stages = []

    class Stage:
        def __init__(self, name, ops):
            stages.append((name, ops))

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

    out = run(uow, tmp_path, plan, Stage)
    assert len(stages) == 11 and all(ops > 0 for _name, ops in stages)
    assert out.counts["enrolments"] == plan.trainees == 60
    assert out.counts["refused (not eligible)"] == plan.ineligible_applicants  # each tried once
    for cohort_id in out.cohort_ids:
        expected = 0
        for counted, attended, score in out.generated[cohort_id].values():
            needed = -(-counted * 80 // 100)
            expected += attended >= needed and score is not None and score >= PASS_MARK
        assert out.completion[cohort_id] == (expected, plan.trainees_per_class), cohort_id
    assert 0 < out.counts["completing"] < out.counts["enrolments"]
    assert all(r for r in out.reasons)
    book = openpyxl.load_workbook(tmp_path / f"class-{out.cohort_ids[0]}.xlsx")
    assert book.active.max_row == plan.trainees_per_class + 1
