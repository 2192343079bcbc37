"""`trainer init`, `trainer demo`, `trainer info`: the database and the union office."""
from __future__ import annotations

import dataclasses
import datetime as dt

from trainer.cli.common import COMMON, EXIT_OK, open_db
from trainer.texts import text


def add_commands(sub) -> None:
    p = sub.add_parser("init", parents=[COMMON], help="create or upgrade the database and the union office")
    p.add_argument("--org", default="", help="name of the union office, e.g. 新余市总工会")
    p.add_argument("--short-name", default="")
    p.add_argument("--certificate-prefix", default="", help="prefix of certificate numbers")
    p.set_defaults(run=cmd_init)

    p = sub.add_parser("demo", parents=[COMMON], help="fill an empty database with the Xinyu demo scenario")
    p.add_argument("--seed", type=int, default=2021)
    p.add_argument("--start", type=dt.date.fromisoformat, metavar="YYYY-MM-DD",
                   help="first day of the demo quarter (default: next quarter)")
    p.set_defaults(run=cmd_demo)

    p = sub.add_parser("info", parents=[COMMON], help="show the database in use and its contents")
    p.set_defaults(run=cmd_info)


def cmd_init(args) -> int:
    from trainer.services.organizations import create_organization, list_organizations

    db, uow = open_db(args)
    orgs = list_organizations(uow)
    if not orgs:
        name = args.org or text("cli.default_union")
        org = create_organization(uow, name, args.short_name, args.certificate_prefix)
        print(f"{db.display_name()}: {org.name}")
    else:
        print(f"{db.display_name()}: {', '.join(o.name for o in orgs)}")
    return EXIT_OK


def cmd_demo(args) -> int:
    from trainer.services.demo import load_demo

    db, uow = open_db(args)
    summary = load_demo(uow, seed=args.seed, start=args.start)
    print(f"{db.display_name()}:")
    for key, value in dataclasses.asdict(summary).items():
        print(f"  {key}: {value}")
    return EXIT_OK


def cmd_info(args) -> int:
    from trainer.db.migrate import current_revision
    from trainer.services import courses, enterprises, lecturers, trainees
    from trainer.services.organizations import list_organizations

    db, uow = open_db(args)
    print(text("cli.info_database", database=db.display_name()))
    print(text("cli.info_schema", revision=current_revision(db)))
    for org in list_organizations(uow):
        uow.use_organization(org.id)
        print(f"{org.name}: enterprises {enterprises.count_enterprises(uow)}, "
              f"lecturers {lecturers.count_lecturers(uow)}, courses {len(courses.list_courses(uow))}, "
              f"trainees {trainees.count_trainees(uow)}")
    return EXIT_OK
