"""`trainer assess`, `trainer completion`, `trainer feedback`, `trainer history`: results of
classes and a trainee's record (一人一档).

    trainer assess --class ID --trainee ID... (--score N | --pass | --fail)
    trainer completion --class ID
    trainer feedback add|show --class ID … ; trainer history --trainee ID_OR_NAME"""
from __future__ import annotations

from trainer.cli.common import (COMMON, EXIT_OK, find_cohort, find_trainee, iso_date, open_db,
                                print_table, say)
from trainer.messages import TRAINEE_CATEGORIES, label


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
        verdict = say("合格", "pass") if r.passed else say("不合格", "fail")
        score = "" if r.score is None else f" {r.score}"
        print(f"{r.trainee_name}:{score} {verdict}")
    return EXIT_OK


def cmd_completion(args) -> int:
    from trainer.services.completion import class_completion

    _db, uow = open_db(args)
    done = class_completion(uow, find_cohort(uow, args.cohort).id, as_of=args.as_of)
    rows = []
    for t in done.trainees:
        r = t.result
        rows.append([t.name, t.enterprise_name, f"{r.attended}/{r.held}",
                     "" if t.score is None else str(t.score),
                     say("是", "yes") if r.completes else say("否", "no"),
                     "" if r.completes else t.reason()])
    print_table(rows, [say("姓名", "name"), say("企业", "enterprise"), say("出勤", "attended"),
                  say("成绩", "score"), say("结业", "completes"), say("原因", "why not")])
    c = done.cohort
    print(say(f"{c.display_name}:{len(done.completing)}/{len(done.trainees)} 人结业；课次：已上 "
               f"{done.held}，未上 {done.upcoming}，取消 {done.cancelled}",
               f"{c.display_name}: {len(done.completing)} of {len(done.trainees)} complete; "
               f"lessons: {done.held} held, {done.upcoming} to come, {done.cancelled} cancelled"))
    if done.unrecorded:
        seqs = ", ".join(str(s) for s in done.unrecorded)
        print(say(f"注意：第 {seqs} 次课尚未录入考勤", f"note: no attendance typed in for "
                   f"lesson(s) {seqs}"))
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
                     say("是", "yes") if e.completes else say("否", "no"),
                     e.certificate_number + (say("（已作废）", " (revoked)")
                                             if e.certificate_revoked else ""),
                     "" if e.completes else e.reason()])
    print_table(rows, [say("班级", "class"), say("课程", "course"), say("开班", "from"),
                  say("出勤", "attended"), say("成绩", "score"), say("结业", "completes"),
                  say("证书", "certificate"), say("原因", "why not")])
    hours = history.attended_minutes / 60
    print(say(f"共 {len(history.entries)} 个班，结业 {history.completed} 个，出勤 {hours:.1f} 小时",
               f"{len(history.entries)} classes, {history.completed} completed, "
               f"{hours:.1f} hours attended"))
    return EXIT_OK
