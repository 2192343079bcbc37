"""The applicants' list of an open-recruitment programme (报名表: 姓名, 身份证号, 手机号, 人员类别,
报名等级, 已持证) read as an import kind, "applicants": the trainee import's reading and
cleaning (typed cells, 18-digit ID rules, a number-stored ID refused, never guessed) plus the
level applied for and whether the person already holds the certificate. Placing the rows in
classes is services/applications.py."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from trainer.errors import InvalidInput, ValidationError
from trainer.io.adapters import ADAPTERS, TraineeAdapter, _text
from trainer.io.reading import Cell
from trainer.rules import fields
from trainer.rules.fields import FieldCheck
from trainer.rules.text import clean_text
from trainer.services import trainees

@dataclass(frozen=True)
class ApplicantForm:
    trainee: trainees.TraineeForm  # its holds_certificate: the 已持证 column
    level: Cell = None
    id_lost: bool = False  # the ID was stored as a number: refused for that, not as missing


def clean_applicant(form: ApplicantForm) -> dict:
    """The trainee's values (an unknown category kept as written: it is then not eligible)
    plus `level` (as written, cleaned) and `holds_certificate`; the ID number is required (a
    person is matched by it, and never guessed)."""
    check = FieldCheck()
    try:
        values = trainees.clean_trainee(form.trainee, keep_unknown_category=True)
    except InvalidInput as exc:
        check.errors.extend(exc.errors)
        values = {}
    if not clean_text(form.trainee.id_number) and not form.id_lost and not any(
            e.field == "id_number" for e in check.errors):
        check.add(ValidationError("id_number", "required"))
    level = check(fields.text, _text(form.level) if form.level is not None else "", "level",
                  max_len=20)
    check.raise_if_any()
    values["level"] = level
    values.setdefault("holds_certificate", False)  # no 已持证 column: not known to hold one
    return values


class ApplicantAdapter(TraineeAdapter):
    kind = "applicants"
    form_type = ApplicantForm
    columns = {**TraineeAdapter.columns, "level": ()}

    def __init__(self, uow, enterprise_id: int | None, values=None) -> None:
        super().__init__(uow, enterprise_id, values)
        self.clean = clean_applicant

    def form(self, texts: dict[str, Cell], check: FieldCheck) -> Any:
        trainee = super().form(texts, check)
        lost = any(e.reason == "numeric_identifier" for e in check.errors)
        return ApplicantForm(trainee, texts.get("level"), lost)

    def write(self, uow, rows: list, on_duplicate: str,
              report: Callable[[int], None]) -> tuple[int, int, int]:
        """As trainees (the level is the enrolment's, not the person's)."""
        from trainer.io.importing import AcceptedRow
        plain = [AcceptedRow(r.row, {k: v for k, v in r.values.items() if k != "level"},
                             r.given - {"level"}, None, r.existing_id) for r in rows]
        return super().write(uow, plain, on_duplicate, report)


ADAPTERS.setdefault(ApplicantAdapter.kind, ApplicantAdapter)
