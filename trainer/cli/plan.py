"""`trainer schedule plan` and `trainer schedule replan`: the automatic planner on the command
line (a `schedule` extension, listed in trainer.cli.schedule.EXTENSIONS).

    trainer schedule plan --from 2026-10-01 --to 2026-12-31 [--dry-run] [--time-limit 10]
    trainer schedule replan --lecturer 黎建国 --unavailable 2026-10-12 2026-10-16 [--dry-run]
    trainer schedule replan --venue 12 --unavailable 2026-11-02 2026-11-06 [--dry-run]
    trainer schedule replan --days-off [--from 2027-01-01 --to 2027-03-31] [--dry-run]

Each prints how many lessons were placed and not placed, one sentence per lesson not placed,
and (with --verbose) every lesson added or moved; without --dry-run the proposal is accepted in
one transaction. Exit codes: 0 done (lessons left out are reported, not an error); 1 the data
changed while planning, or the rules refused the proposal; 2 bad arguments."""
from __future__ import annotations

import sys

from trainer.cli.common import COMMON, UsageError, iso_date, open_db
from trainer.texts import language, pick
from trainer.texts import text


def add_commands(ssub) -> None:
    p = ssub.add_parser("plan", parents=[COMMON], help="place the open requests' lessons",
                        description="Plan the lessons of every open training request whose "
                        "window meets the range (OR-Tools CP-SAT, after a greedy start), obeying "
                        "every conflict rule; print placed/unplaced counts and why each lesson "
                        "left out could not be placed; accept the plan unless --dry-run.")
    p.add_argument("--from", dest="start", type=iso_date, required=True, metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="end", type=iso_date, required=True, metavar="YYYY-MM-DD")
    _planner_options(p)
    p.set_defaults(run=cmd_plan)

    p = ssub.add_parser("replan", parents=[COMMON], help="re-plan after a lecturer or venue "
                        "becomes unavailable",
                        description="Record that a lecturer cannot teach (or a workshop cannot "
                        "be used) on some dates and move the lessons that must move, moving as "
                        "few others as possible; print what moved.")
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument("--days-off", action="store_true",
                     help="move only the lessons that now fall on a day off (after a holiday "
                          "notice or override); range from --from/--to")
    who.add_argument("--lecturer", metavar="NAME", help="name (or id) of the lecturer")
    who.add_argument("--venue", metavar="NAME", help="name or id of the workshop (venue); "
                     "its unavailability is not recorded (there is no table for it)")
    p.add_argument("--unavailable", nargs=2, type=iso_date, default=None,
                   metavar=("FROM", "TO"), help="first and last unavailable date")
    p.add_argument("--from", dest="start", type=iso_date, default=None, metavar="YYYY-MM-DD",
                   help="with --days-off: first day (default today)")
    p.add_argument("--to", dest="end", type=iso_date, default=None, metavar="YYYY-MM-DD",
                   help="with --days-off: last day (default a year from --from)")
    p.add_argument("--reason", default="", help="why (recorded with the lecturer)")
    _planner_options(p)
    p.set_defaults(run=cmd_replan)


def _planner_options(p) -> None:
    p.add_argument("--dry-run", action="store_true", help="show the proposal; write nothing")
    p.add_argument("--time-limit", type=float, default=None, metavar="S",
                   help="CP-SAT search time in deterministic seconds (default: setting "
                        "planner.time_limit_seconds); the same limit gives the same plan")
    p.add_argument("--verbose", "-v", action="store_true",
                   help="also list every lesson added or moved")


def _venue_id(uow, value: str) -> int:
    from trainer.services.enterprises import list_venues

    venues = list_venues(uow)
    if value.isdigit():
        found = [v for v in venues if v.id == int(value)]
    else:
        name = value.strip()
        found = [v for v in venues if name in (v.name, f"{v.enterprise_name}{v.name}")]
    if not found:
        raise UsageError(text("cli.no_venue", name=value))
    if len(found) > 1:
        raise UsageError(text("cli.venues_named", count=len(found), name=value, ids=", ".join(
            f"{v.id} ({v.enterprise_name})" for v in found)))
    return found[0].id


def _when(date, period: str) -> str:
    from trainer.rules.calendar import PERIOD_LABELS, describe_date
    label = pick(PERIOD_LABELS[period]) if period in PERIOD_LABELS else ""
    return text("cli.day_period", day=describe_date(date), period=label).rstrip()


def _print(proposal, verbose: bool) -> None:
    moves = proposal.moves
    print(text("cli.planned", placed=proposal.placed, unplaced=len(proposal.unplaced),
               total=proposal.total, classes=len(proposal.classes),
               new_lessons=len(proposal.new_lessons), moved=len(moves)))
    print(text("cli.method", method=proposal.method_line(language())))
    if proposal.unplaced:
        print(text("cli.not_placed"))
        for explanation in proposal.unplaced:
            print(f"- {explanation.message()}")
    if moves:
        print(text("cli.moved"))
        for x in moves:
            arrow = f"{_when(x.from_date, x.from_period)} {x.from_lecturer_name} → " \
                    f"{_when(x.date, x.period)} {x.lecturer_name}"
            print(f"- {x.class_name} {text('cli.lesson_number', sequence=x.sequence)}: {arrow}")
    if verbose and proposal.new_lessons:
        print(text("cli.added"))
        for x in proposal.new_lessons:
            print(f"- {_when(x.date, x.period)} {x.start:%H:%M}-{x.end:%H:%M} {x.class_name} "
                  f"{x.sequence}  {x.lecturer_name}  {x.venue_name}")


def _finish(uow, proposal, dry_run: bool) -> int:
    from trainer.errors import ConflictError
    from trainer.scheduling.proposal import ProposalOutdatedError, accept_proposal

    if dry_run:
        print(text("cli.dry_run"))
        return 0
    try:
        result = accept_proposal(uow, proposal)
    except (ProposalOutdatedError, ConflictError) as exc:
        print(f"trainer: {exc}", file=sys.stderr)
        return 1
    print(text("cli.plan_saved", classes=result.classes_created, added=result.lessons_added,
               moved=result.lessons_moved, requests=result.requests_planned))
    return 0


def cmd_plan(args) -> int:
    from trainer.scheduling.proposal import propose_plan

    if args.end < args.start:
        raise UsageError(text("cli.to_before_from_option"))
    from trainer.cli.holidays import print_provisional
    _db, uow = open_db(args)
    print_provisional(uow, args.start, args.end)
    proposal = propose_plan(uow, args.start, args.end, time_limit=args.time_limit)
    _print(proposal, args.verbose)
    return _finish(uow, proposal, args.dry_run)


def cmd_replan(args) -> int:
    from trainer.cli.schedule import _lecturer_id
    from trainer.scheduling.proposal import (propose_replan_days_off, propose_replan_lecturer,
                                             propose_replan_venue)

    if args.days_off:
        import datetime as dt
        start = args.start or dt.date.today()
        end = args.end or start + dt.timedelta(days=366)
        _db, uow = open_db(args)
        proposal = propose_replan_days_off(uow, start, end, time_limit=args.time_limit)
        _print(proposal, args.verbose)
        return _finish(uow, proposal, args.dry_run)
    if args.unavailable is None:
        raise UsageError(text("cli.give_unavailable"))
    start, end = args.unavailable
    if end < start:
        raise UsageError(text("cli.unavailable_order"))
    _db, uow = open_db(args)
    if args.lecturer:
        proposal = propose_replan_lecturer(uow, _lecturer_id(uow, args.lecturer), start, end,
                                           args.reason, time_limit=args.time_limit)
    else:
        proposal = propose_replan_venue(uow, _venue_id(uow, args.venue), start, end,
                                        time_limit=args.time_limit)
    _print(proposal, args.verbose)
    return _finish(uow, proposal, args.dry_run)

