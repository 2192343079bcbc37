"""Bench of the automatic planner on two generated quarters (trainer.scheduling.instances):

  city quarter      40 enterprises, 15 lecturers,   300 lessons   (target ≤ 10 s)
  province quarter 200 enterprises, 60 lecturers, 1,500 lessons   (target ≤ 60 s)

For each: the time, lessons placed against an upper bound (max-flow relaxation,
trainer.scheduling.bounds), the spread of lecturer load (hours: min / max / stdev) and the soft
goals, for CP-SAT (from the greedy hint) and for the greedy placement alone, in this process.
Every plan is checked against the hard rules (trainer.scheduling.verify). "time s" is wall
time, "cpu s" this process's CPU time (steadier when others share the two cores). The CP-SAT
line includes its greedy start.

    python bench/planner.py [--only city|province] [--seed N] [--city-limit S] [--province-limit S]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from trainer.scheduling.bounds import placement_upper_bound  # noqa: E402
from trainer.scheduling.candidates import compute_candidates  # noqa: E402
from trainer.scheduling.costs import ideal_date  # noqa: E402
from trainer.scheduling.greedy import greedy_plan  # noqa: E402
from trainer.scheduling.instances import CITY_QUARTER, PROVINCE_QUARTER, generate  # noqa: E402
from trainer.scheduling.planner import SolveOptions, solve  # noqa: E402
from trainer.scheduling.verify import check_plan  # noqa: E402


def figures(cands, plan) -> dict:
    problem = cands.problem
    load = {lec.id: 0 for lec in problem.lecturers
            if any(lec.id in o.lecturers for o in cands.options.values())}
    class_lecturers = defaultdict(set)
    spread = 0
    trips = set()
    for key, place in plan.placements.items():
        opt = cands.options[key]
        load[place.lecturer_id] = load.get(place.lecturer_id, 0) + opt.minutes
        class_lecturers[opt.cls.key].add(place.lecturer_id)
        spread += abs((problem.slots[place.slot].date - ideal_date(cands, opt)).days)
        trips.add((place.lecturer_id, problem.slots[place.slot].date, opt.cls.enterprise_id))
    hours = [m / 60 for m in load.values()] or [0]
    return {"placed": plan.placed_count, "min_h": min(hours), "max_h": max(hours),
            "stdev_h": statistics.pstdev(hours),
            "extra_lecturers": sum(len(v) - 1 for v in class_lecturers.values()),
            "spread_days": spread, "trips": len(trips)}


def run(size, seed: int, limit: float) -> None:
    started = time.perf_counter()
    problem = generate(size, seed=seed)
    cands = compute_candidates(problem)
    bound = placement_upper_bound(cands)
    t0, c0 = time.perf_counter(), time.process_time()
    greedy = greedy_plan(problem, cands)
    greedy_s, greedy_cpu = time.perf_counter() - t0, time.process_time() - c0
    t0, c0 = time.perf_counter(), time.process_time()
    plan = solve(problem, SolveOptions(time_limit=limit), cands=cands)
    plan_s, plan_cpu = time.perf_counter() - t0, time.process_time() - c0
    for p in (greedy, plan):
        broken = check_plan(problem, p)
        assert not broken, broken[:3]
    total = time.perf_counter() - started
    print(f"\n{size.name}: {size.enterprises} enterprises, {size.lecturers} lecturers, "
          f"{len(problem.lessons)} lessons, {len(problem.slots)} half-days; upper bound {bound} "
          f"(max flow); CP-SAT limit {limit:g} deterministic s")
    print(f"{'':10}{'time s':>8}{'cpu s':>7}{'placed':>8}{'/bound':>8}{'load h min':>11}{'max':>7}"
          f"{'stdev':>7}{'extra lect.':>12}{'spread d':>10}{'trips':>7}")
    for name, p, seconds, cpu in (("cp-sat", plan, plan_s, plan_cpu),
                                  ("greedy", greedy, greedy_s, greedy_cpu)):
        f = figures(cands, p)
        print(f"{name:10}{seconds:8.1f}{cpu:7.1f}{f['placed']:8d}{f['placed'] / max(bound, 1):8.1%}"
              f"{f['min_h']:11.1f}{f['max_h']:7.1f}{f['stdev_h']:7.2f}{f['extra_lecturers']:12d}"
              f"{f['spread_days']:10d}{f['trips']:7d}")
    print(f"cp-sat result: method {plan.method}, status {plan.status or '-'}; "
          f"everything placeable placed: {plan.placed_count == bound}; "
          f"not worse than greedy: {plan.placed_count >= greedy.placed_count}; "
          f"whole run {total:.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=["city", "province"])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--city-limit", type=float, default=2.0)
    parser.add_argument("--province-limit", type=float, default=5.0)
    args = parser.parse_args()
    if args.only in (None, "city"):
        run(CITY_QUARTER, args.seed, args.city_limit)
    if args.only in (None, "province"):
        run(PROVINCE_QUARTER, args.seed, args.province_limit)


if __name__ == "__main__":
    main()
