"""A trainee list enrolled in a class from a file: the trainee import's columns and checks
(io/importing.py), new people added to the trainees, then everyone enrolled through
services.enrolment — all in one transaction."""
from __future__ import annotations

import dataclasses
import datetime as dt
import os
from dataclasses import dataclass
from typing import Any

from trainer.errors import ValidationError
from trainer.io.importing import Problem, RejectedRow, preview_import, run_import
from trainer.io.reading import read_table
from trainer.services.enrolment import enrol_trainees, load_cohort
from trainer.services.trainee_import import trainee_ids_by_number
from trainer.services.uow import UnitOfWork


@dataclass(frozen=True)
class FileEnrolment:
    """A trainee list (the trainee import's columns) enrolled in a class: new people added to the
    trainees first, everyone accepted enrolled. `rejected`: the file's bad rows (plus rows
    without an ID number, which cannot be matched to a person)."""

    path: str
    headers: tuple[str, ...]
    rejected: tuple[RejectedRow, ...]
    created_trainees: int
    known_trainees: int
    result: Any  # services.enrolment.EnrolmentResult
    dry_run: bool = False


class _DryRun(Exception):
    def __init__(self, outcome: FileEnrolment) -> None:
        super().__init__()
        self.outcome = outcome


def enrol_from_file(uow: UnitOfWork, cohort_id: int, path: str | os.PathLike, *,
                    enterprise: str | int | None = None, enrolled_on: dt.date | None = None,
                    sheet: str | int | None = None, dry_run: bool = False) -> FileEnrolment:
    """One transaction: the file's new trainees created, then everyone enrolled (capacity and
    eligibility as enrol_trainees); a full class or a database error leaves nothing written.
    `dry_run` does it all and rolls back (it needs a transaction of its own)."""
    if dry_run and getattr(uow, "_depth", 0):
        raise RuntimeError("a dry run rolls back: call it outside an open unit of work")
    try:
        with uow:
            outcome = _enrol_from_file(uow, cohort_id, path, enterprise, enrolled_on, sheet,
                                       dry_run)
            if dry_run:
                raise _DryRun(outcome)
            return outcome
    except _DryRun as done:
        return done.outcome


def _enrol_from_file(uow, cohort_id, path, enterprise, enrolled_on, sheet,
                     dry_run) -> FileEnrolment:
    load_cohort(uow, cohort_id)
    preview = preview_import(uow, "trainees", path, enterprise=enterprise, sheet=sheet)
    columns = {f: c for c, f in preview.mapping.items()}
    no_id = [a for a in preview.accepted if not a.values.get("id_number")]
    table = read_table(path, sheet) if no_id else None
    rejected = list(preview.rejected) + [
        RejectedRow(a.row, tuple(table.rows[a.row - 1]), (Problem(a.row, columns.get("id_number"),
                                        preview.headers[columns["id_number"]]
                                        if "id_number" in columns else "",
                                        ValidationError("id_number", "required")),))
        for a in no_id]
    rejected.sort(key=lambda r: r.row)
    numbers = [a.values["id_number"] for a in preview.accepted if a.values.get("id_number")]
    known = sum(1 for d in preview.duplicates if d.existing_id is not None)
    created = 0
    if numbers:
        created = run_import(uow, _without(preview, no_id)).created
    ids = [d.existing_id for d in preview.duplicates if d.existing_id is not None]
    ids += trainee_ids_by_number(uow, numbers).values()
    result = enrol_trainees(uow, cohort_id, ids, enrolled_on=enrolled_on)
    return FileEnrolment(preview.path, preview.headers, tuple(rejected), created, known, result,
                         dry_run)


def _without(preview, rows) -> Any:
    drop = {r.row for r in rows}
    return dataclasses.replace(preview, accepted=tuple(a for a in preview.accepted
                                                       if a.row not in drop))
