"""An upper bound on how many lessons can be placed: a max-flow relaxation.

Lessons flow from their class through the class's usable days (one lesson of a class a day when
lessons must be at least a day apart) to a (lecturer, half-day) they may take, then to that
lecturer's day, whose capacity is what the daily maximum allows. Each lecturer half-day and each
class day carries one lesson. A second network does the same with venues instead of lecturers.
Every plan is a flow in both, so the smaller maximum flow bounds the number placed (weekly
maximums, the order of lessons and the travel gap are left out: it stays a bound)."""
from __future__ import annotations

from collections import defaultdict

from trainer.scheduling.candidates import Candidates


def placement_upper_bound(cands: Candidates) -> int:
    return min(_max_flow(cands, "lecturer"), _max_flow(cands, "venue"))


def _max_flow(cands: Candidates, resource: str) -> int:
    from ortools.graph.python import max_flow

    problem = cands.problem
    slots = problem.slots
    lecturers = problem.lecturer_by_id()
    nodes: dict[tuple, int] = {}

    def node(key: tuple) -> int:
        if key not in nodes:
            nodes[key] = len(nodes)
        return nodes[key]

    source, sink = node(("source",)), node(("sink",))
    arcs: dict[tuple[int, int], int] = {}

    def arc(tail: int, head: int, capacity: int) -> None:
        arcs[(tail, head)] = max(arcs.get((tail, head), 0), capacity)

    by_class: dict[str, list] = defaultdict(list)
    for opt in cands.options.values():
        by_class[opt.cls.key].append(opt)
    for key in sorted(by_class):
        opts = by_class[key]
        cls = opts[0].cls
        arc(source, node(("class", key)), len(opts))
        for opt in opts:
            usable = set(opt.usable_slots())
            choices = opt.lecturers if resource == "lecturer" else opt.venues
            for rid, free in sorted(choices.items()):
                for s in sorted(usable.intersection(free)):
                    date = slots[s].date
                    day = node(("class-day", key, date if cls.min_gap_days else s))
                    arc(node(("class", key)), day, 1)
                    arc(day, node((resource, rid, s)), 1)
    for (kind, *rest), index in list(nodes.items()):
        if kind != resource:
            continue
        rid, s = rest
        date = slots[s].date
        if resource == "lecturer":
            lec = lecturers[rid]
            day = node(("lecturer-day", rid, date))
            arc(index, day, 1)
            shortest = min((o.minutes for o in cands.options.values()), default=60)
            per_day = sum(1 for x in slots if x.date == date)
            if lec.max_minutes_per_day is not None:
                left = lec.max_minutes_per_day - cands.fixed_day_minutes.get((rid, date), 0)
                per_day = min(per_day, max(0, left // shortest))
            arc(day, sink, per_day)
        else:
            arc(index, sink, 1)
    solver = max_flow.SimpleMaxFlow()
    for (tail, head), capacity in sorted(arcs.items()):
        solver.add_arc_with_capacity(tail, head, capacity)
    if solver.solve(source, sink) != solver.OPTIMAL:
        raise RuntimeError("max flow failed")
    return int(solver.optimal_flow())
