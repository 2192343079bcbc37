"""The command line: `trainer …` or `python -m trainer …`, over the same services as the GUI.

Exit codes: 0 ok; 1 failure (refused, conflicting edit, database trouble); 2 bad arguments or
invalid input, with the message on stderr (also: a file `import` cannot read at all); 3 `import`
rejected some rows (the others were imported unless --dry-run)."""
from __future__ import annotations

import argparse
import csv
import dataclasses
import datetime as dt
import json
import os
import sys
from typing import Sequence

from trainer.build_info import version_text
from trainer.cli.kinds import (ALIASES, KINDS, build_form, cell, form_fields, headers, option_for,
                               resolve_kind)
from trainer.errors import (DatabaseError, InvalidInput, NotFoundError, TrainerError,
                            ValidationError)
from trainer.files import owner_only_umask
from trainer.io.bounds import FileTooBigError
from trainer.io.reading import ImportFileError
from trainer.messages import language, set_language
from trainer.rules.text import display_width, escape_controls

EXIT_OK, EXIT_FAILURE, EXIT_USAGE, EXIT_REJECTED = 0, 1, 2, 3
IMPORT_KINDS = ("trainees", "enterprises", "lecturers", "requests")


class UsageError(Exception):
    """Bad arguments found after parsing (exit 2)."""


def _add_kind_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("kind", help="one of: " + ", ".join(KINDS) + " (singular or 中文 also)")


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    # SUPPRESS: a subcommand's unset option must not overwrite one given before the subcommand
    common.add_argument("--db", metavar="URL", default=argparse.SUPPRESS, help="database URL or SQLite file path "
                        "(default: $TRAINER_DATABASE_URL, else trainer.db in the user data folder)")
    common.add_argument("--create", action="store_true", default=argparse.SUPPRESS,
                        help="make a new database if there is none at --db (init and demo "
                        "always may)")
    common.add_argument("--lang", choices=["zh", "en", "zh_CN", "en_US"], default=argparse.SUPPRESS,
                        help="language of messages (default: system locale)")
    common.add_argument("--as", dest="login_user", metavar="USER", default=argparse.SUPPRESS,
                        help="act as USER (default: $TRAINER_USER); password from "
                        "$TRAINER_PASSWORD or a prompt; or a token in $TRAINER_TOKEN (trainer login)")
    parser = argparse.ArgumentParser(
        prog="trainer", parents=[common],
        description="Factory Classroom (课堂设在工厂): in-factory training for trade-union offices.",
        epilog="Exit codes: 0 ok, 1 failure (refused, permission denied, database trouble), "
               "2 bad arguments, invalid input or unreadable file, 3 some rows / codes / "
               "trainees rejected, 4 schedule conflicts, 5 certificate revoked, 6 certificate "
               "not genuine.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {version_text()}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("init", parents=[common], help="create or upgrade the database and the union office")
    p.add_argument("--org", default="", help="name of the union office, e.g. 新余市总工会")
    p.add_argument("--short-name", default="")
    p.add_argument("--certificate-prefix", default="", help="prefix of certificate numbers")

    p = sub.add_parser("demo", parents=[common], help="fill an empty database with the Xinyu demo scenario")
    p.add_argument("--seed", type=int, default=2021)
    p.add_argument("--start", type=dt.date.fromisoformat, metavar="YYYY-MM-DD",
                   help="first day of the demo quarter (default: next quarter)")

    p = sub.add_parser("info", parents=[common], help="show the database in use and its contents")

    p = sub.add_parser("list", parents=[common], help="list or search master data")
    _add_kind_argument(p)
    p.add_argument("--search", "-s", default="",
                   help="substring, pinyin initials (zs finds 张三), ID or mobile digits")
    p.add_argument("--limit", type=int, default=None)
    p.add_argument("--offset", type=int, default=0)
    p.add_argument("--format", choices=["table", "csv", "json"], default="table")
    p.add_argument("--reveal", action="store_true",
                   help="show full ID numbers and mobiles (masked by default)")

    p = sub.add_parser("show", parents=[common], help="show one record")
    _add_kind_argument(p)
    p.add_argument("id", type=int)
    p.add_argument("--reveal", action="store_true")

    for name, text in (("add", "add a record"), ("edit", "change fields of a record")):
        p = sub.add_parser(name, parents=[common], help=text,
                           description=text + "; `trainer " + name + " KIND --help` lists the "
                           "fields of KIND")
        kinds = p.add_subparsers(dest="kind", required=True, metavar="KIND")
        for kind in KINDS.values():
            _add_field_parser(kinds, kind, name, common)
    p = sub.add_parser("delete", parents=[common], help="delete a record (refused while in use)")
    _add_kind_argument(p)
    p.add_argument("id", type=int)

    p = sub.add_parser("import", parents=[common], help="import a list from .xlsx/.xls/.csv",
                       description="Import trainees, enterprises, lecturers or training requests. "
                       "Prints `accepted N, rejected M` and one line per rejected row; exit 0 "
                       "when all rows were accepted, 3 when some were rejected, 2 when the file "
                       "cannot be read.")
    p.add_argument("kind", help="one of: " + ", ".join(IMPORT_KINDS))
    p.add_argument("file")
    p.add_argument("--enterprise", default=None, metavar="NAME",
                   help="the enterprise of every row (trainee and request lists)")
    p.add_argument("--dry-run", action="store_true", help="check only; write nothing")
    p.add_argument("--rejects", metavar="OUT.xlsx", help="save the rejected rows with reasons")
    p.add_argument("--on-duplicate", choices=["skip", "update"], default="skip",
                   help="a person (ID number) or record already in the database: skip it "
                        "(default) or update it with the file's values")
    p.add_argument("--sheet", default=None,
                   help="sheet name (default: the first visible sheet with a header)")
    p.add_argument("--hidden-rows", choices=["skip", "import"], default="skip",
                   help="rows hidden in the sheet: leave them out (default) or import them")
    p.add_argument("--map-values", action="append", metavar="WRITTEN=OURS|FILE",
                   help="map a descriptive value the file writes in its own words to one of "
                        "ours, e.g. 技术骨干=在岗职工 (OURS empty: keep as written); or a "
                        "text/CSV file of such pairs, one a line; may be repeated")

    p = sub.add_parser("template", parents=[common], help="write a blank import template (.xlsx)")
    p.add_argument("kind", help="one of: " + ", ".join(IMPORT_KINDS))
    p.add_argument("out", metavar="OUT.xlsx")

    p = sub.add_parser("export", parents=[common], help="export a list to Excel (.xlsx)")
    _add_kind_argument(p)
    p.add_argument("out", metavar="OUT.xlsx")
    p.add_argument("--search", "-s", default="")
    p.add_argument("--reveal", action="store_true",
                   help="full ID numbers and mobiles (masked by default, as in `list`)")
    for module in _command_modules():
        module.add_commands(sub, common)
    return parser


# Command groups with their own module (trainer/cli/<area>.py): each module defines
# add_commands(sub, common) to add its subparsers and COMMANDS, a dict name -> function(args) -> int.
COMMAND_MODULES: tuple[str, ...] = ("trainer.cli.pdf", "trainer.cli.certificates",
                                   "trainer.cli.attendance",
                                   "trainer.cli.schedule", "trainer.cli.trust")


def _command_modules():
    import importlib
    return [importlib.import_module(name) for name in COMMAND_MODULES]


def _add_field_parser(kinds, kind, command: str, common) -> None:
    aliases = [a for a, k in ALIASES.items() if k == kind.name]
    p = kinds.add_parser(kind.name, aliases=aliases, parents=[common],
                         help=f"{command} {kind.name}")
    p.set_defaults(kind=kind.name)
    if command == "edit":
        p.add_argument("id", type=int)
    for fld in form_fields(kind):
        helptext = kind.special.get(fld.name, (None, "", None))[1]
        p.add_argument(option_for(kind, fld), dest=f"field_{fld.name}", default=None,
                       metavar=fld.name.upper(), help=helptext)


def _given_fields(args) -> dict[str, str]:
    return {k[6:]: v for k, v in vars(args).items() if k.startswith("field_") and v is not None}


def _open(args):
    """The database and a unit of work acting as the logged-in user (trainer/cli/trust.py: who
    acts, the day's automatic backup, --reveal checked and recorded in the audit trail)."""
    from trainer.cli.trust import open_as_user

    return open_as_user(args)


def _print_table(rows: list[list[str]], headers: list[str]) -> None:
    widths = [max([display_width(h)] + [display_width(r[i]) for r in rows])
              for i, h in enumerate(headers)]

    def line(values):
        return "  ".join(v + " " * (w - display_width(v)) for v, w in zip(values, widths)).rstrip()

    print(line(headers))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print(line(row))


def cmd_init(args) -> int:
    from trainer.services.organizations import create_organization, list_organizations

    db, uow = _open(args)
    orgs = list_organizations(uow)
    if not orgs:
        name = args.org or ("工会" if language() == "zh" else "Trade union")
        org = create_organization(uow, name, args.short_name, args.certificate_prefix)
        print(f"{db.display_name()}: {org.name}")
    else:
        print(f"{db.display_name()}: {', '.join(o.name for o in orgs)}")
    return EXIT_OK


def cmd_demo(args) -> int:
    from trainer.services.demo import load_demo

    db, uow = _open(args)
    summary = load_demo(uow, seed=args.seed, start=args.start)
    print(f"{db.display_name()}:")
    for key, value in dataclasses.asdict(summary).items():
        print(f"  {key}: {value}")
    return EXIT_OK


def cmd_info(args) -> int:
    from trainer.db.migrate import current_revision
    from trainer.services import courses, enterprises, lecturers, trainees
    from trainer.services.organizations import list_organizations

    db, uow = _open(args)
    print(f"database: {db.display_name()}")
    print(f"schema:   {current_revision(db)}")
    for org in list_organizations(uow):
        uow.use_organization(org.id)
        print(f"{org.name}: enterprises {enterprises.count_enterprises(uow)}, "
              f"lecturers {lecturers.count_lecturers(uow)}, courses {len(courses.list_courses(uow))}, "
              f"trainees {trainees.count_trainees(uow)}")
    return EXIT_OK


def cmd_list(args) -> int:
    kind = resolve_kind(args.kind)
    _db, uow = _open(args)
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
        _print_table(rows, titles)
        print(f"({len(rows)})")
    return EXIT_OK


def _print_record(kind, record, reveal: bool) -> None:
    for column, header in zip(kind.columns, headers(kind)):
        print(f"{header}: {cell(column, record, reveal)}")
    print(f"version: {record.version}")


def cmd_show(args) -> int:
    kind = resolve_kind(args.kind)
    _db, uow = _open(args)
    _print_record(kind, kind.get(uow, args.id), args.reveal)
    return EXIT_OK


def cmd_add(args) -> int:
    kind = resolve_kind(args.kind)
    given = _given_fields(args)
    _db, uow = _open(args)
    with uow:
        record = kind.create(uow, build_form(kind, uow, given))
    _print_record(kind, record, reveal=False)
    return EXIT_OK


def cmd_edit(args) -> int:
    kind = resolve_kind(args.kind)
    given = _given_fields(args)
    if not given:
        raise UsageError("nothing to change: give at least one --field value")
    _db, uow = _open(args)
    with uow:
        current = kind.get(uow, args.id)
        record = kind.update(uow, args.id, build_form(kind, uow, given, current), current.version)
    _print_record(kind, record, reveal=False)
    return EXIT_OK


def cmd_delete(args) -> int:
    kind = resolve_kind(args.kind)
    _db, uow = _open(args)
    kind.delete(uow, args.id)
    print("deleted" if language() == "en" else "已删除")
    return EXIT_OK


def _import_kind(name: str) -> str:
    kind = resolve_kind(name).name
    if kind not in IMPORT_KINDS:
        raise UsageError(f"cannot import {name}; use one of {', '.join(IMPORT_KINDS)}")
    return kind


def cmd_import(args) -> int:
    from trainer.io.importing import preview_import, run_import
    from trainer.io.workbooks import write_rejects

    from trainer.io.preview_notes import preview_notes
    from trainer.io.values import parse_map_option

    kind = _import_kind(args.kind)
    value_map = parse_map_option(args.map_values)
    _db, uow = _open(args)
    preview = preview_import(uow, kind, args.file, enterprise=args.enterprise,
                             on_duplicate=args.on_duplicate, sheet=args.sheet,
                             include_hidden=args.hidden_rows == "import", value_map=value_map)
    zh = language() == "zh"
    print(f"accepted {len(preview.accepted)}, rejected {len(preview.rejected)}")
    for note in preview_notes(preview):
        print(note)
    for rejected in preview.rejected:
        where = f"第 {rejected.row} 行：" if zh else f"row {rejected.row}: "
        print(where + rejected.message())
    for dup in preview.duplicates:
        print((f"第 {dup.row} 行：" if zh else f"row {dup.row}: ") + dup.message())
    if args.rejects and preview.rejected:
        print(f"rejects: {write_rejects(preview, args.rejects)}")
    if args.dry_run:
        print("dry run: nothing written" if not zh else "试运行：未写入任何数据")
    elif preview.accepted:
        result = run_import(uow, preview)
        print(f"created {result.created}, updated {result.updated}, skipped {result.skipped}")
    return EXIT_REJECTED if preview.rejected else EXIT_OK


def cmd_template(args) -> int:
    from trainer.io.workbooks import write_template

    print(write_template(_import_kind(args.kind), args.out))
    return EXIT_OK


def cmd_export(args) -> int:
    from trainer.io.list_export import export_list

    kind = resolve_kind(args.kind)
    _db, uow = _open(args)
    result = export_list(uow, kind.name, args.out, search=args.search, reveal=args.reveal)
    print(f"{result.path} ({result.rows})")
    return EXIT_OK


COMMANDS = {"import": cmd_import, "template": cmd_template, "export": cmd_export,
            "init": cmd_init, "demo": cmd_demo, "info": cmd_info, "list": cmd_list,
            "show": cmd_show, "add": cmd_add, "edit": cmd_edit, "delete": cmd_delete}


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return EXIT_OK if exc.code == 0 else EXIT_USAGE
    if getattr(args, "lang", None):
        set_language(args.lang)
    commands = dict(COMMANDS)
    for module in _command_modules():
        commands.update(module.COMMANDS)
    streams = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = (_Escaping(s) if s is not None else s for s in streams)
    umask = owner_only_umask()  # personal data: what this command writes is owner-only
    try:
        return _run(commands, args)
    finally:
        if umask is not None:
            os.umask(umask)
        if sys.stdout is not None:  # None after a broken pipe
            sys.stdout, sys.stderr = streams
        else:
            sys.stderr = streams[1]


def ring_bell() -> None:
    """The terminal bell, past the escaping of stdout (names' control characters are escaped)."""
    getattr(sys.stdout, "write_raw", sys.stdout.write)("\a")


class _Escaping:
    """stdout/stderr that print control characters as \\xNN: a name holding ESC sequences
    (from a file imported before names were checked, or a restored copy) cannot drive the
    terminal."""

    def __init__(self, stream) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(escape_controls(text))

    def write_raw(self, text: str) -> int:
        """The program's own control characters (the scanner's bell) pass as they are."""
        return self._stream.write(text)

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


def _run(commands, args) -> int:
    try:
        return commands[args.command](args)
    except SystemExit as exc:
        return int(exc.code or 0)
    except BrokenPipeError:  # `trainer … | head`: the reader has all it wanted
        sys.stdout = None  # nothing more to flush at exit
        return EXIT_OK
    except KeyError as exc:
        print(f"trainer: unknown kind {exc}; use one of {', '.join(KINDS)}", file=sys.stderr)
        return EXIT_USAGE
    except UsageError as exc:
        print(f"trainer: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except (ImportFileError, FileTooBigError) as exc:  # the file cannot be imported at all
        print(f"trainer: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except (InvalidInput, ValidationError, NotFoundError) as exc:
        print(f"trainer: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except DatabaseError as exc:
        print(f"trainer: {exc}", file=sys.stderr)
        return EXIT_USAGE if exc.reason in ("bad_url", "not_ours", "no_database") else EXIT_FAILURE
    except TrainerError as exc:
        print(f"trainer: {exc}", file=sys.stderr)
        return EXIT_FAILURE


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
