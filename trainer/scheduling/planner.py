"""Solving a planning problem: greedy placement first, then CP-SAT from the greedy hint; the
better of the two is returned (so CP-SAT is never worse than greedy, even when stopped early).

Same input → same plan. The model is built in a fixed order, and the solver runs
deterministically: one search worker with a fixed `random_seed` (more workers switch on
`interleave_search`, CP-SAT's deterministic parallel mode, whose batches overshoot the limit and
cost more wall time than they win on a two-core machine), and a limit in *deterministic* time
(`max_deterministic_time`, CP-SAT's work counter, meant to be about one second) rather than wall
time, which would stop two runs at different points. A wall-clock limit stays as a safety net
only (ten times the deterministic one, at least 30 s); a run stopped by it, or by cancel, says so
in `Plan.status` and may differ from another run. The light presolve (no probing, one pass) is
chosen because full presolve cost more than the search on these assignment models.

`progress(done, total, text)` is called with the lessons placed so far after each improving
solution; `cancel()` is polled about ten times a second and stops the search, keeping the best
plan found so far. Both may be called from the solver's threads; the GUI passes its worker's
Progress.report and `lambda: progress.cancelled`."""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass, replace
from typing import Callable

from trainer.scheduling.candidates import Candidates, compute_candidates
from trainer.scheduling.greedy import greedy_plan
from trainer.scheduling.problem import Plan, PlanningProblem

ProgressFn = Callable[[int, int, str], None]
CancelFn = Callable[[], bool]


@dataclass(frozen=True)
class SolveOptions:
    time_limit: float = 10.0  # deterministic seconds of CP-SAT search
    workers: int = 1  # 1: one deterministic search; >1: interleaved (deterministic, but its
    #                  batches overshoot the limit and cost more wall time on two cores)
    seed: int = 20210601
    wall_clock_factor: float = 10.0  # safety limit: time_limit × this (≥ 30 s), real seconds
    use_cp_sat: bool = True
    log: bool = False


def _better(a: Plan, b: Plan) -> bool:
    """Is a better than b: more lessons placed, then a lower objective."""
    if a.placed_count != b.placed_count:
        return a.placed_count > b.placed_count
    if a.objective is None or b.objective is None:
        return False
    return a.objective < b.objective


def solve(problem: PlanningProblem, options: SolveOptions = SolveOptions(),
          progress: ProgressFn | None = None, cancel: CancelFn | None = None,
          cands: Candidates | None = None) -> Plan:
    started = time.perf_counter()
    cands = cands or compute_candidates(problem)
    total = len(cands.options)
    greedy = greedy_plan(problem, cands)
    if progress:
        progress(greedy.placed_count, total, "greedy")
    if not options.use_cp_sat or not total or (cancel and cancel()):
        return replace(greedy, seconds=time.perf_counter() - started,
                       status="cancelled" if cancel and cancel() else greedy.status)
    plan = _cp_sat(cands, greedy, options, progress, cancel)
    best = plan if plan is not None and not _better(greedy, plan) else greedy
    return replace(best, seconds=time.perf_counter() - started)


def _cp_sat(cands: Candidates, greedy: Plan, options: SolveOptions,
            progress: ProgressFn | None, cancel: CancelFn | None) -> Plan | None:
    from ortools.sat.python import cp_model

    from trainer.scheduling.model import add_hint, build_model, read_plan

    built = build_model(cands, greedy)
    add_hint(built, greedy)
    solver = cp_model.CpSolver()
    params = solver.parameters
    params.num_workers = max(1, options.workers)
    params.random_seed = options.seed
    params.max_deterministic_time = options.time_limit
    params.max_time_in_seconds = max(30.0, options.time_limit * options.wall_clock_factor)
    params.log_search_progress = options.log
    # a light presolve: full probing and overlap detection on the assignment model cost more
    # than the whole search on a small machine (seconds of presolve for a city quarter)
    params.cp_model_probing_level = 0
    params.max_presolve_iterations = 1
    params.find_big_linear_overlap = False
    params.interleave_search = options.workers > 1
    total = len(built.lessons)

    class Callback(cp_model.CpSolverSolutionCallback):
        def __init__(self) -> None:
            super().__init__()
            self.count = 0

        def on_solution_callback(self) -> None:
            self.count += 1
            if progress:
                placed = sum(1 for lv in built.lessons.values() if self.boolean_value(lv.placed))
                progress(placed, total, f"solution {self.count}, objective "
                                        f"{self.objective_value:.0f}")
            if cancel and cancel():
                self.stop_search()

    stop = threading.Event()
    cancelled = threading.Event()

    def watch() -> None:
        while not stop.wait(0.1):
            if cancel():
                cancelled.set()
                solver.stop_search()
                return

    watcher = threading.Thread(target=watch, daemon=True) if cancel else None
    if watcher:
        watcher.start()
    try:
        status = solver.solve(built.model, Callback())
    finally:
        stop.set()
        if watcher:
            watcher.join()
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    placements, unplaced = read_plan(built, solver.boolean_value)
    name = solver.status_name(status)
    if cancelled.is_set():
        name = "cancelled"
    elif status == cp_model.FEASIBLE and solver.wall_time >= params.max_time_in_seconds * 0.99:
        name = "wall-clock limit"
    return Plan(placements, unplaced, "cp-sat", name, solver.objective_value,
                solver.best_objective_bound, solver.wall_time)
