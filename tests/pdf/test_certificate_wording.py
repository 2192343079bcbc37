"""Issue 14: certificates say only what is true (the assessment sentence only where the course
assesses and the holder passed) and carry a QR code a phone understands — read back with
zxing-cpp from the printed page and verified with `trainer certificate verify "<decoded>"`."""
import datetime as dt

import pytest
from sqlalchemy import update

from tests.scenarios.certificate_keys import make_signer
from tests.scenarios.pdf_scenario import make_class
from tests.pdf_reading import decode_codes, text
from trainer.cli import main
from trainer.db.models import Course, Organization
from trainer.pdf.certificates import build_certificates
from trainer.services.certificate_proof import masked_name, parse_verification_text, qr_text
from trainer.services.certificates import issue_certificates
from trainer.services.settings import set_setting

ISSUED = dt.date(2026, 10, 9)


def _pages(pdf_path) -> list[str]:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        return [page.get_textpage().get_text_range() for page in pdf]
    finally:
        pdf.close()


def test_no_assessment_no_exam_sentence_passed_holders_get_it(uow, tmp_path):
    assessed = make_class(uow, trainees=8, lessons=2, code="AQ-2026-01")
    plain = make_class(uow, trainees=8, lessons=2, code="XL-2026-02", theme="职工心理健康",
                       title="职工压力管理与情绪调适", seed=8)
    with uow:  # a course with no pass mark (and the office does not require an assessment)
        uow.session.execute(update(Course).where(Course.id == plain.course_id)
                            .values(pass_mark=None))
    signer = make_signer(uow)
    with_exam = issue_certificates(uow, assessed.cohort_id, signer=signer, issued_on=ISSUED).issued
    without = issue_certificates(uow, plain.cohort_id, signer=signer, issued_on=ISSUED).issued
    assert with_exam and without
    build_certificates(uow, plain.cohort_id, tmp_path / "plain.pdf")
    build_certificates(uow, assessed.cohort_id, tmp_path / "assessed.pdf")
    plain_text = text(tmp_path / "plain.pdf")
    assert "考核" not in plain_text and "成绩合格" not in plain_text
    assert "学时的学习任务，准予结业" in plain_text.replace("\n", "")
    pages = _pages(tmp_path / "assessed.pdf")
    assert len(pages) == len(with_exam)
    for cert, page in zip(with_exam, pages):  # every holder there passed the assessment
        flat = page.replace("\r", "").replace("\n", "").replace(" ", "")
        assert cert.assessment == "passed" and "经考核成绩合格" in flat, cert.trainee_name
    # the attendance certificate states hours attended, never an assessment
    attended = issue_certificates(uow, assessed.cohort_id, "attendance", signer=signer,
                                  issued_on=ISSUED).issued
    build_certificates(uow, assessed.cohort_id, tmp_path / "hours.pdf", kind="attendance")
    hours = text(tmp_path / "hours.pdf")
    assert attended and "考核" not in hours and "实际参加" in hours


@pytest.fixture
def printed(uow, tmp_path):
    scenario = make_class(uow, trainees=6, lessons=2)
    with uow:
        uow.session.execute(update(Organization).values(phone="0790-6221234"))
    issued = issue_certificates(uow, scenario.cohort_id, signer=make_signer(uow),
                                issued_on=ISSUED).issued
    return scenario, issued


def test_the_qr_is_a_sentence_a_phone_shows_and_verify_accepts_it(uow, database, printed,
                                                                  tmp_path, capsys):
    scenario, issued = printed
    out = tmp_path / "certs.pdf"
    build_certificates(uow, scenario.cohort_id, out)
    decoded = decode_codes(out, 0, scale=3)
    assert len(decoded) == 1
    sentence, cert = decoded[0], issued[0]
    assert sentence.startswith(f"结业证书编号{cert.number}，持证人{masked_name(cert.trainee_name)}，")
    assert cert.trainee_name not in sentence  # masked
    assert "2026年10月9日发证" in sentence and f"验证码{cert.code_display}" in sentence
    assert sentence.endswith("查验真伪请致电新余市总工会0790-6221234，报证书编号和验证码。")
    url = database.engine.url.render_as_string(hide_password=False)
    capsys.readouterr()
    assert main(["--db", url, "--lang", "zh", "certificate", "verify", sentence]) == 0
    said = capsys.readouterr().out
    assert said.startswith("真实有效。") and cert.number in said and "签名密钥指纹" in said
    assert main(["--db", url, "certificate", "verify", sentence.replace(
        cert.code_display, "AAAA-BBBB")]) == 6
    assert main(["--db", url, "certificate", "verify", "今天天气很好"]) == 6
    # the older QR text and "NUMBER CODE" typed are read too
    assert main(["--db", url, "certificate", "verify", f"CERT:{cert.number}:{cert.verification_code}"]) == 0
    assert main(["--db", url, "certificate", "verify", f"{cert.number} {cert.code_display}"]) == 0


def test_with_a_verification_page_the_qr_is_its_address(uow, database, printed, tmp_path, capsys):
    scenario, issued = printed
    set_setting(uow, "certificate.verify_url", "https://zgh.xinyu.gov.cn/zs/check", force=True)
    out = tmp_path / "certs.pdf"
    build_certificates(uow, scenario.cohort_id, out)
    address = decode_codes(out, 1, scale=3)[0]
    cert = issued[1]
    assert address == (f"https://zgh.xinyu.gov.cn/zs/check?n={cert.number}"
                       f"&c={cert.verification_code}")
    url = database.engine.url.render_as_string(hide_password=False)
    assert main(["--db", url, "--lang", "en", "certificate", "verify", address]) == 0
    assert capsys.readouterr().out.startswith("genuine. ")


def test_qr_sentences_parse_back_for_every_shape_of_name_and_number():
    for name, shown in (("王晓明", "王*明"), ("王明", "王*"), ("欧阳晓明", "欧**明"), ("李𠮷祥", "李*祥")):
        assert masked_name(name) == shown
    for number in ("XYZGH-2026-AQ-00001", "XY2026JY-SAFE0001", "新总-2026-001"):
        for phone in ("", "0790-6221234"):
            sentence = qr_text(kind_title="培训证明", number=number, code="K7M2Q9XD", name="王晓明",
                               course="有限空间作业安全", issued_on=ISSUED, office="新余市总工会",
                               phone=phone)
            assert parse_verification_text(sentence) == (number, "K7M2Q9XD")
    assert parse_verification_text("https://a.cn/v?x=1&n=XY-1&c=k7m2-q9xd") == ("XY-1", "K7M2Q9XD")
    assert parse_verification_text("https://a.cn/v") is None
    assert parse_verification_text("") is None
