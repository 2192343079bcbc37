"""Who may join a class (招收范围): an enterprise's class takes its own workers; an open class
(open recruitment at a training centre, 面向社会招收) takes anyone, or only the trainee categories
chosen (下岗失业人员、困难职工…). Enrolment checks it (enrolment._refusal); this sets it. What a
person types is read by programmes.parse_categories, as for a programme."""
from __future__ import annotations

from typing import Sequence

from trainer.errors import ValidationError
from trainer.texts import TRAINEE_CATEGORIES, label, language
from trainer.services.common import check_version
from trainer.services.enrolment import load_cohort
from trainer.services.schedule_classes import get_class
from trainer.services.schedule_data import ClassRecord
from trainer.services.uow import UnitOfWork


def set_class_eligibility(uow: UnitOfWork, cohort_id: int, *, open_enrolment: bool,
                          categories: Sequence[str] = (),
                          expected_version: int | None, force: bool = False) -> ClassRecord:
    """Makes the class open (to anyone, or to `categories`: codes of TRAINEE_CATEGORIES) or
    its enterprise's own (categories cleared). Enrolments made already stay."""
    for code in categories:
        if code not in TRAINEE_CATEGORIES:
            raise ValidationError("category", "unknown", value=code)
    with uow:
        row = load_cohort(uow, cohort_id, lock=True)
        check_version(row, expected_version, "cohort", row.name, force=force)
        if not open_enrolment and row.enterprise_id is None:
            raise ValidationError("enterprise", "required")  # nobody's own class: it must be open
        row.open_enrolment = open_enrolment
        row.eligible_categories = ",".join(dict.fromkeys(categories)) if open_enrolment else ""
        uow.session.flush()
        uow.session.flush()
        return get_class(uow, row.id)


def eligibility_text(info: ClassRecord, lang: str | None = None) -> str:
    """Who may join, as a sentence: 面向社会招收：下岗失业人员、困难职工."""
    zh = (lang or language()) == "zh"
    if not info.open_enrolment:
        return (f"只招收{info.enterprise_name}的职工" if zh
                else f"only workers of {info.enterprise_name}")
    if not info.eligible_categories:
        return "面向社会招收，不限人员类别" if zh else "open to anyone"
    names = [label(TRAINEE_CATEGORIES, c, "zh" if zh else "en") for c in info.eligible_categories]
    return ("面向社会招收：" + "、".join(names)) if zh else ("open to: " + ", ".join(names))
