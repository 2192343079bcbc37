"""Large-neighbourhood search with CP-SAT: improve a plan a few classes at a time.

One CP-SAT model of a whole province quarter (1,500 lessons, ~60,000 options) spends its time
limit in presolve on a small machine. So the planner frees a neighbourhood — a seed class and the
classes most related to it (same enterprise: trips; sharing lecturers: one lecturer per class
and balance; same theme and overlapping windows) up to `size` lessons — keeps every other lesson
where it is (as fixed lessons of a sub-problem), solves that small model to (near) optimality
from the current plan as hint, and keeps the result when the whole plan's objective, computed by
`plan_value` exactly as the model counts it, gets better. Seeds come in a seeded order, classes
with unplaced lessons first: their neighbourhood is the classes holding the lecturers they could
have had in their weeks (`_rivals`), solved with placing as the only goal (`placing_only`) —
on the hard province quarter that recovers half the gap to the bound in about 20 CPU seconds,
where the full objective needed 90.

Deterministic: the neighbourhoods follow a seeded random order, each sub-solve is a
single-worker CP-SAT run with a deterministic time limit, and the budget is counted in CP-SAT's
deterministic time, not in seconds."""
from __future__ import annotations

import random
import threading
import time
from collections import defaultdict
from dataclasses import replace

from trainer.scheduling.candidates import Candidates, compute_candidates
from trainer.scheduling.costs import place_value, slot_costs, venue_cost
from trainer.scheduling.model import SCALE, add_hint, build_model, fixed_loads, read_plan
from trainer.scheduling.problem import FixedLesson, Plan, PlanningProblem, Weights, week_key
from trainer.scheduling.verify import check_plan


def plan_value(cands: Candidates, plan: Plan) -> int:
    """The objective of the CP-SAT model for a whole plan (lower is better)."""
    problem = cands.problem
    weights = problem.weights
    slots = problem.slots
    value = 0
    load: dict[int, int] = defaultdict(int, fixed_loads(cands))
    used: dict[str, set[int]] = defaultdict(set)
    members: dict[str, int] = defaultdict(int)
    at: dict[tuple[int, int], list[tuple[object, str | None]]] = defaultdict(list)
    for f in problem.fixed:
        if f.slot is not None and f.lecturer_id is not None:
            at[(f.lecturer_id, f.slot)].append((f.enterprise_id, f.class_key))
    for key, opt in cands.options.items():
        members[opt.cls.key] += 1
        place = plan.placements.get(key)
        current = opt.lesson.current
        if current is not None and (opt.lesson.must_move or place != current):
            value += SCALE * weights.move
        if place is None:
            value += SCALE * place_value(cands, opt)
            continue
        value += SCALE * (slot_costs(cands, opt)[place.slot] + venue_cost(cands, opt,
                                                                          place.venue_id))
        load[place.lecturer_id] += opt.minutes
        used[opt.cls.key].add(place.lecturer_id)
        at[(place.lecturer_id, place.slot)].append((opt.cls.enterprise_id, opt.cls.key))
    # one lecturer per class: each lecturer of a class beyond those of its lessons that stay
    fixed_lecturers: dict[str, set[int]] = defaultdict(set)
    for f in problem.fixed:
        if f.class_key and f.lecturer_id is not None:
            fixed_lecturers[f.class_key].add(f.lecturer_id)
    if weights.one_lecturer:
        for key, lids in used.items():
            if members[key] + len(fixed_lecturers[key]) >= 2:
                value += SCALE * weights.one_lecturer * len(lids - fixed_lecturers[key])
    # trips saved: a lecturer at one enterprise in consecutive half-days of a day, two classes
    if weights.travel:
        for (lid, s), here in at.items():
            if s + 1 >= len(slots) or slots[s + 1].date != slots[s].date:
                continue
            for site, cls in here:
                for site2, cls2 in at.get((lid, s + 1), ()):
                    fixed_pair = cls not in members and cls2 not in members
                    if site is not None and site == site2 and cls != cls2 and not fixed_pair:
                        value -= SCALE * weights.travel
    if weights.balance:
        teaching = {lid for opt in cands.options.values() for lid in opt.lecturers}
        value += weights.balance * max((load[lid] for lid in teaching), default=0)
    return value


def _related(cands: Candidates, plan: Plan) -> dict[str, tuple]:
    """Per class: (site, lecturers it uses or may use, theme, window start)."""
    out: dict[str, tuple] = {}
    lessons: dict[str, list] = defaultdict(list)
    for key, opt in cands.options.items():
        lessons[opt.cls.key].append(opt)
    for key, opts in lessons.items():
        cls = opts[0].cls
        used = {plan.placements[o.lesson.key].lecturer_id for o in opts
                if o.lesson.key in plan.placements}
        may = set().union(*(set(o.lecturers) for o in opts))
        out[key] = (cls.enterprise_id, used or may, cls.theme_id, cls.window_start, len(opts))
    return out


def neighbourhood(cands: Candidates, plan: Plan, seed: str, size: int) -> list[str]:
    """The seed class and the classes most related to it, up to `size` lessons: first, when the
    seed has lessons left out, the classes whose placed lessons hold the lecturers it could
    have had in its weeks (they must move for it to get in), the most such lessons first; then
    classes at the same enterprise, sharing lecturers, of the same theme, nearest in time."""
    info = _related(cands, plan)
    site, lids, theme, start, _n = info[seed]
    rivals = _rivals(cands, plan, seed)

    def closeness(key: str):
        other = info[key]
        return (-rivals.get(key, 0),
                0 if other[0] == site else 1 if other[1] & lids else 2 if other[2] == theme else 3,
                abs((other[3] - start).days), key)

    picked, count = [seed], info[seed][4]
    for key in sorted((k for k in info if k != seed), key=closeness):
        if count >= size:
            break
        picked.append(key)
        count += info[key][4]
    return picked


def _rivals(cands: Candidates, plan: Plan, seed: str) -> dict[str, int]:
    """For a class with lessons left out: per other class, how many of its placed lessons take
    a lecturer the seed's lessons could have had, in a week the seed's lessons could use."""
    seed_opts = [o for o in cands.options.values() if o.cls.key == seed]
    if all(o.lesson.key in plan.placements for o in seed_opts):
        return {}
    slots = cands.problem.slots
    wanted: set[tuple[int, tuple]] = set()  # (lecturer, week) the seed could use
    for opt in seed_opts:
        for lid, free in opt.lecturers.items():
            wanted.update((lid, week_key(slots[s].date)) for s in free)
    out: dict[str, int] = defaultdict(int)
    for key, place in plan.placements.items():
        other = cands.options[key].cls.key
        if other != seed and (place.lecturer_id, week_key(slots[place.slot].date)) in wanted:
            out[other] += 1
    return out


def subproblem(problem: PlanningProblem, cands: Candidates, plan: Plan,
               free: set[str]) -> PlanningProblem:
    """The lessons of the `free` classes to place; every other placed lesson stays put."""
    fixed = list(problem.fixed)
    for key, place in sorted(plan.placements.items()):
        opt = cands.options[key]
        if opt.cls.key in free:
            continue
        slot = problem.slots[place.slot]
        end = slot.start_minute + opt.minutes
        fixed.append(FixedLesson(key, opt.cls.key, opt.lesson.sequence, slot.date, slot.start,
                                 _time(end), place.lecturer_id, place.venue_id,
                                 opt.cls.enterprise_id, place.slot))
    return replace(problem, classes=tuple(c for c in problem.classes if c.key in free),
                   lessons=tuple(x for x in problem.lessons if x.class_key in free),
                   fixed=tuple(fixed))


def _time(minute: int):
    import datetime as dt
    minute = min(minute, 23 * 60 + 59)
    return dt.time(minute // 60, minute % 60)


def placing_only(weights: Weights) -> Weights:
    """The weights of a neighbourhood whose seed has lessons left out: placing them (and not
    moving existing lessons) is all that counts, so the model has no goals between lessons and
    CP-SAT finds a way to fit them in many times faster. The whole plan's objective, soft goals
    included, still decides whether the result is kept."""
    return Weights(place=weights.place, priority=weights.priority, one_lecturer=0, spread=0,
                   balance=0, travel=0, preferred_period=0, same_venue=0, move=weights.move)


def _solve(solver, model, cancel):
    """solver.solve, stopped within a tenth of a second when `cancel()` turns true."""
    if cancel is None:
        return solver.solve(model)
    done = threading.Event()

    def watch() -> None:
        while not done.wait(0.1):
            if cancel():
                solver.stop_search()
                return

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    try:
        return solver.solve(model)
    finally:
        done.set()
        watcher.join()


def improve(cands: Candidates, start: Plan, budget: float, *, seed: int, size: int = 40,
            step: float = 0.2, wall_limit: float = 60.0, patience: int = 8, progress=None,
            cancel=None, on_improve=None) -> Plan:
    """Improve `start` within `budget` deterministic seconds of CP-SAT; stop earlier after
    `patience` neighbourhoods in a row that brought nothing (or a round without a change).
    `on_improve(plan)` hears of every better plan kept."""
    from ortools.sat.python import cp_model

    problem = cands.problem
    best, best_value = start, plan_value(cands, start)
    rng = random.Random(seed)
    classes = sorted({opt.cls.key for opt in cands.options.values()})
    spent, started, rounds = 0.0, time.perf_counter(), 0
    fruitless = 0
    while spent < budget and classes:
        rounds += 1
        unplaced = {cands.options[k].cls.key for k in best.unplaced}
        order = list(classes)
        rng.shuffle(order)
        order.sort(key=lambda k: k not in unplaced)  # stable: unplaced first, shuffled
        improved = False
        done: set[str] = set()
        for seed_class in order:
            if spent >= budget or time.perf_counter() - started > wall_limit or \
                    fruitless >= patience or (cancel and cancel()):
                return best
            if seed_class in done:
                continue
            free = set(neighbourhood(cands, best, seed_class, size))
            done |= free
            sub = subproblem(problem, cands, best, free)
            if seed_class in unplaced:  # get lessons in first: a lean model, fast to solve
                sub = replace(sub, weights=placing_only(problem.weights))
            sub_cands = compute_candidates(sub)
            hint = Plan({k: p for k, p in best.placements.items() if k in sub_cands.options},
                        tuple(k for k in sub_cands.options if k not in best.placements), "hint")
            built = build_model(sub_cands, hint)
            add_hint(built, hint)
            solver = cp_model.CpSolver()
            params = solver.parameters
            params.num_workers = 1
            params.random_seed = seed
            params.max_deterministic_time = min(step, budget - spent)
            params.max_time_in_seconds = max(5.0, wall_limit - (time.perf_counter() - started))
            params.cp_model_probing_level = 0
            params.max_presolve_iterations = 1
            params.find_big_linear_overlap = False
            status = _solve(solver, built.model, cancel)
            spent += solver.deterministic_time
            fruitless += 1
            if progress:  # the share of the budget spent: moves after every neighbourhood
                progress(int(min(spent, budget) * 1000), int(budget * 1000), "improve")
            if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
                continue
            placements, _ = read_plan(built, solver.boolean_value)
            merged = {k: p for k, p in best.placements.items() if k not in sub_cands.options}
            merged.update(placements)
            candidate = Plan(dict(sorted(merged.items())),
                             tuple(k for k in cands.options if k not in merged), "greedy+lns")
            value = plan_value(cands, candidate)
            if value < best_value and not check_plan(problem, candidate):
                best, best_value, improved, fruitless = candidate, value, True, 0
                if on_improve:
                    on_improve(best)
        if not improved:
            break
    return best
