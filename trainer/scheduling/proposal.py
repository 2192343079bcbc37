"""The planner as services: a plan (or re-plan) becomes a Proposal — the classes to create, the
lessons to add and to move, the lessons left out with why — that the user reviews and then
accepts in one transaction, or simply drops.

    proposal = propose_plan(uow, start, end, progress=..., cancel=...,   # in a worker thread
                            deliver=...)   # the greedy proposal, then better ones, if searched
    accept_proposal(uow, proposal)   # one transaction; refused if the data changed meanwhile

Before a proposal is returned, its lessons are judged with the conflict rules against the whole
schedule (trainer.rules.conflicts.check_changes): a lesson the rules would refuse is taken out
and reported, never offered — so an accepted plan has no conflicts by `trainer schedule check`."""
from __future__ import annotations

import datetime as dt
import time
from typing import Callable
from dataclasses import dataclass, field, replace

from trainer.errors import ReasonError, ValidationError
from trainer.rules.calendar import lesson_times
from trainer.rules.conflicts import check_changes
from trainer.scheduling.build import (BuiltProblem, Unavailability, build_problem,
                                      fingerprint)
from trainer.scheduling.candidates import compute_candidates
from trainer.scheduling.explain import Explanation, explain_unplaced
from trainer.scheduling.planner import CancelFn, ProgressFn, SolveOptions, solve
from trainer.scheduling.problem import Placement, Plan
from trainer.services.schedule_data import facts_of
from trainer.services.uow import UnitOfWork
from trainer.texts import errors as error_texts

DeliverFn = Callable[["Proposal"], None]  # an interim proposal while the search improves it
INTERIM_EVERY = 1.0  # seconds between interim proposals


class ProposalOutdatedError(ReasonError):
    TEXTS = error_texts.PROPOSAL_OUTDATED_ERROR  # trainer/texts/errors.py


@dataclass(frozen=True)
class ProposedClass:
    key: str
    request_id: int
    number: int
    code: str
    name: str
    size: int


@dataclass(frozen=True)
class ProposedLesson:
    """A lesson to add (`lesson_id` None) or to move. For a move, `from_*` say where it was."""
    key: str
    class_key: str
    class_id: int | None  # None: a class the proposal creates (see `class_key`)
    class_name: str
    sequence: int
    date: dt.date
    period: str
    start: dt.time
    end: dt.time
    lecturer_id: int
    lecturer_name: str
    venue_id: int | None
    venue_name: str
    lesson_id: int | None = None
    expected_version: int | None = None
    from_date: dt.date | None = None
    from_period: str = ""
    from_lecturer_name: str = ""
    from_venue_name: str = ""

    @property
    def is_move(self) -> bool:
        return self.lesson_id is not None


@dataclass(frozen=True)
class Proposal:
    start: dt.date
    end: dt.date
    classes: tuple[ProposedClass, ...]
    lessons: tuple[ProposedLesson, ...]  # new lessons and moves, by date
    unplaced: tuple[Explanation, ...]
    total: int  # lessons the planner tried to place (new and movable)
    placed: int
    method: str
    status: str
    seconds: float
    fingerprint: str
    request_ids: tuple[int, ...] = ()  # open requests all of whose lessons the plan places
    lecturer_away: Unavailability | None = None  # recorded on acceptance (re-planning)
    plan: Plan | None = field(default=None, compare=False, repr=False)

    def method_line(self, lang: str | None = None) -> str:
        """How the plan was made, in words (trainer.scheduling.planner.method_line)."""
        from trainer.scheduling.planner import method_line
        return method_line(self.plan or Plan({}, (), self.method, self.status,
                                             seconds=self.seconds), lang)

    @property
    def new_lessons(self) -> tuple[ProposedLesson, ...]:
        return tuple(x for x in self.lessons if not x.is_move)

    @property
    def moves(self) -> tuple[ProposedLesson, ...]:
        return tuple(x for x in self.lessons if x.is_move)


@dataclass(frozen=True)
class AcceptResult:
    classes_created: int
    lessons_added: int
    lessons_moved: int
    requests_planned: int


def _options(uow: UnitOfWork, time_limit: float | None) -> SolveOptions:
    from trainer.services.settings import get_setting
    limit = time_limit if time_limit is not None else float(
        get_setting(uow, "planner.time_limit_seconds"))
    return SolveOptions(time_limit=limit)


def propose_plan(uow: UnitOfWork, start: dt.date, end: dt.date, *,
                 time_limit: float | None = None,
                 progress: ProgressFn | None = None,
                 cancel: CancelFn | None = None, deliver: DeliverFn | None = None) -> Proposal:
    """Places the lessons of every open training request whose window meets [start, end]
    (making their classes), moving their unlocked lessons only when that helps."""
    if end < start:
        raise ValidationError("end_date", "date_order")
    built = build_problem(uow, start, end)
    return _propose(built, _options(uow, time_limit), progress, cancel, deliver)


def propose_class_lessons(uow: UnitOfWork, class_ids, start: dt.date, end: dt.date, *,
                          time_limit: float | None = None,
                          progress: ProgressFn | None = None,
                          cancel: CancelFn | None = None, deliver: DeliverFn | None = None
                          ) -> Proposal:
    """Places the missing lessons of classes made without a request (a programme's), each within
    its own window and venue; other lessons stay where they are."""
    if end < start:
        raise ValidationError("end_date", "date_order")
    built = build_problem(uow, start, end, requests=False, class_ids=frozenset(class_ids))
    return _propose(built, _options(uow, time_limit), progress, cancel, deliver)


def propose_replan_lecturer(uow: UnitOfWork, lecturer_id: int, start: dt.date, end: dt.date,
                            reason: str = "", *, time_limit: float | None = None,
                            progress: ProgressFn | None = None,
                            cancel: CancelFn | None = None, deliver: DeliverFn | None = None
                            ) -> Proposal:
    """The lecturer cannot teach from `start` to `end` (illness…): their unlocked lessons then
    move (to another time or lecturer); other lessons move only when needed, as few as
    possible. Accepting records the unavailability too."""
    from trainer.services.lecturers import get_lecturer
    get_lecturer(uow, lecturer_id)  # NotFoundError for a wrong id
    if end < start:
        raise ValidationError("end_date", "date_order")
    away = Unavailability(lecturer_id, start, end, reason)
    return _replan(uow, away, None, lambda f: f.lecturer_id == lecturer_id,
                   _options(uow, time_limit), progress, cancel, deliver)


def propose_replan_venue(uow: UnitOfWork, venue_id: int, start: dt.date, end: dt.date, *,
                         time_limit: float | None = None,
                         progress: ProgressFn | None = None,
                         cancel: CancelFn | None = None) -> Proposal:
    """The workshop cannot be used from `start` to `end`: its lessons move (to another time or
    venue). Nothing records the venue's unavailability (there is no table for it): the moves are
    the whole proposal."""
    if end < start:
        raise ValidationError("end_date", "date_order")
    away = Unavailability(venue_id, start, end)
    return _replan(uow, None, away, lambda f: f.venue_id == venue_id,
                   _options(uow, time_limit), progress, cancel)


def propose_replan_days_off(uow: UnitOfWork, start: dt.date, end: dt.date, *,
                            time_limit: float | None = None,
                            progress: ProgressFn | None = None,
                            cancel: CancelFn | None = None, deliver: DeliverFn | None = None
                            ) -> Proposal:
    """After a notice or an override: the unlocked lessons from `start` to `end` that now fall
    on a day off move within their classes' windows — those and no other lesson."""
    from trainer.services.holiday_notices import lessons_on_days_off
    if end < start:
        raise ValidationError("end_date", "date_order")
    hit = lessons_on_days_off(uow, start, end)
    ids = frozenset(x.id for x in hit)
    first = build_problem(uow, start, end, requests=False)
    lo, hi = start, end
    for facts in first.snapshot.lessons:
        req = first.snapshot.classes[facts.class_id].request if facts.id in ids else None
        if req and req.start and req.end:
            lo, hi = min(lo, max(req.start, dt.date.today())), max(hi, req.end)
    built = build_problem(uow, lo, hi, requests=False, must_move=ids, movable=ids)
    return _propose(built, _options(uow, time_limit), progress, cancel, deliver)


def _replan(uow, lecturer_away, venue_away, uses, options, progress, cancel,
            deliver=None) -> Proposal:
    away = lecturer_away or venue_away
    # the range: the affected classes' windows (their lessons may need to move within them)
    first = build_problem(uow, away.start, away.end, requests=False)
    hit = [f for f in first.snapshot.lessons if uses(f) and away.start <= f.date <= away.end]
    start, end = away.start, away.end
    for facts in hit:
        req = first.snapshot.classes[facts.class_id].request
        if req and req.start and req.end:
            start, end = min(start, max(req.start, dt.date.today())), max(end, req.end)
    start = min(start, away.start)
    built = build_problem(uow, start, end, requests=False, movable_all=True,
                          must_move=frozenset(f.id for f in hit),
                          lecturer_away=lecturer_away, venue_away=venue_away)
    if deliver is not None and lecturer_away is not None:  # an interim one records it too
        deliver = (lambda shown, say=deliver: say(_with(shown, lecturer_away=lecturer_away)))
    proposal = _propose(built, options, progress, cancel, deliver)
    if lecturer_away is not None:
        proposal = _with(proposal, lecturer_away=lecturer_away)
    return proposal


def _with(proposal: Proposal, **changes) -> Proposal:
    from dataclasses import replace
    return replace(proposal, **changes)


def _propose(built: BuiltProblem, options: SolveOptions, progress, cancel,
             deliver: DeliverFn | None = None) -> Proposal:
    problem = built.problem
    cands = compute_candidates(problem)
    on_plan = None
    if deliver is not None:
        shown = [0.0]

        def on_plan(interim: Plan) -> None:  # at most one interim proposal a second
            if time.perf_counter() - shown[0] >= INTERIM_EVERY:
                deliver(_proposal_of(built, cands, interim))
                shown[0] = time.perf_counter()

    plan = solve(problem, options, progress, cancel, cands, on_plan) if problem.lessons else \
        Plan({}, (), "none")
    return _proposal_of(built, cands, plan)


def _proposal_of(built: BuiltProblem, cands, plan: Plan) -> Proposal:
    """The plan as a proposal: its lessons judged by the conflict rules, the ones left out
    explained, the classes and requests it makes or completes."""
    problem = built.problem
    placements = dict(plan.placements)
    rejected: dict[str, Explanation] = {}
    while True:  # judge with the rules; take out what they refuse (should never happen)
        refused = _judge(built, _proposed(built, placements))
        if not refused:
            break
        for key, conflict in refused:
            if key in placements:
                lesson = {x.key: x for x in problem.lessons}[key]
                del placements[key]
                rejected[key] = Explanation(key, built.classes[lesson.class_key].name,
                                            lesson.sequence, "rule_conflict",
                                            {"sentence": conflict.text()})
    unplaced_keys = tuple(k for k in cands.options if k not in placements)
    final = replace(plan, placements=placements, unplaced=unplaced_keys)
    explanations = explain_unplaced(cands, final)
    explanations.update(rejected)
    changed = tuple(x for x in _proposed(built, placements) if _is_change(built, x))
    used = {c for x in changed for c in [x.class_key]}
    classes = tuple(ProposedClass(n.key, n.request_id, n.number, n.code, n.name, n.size)
                    for k, n in sorted(built.new_classes.items()) if k in used)
    done_requests = tuple(sorted(
        rid for rid in built.request_ids
        if not any(_request_of(built, cands.options[k].cls.key) == rid for k in unplaced_keys)))
    return Proposal(built.start, built.end, classes,
                    tuple(sorted(changed, key=lambda x: (x.date, x.start, x.class_name,
                                                         x.sequence))),
                    tuple(explanations[k] for k in unplaced_keys),
                    len(cands.options), len(placements), plan.method, plan.status,
                    plan.seconds, built.fingerprint, done_requests, None, final)


def _request_of(built: BuiltProblem, class_key: str) -> int | None:
    record = built.classes.get(class_key)
    return record.request_id if record else None


def _is_change(built: BuiltProblem, lesson: ProposedLesson) -> bool:
    if lesson.lesson_id is None:
        return True
    current = next((f for f in built.snapshot.lessons if f.id == lesson.lesson_id), None)
    return current is None or (current.date, current.start, current.lecturer_id,
                               current.venue_id) != (lesson.date, lesson.start,
                                                     lesson.lecturer_id, lesson.venue_id)


def _proposed(built: BuiltProblem, placements: dict[str, Placement]) -> list[ProposedLesson]:
    problem = built.problem
    lessons = {x.key: x for x in problem.lessons}
    lecturers = built.context.lecturers
    venues = built.snapshot.venues
    facts_by_id = {f.id: f for f in built.snapshot.lessons}
    out = []
    for key, place in sorted(placements.items()):
        lesson = lessons[key]
        record = built.classes[lesson.class_key]
        slot = problem.slots[place.slot]
        period = next(p for p in built.periods if p.code == slot.period)
        start, end = lesson_times(period, record.lesson_minutes)
        venue = venues.get(place.venue_id) if place.venue_id else None
        lesson_id = int(key.split(":")[1]) if key.startswith("lesson:") else None
        old = facts_by_id.get(lesson_id) if lesson_id else None
        old_venue = venues.get(old.venue_id) if old and old.venue_id else None
        out.append(ProposedLesson(
            key, lesson.class_key, record.id if record.id > 0 else None, record.name,
            lesson.sequence, slot.date, slot.period, start, end, place.lecturer_id,
            lecturers[place.lecturer_id].name if place.lecturer_id in lecturers else "",
            place.venue_id, f"{venue.enterprise_name}{venue.name}" if venue else "",
            lesson_id, built.lesson_rows.get(lesson_id, (None, False))[0] if lesson_id else None,
            old.date if old else None, _period_code(built, old) if old else "",
            old.lecturer_name if old else "",
            f"{old_venue.enterprise_name}{old_venue.name}" if old_venue else ""))
    return out


def _period_code(built: BuiltProblem, facts) -> str:
    from trainer.rules.calendar import period_of
    period = period_of(facts.start, built.periods)
    return period.code if period else ""


def _judge(built: BuiltProblem, lessons: list[ProposedLesson]):
    changed = []
    ids: dict[int, str] = {}
    online = {f.id: f.online for f in built.snapshot.lessons}  # a moved lesson stays online
    for n, lesson in enumerate(lessons, 1):
        record = built.classes[lesson.class_key]
        fid = lesson.lesson_id if lesson.lesson_id is not None else -n
        ids[fid] = lesson.key
        changed.append(facts_of(
            record, id=fid, sequence=lesson.sequence, date=lesson.date, start=lesson.start,
            end=lesson.end, lecturer_id=lesson.lecturer_id, lecturer_name=lesson.lecturer_name,
            venue=built.snapshot.venues.get(lesson.venue_id) if lesson.venue_id else None,
            online=online.get(lesson.lesson_id)))
    found = [c for c in check_changes(changed, built.snapshot.lessons, built.context)
             if c.blocking]
    # the first lesson of a conflict is the one that cannot be: a lesson of the proposal
    return [(ids[c.lesson_ids[0]], c) for c in found if c.lesson_ids[0] in ids]


def accept_proposal(uow: UnitOfWork, proposal: Proposal) -> AcceptResult:
    """Writes the proposal in one transaction: the new classes (create_classes), the lessons
    added and moved (save_lessons, judged by the rules again), the requests fully placed marked
    planned, and a re-plan's unavailability recorded. Refused (ProposalOutdatedError, nothing
    written) when the lessons, requests, classes, lecturers or calendar changed since the
    proposal was made."""
    from trainer.services.lecturers import add_unavailability
    from trainer.services.requests import set_request_status
    from trainer.services.schedule import LessonDraft, save_lessons
    from trainer.services.schedule_classes import create_classes

    with uow:
        if fingerprint(uow, proposal.start, proposal.end) != proposal.fingerprint:
            raise ProposalOutdatedError("outdated")
        class_ids: dict[str, int] = {}
        requests = sorted({c.request_id for c in proposal.classes})
        for request_id in requests:
            made = {c.code: c.id for c in create_classes(uow, request_id)}
            for proposed in proposal.classes:
                if proposed.request_id == request_id:  # the same code R<request>-<n>
                    class_ids[proposed.key] = made[proposed.code]
        drafts = []
        for lesson in proposal.lessons:
            class_id = lesson.class_id if lesson.class_id is not None else \
                class_ids[lesson.class_key]
            drafts.append(LessonDraft(lesson.lesson_id, class_id, lesson.date, lesson.start,
                                      lesson.lecturer_id, lesson.venue_id, lesson.sequence,
                                      lesson.end, lesson.expected_version))
        if proposal.lecturer_away is not None:
            away = proposal.lecturer_away
            add_unavailability(uow, away.resource_id, away.start, away.end, away.reason)
        save_lessons(uow, drafts)
        for request_id in proposal.request_ids:
            # bookkeeping of the plan the person accepted, not an edit of what they saw
            set_request_status(uow, request_id, "planned", None, force=True)
    moves = len(proposal.moves)
    return AcceptResult(len(proposal.classes), len(proposal.lessons) - moves, moves,
                        len(proposal.request_ids))
