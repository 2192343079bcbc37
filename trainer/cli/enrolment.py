"""`trainer enrol`, `trainer transfer`, `trainer withdraw`: trainees into and out of classes.

    trainer enrol --class ID (--trainee ID... | --enterprise NAME | --file F)
    trainer transfer --trainee ID --from CLASS --to CLASS [--date D] ; trainer withdraw …

A class is given by id or code; a trainee by id, scan code (T0000123), ID number or name.
Exit codes: 0 ok, 1 refused (a full class…), 2 bad arguments or unreadable file, 3 some rows or
trainees were rejected (the rest was done)."""
from __future__ import annotations

from trainer.cli.common import (COMMON, EXIT_OK, EXIT_REJECTED, UsageError, find_cohort,
                                find_trainee, iso_date, open_db, rejected_lines)
from trainer.messages import TRAINEE_CATEGORIES
from trainer.texts import text


def add_commands(sub) -> None:
    p = sub.add_parser("enrol", parents=[COMMON], help="enrol trainees in a class",
                       description="Enrol trainees by id (or code, ID number, name), a whole "
                       "enterprise roster, or a trainee list file (new people are added to the "
                       "trainees first). Capacity and eligibility are checked; exit 3 when some "
                       "were refused.")
    p.add_argument("--class", dest="cohort", required=True, metavar="ID", help="class id or code")
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument("--trainee", nargs="+", metavar="ID")
    who.add_argument("--enterprise", metavar="NAME", help="everyone on the enterprise's roster")
    who.add_argument("--file", metavar="F", help="a trainee list (.xlsx/.xls/.csv)")
    p.add_argument("--category", choices=sorted(TRAINEE_CATEGORIES),
                   help="with --enterprise: only trainees of this category")
    p.add_argument("--file-enterprise", metavar="NAME", help="with --file: enterprise of every row")
    p.add_argument("--joined", type=iso_date, metavar="YYYY-MM-DD",
                   help="day they joined (late joiners); default: the class's first lesson")
    p.add_argument("--dry-run", action="store_true", help="check only; write nothing")
    p.add_argument("--rejects", metavar="OUT.xlsx", help="with --file: save rejected rows")
    p.set_defaults(run=cmd_enrol)

    p = sub.add_parser("transfer", parents=[COMMON], help="move a trainee to another class")
    p.add_argument("--trainee", required=True, metavar="ID")
    p.add_argument("--from", dest="source", required=True, metavar="CLASS")
    p.add_argument("--to", dest="target", required=True, metavar="CLASS")
    p.add_argument("--date", type=iso_date, metavar="YYYY-MM-DD", help="default: today")
    p.set_defaults(run=cmd_transfer)

    p = sub.add_parser("withdraw", parents=[COMMON], help="take a trainee out of a class")
    p.add_argument("--class", dest="cohort", required=True, metavar="ID")
    p.add_argument("--trainee", required=True, metavar="ID")
    p.set_defaults(run=cmd_withdraw)


def _refusals(result) -> None:
    for refusal in result.refused:
        print(text("cli.refused") + refusal.message())


def cmd_enrol(args) -> int:
    from trainer.services import enrolment

    _db, uow = open_db(args)
    cohort = find_cohort(uow, args.cohort)
    if args.file:
        from trainer.io.enrolment_file import enrol_from_file
        from trainer.io.workbooks import write_rejects

        done = enrol_from_file(uow, cohort.id, args.file, enterprise=args.file_enterprise,
                               enrolled_on=args.joined, dry_run=args.dry_run)
        print(text("cli.list_enrolled", created=done.created_trainees,
                   known=done.known_trainees, rejected=len(done.rejected)))
        rejected_lines(done.rejected)
        if args.rejects and done.rejected:
            print(text("cli.rejects_file", path=write_rejects(done, args.rejects)))
        result = done.result
        problems = bool(done.rejected or result.refused)
    else:
        if args.enterprise:
            from trainer.services.enterprises import find_enterprise
            ent = find_enterprise(uow, args.enterprise)
            if ent is None:
                raise UsageError(text("cli.no_enterprise", name=args.enterprise))
            result = enrolment.enrol_enterprise(uow, cohort.id, ent.id, category=args.category,
                                                enrolled_on=args.joined, dry_run=args.dry_run)
        else:
            ids = [find_trainee(uow, ref).id for ref in args.trainee]
            result = enrolment.enrol_trainees(uow, cohort.id, ids, enrolled_on=args.joined,
                                              dry_run=args.dry_run)
        problems = bool(result.refused)
    _refusals(result)
    print(text("cli.enrolled", cohort=cohort.display_name, enrolled=len(result.enrolled),
               already=len(result.already), refused=len(result.refused),
               left=result.seats_left))
    if args.dry_run:
        print(text("cli.dry_run"))
    return EXIT_REJECTED if problems else EXIT_OK


def cmd_transfer(args) -> int:
    from trainer.services.enrolment import transfer_trainee

    _db, uow = open_db(args)
    trainee = find_trainee(uow, args.trainee)
    source, target = find_cohort(uow, args.source), find_cohort(uow, args.target)
    record = transfer_trainee(uow, trainee.id, source.id, target.id, on=args.date)
    print(text("cli.transferred", name=trainee.name, source=source.display_name,
               target=target.display_name, since=record.enrolled_on))
    return EXIT_OK


def cmd_withdraw(args) -> int:
    from trainer.services.enrolment import withdraw_trainee

    _db, uow = open_db(args)
    trainee = find_trainee(uow, args.trainee)
    cohort = find_cohort(uow, args.cohort)
    withdraw_trainee(uow, cohort.id, trainee.id)
    print(text("cli.withdrew", name=trainee.name, cohort=cohort.display_name))
    return EXIT_OK
