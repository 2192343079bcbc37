"""Certificates and printed documents from the GUI: issue, revoke, check a certificate, edit the
template with its live preview, and preview / save documents (read back from the saved PDF)."""
import datetime as dt

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QInputDialog, QPushButton

from tests.scenarios.attendance_fixtures import (make_class, make_course, make_enterprise,
                                                   make_trainees)
from tests.scenarios.certificate_keys import PASSPHRASE
from tests.pdf_reading import text as pdf_text
from trainer.services import certificate_keys as keys
from trainer.services.certificate_proof import qr_text
from trainer.pdf.certificate_template import load_template
from trainer.services.attendance import CellChange, save_attendance
from trainer.services.certificates import list_certificates
from trainer.services.enrolment import enrol_trainees, list_enrolments


@pytest.fixture
def finished_class(uow):
    """A four-lesson class held in March 2026: two trainees attended everything, one only once."""
    course = make_course(uow, "安全生产标准化", lessons=4)
    firm = make_enterprise(uow, "新余恒达钢铁有限公司")
    cohort_id, lessons = make_class(uow, course, "XY-1", lessons=4, enterprise_id=firm)
    people = make_trainees(uow, 3, enterprise_id=firm)
    enrol_trainees(uow, cohort_id, people, enrolled_on=dt.date(2026, 3, 1))
    save_attendance(uow, [CellChange(lesson, person, "present") for lesson in lessons
                          for person in people[:2]] + [CellChange(lessons[0], people[2], "present")])
    keys.create_key(uow, PASSPHRASE)  # the administrator made the office's signing key
    return cohort_id, lessons, people


def type_passphrase(dialog):
    assert dialog.objectName() == "passphraseDialog"
    dialog.passphrase.setText(PASSPHRASE)
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()


def test_issue_revoke_and_verify(qtbot, window, answer, uow, finished_class, monkeypatch):
    cohort_id, _lessons, _people = finished_class
    page = window.show_page("certificates")
    page.choose(cohort_id, "completion")

    def wrong_then_right(dialog):
        dialog.passphrase.setText("not the passphrase")
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    def refused(box):
        assert "passphrase is wrong" in box.text()
        box.accept()

    answer(page.issue_button.click, wrong_then_right, refused, type_passphrase)
    qtbot.waitUntil(lambda: page.table.rowCount() == 2, timeout=10000)
    assert page.status.text().startswith("Issued 2, already held 0, not qualified 1.")
    issued = list_certificates(uow, cohort_id=cohort_id, kind="completion")
    page.select_number(issued[0].number)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("姓名写错", True))
    page.revoke_button.click()
    assert "revoked: 姓名写错" in page.table.item(0, 5).text()
    seen = []

    def check(dialog):
        sentence = qr_text(kind_title="结业证书", number=issued[1].number,
                           code=issued[1].verification_code, name=issued[1].trainee_name,
                           course=issued[1].course, issued_on=issued[1].issued_on, office="x")
        for number, code in ((issued[1].number, issued[1].verification_code),
                             (issued[0].number, issued[0].verification_code),
                             (issued[1].number, "AAAA-BBBB"),
                             (sentence, "")):  # the QR's text as a scanner types it
            dialog.number.setText(number)
            dialog.code.setText(code)
            dialog.findChild(QPushButton, "check").click()
            seen.append(dialog.verification.status)
        dialog.reject()

    answer(page.verify_button.click, check)
    assert seen == ["genuine", "revoked", "not_genuine", "genuine"]


def test_print_preview_and_save(qtbot, window, answer, uow, finished_class, tmp_path, monkeypatch):
    cohort_id, _lessons, _people = finished_class
    page = window.show_page("certificates")
    page.choose(cohort_id, "completion")
    answer(page.issue_button.click, type_passphrase)
    qtbot.waitUntil(lambda: page.table.rowCount() == 2, timeout=10000)
    out = tmp_path / "证书.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    seen = {}

    def look_and_save(dialog):
        seen["pages"] = len(dialog.page_labels)
        seen["info"] = dialog.info.text()
        dialog.findChild(QPushButton, "savePdf").click()
        dialog.accept()

    answer(page.print_button.click, look_and_save)
    assert seen == {"pages": 2, "info": "2 pages"}
    names = [e.trainee_name for e in list_enrolments(uow, cohort_id)][:2]
    text = pdf_text(out)
    assert "结业证书" in text.replace(" ", "") and any(n in text for n in names)



def test_print_the_selected_certificate_only_on_a_landscape_sheet(qtbot, window, answer, uow,
                                                                  finished_class, tmp_path):
    """Reprinting one certificate prints that one: one page, on a landscape A4 sheet."""
    from PySide6.QtPrintSupport import QPrinter

    cohort_id, _lessons, _people = finished_class
    page = window.show_page("certificates")
    page.choose(cohort_id, "completion")
    answer(page.issue_button.click, type_passphrase)
    qtbot.waitUntil(lambda: page.table.rowCount() == 2, timeout=10000)
    assert not page.print_one_button.isEnabled()
    page.table.selectRow(1)
    number = page.selected_number()
    assert page.print_one_button.isEnabled()
    out = tmp_path / "printed.pdf"
    seen = {}

    def print_it(dialog):
        seen["pages"] = dialog.pages
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        printer.setResolution(150)
        seen["printed"] = dialog.print_to(printer)
        dialog.accept()

    answer(page.print_one_button.click, print_it)
    assert seen == {"pages": 1, "printed": True}
    import pypdf

    sheets = pypdf.PdfReader(str(out)).pages
    assert [(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in sheets] \
        == [(842, 595)]
    assert number == list_certificates(uow, cohort_id=cohort_id)[1].number


def test_template_editor_previews_and_saves(qtbot, window, answer, uow, finished_class):
    page = window.show_page("certificates")

    def edit(dialog):
        first = dialog.preview.pixmap().toImage()
        dialog.title.setText("职业技能培训结业证书")
        dialog.redraw()
        assert dialog.preview.pixmap().toImage() != first
        dialog.body.setPlainText("{nme}同志参加培训")
        dialog.redraw()
        assert "{nme}" in dialog.problem.text()
        dialog.body.setPlainText("{name}同志参加“{course}”培训,准予结业。")
        dialog.findChild(QPushButton, "save").click()

    answer(page.template_button.click, edit)
    saved = load_template(uow, "completion")
    assert saved.title == "职业技能培训结业证书" and saved.body.startswith("{name}同志")


def test_reports_page_builds_the_sign_in_sheet(qtbot, window, answer, uow, finished_class,
                                               tmp_path, monkeypatch):
    cohort_id, lessons, _people = finished_class
    page = window.show_page("reports")
    page.choose("signin")
    page.cohort.setCurrentIndex(page.cohort.findData(cohort_id))
    page.lesson.setCurrentIndex(page.lesson.findData(lessons[1]))
    assert page.lesson.isVisible() and not page.trainee.isVisible()
    out = tmp_path / "sheet.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))

    def save(dialog):
        dialog.findChild(QPushButton, "savePdf").click()
        dialog.accept()

    answer(page.preview_button.click, save)
    text = pdf_text(out)
    assert "签到表" in text.replace(" ", "") and "2026年3月4日" in text.replace(" ", "")


def test_the_signing_key_dialog_makes_the_key_and_shows_its_fingerprint(qtbot, window, answer, uow,
                                                                       tmp_path, monkeypatch):
    action = window.tool_actions["signing_key"]
    assert action.isEnabled()
    shots = {}

    def make(dialog):
        assert dialog.fingerprint.text() == "none yet"
        assert not dialog.findChild(QPushButton, "export").isEnabled()

        def typed_twice(box):
            box.passphrase.setText(PASSPHRASE)
            box.repeat.setText(PASSPHRASE + "x")
            ok = box.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
            ok.click()
            assert box.isVisible() and "differ" in box.error.text()
            box.repeat.setText(PASSPHRASE)
            ok.click()

        answer(dialog.findChild(QPushButton, "create").click, typed_twice,
               lambda box: box.accept())
        shots["dialog"] = dialog.grab()
        made = keys.current_key(uow)
        assert dialog.fingerprint.text() == made.fingerprint_display
        assert dialog.file.text() == str(keys.key_file(made.fingerprint))
        out = tmp_path / "public.pem"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
        dialog.findChild(QPushButton, "public").click()
        assert keys.read_public_key(out) == made.public_key
        dialog.reject()

    answer(action.trigger, make)
    shots["dialog"].save("/tmp/signing_key_dialog.png")
    assert keys.load_signer(uow, PASSPHRASE).key == keys.current_key(uow)
