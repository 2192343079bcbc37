"""Every printed mark at least 8 mm from the paper's edge, in every document the app prints
(office printers cannot print the outer ~5 mm): each page rendered and its ink measured."""
from __future__ import annotations

import datetime as dt
import io

import pytest

from tests.scenarios.certificate_keys import make_signer
from tests.scenarios.pdf_scenario import make_class
from trainer.db.models import Enterprise
from trainer.pdf.archives import build_class_archive, build_trainee_record
from trainer.pdf.certificates import build_certificates
from trainer.pdf.fees import build_fee_statement
from trainer.pdf.reports import (build_class_attendance, build_enterprise_attendance,
                                 build_statistics)
from trainer.pdf.schedules import build_schedule
from trainer.pdf.signin import build_signin_sheet
from trainer.services.certificates import issue_certificates

FROM, TO = dt.date(2026, 9, 1), dt.date(2026, 9, 30)
MIN_MM = 8


def ink_margins_mm(pdf: bytes) -> list[float]:
    """Per page: the smallest distance (mm) from any non-white pixel to the paper's edge."""
    import pypdfium2 as pdfium

    px_per_mm = 2 * 72 / 25.4
    margins = []
    for page in pdfium.PdfDocument(pdf):
        image = page.render(scale=2, grayscale=True).to_pil()
        box = image.point(lambda v: 255 if v < 250 else 0).getbbox()
        width, height = image.size
        margins.append(min(box[0], box[1], width - box[2], height - box[3]) / px_per_mm)
    return margins


def test_every_document_keeps_8_mm_from_the_edge(uow):
    scenario = make_class(uow, trainees=25, lessons=4, start=dt.date(2026, 9, 7))
    with uow:
        enterprise = uow.session.get(Enterprise, scenario.enterprise_id).name
    signer = make_signer(uow)
    issue_certificates(uow, scenario.cohort_id, issued_on=dt.date(2026, 9, 30), signer=signer)
    documents = {
        "certificates": lambda out: build_certificates(uow, scenario.cohort_id, out),
        "attendance certificates": lambda out: build_certificates(
            uow, scenario.cohort_id, out, kind="attendance") if issue_certificates(
            uow, scenario.cohort_id, "attendance", issued_on=dt.date(2026, 9, 30),
            signer=signer) else None,
        "sign-in sheet": lambda out: build_signin_sheet(uow, scenario.lesson_ids[0], out),
        "timetable": lambda out: build_schedule(uow, out, month=FROM),
        "class attendance": lambda out: build_class_attendance(uow, scenario.cohort_id, out),
        "enterprise attendance": lambda out: build_enterprise_attendance(
            uow, enterprise, FROM, TO, out),
        "statistics": lambda out: build_statistics(uow, FROM, TO, out),
        "fees": lambda out: build_fee_statement(uow, FROM, out),
        "class archive": lambda out: build_class_archive(uow, scenario.cohort_id, out),
        "trainee record": lambda out: build_trainee_record(uow, scenario.trainee_ids[0], out),
    }
    too_close = {}
    for name, build in documents.items():
        buffer = io.BytesIO()
        build(buffer)
        closest = min(ink_margins_mm(buffer.getvalue()))
        if closest < MIN_MM:
            too_close[name] = round(closest, 1)
    assert not too_close
