"""`trainer list|show|add|edit|delete KIND …`: master data (enterprises, venues, themes, courses,
lecturers, trainees, training requests), one table of kinds (trainer/cli/kinds.py)."""
from __future__ import annotations

import csv
import json
import sys

from trainer.cli.common import COMMON, EXIT_OK, UsageError, open_db, print_table
from trainer.cli.kinds import (ALIASES, KIND_NAMES, build_form, cell, form_fields, headers,
                                option_for, resolve_kind)
from trainer.texts import text


def add_kind_argument(parser) -> None:
    parser.add_argument("kind", help="one of: " + ", ".join(KIND_NAMES) + " (singular or 中文 also)")


def add_commands(sub) -> None:
    p = sub.add_parser("list", parents=[COMMON], help="list or search master data")
    add_kind_argument(p)
    p.add_argument("--search", "-s", default="",
                   help="substring, pinyin initials (zs finds 张三), ID or mobile digits")
    p.add_argument("--limit", type=int, default=None)
    p.add_argument("--offset", type=int, default=0)
    p.add_argument("--format", choices=["table", "csv", "json"], default="table")
    p.add_argument("--reveal", action="store_true",
                   help="show full ID numbers and mobiles (masked by default)")
    p.set_defaults(run=cmd_list)

    p = sub.add_parser("show", parents=[COMMON], help="show one record")
    add_kind_argument(p)
    p.add_argument("id", type=int)
    p.add_argument("--reveal", action="store_true")
    p.set_defaults(run=cmd_show)

    for name, what, run in (("add", "add a record", cmd_add),
                            ("edit", "change fields of a record", cmd_edit)):
        p = sub.add_parser(name, parents=[COMMON], help=what,
                           description=what + "; `trainer " + name + " KIND --help` lists the "
                           "fields of KIND")
        p.set_defaults(run=run)
        # the fields come from the service forms: read only when `add`/`edit` is used
        p.later(lambda parser, name=name: _add_kind_parsers(parser, name))
    p = sub.add_parser("delete", parents=[COMMON], help="delete a record (refused while in use)")
    add_kind_argument(p)
    p.add_argument("id", type=int)
    p.add_argument("--version", type=int, dest="expected_version", metavar="N",
                   help="the version `trainer show` showed: refused if the record changed since")
    p.set_defaults(run=cmd_delete)


def _add_kind_parsers(parser, command: str) -> None:
    from trainer.cli.kinds import KINDS

    kinds = parser.add_subparsers(dest="kind", required=True, metavar="KIND")
    for kind in KINDS.values():
        _add_field_parser(kinds, kind, command)


def _add_field_parser(kinds, kind, command: str) -> None:
    aliases = [a for a, k in ALIASES.items() if k == kind.name]
    p = kinds.add_parser(kind.name, aliases=aliases, parents=[COMMON],
                         help=f"{command} {kind.name}")
    p.set_defaults(kind=kind.name)
    if command == "edit":
        p.add_argument("id", type=int)
        p.add_argument("--version", type=int, dest="expected_version", metavar="N",
                       help="the version `trainer show` showed: refused if the record changed "
                       "since")
    for fld in form_fields(kind):
        helptext = kind.special.get(fld.name, (None, "", None))[1]
        p.add_argument(option_for(kind, fld), dest=f"field_{fld.name}", default=None,
                       metavar=fld.name.upper(), help=helptext)


def _given_fields(args) -> dict[str, str]:
    return {k[6:]: v for k, v in vars(args).items() if k.startswith("field_") and v is not None}


def cmd_list(args) -> int:
    kind = resolve_kind(args.kind)
    _db, uow = open_db(args)
    records = kind.list(uow, search=args.search, limit=args.limit, offset=args.offset)
    rows = [[cell(c, r, args.reveal) for c in kind.columns] for r in records]
    titles = headers(kind)
    if args.format == "csv":
        from trainer.io.workbooks import csv_cell

        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(titles)
        writer.writerows([csv_cell(v) for v in row] for row in rows)
    elif args.format == "json":
        print(json.dumps([dict(zip([c.attr for c in kind.columns], row)) for row in rows],
                         ensure_ascii=False, indent=1))
    else:
        print_table(rows, titles)
        print(f"({len(rows)})")
    return EXIT_OK


def _print_record(kind, record, reveal: bool) -> None:
    for column, header in zip(kind.columns, headers(kind)):
        print(f"{header}: {cell(column, record, reveal)}")
    print(text("cli.version", version=record.version))


def cmd_show(args) -> int:
    kind = resolve_kind(args.kind)
    _db, uow = open_db(args)
    _print_record(kind, kind.get(uow, args.id), args.reveal)
    return EXIT_OK


def cmd_add(args) -> int:
    kind = resolve_kind(args.kind)
    given = _given_fields(args)
    _db, uow = open_db(args)
    with uow:
        record = kind.create(uow, build_form(kind, uow, given))
    _print_record(kind, record, reveal=False)
    return EXIT_OK


def cmd_edit(args) -> int:
    kind = resolve_kind(args.kind)
    given = _given_fields(args)
    if not given:
        raise UsageError(text("cli.nothing_to_change"))
    _db, uow = open_db(args)
    with uow:
        current = kind.get(uow, args.id)  # without --version: as it is when the person names it
        seen = current.version if args.expected_version is None else args.expected_version
        record = kind.update(uow, args.id, build_form(kind, uow, given, current), seen)
    _print_record(kind, record, reveal=False)
    return EXIT_OK


def cmd_delete(args) -> int:
    kind = resolve_kind(args.kind)
    _db, uow = open_db(args)
    with uow:  # without --version: the record as it is when the person names it
        seen = args.expected_version
        kind.delete(uow, args.id, kind.get(uow, args.id).version if seen is None else seen)
    print(text("cli.deleted"))
    return EXIT_OK
