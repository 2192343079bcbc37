"""Classes (培训班, Cohort) made from a training request: the request's workers split into
classes within the course's capacity and the venue's, each with a code and a name."""
from __future__ import annotations

import math

from sqlalchemy import and_, func, select

from trainer.db.models import Cohort, Course, Enterprise, TrainingRequest
from trainer.errors import NotFoundError, ValidationError
from trainer.texts import FIELDS
from trainer.rules.calendar import ScheduleFieldError
from trainer.rules.statuses import CohortStatus
from trainer.rules.text import clean_text
from trainer.services.common import get_row
from trainer.services.schedule_data import ClassRecord, load_classes, load_venues
from trainer.services.uow import UnitOfWork

FIELDS.setdefault("training_request", ("培训需求", "training request"))


def split_sizes(workers: int, *capacities: int | None) -> list[int]:
    """Class sizes for `workers` within every given capacity (None or 0: no limit), as even as
    possible, larger first: 130 within 60 → [44, 43, 43]."""
    limits = [c for c in capacities if c]
    limit = min(limits) if limits else workers
    count = max(1, math.ceil(workers / max(limit, 1)))
    base, extra = divmod(workers, count)
    return [base + (1 if i < extra else 0) for i in range(count)]


def create_classes(uow: UnitOfWork, request_id: int, venue_id: int | None = None
                   ) -> list[ClassRecord]:
    """Splits the training request into classes (Cohorts) within the course's capacity and the
    venue's: `venue_id`, else the enterprise's largest venue. Code `R<request>-<n>`, name
    "<enterprise> <course> <n>班". Refused when the request already has classes."""
    with uow:
        session, org = uow.session, uow.organization_id
        req = get_row(session, TrainingRequest, request_id, "training_request", org)
        existing = session.scalar(select(func.count()).where(Cohort.request_id == req.id))
        if existing:
            raise ScheduleFieldError("training_request", "has_classes", count=existing)
        course = session.get(Course, req.course_id)
        venues = load_venues(session, org)
        if venue_id is not None:
            if venue_id not in venues:
                raise ValidationError("venue", "unknown", value=venue_id)
            venue_capacity = venues[venue_id].capacity
        else:
            own = [v.capacity for v in venues.values() if v.enterprise_id == req.enterprise_id]
            venue_capacity = max(own) if own else None
        sizes = split_sizes(req.workers, course.capacity, venue_capacity)
        enterprise = session.scalar(select(Enterprise.name).where(
            Enterprise.id == req.enterprise_id)) or ""
        new_ids = []
        for n, size in enumerate(sizes, 1):
            name = f"{enterprise}{course.title}{n}班"  # office data: Chinese, whoever clicks
            row = Cohort(organization_id=org, course_id=course.id, request_id=req.id,
                         enterprise_id=req.enterprise_id, code=f"R{req.id}-{n}",
                         name=name[:100], capacity=size, status=CohortStatus.planned)
            session.add(row)
            session.flush()
            new_ids.append(row.id)
        classes = load_classes(session, org, Cohort.id.in_(new_ids))
        return [classes[i] for i in new_ids]


def list_classes(uow: UnitOfWork, *, request_id: int | None = None,
                 enterprise_id: int | None = None) -> list[ClassRecord]:
    conditions = []
    if request_id is not None:
        conditions.append(Cohort.request_id == request_id)
    if enterprise_id is not None:
        conditions.append(Cohort.enterprise_id == enterprise_id)
    with uow:
        found = load_classes(uow.session, uow.organization_id,
                             and_(*conditions) if conditions else None)
    return sorted(found.values(), key=lambda c: (c.code, c.id))


def get_class(uow: UnitOfWork, class_id: int) -> ClassRecord:
    """The one read of a class (inside a unit of work too: it reads what is flushed)."""
    with uow:
        found = load_classes(uow.session, uow.organization_id, Cohort.id == class_id)
    if class_id not in found:
        raise NotFoundError("cohort", class_id)
    return found[class_id]


def find_class(uow: UnitOfWork, ref: str | int) -> ClassRecord:
    """A class by its code or its id (as typed on the command line)."""
    text = clean_text(ref)
    with uow:
        found = load_classes(uow.session, uow.organization_id, Cohort.code == text)
        if not found and text.isdigit():
            found = load_classes(uow.session, uow.organization_id, Cohort.id == int(text))
    if not found:
        raise NotFoundError("cohort", text)
    return next(iter(found.values()))
