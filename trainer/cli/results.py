"""`trainer assess`, `trainer completion`, `trainer feedback`, `trainer history`: results of
classes and a trainee's record (一人一档).

    trainer assess --class ID --trainee ID... (--score N | --pass | --fail)
    trainer completion --class ID
    trainer feedback add|show --class ID … ; trainer history --trainee ID_OR_NAME"""
from __future__ import annotations

from trainer.cli.common import (COMMON, EXIT_OK, find_cohort, find_trainee, iso_date, open_db,
                                print_table)
from trainer.texts import TRAINEE_CATEGORIES, label
from trainer.texts import text


def add_commands(sub) -> None:
    p = sub.add_parser("assess", parents=[COMMON], help="enter assessment results")
    p.add_argument("--class", dest="cohort", required=True, metavar="ID")
    p.add_argument("--trainee", nargs="+", required=True, metavar="ID")
    result = p.add_mutually_exclusive_group(required=True)
    result.add_argument("--score", metavar="N")
    result.add_argument("--pass", dest="passed", action="store_const", const=True)
    result.add_argument("--fail", dest="passed", action="store_const", const=False)
    p.add_argument("--date", type=iso_date, metavar="YYYY-MM-DD", help="default: today")
    p.set_defaults(run=cmd_assess)

    p = sub.add_parser("completion", parents=[COMMON],
                       help="who completes a class, and why the others do not")
    p.add_argument("--class", dest="cohort", required=True, metavar="ID")
    p.add_argument("--as-of", type=iso_date, metavar="YYYY-MM-DD", help="default: today")
    p.set_defaults(run=cmd_completion)

    p = sub.add_parser("feedback", parents=[COMMON], help="satisfaction of a class (1–5)")
    fb = p.add_subparsers(dest="feedback_command", required=True, metavar="ACTION")
    q = fb.add_parser("add", parents=[COMMON])
    q.add_argument("--class", dest="cohort", required=True, metavar="ID")
    q.add_argument("--source", required=True, choices=["enterprise", "trainee"])
    q.add_argument("--score", required=True, metavar="1-5")
    q.add_argument("--comment", default="")
    q.add_argument("--trainee", metavar="ID", help="a named trainee (default: anonymous)")
    q = fb.add_parser("show", parents=[COMMON])
    q.add_argument("--class", dest="cohort", required=True, metavar="ID")
    p.set_defaults(run=cmd_feedback)

    p = sub.add_parser("history", parents=[COMMON], help="a trainee's classes and results (一人一档)")
    p.add_argument("--trainee", required=True, metavar="ID_OR_NAME")
    p.set_defaults(run=cmd_history)


def cmd_assess(args) -> int:
    from trainer.services.assessment import AssessmentEntry, record_assessments

    _db, uow = open_db(args)
    cohort = find_cohort(uow, args.cohort)
    people = [find_trainee(uow, ref) for ref in args.trainee]
    records = record_assessments(uow, cohort.id, [
        AssessmentEntry(t.id, args.score, args.passed, args.date) for t in people])
    for r in records:
        verdict = text("cli.pass") if r.passed else text("cli.fail")
        score = "" if r.score is None else f" {r.score}"
        print(f"{r.trainee_name}:{score} {verdict}")
    return EXIT_OK


def cmd_completion(args) -> int:
    from trainer.services.completion import class_completion

    _db, uow = open_db(args)
    done = class_completion(uow, find_cohort(uow, args.cohort).id, as_of=args.as_of)
    from trainer.rules.completion import hours_text
    need = done.policy.min_online_hours  # 线上学习 ≥ N 学时: a column of its own
    rows = []
    for t in done.trainees:
        r = t.result
        rows.append([t.name, t.enterprise_name, f"{r.attended}/{r.held}"]
                    + ([f"{hours_text(r.online_minutes)}/{need}"] if need is not None else [])
                    + ["" if t.score is None else str(t.score),
                       text("cli.yes") if r.completes else text("cli.no"),
                       "" if r.completes else t.reason()])
    print_table(rows, [text("cli.head_name"), text("cli.head_enterprise"),
                       text("cli.head_attended")]
                + ([text("cli.head_online")] if need is not None else [])
                + [text("cli.head_score"), text("cli.head_completes"), text("cli.head_why_not")])
    c = done.cohort
    print(text("cli.completion", cohort=c.display_name, completing=len(done.completing),
               trainees=len(done.trainees), held=done.held, upcoming=done.upcoming,
               cancelled=done.cancelled))
    if done.unrecorded:
        seqs = ", ".join(str(s) for s in done.unrecorded)
        print(text("cli.unrecorded", lessons=seqs))
    return EXIT_OK


def cmd_feedback(args) -> int:
    from trainer.services import feedback

    _db, uow = open_db(args)
    cohort = find_cohort(uow, args.cohort)
    if args.feedback_command == "add":
        trainee_id = find_trainee(uow, args.trainee).id if args.trainee else None
        rec = feedback.add_feedback(uow, cohort.id, args.source, args.score, args.comment,
                                    trainee_id)
        print(f"{rec.id}: {rec.source} {rec.score}")
        return EXIT_OK
    summary = feedback.feedback_summary(uow, cohort.id)
    for source, s in (("enterprise", summary.enterprise), ("trainee", summary.trainee)):
        name = label(feedback.FEEDBACK_SOURCES, source)
        avg = "—" if s.average is None else f"{s.average:.2f}"
        print(f"{name}: {avg} (n={s.count}; 1–5: {' '.join(str(n) for n in s.distribution)})")
    for rec in feedback.list_feedback(uow, cohort.id):
        if rec.comment:
            who = rec.trainee_name or label(feedback.FEEDBACK_SOURCES, rec.source)
            print(f"  {who} {rec.score}: {rec.comment}")
    return EXIT_OK


def cmd_history(args) -> int:
    from trainer.services.history import trainee_history

    _db, uow = open_db(args)
    person = find_trainee(uow, args.trainee)
    history = trainee_history(uow, person.id)
    t = history.trainee
    print(f"{t.name}  {t.enterprise_name}  …{t.id_number[-4:]}  "
          f"{label(TRAINEE_CATEGORIES, t.category)}")
    rows = []
    for e in history.entries:
        r = e.result
        rows.append([e.cohort_code, e.course_title, str(e.first_lesson or ""),
                     f"{r.attended}/{r.held}", "" if e.score is None else str(e.score),
                     text("cli.yes") if e.completes else text("cli.no"),
                     e.certificate_number + (text("cli.revoked_mark")
                                             if e.certificate_revoked else ""),
                     "" if e.completes else e.reason()])
    print_table(rows, [text("cli.head_class"), text("cli.head_course"), text("cli.head_from"),
                  text("cli.head_attended"), text("cli.head_score"), text("cli.head_completes"),
                  text("cli.head_certificate"), text("cli.head_why_not")])
    hours = history.attended_minutes / 60
    print(text("cli.history_total", classes=len(history.entries), completed=history.completed,
               hours=hours))
    return EXIT_OK
