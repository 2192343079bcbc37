"""The statuses rows carry, one enum per kind. Members are `str`, so they compare equal to the
text stored in the database and go into queries as they are; each member's name is its value
(psycopg writes an Enum by its name), so a query binds the same text on SQLite and PostgreSQL."""
from __future__ import annotations

from enum import Enum


class LessonStatus(str, Enum):
    """A lesson: planned (the default), held, or cancelled (takes no lecturer, venue or
    trainee time and never counts towards completion)."""
    planned = "planned"
    held = "held"
    cancelled = "cancelled"

    def __str__(self) -> str:
        return self.value


class EnrolmentStatus(str, Enum):
    """A trainee in a class: active, moved to another class, or withdrawn."""
    active = "active"
    transferred = "transferred"
    withdrawn = "withdrawn"

    def __str__(self) -> str:
        return self.value


class CohortStatus(str, Enum):
    """A class (培训班): planned until it is cancelled."""
    planned = "planned"
    cancelled = "cancelled"

    def __str__(self) -> str:
        return self.value


class RequestStatus(str, Enum):
    """A training request (培训需求): open until its classes are made (planned), done, or
    cancelled. Only open requests are planned."""
    open = "open"
    planned = "planned"
    done = "done"
    cancelled = "cancelled"

    def __str__(self) -> str:
        return self.value
