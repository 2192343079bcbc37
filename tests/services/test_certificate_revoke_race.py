"""Two desks revoking one certificate (issue 15): two engines on one SQLite file, two connections
to one PostgreSQL database. The later revocation is refused with a sentence naming who revoked
it, when and why, and the first reason stays — also when both read it current at the same
instant (the conditional UPDATE … WHERE revoked_at IS NULL decides)."""
from __future__ import annotations

import datetime as dt

import pytest

from tests.scenarios.certificate_keys import make_signer
from tests.scenarios.pdf_scenario import make_class
from tests.scenarios.trust_fixtures import make_staff
from trainer.db.migrate import open_database
from trainer.errors import CertificateError
from trainer.services import certificates as svc
from trainer.services.organizations import create_organization
from trainer.services.uow import UnitOfWork


@pytest.fixture
def desks(db_url):
    """(desk A 李干事, desk B 王管理, a certificate's number), each desk with its own engine."""
    first = open_database(db_url)
    system = UnitOfWork(first)
    create_organization(system, "新余市总工会", "新余总工会", "XYZGH")
    scenario = make_class(system, trainees=3, lessons=2)
    issued = svc.issue_certificates(system, scenario.cohort_id, "attendance",
                                    signer=make_signer(system), issued_on=dt.date(2026, 10, 9))
    staff = make_staff(first)  # from now on every write names its user
    second = open_database(db_url)
    yield (UnitOfWork(first, user=staff.officer), UnitOfWork(second, user=staff.admin),
           issued.issued[0].number)
    first.dispose()
    second.dispose()


def _assert_refused_naming_a(info, number: str) -> None:
    assert info.value.reason == "revoked_by"
    zh, en = info.value.message("zh"), info.value.message("en")
    assert f"证书 {number} 已于 " in zh and "被 李干事 作废（原因：重复发放），未再次作废。" in zh, zh
    assert "revoked by 李干事 on " in en and "(reason: 重复发放)" in en, en


def test_a_certificate_revoked_at_the_other_desk_is_not_revoked_again(desks):
    desk_a, desk_b, number = desks
    assert svc.get_certificate(desk_b, number).revoked_at is None  # what desk B shows
    svc.revoke_certificate(desk_a, number, "重复发放")
    with pytest.raises(CertificateError) as info:
        svc.revoke_certificate(desk_b, number, "姓名有误")
    _assert_refused_naming_a(info, number)
    assert svc.get_certificate(desk_b, number).revoked_reason == "重复发放"


def test_two_desks_revoking_at_the_same_instant_the_later_is_refused(desks, monkeypatch):
    """Desk B has read the certificate as current and is about to write when desk A's
    revocation commits (run from inside B's revoke, after its read)."""
    desk_a, desk_b, number = desks
    real_now, raced = svc.utcnow, []

    def now_after_the_other_desk():
        if not raced:
            raced.append(True)
            svc.revoke_certificate(desk_a, number, "重复发放")  # commits on the other engine
        return real_now()

    monkeypatch.setattr(svc, "utcnow", now_after_the_other_desk)
    with pytest.raises(CertificateError) as info:
        svc.revoke_certificate(desk_b, number, "姓名有误")
    assert raced
    _assert_refused_naming_a(info, number)
    kept = svc.get_certificate(desk_a, number)
    assert kept.revoked_reason == "重复发放" and kept.revoked_at is not None
