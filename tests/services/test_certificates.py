"""Certificates: who gets one, numbers, HMAC codes, revoke and reissue with history, verify
genuine / revoked / not genuine, and the PDFs read back (text, font, pages, QR)."""
import base64
import dataclasses
import datetime as dt
import io
import json

import pytest
from sqlalchemy import select, update

from tests.scenarios.certificate_keys import PASSPHRASE, make_signer
from tests.scenarios.pdf_scenario import make_class, seal_png
from tests.pdf_reading import all_fonts_embedded, decode_codes, page_count, page_sizes, text
from trainer.cli import main
from trainer.db.models import Certificate, Trainee
from trainer.errors import CertificateError, PdfError, ValidationError
from trainer.pdf.certificate_template import (BUILT_IN, CertificateTemplate, chinese_numeral_date,
                                              fill, load_template, save_template, seal_version,
                                              set_seal, templates_version)
from trainer.pdf.certificates import (build_certificate, build_certificate_preview,
                                      build_certificates)
from trainer.services import certificates as svc
from trainer.services.certificate_verification import verify_certificate
from trainer.services.certificate_numbers import check_number_format, theme_code
from trainer.services.certificate_proof import (CODE_ALPHABET, code_of_signature,
                                                parse_verification_text)
from trainer.services.settings import DEFAULTS, get_setting, set_setting

ISSUED = dt.date(2026, 10, 9)


@pytest.fixture
def scenario(uow):
    return make_class(uow, trainees=20, lessons=4)


@pytest.fixture
def signer(uow):
    return make_signer(uow)


def test_completion_goes_to_those_who_complete_attendance_to_all_who_attended(uow, scenario, signer):
    outcomes = {o.trainee_id: o for o in svc.class_outcomes(uow, scenario.cohort_id, "en")}
    result = svc.issue_certificates(uow, scenario.cohort_id, signer=signer, issued_on=ISSUED,
                                    grade="初级")
    completes = {t for t, o in outcomes.items() if o.completes}
    assert 0 < len(completes) < 20
    assert {c.trainee_id for c in result.issued} == completes
    assert {o.trainee_id for o in result.not_eligible} == set(outcomes) - completes
    missed = next(o for o in outcomes.values() if "attended 2 of 4 lessons, needs 3" in o.reason)
    assert not missed.completes
    numbers = [c.number for c in result.issued]
    assert numbers == [f"XYZGH-2026-AQ-{i:05d}" for i in range(1, len(completes) + 1)]
    assert all(c.grade == "初级" and c.course_hours == 8 for c in result.issued)
    assert {c.attended_minutes for c in result.issued} <= {360, 480}
    again = svc.issue_certificates(uow, scenario.cohort_id, signer=signer, issued_on=ISSUED)
    assert (again.issued, len(again.already)) == ((), len(completes))

    attendance = svc.issue_certificates(uow, scenario.cohort_id, "attendance", signer=signer,
                                        issued_on=ISSUED, grade="初级")
    assert len(attendance.issued) == 20 and not attendance.not_eligible
    assert attendance.issued[0].number == f"XYZGH-2026-AQ-{len(completes) + 1:05d}"
    assert all(c.grade == "" for c in attendance.issued)  # grades are for completion only
    hours = {c.trainee_id: c.attended_minutes for c in attendance.issued}
    assert hours == {t: o.attended_minutes for t, o in outcomes.items()}


def test_verification_genuine_revoked_and_forged(uow, scenario, signer):
    issued = svc.issue_certificates(uow, scenario.cohort_id, signer=signer, issued_on=ISSUED).issued
    a, b = issued[0], issued[1]
    assert verify_certificate(uow, a.number, a.verification_code).status == "genuine"
    # typed by a person: lower case, a dash, O for 0
    typed = a.code_display.lower().replace("0", "o")
    assert verify_certificate(uow, a.number.lower(), typed).status == "genuine"
    forged = verify_certificate(uow, a.number, b.verification_code)
    assert (forged.status, forged.detail) == ("not_genuine", "code_mismatch")
    unknown = verify_certificate(uow, "XYZGH-2026-AQ-99999", a.verification_code)
    assert (unknown.status, unknown.detail) == ("not_genuine", "unknown_number")
    assert "不是真实证书" in unknown.message("zh") and "not genuine" in unknown.message("en")

    revoked = svc.revoke_certificate(uow, a.number, "考核成绩录入错误")
    verdict = verify_certificate(uow, a.number, a.verification_code)
    assert verdict.status == "revoked" and revoked.revoked_at is not None
    assert "考核成绩录入错误" in verdict.message("zh")
    with pytest.raises(CertificateError) as info:
        svc.revoke_certificate(uow, a.number, "again")
    assert info.value.reason == "already_revoked"
    with pytest.raises(CertificateError):
        svc.revoke_certificate(uow, b.number, "  ")

    # someone edits the database to move b to another person: the signed facts no longer fit
    with uow:
        uow.session.execute(update(Certificate).where(Certificate.id == b.id)
                            .values(trainee_id=scenario.trainee_ids[-1]))
    tampered = verify_certificate(uow, b.number, b.verification_code)
    assert (tampered.status, tampered.detail) == ("not_genuine", "changed")


def test_reissue_keeps_history_and_the_old_number_says_where_it_went(uow, scenario, signer):
    first = svc.issue_certificates(uow, scenario.cohort_id, signer=signer, issued_on=ISSUED).issued[0]
    new = svc.reissue_certificate(uow, first.number, "遗失补办", signer=signer, issued_on=dt.date(2026, 12, 1))
    assert new.number != first.number and new.trainee_id == first.trainee_id
    assert new.attended_minutes == first.attended_minutes
    old = verify_certificate(uow, first.number, first.verification_code)
    assert (old.status, old.replaced_by) == ("revoked", new.number)
    assert new.number in old.message("zh")
    assert verify_certificate(uow, new.number, new.verification_code).status == "genuine"
    history = svc.certificate_history(uow, scenario.cohort_id, first.trainee_id)
    assert [c.number for c in history] == [first.number, new.number]
    assert history[0].replaced_by_id == new.id and history[0].revoked_reason == "遗失补办"
    with pytest.raises(CertificateError):
        svc.reissue_certificate(uow, first.number, signer=signer)  # reissue the current one instead
    newer = svc.reissue_certificate(uow, new.number, signer=signer)
    assert len(svc.certificate_history(uow, scenario.cohort_id, first.trainee_id)) == 3
    assert verify_certificate(uow, newer.number, newer.verification_code).status == "genuine"


def test_codes_come_from_the_signature_and_the_old_hmac_key_is_gone(uow, scenario, signer):
    issued = svc.issue_certificates(uow, scenario.cohort_id, signer=signer, issued_on=ISSUED).issued
    with uow:
        rows = {r.id: r for r in uow.session.scalars(select(Certificate))}
    for cert in issued:
        row = rows[cert.id]
        assert row.verification_code == code_of_signature(base64.b64decode(row.signature))
        assert set(cert.verification_code) <= set(CODE_ALPHABET) and len(cert.verification_code) == 8
        facts = json.loads(row.facts)
        assert facts["name"] == cert.trainee_name and facts["id_number"] == cert.id_number
        assert facts["number"] == cert.number and facts["hours"] == 8
    assert "certificate.secret_key" not in DEFAULTS


def test_number_format_and_theme_codes_come_from_the_settings(uow, scenario, signer):
    set_setting(uow, "certificate.number_format", "{prefix}{year}{kind}-{theme}{serial:04d}", force=True)
    set_setting(uow, "certificate.theme_codes", {"安全生产": "SAFE"}, force=True)
    issued = svc.issue_certificates(uow, scenario.cohort_id, signer=signer, issued_on=ISSUED).issued
    assert issued[0].number == "XYZGH2026JY-SAFE0001"
    with pytest.raises(CertificateError):
        check_number_format("{prefix}-{year}")
    assert theme_code("职工心理健康") == "ZG" and theme_code("线上线下营销") == "XS"


def test_the_pdf_has_every_certificate_with_name_number_code_and_a_qr(uow, scenario, tmp_path, signer):
    issued = svc.issue_certificates(uow, scenario.cohort_id, signer=signer, issued_on=ISSUED,
                                    grade="初级").issued
    set_seal(uow, seal_png(), seal_version(uow))
    out = tmp_path / "结业证书.pdf"
    result = build_certificates(uow, scenario.cohort_id, out)
    assert result.pages == page_count(out) == len(issued)
    assert page_sizes(out)[0] == (842, 595)  # A4 landscape
    assert all_fonts_embedded(out)
    body = text(out)
    for cert in issued:
        assert cert.trainee_name in body and cert.number in body and cert.code_display in body
    assert "结业证书" in body.replace(" ", "") and "二〇二六年十月九日" in body
    assert "2026年9月7日至2026年9月14日" in body and "等级评定为初级" in body
    assert "有限空间作业安全01" in body and "新余市总工会" in body
    scanned = decode_codes(out, 0, scale=3)[0]
    assert parse_verification_text(scanned) == (issued[0].number, issued[0].verification_code)


def test_attendance_certificates_state_hours_and_one_file_per_trainee(uow, scenario, tmp_path, signer):
    issued = svc.issue_certificates(uow, scenario.cohort_id, "attendance", signer=signer,
                                    issued_on=ISSUED).issued
    folder = tmp_path / "each"
    done = []
    result = build_certificates(uow, scenario.cohort_id, None, kind="attendance",
                                per_trainee_dir=folder, progress=lambda d, t: done.append((d, t)))
    assert len(result.files) == len(issued) == 20 and done[-1] == (20, 20)
    one = next(f for f in result.files if issued[3].number in f)
    assert issued[3].trainee_name in one
    body = text(one)
    assert "培训证明" in body.replace(" ", "")
    assert f"实际参加{issued[3].attended_minutes // 60}学时" in body
    with pytest.raises(PdfError) as info:
        build_certificates(uow, scenario.cohort_id, tmp_path / "c.pdf", kind="attendance",
                           cancel=lambda: True)
    assert info.value.reason == "cancelled" and not (tmp_path / "c.pdf").exists()


def test_templates_validate_fill_optional_parts_and_change_the_layout(uow, scenario, signer):
    assert fill("合格[,等级{grade}]。", {"grade": ""}) == "合格。"
    assert fill("合格[,等级{grade}]。", {"grade": "初级"}) == "合格,等级初级。"
    assert chinese_numeral_date(dt.date(2026, 10, 9)) == "二〇二六年十月九日"
    assert chinese_numeral_date(dt.date(2027, 12, 31)) == "二〇二七年十二月三十一日"
    with pytest.raises(CertificateError) as info:
        save_template(uow, dataclasses.replace(BUILT_IN["completion"], body="{nmae}同志"),
                      templates_version(uow))
    assert "{nmae}" in info.value.message("zh")
    with pytest.raises(ValidationError):
        save_template(uow, dataclasses.replace(BUILT_IN["completion"], orientation="square"),
                      templates_version(uow))
    mine = dataclasses.replace(load_template(uow, "completion"), orientation="portrait",
                               title="结业证明书", body="{name}完成“{course}”全部课程。")
    save_template(uow, mine, templates_version(uow))
    assert load_template(uow, "completion") == mine
    assert get_setting(uow, "certificate.templates")["completion"].keys() == {
        "orientation", "title", "body"}
    svc.issue_certificates(uow, scenario.cohort_id, signer=signer, issued_on=ISSUED)
    buffer = io.BytesIO()
    build_certificates(uow, scenario.cohort_id, buffer)
    assert page_sizes(buffer.getvalue())[0] == (595, 842)
    assert "完成“有限空间作业安全01”全部课程" in text(buffer.getvalue())
    preview = io.BytesIO()
    build_certificate_preview(uow, dataclasses.replace(mine, title="预览证书"), preview)
    assert "王晓明" in text(preview.getvalue()) and "预览证书" in text(preview.getvalue())
    with pytest.raises(CertificateError):
        set_seal(uow, b"GIF89a not a png", seal_version(uow))


def test_a_revoked_certificate_reprints_marked_revoked(uow, scenario, signer):
    cert = svc.issue_certificates(uow, scenario.cohort_id, signer=signer, issued_on=ISSUED).issued[0]
    svc.revoke_certificate(uow, cert.number, "重复发放")
    buffer = io.BytesIO()
    build_certificate(uow, cert.number, buffer)
    assert "已作废" in text(buffer.getvalue())
    with pytest.raises(PdfError) as info:  # no attendance certificate was issued
        build_certificates(uow, scenario.cohort_id, io.BytesIO(), kind="attendance")
    assert info.value.reason == "nothing_to_print"


def test_cli_issue_print_verify_revoke(uow, scenario, database, tmp_path, capsys, monkeypatch):
    url = str(database.engine.url.render_as_string(hide_password=False))
    assert main(["--db", url, "pdf", "certificates", "--class", str(scenario.cohort_id),
                 "--out", str(tmp_path / "none.pdf")]) == 2  # no passphrase anywhere
    monkeypatch.setenv("TRAINER_KEY_PASSPHRASE", PASSPHRASE)
    assert main(["--db", url, "certificate", "key", "create"]) == 0
    out = tmp_path / "certs.pdf"
    assert main(["--db", url, "--lang", "en", "pdf", "certificates", "--class",
                 str(scenario.cohort_id), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "issued" in printed and "pages" in printed and out.exists()
    cert = svc.list_certificates(uow, cohort_id=scenario.cohort_id)[0]
    assert main(["--db", url, "certificate", "verify", cert.number, cert.code_display]) == 0
    assert main(["--db", url, "certificate", "verify", cert.number, "AAAA-BBBB"]) == 6
    assert main(["--db", url, "certificate", "revoke", cert.number, "--reason", "错发"]) == 0
    assert main(["--db", url, "certificate", "verify", cert.number, cert.verification_code]) == 5
    assert main(["--db", url, "--lang", "en", "certificate", "list", "--class",
                 str(scenario.cohort_id), "--all"]) == 0
    assert "revoked" in capsys.readouterr().out
    from trainer.services.schedule_classes import get_class  # by its code as well as by its id
    code = get_class(uow, scenario.cohort_id).code
    assert main(["--db", url, "--lang", "en", "certificate", "list", "--class", code,
                 "--all"]) == 0
    assert "revoked" in capsys.readouterr().out
    assert main(["--db", url, "certificate", "list", "--class", "NO-SUCH"]) == 2
    assert main(["--db", url, "pdf", "certificates", "--class", str(scenario.cohort_id)]) == 2
    with uow:
        name = uow.session.get(Trainee, cert.trainee_id).name
    assert name in text(out)
