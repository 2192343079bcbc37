"""`trainer audit`: the trail in sentences, `verify` (hash chain and this desk's anchor) and
`purge` (deleted trainees' personal values after audit.retention_days) — administrators."""
from __future__ import annotations

import datetime as dt
import json
import sys

from trainer.cli.common import COMMON, open_db, print_table
from trainer.cli.trust import _local
from trainer.texts import columns, text


def add_commands(sub) -> None:
    _add_audit_command(sub)


def _add_audit_command(sub) -> None:
    p = sub.add_parser("audit", parents=[COMMON], help="the audit trail (administrators)",
                       description="Lists the trail; `trainer audit verify` checks its hash "
                       "chain and names the first entry changed or removed (exit 1); "
                       "`trainer audit purge` blanks the personal values of trainees deleted "
                       "more than audit.retention_days ago (--dry-run: only count them).")
    p.add_argument("verb", nargs="?", choices=["verify", "purge"],
                   help="verify: check the chain; purge: deleted trainees' personal values")
    p.add_argument("--dry-run", action="store_true", help="purge: count, change nothing")
    p.add_argument("--user", dest="by_user", metavar="USER", help="only what USER did")
    p.add_argument("--since", type=dt.date.fromisoformat, metavar="YYYY-MM-DD")
    p.add_argument("--until", type=dt.date.fromisoformat, metavar="YYYY-MM-DD",
                   help="up to and including this day")
    p.add_argument("--entity", help="e.g. trainee, certificate, users")
    p.add_argument("--record", type=int, metavar="ID")
    p.add_argument("--action", dest="audit_action",
                   choices=["create", "update", "delete", "reveal", "export", "login",
                            "login_failed", "logout", "backup", "restore", "purge"])
    p.add_argument("--limit", type=int, default=100)
    p.add_argument("--offset", type=int, default=0)
    p.add_argument("--format", choices=["table", "json"], default="table")
    p.add_argument("--reveal", action="store_true", help="unmasked ID numbers and mobiles")
    p.set_defaults(run=cmd_audit)


def cmd_audit(args) -> int:
    from trainer.security.audit import list_audit
    from trainer.security.audit_text import describe_entries

    _db, uow = open_db(args)
    if args.verb == "verify":
        return _verify(uow)
    if args.verb == "purge":
        return _purge(uow, args.dry_run)
    entries = list_audit(uow, user=args.by_user, entity=args.entity, record_id=args.record,
                         action=args.audit_action, since=args.since, until=args.until,
                         limit=args.limit, offset=args.offset, reveal=args.reveal)
    if args.format == "json":
        print(json.dumps([{"id": e.id, "at": e.at.isoformat() + "Z", "user": e.username,
                           "action": e.action, "entity": e.entity, "record_id": e.record_id,
                           "summary": e.summary, "before": e.before, "after": e.after}
                          for e in entries], ensure_ascii=False, indent=1))
        return 0
    # each entry as the sentence the audit window shows (trainer/security/audit_text.py)
    lines = describe_entries(uow, entries)
    rows = [[f"{line.at:%Y-%m-%d %H:%M:%S}", str(e.record_id or ""), line.sentence]
            for e, line in zip(entries, lines)]
    heads = columns("trust.heads_audit")
    print_table(rows, heads)
    print(f"({len(rows)})")
    return 0


def _verify(uow) -> int:
    from trainer.security.audit import verify_trail

    report = verify_trail(uow)
    if report.intact:
        print(text("trust.trail_whole", checked=report.checked))
        return 0
    if report.first_break is None:
        print(_cut_off(report.missing), file=sys.stderr)
        return 1
    when = _local(report.break_at) if report.break_at else "?"
    print(text("trust.trail_changed", entry=report.first_break, when=when), file=sys.stderr)
    return 1


def _purge(uow, dry_run: bool) -> int:
    from trainer.security.retention import purge_deleted_trainees

    report = purge_deleted_trainees(uow, dry_run=dry_run)
    days = report.retention_days
    print(text("trust.would_purge" if dry_run else "trust.purged", trainees=report.trainees,
               days=days, entries=report.entries, values=report.values))
    return 0


def _cut_off(missing) -> str:
    """The sentence for entries missing at the end of the trail (security.anchor.Shortfall)."""
    if missing.replaced:
        return text("trust.trail_replaced", expected=missing.expected)
    return text("trust.trail_cut", present=missing.present, expected=missing.expected)
