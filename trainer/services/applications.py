"""Applications → classes: the applicants' list (报名表) of an open-recruitment programme read
with the trainee import's reading and cleaning (import kind "applicants", io/applicants.py),
then each row decided in file order:

- a row the import refuses (a bad or number-stored ID number, a repeat of another row with
  other values…) is refused with the import's own sentence;
- a row identical to an earlier one is the same person applying twice: refused;
- a person already in any class of the programme (matched by ID number) is refused;
- a category the programme does not take is refused (the category written on the list: the
  application is what the office judges; the person's record is not changed);
- the level: as written (blank: the first level, 初级). Someone who already holds the
  certificate (the list's 已持证 column, or the trainee's record) and applied for the first
  level is put in the next level (等级提升) when the programme offers one, else refused — the
  documented choice: the plan sends holders to the level-raising course;
- placed in the first class of that level (by month, then number) with a free place; none
  left: refused.

`preview_applications` decides and writes nothing (the CLI's --dry-run, the import wizard's
preview); `enrol_applications` writes a preview in one transaction — new people created,
holders recorded (the certificate flag is only ever set, from the list), everyone placed
enrolled with their level — and is refused when the programme's classes changed meanwhile."""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping

from sqlalchemy import func, select

from trainer.db.models import Cohort, Enrolment, Programme, Trainee
from trainer.io import applicants as _applicants  # noqa: F401 - registers the import kind
from trainer.texts import TRAINEE_CATEGORIES, label, language, pick
from trainer.rules.completion import ACTIVE
from trainer.rules.text import clean_text
from trainer.services.programmes import ProgrammeError, ProgrammeRecord, get_programme
from trainer.services.uow import UnitOfWork

REFUSALS: dict[str, tuple[str, str]] = {
    "not_eligible": ("人员类别“{category}”不在本项目招收范围（{eligible}）内",
                     "category “{category}” is not one this programme takes ({eligible})"),
    "already_enrolled": ("已在本项目的“{class_name}”报名", "is enrolled in this programme "
                         "already ({class_name})"),
    "duplicate_in_file": ("与第 {row} 行是同一人，重复报名", "is the same person as row {row} "
                          "(applied twice)"),
    "no_place": ("“{level}”各班均已满员，没有空位", "no place left in any “{level}” class"),
    "level_unknown": ("报名等级“{level}”本项目没有（可报：{levels}）",
                      "level “{level}” is not offered by this programme ({levels})"),
    "holder_no_raising": ("已持有证书，不能再报“{level}”，本项目没有等级提升班",
                          "already holds the certificate, so cannot take “{level}” again, and "
                          "this programme has no level-raising class"),
    "bad_row": ("{message}", "{message}"),
}
PLACED = ("编入{class_code}（{level}）", "placed in {class_code} ({level})")
MOVED_UP = ("已持证，由“{applied}”改报“{level}”，编入{class_code}",
            "holds the certificate: “{applied}” → “{level}”, placed in {class_code}")


@dataclass(frozen=True)
class ApplicantRow:
    row: int  # spreadsheet row number
    name: str
    id_tail: str  # the last four characters of the ID number
    category: str  # a code of TRAINEE_CATEGORIES, or the file's own word
    applied_level: str  # as written
    level: str  # the level given ("" when refused before one was decided)
    class_id: int | None = None  # None: refused
    class_code: str = ""
    trainee_id: int | None = None  # the person already in the database (None: new)
    holds_certificate: bool = False
    reason: str = ""  # a code of REFUSALS; "" when placed
    params: Mapping[str, Any] = field(default_factory=dict)
    problem: Any = None  # the import's RejectedRow, for "bad_row"
    moved_from: str = ""  # a certificate holder placed in the next level: the level applied for

    @property
    def placed(self) -> bool:
        return self.class_id is not None

    @property
    def moved_up(self) -> bool:
        return self.placed and bool(self.moved_from)

    def reason_text(self, lang: str | None = None) -> str:
        lang = lang or language()
        if self.reason == "bad_row" and self.problem is not None:
            return self.problem.message(lang)
        if not self.reason:
            return pick(MOVED_UP if self.moved_up else PLACED, lang).format(
                applied=self.moved_from, level=self.level, class_code=self.class_code)
        params = dict(self.params)
        if "levels" in params:
            params["levels"] = ("、" if lang == "zh" else ", ").join(params["levels"])
        if "category" in params:
            params["category"] = label(TRAINEE_CATEGORIES, str(params["category"]), lang)
        if "eligible" in params:
            params["eligible"] = ("、" if lang == "zh" else ", ").join(
                label(TRAINEE_CATEGORIES, c, lang) for c in params["eligible"])
        return pick(REFUSALS[self.reason], lang).format(**params)

    def message(self, lang: str | None = None) -> str:
        """Located: "第 12 行：王芳，人员类别…" / "row 12: 王芳: category …"."""
        lang = lang or language()
        text = self.reason_text(lang)
        if lang == "zh":
            return f"第 {self.row} 行：" + (f"{self.name}，{text}" if self.name else text)
        return f"row {self.row}: " + (f"{self.name}: {text}" if self.name else text)


@dataclass(frozen=True)
class ApplicationPreview:
    programme_id: int
    programme_name: str
    path: str
    sheet: str
    header_row: int
    headers: tuple[str, ...]
    mapping: dict[int, str]  # column index → field of the "applicants" kind
    rows: tuple[ApplicantRow, ...]  # every data row, in file order
    notes: tuple[str, ...]  # what the import says about the file (hidden rows, merges…)
    fingerprint: tuple  # the programme's enrolments when previewed (refused if changed)
    accepted: Mapping[int, Any] = field(default_factory=dict)  # row → the import's AcceptedRow
    unknown_values: tuple = ()  # the import's UnknownValue list (the wizard's values page)
    value_map: Mapping[str, Mapping[str, str]] = field(default_factory=dict)  # applied
    refused_cells: Mapping[int, tuple] = field(default_factory=dict)  # row → its cells as read

    @property
    def enrolled(self) -> tuple[ApplicantRow, ...]:
        return tuple(r for r in self.rows if r.placed)

    @property
    def refused(self) -> tuple[ApplicantRow, ...]:
        return tuple(r for r in self.rows if not r.placed)

    @property
    def new_people(self) -> int:
        return sum(1 for r in self.enrolled if r.trainee_id is None)

    @property
    def by_class(self) -> dict[int, int]:
        out: dict[int, int] = {}
        for r in self.enrolled:
            out[r.class_id] = out.get(r.class_id, 0) + 1
        return out

    def by_level(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for r in self.enrolled:
            out[r.level] = out.get(r.level, 0) + 1
        return out


@dataclass(frozen=True)
class ApplicationResult:
    enrolled: int
    refused: int
    created: int  # new trainees
    holders_recorded: int  # existing trainees now recorded as holding the certificate
    by_class: dict[int, int]


Progress = Callable[[int, int], Any]


def _fingerprint(uow: UnitOfWork, programme_id: int) -> tuple:
    s = uow.session
    version = s.scalar(select(Programme.version).where(Programme.id == programme_id))
    count, last = s.execute(select(func.count(), func.max(Enrolment.id)).join(
        Cohort, Cohort.id == Enrolment.cohort_id).where(
        Cohort.programme_id == programme_id)).one()
    return version, count or 0, last or 0


def _in_programme(uow: UnitOfWork, programme_id: int) -> dict[int, str]:
    """trainee id → the class (name) they are in, any status, for everyone in the programme."""
    return dict(uow.session.execute(select(Enrolment.trainee_id, Cohort.name).join(
        Cohort, Cohort.id == Enrolment.cohort_id).where(Cohort.programme_id == programme_id)
        .order_by(Enrolment.id)).all())


def _holders(uow: UnitOfWork, ids: list[int]) -> set[int]:
    out: set[int] = set()
    for start in range(0, len(ids), 500):
        out.update(uow.session.scalars(select(Trainee.id).where(
            Trainee.id.in_(ids[start:start + 500]), Trainee.holds_certificate.is_(True))))
    return out


def level_for(programme: ProgrammeRecord, written: str) -> str | None:
    """The programme's level a written level means: blank → the first; the level's name, or a
    text holding it (母婴护理初级 → 初级); None when none matches."""
    text = clean_text(written)
    names = [lv.level for lv in programme.levels]
    if not text:
        return names[0] if names else None
    if text in names:
        return text
    found = [n for n in names if n in text or text in n]
    return found[0] if len(found) == 1 else None


def preview_applications(uow: UnitOfWork, programme_id: int, path: str | os.PathLike, *,
                         sheet: str | int | None = None, mapping: Mapping[int, str] | None = None,
                         header_row: int | None = None, include_hidden: bool = False,
                         value_map: Mapping[str, Mapping[str, str]] | None = None
                         ) -> ApplicationPreview:
    """Reads the list and decides every row (module docstring); writes nothing. Raises
    ImportFileError / UnreadableFileError when the file cannot be read at all."""
    from trainer.io.importing import preview_import
    from trainer.io.preview_notes import preview_notes

    with uow:
        programme = get_programme(uow, programme_id)
        imported = preview_import(uow, "applicants", path, mapping=mapping,
                                  header_row=header_row, on_duplicate="update", sheet=sheet,
                                  include_hidden=include_hidden, value_map=value_map)
        fingerprint = _fingerprint(uow, programme_id)
        taken = _in_programme(uow, programme_id)
        holders = _holders(uow, sorted({r.existing_id for r in imported.accepted
                                        if r.existing_id is not None}))
    rows = _decide(programme, imported, taken, holders)
    return ApplicationPreview(
        programme.id, programme.name, imported.path, imported.sheet, imported.header_row,
        imported.headers, imported.mapping, tuple(rows), tuple(preview_notes(imported)),
        fingerprint, {r.row: r for r in imported.accepted}, imported.unknown_values,
        imported.value_map, _cells_of_refused(imported, rows))


def _cells_of_refused(imported, rows: list[ApplicantRow]) -> dict[int, tuple]:
    """The refused rows' cells as the file has them (the sheet read again when a row was
    refused after the import accepted it: the import keeps no cells of accepted rows)."""
    from trainer.io.reading import read_table

    out = {r.row: r.problem.cells for r in rows if r.problem is not None}
    wanted = [r.row for r in rows if not r.placed and r.row not in out]
    if wanted:
        table = read_table(imported.path, imported.sheet)
        out.update((n, tuple(table.rows[n - 1])) for n in wanted if n <= len(table.rows))
    return out


@dataclass(frozen=True)
class RefusedRow:
    """A refused applicant's row for io.workbooks.write_rejects: its cells as written, the
    import's problems (their columns marked) and the reason in the language asked for."""
    row: int
    cells: tuple
    problems: tuple
    applicant: ApplicantRow

    def message(self, lang: str | None = None) -> str:
        return self.applicant.reason_text(lang)


@dataclass(frozen=True)
class RefusedRows:
    path: str
    headers: tuple[str, ...]
    rejected: tuple[RefusedRow, ...]


def refused_rows(preview: ApplicationPreview) -> RefusedRows:
    """The refused rows to send back to the applicants' office:
    write_rejects(refused_rows(preview), path) — the trainee import's rejects workbook."""
    return RefusedRows(preview.path, preview.headers, tuple(
        RefusedRow(r.row, tuple(preview.refused_cells.get(r.row, ())),
                   r.problem.problems if r.problem is not None else (), r)
        for r in preview.refused))


def _decide(programme: ProgrammeRecord, imported, taken: dict[int, str],
            holders: set[int]) -> list[ApplicantRow]:
    free = {c.id: c.free for c in programme.classes}
    classes = {lv.level: [c for c in programme.classes if c.level == lv.level]
               for lv in programme.levels}
    eligible = programme.eligible_categories
    levels = [lv.level for lv in programme.levels]
    out: list[ApplicantRow] = []
    for r in imported.rejected:
        out.append(ApplicantRow(r.row, "", "", "", "", "", reason="bad_row", problem=r))
    for d in imported.duplicates:
        out.append(ApplicantRow(d.row, "", (d.key or "")[-4:], "", "", "",
                                reason="duplicate_in_file", params={"row": d.first_row}))
    for a in imported.accepted:
        v = a.values
        holds = bool(v["holds_certificate"]) or a.existing_id in holders
        base = dict(row=a.row, name=v["name"], id_tail=(v["id_number"] or "")[-4:],
                    category=v["category"], applied_level=v["level"], level="",
                    trainee_id=a.existing_id, holds_certificate=holds)
        level = level_for(programme, v["level"])
        if a.existing_id is not None and a.existing_id in taken:
            out.append(ApplicantRow(**base, reason="already_enrolled",
                                    params={"class_name": taken[a.existing_id]}))
        elif eligible and v["category"] not in eligible:
            out.append(ApplicantRow(**base, reason="not_eligible",
                                    params={"category": v["category"], "eligible": eligible}))
        elif level is None:
            out.append(ApplicantRow(**base, reason="level_unknown", params={
                "level": v["level"], "levels": tuple(levels)}))
        elif holds and level == levels[0] and len(levels) < 2:
            out.append(ApplicantRow(**base, reason="holder_no_raising", params={"level": level}))
        else:
            if holds and level == levels[0]:
                base["moved_from"], level = level, levels[1]
            base["level"] = level
            place = next((c for c in classes[level] if free[c.id] > 0), None)
            if place is None:
                out.append(ApplicantRow(**base, reason="no_place", params={"level": level}))
            else:
                free[place.id] -= 1
                out.append(ApplicantRow(**base, class_id=place.id, class_code=place.code))
    out.sort(key=lambda r: r.row)
    return out


def enrol_applications(uow: UnitOfWork, preview: ApplicationPreview, *,
                       progress: Progress | None = None) -> ApplicationResult:
    """Writes the preview in one transaction: new trainees (bulk, as the trainee import),
    existing ones recorded as holders when the list says so, every placed row enrolled in its
    class with its level (enrolled on the class's first lesson day). Refused
    (ProgrammeError "outdated"), nothing written, when the programme or its enrolments changed
    since the preview; if `progress` raises, nothing is written either."""
    from trainer.io.applicants import ApplicantAdapter
    from trainer.services.enrolment import default_enrolled_on
    from trainer.services.trainee_import import trainee_ids_by_number

    placed = preview.enrolled
    total = len(placed)

    def report(done: int) -> None:
        if progress is not None:
            progress(done, total)

    with uow:
        s = uow.session
        ids = [c.id for c in get_programme(uow, preview.programme_id).classes]
        for cohort in s.scalars(select(Cohort).where(Cohort.id.in_(ids)).with_for_update()):
            pass  # the classes locked: a second desk's enrolment waits for this one
        if _fingerprint(uow, preview.programme_id) != preview.fingerprint:
            raise ProgrammeError("outdated", name=preview.programme_name)
        report(0)
        new_rows = [preview.accepted[r.row] for r in placed if r.trainee_id is None]
        created = ApplicantAdapter(uow, None).write(uow, new_rows, "skip", lambda _n: None)[0]
        numbers = {r.row: preview.accepted[r.row].values["id_number"] for r in placed}
        person = trainee_ids_by_number(uow, numbers.values())
        holders = [r.trainee_id for r in placed if r.trainee_id is not None
                   and preview.accepted[r.row].values["holds_certificate"]]
        recorded = 0
        for trainee in _rows(uow, holders):
            if not trainee.holds_certificate:
                trainee.holds_certificate = True
                recorded += 1
        days: dict[int, dt.date] = {}
        for done, r in enumerate(placed, 1):
            if r.class_id not in days:
                days[r.class_id] = default_enrolled_on(uow, r.class_id)
            s.add(Enrolment(cohort_id=r.class_id, trainee_id=person[numbers[r.row]],
                            enrolled_on=days[r.class_id], status=ACTIVE, level=r.level))
            if done % 200 == 0:
                s.flush()
                report(done)
        s.flush()
        report(total)
    return ApplicationResult(total, len(preview.refused), created, recorded, preview.by_class)


def _rows(uow: UnitOfWork, ids: list[int]) -> list[Trainee]:
    out: list[Trainee] = []
    for start in range(0, len(ids), 500):
        out.extend(uow.session.scalars(select(Trainee).where(Trainee.id.in_(ids[start:start + 500]))))
    return out
