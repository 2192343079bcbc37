"""Typed errors of the core. Each carries codes and parameters; str() gives the sentence in the
current language (trainer.texts), message(lang) in a chosen one."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from trainer.texts import ENTITIES, FIELDS, REASONS, label, language, pick
from trainer.texts import errors as T


class TrainerError(Exception):
    """Base of every error the core raises on purpose."""

    def message(self, lang: str | None = None) -> str:  # pragma: no cover - overridden
        raise NotImplementedError

    def __str__(self) -> str:
        return self.message(language())


class InvalidInput(TrainerError):
    """Bad input: `errors` lists each bad field (ValidationError) in form order. A single
    ValidationError is an InvalidInput of itself, so callers catch this one type."""

    def __init__(self, errors: list[ValidationError]) -> None:
        super().__init__(errors)
        self.errors = errors

    def message(self, lang: str | None = None) -> str:
        sep = "；" if (lang or language()) == "zh" else "; "
        return sep.join(e.message(lang) for e in self.errors)


class RowInvalidInput(InvalidInput):
    """Bad values in one row of a table (a class's scores…): the message says which row and
    whose it is; `params` carry both for the GUI to put the cursor there."""

    def __init__(self, errors: list[ValidationError], row: int, who: str) -> None:
        super().__init__(errors)
        self.params = {"row": row, "trainee": who}

    def message(self, lang: str | None = None) -> str:
        lang = lang or language()
        text = super().message(lang)
        row, who = self.params["row"], self.params["trainee"]
        return f"第 {row} 行（{who}）：{text}" if lang == "zh" else f"Row {row} ({who}): {text}"


class ValidationError(InvalidInput):
    """One field has a bad value: `field` names it, `reason` is a code from messages.REASONS."""

    def __init__(self, field: str, reason: str, **params: object) -> None:
        super().__init__([self])
        self.args = (field, reason)  # not ([self],): repr() would recurse
        self.field = field
        self.reason = reason
        self.params = params

    def message(self, lang: str | None = None) -> str:
        lang = lang or language()
        params = {k: _localise(k, v, lang) for k, v in self.params.items()}
        text = pick(REASONS[self.reason], lang).format(**params)
        field = label(FIELDS, self.field, lang)
        return f"{field}{text}" if lang == "zh" else f"{field[:1].upper()}{field[1:]} {text}"


@dataclass(frozen=True)
class Reference:
    """Rows of `entity` that point at the thing being deleted: how many, and a few names."""

    entity: str
    count: int
    examples: tuple[str, ...] = ()


class InUseError(TrainerError):
    """Refuses to delete `entity` `name` because other rows refer to it."""

    def __init__(self, entity: str, name: str, references: list[Reference]) -> None:
        super().__init__(entity, name)
        self.entity = entity
        self.name = name
        self.references = references

    def message(self, lang: str | None = None) -> str:
        lang = lang or language()
        parts = []
        for ref in self.references:
            what = label(ENTITIES, ref.entity, lang)
            more = "…" if ref.count > len(ref.examples) else ""
            if lang == "zh":
                examples = "、".join(ref.examples) + more
                parts.append(f" {ref.count} 个{what}" + (f"（{examples}）" if ref.examples else ""))
            else:
                examples = ", ".join(ref.examples) + more
                parts.append(f"{ref.count} {what}(s)" + (f" ({examples})" if ref.examples else ""))
        entity = label(ENTITIES, self.entity, lang)
        if lang == "zh":
            return f"不能删除{entity}“{self.name}”：仍被" + "，".join(parts) + "引用。"
        return f"Cannot delete {entity} “{self.name}”: still referred to by " + ", ".join(parts) + "."


class NotFoundError(TrainerError):
    def __init__(self, entity: str, key: object) -> None:
        super().__init__(entity, key)
        self.entity = entity
        self.key = key

    def message(self, lang: str | None = None) -> str:
        lang = lang or language()
        entity = label(ENTITIES, self.entity, lang)
        if lang == "zh":
            return f"找不到{entity}“{self.key}”。"
        return f"No {entity} “{self.key}”."


@dataclass(frozen=True)
class FieldChange:
    """One field another user changed: `before` as the user loaded it, `after` as now stored."""

    field: str
    before: object
    after: object


class StaleEditError(TrainerError):
    """Optimistic locking: the row changed since the user loaded it. `updated_by` names who
    saved last ("" when unknown), `changes` what they changed (from the audit trail), so the
    GUI can show the stored value beside the user's own."""

    def __init__(self, entity: str, name: str, expected: int, actual: int, updated_at: object,
                 updated_by: str = "", changes: tuple[FieldChange, ...] = ()) -> None:
        super().__init__(entity, name)
        self.entity, self.name = entity, name
        self.expected, self.actual, self.updated_at = expected, actual, updated_at
        self.updated_by, self.changes = updated_by, tuple(changes)

    def message(self, lang: str | None = None) -> str:
        lang = lang or language()
        entity = label(ENTITIES, self.entity, lang)
        if self.entity not in ENTITIES:
            from trainer.texts.security import entity_label
            entity = entity_label(self.entity, lang)
        when = "?"
        if self.updated_at:  # stored in UTC without a zone; shown in local time
            local = self.updated_at.replace(tzinfo=dt.timezone.utc).astimezone()
            when = f"{local:%Y-%m-%d %H:%M:%S}"
        changed = _change_list(self.entity, self.changes, lang)
        if lang == "zh":
            who = f" {self.updated_by} " if self.updated_by else "他人"
            what = f"：{changed}。" if changed else "，"
            return f"{entity}“{self.name}”已于 {when} 被{who}修改{what}请重新打开后再保存。"
        who = self.updated_by or "someone else"
        what = f" ({changed})" if changed else ""
        return (f"{entity[:1].upper()}{entity[1:]} “{self.name}” was changed by {who} at "
                f"{when}{what}; reopen it and save again.")


def _change_list(entity: str, changes: tuple[FieldChange, ...], lang: str) -> str:
    """'mobile 138****8000 → 139****9000' for each change; personal data masked; coded values
    by their names (texts.security.coded_value)."""
    from trainer.rules.id_number import mask_id_number
    from trainer.rules.phone import mask_mobile
    from trainer.texts.security import coded_value, field_label

    def shown(fld: str, value: object) -> str:
        if value is None or value == "":
            return "—"
        if fld == "id_number":
            return mask_id_number(str(value))
        if fld in ("mobile", "contact_phone"):
            return mask_mobile(str(value))
        named = coded_value(entity, fld, value, lang)
        return str(value) if named is None else named

    sep = "；" if lang == "zh" else "; "
    return sep.join(f"{field_label(c.field, lang)} {shown(c.field, c.before)} → "
                    f"{shown(c.field, c.after)}" for c in changes)


class ConflictError(TrainerError):
    """A schedule change refused by the conflict rules (trainer.rules.conflicts). `conflicts`
    holds each broken rule (Conflict: code, lesson ids, params, .text()); the message is their
    sentences, one a line. The service saves anyway only when called with allow_conflicts=True."""

    def __init__(self, conflicts) -> None:
        super().__init__(tuple(c.code for c in conflicts))
        self.conflicts = tuple(conflicts)

    def sentences(self, lang: str | None = None) -> list[str]:
        return [c.text(lang) for c in self.conflicts]

    def message(self, lang: str | None = None) -> str:
        return "\n".join(self.sentences(lang))


class ReasonError(TrainerError):
    """An error whose `reason` is a code of the class's TEXTS, (Chinese, English) templates that
    `params` fill in."""

    TEXTS: dict[str, tuple[str, str]] = {}

    def __init__(self, reason: str, **params: object) -> None:
        super().__init__(reason)
        self.reason = reason
        self.params = params

    def message(self, lang: str | None = None) -> str:
        return pick(self.TEXTS[self.reason], lang or language()).format(**self.params)


class DatabaseError(ReasonError):
    """The database cannot be used as it is: `reason` is a code, `detail` a plain explanation."""

    TEXTS = T.DATABASE_ERROR


def _localise(key: str, value: object, lang: str) -> object:
    """Parameters that are codes become words: genders, and lists of (Chinese, English) pairs."""
    from trainer.texts import GENDERS

    if key in ("gender", "id_gender") and isinstance(value, str) and value in GENDERS:
        return pick(GENDERS[value], lang)
    if isinstance(value, (list, tuple)) and value and all(isinstance(v, tuple) for v in value):
        return "/".join(pick(v, lang) for v in value)
    return value


class PdfError(ReasonError):
    """A document cannot be made: a font that cannot be used, or the user cancelled."""

    TEXTS = T.PDF_ERROR


class CertificateError(ReasonError):
    """A certificate cannot be issued, revoked or reissued as asked."""

    TEXTS = T.CERTIFICATE_ERROR


class EnrolmentError(ReasonError):
    """An enrolment, transfer or withdrawal refused as a whole (a full or cancelled class…)."""

    TEXTS = T.ENROLMENT_ERROR

    def message(self, lang: str | None = None) -> str:
        lang = lang or language()
        # `why` may be an object that says itself in a language (enrolment.Refusal)
        params = {k: v.reason_text(lang) if hasattr(v, "reason_text") else v
                  for k, v in self.params.items()}
        return pick(self.TEXTS[self.reason], lang).format(**params)


class ProgrammeError(ReasonError):
    """An open-recruitment programme's change or enrolment refused as a whole (issue 16)."""

    TEXTS = T.PROGRAMME_ERROR

    def message(self, lang: str | None = None) -> str:
        lang = lang or language()
        params = {k: ("、" if lang == "zh" else ", ").join(v) if isinstance(v, tuple) else v
                  for k, v in self.params.items()}  # levels: a tuple, listed in the language
        return pick(self.TEXTS[self.reason], lang).format(**params)


class AttendanceError(ReasonError):
    """Attendance that cannot be recorded: a cancelled lesson, a trainee not in the class."""

    TEXTS = T.ATTENDANCE_ERROR


@dataclass(frozen=True)
class StaleCell:
    """One grid cell changed by someone else since it was loaded (versions: 0 = empty).
    `lesson_id`/`sequence` are 0 for a cell that is not per lesson (an assessment)."""

    lesson_id: int
    trainee_id: int
    expected: int
    actual: int
    trainee_name: str = ""
    sequence: int = 0  # the lesson's number in its class


class StaleCellsError(StaleEditError):
    """Optimistic locking for a grid save: `cells` changed since the user loaded them; nothing
    of the save was written."""

    def __init__(self, entity: str, cells: list[StaleCell]) -> None:
        first = cells[0]
        super().__init__(entity, first.trainee_name, first.expected, first.actual, None)
        self.cells = cells

    def message(self, lang: str | None = None) -> str:
        lang = lang or language()
        entity = label(ENTITIES, self.entity, lang)
        shown = self.cells[:3]
        more = "…" if len(self.cells) > len(shown) else ""
        if lang == "zh":
            which = "、".join(c.trainee_name + (f"（第 {c.sequence} 次课）" if c.sequence else "")
                             for c in shown) + more
            return (f"{len(self.cells)} 条{entity}已被他人修改：{which}。未保存任何修改，"
                    "请重新加载后再保存。")
        which = ", ".join(c.trainee_name + (f" (lesson {c.sequence})" if c.sequence else "")
                          for c in shown) + more
        return (f"{len(self.cells)} {entity}(s) were changed by someone else: {which}. Nothing "
                "was saved; reload and save again.")


class PermissionDenied(TrainerError):
    """The acting user's role does not allow `action` (a code of texts.security.ACTIONS) on
    `entity` (a table or entity code, "" when the action needs none). Permissions are held in
    the services (trainer.security.guard), so every caller meets the same refusal."""

    def __init__(self, role: str, action: str, entity: str = "") -> None:
        super().__init__(role, action, entity)
        self.role, self.action, self.entity = role, action, entity

    def message(self, lang: str | None = None) -> str:
        from trainer.texts.security import action_phrase, role_label

        lang = lang or language()
        if self.entity == "audit_log" and self.action in ("update", "delete"):
            return pick(("审计日志不能修改或删除。", "The audit trail cannot be changed or deleted."),
                        lang)
        if self.action == "other_office":
            return pick(("只能操作本单位（工会）的数据。", "You can only work on your own office's data."),
                        lang)
        role, what = role_label(self.role, lang), action_phrase(self.action, self.entity, lang)
        if self.role == "anonymous":
            return pick((f"请先登录：本数据库已设置用户，未登录时只能查看，不能{what}。",
                         f"Log in first: this database has users, and without logging in you "
                         f"can only read, not {what}."), lang)
        if lang == "zh":
            return f"权限不足：{role}不能{what}。"
        article = "an" if role[:1] in "aeiou" else "a"
        return f"Permission denied: {article} {role} may not {what}."


class AuthenticationError(ReasonError):
    """A login refused: wrong name or password, locked for a while, disabled, bad token."""

    TEXTS = T.AUTHENTICATION_ERROR


class AccountError(ReasonError):
    """A change to user accounts refused as a whole."""

    TEXTS = T.ACCOUNT_ERROR


class BackupError(ReasonError):
    """A backup or restore that cannot be done; the database is left as it was."""

    TEXTS = T.BACKUP_ERROR
