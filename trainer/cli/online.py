"""`trainer schedule online|offline …`: a lesson given online (a platform and its link or meeting
number; no room, no seats; the lecturer still booked) or back in a room.

    trainer schedule online 42 --platform 腾讯会议 --link "会议号 123 456 789" --version 3
    trainer schedule offline 42 --venue 职工培训中心第一教室 --version 4

Both carry the version `trainer schedule lessons` showed (or --overwrite); exit 4 when the
conflict rules refuse the change (nothing saved; --force saves it anyway), 1 when someone
changed the lesson since that version. A `schedule` extension
(listed in trainer.cli.schedule.EXTENSIONS).

`attendance online-hours` (added to the `attendance` group by trainer.cli.attendance) prints
one line per trainee (hours, and the hours recorded before), one per refused row (`row R:
reason`) and `accepted N, refused M`; exit 3 when a row is refused (the accepted ones are
recorded all the same unless --dry-run), 2 when the file cannot be read."""
from __future__ import annotations

import sys

from trainer.cli.common import (COMMON, EXIT_CONFLICTS, EXIT_OK, EXIT_REJECTED, find_cohort,
                                open_db)
from trainer.texts import text


def _seen(p) -> None:
    seen = p.add_mutually_exclusive_group(required=True)
    seen.add_argument("--version", type=int, metavar="N", dest="expected_version",
                      help="the lesson's version as `schedule lessons` showed it: refused "
                           "(exit 1) when someone changed the lesson since")
    seen.add_argument("--overwrite", action="store_true",
                      help="change it whatever changed since (instead of --version)")
    p.add_argument("--force", action="store_true",
                   help="save even when the rules object (the conflicts are still printed)")


def add_commands(ssub) -> None:
    p = ssub.add_parser("online", parents=[COMMON],
                        help="give a lesson online: platform and link, no room",
                        epilog="Exit codes: 4 the conflict rules refuse it (nothing saved).")
    p.add_argument("lesson", type=int, metavar="LESSON", help="lesson id")
    p.add_argument("--platform", required=True, help="the platform's name (腾讯会议 or 钉钉, say)")
    p.add_argument("--link", default="", help="the link or meeting number trainees join with")
    _seen(p)
    p.set_defaults(run=cmd_online)
    p = ssub.add_parser("offline", parents=[COMMON],
                        help="give an online lesson in a room again",
                        epilog="Exit codes: 4 the conflict rules refuse it (nothing saved).")
    p.add_argument("lesson", type=int, metavar="LESSON", help="lesson id")
    p.add_argument("--venue", metavar="NAME", default=None,
                   help="the venue (name, enterprise + name, or id); default: none yet")
    _seen(p)
    p.set_defaults(run=cmd_offline)


def _change(args, change) -> int:
    from trainer.cli.schedule import _lesson_row, _print_conflicts
    from trainer.errors import ConflictError

    try:
        saved = change()
    except ConflictError as exc:
        print(text("cli.not_changed"), file=sys.stderr)
        for sentence in exc.sentences():
            print(f"- {sentence}", file=sys.stderr)
        return EXIT_CONFLICTS
    print("  ".join(_lesson_row(saved)))
    _print_conflicts(saved.conflicts)
    return 0


def cmd_online(args) -> int:
    from trainer.services.online_lessons import set_lesson_online

    _db, uow = open_db(args)
    return _change(args, lambda: set_lesson_online(
        uow, args.lesson, args.platform, args.link, args.expected_version,
        force=args.overwrite, allow_conflicts=args.force))


def cmd_offline(args) -> int:
    from trainer.cli.plan import _venue_id
    from trainer.services.online_lessons import set_lesson_offline

    _db, uow = open_db(args)
    venue = _venue_id(uow, args.venue) if args.venue else None
    return _change(args, lambda: set_lesson_offline(
        uow, args.lesson, venue, args.expected_version, force=args.overwrite,
        allow_conflicts=args.force))


def add_online_hours(att) -> None:
    q = att.add_parser("online-hours", parents=[COMMON],
                       help="import online study time from the learning platform's export",
                       description="The platform's export (.csv in UTF-8/GBK, .xlsx, .xls): a "
                       "name and/or ID number column and a study-time column (学习时长（分钟）, "
                       "时长（小时）, 学时, or cells such as 1小时30分 or 01:30:00). The figures "
                       "replace what was recorded for the class.",
                       epilog="Exit codes: 3 some rows refused (listed); 2 unreadable file.")
    q.add_argument("cohort", metavar="CLASS", help="the class: code or id")
    q.add_argument("file", metavar="FILE")
    q.add_argument("--dry-run", action="store_true", help="check and print; record nothing")
    q.add_argument("--sheet", default=None, help="the workbook's sheet (default: the first)")


def cmd_online_hours(args) -> int:
    from trainer.io.online_hours import preview_online_hours, run_online_hours
    from trainer.rules.completion import hours_text

    _db, uow = open_db(args)
    cohort = find_cohort(uow, args.cohort)
    preview = preview_online_hours(uow, cohort.id, args.file, sheet=args.sheet)
    for e in sorted(preview.entries, key=lambda e: e.rows[0]):
        rows = text("cli.separator").join(map(str, e.rows))
        was = "" if e.previous is None else text("cli.online_was", hours=hours_text(e.previous))
        print(text("cli.online_entry", rows=rows, name=e.name, hours=hours_text(e.minutes),
                   was=was))
    for r in preview.rejected:
        print(text("cli.row", row=r.row) + r.message())
    print(text("cli.online_counts", accepted=len(preview.entries),
               refused=len(preview.rejected)))
    if not args.dry_run and preview.entries:
        print(text("cli.online_recorded", count=run_online_hours(uow, preview)))
    return EXIT_REJECTED if preview.rejected else EXIT_OK
