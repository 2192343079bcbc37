"""`trainer attendance …`: a lesson's signed sheet typed in, the scanner, attendance files and
a class's grid.

    trainer attendance mark --lesson ID (--present TAIL... | --all-present) [--late TAIL:MIN] …
    trainer attendance scan --lesson ID [CODE...]     (no codes: reads a scanner's lines)
    trainer attendance import FILE ; trainer attendance export --class ID --out F.xlsx
    trainer attendance show --class ID

A class is given by id or code; a trainee by id, scan code (T0000123), ID number, name, or the
last 4–6 characters of the ID number. Exit codes: 0 ok, 1 refused, 2 bad arguments or
unreadable file, 3 some rows or codes were rejected (the rest was done)."""
from __future__ import annotations

import argparse
import datetime as dt
import sys

from trainer.cli.common import (COMMON, EXIT_OK, EXIT_REJECTED, UsageError, find_cohort,
                                iso_date, open_db, print_table, report_preview)
from trainer.cli.online import add_online_hours, cmd_online_hours
from trainer.texts import language, pick
from trainer.texts import text


def _late(value: str) -> tuple[str, int]:
    code, sep, minutes = value.rpartition(":")
    if not sep or not code or not minutes.isdigit():
        raise argparse.ArgumentTypeError(text("cli.expected_late", value=value))
    return code, int(minutes)


def add_commands(sub) -> None:
    p = sub.add_parser("attendance", parents=[COMMON], help="record, import, export attendance")
    att = p.add_subparsers(dest="attendance_command", required=True, metavar="ACTION")
    q = att.add_parser("mark", parents=[COMMON], help="type in a lesson's signed sheet")
    q.add_argument("--lesson", type=int, required=True, metavar="ID")
    q.add_argument("--all-present", action="store_true",
                   help="everyone with nothing recorded yet is present")
    q.add_argument("--present", nargs="+", default=[], metavar="ID_TAIL")
    q.add_argument("--late", nargs="+", type=_late, default=[], metavar="TAIL:MIN")
    q.add_argument("--excused", nargs="+", default=[], metavar="ID_TAIL")
    q.add_argument("--absent", nargs="+", default=[], metavar="ID_TAIL")
    q.add_argument("--note", default="")
    q = att.add_parser("scan", parents=[COMMON], help="scanner mode: mark codes present")
    q.add_argument("--lesson", type=int, required=True, metavar="ID")
    q.add_argument("codes", nargs="*", help="codes or ID tails; none: read lines from stdin")
    q = att.add_parser("import", parents=[COMMON], help="import attendance from .xlsx/.csv")
    q.add_argument("file")
    q.add_argument("--class", dest="cohort", metavar="ID", help="class of rows naming none")
    q.add_argument("--dry-run", action="store_true")
    q.add_argument("--rejects", metavar="OUT.xlsx")
    q.add_argument("--sheet", default=None)
    q = att.add_parser("export", parents=[COMMON], help="a class's attendance and results to Excel")
    q.add_argument("--class", dest="cohort", required=True, metavar="ID")
    q.add_argument("--out", required=True, metavar="F.xlsx")
    q.add_argument("--as-of", type=iso_date, metavar="YYYY-MM-DD")
    q = att.add_parser("show", parents=[COMMON], help="print a class's attendance grid")
    q.add_argument("--class", dest="cohort", required=True, metavar="ID")
    add_online_hours(att)
    p.set_defaults(run=cmd_attendance)


def cmd_attendance(args) -> int:
    return {"mark": _mark, "scan": _scan, "import": _import, "export": _export,
            "show": _show, "online-hours": cmd_online_hours}[args.attendance_command](args)


def _mark(args) -> int:
    from trainer.services.attendance_marking import lesson_roll, mark_lesson

    if not (args.all_present or args.present or args.late or args.excused or args.absent):
        raise UsageError(text("cli.give_marks"))
    _db, uow = open_db(args)
    result = mark_lesson(uow, args.lesson, all_present=args.all_present, present=args.present,
                         late=args.late, excused=args.excused, absent=args.absent,
                         note=args.note)
    for outcome in result.outcomes:
        print(f"{outcome.code}: {outcome.message()}")
    roll = lesson_roll(uow, args.lesson)
    _roll_summary(roll, result.filled_present)
    return EXIT_REJECTED if result.problems else EXIT_OK


def _roll_summary(roll, filled: int | None = None) -> None:
    from trainer.rules.completion import ABSENT, EXCUSED, LATE, PRESENT

    counts = {s: roll.count(s) for s in (PRESENT, LATE, EXCUSED, ABSENT, None)}
    extra = text("cli.filled_present", filled=filled) if filled else ""
    print(text("cli.roll", sequence=roll.sequence, date=roll.date, present=counts[PRESENT],
               late=counts[LATE], excused=counts[EXCUSED], absent=counts[ABSENT],
               unrecorded=counts[None], extra=extra))


def _scan(args) -> int:
    from trainer.services.attendance_marking import ScanSession, lesson_roll

    _db, uow = open_db(args)
    codes = args.codes or (line.strip() for line in sys.stdin)
    problems = 0
    session = ScanSession(uow, args.lesson)  # the lesson and its class read once
    for code in codes:
        if not code:
            continue
        result = session.scan(code, at=None if args.codes else dt.datetime.now())
        if not result.ok:
            problems += 1
        if not result.ok:  # the terminal bell: the clerk looks up only when something is wrong
            from trainer.cli import ring_bell

            ring_bell()
        print(f"{code}: {result.message()}", flush=True)
    _roll_summary(lesson_roll(uow, args.lesson))
    return EXIT_REJECTED if problems else EXIT_OK


def _import(args) -> int:
    from trainer.io.attendance_io import preview_attendance_import, run_attendance_import

    _db, uow = open_db(args)
    cohort_id = find_cohort(uow, args.cohort).id if args.cohort else None
    preview = preview_attendance_import(uow, args.file, cohort_id=cohort_id, sheet=args.sheet)
    report_preview(preview, args.rejects)
    if args.dry_run:
        print(text("cli.dry_run"))
    elif preview.accepted:
        saved = run_attendance_import(uow, preview)
        print(text("cli.attendance_imported", created=saved.created, updated=saved.updated,
                   unchanged=saved.unchanged))
    return EXIT_REJECTED if preview.rejected else EXIT_OK


def _export(args) -> int:
    from trainer.io.attendance_io import export_class_attendance

    _db, uow = open_db(args)
    done = export_class_attendance(uow, find_cohort(uow, args.cohort).id, args.out, as_of=args.as_of)
    print(f"{done.path} ({done.trainees} × {done.lessons})")
    return EXIT_OK


def _show(args) -> int:
    from trainer.rules.completion import STATUS_LETTERS

    _db, uow = open_db(args)
    from trainer.services.attendance import load_attendance_grid

    grid = load_attendance_grid(uow, find_cohort(uow, args.cohort).id)
    lang = language()
    rows = []
    for t in grid.trainees:
        cells = []
        for lesson in grid.lessons:
            c = grid.cell(lesson.id, t.trainee_id)
            cells.append(pick(STATUS_LETTERS[c.status], lang) if c else
                         ("·" if grid.applicable(lesson, t) else "—"))
        rows.append([t.code, t.name, t.id_tail] + cells)
    print_table(rows, [text("cli.head_code"), text("cli.head_name"), text("cli.head_id")]
           + [str(lesson.sequence) + ("×" if lesson.cancelled else "") for lesson in grid.lessons])
    return EXIT_OK
