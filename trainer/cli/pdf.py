"""`trainer pdf …` (printed documents). `trainer certificate …` is trainer/cli/certificates.py."""
from __future__ import annotations

import argparse
import datetime as dt
import sys

from trainer.cli.common import (COMMON, UsageError, iso_date, open_db, print_warnings,
                                resolve_class_option)
from trainer.cli.certificates import add_key_options, issue_summary, signer_for
from trainer.texts import text


def _month(value: str) -> dt.date:
    try:
        return dt.datetime.strptime(value, "%Y-%m").date()
    except ValueError:
        raise argparse.ArgumentTypeError(text("cli.expected_month", value=value)) from None


def add_commands(sub) -> None:
    pdf = sub.add_parser("pdf", parents=[COMMON], help="print documents as PDF",
                         description="Certificates, sign-in sheets, schedules, reports, fee "
                         "statements and archives as PDF (A4, Chinese font embedded). Personal "
                         "data is masked unless --reveal is given.")
    docs = pdf.add_subparsers(dest="document", required=True, metavar="DOCUMENT")

    p = docs.add_parser("font", parents=[COMMON], help="the fonts documents use; choose another",
                        description="Without options: the fonts in use. --use FILE chooses a "
                        "TrueType font (.ttf/.ttc) for tables and reports (with --certificate: "
                        "for certificates); --automatic goes back to the fonts shipped.")
    p.add_argument("--list", action="store_true", help="the fonts one can choose")
    p.add_argument("--use", metavar="FILE", help="a TrueType font file (.ttf or .ttc)")
    p.add_argument("--index", type=int, default=0, help="the font in a .ttc collection")
    p.add_argument("--automatic", action="store_true", help="the fonts shipped with the program")
    p.add_argument("--certificate", action="store_true", help="the certificates' font")

    p = docs.add_parser("certificates", parents=[COMMON], help="the certificates of a class")
    p.add_argument("--class", dest="cohort", required=True, metavar="ID_OR_CODE")
    p.add_argument("--kind", choices=["completion", "attendance"], default="completion")
    p.add_argument("--out", metavar="FILE", help="one PDF with every certificate")
    p.add_argument("--per-trainee", metavar="DIR", help="one PDF per trainee in this folder")
    p.add_argument("--no-issue", action="store_true",
                   help="print only certificates already issued (default: issue missing ones first)")
    p.add_argument("--grade", default="", help="grade printed on completion certificates, e.g. 初级")
    add_key_options(p)

    p = docs.add_parser("signin", parents=[COMMON],
                        help="the sign-in sheet of a lesson, or every sheet of a programme")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--lesson", type=int, metavar="ID")
    which.add_argument("--programme", metavar="ID_OR_NAME",
                       help="every lesson in a room of the programme's classes, in one PDF")
    p.add_argument("--out", metavar="FILE", required=True)
    p.add_argument("--barcode", choices=["qr", "code128", "none"], default="qr")
    p.add_argument("--rows", type=int, default=None, metavar="N",
                   help="rows per page (default: setting pdf.signin_rows_per_page)")

    p = docs.add_parser("schedule", parents=[COMMON], help="month or week timetable (A4 landscape)")
    p.add_argument("--month", type=_month, metavar="YYYY-MM", help="a month, e.g. 2026-09")
    p.add_argument("--week", type=iso_date, metavar="DATE", help="the week holding this date")
    who = p.add_mutually_exclusive_group()
    who.add_argument("--lecturer", metavar="NAME")
    who.add_argument("--enterprise", metavar="NAME")
    p.add_argument("--out", metavar="FILE", required=True)
    p.add_argument("--reveal", action="store_true", help="full mobiles of workshop contacts")

    p = docs.add_parser("report", parents=[COMMON], help="statistics of a period, with charts")
    p.add_argument("--from", dest="start", type=iso_date, required=True, metavar="DATE")
    p.add_argument("--to", dest="end", type=iso_date, required=True, metavar="DATE")
    p.add_argument("--out", metavar="FILE", required=True)

    p = docs.add_parser("attendance", parents=[COMMON],
                        help="attendance summary of a class, or of an enterprise over a period")
    p.add_argument("--class", dest="cohort", metavar="ID_OR_CODE")
    p.add_argument("--enterprise", metavar="NAME")
    p.add_argument("--from", dest="start", type=iso_date, metavar="DATE")
    p.add_argument("--to", dest="end", type=iso_date, metavar="DATE")
    p.add_argument("--out", metavar="FILE", required=True)
    p.add_argument("--reveal", action="store_true", help="full ID numbers")

    p = docs.add_parser("fees", parents=[COMMON], help="lecturer hours and fee statement of a month")
    p.add_argument("--month", type=_month, required=True, metavar="YYYY-MM")
    p.add_argument("--out", metavar="FILE", required=True)
    p.add_argument("--reveal", action="store_true", help="full mobiles")

    p = docs.add_parser("archive", parents=[COMMON], help="class archive （一班一档）")
    p.add_argument("--class", dest="cohort", required=True, metavar="ID_OR_CODE")
    p.add_argument("--out", metavar="FILE", required=True)
    p.add_argument("--reveal", action="store_true", help="full ID numbers")

    p = docs.add_parser("record", parents=[COMMON], help="a trainee's record (一人一档)")
    p.add_argument("--trainee", required=True, metavar="NAME_OR_ID",
                   help="name, pinyin initials, last digits or all of the ID number, or #id")
    p.add_argument("--out", metavar="FILE", required=True)
    p.add_argument("--reveal", action="store_true", help="full ID number and mobile")
    pdf.set_defaults(run=cmd_pdf)


def cmd_pdf(args) -> int:
    _db, uow = open_db(args)
    resolve_class_option(args, uow)
    if args.document == "font":
        return _font(args, uow)
    if args.document == "certificates":
        from trainer.pdf.certificates import build_certificates
        from trainer.services.certificates import issue_certificates

        if not args.out and not args.per_trainee:
            raise UsageError(text("cli.give_out"))
        if not args.no_issue:
            issued = issue_certificates(uow, args.cohort, args.kind, grade=args.grade,
                                        signer=signer_for(args, uow))
            print(issue_summary(issued))
        result = build_certificates(uow, args.cohort, args.out, kind=args.kind,
                                    per_trainee_dir=args.per_trainee)
    elif args.document == "signin":
        from trainer.pdf.signin import build_programme_signin, build_signin_sheet

        if args.programme:
            from trainer.services.programmes import find_programme

            result = build_programme_signin(uow, find_programme(uow, args.programme).id, args.out,
                                            rows_per_page=args.rows, barcode=args.barcode)
        else:
            result = build_signin_sheet(uow, args.lesson, args.out, rows_per_page=args.rows,
                                        barcode=args.barcode)
    elif args.document == "schedule":
        from trainer.pdf.schedules import build_schedule

        if not args.month and not args.week:
            raise UsageError(text("cli.give_month"))
        result = build_schedule(uow, args.out, month=None if args.week else args.month,
                                week=args.week, lecturer=args.lecturer,
                                enterprise=args.enterprise, reveal=args.reveal)
    elif args.document == "report":
        from trainer.pdf.reports import build_statistics

        result = build_statistics(uow, args.start, args.end, args.out)
    elif args.document == "attendance":
        from trainer.pdf.reports import build_class_attendance, build_enterprise_attendance

        if args.cohort is not None:
            result = build_class_attendance(uow, args.cohort, args.out, reveal=args.reveal)
        elif args.enterprise and args.start and args.end:
            result = build_enterprise_attendance(uow, args.enterprise, args.start, args.end,
                                                 args.out, reveal=args.reveal)
        else:
            raise UsageError(text("cli.give_class_or_enterprise"))
    elif args.document == "fees":
        from trainer.pdf.fees import build_fee_statement

        result = build_fee_statement(uow, args.month, args.out, reveal=args.reveal)
    elif args.document == "archive":
        from trainer.pdf.archives import build_class_archive

        result = build_class_archive(uow, args.cohort, args.out, reveal=args.reveal)
    elif args.document == "record":
        from trainer.cli.common import find_trainee
        from trainer.pdf.archives import build_trainee_record

        person = find_trainee(uow, args.trainee)  # several match: listed, exit 2
        print(text("cli.trainee_record", who=person.line()))
        result = build_trainee_record(uow, person.id, args.out, reveal=args.reveal)
    else:  # pragma: no cover - argparse allows only the documents above
        raise UsageError(args.document)
    print_warnings(result)
    files = text("cli.files", count=len(result.files)) if result.files else ""
    where = f"{result.path} + {files}" if result.path and files else str(result.path or files)
    print(text("cli.pages", where=where, pages=result.pages))
    return 0


def _font(args, uow) -> int:
    """`trainer pdf font`: show, list, choose or reset the documents' fonts."""
    from trainer.pdf.fonts import (available_fonts, document_font_version, document_fonts,
                                   set_document_font)

    role = "certificate" if args.certificate else "body"
    if args.use or args.automatic:  # the version read when the person names the choice
        set_document_font(uow, "" if args.automatic else args.use, args.index, role=role,
                          expected_version=document_font_version(uow, role))
    if args.list:
        for choice in available_fonts():
            print(f"{choice.face_name}\t{choice.source}\t{choice.path}"
                  + (f" --index {choice.subfont_index}" if choice.subfont_index else ""))
        return 0
    fonts = document_fonts(uow)
    for role, choice in (("cli.font_body", fonts.body), ("cli.font_certificate", fonts.certificate)):
        print(text("cli.font_line", role=text(role), face=choice.face_name, source=choice.source,
                   path=choice.path or "").rstrip())
    for warning in fonts.warnings:
        print(f"trainer: {warning}", file=sys.stderr)
    return 0

