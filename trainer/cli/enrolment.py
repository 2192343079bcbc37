"""`trainer enrol`, `trainer eligible`, `trainer transfer`, `trainer withdraw`: trainees into
and out of classes, and who may join one.

    trainer enrol --class ID (--trainee ID... | --enterprise NAME | --all-matching QUERY
                              | --list FILE | --file F) [--dry-run]
    trainer eligible --class ID [--categories 下岗失业人员,困难职工 | --anyone | --own-workers]
    trainer transfer --trainee ID --from CLASS --to CLASS [--date D] ; trainer withdraw …

--trainee enrols the people named, all or nothing when the class has too few places. A whole
roster (--enterprise), everyone the Trainees page's search finds (--all-matching) and the people
a list file names by ID number or name (--list) are enrolled in bulk (services.bulk_enrolment):
places in the order of the choice, then "class full after K places" for the rest; one line per
person not enrolled and why. --file takes a trainee list with the import's columns and adds new
people first (io.enrolment_file). A class is given by id or code; a trainee by name, pinyin
initials, the last digits or all of the ID number, #id or scan code. Exit codes: 0 ok, 1 refused
(a full or cancelled class), 2 bad arguments or unreadable file, 3 some were not enrolled."""
from __future__ import annotations

from trainer.cli.common import (COMMON, EXIT_OK, EXIT_REJECTED, UsageError, find_cohort,
                                find_trainee, iso_date, open_db, rejected_lines)
from trainer.texts import TRAINEE_CATEGORIES
from trainer.texts import text


def add_commands(sub) -> None:
    p = sub.add_parser("enrol", parents=[COMMON], help="enrol trainees in a class",
                       description="Enrol trainees by id (or code, ID number, name), a whole "
                       "enterprise roster, everyone a search finds, a list of ID numbers or "
                       "names, or a trainee list file (new people are added to the trainees "
                       "first). Capacity and eligibility are checked for the whole choice; "
                       "exit 3 when some were not enrolled.")
    p.add_argument("--class", dest="cohort", required=True, metavar="ID", help="class id or code")
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument("--trainee", nargs="+", metavar="ID")
    who.add_argument("--enterprise", metavar="NAME", help="everyone on the enterprise's roster")
    who.add_argument("--all-matching", metavar="QUERY",
                     help="everyone the trainee search finds (name, pinyin initials, digits)")
    who.add_argument("--list", metavar="FILE",
                     help="ID numbers and/or names of registered trainees (.xlsx/.xls/.csv/.txt)")
    who.add_argument("--file", metavar="F", help="a trainee list (.xlsx/.xls/.csv)")
    p.add_argument("--category", choices=sorted(TRAINEE_CATEGORIES),
                   help="with --enterprise: only trainees of this category")
    p.add_argument("--file-enterprise", metavar="NAME", help="with --file: enterprise of every row")
    p.add_argument("--joined", type=iso_date, metavar="YYYY-MM-DD",
                   help="day they joined (late joiners); default: the class's first lesson")
    p.add_argument("--dry-run", action="store_true", help="check only; write nothing")
    p.add_argument("--rejects", metavar="OUT.xlsx", help="with --file: save rejected rows")
    p.set_defaults(run=cmd_enrol)

    p = sub.add_parser("eligible", parents=[COMMON], help="who may join a class (categories)",
                       description="Show or set who may join a class: anyone (open), only some "
                       "trainee categories (open), or the enterprise's own workers.")
    p.add_argument("--class", dest="cohort", required=True, metavar="ID", help="class id or code")
    how = p.add_mutually_exclusive_group()
    how.add_argument("--categories", metavar="LIST",
                     help="open to these categories, e.g. 下岗失业人员,困难职工,农民工")
    how.add_argument("--anyone", action="store_true", help="open to anyone")
    how.add_argument("--own-workers", action="store_true",
                     help="only the workers of the class's enterprise")
    p.set_defaults(run=cmd_eligible)

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


def _summary_line(cohort, enrolled: int, already: int, refused: int, left: int) -> str:
    return text("cli.enrolled", cohort=cohort.display_name, enrolled=enrolled, already=already,
                refused=refused, left=left)


def _choice(uow, args) -> tuple[list[int], list]:
    """(trainee ids, rows of a list file naming nobody) of a bulk choice."""
    from trainer.services import bulk_enrolment as bulk

    if args.enterprise:
        from trainer.services.enrolment import roster_ids
        from trainer.services.enterprises import find_enterprise

        ent = find_enterprise(uow, args.enterprise)
        if ent is None:
            raise UsageError(text("cli.no_enterprise", name=args.enterprise))
        return roster_ids(uow, ent.id, args.category), []
    if args.all_matching is not None:
        if not args.all_matching.strip():
            raise UsageError(text("cli.all_matching_empty"))
        return bulk.matching_ids(uow, args.all_matching), []
    from trainer.io.person_lists import read_person_list

    listed = read_person_list(args.list)
    if not listed.entries:
        raise UsageError(text("cli.list_names_nobody", path=args.list))
    return bulk.list_ids(uow, listed.entries)


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
    elif args.trainee:
        ids = [find_trainee(uow, ref).id for ref in args.trainee]
        result = enrolment.enrol_trainees(uow, cohort.id, ids, enrolled_on=args.joined,
                                          dry_run=args.dry_run)
        problems = bool(result.refused)
    else:
        return _bulk(uow, cohort, args)
    _refusals(result)
    print(_summary_line(cohort, len(result.enrolled), len(result.already), len(result.refused),
                        result.seats_left))
    if args.dry_run:
        print(text("cli.dry_run"))
    return EXIT_REJECTED if problems else EXIT_OK


def _bulk(uow, cohort, args) -> int:
    from trainer.services import bulk_enrolment as bulk

    ids, unmatched = _choice(uow, args)
    if args.dry_run:
        done = bulk.check_bulk(uow, cohort.id, ids, unmatched=unmatched)
    else:
        done = bulk.enrol_bulk(uow, cohort.id, ids, unmatched=unmatched, enrolled_on=args.joined)
    for problem in (*done.unmatched, *done.refused):
        print(text("cli.not_enrolled") + problem.message())
    print(_summary_line(cohort, len(done.enrolled), len(done.already),
                        len(done.refused) + len(done.unmatched), done.seats_left))
    if args.dry_run:
        print(text("cli.dry_run"))
    return EXIT_REJECTED if done.refused or done.unmatched else EXIT_OK


def cmd_eligible(args) -> int:
    from trainer.services.class_eligibility import eligibility_text, set_class_eligibility
    from trainer.services.programmes import parse_categories

    _db, uow = open_db(args)
    cohort = find_cohort(uow, args.cohort)
    if args.categories is not None or args.anyone or args.own_workers:
        codes = parse_categories(args.categories) if args.categories else ()
        cohort = set_class_eligibility(uow, cohort.id, open_enrolment=not args.own_workers,
                                       categories=codes, expected_version=cohort.version)
    print(f"{cohort.display_name}: " + eligibility_text(cohort))
    return EXIT_OK


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
    from trainer.services.enrolment import list_enrolments, withdraw_trainee

    _db, uow = open_db(args)
    trainee = find_trainee(uow, args.trainee)
    cohort = find_cohort(uow, args.cohort)
    # the enrolment as it is when the person names trainee and class (0: none, refused as such)
    seen = next((e.version for e in list_enrolments(uow, cohort.id)
                 if e.trainee_id == trainee.id), 0)
    withdraw_trainee(uow, cohort.id, trainee.id, seen)
    print(text("cli.withdrew", name=trainee.name, cohort=cohort.display_name))
    return EXIT_OK
