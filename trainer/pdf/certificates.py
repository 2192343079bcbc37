"""Drawing certificates: one page each, A4 landscape or portrait, straight on the canvas (a
fixed layout, and fast: a class of 1,080 prints in seconds).

Page: a border, the title, the certificate number, the body (the template's paragraphs, a Kai
face when one is installed), the issuing office and the date in Chinese numerals with the seal
over them, a signature line, and a QR code a phone understands (certificate_qr_text)."""
from __future__ import annotations

import dataclasses
import datetime as dt
import io
import os
import re
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph

from trainer.errors import CertificateError, PdfError
from trainer.pdf.certificate_template import (CertificateTemplate, chinese_numeral_date, date_text,
                                              fill, hours_value, load_seal, load_template)
from trainer.pdf.codes import draw_qr
from trainer.pdf.fallback import draw_string
from trainer.pdf.fonts import DocumentFonts
from trainer.pdf.layout import (LANDSCAPE, PORTRAIT, Job, PdfResult, Target, escape, fonts_for,
                                open_target, target_path)
from trainer.pdf.streaming import StreamingCanvas
from trainer.services.certificate_proof import qr_text
from trainer.services.certificates import KINDS, PASSED, CertificateRecord, list_certificates
from trainer.services.organizations import current_organization
from trainer.services.settings import get_setting
from trainer.services.uow import UnitOfWork


@dataclass(frozen=True)
class CertificateAssets:
    """What every page of a print run shares: fonts, template, seal (decoded once)."""

    template: CertificateTemplate
    fonts: DocumentFonts
    office: str
    seal: ImageReader | None = None
    verify_phone: str = ""      # named in the QR sentence (settings, else the office's phone)
    verify_url: str = ""        # when set, the QR is this address with number and code


def certificate_values(cert: CertificateRecord, office: str) -> dict[str, str]:
    return {
        "name": cert.trainee_name, "enterprise": cert.enterprise, "course": cert.course,
        "theme": cert.theme, "hours": str(cert.course_hours),
        "attended_hours": hours_value(cert.attended_minutes), "grade": cert.grade,
        "start": date_text(cert.start), "end": date_text(cert.end),
        "date": chinese_numeral_date(cert.issued_on), "number": cert.number, "office": office,
        "code": cert.code_display, "cohort": cert.cohort_name,
        # only what is true: 成绩合格 where the course assesses and the holder passed
        "result": "成绩合格" if cert.assessment == PASSED else "",
        "score": "" if cert.score is None or cert.assessment != PASSED else str(cert.score),
    }


def certificate_qr_text(cert: CertificateRecord, assets: CertificateAssets) -> str:
    """What the certificate's QR code says: a sentence a phone shows, or the address of the
    office's verification page with the number and code."""
    return qr_text(kind_title=KINDS[cert.kind][0], number=cert.number,
                   code=cert.verification_code, name=cert.trainee_name, course=cert.course,
                   issued_on=cert.issued_on, office=assets.office, phone=assets.verify_phone,
                   url=assets.verify_url)


def _spaced(title: str) -> str:
    """结业证书 → 结 业 证 书: a short title is letter-spaced as printed certificates are."""
    return " ".join(title) if len(title) <= 6 and not re.search(r"[A-Za-z0-9]", title) else title


class _BodyStyles:
    """Paragraph styles for a page size, made once per print run."""

    def __init__(self, font: str, width: float) -> None:
        size = 17 if width > 700 else 15
        self.size = size
        self.body = ParagraphStyle("certificate-body", fontName=font, fontSize=size,
                                   leading=size * 1.85, firstLineIndent=2 * size,
                                   alignment=TA_LEFT, wordWrap="CJK")


FRAME_INSET = 9 * mm  # office printers cannot print the outer ~5 mm; every mark stays 8 mm in


def _border(c, template: CertificateTemplate, width: float, height: float) -> None:
    if template.border == "none":
        return
    colour = colors.HexColor(template.color)
    c.setStrokeColor(colour)
    c.setLineWidth(3.2)
    outer = FRAME_INSET + 1.6  # the line's outer edge FRAME_INSET from the paper's edge
    c.rect(outer, outer, width - 2 * outer, height - 2 * outer)
    if template.border == "double":
        inner = outer + 8
        c.setLineWidth(0.9)
        c.rect(inner, inner, width - 2 * inner, height - 2 * inner)
        c.setFillColor(colour)
        for x, y in ((inner, inner), (width - inner, inner), (inner, height - inner),
                     (width - inner, height - inner)):
            c.rect(x - 5, y - 5, 10, 10, stroke=0, fill=1)


def draw_certificate(c, cert: CertificateRecord, assets: CertificateAssets,
                     styles: _BodyStyles | None = None) -> None:
    """Draws one certificate on the canvas's current page (the caller ends the page)."""
    t = assets.template
    width, height = c._pagesize
    landscape = width > height
    styles = styles or _BodyStyles(assets.fonts.certificate.name, width)
    values = certificate_values(cert, assets.office)
    cert_font, body_font = assets.fonts.certificate.name, assets.fonts.body.name
    _border(c, t, width, height)

    # number, top right
    c.setFillColor(colors.black)
    c.setFont(body_font, 10)
    c.drawRightString(width - 48, height - 50, f"证书编号：{cert.number}")
    title_y = _draw_title(c, fill(t.title, values), cert_font, colors.HexColor(t.color),
                          width, height, landscape)
    side = 105 if landscape else 72
    _draw_body(c, cert, fill(t.body, values), styles, cert_font, side, width, height,
               title_y - (48 if landscape else 70))
    _draw_issuer(c, t, values, assets, cert_font, side, width, landscape)
    _draw_code(c, cert, t, values, assets, body_font, landscape)
    if cert.revoked_at is not None:  # a reprint of a revoked certificate says so across the page
        c.saveState()
        c.setFillColor(colors.Color(0.8, 0, 0, alpha=0.35))
        c.setFont(cert_font, 90)
        c.translate(width / 2, height / 2)
        c.rotate(25)
        c.drawCentredString(0, -30, "已 作 废")
        c.restoreState()


def _draw_title(c, title: str, font: str, colour, width: float, height: float,
                landscape: bool) -> float:
    """The title, centred: filled and stroked, so a font without a bold face still looks
    bold. Its baseline."""
    title_y = height - (125 if landscape else 170)
    c.saveState()
    c.setFillColor(colour)
    c.setStrokeColor(colour)
    c.setLineWidth(0.8)
    text = c.beginText()
    text.setTextRenderMode(2)
    size = 40 if landscape else 36
    text.setFont(font, size)
    title = _spaced(title)
    text.setTextOrigin((width - c.stringWidth(title, font, size)) / 2, title_y)
    text.textLine(title)
    c.drawText(text)
    c.restoreState()
    return title_y


def _draw_body(c, cert: CertificateRecord, body: str, styles: _BodyStyles, font: str,
               side: float, width: float, height: float, y: float) -> None:
    """The body's paragraphs from `y` down, the trainee's name underlined.

    Plain text takes ReportLab's fast path (a sixth of the time of <u> or &nbsp; markup, which
    split the paragraph into a fragment per character); the underline is then drawn under the
    name where the lines put it. A name in a fallback font (生僻字) keeps the markup."""
    frame_w = width - 2 * side
    name = cert.trainee_name
    for paragraph in body.split("\n"):
        text = paragraph.strip()
        if not text:
            y -= styles.size
            continue
        markup = escape(text, font)
        underline = bool(name) and name in text
        if underline and "<" in markup:
            markup = markup.replace(escape(name, font), f"<u>&nbsp;{escape(name, font)}&nbsp;</u>", 1)
            underline = False
        elif underline:
            markup = markup.replace(escape(name), f"{_PAD}{escape(name)}{_PAD}", 1)
        p = Paragraph(markup, styles.body)
        _w, h = p.wrap(frame_w, height)
        p.drawOn(c, side, y - h)
        if underline:
            _underline(c, p, name, side, y)
        y -= h + styles.size * 0.6


_PAD = "\u2002"  # an en space either side of the name, under the line


def _underline(c, p: Paragraph, name: str, x: float, top: float) -> None:
    """Underlines `name` (and the space either side) in a plain paragraph drawn at `x` with its
    top at `top`: on each line the name (or part of it) is on, as <u> markup would."""
    style, lines = p.style, p.blPara.lines
    size, pad = style.fontSize, stringWidth(_PAD, style.fontName, style.fontSize)
    texts = [" ".join(words) for _extra, words in lines]
    joined = "".join(texts)
    start = joined.find(name)
    if start < 0:
        return
    end, offset = start + len(name), 0
    baseline = top - size  # rl_config.paraFontSizeHeightOffset: the first at height - fontSize
    c.saveState()
    c.setStrokeColor(style.textColor)
    for i, line in enumerate(texts):
        a, b = max(start, offset), min(end, offset + len(line))
        if a < b:
            left = x + (style.firstLineIndent if i == 0 else 0)
            x0 = left + stringWidth(line[:a - offset], style.fontName, size)
            x1 = left + stringWidth(line[:b - offset], style.fontName, size)
            x0 -= pad if a == start else 0
            x1 += pad if b == end else 0
            c.line(x0, baseline - 0.125 * size, x1, baseline - 0.125 * size)
        offset += len(line)
        baseline -= style.leading
    c.restoreState()


def _draw_issuer(c, t: CertificateTemplate, values: dict[str, str], assets: CertificateAssets,
                 font: str, side: float, width: float, landscape: bool) -> None:
    """Issuer and date, bottom right, with the seal over them; the signature line."""
    cx = width - (190 if landscape else 160)
    base = 118 if landscape else 190
    c.setFillColor(colors.black)
    c.setFont(font, 16)
    draw_string(c, cx, base + 26, fill(t.issuer, values), font, 16, "centre")
    draw_string(c, cx, base, values["date"], font, 16, "centre")
    if assets.seal is not None:
        c.saveState()
        c.translate(cx - SEAL / 2, base + 13 - SEAL / 2)
        c.doForm(_seal_form(c, assets.seal))
        c.restoreState()
    if t.signature:
        sig = fill(t.signature, values)
        sx = side if landscape else 72
        sy = base + 26 if landscape else base - 60
        start = sx + (100 if landscape else 110)
        end = start + draw_string(c, start, sy, sig, font, 14)
        c.setLineWidth(0.6)
        c.setStrokeColor(colors.black)
        c.line(end + 4, sy - 3, end + 110, sy - 3)


SEAL = 118  # points across


def _seal_form(c, seal: ImageReader) -> str:
    """The seal as a form drawn once per PDF: each page refers to it (drawing the image on
    every page would fingerprint its pixels again for every page)."""
    name = "certificate-seal"
    if not c.hasForm(name):
        c.beginForm(name, 0, 0, SEAL, SEAL)
        c.drawImage(seal, 0, 0, SEAL, SEAL, mask="auto", preserveAspectRatio=True, anchor="c")
        c.endForm()
    return name


def _draw_code(c, cert: CertificateRecord, t: CertificateTemplate, values: dict[str, str],
               assets: CertificateAssets, font: str, landscape: bool) -> None:
    """QR code, verification code and the template's note, bottom left."""
    qr = 74
    qx, qy = (52, 50) if landscape else (56, 56)  # clear of the frame's corner squares
    c.setFont(font, 9)
    c.setFillColor(colors.black)
    if t.show_qr:
        draw_qr(c, certificate_qr_text(cert, assets), qx, qy, qr, border=1)
        tx = qx + qr + 8
    else:
        tx = qx
    c.drawString(tx, qy + 30, f"验证码：{cert.code_display}")
    c.setFillColor(colors.HexColor("#555555"))
    c.setFont(font, 8)
    if t.note:
        draw_string(c, tx, qy + 16, fill(t.note, values), font, 8)


def _assets(uow: UnitOfWork, kind: str, template: CertificateTemplate | None = None,
            fonts: DocumentFonts | None = None) -> CertificateAssets:
    with uow:
        template = template or load_template(uow, kind)
        seal_bytes = load_seal(uow)
        org = current_organization(uow)
        office = org.name if org else ""
        phone = get_setting(uow, "certificate.verify_phone") or (org.phone if org else "")
        url = get_setting(uow, "certificate.verify_url")
    return CertificateAssets(template, fonts or fonts_for(uow), office,
                             ImageReader(io.BytesIO(seal_bytes)) if seal_bytes else None,
                             phone, url)


def _pagesize(template: CertificateTemplate):
    return LANDSCAPE if template.orientation == "landscape" else PORTRAIT


def _new_canvas(stream, assets: CertificateAssets, title: str):
    """A canvas that writes pages as they are drawn: memory flat in the page count."""
    c = StreamingCanvas(stream, pagesize=_pagesize(assets.template),
                         initialFontName=assets.fonts.body.name, initialFontSize=10)
    c.setTitle(title)
    c.setAuthor(assets.office)
    c.setCreator("Factory Classroom 课堂设在工厂")
    return c


def write_certificates(out: Target, certificates: list[CertificateRecord],
                       assets: CertificateAssets, job: Job | None = None) -> int:
    """One page per certificate into one PDF; returns the page count."""
    with open_target(out) as stream:
        c = _new_canvas(stream, assets, fill(assets.template.title, {}))
        styles = _BodyStyles(assets.fonts.certificate.name, _pagesize(assets.template)[0])
        for cert in certificates:
            draw_certificate(c, cert, assets, styles)
            c.showPage()
            if job is not None:
                job.step()
        c.save()
    return len(certificates)


def safe_file_name(text: str) -> str:
    return re.sub(r'[\\/:*?"<>|\s]+', "_", text).strip("._") or "certificate"


def build_certificates(uow: UnitOfWork, cohort_id: int, out: Target | None, progress=None,
                       cancel=None, *, kind: str = "completion",
                       per_trainee_dir: str | os.PathLike | None = None,
                       template: CertificateTemplate | None = None) -> PdfResult:
    """The current certificates of `kind` of a class, in number order: into one PDF (`out`),
    and/or one file per trainee in `per_trainee_dir` (NUMBER_NAME.pdf). Issue them first with
    services.certificates.issue_certificates."""
    certificates = list_certificates(uow, cohort_id=cohort_id, kind=kind, current_only=True)
    stale = [_changed_error(c) for c in certificates if c.changed]
    certificates = [c for c in certificates if not c.changed]  # reissue those first
    if not certificates:
        if stale:
            raise stale[0]
        raise PdfError("nothing_to_print", detail=f"{kind} / class {cohort_id}")
    assets = _assets(uow, kind, template)
    if template is None and assets.template.kind != kind:  # pragma: no cover - defensive
        assets = dataclasses.replace(assets, template=load_template(uow, kind))
    total = len(certificates) * ((out is not None) + (per_trainee_dir is not None))
    job = Job(progress, cancel, total=total)
    pages, files = 0, []
    if out is not None:
        pages = write_certificates(out, certificates, assets, job)
    if per_trainee_dir is not None:
        folder = Path(per_trainee_dir)
        folder.mkdir(parents=True, exist_ok=True)
        for cert in certificates:
            path = folder / f"{safe_file_name(cert.number)}_{safe_file_name(cert.trainee_name)}.pdf"
            write_certificates(path, [cert], assets, job)
            files.append(str(path))
        pages = pages or len(certificates)
    return PdfResult(target_path(out) if out is not None else None, pages,
                     assets.fonts.certificate.face_name, assets.fonts.certificate.embedded,
                     tuple(assets.fonts.warnings) + tuple(stale), tuple(files))


def _changed_error(cert: CertificateRecord) -> CertificateError:
    from trainer.texts import language
    from trainer.services.certificate_proof import FACT_LABELS

    zh = language() == "zh"
    fields = ("、" if zh else ", ").join(dict.fromkeys(
        FACT_LABELS[k][0 if zh else 1] for k in cert.changed))
    return CertificateError("changed_since_issue", number=cert.number, fields=fields)


def build_certificate(uow: UnitOfWork, number: str, out: Target, progress=None, cancel=None
                      ) -> PdfResult:
    """One certificate by number (a reprint; a revoked one is marked 已作废 across the page)."""
    from trainer.services.certificates import get_certificate

    cert = get_certificate(uow, number)
    if cert.current and cert.changed:  # it would print a name the signature does not cover
        raise _changed_error(cert)
    assets = _assets(uow, cert.kind)
    write_certificates(out, [cert], assets, Job(progress, cancel, total=1))
    return PdfResult(target_path(out), 1, assets.fonts.certificate.face_name,
                     assets.fonts.certificate.embedded, assets.fonts.warnings)


SAMPLE = dict(number="XY-2026-AQ-00001", verification_code="K7M2Q9XD", trainee_name="王晓明",
              enterprise="新余渝磐特钢制品有限公司", course="有限空间作业安全", theme="安全生产",
              course_hours=8, attended_minutes=450, grade="初级", cohort_code="AQ-2026-01",
              cohort_name="渝磐特钢有限空间作业安全一班")


def sample_certificate(kind: str, **changes) -> CertificateRecord:
    """A made-up certificate for the template editor's live preview."""
    values = dict(id=0, kind=kind, cohort_id=0, trainee_id=0, id_number="", start=dt.date(2026, 9, 7),
                  end=dt.date(2026, 9, 18), issued_on=dt.date(2026, 9, 25), revoked_at=None,
                  revoked_reason="", replaced_by_id=None, facts=None,
                  assessment="passed" if kind == "completion" else "", **SAMPLE)
    values.update(changes)
    return CertificateRecord(**values)


def build_certificate_preview(uow: UnitOfWork, template: CertificateTemplate, out: Target,
                              progress=None, cancel=None, *,
                              certificate: CertificateRecord | None = None) -> PdfResult:
    """The template (not yet saved) on a sample or a real certificate: the editor's preview."""
    from trainer.pdf.certificate_template import check_template

    check_template(template)
    assets = _assets(uow, template.kind, template)
    write_certificates(out, [certificate or sample_certificate(template.kind)], assets,
                       Job(progress, cancel, total=1))
    return PdfResult(target_path(out), 1, assets.fonts.certificate.face_name,
                     assets.fonts.certificate.embedded, assets.fonts.warnings)
