"""Solving a planning problem: a greedy placement first, returned at once when it already places
every lesson the max-flow bound allows (trainer.scheduling.bounds) and its objective is within
`SolveOptions.soft_gap_per_lesson` of a lower bound (status "at bound"); otherwise CP-SAT
improves it a neighbourhood at a time (trainer.scheduling.lns) from the greedy plan; a neighbourhood's result
is kept only when the whole plan gets better, so the answer is never worse than greedy, even
when stopped early.

Same input → same plan. The models are built in a fixed order; neighbourhoods follow a seeded
order; each CP-SAT run has one search worker, a fixed `random_seed` and a limit in
*deterministic* time (`max_deterministic_time`, CP-SAT's work counter, meant to be about one
second), and the budget `time_limit` is counted in that deterministic time — never in wall time,
which would stop two runs at different points. (Several workers would need `interleave_search`
to stay deterministic; its batches overshoot the limit and cost more wall time than they win on
a two-core machine, and one model of a province quarter spends its whole limit in presolve:
hence small neighbourhood models, one worker, light presolve.) A wall-clock limit stays as a
safety net only (ten times the budget, at least 30 s); a run stopped by it, or by cancel, says
so in `Plan.status` and may differ from another run.

`progress(done, total, stage)` reports each stage by its code (STAGES; the GUI names them in its
words): "place" with the lessons placed so far, then "improve" with the search budget spent
(milliseconds of deterministic time out of the budget), after every neighbourhood — so a
progress bar keeps moving while CP-SAT works; `cancel()` is checked between neighbourhoods (each at most `step` deterministic
seconds) and stops the search, keeping the best plan so far. The GUI passes its worker's
Progress.report and `lambda: progress.cancelled`."""
from __future__ import annotations

import time
from dataclasses import dataclass, replace
from typing import Callable

from trainer.scheduling.candidates import Candidates, compute_candidates
from trainer.scheduling.greedy import greedy_plan
from trainer.scheduling.problem import Plan, PlanningProblem

ProgressFn = Callable[[int, int, str], None]
STAGE_PLACE, STAGE_IMPROVE = "place", "improve"
STAGES = (STAGE_PLACE, STAGE_IMPROVE)
CancelFn = Callable[[], bool]
PlanFn = Callable[[Plan], None]


@dataclass(frozen=True)
class SolveOptions:
    time_limit: float = 10.0  # deterministic seconds of CP-SAT search
    seed: int = 20210601
    wall_clock_factor: float = 10.0  # safety limit: time_limit × this (≥ 30 s), real seconds
    use_cp_sat: bool = True
    neighbourhood: int = 40  # lessons freed at a time (large-neighbourhood search)
    step: float = 0.2  # deterministic seconds of CP-SAT per neighbourhood
    # the greedy plan is returned at once when it places as many lessons as the max-flow bound
    # allows and its objective is at most this many points per placed lesson (SCALE-free
    # weight units, e.g. 10 = two half-days off the preferred ones) above a lower bound
    soft_gap_per_lesson: float = 10.0


def at_bound(cands: Candidates, greedy: Plan, gap_per_lesson: float) -> bool:
    """Whether no search can do noticeably better than `greedy`: every lesson the max-flow
    bound allows is placed, and the soft goals are within the stated gap of their lower bound."""
    from trainer.scheduling.bounds import objective_lower_bound, placement_upper_bound
    from trainer.scheduling.lns import plan_value
    from trainer.scheduling.model import SCALE

    total = len(cands.options)  # every lesson placed: no bound to compute, it is the total
    upper = total if greedy.placed_count >= total else placement_upper_bound(cands)
    if greedy.placed_count < upper:
        return False
    gap = plan_value(cands, greedy) - objective_lower_bound(cands, upper)
    return gap <= gap_per_lesson * SCALE * max(greedy.placed_count, 1)


def solve(problem: PlanningProblem, options: SolveOptions = SolveOptions(),
          progress: ProgressFn | None = None, cancel: CancelFn | None = None,
          cands: Candidates | None = None, on_plan: PlanFn | None = None) -> Plan:
    """The plan; `on_plan`, when given, gets the greedy plan as soon as the search starts and
    then every better plan the search keeps (status "searching"), to show while it works."""
    started = time.perf_counter()
    cands = cands or compute_candidates(problem)
    total = len(cands.options)
    if progress:
        progress(0, total, STAGE_PLACE)
    greedy = greedy_plan(problem, cands)
    if progress:
        progress(greedy.placed_count, total, STAGE_PLACE)
    if not options.use_cp_sat or not total or options.time_limit <= 0 or (cancel and cancel()):
        return replace(greedy, seconds=time.perf_counter() - started,
                       status="cancelled" if cancel and cancel() else "")
    if at_bound(cands, greedy, options.soft_gap_per_lesson):
        return replace(greedy, seconds=time.perf_counter() - started, status="at bound")
    from trainer.scheduling.lns import improve, plan_value

    wall = max(30.0, options.time_limit * options.wall_clock_factor)
    searching = time.perf_counter()

    def interim(plan: Plan) -> None:
        changed = sum(1 for k, p in plan.placements.items() if greedy.placements.get(k) != p)
        on_plan(replace(plan, method="greedy+cp-sat" if plan is not greedy else "greedy",
                        status="searching", seconds=time.perf_counter() - started,
                        search_seconds=time.perf_counter() - searching, changed=changed,
                        added=plan.placed_count - greedy.placed_count))

    if on_plan:
        interim(greedy)
    best = improve(cands, greedy, options.time_limit, seed=options.seed,
                   size=options.neighbourhood, step=options.step, wall_limit=wall,
                   progress=progress, cancel=cancel, on_improve=interim if on_plan else None)
    seconds = time.perf_counter() - started
    search = time.perf_counter() - searching
    if cancel and cancel():
        status = "cancelled"
    elif search >= wall:
        status = "wall-clock limit"
    else:
        status = "improved" if best is not greedy else "greedy kept"
    method = "greedy+cp-sat" if best is not greedy else "greedy"
    changed = sum(1 for k, p in best.placements.items() if greedy.placements.get(k) != p)
    return replace(best, method=method, status=status, objective=plan_value(cands, best),
                   seconds=seconds, search_seconds=search, changed=changed,
                   added=best.placed_count - greedy.placed_count)


def method_line(plan: Plan, lang: str | None = None) -> str:
    """How the plan was made, in a sentence of the interface language."""
    from trainer.texts import pick

    took = f"{plan.seconds:.1f}"
    search = f"{plan.search_seconds:.0f}"
    if plan.method == "none":
        text = pick(("没有需要安排的课次", "nothing to plan"), lang)
    elif plan.status == "at bound":
        text = pick((f"贪心方案已达上限，无需进一步优化（用时 {took} 秒）",
                     f"greedy plan at the upper bound, no further optimisation needed "
                     f"({took} s)"), lang)
    elif plan.status == "searching" and plan.method == "greedy":
        text = pick(("贪心方案，CP-SAT 正在寻找更好方案……",
                     "greedy plan; CP-SAT is looking for a better one…"), lang)
    elif plan.method == "greedy+cp-sat" and plan.added > 0:
        text = pick((f"CP-SAT {'已' if plan.status == 'searching' else ''}用 {search} 秒多排入 "
                     f"{plan.added} 个课次（调整 {plan.changed} 个）",
                     f"CP-SAT placed {plan.added} more lessons in {search} s "
                     f"({plan.changed} changed)"), lang)
    elif plan.method == "greedy+cp-sat":
        text = pick((f"CP-SAT {'已' if plan.status == 'searching' else ''}用 {search} 秒改进了 "
                     f"{plan.changed} 个课次",
                     f"CP-SAT improved {plan.changed} lessons in {search} s"), lang)
    elif plan.search_seconds or plan.status in ("greedy kept", "wall-clock limit"):
        text = pick((f"贪心方案，CP-SAT 用 {search} 秒未找到更好方案",
                     f"greedy plan; CP-SAT found nothing better in {search} s"), lang)
    else:
        text = pick((f"贪心方案，未运行 CP-SAT（用时 {took} 秒）",
                     f"greedy plan, CP-SAT not run ({took} s)"), lang)
    if plan.status == "searching" and plan.method != "greedy":
        text += pick(("，仍在优化……", ", still improving…"), lang)
    elif plan.status == "wall-clock limit":
        text += pick(("（达到时间上限后停止）", " (stopped at the time limit)"), lang)
    elif plan.status == "cancelled":
        text += pick(("（已取消）", " (cancelled)"), lang)
    return text
