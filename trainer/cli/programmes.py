"""`trainer programme …`: open-recruitment programmes (培训项目, issue 16).

    trainer programme add --name NAME --course COURSE [--level-course 等级提升=COURSE2]
        [--level-classes 等级提升=1] [--pass-mark 初级=60] [--grade 等级提升=中级]
        --venue VENUE --start YYYY-MM --months 6 --classes-per-month 3 --class-size 60
        --eligible "下岗失业人员,困难职工,农民工,应届初中毕业生" [--no-plan]
    trainer programme list
    trainer programme show PROGRAMME
    trainer programme enrol PROGRAMME FILE [--dry-run] [--sheet NAME] [--rejects OUT.xlsx]
    trainer programme level CLASS TRAINEE LEVEL [--version N]
    trainer programme edit PROGRAMME (--version N | --overwrite) [--name NAME] [--venue VENUE]
        [--start YYYY-MM] [--months N] [--classes-per-month N] [--class-size N]
        [--eligible "…"] [--pass-mark 初级=60] [--grade 等级提升=中级] [--notes TEXT]

`add` makes the programme and its classes, then plans their lessons with the planner (offline,
in the programme's venue) unless --no-plan; it prints the programme's id, its class codes and
the lessons planned. `enrol` reads the applicants' list (姓名, 身份证号, 手机号, 人员类别,
报名等级, 已持证) and prints `enrolled N, refused M` and one line per refused row
(`row R: reason`); exit 3 when rows were refused (the others are enrolled unless --dry-run),
2 when the file cannot be read. `edit` changes what is given and keeps the rest, with the
version `show` printed (exit 1, nothing changed, when someone changed it since); the class size
may change while no class holds more, the venue, months and classes only while nobody is
enrolled."""
from __future__ import annotations

import datetime as dt

from trainer.cli.common import COMMON, EXIT_OK, EXIT_REJECTED, UsageError, open_db, print_table
from trainer.texts import TRAINEE_CATEGORIES, label, language
from trainer.texts import text


def _month(value: str) -> dt.date:
    import argparse
    try:
        year, month = value.replace("/", "-").replace(".", "-").split("-")[:2]
        return dt.date(int(year), int(month), 1)
    except (ValueError, TypeError):
        raise argparse.ArgumentTypeError(text("cli.expected_month", value=value)) from None


def _pairs(items: list[str] | None, option: str) -> dict[str, str]:
    out = {}
    for item in items or ():
        level, sep, value = item.partition("=")
        if not sep or not level.strip() or not value.strip():
            raise UsageError(text("cli.level_pair", option=option, item=item))
        out[level.strip()] = value.strip()
    return out


def add_commands(sub) -> None:
    p = sub.add_parser("programme", parents=[COMMON],
                       help="open-recruitment programmes (培训项目): classes, applicants",
                       epilog="Exit codes: 3 applicants refused (the others enrolled unless "
                              "--dry-run); 2 bad arguments or an unreadable file.")
    p.set_defaults(run=cmd_programme)
    psub = p.add_subparsers(dest="programme_action", required=True, metavar="ACTION")
    q = psub.add_parser("add", parents=[COMMON], help="make a programme, its classes and lessons")
    q.add_argument("--name", required=True)
    q.add_argument("--course", required=True, help="the first level's course (title or id)")
    q.add_argument("--level", help="the first level's name (default 初级)")
    q.add_argument("--level-course", action="append", metavar="LEVEL=COURSE",
                   help="another level and its course, e.g. 等级提升=母婴护理师（等级提升）")
    q.add_argument("--level-classes", action="append", metavar="LEVEL=N",
                   help="classes a month of a level (default: 1 for each further level, "
                        "the rest for the first)")
    q.add_argument("--pass-mark", action="append", metavar="LEVEL=MARK",
                   help="the exam's pass mark of a level (default: its course's)")
    q.add_argument("--grade", action="append", metavar="LEVEL=GRADE",
                   help="what the level's certificates show (default: the level's name)")
    q.add_argument("--venue", required=True, help="venue or training centre (name or id)")
    q.add_argument("--start", required=True, type=_month, metavar="YYYY-MM")
    q.add_argument("--months", required=True, type=int)
    q.add_argument("--classes-per-month", required=True, type=int)
    q.add_argument("--class-size", required=True, type=int)
    q.add_argument("--eligible", default="", help="categories taken, comma-separated "
                   "(下岗失业人员,困难职工,…); default anyone")
    q.add_argument("--notes", default="")
    q.add_argument("--no-plan", action="store_true", help="make the classes only, no lessons")
    psub.add_parser("list", parents=[COMMON], help="list programmes")
    q = psub.add_parser("show", parents=[COMMON], help="a programme, its levels and classes")
    q.add_argument("programme", metavar="PROGRAMME", help="id or name")
    q = psub.add_parser("enrol", parents=[COMMON], help="enrol the applicants' list (报名表)")
    q.add_argument("programme", metavar="PROGRAMME", help="id or name")
    q.add_argument("file", metavar="FILE", help=".xlsx/.xls/.ods/.csv")
    q.add_argument("--dry-run", action="store_true", help="decide and print; write nothing")
    q.add_argument("--sheet", default=None, help="sheet name (default: the first with a header)")
    q.add_argument("--rejects", metavar="OUT.xlsx", help="save the refused rows with reasons")
    q = psub.add_parser("level", parents=[COMMON], help="set a trainee's level in a class")
    q.add_argument("cls", metavar="CLASS", help="class code or id")
    q.add_argument("trainee", type=int, metavar="TRAINEE", help="trainee id")
    q.add_argument("level", metavar="LEVEL")
    q.add_argument("--version", type=int, default=None, help="the enrolment's version you saw")
    _edit_arguments(psub)


def _edit_arguments(psub) -> None:
    q = psub.add_parser("edit", parents=[COMMON], help="change a programme (what is given)")
    q.add_argument("programme", metavar="PROGRAMME", help="id or name")
    seen = q.add_mutually_exclusive_group(required=True)
    seen.add_argument("--version", type=int, metavar="N", dest="expected_version",
                      help="the version `programme show` printed: refused (exit 1) when "
                           "someone changed the programme since")
    seen.add_argument("--overwrite", action="store_true",
                      help="change it whatever changed since (instead of --version)")
    q.add_argument("--name")
    q.add_argument("--venue", help="venue or training centre (name or id)")
    q.add_argument("--start", type=_month, metavar="YYYY-MM")
    q.add_argument("--months", type=int)
    q.add_argument("--classes-per-month", type=int)
    q.add_argument("--class-size", type=int)
    q.add_argument("--eligible", help="categories taken, comma-separated; \"\" for anyone")
    q.add_argument("--pass-mark", action="append", metavar="LEVEL=MARK")
    q.add_argument("--grade", action="append", metavar="LEVEL=GRADE")
    q.add_argument("--notes")


def _course(uow, text: str) -> int:
    from trainer.errors import NotFoundError
    from trainer.rules.text import clean_text
    from trainer.services.courses import list_courses
    text = clean_text(text)
    found = [c for c in list_courses(uow, text) if c.title == text or str(c.id) == text]
    if not found and text.isdigit():
        found = [c for c in list_courses(uow) if c.id == int(text)]
    if len(found) != 1:
        raise NotFoundError("course", text)
    return found[0].id


def _venue(uow, text: str) -> int:
    from trainer.errors import NotFoundError
    from trainer.rules.text import clean_text
    from trainer.services.enterprises import list_venues
    text = clean_text(text)
    venues = list_venues(uow)
    found = [v for v in venues if text in (v.name, str(v.id))] or \
        [v for v in venues if text == f"{getattr(v, 'enterprise_name', '')}{v.name}"]
    if len(found) != 1:
        raise NotFoundError("venue", text)
    return found[0].id


def cmd_programme(args) -> int:
    return {"add": _add, "list": _list, "show": _show, "enrol": _enrol,
            "level": _level, "edit": _edit}[args.programme_action](args)


def _add(args) -> int:
    from trainer.scheduling.proposal import accept_proposal
    from trainer.services.programmes import (BEGINNER, LevelForm, ProgrammeForm, create_programme,
                                             parse_categories, plan_programme_lessons)

    _db, uow = open_db(args)
    courses = {args.level or BEGINNER: args.course} | _pairs(args.level_course, "--level-course")
    classes = _pairs(args.level_classes, "--level-classes")
    marks = _pairs(args.pass_mark, "--pass-mark")
    grades = _pairs(args.grade, "--grade")
    levels = tuple(LevelForm(level, _course(uow, course),
                             int(classes[level]) if level in classes else None,
                             int(marks[level]) if level in marks else None, grades.get(level, ""))
                   for level, course in courses.items())
    form = ProgrammeForm(args.name, _venue(uow, args.venue), args.start, args.months,
                         args.classes_per_month, args.class_size,
                         parse_categories(args.eligible), levels, args.notes)
    record = create_programme(uow, form)
    print(text("cli.programme_made", id=record.id, name=record.name))
    print(text("cli.programme_classes", codes=" ".join(c.code for c in record.classes)))
    if not args.no_plan:
        proposal = plan_programme_lessons(uow, record.id)
        result = accept_proposal(uow, proposal)
        print(text("cli.programme_planned", added=result.lessons_added,
                   unplaced=len(proposal.unplaced)))
        for item in proposal.unplaced:
            print(f"  {item.message()}")
    return EXIT_OK


def _list(args) -> int:
    from trainer.services.programmes import list_programmes

    _db, uow = open_db(args)
    rows = [[str(p.id), p.name, f"{p.start_month:%Y-%m}", str(p.months), str(len(p.classes)),
             str(p.class_size), f"{p.enrolled}/{p.places}",
             text("cli.separator").join(lv.level for lv in p.levels)] for p in list_programmes(uow)]
    print_table(rows, text("cli.programme_heads").split("|"))
    return EXIT_OK


def _show(args) -> int:
    from trainer.services.programmes import find_programme

    _db, uow = open_db(args)
    lang = language()
    p = find_programme(uow, args.programme)
    cats = text("cli.separator", lang).join(label(TRAINEE_CATEGORIES, c, lang)
                                            for c in p.eligible_categories)
    print(f"{p.id}  {p.name}  " + text("cli.programme_version", version=p.version))
    print(text("cli.programme_where", venue=p.venue_name, year=p.start_month.year,
               month=p.start_month.month, months=p.months, per_month=p.classes_per_month,
               size=p.class_size, categories=cats or text("cli.programme_anyone")))
    for lv in p.levels:
        print(text("cli.programme_level", level=lv.level, course=lv.course_title,
                   per_month=lv.classes_per_month, grade=lv.grade,
                   mark=lv.pass_mark if lv.pass_mark is not None else "—"))
    print_table([[c.code, c.level, f"{c.month:%Y-%m}", f"{c.enrolled}/{c.capacity}",
                  str(c.lessons)] for c in p.classes], text("cli.programme_class_heads").split("|"))
    print(text("cli.programme_total", enrolled=p.enrolled, places=p.places))
    return EXIT_OK


def _enrol(args) -> int:
    from trainer.services.applications import enrol_applications, preview_applications
    from trainer.services.programmes import find_programme

    _db, uow = open_db(args)
    programme = find_programme(uow, args.programme)
    preview = preview_applications(uow, programme.id, args.file, sheet=args.sheet)
    print(text("cli.programme_enrolled_refused", enrolled=len(preview.enrolled),
               refused=len(preview.refused)))
    for note in preview.notes:
        print(note)
    for row in preview.refused:
        print(row.message())
    for level, count in preview.by_level().items():
        print(text("cli.programme_by_level", level=level, count=count))
    if args.rejects and preview.refused:
        from trainer.io.workbooks import write_rejects
        from trainer.services.applications import refused_rows

        print(text("cli.rejects_file", path=write_rejects(refused_rows(preview), args.rejects)))
    if args.dry_run:
        print(text("cli.dry_run"))
    elif preview.enrolled:
        result = enrol_applications(uow, preview)
        print(text("cli.programme_written", created=result.created, classes=len(result.by_class)))
    return EXIT_REJECTED if preview.refused else EXIT_OK


def _level(args) -> int:
    from trainer.services.enrolment import list_enrolments
    from trainer.services.schedule_classes import find_class
    from trainer.services.levels import set_enrolment_level

    _db, uow = open_db(args)
    cls = find_class(uow, args.cls)
    seen = args.version  # without --version: the enrolment as it is when the person names it
    if seen is None:
        seen = next((e.version for e in list_enrolments(uow, cls.id)
                     if e.trainee_id == args.trainee), 0)
    done = set_enrolment_level(uow, cls.id, args.trainee, args.level, seen)
    print(text("cli.programme_level_set", code=cls.code, name=done.trainee_name, level=done.level))
    return EXIT_OK


def _edit(args) -> int:
    import dataclasses

    from trainer.services.programme_changes import form_of, update_programme
    from trainer.services.programmes import find_programme, parse_categories

    _db, uow = open_db(args)
    record = find_programme(uow, args.programme)
    form = form_of(record)
    marks, grades = _pairs(args.pass_mark, "--pass-mark"), _pairs(args.grade, "--grade")
    unknown = sorted((set(marks) | set(grades)) - {lv.level for lv in form.levels})
    if unknown:
        raise UsageError(text("cli.programme_no_level", name=record.name, level=unknown[0],
                              levels=text("cli.separator").join(lv.level for lv in form.levels)))
    levels = tuple(dataclasses.replace(lv, pass_mark=int(marks[lv.level]) if lv.level in marks
                                       else lv.pass_mark, grade=grades.get(lv.level, lv.grade))
                   for lv in form.levels)
    given = {"name": args.name, "start_month": args.start, "months": args.months,
             "classes_per_month": args.classes_per_month, "class_size": args.class_size,
             "notes": args.notes,
             "venue_id": _venue(uow, args.venue) if args.venue is not None else None,
             "eligible_categories": parse_categories(args.eligible)
             if args.eligible is not None else None}
    form = dataclasses.replace(form, levels=levels,
                               **{k: v for k, v in given.items() if v is not None})
    version = None if args.overwrite else args.expected_version
    if version is None:
        version = record.version
    changed = update_programme(uow, record.id, form, version)
    print(text("cli.programme_changed", id=changed.id, name=changed.name,
               version=changed.version, classes=len(changed.classes), places=changed.places))
    return EXIT_OK
