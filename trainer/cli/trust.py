"""`trainer user …`, `trainer login` / `logout`, `trainer backup`, `trainer restore`, `trainer
audit`, and how every command opens the database as a user (open_as_user, behind cli.common.open_db).

Who acts: `--as NAME` or $TRAINER_USER with the password in $TRAINER_PASSWORD (asked for on a
terminal), or $TRAINER_TOKEN from `trainer login`. Nobody: the system while the database has no
user, read-only afterwards. A refusal exits 1 with the sentence on stderr. New passwords come
from $TRAINER_NEW_PASSWORD, --password-stdin (first line of standard input) or a prompt."""
from __future__ import annotations

import datetime as dt
import getpass
import os
import socket
import sys

from trainer.cli.common import COMMON, UsageError, open_database_of, open_db, print_table
from trainer.texts import columns, text

ENV_USER, ENV_PASSWORD, ENV_TOKEN = "TRAINER_USER", "TRAINER_PASSWORD", "TRAINER_TOKEN"
ENV_NEW_PASSWORD = "TRAINER_NEW_PASSWORD"
ROLE_CHOICES = ("admin", "officer", "clerk", "viewer")
# commands whose --reveal hands out full personal data as a file rather than on screen
EXPORTS = ("export",)


# --- opening the database as a user -------------------------------------------------------------

def _login_name(args) -> str | None:
    return getattr(args, "login_user", None) or os.environ.get(ENV_USER) or None


def _password_for(username: str) -> str:
    from trainer.errors import AuthenticationError

    password = os.environ.get(ENV_PASSWORD)
    if password is None and sys.stdin is not None and sys.stdin.isatty():
        password = getpass.getpass(text("trust.password_of", username=username))
    if password is None:
        raise AuthenticationError("need_password", username=username)
    return password


def cli_user(database, args):
    """The UserRecord the command acts as, or None."""
    from trainer.security.tokens import authenticate_token
    from trainer.security.users import authenticate

    name = _login_name(args)
    if name:
        return authenticate(database, name, _password_for(name))
    token = os.environ.get(ENV_TOKEN)
    if token:
        return authenticate_token(database, token)
    return None


def _described(args) -> str:
    """What a --reveal showed, for the audit trail (never the database URL: it may hold a
    password)."""
    parts = [args.command]
    for key in ("kind", "document", "action", "id", "cohort", "lesson", "trainee", "lecturer",
                "enterprise", "month", "out"):
        value = getattr(args, key, None)
        if value not in (None, "", False):
            parts.append(f"{key}={value}" if key not in ("kind", "document", "action") else
                         str(value))
    if getattr(args, "search", ""):
        parts.append(f"search={args.search}")
    return " ".join(parts)[:200]


def may_create(args) -> bool:
    """A command may make a new database only when asked to: `init`, `demo`, `--create` — or
    when no database was named (the default file in the user data folder)."""
    from trainer.config import ENV_URL

    named = getattr(args, "db", None) or os.environ.get(ENV_URL)
    return (not named or args.command in ("init", "demo")
            or bool(getattr(args, "create", False)))


def open_as_user(args):
    """cli.common.open_db: the database brought to the current schema, the user logged in, the day's
    automatic backup made, and a --reveal checked and recorded."""
    from trainer.cli.kinds import KINDS
    from trainer.security.audit import record_reveal
    from trainer.security.backups import daily_backup
    from trainer.texts.security import table_of
    from trainer.services.uow import UnitOfWork

    db = open_database_of(args)
    uow = UnitOfWork(db, user=cli_user(db, args))
    daily_backup(db)
    if getattr(args, "reveal", False):
        kind = KINDS.get(getattr(args, "kind", "") or "")
        entity = table_of(kind.entity) if kind is not None else ""
        record_reveal(uow, _described(args), entity=entity, export=args.command in EXPORTS)
    return db, uow


# --- commands --------------------------------------------------------------------------------

def add_commands(sub) -> None:
    _add_user_command(sub)
    p = sub.add_parser("login", parents=[COMMON], help="log in and print a token for TRAINER_TOKEN",
                       description="Checks the password ($TRAINER_PASSWORD or a prompt) and "
                       "prints a token: export TRAINER_TOKEN=$(trainer login NAME)")
    p.add_argument("username", nargs="?", default=None)
    p.add_argument("--days", type=int, default=None, help="validity, at most the setting "
                   "security.token_days (also the default)")
    p.add_argument("--desk", default=None, help="name of this desk in the token list "
                   "(default: the computer's name)")
    p.set_defaults(run=cmd_login)
    p = sub.add_parser("logout", parents=[COMMON], help=f"revoke the token in ${ENV_TOKEN}")
    p.set_defaults(run=cmd_logout)
    _add_backup_commands(sub)


def _add_user_command(sub) -> None:
    p = sub.add_parser("user", parents=[COMMON], help="users and roles (administrators)",
                       description="Users of the office. The first user must be an admin; "
                       "afterwards only an admin manages users. New passwords: "
                       f"${ENV_NEW_PASSWORD}, --password-stdin, or a prompt.")
    acts = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    q = acts.add_parser("add", parents=[COMMON], help="add a user")
    q.add_argument("username")
    q.add_argument("--role", choices=ROLE_CHOICES, required=True)
    q.add_argument("--name", default="", help="display name, e.g. 王芳")
    q.add_argument("--password-stdin", action="store_true")
    acts.add_parser("list", parents=[COMMON], help="list the office's users")
    for name, what in (("disable", "disable a user (cannot log in)"),
                       ("enable", "enable a disabled user"),
                       ("unlock", "lift a lock after wrong passwords")):
        q = acts.add_parser(name, parents=[COMMON], help=what)
        q.add_argument("username")
    q = acts.add_parser("passwd", parents=[COMMON], help="set a password (yours, or as admin anyone's)")
    q.add_argument("username")
    q.add_argument("--password-stdin", action="store_true")
    q = acts.add_parser("role", parents=[COMMON], help="change a user's role")
    q.add_argument("username")
    q.add_argument("role", choices=ROLE_CHOICES)
    q = acts.add_parser("tokens", parents=[COMMON],
                        help="list a user's login tokens (one a desk): yours, or as admin anyone's")
    q.add_argument("username")
    q = acts.add_parser("revoke-token", parents=[COMMON],
                        help="revoke one login token (its number from `user tokens`)")
    q.add_argument("username")
    q.add_argument("token_id", type=int, metavar="ID")
    p.set_defaults(run=cmd_user)


def _add_backup_commands(sub) -> None:
    p = sub.add_parser("backup", parents=[COMMON], help="back up the database now",
                       description="SQLite: an online copy (backups/ beside the file, or --out). "
                       "PostgreSQL: pg_dump in its custom format.")
    p.add_argument("--out", metavar="FILE", default=None)
    p.add_argument("--list", action="store_true", help="list the backups instead")
    p.set_defaults(run=cmd_backup)
    p = sub.add_parser("restore", parents=[COMMON], help="restore the database from a backup",
                       description="Checks the copy (integrity, our schema) first; the current "
                       "database is kept aside in backups/ (…-replaced-….db or .dump).")
    p.add_argument("file")
    p.set_defaults(run=cmd_restore)

    p = sub.add_parser("server-roles", parents=[COMMON],
                       help="PostgreSQL: roles and grants that mirror the app's (administrators)",
                       description="Run once with the database owner's URL (an account with "
                       "CREATEROLE): creates fc_<db>_admin/officer/clerk/viewer with grants "
                       "mirroring the app's permissions (audit_log insert-only for all) and "
                       "makes the owner a member of all and each --login ACCOUNT:ROLE a member "
                       "up to ROLE (without inheriting: it may SET ROLE to ROLE and those "
                       "below, never above); every unit of work then runs under SET ROLE of "
                       "the acting user's role.")
    p.add_argument("--login", action="append", default=[], type=_desk_login,
                   metavar="ACCOUNT:ROLE", help="a desk's login account and the highest role "
                   "of the people at that desk: admin, officer, clerk or viewer (repeatable)")
    p.set_defaults(run=cmd_server_roles)


def _new_password(args) -> str:
    if getattr(args, "password_stdin", False):
        line = sys.stdin.readline()
        return line.rstrip("\r\n")
    if os.environ.get(ENV_NEW_PASSWORD):
        return os.environ[ENV_NEW_PASSWORD]
    if sys.stdin is not None and sys.stdin.isatty():
        first = getpass.getpass(text("trust.new_password"))
        again = getpass.getpass(text("trust.again"))
        if first != again:
            raise UsageError(text("trust.passwords_differ"))
        return first
    raise UsageError(text("trust.give_new_password", env=ENV_NEW_PASSWORD))


def _user_line(u) -> list[str]:
    state = []
    if u.disabled:
        state.append(text("trust.disabled"))
    if u.locked_until and u.locked_until > dt.datetime.now(dt.timezone.utc).replace(tzinfo=None):
        state.append(text("trust.locked"))
    last = ""
    if u.last_login_at:
        last = f"{u.last_login_at.replace(tzinfo=dt.timezone.utc).astimezone():%Y-%m-%d %H:%M}"
    return [u.username, u.display_name, u.role_label(), ",".join(state), last]


def _local(moment: dt.datetime) -> str:
    return f"{moment.replace(tzinfo=dt.timezone.utc).astimezone():%Y-%m-%d %H:%M}"


def cmd_user(args) -> int:
    from trainer.security import users
    from trainer.security.tokens import list_tokens, revoke_token_id

    if args.action in ("add", "passwd"):
        password = _new_password(args)
    _db, uow = open_db(args)
    if args.action == "add":
        u = users.create_user(uow, args.username, password, args.role, args.name)
        print(f"{u.username} ({u.role_label()})")
    elif args.action == "list":
        heads = columns("trust.heads_users")
        rows = [_user_line(u) for u in users.list_users(uow)]
        print_table(rows, heads)
        print(f"({len(rows)})")
    elif args.action in ("disable", "enable"):
        u = users.set_disabled(uow, args.username, args.action == "disable")
        print(text("trust.user_state", username=u.username,
                   state=text("trust.disabled" if u.disabled else "trust.enabled")))
    elif args.action == "unlock":
        u = users.unlock(uow, args.username)
        print(text("trust.unlocked", username=u.username))
    elif args.action == "tokens":
        heads = columns("trust.heads_tokens")
        tokens = list_tokens(uow, args.username)
        print_table([[str(t.id), t.desk, _local(t.created_at),
                       _local(t.expires_at) + text("trust.expired") * t.expired]
                      for t in tokens], heads)
        print(f"({len(tokens)})")
    elif args.action == "revoke-token":
        revoke_token_id(uow, args.username, args.token_id)
        print(text("trust.token_revoked"))
    elif args.action == "passwd":
        print(users.set_password(uow, args.username, password).username)
    else:  # role
        u = users.set_role(uow, args.username, args.role)
        print(f"{u.username} ({u.role_label()})")
    return 0


def cmd_login(args) -> int:
    from trainer.security.tokens import issue_token
    from trainer.security.users import authenticate

    name = args.username or _login_name(args)
    if not name:
        raise UsageError(text("trust.give_user_name", env=ENV_USER))
    from trainer.errors import AccountError

    db = open_database_of(args)
    user = authenticate(db, name, _password_for(name))
    try:
        print(issue_token(db, user, args.days, args.desk or socket.gethostname()))
    except AccountError as exc:  # --days beyond security.token_days: a bad argument
        raise UsageError(str(exc)) from exc
    return 0


def cmd_logout(args) -> int:
    from trainer.security.tokens import revoke_token

    token = os.environ.get(ENV_TOKEN)
    if not token:
        raise UsageError(text("trust.no_token", env=ENV_TOKEN))
    done = revoke_token(open_database_of(args), token)
    print(text("trust.logged_out" if done else "trust.token_invalid"))
    return 0


def cmd_backup(args) -> int:
    from trainer.security.backups import backup_now, list_backups

    db, uow = open_db(args)
    if args.list:
        rows = [[f"{b.made_at:%Y-%m-%d %H:%M:%S}", b.label, f"{b.size / 1e6:.1f} MB", str(b.path)]
                for b in list_backups(db)]
        print_table(rows, columns("trust.heads_backups"))
        print(f"({len(rows)})")
        return 0
    print(backup_now(uow, args.out))
    return 0


def cmd_restore(args) -> int:
    from trainer.security.backups import restore

    _db, uow = open_db(args)
    result = restore(uow, args.file)
    print(text("trust.restored", source=result.restored_from, kept=result.kept_aside))
    return 0


def _desk_login(value: str) -> tuple[str, str]:
    """ACCOUNT:ROLE of `--login` (a role is required: a desk may take no more than it needs)."""
    import argparse

    from trainer.security.roles import ROLES

    account, _sep, role = value.rpartition(":")
    if not account or role not in ROLES:
        raise argparse.ArgumentTypeError(text("trust.desk_login", value=value,
                                              roles=text("trust.separator").join(ROLES)))
    return account, role


def cmd_server_roles(args) -> int:
    from sqlalchemy.exc import DBAPIError

    from trainer.db.server_roles import setup_roles
    from trainer.errors import DatabaseError
    from trainer.security import guard
    from trainer.security.roles import USERS

    db, uow = open_db(args)
    guard.require(uow, USERS, "users")
    if db.engine.dialect.name != "postgresql":
        raise DatabaseError("roles_sqlite")
    try:
        with db.engine.begin() as conn:
            names = setup_roles(conn, dict(args.login))
    except DBAPIError as exc:
        detail = str(exc.orig or exc).strip().splitlines()[0]
        raise DatabaseError("roles_denied", detail=detail) from exc
    for role, server_role in names.items():
        print(f"{role}: {server_role}")
    return 0
