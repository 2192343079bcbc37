"""A lesson made online (线上课: a platform such as 腾讯会议 or 钉钉, and the link or meeting number
the trainees join with) or back into a room. An online lesson takes no venue and no seats; its
lecturer is still booked, so the conflict rules (lecturer busy, hours, unavailability, trainees
in two lessons at once) judge it like any other. Both changes carry the version the user saw and
go through `schedule.save_lessons`, so they are refused with a ConflictError like a move."""
from __future__ import annotations

from trainer.texts import FIELDS
from trainer.rules import fields
from trainer.rules.conflicts import OnlineMeeting
from trainer.services.schedule import KEEP, LessonDraft, LessonRecord, save_lessons
from trainer.services.uow import UnitOfWork

PLATFORM_MAX, LINK_MAX = 50, 300
# Platforms union offices use; the form offers them, any other name is accepted.
COMMON_PLATFORMS = ("腾讯会议", "钉钉", "企业微信", "中国职工学习网", "学习通", "小鹅通", "微信群直播")

for _key, _label in {"online_platform": ("线上平台", "online platform"),
                     "online_link": ("链接或会议号", "link or meeting number")}.items():
    FIELDS.setdefault(_key, _label)


def online_meeting(platform: object, link: object) -> OnlineMeeting:
    """The meeting as typed, cleaned and checked: the platform is required, the link (or
    meeting number) may follow later."""
    check = fields.FieldCheck()
    name = check(fields.text, platform, "online_platform", required=True, max_len=PLATFORM_MAX)
    where = check(fields.text, link, "online_link", max_len=LINK_MAX)
    check.raise_if_any()
    return OnlineMeeting(name, where)


def _draft(uow: UnitOfWork, lesson_id: int, expected_version: int | None, *,
           online: OnlineMeeting | None, venue_id) -> LessonDraft:
    from trainer.services.schedule import _lesson_row

    row = _lesson_row(uow, lesson_id)
    return LessonDraft(row.id, row.cohort_id, row.date, row.start_time, row.lecturer_id,
                       row.venue_id if venue_id is KEEP else venue_id, row.sequence,
                       row.end_time, expected_version, None, online)


def set_lesson_online(uow: UnitOfWork, lesson_id: int, platform: object, link: object,
                      expected_version: int | None, *, force: bool = False,
                      allow_conflicts: bool = False) -> LessonRecord:
    """The lesson online on `platform` at `link`: its venue is released (no seats used)."""
    meeting = online_meeting(platform, link)
    with uow:
        draft = _draft(uow, lesson_id, expected_version, online=meeting, venue_id=None)
        return save_lessons(uow, [draft], allow_conflicts=allow_conflicts, force=force)[0]


def set_lesson_offline(uow: UnitOfWork, lesson_id: int, venue_id: int | None,
                       expected_version: int | None, *, force: bool = False,
                       allow_conflicts: bool = False) -> LessonRecord:
    """The lesson back in a room: `venue_id` (None: no venue chosen yet). The venue's bookings
    and capacity are judged like any change."""
    with uow:
        draft = _draft(uow, lesson_id, expected_version, online=None, venue_id=venue_id)
        return save_lessons(uow, [draft], allow_conflicts=allow_conflicts, force=force)[0]
