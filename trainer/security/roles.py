"""Roles, what each may do, and which permission a write to each table needs.

Four roles (issue 8): an administrator manages users and settings and may do everything; a
training officer runs requests, classes, lessons, the calendar, certificates and the master
data, and also the clerk's work; a clerk keeps trainees, enrolments, attendance, assessments and
feedback; a viewer only reads. Two more actors are not stored: `system` (a database with no user
yet — first start, tests, the demo — runs unrestricted) and `anonymous` (nobody logged in to a
database that has users: read only)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

ROLES = ("admin", "officer", "clerk", "viewer")
ADMIN_ROLE = "admin"
SYSTEM, ANONYMOUS = "system", "anonymous"

# Permissions. Writing a table needs the permission TABLE_PERMISSIONS names; the others guard
# service functions (reveal, audit, backup, restore).
USERS, SETTINGS, MASTER_DATA, PLANNING, CERTIFICATES = ("users", "settings", "master_data",
                                                        "planning", "certificates")
TRAINEES, RECORDS, REVEAL, AUDIT, BACKUP, RESTORE = ("trainees", "records", "reveal", "audit",
                                                     "backup", "restore")
ALL = frozenset({USERS, SETTINGS, MASTER_DATA, PLANNING, CERTIFICATES, TRAINEES, RECORDS, REVEAL,
                 AUDIT, BACKUP, RESTORE})

_CLERK = frozenset({TRAINEES, RECORDS, REVEAL})
ROLE_PERMISSIONS: dict[str, frozenset[str]] = {
    "admin": ALL,
    "officer": _CLERK | {MASTER_DATA, PLANNING, CERTIFICATES, BACKUP},
    "clerk": _CLERK,
    "viewer": frozenset(),
    SYSTEM: ALL,
    ANONYMOUS: frozenset(),
}

TABLE_PERMISSIONS: dict[str, str] = {
    "users": USERS, "user_tokens": USERS,
    "organizations": SETTINGS,
    "settings": SETTINGS,  # refined by key below
    "enterprises": MASTER_DATA, "venues": MASTER_DATA, "themes": MASTER_DATA,
    "courses": MASTER_DATA, "lecturers": MASTER_DATA, "lecturer_themes": MASTER_DATA,
    "lecturer_unavailability": MASTER_DATA, "lecturer_availability": MASTER_DATA,
    "training_requests": PLANNING, "cohorts": PLANNING, "lessons": PLANNING,
    "calendar_overrides": PLANNING, "programmes": PLANNING, "programme_levels": PLANNING,
    "lesson_departures": PLANNING,
    "certificates": CERTIFICATES, "certificate_counters": CERTIFICATES,
    "certificate_keys": SETTINGS,  # making the office's signing key is the administrator's act
    "trainees": TRAINEES,
    "enrolments": RECORDS, "attendance": RECORDS, "assessments": RECORDS, "feedback": RECORDS,
    "online_study": RECORDS,
}
AUDIT_TABLE = "audit_log"  # appended to by the guard only; nobody may change it
CHANGE_FEED_TABLE = "change_feed"  # raised at every commit, whoever commits (db/change_feed.py)
SYSTEM_TABLES = frozenset({AUDIT_TABLE, CHANGE_FEED_TABLE})  # written by the system, not by people

# Settings belong to the area that uses them; anything else is the administrator's.
SETTING_PERMISSIONS: tuple[tuple[str, str], ...] = (
    ("schedule.", PLANNING), ("planner.", PLANNING), ("completion.", PLANNING),
    ("attendance.", PLANNING), ("certificate.", CERTIFICATES), ("pdf.", CERTIFICATES),
)
# Made by the program on first use, whoever happens to trigger it: creating them is allowed to
# every actor, changing them is not. (None since certificates are signed with a key the
# database does not hold — revision 0008.)
SYSTEM_MANAGED_SETTINGS: frozenset[str] = frozenset()
# Never written to the audit trail in clear.
SECRET_SETTINGS: frozenset[str] = frozenset()


def holds(role: str, permission: str) -> bool:
    return permission in ROLE_PERMISSIONS.get(role, frozenset())


def table_permission(table: str, values: dict[str, Any] | None = None,
                     action: str = "update") -> str | None:
    """The permission a write of `action` to `table` needs (values: the row's, for settings).
    None: allowed to every actor. Unknown tables need the administrator (tests list them)."""
    if table == "settings" and values is not None:
        key = str(values.get("key") or "")
        if action == "create" and key in SYSTEM_MANAGED_SETTINGS:
            return None
        for prefix, permission in SETTING_PERMISSIONS:
            if key.startswith(prefix):
                return permission
    return TABLE_PERMISSIONS.get(table, SETTINGS)


@dataclass(frozen=True)
class Actor:
    """Who is acting in a unit of work: a user (role from the users table), the system or
    nobody. `label` is what "changed by …" and the audit trail show."""

    role: str
    user_id: int | None = None
    username: str = ""
    display_name: str = ""
    organization_id: int | None = None

    def holds(self, permission: str) -> bool:
        return holds(self.role, permission)

    @property
    def label(self) -> str:
        return self.display_name or self.username

    @property
    def is_user(self) -> bool:
        return self.user_id is not None


SYSTEM_ACTOR = Actor(SYSTEM)
ANONYMOUS_ACTOR = Actor(ANONYMOUS)
