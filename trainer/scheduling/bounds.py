"""An upper bound on how many lessons can be placed: a max-flow relaxation.

Lessons flow from their class through the class's usable days (one lesson of a class a day when
lessons must be at least a day apart) to a (lecturer, half-day) they may take, then to that
lecturer's day, whose capacity is what the daily maximum allows, and to that lecturer's week,
whose capacity is what the weekly maximum allows (both counted in the lecturer's shortest
lessons). Each lecturer half-day and each class day carries one lesson. A class day reaches its
lecturers through a node per theme and half-day, linked to every lecturer of the theme free
then for some class of it: a relaxation too, with classes × slots + themes × lecturers × slots
arcs instead of classes × lecturers × slots (788 MB and 38 s at 6,000 lessons before). A second
network does the same with venues instead of lecturers. Every plan is a flow in both, so the
smaller maximum flow bounds the number placed (the order of lessons, the travel gap and the
sharing of lecturers and venues by one lesson are left out: it stays a bound). It is computed
from the problem's rules alone, never from a plan, so it checks the planner rather than
trusting it."""
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
    seen: set[int] = set()  # lecturers' free slots already linked (lessons of a class share)
    for key in sorted(by_class):
        opts = by_class[key]
        cls = opts[0].cls
        arc(source, node(("class", key)), len(opts))
        for opt in opts:
            usable = set(opt.usable_slots())
            if resource == "lecturer":  # through the theme's half-day: far fewer arcs
                for s in sorted(usable):
                    day = node(("class-day", key, slots[s].date if cls.min_gap_days else s))
                    arc(node(("class", key)), day, 1)
                    arc(day, node(("theme-slot", cls.theme_id, s)), 1)
                if id(opt.lecturers) not in seen:
                    seen.add(id(opt.lecturers))
                    for lid, free in sorted(opt.lecturers.items()):
                        for s in free:
                            arc(node(("theme-slot", cls.theme_id, s)), node(("lecturer", lid, s)),
                                1)
                continue
            choices = opt.venues
            ordered = sorted(choices.items(), key=lambda item: (item[0] is None, item[0] or 0))
            for rid, free in ordered:
                if rid is None:  # an online lesson: a room of its own that holds anything
                    rid = f"online:{opt.lesson.key}"
                for s in sorted(usable.intersection(free)):
                    date = slots[s].date
                    day = node(("class-day", key, date if cls.min_gap_days else s))
                    arc(node(("class", key)), day, 1)
                    arc(day, node((resource, rid, s)), 1)
    shortest: dict[int, int] = {}  # per lecturer: the shortest lesson they may take
    for opt in cands.options.values():
        for lid in opt.lecturers:
            shortest[lid] = min(shortest.get(lid, opt.minutes), opt.minutes)
    for (kind, *rest), index in list(nodes.items()):
        if kind != resource:
            continue
        rid, s = rest
        date = slots[s].date
        if resource == "lecturer":
            _lecturer_day_arcs(cands, lecturers[rid], date, shortest[rid], index, sink, node, arc)
        else:
            arc(index, sink, 1)
    solver = max_flow.SimpleMaxFlow()
    for (tail, head), capacity in sorted(arcs.items()):
        solver.add_arc_with_capacity(tail, head, capacity)
    if solver.solve(source, sink) != solver.OPTIMAL:
        raise RuntimeError("max flow failed")
    return int(solver.optimal_flow())


def _lecturer_day_arcs(cands: Candidates, lec, date, shortest: int, index: int, sink: int,
                       node, arc) -> None:
    """(lecturer, half-day) → lecturer's day → lecturer's week → sink: a day carries as many
    lessons as the daily maximum allows (in the lecturer's shortest lessons), a week as many as
    the weekly maximum allows, after the minutes of the lessons that stay."""
    from trainer.scheduling.problem import week_key

    slots = cands.problem.slots
    day = node(("lecturer-day", lec.id, date))
    arc(index, day, 1)
    per_day = sum(1 for x in slots if x.date == date)
    if lec.max_minutes_per_day is not None:
        left = lec.max_minutes_per_day - cands.fixed_day_minutes.get((lec.id, date), 0)
        per_day = min(per_day, max(0, left // shortest))
    week = week_key(date)
    if lec.max_minutes_per_week is None:
        arc(day, sink, per_day)
        return
    week_node = node(("lecturer-week", lec.id, week))
    arc(day, week_node, per_day)
    left = lec.max_minutes_per_week - cands.fixed_week_minutes.get((lec.id, week), 0)
    arc(week_node, sink, max(0, left // shortest))


def objective_lower_bound(cands: Candidates, upper: int) -> int:
    """A lower bound on `lns.plan_value` of any plan that places at most `upper` lessons.

    Per lesson: the cheaper of its cheapest place (slot and venue costs) and leaving it out;
    then the (total − upper) lessons that are cheapest to leave out pay for being left out.
    A lesson that must move pays the move either way. One lecturer per class: a class with more
    lessons than may be left out has one placed and pays for its first lecturer unless it has
    one that stays. Balance: the busiest lecturer carries at least the average of the fixed
    minutes and of the `upper` shortest lessons over the lecturers who may teach. Trips saved: see
    `_trips_saved_at_most`."""
    from trainer.scheduling.costs import place_value, slot_costs, venue_cost
    from trainer.scheduling.model import SCALE, fixed_loads

    problem = cands.problem
    weights = problem.weights
    value, extra, minutes = 0, [], []
    by_class: dict[str, int] = defaultdict(int)
    for opt in cands.options.values():
        if opt.lesson.current is not None and opt.lesson.must_move:
            value += SCALE * weights.move
        out = SCALE * place_value(cands, opt)
        usable = opt.usable_slots()
        if not usable:
            value += out
            continue
        by_class[opt.cls.key] += 1
        costs = slot_costs(cands, opt)
        cheapest = min(costs[s] for s in usable) + min(
            (venue_cost(cands, opt, v) for v in opt.venues), default=0)
        placed = SCALE * cheapest
        value += min(placed, out)
        extra.append(max(0, out - placed))
        minutes.append(opt.minutes)
    must_leave = max(0, len(extra) - upper)
    value += sum(sorted(extra)[:must_leave])
    fixed_lecturers = {f.class_key for f in problem.fixed
                       if f.class_key and f.lecturer_id is not None}
    if weights.one_lecturer:
        value += SCALE * weights.one_lecturer * sum(
            1 for key, n in by_class.items()
            if n > must_leave and n >= 2 and key not in fixed_lecturers)
    if weights.balance:
        teaching = {lid for opt in cands.options.values() for lid in opt.lecturers}
        if teaching:
            fixed = fixed_loads(cands)
            total = sum(fixed.get(lid, 0) for lid in teaching) + \
                sum(sorted(minutes)[:min(upper, len(minutes))])
            busiest = max([fixed.get(lid, 0) for lid in teaching] + [-(-total // len(teaching))])
            value += weights.balance * busiest
    if weights.travel:
        value -= SCALE * weights.travel * _trips_saved_at_most(cands)
    return value


def _trips_saved_at_most(cands: Candidates) -> int:
    """A saved trip is a lecturer teaching two classes of one enterprise in consecutive
    half-days of a day. Each lesson ends at most one such pair as the later lesson, and at most
    one more as the earlier lesson before a lesson that stays: so count the lessons of classes
    that have a partner class at their enterprise (a lecturer in common and adjacent half-days),
    twice where lessons stay at that enterprise."""
    problem = cands.problem
    slots = problem.slots
    info: dict[str, tuple] = {}
    count: dict[str, int] = defaultdict(int)
    for opt in cands.options.values():
        usable = set(opt.usable_slots())
        if not usable or opt.cls.enterprise_id is None:
            continue
        site, lids, have, near = info.get(opt.cls.key,
                                          (opt.cls.enterprise_id, set(), set(), set()))
        lids |= set(opt.lecturers)
        have |= usable
        near |= {s + d for s in usable for d in (-1, 1)
                 if 0 <= s + d < len(slots) and slots[s + d].date == slots[s].date}
        info[opt.cls.key] = (site, lids, have, near)
        count[opt.cls.key] += 1
    fixed_at: dict[object, list] = defaultdict(list)
    for f in problem.fixed:
        if f.enterprise_id is not None and f.slot is not None and f.lecturer_id is not None:
            fixed_at[f.enterprise_id].append((f.class_key, f.lecturer_id, f.slot))
    by_site: dict[object, list[str]] = defaultdict(list)
    for key, (site, *_rest) in info.items():
        by_site[site].append(key)
    saved = 0
    for site, keys in by_site.items():
        for key in keys:
            _s, lids, _have, near = info[key]
            partner = any(other != key and lids & info[other][1] and near & info[other][2]
                          for other in keys) or \
                any(ck != key and lid in lids and s in near for ck, lid, s in fixed_at[site])
            if partner:
                saved += count[key] * (2 if fixed_at[site] else 1)
    return saved
