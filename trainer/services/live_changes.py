"""What other desks changed since this desk last looked: the live views' service (issue 15).

`ChangeWatcher(database).poll()` returns the kinds of data (table names) whose change counters
moved since the previous poll — committed by any desk: another process on the same SQLite file
or another PC on the PostgreSQL server (trainer/db/change_feed.py keeps the counters). A page
says which kinds it shows (PAGE_KINDS) and reloads when one of them moved.

On PostgreSQL `wait_for_notice` blocks on LISTEN until a writing transaction commits (NOTIFY),
so a desk learns of a change at once instead of at its next poll; the UI runs it on a thread.
"""
from __future__ import annotations

from trainer.db import change_feed
from trainer.db.engine import Database

# What each page of the main window shows, as the tables whose changes it must reload for.
PAGE_KINDS: dict[str, frozenset[str]] = {
    "enterprises": frozenset({"enterprises", "venues"}),
    "lecturers": frozenset({"lecturers", "lecturer_themes", "lecturer_unavailability",
                              "lecturer_availability"}),
    "courses": frozenset({"courses"}),
    "trainees": frozenset({"trainees", "enterprises"}),
    "requests": frozenset({"training_requests", "cohorts", "enterprises", "courses"}),
    "schedule": frozenset({"lessons", "cohorts", "lecturers", "venues", "calendar_overrides",
                           "lecturer_unavailability"}),
    "attendance": frozenset({"attendance", "enrolments", "lessons", "assessments",
                             "online_study"}),
    "certificates": frozenset({"certificates", "enrolments", "assessments"}),
    "programmes": frozenset({"programmes", "programme_levels", "cohorts", "enrolments"}),
    "reports": frozenset({"attendance", "enrolments", "assessments", "lessons", "cohorts",
                          "feedback"}),
}


class ChangeWatcher:
    """Polls the change counters of one database (one cheap SELECT a poll)."""

    def __init__(self, database: Database, *, own_too: bool = False) -> None:
        self.database = database
        self.own_too = own_too  # False: the desk's own commits are not news to it
        self._seen = self._read()
        self._own_seen = change_feed.own_commits(database.engine)

    def _read(self) -> dict[str, int]:
        with self.database.engine.connect() as conn:
            return change_feed.counters(conn)

    def poll(self) -> set[str]:
        """The kinds other desks changed since the last poll (with own_too: anyone)."""
        own = change_feed.own_commits(self.database.engine)
        now = self._read()
        changed = set()
        for kind, counter in now.items():
            raised = counter - self._seen.get(kind, 0)
            by_me = 0 if self.own_too else own.get(kind, 0) - self._own_seen.get(kind, 0)
            if raised > by_me:
                changed.add(kind)
        self._seen, self._own_seen = now, own
        return changed

    def wait_for_notice(self, timeout: float) -> bool:
        """PostgreSQL: True as soon as a change is committed (NOTIFY), False after `timeout`
        seconds without one. SQLite has no notices: waits nothing and says False."""
        if self.database.is_sqlite:
            return False
        if getattr(self, "_listener", None) is None:
            import psycopg

            url = self.database.engine.url.set(drivername="postgresql")
            self._listener = psycopg.connect(url.render_as_string(hide_password=False),
                                             autocommit=True)
            self._listener.execute(f"LISTEN {change_feed.CHANNEL}")
        for _notice in self._listener.notifies(timeout=timeout, stop_after=1):
            return True
        return False

    def close(self) -> None:
        listener = getattr(self, "_listener", None)
        if listener is not None:
            self._listener = None
            listener.close()
