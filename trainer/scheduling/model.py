"""The CP-SAT model of a planning problem: a time-indexed assignment model.

Each lesson has options (slot, lecturer, venue), one Boolean each; a lesson is placed when one
of its options is chosen. Every rule is then a linear constraint over these Booleans:
- a lecturer, a venue, a class (and classes sharing trainees) hold at most one lesson per slot;
  availability and the lessons that stay were already cut out of the options (candidates.py);
- a lecturer's minutes on a day, in a week, stay within the maximum;
- lessons of one lecturer at two enterprises on one day keep the travel gap apart;
- a class's lessons come in sequence order, `min_gap_days` apart, and new lessons are placed as a
  prefix (lesson 3 never without lesson 2).
Soft goals (problem.weights): each option costs its distance from the lesson's even spacing,
a non-preferred half-day and a second-choice venue; u[c,t] (lecturer t teaches class c) costs
`one_lecturer`; the busiest lecturer's hours cost `balance`; a pair of lessons of different
classes at one enterprise in consecutive half-days of a day with one lecturer saves a trip;
moving an existing lesson costs `move`. A lesson left out costs `place` (+ priority), more than
all of these together, so the objective counts unplaced lessons first.

Options per lesson are capped (`max_options`): when there are too many, each lesson keeps its
most likely lecturers (the greedy plan's choice for the class, the class's current lecturers,
then the least loaded), so the province-sized problem stays solvable in a minute. The model is
built in a fixed order from the problem's tuples: the same problem gives the same model."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from trainer.scheduling.candidates import Candidates, LessonOptions, venue_rank
from trainer.scheduling.costs import place_value, slot_costs, venue_cost
from trainer.scheduling.problem import Placement, Plan, fixed_neighbours, week_key

# Every term but the load is multiplied by SCALE so that balance (per hour) can be counted in
# minutes and the objective stays integral.
SCALE = 60
MAX_OPTIONS = 150_000


@dataclass
class LessonVars:
    opt: LessonOptions
    placed: object
    options: dict[tuple[int, int, int], object]  # (slot, lecturer, venue) → literal
    slot: object = 0  # linear expression: the slot index when placed
    day: object = 0  # linear expression: day number when placed
    keep: object | None = None  # literal: an existing lesson stays where it is
    by_lecturer: dict[int, list] = field(default_factory=dict)  # lecturer → option literals
    lecturer: dict[int, object] = field(default_factory=dict)  # lecturer → "teaches it" literal


@dataclass
class BuiltModel:
    model: object
    lessons: dict[str, LessonVars]
    one_lecturer: dict[tuple[str, int], object] = field(default_factory=dict)
    pairs: list[tuple[object, str, str]] = field(default_factory=list)
    max_load: object | None = None
    options_total: int = 0
    lecturer_cap: int = 0  # lecturers kept per lesson (0: all)
    slot_dates: list = field(default_factory=list)
    cands: Candidates | None = None


def _ranked_lecturers(cands: Candidates, opt: LessonOptions, hint: Plan | None,
                      hint_class: dict[str, list[int]], load: dict[int, int]) -> list[int]:
    """Qualified lecturers with a usable slot, the most likely first."""
    usable = set(opt.usable_slots())
    lids = [lid for lid, slots in opt.lecturers.items() if usable.intersection(slots)]
    first: list[int] = []
    if hint is not None and opt.lesson.key in hint.placements:
        first.append(hint.placements[opt.lesson.key].lecturer_id)
    first.extend(hint_class.get(opt.cls.key, ()))
    if opt.lesson.current is not None:
        first.append(opt.lesson.current.lecturer_id)
    first = [lid for lid in dict.fromkeys(first) if lid in lids]
    rest = sorted((lid for lid in lids if lid not in first),
                  key=lambda lid: (load.get(lid, 0), -len(usable.intersection(opt.lecturers[lid])),
                                   lid))
    return first + rest


def _choose_options(cands: Candidates, hint: Plan | None, max_options: int
                    ) -> tuple[dict[str, list[tuple[int, int, int]]], int]:
    hint_class: dict[str, list[int]] = defaultdict(list)
    load: dict[int, int] = defaultdict(int)
    if hint is not None:
        for key, place in hint.placements.items():
            opt = cands.options[key]
            hint_class[opt.cls.key].append(place.lecturer_id)
            load[place.lecturer_id] += opt.minutes
    ranked = {key: _ranked_lecturers(cands, opt, hint, hint_class, load)
              for key, opt in cands.options.items()}

    def build(cap: int) -> dict[str, list[tuple[int, int, int]]]:
        out = {}
        for key, opt in cands.options.items():
            usable = set(opt.usable_slots())
            lids = ranked[key] if not cap else ranked[key][:cap]
            venues = list(opt.venues)
            if hint is not None and key in hint.placements:
                keep_venue = hint.placements[key].venue_id
                venues = sorted(venues, key=lambda v: (v != keep_venue, venue_rank(opt, v)))
            if cap:
                venues = venues[:2]
            found = []
            for lid in lids:
                lslots = set(opt.lecturers[lid]) & usable
                for vid in venues:
                    for s in sorted(lslots.intersection(opt.venues[vid])):
                        found.append((s, lid, vid))
            current = opt.lesson.current
            if current is not None and not opt.lesson.must_move:
                triple = (current.slot, current.lecturer_id, current.venue_id)
                if triple not in found and current.lecturer_id in opt.lecturers \
                        and current.slot in opt.lecturers[current.lecturer_id] \
                        and current.slot in opt.venues.get(current.venue_id, ()):
                    found.append(triple)
            out[key] = sorted(found)
        return out

    # how many options each lesson would have keeping its first k lecturers, for every k
    sizes: dict[int, int] = defaultdict(int)
    for key, opt in cands.options.items():
        usable = set(opt.usable_slots())
        running = 0
        for k, lid in enumerate(ranked[key], start=1):
            running += len(usable.intersection(opt.lecturers[lid]))
            sizes[k] += running
        for k in range(len(ranked[key]) + 1, len(ranked) and max(map(len, ranked.values())) + 1):
            sizes[k] += running
    most = max((len(r) for r in ranked.values()), default=0)
    cap = most
    while cap > 1 and sizes[cap] > max_options:
        cap -= 1
    chosen = build(0 if cap == most else cap)
    return chosen, cap


def _day_numbers(cands: Candidates) -> list[int]:
    slots = cands.problem.slots
    return [(s.date - slots[0].date).days for s in slots]


def build_model(cands: Candidates, hint: Plan | None = None,
                max_options: int = MAX_OPTIONS) -> BuiltModel:
    from ortools.sat.python import cp_model

    problem = cands.problem
    weights = problem.weights
    slots = problem.slots
    model = cp_model.CpModel()
    day_of = _day_numbers(cands)
    chosen, cap = _choose_options(cands, hint, max_options)
    built = BuiltModel(model, {}, lecturer_cap=cap, slot_dates=[s.date for s in slots],
                       cands=cands)
    objective: list = []

    fixed_next = fixed_neighbours(problem)
    by_lecturer_slot: dict[tuple[int, int], list] = defaultdict(list)
    by_venue_slot: dict[tuple[int, int], list] = defaultdict(list)
    by_class_slot: dict[tuple[str, int], list] = defaultdict(list)
    for key, opt in cands.options.items():
        built.lessons[key] = _lesson_vars(built, key, opt, chosen[key], day_of, fixed_next,
                                          objective, (by_lecturer_slot, by_venue_slot,
                                                      by_class_slot))
    built.options_total = sum(len(lv.options) for lv in built.lessons.values())

    # one lesson per slot for each lecturer, venue, class and group of classes sharing trainees
    for group in (by_lecturer_slot, by_venue_slot, by_class_slot):
        for k in sorted(group, key=str):
            if len(group[k]) > 1:
                model.add_at_most_one(group[k])
    for a, b in sorted({tuple(sorted(pair)) for pair in problem.class_conflicts}):
        for s in range(len(slots)):
            members = by_class_slot.get((a, s), []) + by_class_slot.get((b, s), [])
            if len(members) > 1:
                model.add_at_most_one(members)

    _maximum_hours(built, cands)
    _travel_gap(built, cands)
    _class_order(built, cands)
    _one_lecturer(built, cands, objective)
    _trips(built, cands, objective)

    if weights.balance:
        _balance(built, cands, objective)

    model.minimize(sum(objective))
    return built


def _lesson_vars(built: BuiltModel, key: str, opt, chosen, day_of: list[int], fixed_next,
                 objective: list, by_slot: tuple[dict, dict, dict]) -> LessonVars:
    """The variables of one lesson: placed or not, one literal per chosen (slot, lecturer,
    venue), its slot and day as integers, one literal per lecturer; its costs added to
    `objective` and its literals to the per-(lecturer / venue / class, slot) lists."""
    model, cands = built.model, built.cands
    weights = cands.problem.weights
    by_lecturer_slot, by_venue_slot, by_class_slot = by_slot
    placed = model.new_bool_var(f"placed[{key}]")
    options = {o: model.new_bool_var(f"x[{key},{o[0]},{o[1]},{o[2]}]") for o in chosen}
    model.add(sum(options.values()) == placed)
    costs = slot_costs(cands, opt)
    lv = LessonVars(opt, placed, options)
    if options:  # integer views of the chosen slot and day (free when not placed)
        slot_values = sorted({s for s, _, _ in options})
        lv.slot = model.new_int_var(slot_values[0], slot_values[-1], f"slot[{key}]")
        lv.day = model.new_int_var(day_of[slot_values[0]], day_of[slot_values[-1]],
                                   f"day[{key}]")
        model.add(lv.slot == sum(s * lit for (s, _, _), lit in options.items())
                  ).only_enforce_if(placed)
        model.add(lv.day == sum(day_of[s] * lit for (s, _, _), lit in options.items())
                  ).only_enforce_if(placed)
    for (s, lid, vid), lit in options.items():
        cost = costs[s] + venue_cost(cands, opt, vid)
        cost -= weights.travel * sum(
            1 for site, other in fixed_next.get((lid, s), ())
            if site == opt.cls.enterprise_id and other != opt.cls.key)
        if cost:
            objective.append(SCALE * cost * lit)
        by_lecturer_slot[(lid, s)].append(lit)
        if vid is not None:  # an online lesson takes no room
            by_venue_slot[(vid, s)].append(lit)
        by_class_slot[(opt.cls.key, s)].append(lit)
        lv.by_lecturer.setdefault(lid, []).append(lit)
    # one literal per (lesson, lecturer): the lessons' lecturers for the goals between lessons
    for lid in sorted(lv.by_lecturer):
        lits = lv.by_lecturer[lid]
        if len(lits) == 1:
            lv.lecturer[lid] = lits[0]
        else:
            lv.lecturer[lid] = t = model.new_bool_var(f"t[{key},{lid}]")
            model.add(sum(lits) == t)
    objective.append(SCALE * place_value(cands, opt) * (1 - placed))
    current = opt.lesson.current
    if current is not None:
        triple = (current.slot, current.lecturer_id, current.venue_id)
        lv.keep = options.get(triple) if not opt.lesson.must_move else None
        if lv.keep is not None:
            objective.append(SCALE * weights.move * (1 - lv.keep))
        else:
            objective.append(SCALE * weights.move)  # constant: it has to move
    return lv


def _balance(built: BuiltModel, cands: Candidates, objective: list) -> None:
    """The heaviest lecturer's load (with the lessons that stay) as small as possible."""
    model, weights = built.model, cands.problem.weights
    loads = defaultdict(list)
    for lv in built.lessons.values():
        for lid, lit in lv.lecturer.items():
            loads[lid].append(lv.opt.minutes * lit)
    if loads:
        fixed = fixed_loads(cands)
        top = max(sum(lv.opt.minutes for lv in built.lessons.values()), 1) + \
            max(fixed.values(), default=0)
        built.max_load = model.new_int_var(0, top, "max_load")
        for lid in sorted(loads):
            model.add(built.max_load >= fixed.get(lid, 0) + sum(loads[lid]))
        objective.append(weights.balance * built.max_load)


def fixed_loads(cands: Candidates) -> dict[int, int]:
    """Minutes each lecturer already teaches in the planning range (lessons that stay)."""
    first, last = cands.problem.slots[0].date, cands.problem.slots[-1].date
    out: dict[int, int] = defaultdict(int)
    for (lid, date), minutes in cands.fixed_day_minutes.items():
        if first <= date <= last:
            out[lid] += minutes
    return dict(out)


def _maximum_hours(built: BuiltModel, cands: Candidates) -> None:
    problem = cands.problem
    model = built.model
    lecturers = problem.lecturer_by_id()
    day_terms: dict[tuple[int, object], list] = defaultdict(list)
    week_terms: dict[tuple[int, object], list] = defaultdict(list)
    for lv in built.lessons.values():
        for (s, lid, _), lit in lv.options.items():
            date = problem.slots[s].date
            day_terms[(lid, date)].append((lv.opt.minutes, lit))
            week_terms[(lid, week_key(date))].append((lv.opt.minutes, lit))
    for terms, fixed, attr in ((day_terms, cands.fixed_day_minutes, "max_minutes_per_day"),
                               (week_terms, cands.fixed_week_minutes, "max_minutes_per_week")):
        for (lid, when) in sorted(terms, key=str):
            cap = getattr(lecturers[lid], attr)
            if cap is None:
                continue
            room = cap - fixed.get((lid, when), 0)
            items = terms[(lid, when)]
            if sum(m for m, _ in items) <= room:
                continue  # cannot bind
            model.add(sum(m * lit for m, lit in items) <= max(room, 0))


def _travel_gap(built: BuiltModel, cands: Candidates) -> None:
    """Lessons of one lecturer at two enterprises on one day keep the travel gap apart."""
    if not cands.travel_pairs:
        return
    model = built.model
    at: dict[tuple[int, int], list[tuple[object, int, object]]] = defaultdict(list)
    for lv in built.lessons.values():
        for (s, lid, _), lit in lv.options.items():
            at[(lid, s)].append((lv.opt.cls.enterprise_id, lv.opt.minutes, lit))
    for minutes, pairs in sorted(cands.travel_pairs.items()):
        for lid in sorted({lid for lid, _ in at}):
            for s1, s2 in pairs:
                early = at.get((lid, s1), [])
                late = at.get((lid, s2), [])
                if not early or not late:
                    continue
                for place in sorted({e for e, m, _ in early if m == minutes},
                                    key=lambda e: (e is None, e or 0)):
                    first = [lit for e, m, lit in early if e == place and m == minutes]
                    second = [lit for e, _, lit in late if e != place]
                    if first and second:
                        model.add(sum(first) + sum(second) <= 1)


def _class_order(built: BuiltModel, cands: Candidates) -> None:
    model = built.model
    by_class: dict[str, list[LessonVars]] = defaultdict(list)
    for lv in built.lessons.values():
        by_class[lv.opt.cls.key].append(lv)
    for key in sorted(by_class):
        members = sorted(by_class[key], key=lambda lv: lv.opt.lesson.sequence)
        gap = members[0].opt.cls.min_gap_days
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                if not a.options or not b.options:
                    continue
                both = [a.placed, b.placed]
                model.add(b.slot >= a.slot + 1).only_enforce_if(both)
                if gap:
                    model.add(b.day >= a.day + gap).only_enforce_if(both)
        new = [lv for lv in members if lv.opt.lesson.current is None]
        for a, b in zip(new, new[1:]):
            model.add_implication(b.placed, a.placed)


def _one_lecturer(built: BuiltModel, cands: Candidates, objective: list) -> None:
    weight = cands.problem.weights.one_lecturer
    if not weight:
        return
    model = built.model
    fixed_lecturers: dict[str, set[int]] = defaultdict(set)
    for f in cands.problem.fixed:
        if f.class_key and f.lecturer_id is not None:
            fixed_lecturers[f.class_key].add(f.lecturer_id)
    by_class: dict[str, list[LessonVars]] = defaultdict(list)
    for lv in built.lessons.values():
        by_class[lv.opt.cls.key].append(lv)
    for key in sorted(by_class):
        members = by_class[key]
        if len(members) + len(fixed_lecturers[key]) < 2:
            continue
        for lid in sorted({lid for lv in members for lid in lv.by_lecturer}):
            if lid in fixed_lecturers[key]:
                continue  # already teaches this class: no extra cost
            u = model.new_bool_var(f"u[{key},{lid}]")
            for lv in members:
                if lid in lv.lecturer:
                    model.add_implication(lv.lecturer[lid], u)
            built.one_lecturer[(key, lid)] = u
            objective.append(SCALE * weight * u)


def _trips(built: BuiltModel, cands: Candidates, objective: list) -> None:
    """Reward two lessons of different classes at one enterprise in consecutive half-days of a
    day with one lecturer: one trip instead of two."""
    weight = cands.problem.weights.travel
    if not weight:
        return
    model = built.model
    slots = cands.problem.slots
    by_place: dict[object, list[tuple[str, LessonVars]]] = defaultdict(list)
    for key, lv in built.lessons.items():
        if lv.opt.cls.enterprise_id is not None and lv.options:
            by_place[lv.opt.cls.enterprise_id].append((key, lv))
    for place in sorted(by_place):
        members = by_place[place]
        for ka, a in members:
            a_slots = {s for s, _, _ in a.options}
            for kb, b in members:
                if a.opt.cls.key == b.opt.cls.key:
                    continue
                common = sorted(set(a.by_lecturer) & set(b.by_lecturer))
                if not common:
                    continue
                b_slots = {s for s, _, _ in b.options}
                if not any(s + 1 in b_slots and slots[s + 1].date == slots[s].date
                           for s in a_slots if s + 1 < len(slots)):
                    continue
                q = model.new_bool_var("")
                model.add(b.slot == a.slot + 1).only_enforce_if(q)
                model.add(b.day == a.day).only_enforce_if(q)
                model.add_implication(q, a.placed)
                model.add_implication(q, b.placed)
                model.add_bool_or([a.lecturer[t] for t in common]).only_enforce_if(q)
                for t in common:
                    model.add(a.lecturer[t] == b.lecturer[t]).only_enforce_if(q)
                built.pairs.append((q, ka, kb))
                objective.append(-SCALE * weight * q)


def add_hint(built: BuiltModel, plan: Plan) -> None:
    """Start the search from another plan (the greedy one): every decision hinted."""
    model = built.model
    model.clear_hints()
    load: dict[int, int] = defaultdict(int)
    used: set[tuple[str, int]] = set()
    for key, lv in built.lessons.items():
        place = plan.placements.get(key)
        triple = (place.slot, place.lecturer_id, place.venue_id) if place else None
        if triple is not None and triple not in lv.options:
            triple = None  # not an option (cannot happen for greedy's own choices)
        model.add_hint(lv.placed, triple is not None)
        for o, lit in lv.options.items():
            model.add_hint(lit, o == triple)
        if triple is not None:
            load[triple[1]] += lv.opt.minutes
            used.add((lv.opt.cls.key, triple[1]))
    for pair, u in built.one_lecturer.items():
        model.add_hint(u, pair in used)
    slots = {k: p for k, p in plan.placements.items()}
    for q, ka, kb in built.pairs:
        a, b = slots.get(ka), slots.get(kb)
        model.add_hint(q, bool(a and b and b.slot == a.slot + 1
                               and a.lecturer_id == b.lecturer_id
                               and built.slot_dates[a.slot] == built.slot_dates[b.slot]))
    if built.max_load is not None:
        fixed = fixed_loads(built.cands)
        model.add_hint(built.max_load, max((fixed.get(lid, 0) + load.get(lid, 0)
                                            for lid in set(fixed) | set(load)), default=0))


def read_plan(built: BuiltModel, value) -> tuple[dict[str, Placement], tuple[str, ...]]:
    """The placements of a solution (`value` maps a literal to its value)."""
    placements: dict[str, Placement] = {}
    unplaced = []
    for key, lv in built.lessons.items():
        chosen = next((o for o, lit in lv.options.items() if value(lit)), None)
        if chosen is None:
            unplaced.append(key)
        else:
            placements[key] = Placement(*chosen)
    return dict(sorted(placements.items())), tuple(unplaced)
