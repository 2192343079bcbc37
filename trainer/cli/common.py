"""What every command module of the command line shares: exit codes, the options every command
takes, the parser class, opening the database as the user, tables on the terminal, and the
lookups of a class or trainee the user typed.

Nothing here (nor in any command module at import time) imports the database layer, the
services or a document library: `trainer --help` must stay fast (issue 19)."""
from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import re
import sys

from trainer.rules.text import display_width, wrap_columns
from trainer.texts import text

EXIT_OK, EXIT_FAILURE, EXIT_USAGE, EXIT_REJECTED = 0, 1, 2, 3
EXIT_CONFLICTS, EXIT_REVOKED, EXIT_NOT_GENUINE = 4, 5, 6


class UsageError(Exception):
    """Bad arguments found after parsing (exit 2)."""


def help_text(english: str) -> str:
    from trainer.texts.cli_help import help_text as translated
    return translated(english)


@contextlib.contextmanager
def argparse_language():
    """argparse's own words (usage, section titles, its error messages) in the current language:
    its gettext functions answer from the catalogue while the parser works."""
    from trainer.texts.cli_help import argparse_gettext

    words = argparse_gettext()
    if words is None:  # English: argparse's own
        yield
        return
    saved = argparse._, argparse.ngettext
    argparse._, argparse.ngettext = words
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved


class Formatter(argparse.HelpFormatter):
    """Help in the current language: the commands' English help texts are the catalogue's keys."""

    def _get_help_string(self, action) -> str:
        return help_text(action.help)

    def _format_text(self, text: str) -> str:
        return super()._format_text(help_text(text))

    def _split_lines(self, text: str, width: int) -> list[str]:
        return wrap_columns(" ".join(text.split()), width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "\n".join(indent + line for line in wrap_columns(" ".join(text.split()), width))

    def format_help(self) -> str:
        """argparse ends a section's heading with a half-width colon: a Chinese one ends in ："""
        return re.sub(r"^(\S[^\n]*[\u4e00-\u9fff]):$",
                      lambda m: text("cli.section", "zh", heading=m.group(1)),
                      super().format_help(), flags=re.M)


class Parser(argparse.ArgumentParser):
    """An ArgumentParser that speaks the current language (Formatter, argparse_language) and may
    add arguments when it is first used: a command whose options come from heavy modules
    (`add`/`edit`: the fields of the service forms) adds them with `later(fill)`, run only when
    that command is parsed or its help shown."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", Formatter)
        with argparse_language():
            super().__init__(*args, **kwargs)
        self._later: list = []

    def later(self, fill) -> None:
        self._later.append(fill)

    def _fill(self) -> None:
        while self._later:
            self._later.pop(0)(self)

    def _add_container_actions(self, container) -> None:
        """A parent's (COMMON's) options join this parser's sections even when the parent was
        made in another language (argparse matches sections by their titles)."""
        titles = container._optionals.title, container._positionals.title
        container._optionals.title = self._optionals.title
        container._positionals.title = self._positionals.title
        try:
            super()._add_container_actions(container)
        finally:
            container._optionals.title, container._positionals.title = titles

    def parse_known_args(self, args=None, namespace=None):
        self._fill()
        with argparse_language():
            return super().parse_known_args(args, namespace)

    def format_help(self) -> str:
        self._fill()
        with argparse_language():
            return super().format_help()

    def format_usage(self) -> str:
        self._fill()
        with argparse_language():
            return super().format_usage()

    def error(self, message: str):
        with argparse_language():
            super().error(message)


def _common_options() -> argparse.ArgumentParser:
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
    return common


# the options every command takes, before or after its name: parents=[COMMON]
COMMON = _common_options()


def iso_date(value: str) -> dt.date:
    """An argument type: YYYY-MM-DD."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(text("cli.expected_date", value=value)) from None


_OPENED: list = []  # the databases this command opened: disposed of when it ends (main)


def open_database_of(args):
    """The database --db names (else the configured one), brought to the current schema; its
    connections are closed when the command ends, also when `main` runs inside a process that
    goes on (the GUI's tests, scripts)."""
    from trainer.cli.trust import may_create
    from trainer.config import database_url
    from trainer.db.migrate import open_database

    db = open_database(database_url(getattr(args, "db", None)), may_create(args))
    _OPENED.append(db)
    return db


def close_databases() -> None:
    while _OPENED:
        _OPENED.pop().dispose()


def open_db(args):
    """The database and a unit of work acting as the logged-in user (trainer/cli/trust.py: who
    acts, the day's automatic backup, --reveal checked and recorded in the audit trail)."""
    from trainer.cli.trust import open_as_user

    return open_as_user(args)


def print_table(rows: list[list[str]], headers: list[str]) -> None:
    widths = [max([display_width(h)] + [display_width(r[i]) for r in rows])
              for i, h in enumerate(headers)]

    def line(values):
        return "  ".join(v + " " * (w - display_width(v)) for v, w in zip(values, widths)).rstrip()

    print(line(headers))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print(line(row))


def find_cohort(uow, ref: str):
    """A class by id or code (R12-1)."""
    from trainer.services.schedule_classes import find_class

    return find_class(uow, ref)


def find_trainee(uow, ref: str):
    """The one trainee `ref` means (services.trainee_lookup: name, pinyin initials, the last
    digits or all of the ID number, #id, scan code); none or several: a UsageError, the several
    listed with masked ID numbers, asking for a more exact term or the id."""
    from trainer.services.trainee_lookup import find_trainee as lookup

    found = lookup(uow, ref, limit=10)
    if found.chosen is not None:
        return found.chosen
    if not found.matches:
        raise UsageError(text("cli.no_trainee", ref=ref))
    names = "\n".join("  " + t.line() for t in found.matches)
    raise UsageError(text("cli.several_trainees", ref=ref, names=names,
                          example=f"#{found.matches[0].id}",
                          more=text("cli.more_trainees") if found.more else ""))


def rejected_lines(rejected) -> None:
    """One line per rejected row of an imported file: `row N: why`."""
    for r in rejected:
        print(text("cli.row", row=r.row) + r.message())


def report_preview(preview, rejects_path=None, notes=()) -> None:
    """What `trainer import` and `trainer attendance import` print of a file's preview: the counts,
    the notes, one line per rejected or duplicate row, and the rejects file when one is asked."""
    from trainer.io.workbooks import write_rejects

    print(text("cli.accepted_rejected", accepted=len(preview.accepted),
               rejected=len(preview.rejected)))
    for note in notes:
        print(note)
    rejected_lines(preview.rejected)
    rejected_lines(preview.duplicates)
    if rejects_path and preview.rejected:
        print(text("cli.rejects_file", path=write_rejects(preview, rejects_path)))


def resolve_class_option(args, uow) -> None:
    """--class takes a class's id or its code (R12-1), as the other commands do."""
    if getattr(args, "cohort", None) is not None:
        args.cohort = find_cohort(uow, args.cohort).id


def print_warnings(result) -> None:
    """A document's warnings (a character its font lacks…), on stderr."""
    for warning in result.warning_texts():
        print(f"trainer: {warning}", file=sys.stderr)
