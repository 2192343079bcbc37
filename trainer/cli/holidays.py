"""`trainer schedule holiday …`: the office's own calendar days — the holidays and adjusted
working days (调休上班) of a year chinesecalendar does not know yet, or a local holiday.

    trainer schedule holiday list [--year 2027]
    trainer schedule holiday set 2027-02-16 2027-02-22 --name 春节
    trainer schedule holiday set 2027-02-14 --working --name 春节调休上班
    trainer schedule holiday delete 2027-02-16 [2027-02-22]
    trainer schedule holiday notice 通知.docx [--dry-run]     (`-`: the text on standard input)

`notice` reads the State Council's notice (.txt/.docx/.pdf or pasted text): --dry-run prints one
line per day, `YYYY-MM-DD holiday NAME` / `YYYY-MM-DD working NAME`, and saves nothing; without
it the days are saved (the year is then confirmed by notice) and the lessons now on a day off
are listed, exit 4 when there are any (`trainer schedule replan --days-off` moves them). Exit 2
when the text cannot be read as a notice (every unreadable line named, nothing saved).

A `schedule` extension (listed in trainer.cli.schedule.EXTENSIONS)."""
from __future__ import annotations

import datetime as dt

from trainer.cli.common import COMMON, UsageError, iso_date, open_db
from trainer.texts import text


def add_commands(ssub) -> None:
    p = ssub.add_parser("holiday", parents=[COMMON], help="the office's holidays and adjusted "
                        "working days (for years chinesecalendar does not know)")
    p.set_defaults(run=cmd_holiday)
    hsub = p.add_subparsers(dest="holiday_action", required=True, metavar="ACTION")
    q = hsub.add_parser("list", parents=[COMMON], help="list them")
    q.add_argument("--year", type=int, default=None)
    q = hsub.add_parser("set", parents=[COMMON], help="mark a day or a range of days")
    q.add_argument("first", type=iso_date, metavar="FROM")
    q.add_argument("last", type=iso_date, nargs="?", metavar="TO", help="last day (default: FROM)")
    q.add_argument("--working", action="store_true",
                   help="an adjusted working day (调休上班) instead of a holiday")
    q.add_argument("--name", default="", help="e.g. 春节，国庆节调休上班")
    q = hsub.add_parser("delete", parents=[COMMON], help="remove the office's entry again")
    q.add_argument("first", type=iso_date, metavar="FROM")
    q.add_argument("last", type=iso_date, nargs="?", metavar="TO")
    q = hsub.add_parser("notice", parents=[COMMON],
                        help="read the State Council's holiday notice (.txt/.docx/.pdf, - for "
                             "standard input) and save its days",
                        epilog="Exit codes: 2 the text cannot be read as a notice (nothing "
                               "saved); 4 lessons now fall on a day off (listed).")
    q.add_argument("file", metavar="FILE", help="the notice; - reads standard input")
    q.add_argument("--dry-run", action="store_true",
                   help="print `YYYY-MM-DD holiday|working NAME` per day; save nothing")


def _days(args) -> list[dt.date]:
    last = args.last or args.first
    if last < args.first:
        raise UsageError(text("cli.to_before_from"))
    return [args.first + dt.timedelta(days=n) for n in range((last - args.first).days + 1)]


def cmd_holiday(args) -> int:
    from trainer.services.schedule_calendar import (delete_override_range, list_overrides,
                                                    set_override_range)

    if args.holiday_action == "notice":
        return cmd_notice(args)
    _db, uow = open_db(args)
    if args.holiday_action == "list":
        start = dt.date(args.year, 1, 1) if args.year else None
        end = dt.date(args.year, 12, 31) if args.year else None
        for o in list_overrides(uow, start, end):
            kind = text("cli.working_day" if o.is_working_day else "cli.holiday")
            source = text("cli.notice_of", year=o.notice_year) if o.notice_year else ""
            print(f"{o.date.isoformat()}  {kind}  {o.name}  {source}".rstrip())
        return 0
    days = _days(args)  # a range, in one transaction
    if args.holiday_action == "set":  # the person names the days: they mean to overwrite them
        set_override_range(uow, days[0], days[-1], args.working, args.name, force=True)
    else:
        delete_override_range(uow, days[0], days[-1])
    print(text("cli.days_saved" if args.holiday_action == "set" else "cli.days_deleted",
               count=len(days)))
    if args.holiday_action == "set":
        _print_days_off(uow, _days(args)[0], _days(args)[-1])
    return 0


def print_provisional(uow, start: dt.date | None, end: dt.date | None,
                      more: tuple[int, ...] = ()) -> None:
    """The loud warning when the period (an open end: today) touches a year whose holidays are
    only computed; `more`: further such years (of the lessons checked)."""
    from trainer.rules.calendar import provisional_warning
    from trainer.services.schedule_calendar import provisional_years

    today = dt.date.today()
    years = provisional_years(uow, start or today, end or max(start or today, today))
    years = tuple(sorted(set(years) | set(more)))
    if years:
        print(text("cli.warning") + provisional_warning(years))


def _print_days_off(uow, start: dt.date, end: dt.date) -> int:
    """Lists the lessons that now fall on a day off; their number."""
    from trainer.cli.plan import _when
    from trainer.services.holiday_notices import lessons_on_days_off

    hit = lessons_on_days_off(uow, start, end)
    if hit:
        print(text("cli.days_off_hit", count=len(hit)))
        for x in hit:
            print(text("cli.day_off_lesson", when=_when(x.date, x.period), class_name=x.class_name,
                       sequence=x.sequence, lecturer=x.lecturer_name))
    return len(hit)


def cmd_notice(args) -> int:
    import sys

    from trainer.io.holiday_notice import NoticeError, decode_text, notice_text, parse_notice
    from trainer.services.holiday_notices import preview_notice, save_notice

    try:
        content = decode_text(sys.stdin.buffer.read()) if args.file == "-" else \
            notice_text(args.file)
        notice = parse_notice(content)
    except NoticeError as exc:  # nothing saved
        print(f"trainer: {exc}", file=sys.stderr)
        return 2
    if args.dry_run:
        for line in notice.dry_run_lines():
            print(line)
        return 0
    _db, uow = open_db(args)
    saved = save_notice(uow, preview_notice(uow, notice))
    print(text("cli.notice_saved", saved=saved, year=notice.year))
    return 4 if _print_days_off(uow, notice.first, dt.date(notice.year, 12, 31)) else 0

