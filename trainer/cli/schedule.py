"""`trainer schedule …`: classes from a request, lessons listed and moved, the conflict check,
calendar files and the schedule workbook.

Exit codes besides the usual 0/1/2: `schedule check` exits 4 when the schedule has a conflict
(0 when none; notices such as an unknown year do not count); `schedule move` exits 4 when the
rules refuse the move (nothing saved; --force saves it anyway).

Other modules add `schedule` subcommands (the planner's `plan` and `replan`, the office's
holidays) by being listed in EXTENSIONS: each defines add_commands(schedule_subparsers), adding
its subparsers to the `schedule` group with set_defaults(run=function(args) → exit code)."""
from __future__ import annotations

import json
import sys

from trainer.cli import holidays, online, plan
from trainer.cli.common import (COMMON, EXIT_CONFLICTS, UsageError, iso_date, open_db,
                                print_table)
from trainer.texts import text

# Modules adding `schedule` subcommands (see the docstring).
EXTENSIONS = [plan, holidays, online]


def _range(p) -> None:
    p.add_argument("--from", dest="start", type=iso_date, metavar="YYYY-MM-DD", default=None)
    p.add_argument("--to", dest="end", type=iso_date, metavar="YYYY-MM-DD", default=None)


def add_commands(sub) -> None:
    group = sub.add_parser(
        "schedule", parents=[COMMON], help="classes, lessons, conflict check, calendar files",
        description="Scheduling: split a training request into classes, list and move lessons "
        "(every change goes through the conflict rules), check the whole schedule, export .ics "
        "calendars and the schedule workbook.",
        epilog="Exit codes: 4 when `check` finds a conflict or the rules refuse a `move`.")
    group.set_defaults(run=cmd_schedule)
    ssub = group.add_subparsers(dest="schedule_command", required=True, metavar="SUBCOMMAND")

    p = ssub.add_parser("check", parents=[COMMON], help="list every conflict; exit 4 if any")
    _range(p)

    p = ssub.add_parser("classes", parents=[COMMON], help="split a training request into classes")
    p.add_argument("--request", type=int, required=True, metavar="ID")
    p.add_argument("--venue", type=int, default=None, metavar="ID",
                   help="venue whose capacity limits the class size (default: the enterprise's "
                        "largest)")

    p = ssub.add_parser("lessons", parents=[COMMON], help="list lessons, by date and time")
    _range(p)
    p.add_argument("--lecturer", metavar="NAME", help="name (or id) of a lecturer")
    p.add_argument("--enterprise", metavar="NAME", help="name (or id) of an enterprise")
    p.add_argument("--format", choices=["table", "json"], default="table")

    p = ssub.add_parser("move", parents=[COMMON], help="move a lesson to another date and period")
    p.add_argument("lesson", type=int, metavar="LESSON", help="lesson id")
    p.add_argument("--date", type=iso_date, required=True, metavar="YYYY-MM-DD")
    p.add_argument("--period", default="", help="morning / afternoon / evening (上午/下午/晚上)")
    p.add_argument("--start", default=None, metavar="HH:MM", help="an irregular start instead")
    p.add_argument("--lecturer", metavar="NAME", help="also change the lecturer")
    p.add_argument("--force", action="store_true",
                   help="save even when the rules object (the conflicts are still printed)")
    seen = p.add_mutually_exclusive_group()
    seen.add_argument("--version", type=int, metavar="N", dest="expected_version",
                      help="the lesson's version as `schedule lessons` showed it: refused "
                           "(exit 1) when someone changed the lesson since")
    seen.add_argument("--overwrite", action="store_true",
                      help="move it whatever changed since (instead of --version)")

    p = ssub.add_parser("cancel", parents=[COMMON],
                        help="cancel a lesson (kept; calendar files send it as cancelled)")
    p.add_argument("lesson", type=int, metavar="LESSON", help="lesson id")
    seen = p.add_mutually_exclusive_group(required=True)
    seen.add_argument("--version", type=int, metavar="N", dest="expected_version",
                      help="the lesson's version as `schedule lessons` showed it")
    seen.add_argument("--overwrite", action="store_true",
                      help="cancel it whatever changed since (instead of --version)")

    p = ssub.add_parser("ics", parents=[COMMON], help="write an .ics calendar file")
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument("--lecturer", metavar="NAME")
    who.add_argument("--enterprise", metavar="NAME")
    p.add_argument("--out", required=True, metavar="FILE.ics")
    _range(p)

    p = ssub.add_parser("export", parents=[COMMON], help="write the schedule to Excel (.xlsx)")
    p.add_argument("--out", required=True, metavar="FILE.xlsx")
    _range(p)
    p.add_argument("--lecturer", metavar="NAME")
    p.add_argument("--enterprise", metavar="NAME")

    for module in EXTENSIONS:
        module.add_commands(ssub)


# --- helpers ----------------------------------------------------------------------------------

def _lecturer_id(uow, value: str | None) -> int | None:
    from trainer.services.lecturers import get_lecturer, list_lecturers

    if value is None:
        return None
    if value.isdigit():
        return get_lecturer(uow, int(value)).id
    found = [r for r in list_lecturers(uow, search=value) if r.name == value.strip()]
    if not found:
        raise UsageError(text("cli.no_lecturer", name=value))
    if len(found) > 1:
        raise UsageError(text("cli.lecturers_named", count=len(found), name=value, ids=", ".join(
            f"{r.id} ({r.mobile or r.employer})" for r in found)))
    return found[0].id


def _enterprise_id(uow, value: str | None) -> int | None:
    from trainer.services.enterprises import find_enterprise, get_enterprise

    if value is None:
        return None
    if value.isdigit():
        return get_enterprise(uow, int(value)).id
    found = find_enterprise(uow, value)
    if found is None:
        raise UsageError(text("cli.no_enterprise_named", name=value))
    return found.id


def _lesson_row(lesson) -> list[str]:
    from trainer.texts import pick
    from trainer.rules.calendar import PERIOD_LABELS, describe_date

    when = pick(PERIOD_LABELS[lesson.period]) if lesson.period else ""
    place = lesson.place
    if lesson.online is not None:
        place = text("cli.online_place", where=lesson.online.text())
    return [str(lesson.id), str(lesson.version), describe_date(lesson.date), when,
            f"{lesson.start:%H:%M}-{lesson.end:%H:%M}", f"{lesson.class_name} "
            f"{lesson.sequence}/{lesson.lesson_count}", lesson.lecturer_name, place,
            _marks(lesson)]


def _marks(lesson) -> str:
    marks = [text("cli.locked")] if lesson.locked else []
    n = sum(1 for c in lesson.conflicts if c.blocking)
    if n:
        marks.append(text("cli.conflicts_mark", n=n))
    return " ".join(marks)


def _print_conflicts(conflicts) -> None:
    for conflict in conflicts:
        mark = "" if conflict.blocking else text("cli.note")
        print(f"- {mark}{conflict.text()}")


# --- commands ---------------------------------------------------------------------------------

def cmd_check(args, uow) -> int:
    from trainer.services.schedule import check_schedule

    from trainer.cli.holidays import print_provisional
    found = check_schedule(uow, args.start, args.end)
    print_provisional(uow, args.start, args.end,
                      tuple(c.params["year"] for c in found if c.code == "year_unknown"))
    blocking = [c for c in found if c.blocking]
    _print_conflicts(found)
    print(text("cli.conflicts_found", n=len(blocking)))
    return EXIT_CONFLICTS if blocking else 0


def cmd_classes(args, uow) -> int:
    from trainer.services.schedule import create_classes

    made = create_classes(uow, args.request, venue_id=args.venue)
    print_table([[str(c.id), c.code, c.name, str(c.capacity), str(c.lesson_count)] for c in made],
                ["id"] + [text(f"cli.head_{k}") for k in ("class_code", "class_name", "size",
                                                          "lessons")])
    return 0


def cmd_lessons(args, uow) -> int:
    from trainer.services.schedule import list_lessons

    lessons = list_lessons(uow, args.start, args.end, lecturer_id=_lecturer_id(uow, args.lecturer),
                           enterprise_id=_enterprise_id(uow, args.enterprise))
    if args.format == "json":
        print(json.dumps([{
            "id": x.id, "version": x.version, "class": x.class_name, "class_code": x.class_code,
            "sequence": x.sequence, "date": x.date.isoformat(), "start": f"{x.start:%H:%M}",
            "end": f"{x.end:%H:%M}", "period": x.period, "course": x.course_title,
            "theme": x.theme_name, "lecturer": x.lecturer_name, "place": x.place,
            "enterprise": x.enterprise_name, "locked": x.locked,
            "online": {"platform": x.online.platform, "link": x.online.link}
            if x.online else None,
            "conflicts": [c.text() for c in x.conflicts]} for x in lessons],
            ensure_ascii=False, indent=1))
        return 0
    headers = [text(f"cli.head_{k}") for k in ("lesson", "version", "date", "period", "time",
                                              "class_name", "lecturer", "place")] + [""]
    print_table([_lesson_row(x) for x in lessons], headers)
    print(f"({len(lessons)})")
    return 0


def cmd_move(args, uow) -> int:
    from trainer.errors import ConflictError
    from trainer.services.schedule import KEEP, move_lesson

    if not args.period and not args.start:
        raise UsageError(text("cli.give_period"))
    if args.expected_version is None and not args.overwrite:
        raise UsageError(text("cli.give_version"))
    lecturer = _lecturer_id(uow, args.lecturer) if args.lecturer else KEEP
    try:
        moved = move_lesson(uow, args.lesson, args.date, args.period, start=args.start,
                            lecturer_id=lecturer, expected_version=args.expected_version,
                            force=args.overwrite, allow_conflicts=args.force)
    except ConflictError as exc:
        print(text("cli.not_moved"), file=sys.stderr)
        for sentence in exc.sentences():
            print(f"- {sentence}", file=sys.stderr)
        return EXIT_CONFLICTS
    print("  ".join(_lesson_row(moved)))
    _print_conflicts(moved.conflicts)
    return 0


def cmd_cancel(args, uow) -> int:
    from trainer.services.schedule import cancel_lesson

    cancelled = cancel_lesson(uow, args.lesson, args.expected_version, force=args.overwrite)
    print("  ".join(_lesson_row(cancelled)))
    return 0


def cmd_ics(args, uow) -> int:
    from trainer.io.ics import export_enterprise_ics, export_lecturer_ics

    if args.lecturer is not None:
        result = export_lecturer_ics(uow, _lecturer_id(uow, args.lecturer), args.out,
                                     args.start, args.end)
    else:
        result = export_enterprise_ics(uow, _enterprise_id(uow, args.enterprise), args.out,
                                       args.start, args.end)
    print(f"{result.path} ({result.rows})")
    return 0


def cmd_export(args, uow) -> int:
    from trainer.io.schedule_export import export_schedule

    result = export_schedule(uow, args.out, args.start, args.end,
                             lecturer_id=_lecturer_id(uow, args.lecturer),
                             enterprise_id=_enterprise_id(uow, args.enterprise))
    print(f"{result.path} ({result.rows})")
    return 0


SUBCOMMANDS = {"cancel": cmd_cancel, "check": cmd_check, "classes": cmd_classes, "lessons": cmd_lessons,
               "move": cmd_move, "ics": cmd_ics, "export": cmd_export}


def cmd_schedule(args) -> int:
    """Runs one of this module's `schedule` subcommands: they take (args, uow). An extension's
    subcommands name their own function (they open the database as they need)."""
    _db, uow = open_db(args)
    return SUBCOMMANDS[args.schedule_command](args, uow)

