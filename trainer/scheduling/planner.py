"""Solving a planning problem: a greedy placement first, then CP-SAT improving it a
neighbourhood at a time (trainer.scheduling.lns) from the greedy plan; a neighbourhood's result
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


@dataclass(frozen=True)
class SolveOptions:
    time_limit: float = 10.0  # deterministic seconds of CP-SAT search
    seed: int = 20210601
    wall_clock_factor: float = 10.0  # safety limit: time_limit × this (≥ 30 s), real seconds
    use_cp_sat: bool = True
    neighbourhood: int = 60  # lessons freed at a time (large-neighbourhood search)
    step: float = 0.5  # deterministic seconds of CP-SAT per neighbourhood


def solve(problem: PlanningProblem, options: SolveOptions = SolveOptions(),
          progress: ProgressFn | None = None, cancel: CancelFn | None = None,
          cands: Candidates | None = None) -> Plan:
    started = time.perf_counter()
    cands = cands or compute_candidates(problem)
    total = len(cands.options)
    if progress:
        progress(0, total, STAGE_PLACE)
    greedy = greedy_plan(problem, cands)
    if progress:
        progress(greedy.placed_count, total, STAGE_PLACE)
    if not options.use_cp_sat or not total or (cancel and cancel()):
        return replace(greedy, seconds=time.perf_counter() - started,
                       status="cancelled" if cancel and cancel() else "")
    from trainer.scheduling.lns import improve, plan_value

    wall = max(30.0, options.time_limit * options.wall_clock_factor)
    best = improve(cands, greedy, options.time_limit, seed=options.seed,
                   size=options.neighbourhood, step=options.step, wall_limit=wall,
                   progress=progress, cancel=cancel)
    seconds = time.perf_counter() - started
    if cancel and cancel():
        status = "cancelled"
    elif seconds - greedy.seconds >= wall:
        status = "wall-clock limit"
    else:
        status = "improved" if best is not greedy else "greedy kept"
    method = "greedy+cp-sat" if best is not greedy else "greedy"
    return replace(best, method=method, status=status, objective=plan_value(cands, best),
                   seconds=seconds)
