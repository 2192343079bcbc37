"""The command line: `trainer …` or `python -m trainer …`, over the same services as the GUI.

One module per command group (COMMAND_MODULES), each with add_commands(subparsers): it adds its
subparsers and names each command's function with set_defaults(run=function(args) → exit code).

Exit codes: 0 ok; 1 failure (refused, conflicting edit, database trouble); 2 bad arguments or
invalid input, with the message on stderr (also: a file `import` cannot read at all); 3 `import`
rejected some rows (the others were imported unless --dry-run); 4 schedule conflicts; 5 a
revoked certificate; 6 a certificate that is not genuine."""
from __future__ import annotations

import datetime as dt
import os
import sys
from typing import Sequence

from trainer.build_info import version_text
from trainer.cli import (attendance, audit, certificates, enrolment, lists, office, pdf,
                         programmes, records, results, schedule, trust)
from trainer.cli.common import (COMMON, EXIT_CONFLICTS, EXIT_FAILURE, EXIT_NOT_GENUINE, EXIT_OK,
                                EXIT_REJECTED, EXIT_REVOKED, EXIT_USAGE, Parser, UsageError,
                                close_databases)
from trainer.config import log_path
from trainer.errors import DatabaseError, InvalidInput, NotFoundError, TrainerError
from trainer.files import FileAccessError, OutputError, file_access_error, owner_only_umask
from trainer.io.bounds import FileTooBigError
from trainer.io.reading import ImportFileError
from trainer.texts import current, set_language
from trainer.rules.text import escape_controls
from trainer.texts import text

__all__ = ["EXIT_OK", "EXIT_FAILURE", "EXIT_USAGE", "EXIT_REJECTED", "EXIT_CONFLICTS",
           "EXIT_REVOKED", "EXIT_NOT_GENUINE", "UsageError", "build_parser", "main"]

# The command groups, in the order `trainer --help` lists their commands.
COMMAND_MODULES = (office, records, lists, pdf, certificates, enrolment, attendance, results,
                   programmes, schedule, trust, audit)


def build_parser() -> Parser:
    parser = Parser(
        prog="trainer", parents=[COMMON],
        description="Factory Classroom (课堂设在工厂): in-factory training for trade-union offices.",
        epilog="Exit codes: 0 ok, 1 failure (refused, permission denied, database trouble), "
               "2 bad arguments, invalid input or unreadable file, 3 some rows / codes / "
               "trainees rejected, 4 schedule conflicts, 5 certificate revoked, 6 certificate "
               "not genuine.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {version_text()}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.add_commands(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    chosen = current._language  # put back when done: main() may run inside a longer process
    try:
        return _main(sys.argv[1:] if argv is None else list(argv))
    finally:
        current._language = chosen


def _lang_option(argv: list[str]) -> str | None:
    """--lang, looked for before parsing: help, usage and argparse's errors speak it too."""
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.partition("=")[2]
    return None


def _main(argv: list[str]) -> int:
    lang = _lang_option(argv)
    if lang and lang.lower()[:2] in ("zh", "en"):
        set_language(lang)
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return EXIT_OK if exc.code == 0 else EXIT_USAGE
    if getattr(args, "lang", None):
        set_language(args.lang)
    streams = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = (_Escaping(s) if s is not None else s for s in streams)
    umask = owner_only_umask()  # personal data: what this command writes is owner-only
    try:
        return _run(args)
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


# Typed errors that mean bad arguments or input that cannot be read (exit 2); any other
# TrainerError is a failure (exit 1): refused, conflicting edit, database trouble, disk full.
USAGE_ERRORS = (UsageError, ImportFileError, FileTooBigError, InvalidInput, NotFoundError)
USAGE_REASONS = {DatabaseError: ("bad_url", "not_ours", "no_database"),
                 OutputError: ("is_folder", "no_folder"),
                 FileAccessError: ("is_folder", "not_folder", "missing", "denied", "failed")}


def exit_code(exc: BaseException) -> int:
    """The exit code of a typed error (the one error mapping of the command line)."""
    if isinstance(exc, USAGE_ERRORS):
        return EXIT_USAGE
    for kind, reasons in USAGE_REASONS.items():
        if isinstance(exc, kind) and exc.reason in reasons:
            return EXIT_USAGE
    return EXIT_FAILURE


def _run(args) -> int:
    try:
        return args.run(args)
    except SystemExit as exc:
        return int(exc.code or 0)
    except BrokenPipeError:  # `trainer … | head`: the reader has all it wanted
        sys.stdout = None  # nothing more to flush at exit
        return EXIT_OK
    except OSError as exc:  # a file named on the command line, not turned into a typed error
        return _say_error(file_access_error(exc))
    except (UsageError, TrainerError) as exc:
        return _say_error(exc)
    except Exception as exc:  # a fault in the program: its traceback goes to the log
        return _internal_error(exc)
    finally:
        close_databases()


def _say_error(exc: Exception) -> int:
    print(f"trainer: {exc}", file=sys.stderr)
    return exit_code(exc)


def _internal_error(exc: Exception) -> int:
    """An error nobody expected: the traceback appended to the log in the data folder, one
    sentence on stderr saying where (the traceback itself when the log cannot be written)."""
    import traceback

    details = "".join(traceback.format_exception(exc))
    try:
        path = log_path()
        with open(path, "a", encoding="utf-8") as log:
            log.write(f"{dt.datetime.now():%Y-%m-%d %H:%M:%S} ERROR trainer {sys.argv[1:]}\n"
                      f"{details}\n")
    except OSError:
        print(details, file=sys.stderr)
        path = None
    print("trainer: " + text("cli.internal_error", kind=type(exc).__name__)
          + (text("cli.internal_error_log", path=path) if path else ""), file=sys.stderr)
    return EXIT_FAILURE


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
