"""`trainer schedule holiday …`: the office's own calendar days — the holidays and adjusted
working days (调休上班) of a year chinesecalendar does not know yet, or a local holiday.

    trainer schedule holiday list [--year 2027]
    trainer schedule holiday set 2027-02-16 2027-02-22 --name 春节
    trainer schedule holiday set 2027-02-14 --working --name 春节调休上班
    trainer schedule holiday delete 2027-02-16 [2027-02-22]

A `schedule` extension (trainer.cli_schedule.SCHEDULE_EXTENSIONS)."""
from __future__ import annotations

import datetime as dt

from trainer.messages import language


def add_commands(ssub, common) -> None:
    from trainer.cli_schedule import _date

    p = ssub.add_parser("holiday", parents=[common], help="the office's holidays and adjusted "
                        "working days (for years chinesecalendar does not know)")
    hsub = p.add_subparsers(dest="holiday_action", required=True, metavar="ACTION")
    q = hsub.add_parser("list", parents=[common], help="list them")
    q.add_argument("--year", type=int, default=None)
    q = hsub.add_parser("set", parents=[common], help="mark a day or a range of days")
    q.add_argument("first", type=_date, metavar="FROM")
    q.add_argument("last", type=_date, nargs="?", metavar="TO", help="last day (default: FROM)")
    q.add_argument("--working", action="store_true",
                   help="an adjusted working day (调休上班) instead of a holiday")
    q.add_argument("--name", default="", help="e.g. 春节, 国庆节调休上班")
    q = hsub.add_parser("delete", parents=[common], help="remove the office's entry again")
    q.add_argument("first", type=_date, metavar="FROM")
    q.add_argument("last", type=_date, nargs="?", metavar="TO")


def _days(args) -> list[dt.date]:
    from trainer.cli import UsageError

    last = args.last or args.first
    if last < args.first:
        raise UsageError("TO is before FROM")
    return [args.first + dt.timedelta(days=n) for n in range((last - args.first).days + 1)]


def cmd_holiday(args) -> int:
    from trainer.cli import _open
    from trainer.services.schedule_calendar import (delete_override, list_overrides,
                                                    set_override)

    _db, uow = _open(args)
    zh = language() == "zh"
    if args.holiday_action == "list":
        start = dt.date(args.year, 1, 1) if args.year else None
        end = dt.date(args.year, 12, 31) if args.year else None
        for o in list_overrides(uow, start, end):
            kind = ("调休上班" if zh else "working day") if o.is_working_day else \
                ("放假" if zh else "holiday")
            print(f"{o.date.isoformat()}  {kind}  {o.name}")
        return 0
    with uow:  # a range in one transaction
        for day in _days(args):
            if args.holiday_action == "set":
                set_override(uow, day, args.working, args.name)
            else:
                delete_override(uow, day)
    print(("已保存" if zh else "saved") if args.holiday_action == "set"
          else ("已删除" if zh else "deleted"), len(_days(args)))
    return 0


COMMANDS = {"holiday": cmd_holiday}
