"""The trust rules without a database: which role may write which table, the sentences of the
refusals, "changed by" messages, password hashing."""
import datetime as dt

import pytest

from trainer.db.models import Base
from trainer.errors import (AccountError, AuthenticationError, BackupError, FieldChange,
                            PermissionDenied, StaleEditError)
from trainer.security import roles
from trainer.security.passwords import (check_password_rules, hash_password, token_digest,
                                        verify_password)
from trainer.texts.security import ACTIONS, TABLE_ENTITIES, action_phrase, entity_label


def test_every_table_is_classified():
    """A new table must say which permission writes it (else only the administrator may)."""
    tables = set(Base.metadata.tables)
    assert tables - set(roles.TABLE_PERMISSIONS) == roles.SYSTEM_TABLES
    assert tables <= set(TABLE_ENTITIES)
    for table in tables:
        assert not entity_label(table, "zh").isascii() and entity_label(table, "en")


@pytest.mark.parametrize("role, allowed", [
    ("admin", {"users", "organizations", "settings", "enterprises", "lessons", "certificates",
               "trainees", "attendance"}),
    ("officer", {"enterprises", "venues", "themes", "courses", "lecturers", "lecturer_themes",
                 "lecturer_availability", "lecturer_unavailability", "training_requests", "cohorts", "lessons", "calendar_overrides",
                 "programmes", "programme_levels", "lesson_departures", "certificates",
                 "certificate_counters",
                 "trainees", "enrolments", "attendance", "assessments", "online_study",
                 "feedback"}),
    ("clerk", {"trainees", "enrolments", "attendance", "assessments", "feedback",
               "online_study"}),
    ("viewer", set()),
])
def test_what_each_role_may_write(role, allowed):
    writable = {t for t in roles.TABLE_PERMISSIONS
                if roles.holds(role, roles.table_permission(t))}
    if role == "admin":
        assert writable == set(roles.TABLE_PERMISSIONS)
    else:
        assert writable == allowed


def test_other_permissions_by_role():
    grid = {role: {p for p in roles.ALL if roles.holds(role, p)} for role in roles.ROLES}
    assert grid["admin"] == roles.ALL
    assert grid["officer"] == {"master_data", "planning", "certificates", "trainees", "records",
                               "reveal", "backup"}
    assert grid["clerk"] == {"trainees", "records", "reveal"}
    assert grid["viewer"] == set()
    assert roles.holds("system", "restore") and not roles.holds("anonymous", "reveal")


def test_settings_by_key():
    def needs(key, action="update"):
        return roles.table_permission("settings", {"key": key}, action)

    assert needs("schedule.periods") == needs("planner.weights") == "planning"
    assert needs("certificate.templates") == needs("pdf.font_path") == "certificates"
    assert needs("backup.keep") == needs("security.lock_minutes") == needs("fees.withholding") \
        == "settings"
    # nothing is made on first use by whoever triggers it: the old HMAC key is gone (0008) and
    # a viewer cannot plant a certificate setting of their choosing
    assert needs("certificate.verify_url", "create") == "certificates"
    assert roles.table_permission("certificate_keys", {}, "create") == "settings"
    assert not roles.holds("officer", "settings")


def test_refusal_sentences():
    assert PermissionDenied("clerk", "create", "certificates").message("zh") == \
        "权限不足：办事员不能新建结业证书。"
    assert PermissionDenied("officer", "users").message("en") == \
        "Permission denied: a training officer may not manage users."
    assert PermissionDenied("admin", "delete", "trainees").message("en") == \
        "Permission denied: an administrator may not delete trainee records."
    assert "请先登录" in PermissionDenied("anonymous", "update", "lessons").message("zh")
    for action in ACTIONS:
        assert action_phrase(action, "trainees", "zh") and action_phrase(action, "", "en")
    assert "HH" not in AuthenticationError("locked", until="10:45").message("en")
    assert "10:45" in AuthenticationError("locked", until="10:45").message("zh")
    assert "8" in AccountError("password_short", min=8).message("zh")
    assert "apt install postgresql-client" in BackupError("pg_tools_missing",
                                                          tool="pg_dump").message("en")


def test_stale_edit_messages():
    at = dt.datetime(2026, 5, 1, 2, 30)
    local = at.replace(tzinfo=dt.timezone.utc).astimezone()
    plain = StaleEditError("trainee", "张三", 1, 2, at)
    assert plain.message("zh") == f"学员“张三”已于 {local:%Y-%m-%d %H:%M:%S} 被他人修改，请重新打开后再保存。"
    known = StaleEditError("trainee", "张三", 1, 3, at, updated_by="王芳", changes=(
        FieldChange("id_number", "11010519491231002X", "110105194912310029"),
        FieldChange("notes", "", "转岗")))
    zh, en = known.message("zh"), known.message("en")
    assert "被 王芳 修改" in zh and "11010519491231002X" not in zh and "转岗" in zh
    assert en.startswith("Trainee “张三” was changed by 王芳 at")
    assert "notes — → 转岗" in en
    coded = StaleEditError("trainee", "张三", 1, 2, at, changes=(
        FieldChange("category", "regular", "laid_off"), FieldChange("gender", "F", "M")))
    assert "在岗职工 → 下岗失业人员" in coded.message("zh") and "女 → 男" in coded.message("zh")
    assert "employed worker → laid-off / unemployed" in coded.message("en")


def test_passwords_and_tokens():
    stored = hash_password("correct horse 1")
    assert stored.startswith("$argon2id$") and "m=19456,t=2,p=1" in stored
    assert verify_password(stored, "correct horse 1") == (True, None)
    assert verify_password(stored, "correct horse 2") == (False, None)
    assert verify_password(None, "anything") == (False, None)
    assert verify_password("not a hash", "anything") == (False, None)
    with pytest.raises(AccountError):
        check_password_rules("short")
    assert token_digest("abc") == token_digest(" abc\n") != token_digest("abd")
    assert len(token_digest("abc")) == 64


def test_the_unknown_users_hash_costs_what_a_real_one_does():
    """An unknown name is checked against a fixed hash (not made at import: an argon2 hash at
    every start); it must have today's parameters, or a wrong name would answer faster."""
    from trainer.security import passwords

    assert not passwords._hasher.check_needs_rehash(passwords._DUMMY_HASH)
    assert passwords.verify_password(None, "not a password of anyone") == (False, None)
    assert passwords.verify_password(hash_password("Xinyu-2026!"), "Xinyu-2026!")[0]
