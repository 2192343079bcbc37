"""Chinese and English words of the trust area (trainer/security): roles, actions, tables.
Imports nothing of the core but its neighbours in trainer.texts, so trainer.errors can use it without a cycle."""
from __future__ import annotations

from trainer.texts.current import label, language, pick
from trainer.texts.labels import (ENTITIES, FIELDS, GENDERS, LECTURER_CATEGORIES,
                                  TRAINEE_CATEGORIES)

ROLES: dict[str, tuple[str, str]] = {
    "admin": ("管理员", "administrator"),
    "officer": ("培训干事", "training officer"),
    "clerk": ("办事员", "clerk"),
    "viewer": ("只读用户", "viewer"),
    "system": ("系统", "system"),
    "anonymous": ("未登录用户", "user who has not logged in"),
}

# What an actor tried to do, as a verb phrase completed by an entity label ("" when none).
ACTIONS: dict[str, tuple[str, str]] = {
    "create": ("新建{entity}", "create {entity} records"),
    "update": ("修改{entity}", "change {entity} records"),
    "delete": ("删除{entity}", "delete {entity} records"),
    "reveal": ("查看完整的身份证号和手机号", "see full ID numbers and mobiles"),
    "search_personal": ("按完整的身份证号或手机号查找人员", "look people up by a full ID number or mobile"),
    "export": ("导出含完整个人信息的名单", "export lists with full personal data"),
    "users": ("管理用户", "manage users"),
    "audit": ("查看审计日志", "read the audit trail"),
    "backup": ("备份数据库", "back up the database"),
    "restore": ("恢复数据库", "restore the database"),
    "sql": ("执行改动数据库结构或权限的语句", "run statements that change the database's structure "
            "or rights"),
}

# Audit trail actions, for the audit page and `trainer audit`.
AUDIT_ACTIONS: dict[str, tuple[str, str]] = {
    "create": ("新建", "create"),
    "update": ("修改", "update"),
    "delete": ("删除", "delete"),
    "reveal": ("查看个人信息", "reveal"),
    "export": ("完整导出", "full export"),
    "login": ("登录", "login"),
    "login_failed": ("登录失败", "failed login"),
    "logout": ("退出", "logout"),
    "backup": ("备份", "backup"),
    "restore": ("恢复", "restore"),
    "purge": ("清除个人信息", "purge personal data"),
}

# table → entity code of trainer.texts.labels.ENTITIES (or of OWN_ENTITIES below)
TABLE_ENTITIES: dict[str, str] = {
    "organizations": "organization", "enterprises": "enterprise", "venues": "venue",
    "themes": "theme", "courses": "course", "lecturers": "lecturer",
    "lecturer_unavailability": "lecturer_unavailability",
    "lecturer_availability": "lecturer_availability", "lecturer_themes": "lecturer",
    "trainees": "trainee", "training_requests": "training_request", "cohorts": "cohort",
    "lessons": "lesson", "enrolments": "enrolment", "attendance": "attendance",
    "assessments": "assessment", "certificates": "certificate",
    "certificate_keys": "certificate_key", "certificate_counters": "certificate_counter", "feedback": "feedback",
    "calendar_overrides": "calendar_override", "settings": "setting", "users": "user",
    "audit_log": "audit_entry", "user_tokens": "user_token", "online_study": "online_study",
    "programmes": "programme", "programme_levels": "programme_level",
    "change_feed": "change_feed", "lesson_departures": "lesson_departure",
}

# the settings people edit on a screen, as a refusal names them (services/settings)
SETTING_NAMES: dict[str, tuple[str, str]] = {
    "certificate.templates": ("证书模板", "certificate templates"),
    "certificate.seal_png": ("证书印章", "certificate seal"),
    "pdf.font_path": ("表格和报表字体", "font of tables and reports"),
    "pdf.certificate_font_path": ("证书字体", "certificate font"),
}

OWN_ENTITIES: dict[str, tuple[str, str]] = {
    "lecturer_unavailability": ("讲师不可授课日期", "lecturer unavailability"),
    "lecturer_availability": ("讲师可授课时段", "lecturer availability"),
    "calendar_override": ("节假日调整", "calendar override"),
    "setting": ("设置", "setting"),
    "certificate_key": ("证书签名密钥", "certificate signing key"),
    "certificate_counter": ("证书编号计数", "certificate number counter"),
    "user": ("用户", "user"),
    "audit_entry": ("审计记录", "audit"),
    "user_token": ("登录令牌", "login token"),
    "online_study": ("线上学习时长", "online study time"),
    "programme_level": ("培训项目等级", "programme level"),
    "change_feed": ("数据变更计数", "change counter"),
    "lesson_departure": ("已移出日历的课次", "lesson gone from a calendar"),
}

OWN_FIELDS: dict[str, tuple[str, str]] = {
    "username": ("用户名", "user name"),
    "display_name": ("显示名称", "display name"),
    "role": ("角色", "role"),
    "password": ("密码", "password"),
    "date": ("日期", "date"),
    "start_time": ("开始时间", "start time"),
    "end_time": ("结束时间", "end time"),
    "venue_id": ("培训地点", "venue"),
    "lecturer_id": ("讲师", "lecturer"),
    "score": ("成绩", "score"),
    "passed": ("合格", "passed"),
    "late_minutes": ("迟到分钟", "minutes late"),
    "note": ("备注", "note"),
    "value": ("值", "value"),
    "locked": ("锁定", "locked"),
}


def table_of(entity: str) -> str:
    """The table of an entity code (trainee → trainees); a table name stays as it is."""
    for table, code in TABLE_ENTITIES.items():
        if code == entity:
            return table
    return entity


def role_label(role: str, lang: str | None = None) -> str:
    return label(ROLES, role, lang)


def entity_label(entity: str, lang: str | None = None) -> str:
    """An entity code (trainee) or a table name (trainees) in words."""
    code = TABLE_ENTITIES.get(entity, entity)
    return pick(ENTITIES[code], lang) if code in ENTITIES else label(OWN_ENTITIES, code, lang)


def field_label(field: str, lang: str | None = None) -> str:
    return pick(FIELDS[field], lang) if field in FIELDS else label(OWN_FIELDS, field, lang)


def action_phrase(action: str, entity: str = "", lang: str | None = None) -> str:
    return label(ACTIONS, action, lang).format(entity=entity_label(entity, lang) if entity else "")


# Fields stored as codes, shown by their names: (entity, field) → the code table; a field of
# LISTED_CODES holds several codes, comma-separated (a programme's or class's 招收人员类别).
CODED_FIELDS: dict[tuple[str, str], dict[str, tuple[str, str]]] = {
    ("trainee", "category"): TRAINEE_CATEGORIES, ("lecturer", "category"): LECTURER_CATEGORIES,
    ("trainee", "gender"): GENDERS, ("lecturer", "gender"): GENDERS,
}
LISTED_CODES: dict[str, dict[str, tuple[str, str]]] = {"eligible_categories": TRAINEE_CATEGORIES}


def coded_value(entity: str, field: str, value: object, lang: str | None = None) -> str | None:
    """A coded field's value by its names in `lang` — "laid_off,migrant" → "下岗失业人员、进城务工人员"
    — for the change descriptions of the audit trail and of a refused stale save; None when the
    field is not coded (the caller shows the value as it is). `entity` a code or a table name."""
    entity = TABLE_ENTITIES.get(entity, entity)
    if field in LISTED_CODES:
        parts = value if isinstance(value, (list, tuple)) else str(value).split(",")
        names = [label(LISTED_CODES[field], str(p).strip(), lang) for p in parts if str(p).strip()]
        return ("、" if (lang or language()).startswith("zh") else ", ").join(names)
    table = CODED_FIELDS.get((entity, field))
    return label(table, str(value), lang) if table is not None else None
