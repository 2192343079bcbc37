"""The audit trail as sentences people read (issue 17): "张办事 将学员 张三 的手机号由
138****8000 改为 139****9000" — who by display name, the record by its name (a reference such as
an enrolment's class and trainee by theirs), each changed field by its label, values masked as
the trail keeps them, in the language asked for. Used by the audit window, its Excel export and
`trainer audit`."""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Mapping

from sqlalchemy import select

from trainer.db import models
from trainer.texts import FIELDS, label, language
from trainer.security.audit import AuditRecord, list_audit
from trainer.texts.security import OWN_FIELDS, ROLES, coded_value, entity_label
from trainer.security.trail_personal import PURGED
from trainer.services.uow import UnitOfWork

# Columns every change carries that say nothing to a reader.
HIDDEN = frozenset({"version", "updated_at", "created_at", "updated_by", "organization_id", "id",
                    "name_initials", "password_hash", "password"})
# A reference column → the model and the column that names its row.
REFERENCES: dict[str, tuple[type, str]] = {
    "trainee": (models.Trainee, "name"), "cohort": (models.Cohort, "name"),
    "enterprise": (models.Enterprise, "name"), "lecturer": (models.Lecturer, "name"),
    "course": (models.Course, "title"), "venue": (models.Venue, "name"),
    "theme": (models.Theme, "name"), "user": (models.User, "display_name"),
}
SENTENCES: dict[str, tuple[str, str]] = {
    "update": ("{who} 将{what} 的{changes}", "{who} changed {what}: {changes}"),
    "update_plain": ("{who} 修改了{what}", "{who} changed {what}"),
    "create": ("{who} 新建了{what}", "{who} created {what}"),
    "delete": ("{who} 删除了{what}", "{who} deleted {what}"),
    "reveal": ("{who} 查看了完整的身份证号和手机号（{summary}）",
               "{who} saw full ID numbers and mobiles ({summary})"),
    "export": ("{who} 导出了含完整个人信息的名单（{summary}）",
               "{who} exported a list with full personal data ({summary})"),
    "login": ("{who} 登录", "{who} logged in"),
    "login_failed": ("有人以用户名 {username} 登录失败", "a login as {username} failed"),
    "logout": ("{who} 退出登录", "{who} logged out"),
    "backup": ("{who} 备份了数据库（{summary}）", "{who} backed up the database ({summary})"),
    "restore": ("{who} 恢复了数据库（{summary}）", "{who} restored the database ({summary})"),
    "purge": ("{who} 清除了 {trainees} 名已删除学员在 {entries} 条操作日志中的个人信息",
              "{who} purged the personal data of {trainees} deleted trainees from {entries} "
              "audit entries"),
    "other": ("{who}：{summary}", "{who}: {summary}"),
    "change": ("{field}由 {before} 改为 {after}", "{field} from {before} to {after}"),
    "rows": ("{count} 条{entity}", "{count} {entity} rows"),
}
WORDS = {"empty": ("空", "empty"), "purged": ("（已清除）", "(purged)"), "yes": ("是", "yes"),
         "no": ("否", "no"),
         "system": ("系统", "the system"), "and": ("，", "; ")}


@dataclass(frozen=True)
class AuditLine:
    at: dt.datetime  # local time
    who: str
    action: str
    sentence: str


def _say(key: str, lang: str, **values: Any) -> str:
    zh, en = SENTENCES[key]
    return (zh if lang == "zh" else en).format(**values)


def _word(key: str, lang: str) -> str:
    zh, en = WORDS[key]
    return zh if lang == "zh" else en


class _Names:
    """Display names of users and names of referenced rows, looked up once per listing."""

    def __init__(self, uow: UnitOfWork) -> None:
        self.uow = uow
        self.cache: dict[tuple[str, int], str] = {}

    def of(self, kind: str, row_id: Any) -> str:
        if kind == "lesson" and isinstance(row_id, int):
            return self._lesson(row_id)
        if kind not in REFERENCES or not isinstance(row_id, int):
            return f"#{row_id}"
        key = (kind, row_id)
        if key not in self.cache:
            model, column = REFERENCES[kind]
            with self.uow:
                found = self.uow.session.scalar(
                    select(getattr(model, column)).where(model.id == row_id))
            self.cache[key] = str(found) if found else f"#{row_id}"
        return self.cache[key]


    def _lesson(self, row_id: int) -> str:
        """A lesson by its class and date: 新钢安全生产1班 2026-09-07."""
        key = ("lesson", row_id)
        if key not in self.cache:
            with self.uow:
                found = self.uow.session.execute(
                    select(models.Cohort.name, models.Lesson.date)
                    .join(models.Cohort, models.Cohort.id == models.Lesson.cohort_id)
                    .where(models.Lesson.id == row_id)).first()
            self.cache[key] = f"{found[0]} {found[1]}" if found else f"#{row_id}"
        return self.cache[key]


def _field_label(field: str, lang: str) -> str:
    kind = field[:-3] if field.endswith("_id") else ""
    if field in OWN_FIELDS:
        return label(OWN_FIELDS, field, lang)
    if field in FIELDS:
        return label(FIELDS, field, lang)
    if kind:
        return entity_label(kind, lang) or field
    return field


def _value(entity: str, field: str, value: Any, lang: str, names: _Names | None) -> str:
    if value is None or value == "":
        return _word("empty", lang)
    if value == PURGED:  # a deleted trainee's value, purged after the retention period
        return _word("purged", lang)
    if isinstance(value, bool):
        return _word("yes" if value else "no", lang)
    if field == "role" and value in ROLES:
        return label(ROLES, value, lang)
    if field.endswith("_id") and names is not None:
        return names.of(field[:-3], value)
    named = coded_value(entity, field, value, lang)
    return str(value) if named is None else named


def _what(entry: AuditRecord, lang: str, names: _Names | None) -> str:
    """The record in words: 学员 张三; an enrolment by its class and trainee."""
    entity = entity_label(entry.entity, lang) if entry.entity else ""
    summary = entry.summary or ""
    refs = [part.split(" #") for part in summary.split(", ") if " #" in part]
    if refs and all(len(r) == 2 and r[1].isdigit() for r in refs) and names is not None:
        parts = [f"{entity_label(kind, lang) or kind} {names.of(kind, int(number))}"
                 for kind, number in refs]
        summary = ("、" if lang == "zh" else ", ").join(parts)
    if not summary and entry.record_id is not None:
        summary = f"#{entry.record_id}"
    return f"{entity} {summary}".strip() if lang == "zh" else f"{entity} {summary}".strip()


def sentence(entry: AuditRecord, lang: str | None = None, *, who: str = "",
             names: _Names | None = None) -> str:
    """One entry as a sentence in `lang` (the core's language by default)."""
    lang = "zh" if (lang or language()).startswith("zh") else "en"
    if not who:
        who = (_word("system", lang) if entry.user_id is None and entry.username in ("", "system")
               else entry.username)
    summary = entry.summary or ""
    if entry.action in ("create", "delete"):
        if isinstance(entry.after, list) or isinstance(entry.before, list):
            rows = entry.after if isinstance(entry.after, list) else entry.before
            what = _say("rows", lang, count=len(rows), entity=entity_label(entry.entity, lang))
        else:
            what = _what(entry, lang, names)
        return _say(entry.action, lang, who=who, what=what)
    if entry.action == "update":
        what = _what(entry, lang, names)
        before = entry.before if isinstance(entry.before, dict) else {}
        after = entry.after if isinstance(entry.after, dict) else {}
        changes = [_say("change", lang, field=_field_label(k, lang),
                        before=_value(entry.entity, k, before.get(k), lang, names),
                        after=_value(entry.entity, k, after.get(k), lang, names))
                   for k in after if k not in HIDDEN
                   and (before.get(k) != after.get(k) or after.get(k) == PURGED)]
        if not changes:
            return _say("update_plain", lang, who=who, what=what)
        return _say("update", lang, who=who, what=what,
                    changes=_word("and", lang).join(changes))
    if entry.action == "purge" and isinstance(entry.after, dict):
        return _say("purge", lang, who=who, trainees=entry.after.get("trainees", "?"),
                    entries=entry.after.get("entries", "?"))
    key = entry.action if entry.action in SENTENCES else "other"
    return _say(key, lang, who=who, username=entry.username, summary=summary)


def audit_lines(uow: UnitOfWork, lang: str | None = None, **filters) -> list[AuditLine]:
    """list_audit(uow, **filters) as sentences, newest first, with local times."""
    return describe_entries(uow, list_audit(uow, **filters), lang)


def describe_entries(uow: UnitOfWork, entries: Iterable[AuditRecord],
                     lang: str | None = None) -> list[AuditLine]:
    """Entries already read (list_audit) as sentences with local times."""
    names = _Names(uow)
    lines = []
    for entry in entries:
        who = names.of("user", entry.user_id) if entry.user_id is not None else ""
        who = "" if who.startswith("#") else who
        local = entry.at.replace(tzinfo=dt.timezone.utc).astimezone().replace(tzinfo=None)
        text = sentence(entry, lang, who=who, names=names)
        lines.append(AuditLine(local, who or text.split(" ")[0], entry.action_label(lang), text))
    return lines


HEADERS = {"zh": ("时间", "操作人", "操作", "内容"), "en": ("When", "Who", "Action", "What")}


def export_audit(lines: Iterable[AuditLine], path: str | os.PathLike,
                 lang: str | None = None) -> Path:
    """The lines shown, as an Excel workbook (one row each)."""
    from trainer.io.workbooks import export_records

    lang = "zh" if (lang or language()).startswith("zh") else "en"
    return export_records(path, HEADERS[lang],
                          ([line.at.replace(microsecond=0), line.who, line.action, line.sentence]
                           for line in lines), title="操作日志" if lang == "zh" else "Audit trail")


def entity_choices(lang: str | None = None) -> Mapping[str, str]:
    """Entity codes a reader can filter by, with their labels."""
    codes = ("trainee", "enterprise", "lecturer", "course", "cohort", "lesson", "enrolment",
             "attendance", "assessment", "certificate", "training_request", "user", "setting")
    return {code: entity_label(code, lang) for code in codes}
