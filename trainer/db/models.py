"""The data model: one class per glossary entry (docs/architecture.md, DESIGN.md §2)."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import (BigInteger, Boolean, CheckConstraint, Column, Date, DateTime, ForeignKey, Index,
                        Integer, String, Table, Text, Time, UniqueConstraint, false, text)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from trainer.db.base import Base, Timestamped, Versioned

Str = String  # lengths below are generous limits, checked again by the services


class Organization(Versioned, Base):
    """A union office that runs training; its name prints on certificates."""
    __tablename__ = "organizations"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(Str(100), unique=True)
    short_name: Mapped[str] = mapped_column(Str(50), default="")
    address: Mapped[str] = mapped_column(Str(200), default="")
    phone: Mapped[str] = mapped_column(Str(30), default="")
    certificate_prefix: Mapped[str] = mapped_column(Str(20), default="")


class Enterprise(Versioned, Base):
    __tablename__ = "enterprises"
    __table_args__ = (UniqueConstraint("organization_id", "name"),
                      UniqueConstraint("organization_id", "credit_code"))
    id: Mapped[int] = mapped_column(primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)
    name: Mapped[str] = mapped_column(Str(100))
    name_initials: Mapped[str] = mapped_column(Str(100), default="", server_default="")
    credit_code: Mapped[str | None] = mapped_column(Str(18))
    district: Mapped[str] = mapped_column(Str(50), default="", index=True)
    park: Mapped[str] = mapped_column(Str(100), default="")
    industry: Mapped[str] = mapped_column(Str(50), default="")
    address: Mapped[str] = mapped_column(Str(200), default="")
    contact_name: Mapped[str] = mapped_column(Str(50), default="")
    contact_phone: Mapped[str] = mapped_column(Str(30), default="")
    headcount: Mapped[int] = mapped_column(Integer, default=0)
    notes: Mapped[str] = mapped_column(Text, default="")
    venues: Mapped[list[Venue]] = relationship(back_populates="enterprise",
                                               order_by="Venue.name")


class Venue(Versioned, Base):
    """A workshop of an enterprise, or (enterprise_id NULL) a union training centre."""
    __tablename__ = "venues"
    __table_args__ = (UniqueConstraint("organization_id", "enterprise_id", "name"),
                      CheckConstraint("capacity >= 0", name="capacity_not_negative"))
    id: Mapped[int] = mapped_column(primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)
    enterprise_id: Mapped[int | None] = mapped_column(ForeignKey("enterprises.id"), index=True)
    name: Mapped[str] = mapped_column(Str(100))
    address: Mapped[str] = mapped_column(Str(200), default="")
    capacity: Mapped[int] = mapped_column(Integer, default=0)
    enterprise: Mapped[Enterprise | None] = relationship(back_populates="venues")


class Theme(Versioned, Base):
    __tablename__ = "themes"
    __table_args__ = (UniqueConstraint("organization_id", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)
    name: Mapped[str] = mapped_column(Str(50))
    color: Mapped[str] = mapped_column(Str(7), default="#4a90d9")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    description: Mapped[str] = mapped_column(Text, default="")


class Course(Versioned, Base):
    __tablename__ = "courses"
    __table_args__ = (UniqueConstraint("theme_id", "title"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    theme_id: Mapped[int] = mapped_column(ForeignKey("themes.id"), index=True)
    title: Mapped[str] = mapped_column(Str(100))
    total_hours: Mapped[int] = mapped_column(Integer, default=0)
    lesson_count: Mapped[int] = mapped_column(Integer, default=1)
    lesson_minutes: Mapped[int] = mapped_column(Integer, default=120)
    theory_percent: Mapped[int] = mapped_column(Integer, default=30)
    pass_mark: Mapped[int | None] = mapped_column(Integer)
    # online study (线上学习) a trainee must have done, in class hours of 60 min; None: no rule
    min_online_hours: Mapped[int | None] = mapped_column(Integer)  # revision 0009
    min_attendance_percent: Mapped[int] = mapped_column(Integer, default=80)
    excused_counts_present: Mapped[bool] = mapped_column(Boolean, default=False)
    capacity: Mapped[int] = mapped_column(Integer, default=60)
    description: Mapped[str] = mapped_column(Text, default="")
    theme: Mapped[Theme] = relationship()


lecturer_themes = Table(
    "lecturer_themes", Base.metadata,
    Column("lecturer_id", ForeignKey("lecturers.id", ondelete="CASCADE"), primary_key=True),
    Column("theme_id", ForeignKey("themes.id"), primary_key=True, index=True),
)


class Lecturer(Versioned, Base):
    __tablename__ = "lecturers"
    __table_args__ = (UniqueConstraint("organization_id", "name", "mobile"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)
    name: Mapped[str] = mapped_column(Str(50), index=True)
    name_initials: Mapped[str] = mapped_column(Str(50), default="", server_default="")
    gender: Mapped[str] = mapped_column(Str(1), default="")
    category: Mapped[str] = mapped_column(Str(30))
    employer: Mapped[str] = mapped_column(Str(100), default="")
    title: Mapped[str] = mapped_column(Str(50), default="")
    mobile: Mapped[str] = mapped_column(Str(20), default="")
    hourly_fee_cents: Mapped[int] = mapped_column(Integer, default=0)
    max_hours_per_day: Mapped[int | None] = mapped_column(Integer)
    max_hours_per_week: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str] = mapped_column(Text, default="")
    themes: Mapped[list[Theme]] = relationship(secondary=lecturer_themes, order_by="Theme.sort_order")
    unavailable: Mapped[list[LecturerUnavailability]] = relationship(
        cascade="all, delete-orphan", order_by="LecturerUnavailability.start_date")
    availability: Mapped[list[LecturerAvailability]] = relationship(cascade="all, delete-orphan")


class LecturerUnavailability(Timestamped, Base):
    """Dates a lecturer cannot teach (illness, travel, own factory's peak)."""
    __tablename__ = "lecturer_unavailability"
    id: Mapped[int] = mapped_column(primary_key=True)
    lecturer_id: Mapped[int] = mapped_column(ForeignKey("lecturers.id", ondelete="CASCADE"), index=True)
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Str(200), default="")


class LecturerAvailability(Timestamped, Base):
    """Weekly half-days a lecturer offers; none recorded means any working half-day."""
    __tablename__ = "lecturer_availability"
    __table_args__ = (UniqueConstraint("lecturer_id", "weekday", "period"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    lecturer_id: Mapped[int] = mapped_column(ForeignKey("lecturers.id", ondelete="CASCADE"), index=True)
    weekday: Mapped[int] = mapped_column(Integer)  # 1 = Monday … 7 = Sunday
    period: Mapped[str] = mapped_column(Str(10))  # morning / afternoon / evening


class Trainee(Versioned, Base):
    __tablename__ = "trainees"
    __table_args__ = (UniqueConstraint("organization_id", "id_number"),
                      Index("ix_trainees_org_name", "organization_id", "name"),
                      Index("ix_trainees_org_initials", "organization_id", "name_initials"))
    id: Mapped[int] = mapped_column(primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"))
    name: Mapped[str] = mapped_column(Str(50))
    name_initials: Mapped[str] = mapped_column(Str(50), default="", server_default="")
    gender: Mapped[str] = mapped_column(Str(1), default="")
    id_number: Mapped[str | None] = mapped_column(Str(18))
    birth_date: Mapped[dt.date | None] = mapped_column(Date)
    mobile: Mapped[str] = mapped_column(Str(20), default="", index=True)
    enterprise_id: Mapped[int | None] = mapped_column(ForeignKey("enterprises.id"), index=True)
    post: Mapped[str] = mapped_column(Str(50), default="")
    category: Mapped[str] = mapped_column(Str(20), default="regular")
    notes: Mapped[str] = mapped_column(Text, default="")
    # already holds the trade's certificate (revision 0011): applies for 等级提升, not 初级
    holds_certificate: Mapped[bool] = mapped_column(Boolean, default=False,
                                                    server_default=false())
    enterprise: Mapped[Enterprise | None] = relationship()


class TrainingRequest(Versioned, Base):
    """An enterprise's order from the survey (订单式培养)."""
    __tablename__ = "training_requests"
    id: Mapped[int] = mapped_column(primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)
    enterprise_id: Mapped[int] = mapped_column(ForeignKey("enterprises.id"), index=True)
    course_id: Mapped[int] = mapped_column(ForeignKey("courses.id"), index=True)
    workers: Mapped[int] = mapped_column(Integer)
    window_start: Mapped[dt.date] = mapped_column(Date)
    window_end: Mapped[dt.date] = mapped_column(Date)
    weekdays: Mapped[str] = mapped_column(Str(7), default="12345")  # ISO weekday digits
    periods: Mapped[str] = mapped_column(Str(40), default="morning,afternoon")
    blackout_dates: Mapped[str] = mapped_column(Text, default="")  # ISO dates, comma-separated
    priority: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(Str(12), default="open", index=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    # ordinary Saturdays and Sundays allowed too (never statutory holidays or notice ranges)
    allow_weekends: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class Cohort(Versioned, Base):
    """A class (培训班): one run of a course for a group of trainees."""
    __tablename__ = "cohorts"
    __table_args__ = (UniqueConstraint("organization_id", "code"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)
    course_id: Mapped[int] = mapped_column(ForeignKey("courses.id"), index=True)
    request_id: Mapped[int | None] = mapped_column(ForeignKey("training_requests.id"), index=True)
    enterprise_id: Mapped[int | None] = mapped_column(ForeignKey("enterprises.id"), index=True)
    code: Mapped[str] = mapped_column(Str(30))
    name: Mapped[str] = mapped_column(Str(100))
    capacity: Mapped[int] = mapped_column(Integer, default=60)
    open_enrolment: Mapped[bool] = mapped_column(Boolean, default=False)
    eligible_categories: Mapped[str] = mapped_column(Str(200), default="")
    status: Mapped[str] = mapped_column(Str(12), default="planned")
    # revision 0011: a class of a programme (no enterprise, no request) has its level, its own
    # date window for the planner and its venue
    programme_id: Mapped[int | None] = mapped_column(ForeignKey("programmes.id"), index=True)
    level: Mapped[str] = mapped_column(Str(20), default="", server_default="")
    window_start: Mapped[dt.date | None] = mapped_column(Date)
    window_end: Mapped[dt.date | None] = mapped_column(Date)
    venue_id: Mapped[int | None] = mapped_column(ForeignKey("venues.id"))


class Lesson(Versioned, Base):
    __tablename__ = "lessons"
    __table_args__ = (Index("ix_lessons_lecturer_date", "lecturer_id", "date"),
                      Index("ix_lessons_venue_date", "venue_id", "date"),
                      UniqueConstraint("cohort_id", "sequence"),
                      # a deleted lesson's id never comes back (its calendar UID: io/ics.py)
                      {"sqlite_autoincrement": True})
    id: Mapped[int] = mapped_column(primary_key=True)
    cohort_id: Mapped[int] = mapped_column(ForeignKey("cohorts.id"), index=True)
    sequence: Mapped[int] = mapped_column(Integer)
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    start_time: Mapped[dt.time] = mapped_column(Time)
    end_time: Mapped[dt.time] = mapped_column(Time)
    venue_id: Mapped[int | None] = mapped_column(ForeignKey("venues.id"))
    lecturer_id: Mapped[int | None] = mapped_column(ForeignKey("lecturers.id"))
    status: Mapped[str] = mapped_column(Str(12), default="planned")
    locked: Mapped[bool] = mapped_column(Boolean, default=False)
    # an online lesson (revision 0009): no venue, no seats; the platform (腾讯会议, 钉钉…) and the
    # link or meeting number the trainees join with
    online: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    online_platform: Mapped[str] = mapped_column(Str(50), default="", server_default="")
    online_link: Mapped[str] = mapped_column(Str(300), default="", server_default="")


class Enrolment(Versioned, Base):
    __tablename__ = "enrolments"
    __table_args__ = (UniqueConstraint("cohort_id", "trainee_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    cohort_id: Mapped[int] = mapped_column(ForeignKey("cohorts.id"), index=True)
    trainee_id: Mapped[int] = mapped_column(ForeignKey("trainees.id"), index=True)
    enrolled_on: Mapped[dt.date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(Str(12), default="active")
    level: Mapped[str] = mapped_column(Str(20), default="", server_default="")  # 0011: 初级…


class Attendance(Versioned, Base):
    __tablename__ = "attendance"
    __table_args__ = (UniqueConstraint("lesson_id", "trainee_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    lesson_id: Mapped[int] = mapped_column(ForeignKey("lessons.id"), index=True)
    trainee_id: Mapped[int] = mapped_column(ForeignKey("trainees.id"), index=True)
    status: Mapped[str] = mapped_column(Str(10))  # present / late / excused / absent
    late_minutes: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str] = mapped_column(Str(200), default="")


class OnlineStudy(Versioned, Base):
    """A trainee's online study time in a class, as the learning platform's export said it
    (revision 0009): the latest import's figure replaces the earlier one."""
    __tablename__ = "online_study"
    __table_args__ = (UniqueConstraint("cohort_id", "trainee_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    cohort_id: Mapped[int] = mapped_column(ForeignKey("cohorts.id"), index=True)
    trainee_id: Mapped[int] = mapped_column(ForeignKey("trainees.id"), index=True)
    minutes: Mapped[int] = mapped_column(Integer, default=0)
    source: Mapped[str] = mapped_column(Str(200), default="")  # the file it came from


class Assessment(Versioned, Base):
    __tablename__ = "assessments"
    __table_args__ = (UniqueConstraint("cohort_id", "trainee_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    cohort_id: Mapped[int] = mapped_column(ForeignKey("cohorts.id"), index=True)
    trainee_id: Mapped[int] = mapped_column(ForeignKey("trainees.id"), index=True)
    score: Mapped[int | None] = mapped_column(Integer)
    passed: Mapped[bool] = mapped_column(Boolean, default=False)
    assessed_on: Mapped[dt.date | None] = mapped_column(Date)


class Certificate(Timestamped, Base):
    """Revoked with a reason, never deleted; a reissue is a new row the old one points to
    (replaced_by_id), so history is kept. One current (not revoked) certificate per class,
    trainee and kind (completion 结业证书 / attendance 培训证明) — revision 0004."""
    __tablename__ = "certificates"
    __table_args__ = (Index("uq_certificates_current", "cohort_id", "trainee_id", "kind",
                            unique=True, sqlite_where=text("revoked_at IS NULL"),
                            postgresql_where=text("revoked_at IS NULL")),)
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(Str(40), unique=True)
    verification_code: Mapped[str] = mapped_column(Str(20), unique=True)
    cohort_id: Mapped[int] = mapped_column(ForeignKey("cohorts.id"), index=True)
    trainee_id: Mapped[int] = mapped_column(ForeignKey("trainees.id"), index=True)
    kind: Mapped[str] = mapped_column(Str(12), default="completion", server_default="completion")
    grade: Mapped[str] = mapped_column(Str(20), default="", server_default="")
    attended_minutes: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    serial: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    issued_on: Mapped[dt.date] = mapped_column(Date, index=True)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    revoked_reason: Mapped[str] = mapped_column(Str(200), default="")
    replaced_by_id: Mapped[int | None] = mapped_column(ForeignKey("certificates.id"))
    # revision 0008: what was printed and signed. `facts` is the canonical JSON of the holder's
    # normalised name and ID number, course, hours, level, assessment and dates; `signature`
    # the Ed25519 signature of it by `key_id` (NULL: issued before signatures).
    assessment: Mapped[str] = mapped_column(Str(12), default="", server_default="")
    score: Mapped[int | None] = mapped_column(Integer)
    key_id: Mapped[int | None] = mapped_column(ForeignKey("certificate_keys.id"))
    facts: Mapped[str | None] = mapped_column(Text)
    signature: Mapped[str | None] = mapped_column(Str(100))


class CertificateKey(Base):
    """The public half of an office's certificate signing key (Ed25519, revision 0008). The
    private half lives in a passphrase-protected key file outside the database. One current
    (not retired) key per office; retired keys stay to verify what they signed."""
    __tablename__ = "certificate_keys"
    __table_args__ = (Index("uq_certificate_keys_current", "organization_id", unique=True,
                            sqlite_where=text("retired_at IS NULL"),
                            postgresql_where=text("retired_at IS NULL")),)
    id: Mapped[int] = mapped_column(primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)
    public_key: Mapped[str] = mapped_column(Str(64))       # raw 32 bytes, base64
    fingerprint: Mapped[str] = mapped_column(Str(64), unique=True)  # SHA-256 of it, hex
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(Str(100), default="")
    retired_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class CertificateCounter(Base):
    """The next certificate serial of an office and year; its row is locked (UPDATE) by the
    issuing transaction, so concurrent issuers wait their turn instead of taking one serial
    twice (revision 0008)."""
    __tablename__ = "certificate_counters"
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    next_serial: Mapped[int] = mapped_column(Integer, default=1)


class Feedback(Timestamped, Base):
    __tablename__ = "feedback"
    __table_args__ = (CheckConstraint("score BETWEEN 1 AND 5", name="score_1_to_5"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    cohort_id: Mapped[int] = mapped_column(ForeignKey("cohorts.id"), index=True)
    source: Mapped[str] = mapped_column(Str(12))  # enterprise / trainee
    trainee_id: Mapped[int | None] = mapped_column(ForeignKey("trainees.id"))
    score: Mapped[int] = mapped_column(Integer)
    comment: Mapped[str] = mapped_column(Text, default="")


class CalendarOverride(Versioned, Base):
    """A holiday or adjusted working day that chinesecalendar does not know (yet)."""
    __tablename__ = "calendar_overrides"
    __table_args__ = (UniqueConstraint("organization_id", "date"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)
    date: Mapped[dt.date] = mapped_column(Date)
    is_working_day: Mapped[bool] = mapped_column(Boolean)
    name: Mapped[str] = mapped_column(Str(50), default="")
    notice_year: Mapped[int | None] = mapped_column(Integer)  # read from that year's notice


class Setting(Versioned, Base):
    """One office-wide setting (travel gap, planner weights, certificate key, PDF font…), stored
    as JSON text under a dotted key; read and written through trainer.services.settings."""
    __tablename__ = "settings"
    __table_args__ = (UniqueConstraint("organization_id", "key"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)
    key: Mapped[str] = mapped_column(Str(80))
    value: Mapped[str] = mapped_column(Text, default="null")


class ChangeFeed(Base):
    """kind (a table name) → how many committed transactions changed it: the live views' feed
    (trainer/db/change_feed.py, revision 0013). Every role writes it."""
    __tablename__ = "change_feed"
    kind: Mapped[str] = mapped_column(Str(64), primary_key=True)
    counter: Mapped[int] = mapped_column(BigInteger, default=0)


class User(Versioned, Base):
    """A person who logs in to one union office, with a role (trainer.security.roles). The
    password is an argon2 hash; the CLI's login tokens are in user_tokens."""
    __tablename__ = "users"
    __table_args__ = (UniqueConstraint("organization_id", "username"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id"), index=True)
    username: Mapped[str] = mapped_column(Str(50))
    display_name: Mapped[str] = mapped_column(Str(100), default="")
    role: Mapped[str] = mapped_column(Str(12))  # admin / officer / clerk / viewer
    password_hash: Mapped[str] = mapped_column(Str(200))
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(DateTime)  # UTC
    last_login_at: Mapped[dt.datetime | None] = mapped_column(DateTime)  # UTC


class UserToken(Base):
    """A login token of the command line (TRAINER_TOKEN), one a desk: only its SHA-256 is kept;
    revoked by logout, a password change or reset, disabling the account (revision 0007)."""
    __tablename__ = "user_tokens"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(Str(64), unique=True)
    desk: Mapped[str] = mapped_column(Str(100), default="", server_default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)  # UTC
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime)  # UTC


class AuditLog(Base):
    """The audit trail: who did what, when, to which record, with the values before and after
    (JSON). Written only by trainer.security.guard, never changed or deleted by the app. No
    foreign keys: an entry outlives users, offices and the rows it tells about."""
    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_org_at", "organization_id", "at"),
                      Index("ix_audit_log_entity_record", "entity", "record_id"),
                      Index("ix_audit_log_user_at", "user_id", "at"))
    id: Mapped[int] = mapped_column(primary_key=True)
    organization_id: Mapped[int | None] = mapped_column(Integer)
    at: Mapped[dt.datetime] = mapped_column(DateTime)  # UTC
    user_id: Mapped[int | None] = mapped_column(Integer)
    username: Mapped[str] = mapped_column(Str(50), default="")  # a copy: names outlive rows
    action: Mapped[str] = mapped_column(Str(16))  # create/update/delete/reveal/export/login/…
    entity: Mapped[str] = mapped_column(Str(50), default="")  # table name
    record_id: Mapped[int | None] = mapped_column(Integer)
    summary: Mapped[str] = mapped_column(Str(200), default="")
    before: Mapped[str | None] = mapped_column(Text)  # JSON of the changed columns
    after: Mapped[str | None] = mapped_column(Text)
    chain: Mapped[str | None] = mapped_column(Str(64))  # security/chain.py (revision 0007)
    # the personal values, apart so a purge can blank them (security/trail_personal.py, 0012)
    personal: Mapped[str | None] = mapped_column(Text)


from trainer.db.programme_models import Programme, ProgrammeLevel  # noqa: E402,F401 (registered)
from trainer.db.calendar_models import LessonDeparture  # noqa: E402,F401 (registered)

# Who saved a Versioned row last (display name of the user; "" for the system), for "changed by
# <user> at <time>" (StaleEditError) — revision 0005. Added here rather than in base.Versioned so
# the column arrives with its migration; every Versioned model above gets its own column.
VERSIONED_MODELS: tuple[type, ...] = tuple(sorted(
    (m.class_ for m in Base.registry.mappers if issubclass(m.class_, Versioned)),
    key=lambda cls: cls.__tablename__))
for _model in VERSIONED_MODELS:
    _model.updated_by = mapped_column(Str(100), nullable=False, default="", server_default="")
del _model
