"""Command line for enrolment, attendance, assessment, completion, feedback and a trainee's
history:

    trainer enrol --class ID (--trainee ID... | --enterprise NAME | --file F)
    trainer transfer --trainee ID --from CLASS --to CLASS [--date D] ; trainer withdraw …
    trainer attendance mark --lesson ID (--present TAIL... | --all-present) [--late TAIL:MIN] …
    trainer attendance scan --lesson ID [CODE...]     (no codes: reads a scanner's lines)
    trainer attendance import FILE ; trainer attendance export --class ID --out F.xlsx
    trainer attendance show --class ID
    trainer assess --class ID --trainee ID... (--score N | --pass | --fail)
    trainer completion --class ID
    trainer feedback add|show --class ID … ; trainer history --trainee ID_OR_NAME

A class is given by id or code; a trainee by id, scan code (T0000123), ID number or name; in
`attendance mark/scan`, also by the last 4–6 characters of the ID number. Exit codes: 0 ok,
1 refused (a full class…), 2 bad arguments or unreadable file, 3 some rows, codes or trainees
were rejected (the rest was done)."""
from __future__ import annotations

import argparse
import datetime as dt
import sys

from trainer.messages import TRAINEE_CATEGORIES, label, language, pick

EXIT_OK, EXIT_FAILURE, EXIT_USAGE, EXIT_REJECTED = 0, 1, 2, 3


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text}") from None


def _late(text: str) -> tuple[str, int]:
    code, sep, minutes = text.rpartition(":")
    if not sep or not code or not minutes.isdigit():
        raise argparse.ArgumentTypeError(f"expected CODE:MINUTES, e.g. 1234:15, not {text}")
    return code, int(minutes)


def add_commands(sub, common) -> None:
    p = sub.add_parser("enrol", parents=[common], help="enrol trainees in a class",
                       description="Enrol trainees by id (or code, ID number, name), a whole "
                       "enterprise roster, or a trainee list file (new people are added to the "
                       "trainees first). Capacity and eligibility are checked; exit 3 when some "
                       "were refused.")
    p.add_argument("--class", dest="cohort", required=True, metavar="ID", help="class id or code")
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument("--trainee", nargs="+", metavar="ID")
    who.add_argument("--enterprise", metavar="NAME", help="everyone on the enterprise's roster")
    who.add_argument("--file", metavar="F", help="a trainee list (.xlsx/.xls/.csv)")
    p.add_argument("--category", choices=sorted(TRAINEE_CATEGORIES),
                   help="with --enterprise: only trainees of this category")
    p.add_argument("--file-enterprise", metavar="NAME", help="with --file: enterprise of every row")
    p.add_argument("--joined", type=_date, metavar="YYYY-MM-DD",
                   help="day they joined (late joiners); default: the class's first lesson")
    p.add_argument("--dry-run", action="store_true", help="check only; write nothing")
    p.add_argument("--rejects", metavar="OUT.xlsx", help="with --file: save rejected rows")

    p = sub.add_parser("transfer", parents=[common], help="move a trainee to another class")
    p.add_argument("--trainee", required=True, metavar="ID")
    p.add_argument("--from", dest="source", required=True, metavar="CLASS")
    p.add_argument("--to", dest="target", required=True, metavar="CLASS")
    p.add_argument("--date", type=_date, metavar="YYYY-MM-DD", help="default: today")

    p = sub.add_parser("withdraw", parents=[common], help="take a trainee out of a class")
    p.add_argument("--class", dest="cohort", required=True, metavar="ID")
    p.add_argument("--trainee", required=True, metavar="ID")

    p = sub.add_parser("attendance", parents=[common], help="record, import, export attendance")
    att = p.add_subparsers(dest="attendance_command", required=True, metavar="ACTION")
    q = att.add_parser("mark", parents=[common], help="type in a lesson's signed sheet")
    q.add_argument("--lesson", type=int, required=True, metavar="ID")
    q.add_argument("--all-present", action="store_true",
                   help="everyone with nothing recorded yet is present")
    q.add_argument("--present", nargs="+", default=[], metavar="ID_TAIL")
    q.add_argument("--late", nargs="+", type=_late, default=[], metavar="TAIL:MIN")
    q.add_argument("--excused", nargs="+", default=[], metavar="ID_TAIL")
    q.add_argument("--absent", nargs="+", default=[], metavar="ID_TAIL")
    q.add_argument("--note", default="")
    q = att.add_parser("scan", parents=[common], help="scanner mode: mark codes present")
    q.add_argument("--lesson", type=int, required=True, metavar="ID")
    q.add_argument("codes", nargs="*", help="codes or ID tails; none: read lines from stdin")
    q = att.add_parser("import", parents=[common], help="import attendance from .xlsx/.csv")
    q.add_argument("file")
    q.add_argument("--class", dest="cohort", metavar="ID", help="class of rows naming none")
    q.add_argument("--dry-run", action="store_true")
    q.add_argument("--rejects", metavar="OUT.xlsx")
    q.add_argument("--sheet", default=None)
    q = att.add_parser("export", parents=[common], help="a class's attendance and results to Excel")
    q.add_argument("--class", dest="cohort", required=True, metavar="ID")
    q.add_argument("--out", required=True, metavar="F.xlsx")
    q.add_argument("--as-of", type=_date, metavar="YYYY-MM-DD")
    q = att.add_parser("show", parents=[common], help="print a class's attendance grid")
    q.add_argument("--class", dest="cohort", required=True, metavar="ID")

    p = sub.add_parser("assess", parents=[common], help="enter assessment results")
    p.add_argument("--class", dest="cohort", required=True, metavar="ID")
    p.add_argument("--trainee", nargs="+", required=True, metavar="ID")
    result = p.add_mutually_exclusive_group(required=True)
    result.add_argument("--score", metavar="N")
    result.add_argument("--pass", dest="passed", action="store_const", const=True)
    result.add_argument("--fail", dest="passed", action="store_const", const=False)
    p.add_argument("--date", type=_date, metavar="YYYY-MM-DD", help="default: today")

    p = sub.add_parser("completion", parents=[common],
                       help="who completes a class, and why the others do not")
    p.add_argument("--class", dest="cohort", required=True, metavar="ID")
    p.add_argument("--as-of", type=_date, metavar="YYYY-MM-DD", help="default: today")

    p = sub.add_parser("feedback", parents=[common], help="satisfaction of a class (1–5)")
    fb = p.add_subparsers(dest="feedback_command", required=True, metavar="ACTION")
    q = fb.add_parser("add", parents=[common])
    q.add_argument("--class", dest="cohort", required=True, metavar="ID")
    q.add_argument("--source", required=True, choices=["enterprise", "trainee"])
    q.add_argument("--score", required=True, metavar="1-5")
    q.add_argument("--comment", default="")
    q.add_argument("--trainee", metavar="ID", help="a named trainee (default: anonymous)")
    q = fb.add_parser("show", parents=[common])
    q.add_argument("--class", dest="cohort", required=True, metavar="ID")

    p = sub.add_parser("history", parents=[common], help="a trainee's classes and results (一人一档)")
    p.add_argument("--trainee", required=True, metavar="ID_OR_NAME")


# --- helpers ---------------------------------------------------------------------------------

def _zh() -> bool:
    return language() == "zh"


def _say(zh: str, en: str) -> str:
    return zh if _zh() else en


def _open(args):
    from trainer.cli import _open as open_db
    return open_db(args)


def _cohort(uow, ref: str):
    from trainer.services.enrolment import find_class
    return find_class(uow, ref)


def _trainee(uow, ref: str):
    from trainer.cli import UsageError
    from trainer.services.enrolment import lookup_trainees

    found = lookup_trainees(uow, ref)
    if len(found) == 1:
        return found[0]
    if not found:
        raise UsageError(_say(f"找不到学员“{ref}”", f"no trainee matches “{ref}”"))
    names = ", ".join(f"{t.id} {t.name} {t.enterprise_name} …{t.id_tail}" for t in found[:10])
    raise UsageError(_say(f"“{ref}”对应多名学员，请用编号：{names}",
                          f"“{ref}” matches several trainees; give the id: {names}"))


def _table(rows: list[list[str]], headers: list[str]) -> None:
    from trainer.cli import _print_table
    _print_table(rows, headers)


def _rejected_lines(rejected) -> None:
    for r in rejected:
        print((f"第 {r.row} 行：" if _zh() else f"row {r.row}: ") + r.message())


def _refusals(result) -> None:
    for refusal in result.refused:
        print(_say("未报名：", "refused: ") + refusal.message())


# --- enrolment -------------------------------------------------------------------------------

def cmd_enrol(args) -> int:
    from trainer.cli import UsageError
    from trainer.services import enrolment

    _db, uow = _open(args)
    cohort = _cohort(uow, args.cohort)
    if args.file:
        from trainer.io.enrolment_file import enrol_from_file
        from trainer.io.workbooks import write_rejects

        done = enrol_from_file(uow, cohort.id, args.file, enterprise=args.file_enterprise,
                               enrolled_on=args.joined, dry_run=args.dry_run)
        print(_say(f"名单：新增学员 {done.created_trainees}，已有学员 {done.known_trainees}，"
                   f"退回 {len(done.rejected)} 行",
                   f"list: {done.created_trainees} new trainees, {done.known_trainees} known, "
                   f"{len(done.rejected)} rows rejected"))
        _rejected_lines(done.rejected)
        if args.rejects and done.rejected:
            print(f"rejects: {write_rejects(done, args.rejects)}")
        result = done.result
        problems = bool(done.rejected or result.refused)
    else:
        if args.enterprise:
            from trainer.services.enterprises import find_enterprise
            ent = find_enterprise(uow, args.enterprise)
            if ent is None:
                raise UsageError(_say(f"企业“{args.enterprise}”不存在",
                                      f"no enterprise “{args.enterprise}”"))
            result = enrolment.enrol_enterprise(uow, cohort.id, ent.id, category=args.category,
                                                enrolled_on=args.joined, dry_run=args.dry_run)
        else:
            ids = [_trainee(uow, ref).id for ref in args.trainee]
            result = enrolment.enrol_trainees(uow, cohort.id, ids, enrolled_on=args.joined,
                                              dry_run=args.dry_run)
        problems = bool(result.refused)
    _refusals(result)
    print(_say(f"{cohort.display_name}：报名 {len(result.enrolled)} 人，已在班 {len(result.already)} "
               f"人，未报名 {len(result.refused)} 人，剩余名额 {result.seats_left}",
               f"{cohort.display_name}: enrolled {len(result.enrolled)}, already in "
               f"{len(result.already)}, refused {len(result.refused)}, places left "
               f"{result.seats_left}"))
    if args.dry_run:
        print(_say("试运行：未写入任何数据", "dry run: nothing written"))
    return EXIT_REJECTED if problems else EXIT_OK


def cmd_transfer(args) -> int:
    from trainer.services.enrolment import transfer_trainee

    _db, uow = _open(args)
    trainee = _trainee(uow, args.trainee)
    source, target = _cohort(uow, args.source), _cohort(uow, args.target)
    record = transfer_trainee(uow, trainee.id, source.id, target.id, on=args.date)
    print(_say(f"{trainee.name}:{source.display_name} → {target.display_name}，"
               f"{record.enrolled_on} 起", f"{trainee.name}: {source.display_name} → "
               f"{target.display_name} from {record.enrolled_on}"))
    return EXIT_OK


def cmd_withdraw(args) -> int:
    from trainer.services.enrolment import withdraw_trainee

    _db, uow = _open(args)
    trainee = _trainee(uow, args.trainee)
    cohort = _cohort(uow, args.cohort)
    withdraw_trainee(uow, cohort.id, trainee.id)
    print(_say(f"{trainee.name} 已退出 {cohort.display_name}",
               f"{trainee.name} withdrew from {cohort.display_name}"))
    return EXIT_OK


# --- attendance ------------------------------------------------------------------------------

def cmd_attendance(args) -> int:
    return {"mark": _mark, "scan": _scan, "import": _import, "export": _export,
            "show": _show}[args.attendance_command](args)


def _mark(args) -> int:
    from trainer.cli import UsageError
    from trainer.services.attendance_marking import lesson_roll, mark_lesson

    if not (args.all_present or args.present or args.late or args.excused or args.absent):
        raise UsageError("give --all-present or --present/--late/--excused/--absent codes")
    _db, uow = _open(args)
    result = mark_lesson(uow, args.lesson, all_present=args.all_present, present=args.present,
                         late=args.late, excused=args.excused, absent=args.absent,
                         note=args.note)
    for outcome in result.outcomes:
        print(f"{outcome.code}: {outcome.message()}")
    roll = lesson_roll(uow, args.lesson)
    _roll_summary(roll, result.filled_present)
    return EXIT_REJECTED if result.problems else EXIT_OK


def _roll_summary(roll, filled: int | None = None) -> None:
    from trainer.rules.completion import ABSENT, EXCUSED, LATE, PRESENT

    counts = {s: roll.count(s) for s in (PRESENT, LATE, EXCUSED, ABSENT, None)}
    extra = "" if not filled else _say(f"，全勤填充 {filled} 人", f", {filled} filled in present")
    print(_say(f"第 {roll.sequence} 次课 {roll.date}：出勤 {counts[PRESENT]}，迟到 {counts[LATE]}，"
               f"请假 {counts[EXCUSED]}，缺勤 {counts[ABSENT]}，未记录 {counts[None]}{extra}",
               f"lesson {roll.sequence} {roll.date}: present {counts[PRESENT]}, late "
               f"{counts[LATE]}, excused {counts[EXCUSED]}, absent {counts[ABSENT]}, not "
               f"recorded {counts[None]}{extra}"))


def _scan(args) -> int:
    from trainer.services.attendance_marking import lesson_roll, mark_by_code

    _db, uow = _open(args)
    codes = args.codes or (line.strip() for line in sys.stdin)
    problems = 0
    for code in codes:
        if not code:
            continue
        result = mark_by_code(uow, args.lesson, code, at=None if args.codes else dt.datetime.now())
        if not result.ok:
            problems += 1
        if not result.ok:  # the terminal bell: the clerk looks up only when something is wrong
            from trainer.cli import ring_bell

            ring_bell()
        print(f"{code}: {result.message()}", flush=True)
    _roll_summary(lesson_roll(uow, args.lesson))
    return EXIT_REJECTED if problems else EXIT_OK


def _import(args) -> int:
    from trainer.io.attendance_io import preview_attendance_import, run_attendance_import
    from trainer.io.workbooks import write_rejects

    _db, uow = _open(args)
    cohort_id = _cohort(uow, args.cohort).id if args.cohort else None
    preview = preview_attendance_import(uow, args.file, cohort_id=cohort_id, sheet=args.sheet)
    print(f"accepted {len(preview.accepted)}, rejected {len(preview.rejected)}")
    _rejected_lines(preview.rejected)
    for dup in preview.duplicates:
        print((f"第 {dup.row} 行：" if _zh() else f"row {dup.row}: ") + dup.message())
    if args.rejects and preview.rejected:
        print(f"rejects: {write_rejects(preview, args.rejects)}")
    if args.dry_run:
        print(_say("试运行：未写入任何数据", "dry run: nothing written"))
    elif preview.accepted:
        saved = run_attendance_import(uow, preview)
        print(f"created {saved.created}, updated {saved.updated}, unchanged {saved.unchanged}")
    return EXIT_REJECTED if preview.rejected else EXIT_OK


def _export(args) -> int:
    from trainer.io.attendance_io import export_class_attendance

    _db, uow = _open(args)
    done = export_class_attendance(uow, _cohort(uow, args.cohort).id, args.out, as_of=args.as_of)
    print(f"{done.path} ({done.trainees} × {done.lessons})")
    return EXIT_OK


def _show(args) -> int:
    from trainer.rules.completion import STATUS_LETTERS

    _db, uow = _open(args)
    from trainer.services.attendance import load_attendance_grid

    grid = load_attendance_grid(uow, _cohort(uow, args.cohort).id)
    lang = language()
    rows = []
    for t in grid.trainees:
        cells = []
        for lesson in grid.lessons:
            c = grid.cell(lesson.id, t.trainee_id)
            cells.append(pick(STATUS_LETTERS[c.status], lang) if c else
                         ("·" if grid.applicable(lesson, t) else "—"))
        rows.append([t.code, t.name, t.id_tail] + cells)
    _table(rows, [_say("签到码", "code"), _say("姓名", "name"), _say("身份证", "ID")]
           + [str(lesson.sequence) + ("×" if lesson.cancelled else "") for lesson in grid.lessons])
    return EXIT_OK


# --- assessment, completion, feedback, history -----------------------------------------------

def cmd_assess(args) -> int:
    from trainer.services.assessment import AssessmentEntry, record_assessments

    _db, uow = _open(args)
    cohort = _cohort(uow, args.cohort)
    people = [_trainee(uow, ref) for ref in args.trainee]
    records = record_assessments(uow, cohort.id, [
        AssessmentEntry(t.id, args.score, args.passed, args.date) for t in people])
    for r in records:
        verdict = _say("合格", "pass") if r.passed else _say("不合格", "fail")
        score = "" if r.score is None else f" {r.score}"
        print(f"{r.trainee_name}:{score} {verdict}")
    return EXIT_OK


def cmd_completion(args) -> int:
    from trainer.services.completion import class_completion

    _db, uow = _open(args)
    done = class_completion(uow, _cohort(uow, args.cohort).id, as_of=args.as_of)
    rows = []
    for t in done.trainees:
        r = t.result
        rows.append([t.name, t.enterprise_name, f"{r.attended}/{r.held}",
                     "" if t.score is None else str(t.score),
                     _say("是", "yes") if r.completes else _say("否", "no"),
                     "" if r.completes else t.reason()])
    _table(rows, [_say("姓名", "name"), _say("企业", "enterprise"), _say("出勤", "attended"),
                  _say("成绩", "score"), _say("结业", "completes"), _say("原因", "why not")])
    c = done.cohort
    print(_say(f"{c.display_name}:{len(done.completing)}/{len(done.trainees)} 人结业；课次：已上 "
               f"{done.held}，未上 {done.upcoming}，取消 {done.cancelled}",
               f"{c.display_name}: {len(done.completing)} of {len(done.trainees)} complete; "
               f"lessons: {done.held} held, {done.upcoming} to come, {done.cancelled} cancelled"))
    if done.unrecorded:
        seqs = ", ".join(str(s) for s in done.unrecorded)
        print(_say(f"注意：第 {seqs} 次课尚未录入考勤", f"note: no attendance typed in for "
                   f"lesson(s) {seqs}"))
    return EXIT_OK


def cmd_feedback(args) -> int:
    from trainer.services import feedback

    _db, uow = _open(args)
    cohort = _cohort(uow, args.cohort)
    if args.feedback_command == "add":
        trainee_id = _trainee(uow, args.trainee).id if args.trainee else None
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

    _db, uow = _open(args)
    person = _trainee(uow, args.trainee)
    history = trainee_history(uow, person.id)
    t = history.trainee
    print(f"{t.name}  {t.enterprise_name}  …{t.id_number[-4:]}  "
          f"{label(TRAINEE_CATEGORIES, t.category)}")
    rows = []
    for e in history.entries:
        r = e.result
        rows.append([e.cohort_code, e.course_title, str(e.first_lesson or ""),
                     f"{r.attended}/{r.held}", "" if e.score is None else str(e.score),
                     _say("是", "yes") if e.completes else _say("否", "no"),
                     e.certificate_number + (_say("（已作废）", " (revoked)")
                                             if e.certificate_revoked else ""),
                     "" if e.completes else e.reason()])
    _table(rows, [_say("班级", "class"), _say("课程", "course"), _say("开班", "from"),
                  _say("出勤", "attended"), _say("成绩", "score"), _say("结业", "completes"),
                  _say("证书", "certificate"), _say("原因", "why not")])
    hours = history.attended_minutes / 60
    print(_say(f"共 {len(history.entries)} 个班，结业 {history.completed} 个，出勤 {hours:.1f} 小时",
               f"{len(history.entries)} classes, {history.completed} completed, "
               f"{hours:.1f} hours attended"))
    return EXIT_OK


COMMANDS = {"enrol": cmd_enrol, "transfer": cmd_transfer, "withdraw": cmd_withdraw,
            "attendance": cmd_attendance, "assess": cmd_assess, "completion": cmd_completion,
            "feedback": cmd_feedback, "history": cmd_history}
