"""Bulk enrolment (批量报名): a whole choice of trainees — ticked in the dialog, everyone matching
a search, an enterprise's whole roster, or the people a list file names — checked for a class
at once and enrolled in one transaction.

The check says, before anything is written, who gets a place and who does not and why: not
eligible (category, enterprise), transferred out before, unknown, already in the class, or the
class full after K places (places go in the order of the choice: the file's order, the roster's
by name). `enrol_bulk` then writes exactly what the check says, under a lock on the class, so
two desks enrolling at once cannot overfill it."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Iterable, Mapping, Sequence

from sqlalchemy import select

from trainer.db.models import Enrolment, Enterprise, Trainee
from trainer.texts import language, pick
from trainer.rules.completion import ACTIVE, TRANSFERRED
from trainer.security.personal import require_reveal_for_lookup
from trainer.services.enrolment import (Refusal, _refusal, _trainees_by_id, active_count, admit,
                                        load_cohort, sort_choice)
from trainer.services.uow import UnitOfWork

if TYPE_CHECKING:
    from trainer.io.person_lists import ListedPerson

Progress = Callable[[int, int], None]  # (done, total); raising from it stops, nothing written

# Why a row of a list file names nobody to enrol.
LIST_PROBLEMS: dict[str, tuple[str, str]] = {
    "not_found": ("没有这名学员：{text}", "no such trainee: {text}"),
    "ambiguous": ("同名学员 {count} 人，请在名单中写身份证号：{text}",
                  "{count} trainees have this name; give the ID number in the list: {text}"),
    "name_mismatch": ("身份证号属于“{other}”，与名单上的姓名“{name}”不符",
                      "the ID number belongs to “{other}”, not “{name}” as the list says"),
}


@dataclass(frozen=True)
class ListProblem:
    row: int
    reason: str  # a code of LIST_PROBLEMS
    params: Mapping[str, object]

    def message(self, lang: str | None = None) -> str:
        lang = lang or language()
        text = pick(LIST_PROBLEMS[self.reason], lang).format(**self.params)
        return (f"第 {self.row} 行：{text}" if lang == "zh" else f"row {self.row}: {text}")


@dataclass(frozen=True)
class Placed:
    trainee_id: int
    name: str


@dataclass(frozen=True)
class BulkEnrolment:
    """A choice checked (written=False) or enrolled (written=True) for one class."""

    cohort_id: int
    cohort_name: str
    capacity: int
    taken_before: int  # active enrolments before this choice
    enrolled: tuple[Placed, ...]  # who gets (got) a place, in the order of the choice
    already: tuple[Placed, ...]  # in the class already
    refused: tuple[Refusal, ...]  # not eligible, transferred out, unknown, class full
    unmatched: tuple[ListProblem, ...] = ()  # rows of a list file naming nobody
    written: bool = False

    @property
    def seats_left(self) -> int:
        return max(0, self.capacity - self.taken_before - len(self.enrolled))

    @property
    def not_enrolled(self) -> int:
        """How many of the choice do not get a place (already in the class included)."""
        return len(self.already) + len(self.refused) + len(self.unmatched)

    def summary(self, lang: str | None = None) -> str:
        """One sentence: 报名 58 人，未报名 4 人（已在班 1 人），剩余名额 2 个。"""
        lang = lang or language()
        n, m, a = len(self.enrolled), self.not_enrolled, len(self.already)
        if lang == "zh":
            verb = "已报名" if self.written else "可报名"
            extra = f"（其中已在班 {a} 人）" if a else ""
            return f"{self.cohort_name}：{verb} {n} 人，未报名 {m} 人{extra}，剩余名额 {self.seats_left} 个。"
        verb = "enrolled" if self.written else "can enrol"
        extra = f" ({a} already in the class)" if a else ""
        return (f"{self.cohort_name}: {verb} {n}, not enrolled {m}{extra}, "
                f"{self.seats_left} places left.")

    def reasons(self, lang: str | None = None) -> list[str]:
        """One line per person or row not enrolled, with why."""
        lang = lang or language()
        lines = [p.message(lang) for p in self.unmatched]
        lines += [r.message(lang) for r in self.refused]
        already = pick(("已在本班", "is in this class already"), lang)
        lines += [f"{p.name}：{already}" if lang == "zh" else f"{p.name}: {already}"
                  for p in self.already]
        return lines


def _bulk(uow: UnitOfWork, cohort_id: int, ids: Sequence[int], unmatched, *, write: bool,
          enrolled_on: dt.date | None, progress: Progress | None) -> BulkEnrolment:
    ids = list(dict.fromkeys(int(i) for i in ids))
    total = len(ids) or 1
    with uow:
        cohort = load_cohort(uow, cohort_id, lock=write)
        sorting = sort_choice(uow, cohort, ids)
        if progress is not None:
            progress(total // 2, total)
        taken = active_count(uow, cohort_id)
        free = max(0, cohort.capacity - taken)
        placed, over = sorting.joining[:free], sorting.joining[free:]
        order = {trainee_id: n for n, trainee_id in enumerate(ids)}
        full = [Refusal(t.id, t.name, "class_full",
                        {"capacity": cohort.capacity, "places": len(placed)}) for t in over]
        refused = sorted(sorting.refused + full, key=lambda r: order.get(r.trainee_id, 0))
        names = {t.id: t.name for t in sorting.joining}
        already = _names(uow, sorting.already)
        if write:
            for start in range(0, len(placed), 500):
                admit(uow, cohort_id, placed[start:start + 500], sorting.existing, enrolled_on)
                if progress is not None:
                    progress(total // 2 + (start + 500) * (total - total // 2) // max(
                        len(placed), 1), total)
        if progress is not None:
            progress(total, total)
        return BulkEnrolment(cohort.id, cohort.name, cohort.capacity, taken,
                             tuple(Placed(t.id, names[t.id]) for t in placed),
                             tuple(Placed(i, already[i]) for i in sorting.already),
                             tuple(refused), tuple(unmatched), write)


def _names(uow: UnitOfWork, ids: Sequence[int]) -> dict[int, str]:
    return {i: t.name for i, t in _trainees_by_id(uow, list(ids)).items()}


def check_bulk(uow: UnitOfWork, cohort_id: int, trainee_ids: Iterable[int], *,
               unmatched: Sequence[ListProblem] = (),
               progress: Progress | None = None) -> BulkEnrolment:
    """What enrolling the choice would do; writes nothing."""
    return _bulk(uow, cohort_id, list(trainee_ids), unmatched, write=False, enrolled_on=None,
                 progress=progress)


def enrol_bulk(uow: UnitOfWork, cohort_id: int, trainee_ids: Iterable[int], *,
               unmatched: Sequence[ListProblem] = (), enrolled_on: dt.date | None = None,
               progress: Progress | None = None) -> BulkEnrolment:
    """Enrols those of the choice who may join, up to the free places, in one transaction (the
    class locked meanwhile); the answer says who got a place and who did not and why. If
    `progress` raises, nothing is written."""
    return _bulk(uow, cohort_id, list(trainee_ids), unmatched, write=True,
                 enrolled_on=enrolled_on, progress=progress)


# --- where a choice comes from ---------------------------------------------------------------

def matching_ids(uow: UnitOfWork, search: str, *, enterprise_id: int | None = None,
                 cap: int = 100_000) -> list[int]:
    """Everyone the Trainees page's search finds for `search` (optionally within one
    enterprise), in its order, read batch by batch; at most `cap`."""
    from trainer.services.trainees import page_trainees

    ids: list[int] = []
    cursor = None
    while len(ids) < cap:
        page = page_trainees(uow, search, enterprise_id=enterprise_id, limit=1000, cursor=cursor)
        ids += [r.id for r in page.records]
        cursor = page.cursor
        if cursor is None:
            break
    return ids[:cap]


def list_ids(uow: UnitOfWork, entries: Sequence[ListedPerson]
             ) -> tuple[list[int], list[ListProblem]]:
    """The trainees a list file names (services.person_lists' entries): by ID number when the
    row gives one (the name, if given too, must be that person's), else by exact name (two
    people of that name: the row is refused, asking for the ID number)."""
    ids: list[int] = []
    problems: list[ListProblem] = []
    with uow:
        s = uow.session
        numbers = sorted({e.id_number for e in entries if e.id_number})
        by_number: dict[str, tuple[int, str]] = {}
        if numbers:
            require_reveal_for_lookup(uow)  # a masked role may not confirm guessed numbers
            for start in range(0, len(numbers), 500):
                by_number.update((n, (i, name)) for i, n, name in s.execute(
                    select(Trainee.id, Trainee.id_number, Trainee.name).where(
                        Trainee.organization_id == uow.organization_id,
                        Trainee.id_number.in_(numbers[start:start + 500]))))
        names = sorted({e.name for e in entries if e.name and not e.id_number})
        by_name: dict[str, list[int]] = {}
        for start in range(0, len(names), 500):
            for i, name in s.execute(select(Trainee.id, Trainee.name).where(
                    Trainee.organization_id == uow.organization_id,
                    Trainee.name.in_(names[start:start + 500])).order_by(Trainee.id)):
                by_name.setdefault(name, []).append(i)
    for e in entries:
        if e.id_number:
            found = by_number.get(e.id_number)
            if found is None:
                problems.append(ListProblem(e.row, "not_found", {"text": e.text}))
            elif e.name and e.name != found[1]:
                problems.append(ListProblem(e.row, "name_mismatch",
                                            {"other": found[1], "name": e.name}))
            else:
                ids.append(found[0])
            continue
        people = by_name.get(e.name, [])
        if len(people) == 1:
            ids.append(people[0])
        else:
            problems.append(ListProblem(e.row, "ambiguous" if people else "not_found",
                                        {"text": e.text, "count": len(people)}))
    return ids, problems


# --- the dialog's list of trainees -----------------------------------------------------------

ANY_ENTERPRISE = 0  # enterprise_id meaning: everyone, whatever their enterprise


@dataclass(frozen=True)
class Candidate:
    """A trainee offered for a class's multi-select: already in it, or why they cannot join."""

    trainee_id: int
    name: str
    enterprise_name: str
    id_tail: str
    category: str
    enrolled: bool
    refusal: Refusal | None  # None: can be enrolled


def enrolment_candidates(uow: UnitOfWork, cohort_id: int, *, enterprise_id: int | None = None,
                         search: str = "", limit: int = 500) -> list[Candidate]:
    """Trainees to offer in the class's enrol dialog: the enterprise's roster (by default the
    class's own enterprise; ANY_ENTERPRISE: everyone), filtered by `search` (name, pinyin initials, ID or mobile digits),
    each saying whether they are in the class already or why they cannot join."""
    from trainer.services.trainees import list_trainees

    with uow:
        cohort = load_cohort(uow, cohort_id)
        enterprise = enterprise_id if enterprise_id is not None else cohort.enterprise_id
        enterprise = None if enterprise == ANY_ENTERPRISE else enterprise
        records = list_trainees(uow, search, enterprise_id=enterprise, limit=limit)
        ids = [r.id for r in records]
        status = dict(uow.session.execute(select(Enrolment.trainee_id, Enrolment.status).where(
            Enrolment.cohort_id == cohort_id, Enrolment.trainee_id.in_(ids))).all()) if ids else {}
        rows = _trainees_by_id(uow, ids)
        own = uow.session.get(Enterprise, cohort.enterprise_id) if cohort.enterprise_id else None
        out = []
        for r in records:
            refusal = (Refusal(r.id, r.name, "left_class") if status.get(r.id) == TRANSFERRED
                       else _refusal(cohort, own.name if own else "", rows[r.id]))
            out.append(Candidate(r.id, r.name, r.enterprise_name, r.id_number[-4:], r.category,
                                 status.get(r.id) == ACTIVE, refusal))
        return out
