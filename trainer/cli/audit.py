"""`trainer audit`: the trail in sentences, `verify` (hash chain and this desk's anchor) and
`purge` (deleted trainees' personal values after audit.retention_days) — administrators."""
from __future__ import annotations

import datetime as dt
import json
import sys

from trainer.cli.common import COMMON, open_db, print_table
from trainer.cli.trust import _local, _zh
from trainer.texts import pick


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
    heads = ["时间", "编号", "内容"] if _zh() else ["when", "id", "what happened"]
    print_table(rows, heads)
    print(f"({len(rows)})")
    return 0


def _verify(uow) -> int:
    from trainer.security.audit import verify_trail

    report = verify_trail(uow)
    if report.intact:
        print(pick((f"操作日志完整：已核对 {report.checked} 条，哈希链没有断开。",
                    f"The audit trail is whole: {report.checked} entries checked, the hash "
                    "chain is unbroken.")))
        return 0
    if report.first_break is None:
        print(_cut_off(report.missing), file=sys.stderr)
        return 1
    when = _local(report.break_at) if report.break_at else "?"
    print(pick((f"操作日志被改动：第 {report.first_break} 条（{when}）与前一条对不上——这一条被修改，"
                "或它之前的条目被删除。",
                f"The audit trail was tampered with: entry {report.first_break} ({when}) does "
                "not follow from the one before — it was changed, or entries before it were "
                "removed.")), file=sys.stderr)
    return 1


def _purge(uow, dry_run: bool) -> int:
    from trainer.security.retention import purge_deleted_trainees

    report = purge_deleted_trainees(uow, dry_run=dry_run)
    days = report.retention_days
    if dry_run:
        print(pick((f"将清除 {report.trainees} 名已删除超过 {days} 天的学员在 {report.entries} "
                    f"条操作日志中的个人信息（{report.values} 组）。未做任何改动。",
                    f"Would purge the personal data of {report.trainees} trainees deleted more "
                    f"than {days} days ago from {report.entries} audit entries ({report.values} "
                    "groups of values). Nothing was changed.")))
    else:
        print(pick((f"已清除 {report.trainees} 名已删除超过 {days} 天的学员在 {report.entries} "
                    f"条操作日志中的个人信息（{report.values} 组）；哈希链不受影响。",
                    f"Purged the personal data of {report.trainees} trainees deleted more than "
                    f"{days} days ago from {report.entries} audit entries ({report.values} "
                    "groups of values); the hash chain still holds.")))
    return 0


def _cut_off(missing) -> str:
    """The sentence for entries missing at the end of the trail (security.anchor.Shortfall)."""
    if missing.replaced:
        return pick((f"操作日志被改动：本机记录的第 {missing.expected} 条已不是原来那一条——"
                     "最新的条目被删除后又写入了别的条目。",
                     f"The audit trail was tampered with: entry {missing.expected}, as this "
                     "desk recorded it, is no longer there — the newest entries were removed "
                     "and others written in their place."))
    return pick((f"操作日志被截断：第 {missing.present} 条之后的条目不见了（本机记录到第 "
                 f"{missing.expected} 条）——最新的条目被删除。",
                 f"The audit trail was cut short: the entries after entry {missing.present} "
                 f"are missing (this desk recorded up to entry {missing.expected}) — the "
                 "newest entries were removed."))
