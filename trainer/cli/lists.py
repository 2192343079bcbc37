"""`trainer import|template|export`: master-data lists as files (.xlsx/.xls/.csv in, .xlsx out)."""
from __future__ import annotations

from trainer.cli.common import (COMMON, EXIT_OK, EXIT_REJECTED, UsageError, open_db,
                                report_preview)
from trainer.cli.kinds import resolve_kind
from trainer.cli.records import add_kind_argument
from trainer.texts import text

IMPORT_KINDS = ("trainees", "enterprises", "lecturers", "requests")


def add_commands(sub) -> None:
    p = sub.add_parser("import", parents=[COMMON], help="import a list from .xlsx/.xls/.csv",
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
    p.set_defaults(run=cmd_import)

    p = sub.add_parser("template", parents=[COMMON], help="write a blank import template (.xlsx)")
    p.add_argument("kind", help="one of: " + ", ".join(IMPORT_KINDS))
    p.add_argument("out", metavar="OUT.xlsx")
    p.set_defaults(run=cmd_template)

    p = sub.add_parser("export", parents=[COMMON], help="export a list to Excel (.xlsx)")
    add_kind_argument(p)
    p.add_argument("out", metavar="OUT.xlsx")
    p.add_argument("--search", "-s", default="")
    p.add_argument("--reveal", action="store_true",
                   help="full ID numbers and mobiles (masked by default, as in `list`)")
    p.set_defaults(run=cmd_export)


def _import_kind(name: str) -> str:
    kind = resolve_kind(name).name
    if kind not in IMPORT_KINDS:
        raise UsageError(text("cli.cannot_import", name=name, kinds=", ".join(IMPORT_KINDS)))
    return kind


def cmd_import(args) -> int:
    from trainer.io.importing import preview_import, run_import
    from trainer.io.preview_notes import preview_notes
    from trainer.io.values import parse_map_option

    kind = _import_kind(args.kind)
    value_map = parse_map_option(args.map_values)
    _db, uow = open_db(args)
    preview = preview_import(uow, kind, args.file, enterprise=args.enterprise,
                             on_duplicate=args.on_duplicate, sheet=args.sheet,
                             include_hidden=args.hidden_rows == "import", value_map=value_map)
    report_preview(preview, args.rejects, preview_notes(preview))
    if args.dry_run:
        print(text("cli.dry_run"))
    elif preview.accepted:
        result = run_import(uow, preview)
        print(text("cli.imported", created=result.created, updated=result.updated,
                   skipped=result.skipped))
    return EXIT_REJECTED if preview.rejected else EXIT_OK


def cmd_template(args) -> int:
    from trainer.io.workbooks import write_template

    print(write_template(_import_kind(args.kind), args.out))
    return EXIT_OK


def cmd_export(args) -> int:
    from trainer.io.list_export import export_list

    kind = resolve_kind(args.kind)
    _db, uow = open_db(args)
    result = export_list(uow, kind.name, args.out, search=args.search, reveal=args.reveal)
    print(f"{result.path} ({result.rows})")
    return EXIT_OK
