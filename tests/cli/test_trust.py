"""The command line is held to the same permissions: it logs in with --as / $TRAINER_USER and
$TRAINER_PASSWORD or a token, refuses with exit 1 and the sentence on stderr, records --reveal,
and offers user, login, backup, restore and audit commands."""
import json

import pytest

from tests.scenarios.pdf_scenario import make_class
from tests.scenarios.certificate_keys import PASSPHRASE as KEY_PASSPHRASE, make_signer
from tests.scenarios.trust_fixtures import PASSWORD, make_staff
from trainer.cli import main
from trainer.db.migrate import open_database
from trainer.services import enterprises as ent
from trainer.services.organizations import create_organization
from trainer.services.uow import UnitOfWork


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def office(sqlite_url, monkeypatch):
    """A SQLite office with a class whose trainees qualify, and its four users."""
    for name in ("TRAINER_USER", "TRAINER_PASSWORD", "TRAINER_TOKEN", "TRAINER_NEW_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    db = open_database(sqlite_url)
    uow = UnitOfWork(db)
    create_organization(uow, "新余市总工会", "新余总工会", "XYZGH")
    scenario = make_class(uow, trainees=8, lessons=2)
    ent.create_enterprise(uow, ent.EnterpriseForm("新余光伏"))  # nothing refers to it
    staff = make_staff(db)
    make_signer(staff.uow(staff.officer), staff.uow(staff.admin))
    db.dispose()
    monkeypatch.setenv("TRAINER_PASSWORD", PASSWORD)
    monkeypatch.setenv("TRAINER_KEY_PASSPHRASE", KEY_PASSPHRASE)
    return sqlite_url, scenario


def test_a_clerk_cannot_issue_certificates_on_the_command_line(office, capsys):
    url, scenario = office
    code, out, err = run(capsys, "--lang", "zh", "certificate", "issue", "--class",
                         str(scenario.cohort_id), "--db", url, "--as", "clerk")
    assert code == 1 and out == ""
    assert err.strip() == "trainer: 权限不足：办事员不能新建结业证书。"
    code, out, err = run(capsys, "--lang", "en", "certificate", "issue", "--class",
                         str(scenario.cohort_id), "--db", url, "--as", "officer")
    assert code == 0 and out.startswith("issued ")


def test_a_viewer_cannot_change_anything_on_the_command_line(office, capsys, monkeypatch):
    url, scenario = office
    monkeypatch.setenv("TRAINER_USER", "viewer")
    for args in (["add", "enterprise", "--name", "新余锂电"],
                 ["edit", "trainee", str(scenario.trainee_ids[0]), "--post", "班长"],
                 ["delete", "enterprise", "3"],
                 ["user", "add", "x", "--role", "viewer"],
                 ["backup"], ["list", "trainees", "--reveal"]):
        monkeypatch.setenv("TRAINER_NEW_PASSWORD", PASSWORD)
        code, _out, err = run(capsys, "--lang", "en", *args, "--db", url)
        assert code == 1, args
        assert "Permission denied: a viewer may not" in err, args
    code, out, _ = run(capsys, "list", "enterprises", "--db", url, "--format", "json")
    assert code == 0 and len(json.loads(out)) == 3  # reading is allowed


def test_nobody_logged_in_may_only_read(office, capsys, monkeypatch):
    url, _scenario = office
    monkeypatch.delenv("TRAINER_PASSWORD")
    code, _out, err = run(capsys, "--lang", "en", "add", "enterprise", "--name", "x", "--db", url)
    assert code == 1 and "Log in first" in err
    code, _out, err = run(capsys, "--lang", "en", "list", "trainees", "--db", url, "--as", "clerk")
    assert code == 1 and "TRAINER_PASSWORD" in err  # no password given, no terminal to ask on
    monkeypatch.setenv("TRAINER_PASSWORD", "wrong password")
    code, _out, err = run(capsys, "--lang", "en", "list", "trainees", "--db", url, "--as", "clerk")
    assert code == 1 and "Wrong user name or password" in err


def test_login_token_reveal_and_audit(office, capsys, monkeypatch):
    url, _scenario = office
    code, token, _ = run(capsys, "login", "clerk", "--db", url)
    assert code == 0 and len(token.strip()) > 30
    monkeypatch.delenv("TRAINER_PASSWORD")
    monkeypatch.setenv("TRAINER_TOKEN", token.strip())
    code, out, _ = run(capsys, "list", "trainees", "--db", url, "--format", "json", "--reveal")
    assert code == 0 and all("*" not in r["id_number"] for r in json.loads(out))
    code, out, _ = run(capsys, "show", "trainee", "1", "--db", url)
    assert code == 0 and "*" in out
    code, _out, err = run(capsys, "--lang", "en", "audit", "--db", url)  # a clerk may not
    assert code == 1 and "read the audit trail" in err
    assert run(capsys, "logout", "--db", url)[0] == 0
    code, _out, err = run(capsys, "--lang", "en", "list", "trainees", "--db", url)
    assert code == 1 and "invalid or was revoked" in err
    monkeypatch.delenv("TRAINER_TOKEN")
    monkeypatch.setenv("TRAINER_PASSWORD", PASSWORD)
    code, out, _ = run(capsys, "audit", "--db", url, "--as", "admin", "--user", "clerk",
                       "--format", "json")
    entries = json.loads(out)
    assert [e["action"] for e in entries] == ["logout", "reveal", "login"]
    assert entries[1]["entity"] == "trainees" and "list trainees" in entries[1]["summary"]
    code, out, _ = run(capsys, "--lang", "en", "audit", "--db", url, "--as", "admin",
                       "--action", "create", "--entity", "user", "--since", "2000-01-01")
    assert code == 0 and out.strip().endswith("(4)") and "officer" in out


def test_user_commands(office, capsys, monkeypatch):
    url, _scenario = office
    monkeypatch.setenv("TRAINER_USER", "admin")
    monkeypatch.setenv("TRAINER_NEW_PASSWORD", "a fresh password")
    code, out, _ = run(capsys, "--lang", "en", "user", "add", "Wang", "--role", "officer",
                       "--name", "王芳", "--db", url)
    assert code == 0 and out.strip() == "wang (training officer)"
    code, out, _ = run(capsys, "--lang", "en", "user", "list", "--db", url)
    assert "王芳" in out and out.strip().endswith("(5)")
    assert run(capsys, "user", "disable", "wang", "--db", url)[0] == 0
    monkeypatch.setenv("TRAINER_PASSWORD", "a fresh password")
    code, _out, err = run(capsys, "--lang", "en", "list", "trainees", "--db", url, "--as", "wang")
    assert code == 1 and "disabled" in err
    monkeypatch.setenv("TRAINER_PASSWORD", PASSWORD)
    assert run(capsys, "user", "enable", "wang", "--db", url)[0] == 0
    assert run(capsys, "user", "role", "wang", "clerk", "--db", url)[0] == 0
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO("typed on stdin\n"))
    assert run(capsys, "user", "passwd", "wang", "--password-stdin", "--db", url)[0] == 0
    monkeypatch.setenv("TRAINER_PASSWORD", "typed on stdin")
    assert run(capsys, "list", "trainees", "--db", url, "--as", "wang")[0] == 0


def test_backup_and_restore_commands(office, capsys, tmp_path, monkeypatch):
    url, _scenario = office
    monkeypatch.setenv("TRAINER_USER", "admin")
    copy = tmp_path / "copy.db"
    code, out, _ = run(capsys, "backup", "--out", str(copy), "--db", url)
    assert code == 0 and out.strip() == str(copy) and copy.exists()
    assert run(capsys, "add", "enterprise", "--name", "新余锂电", "--db", url)[0] == 0
    damaged = tmp_path / "damaged.db"
    data = bytearray(copy.read_bytes())
    data[len(data) // 2:len(data) // 2 + 8192] = b"\xff" * 8192
    damaged.write_bytes(bytes(data))
    code, _out, err = run(capsys, "--lang", "en", "restore", str(damaged), "--db", url)
    assert code == 1 and "is damaged" in err and "not touched" in err
    code, out, _ = run(capsys, "--lang", "en", "restore", str(copy), "--db", url)
    assert code == 0 and "kept as" in out
    code, out, _ = run(capsys, "list", "enterprises", "--db", url, "--format", "json")
    assert "新余锂电" not in out
    code, out, _ = run(capsys, "--lang", "en", "backup", "--list", "--db", url)
    assert "daily" in out and "replaced" in out
