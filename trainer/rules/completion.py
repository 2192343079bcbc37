"""The completion rule (结业条件) as a pure function: who completes a class, and in words why not.

Default rule (DESIGN.md §3): a trainee completes when they attended at least the course's
`min_attendance_percent` of the lessons held (rounded up: 80 % of 8 lessons needs 7), counting
late as present and excused leave as present only when the course says so, and — when the course
has a pass mark or the office requires an assessment — passed the assessment.

What counts as a lesson held, for one trainee:
- a cancelled lesson never counts;
- a lesson counts once it has taken place: its status is `held`, attendance has been recorded
  for it, or its date is on or before `as_of` (a past lesson nobody typed in yet counts, so the
  class view shows the gap rather than hiding it);
- only lessons of the trainee's own time in the class count: a late joiner is not absent for
  lessons before `joined`, a trainee who moved on is not absent for lessons after `left` — but a
  lesson they did attend (present/late) always counts, as attended;
- a transfer keeps attendance: the trainee's facts hold one `Stint` per class of the journey
  (the class they left first, this class last), and lessons of every stint count;
- an online lesson (线上课) is not part of the attendance percentage — that is of the lessons in
  a room ("线下出勤 ≥ 80 %") — but the course is not over before it has taken place. Online study
  counts by time instead: when the course sets `min_online_hours`, the trainee needs that many
  class hours (60 minutes each) in the learning platform's export ("线上学习 ≥ N 学时"). A course
  given wholly online is judged by the online hours alone.

No database and no Qt here: the services build `TraineeFacts`, the GUI and CLI show
`CompletionResult.message(lang)`."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Iterable, Mapping

from trainer.texts import FIELDS
from trainer.rules.statuses import EnrolmentStatus, LessonStatus

PRESENT, LATE, EXCUSED, ABSENT = "present", "late", "excused", "absent"
ATTENDANCE_STATUSES = (PRESENT, LATE, EXCUSED, ABSENT)  # the grid's cycling order
STATUS_LABELS: dict[str, tuple[str, str]] = {
    PRESENT: ("出勤", "present"),
    LATE: ("迟到", "late"),
    EXCUSED: ("请假", "excused leave"),
    ABSENT: ("缺勤", "absent"),
}
STATUS_LETTERS: dict[str, tuple[str, str]] = {  # one character per status, for grids and sheets
    PRESENT: ("到", "P"), LATE: ("迟", "L"), EXCUSED: ("假", "E"), ABSENT: ("缺", "A"),
}

# Labels of the fields attendance, assessment and feedback forms report errors at; registered
# here (not in messages.py) so the texts of this area stay with it.
FIELD_LABELS: dict[str, tuple[str, str]] = {
    "score": ("成绩", "score"),
    "passed": ("是否合格", "passed"),
    "assessed_on": ("考核日期", "assessment date"),
    "late_minutes": ("迟到分钟数", "minutes late"),
    "lesson": ("课次", "lesson"),
    "trainee": ("学员", "trainee"),
    "date": ("日期", "date"),
    "cohort": ("培训班", "class"),
    "source": ("评价来源", "source"),
    "comment": ("意见", "comment"),
    "enrolled_on": ("报名日期", "enrolment date"),
    "sequence": ("课次", "lesson number"),
}
for _key, _pair in FIELD_LABELS.items():
    FIELDS.setdefault(_key, _pair)

STATUS_KEYS = {"P": PRESENT, "L": LATE, "E": EXCUSED, "A": ABSENT}  # the grid's keyboard


def next_status(current: str | None) -> str | None:
    """The grid's space bar: nothing → present → late → excused → absent → nothing."""
    cycle = (None,) + ATTENDANCE_STATUSES
    return cycle[(cycle.index(current) + 1) % len(cycle)] if current in cycle else PRESENT


CANCELLED_LESSON = LessonStatus.cancelled
HELD_LESSON = LessonStatus.held

ACTIVE = EnrolmentStatus.active
TRANSFERRED = EnrolmentStatus.transferred
WITHDRAWN = EnrolmentStatus.withdrawn
ENROLMENT_STATUSES = (ACTIVE, TRANSFERRED, WITHDRAWN)


@dataclass(frozen=True)
class CompletionPolicy:
    """A course's completion rule (Course columns, plus the office setting
    `completion.require_assessment`)."""

    min_attendance_percent: int = 80
    excused_counts_present: bool = False
    pass_mark: int | None = None
    requires_assessment: bool = False
    late_counts_present: bool = True
    min_online_hours: int | None = None  # online study needed (class hours); None: no rule

    @property
    def assessment_required(self) -> bool:
        return self.pass_mark is not None or self.requires_assessment

    def lessons_needed(self, held: int) -> int:
        """Lessons to attend out of `held`: the percentage, rounded up."""
        return (held * self.min_attendance_percent + 99) // 100


@dataclass(frozen=True)
class LessonFact:
    lesson_id: int
    date: dt.date
    status: str = "planned"  # planned / held / cancelled (anything else: as planned)
    minutes: int = 0  # length, for the hours attended
    recorded: bool = False  # someone's attendance has been recorded for this lesson
    online: bool = False  # an online lesson: not in the attendance percentage

    @property
    def cancelled(self) -> bool:
        return self.status == CANCELLED_LESSON

    def held(self, as_of: dt.date) -> bool:
        if self.cancelled:
            return False
        return self.status == HELD_LESSON or self.recorded or self.date <= as_of


@dataclass(frozen=True)
class Stint:
    """A trainee's time in one class: its lessons, the trainee's attendance there
    (lesson id → status), from `joined` up to (not including) `left`."""

    lessons: tuple[LessonFact, ...]
    attendance: Mapping[int, str]
    joined: dt.date
    left: dt.date | None = None

    def covers(self, day: dt.date) -> bool:
        return self.joined <= day and (self.left is None or day < self.left)


@dataclass(frozen=True)
class TraineeFacts:
    """Everything the rule needs about one trainee in one class. `stints`: the classes the
    trainee transferred from first, this class last. `passed` None: not assessed."""

    trainee_id: int
    stints: tuple[Stint, ...]
    status: str = ACTIVE
    score: int | None = None
    passed: bool | None = None
    transferred_to: str = ""  # the class the trainee moved to (status transferred)
    online_minutes: int = 0  # online study time from the platform's export


TEXTS: dict[str, tuple[str, str]] = {
    "attended": ("出勤 {attended}/{held} 次", "attended {attended} of {held} lessons"),
    "needs": ("，至少需要 {needed} 次", ", needs {needed}"),
    "excused_counted": ("（含请假 {excused} 次）", " (including {excused} excused)"),
    "excused_not_counted": ("（请假 {excused} 次不计出勤）", " ({excused} excused, not counted)"),
    "joined": ("（{joined} 加入，之前 {before} 次课不计）",
               " (joined {joined}; {before} earlier lessons not counted)"),
    "upcoming": ("（还有 {upcoming} 次课）", " ({upcoming} lessons to come)"),
    "course_not_finished": ("课程尚未结束，还有 {upcoming} 次课", "the course is not over: "
                            "{upcoming} lesson(s) to come"),
    "no_lessons_held": ("尚未上课", "no lessons held yet"),
    "no_lessons_since_joining": ("{joined} 加入后尚未上课", "no lessons held since joining on {joined}"),
    "not_assessed": ("尚未考核", "not assessed yet"),
    "failed_score": ("考核未通过（{score} 分，合格线 {pass_mark} 分）",
                     "did not pass the assessment ({score}, pass mark {pass_mark})"),
    "failed": ("考核未通过", "did not pass the assessment"),
    "passed_score": ("考核合格（{score} 分）", "passed the assessment ({score})"),
    "passed": ("考核合格", "passed the assessment"),
    "transferred": ("已转入{to}", "transferred to {to}"),
    "transferred_unknown": ("已转到其他班", "transferred to another class"),
    "withdrawn": ("已退出本班", "withdrew from the class"),
    "online": ("线上学习 {hours} 学时", "online study {hours} h"),
    "online_needs": ("，至少需要 {needed} 学时", ", needs {needed} h"),
}


def hours_text(minutes: int) -> str:
    """Class hours of 60 minutes as printed: 8, 7.5, 0.3."""
    return f"{minutes / 60:.1f}".removesuffix(".0")


def _text(code: str, lang: str, **params: object) -> str:
    pair = TEXTS[code]
    return (pair[0] if lang == "zh" else pair[1]).format(**params)


@dataclass(frozen=True)
class Reason:
    """One part of the sentence: a code of TEXTS' families and its numbers."""

    # attendance / no_lessons_held / not_assessed / failed / passed / transferred / withdrawn
    code: str
    params: Mapping[str, object] = field(default_factory=dict)
    met: bool = True  # False: this part is why the trainee does not complete

    def message(self, lang: str = "zh") -> str:
        p = dict(self.params)
        if self.code == "attendance":
            text = _text("attended", lang, **p)
            if p.get("excused"):
                text += _text("excused_counted" if p["excused_counted"] else
                              "excused_not_counted", lang, **p)
            if p.get("before"):
                text += _text("joined", lang, **p)
            if not self.met:
                text += _text("needs", lang, **p)
                if p.get("upcoming"):
                    text += _text("upcoming", lang, **p)
            return text
        if self.code == "no_lessons_held":
            return _text("no_lessons_since_joining" if p.get("joined") else "no_lessons_held",
                         lang, **p)
        if self.code in ("failed", "passed"):
            return _text(f"{self.code}_score" if p.get("score") is not None else self.code,
                         lang, **p)
        if self.code == "online":
            return _text("online", lang, **p) + ("" if self.met else
                                                  _text("online_needs", lang, **p))
        if self.code == "transferred":
            return _text("transferred" if p.get("to") else "transferred_unknown", lang, **p)
        return _text(self.code, lang, **p)


@dataclass(frozen=True)
class CompletionResult:
    trainee_id: int
    completes: bool
    reasons: tuple[Reason, ...]  # every part, in sentence order
    held: int = 0  # lessons that count for this trainee
    attended: int = 0  # of those, attended (late always; excused when the course says so)
    needed: int = 0
    present: int = 0
    late: int = 0
    excused: int = 0
    absent: int = 0  # recorded absent, or not recorded at all
    not_counted: int = 0  # lessons held before joining / after leaving
    upcoming: int = 0  # lessons not yet held
    cancelled: int = 0
    attended_minutes: int = 0  # length of the lessons attended (present or late)
    online_lessons: int = 0  # online lessons held (not in the attendance percentage)
    online_minutes: int = 0  # online study time recorded from the platform

    @property
    def attendance_percent(self) -> float | None:
        return None if not self.held else 100.0 * self.attended / self.held

    def failing(self) -> tuple[Reason, ...]:
        return tuple(r for r in self.reasons if not r.met)

    def message(self, lang: str = "zh") -> str:
        """Why the trainee does not complete (only the failing parts), or for one who does,
        what they achieved: "出勤 5/8 次,至少需要 7 次" / "attended 5 of 8 lessons, needs 7"."""
        parts = self.failing() if not self.completes else self.reasons
        return ("；" if lang == "zh" else "; ").join(r.message(lang) for r in parts)


def evaluate(policy: CompletionPolicy, facts: TraineeFacts, as_of: dt.date) -> CompletionResult:
    """Whether one trainee completes, counting lessons held on or before `as_of`."""
    counts = dict(held=0, attended=0, present=0, late=0, excused=0, absent=0, not_counted=0,
                  upcoming=0, cancelled=0, attended_minutes=0, online_lessons=0,
                  online_minutes=facts.online_minutes)
    for index, stint in enumerate(facts.stints):
        for lesson in stint.lessons:
            _count(policy, counts, stint, lesson, as_of, first=index == 0)
    if facts.status in (TRANSFERRED, WITHDRAWN):  # the counts say what they did while here
        reason = (Reason("transferred", {"to": facts.transferred_to}, False)
                  if facts.status == TRANSFERRED else Reason("withdrawn", {}, False))
        return CompletionResult(facts.trainee_id, False, (reason,),
                                needed=policy.lessons_needed(counts["held"]), **counts)
    held, attended = counts["held"], counts["attended"]
    needed = policy.lessons_needed(held)
    reasons: list[Reason] = []
    joined = facts.stints[0].joined if facts.stints else None  # the start of the journey
    offline = any(not lesson.online and not lesson.cancelled
                  for stint in facts.stints for lesson in stint.lessons)
    if held == 0 and not offline and policy.min_online_hours is not None:
        attendance_ok = True  # a course given wholly online: judged by the online hours
    elif held == 0:
        late_joiner = counts["not_counted"] > 0
        reasons.append(Reason("no_lessons_held", {"joined": joined.isoformat() if late_joiner
                                                  and joined else ""}, False))
        attendance_ok = False
    else:
        attendance_ok = attended >= needed
        reasons.append(Reason("attendance", {
            "attended": attended, "held": held, "needed": needed, "excused": counts["excused"],
            "excused_counted": policy.excused_counts_present, "before": counts["not_counted"],
            "joined": joined.isoformat() if joined else "", "upcoming": counts["upcoming"]},
            attendance_ok))
    online_ok = True
    if policy.min_online_hours is not None:
        online_ok = facts.online_minutes >= policy.min_online_hours * 60
        reasons.append(Reason("online", {"hours": hours_text(facts.online_minutes),
                                         "needed": policy.min_online_hours}, online_ok))
    assessment_ok = True
    pass_mark = policy.pass_mark
    if facts.passed is None:
        if policy.assessment_required:
            assessment_ok = False
            reasons.append(Reason("not_assessed", {}, False))
    else:
        assessment_ok = facts.passed
        reasons.append(Reason("passed" if facts.passed else "failed",
                              {"score": facts.score, "pass_mark": pass_mark if pass_mark
                               is not None else "—"}, facts.passed))
    finished = counts["upcoming"] == 0  # nobody completes a course before its last lesson
    if not finished and held and attendance_ok:  # else the attendance part says it already
        reasons.append(Reason("course_not_finished", {"upcoming": counts["upcoming"]}, False))
    completes = (held > 0 or not offline) and finished and attendance_ok and online_ok \
        and assessment_ok
    return CompletionResult(facts.trainee_id, completes, tuple(reasons), needed=needed, **counts)


def _count(policy: CompletionPolicy, counts: dict[str, int], stint: Stint, lesson: LessonFact,
           as_of: dt.date, first: bool) -> None:
    status = stint.attendance.get(lesson.lesson_id)
    if lesson.cancelled:
        counts["cancelled"] += 1
        return
    if not lesson.held(as_of):
        if stint.left is None or lesson.date < stint.left:
            counts["upcoming"] += 1
        return
    if lesson.online:  # counted by online study time, not by attendance
        counts["online_lessons"] += 1
        return
    came = status in (PRESENT, LATE)
    if not stint.covers(lesson.date) and not came:
        if lesson.date < stint.joined and first:
            counts["not_counted"] += 1  # a late joiner's earlier lessons (after a transfer,
            # the earlier lessons of the new class are covered by the old class's)
        return
    counts["held"] += 1
    if status == PRESENT:
        counts["present"] += 1
    elif status == LATE:
        counts["late"] += 1
    elif status == EXCUSED:
        counts["excused"] += 1
    else:
        counts["absent"] += 1
    if (status == PRESENT or (status == LATE and policy.late_counts_present)
            or (status == EXCUSED and policy.excused_counts_present)):
        counts["attended"] += 1
    if came:
        counts["attended_minutes"] += lesson.minutes


def evaluate_class(policy: CompletionPolicy, trainees: Iterable[TraineeFacts],
                   as_of: dt.date) -> tuple[CompletionResult, ...]:
    return tuple(evaluate(policy, facts, as_of) for facts in trainees)
