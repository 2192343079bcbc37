"""How long do 1,080 certificates of one class take, next to ReportLab drawing the same pages, and
how much memory does a job of 10,800 pages take?

Builds a fresh SQLite database with one class of N trainees (default 1,080, the Qinhuangdao plan's
six months) who all attended and passed, issues their completion certificates (timed apart),
then times (CPU seconds, the steadier figure on a shared machine, beside wall time; best of two):

  (1) `build_certificates`: loading the certificates, trainees, course and dates from the
      database, the template, the seal and the fonts, and drawing every page;
  (2) the baseline, raw ReportLab: the same page content — border, title, the body paragraph,
      office, date, seal, QR code, number and code — drawn with canvas calls from strings
      prepared beforehand (no database, no template filling, no lookups), with the same
      registered font, ReportLab's C accelerator (rl_accel) when installed and the same QR
      encoder (zxing-cpp, through trainer.pdf.codes.draw_qr). With --widget also with ReportLab's
      QrCodeWidget (a Rect shape per module and its pure-Python encoder).

Then memory: each of `write_certificates` and the raw ReportLab script writes --memory-pages
pages (default 1,080 and 10,800 made-up certificates, no database) in a child process of its
own, which reports its resident memory before drawing and at its peak. Flat means the peak
does not grow with the page count.

Prints the figures, the ratio (target ≤ 1.5×) and the file sizes.

    python bench/certificates.py
    python bench/certificates.py --small          # 108 trainees; memory at 540 and 2,160 pages
    python bench/certificates.py --trainees 300 --keep /tmp/bench
"""
from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

TARGET_RATIO = 1.5


def make_database(url: str, trainees: int):
    from sqlalchemy import select

    from tests.scenarios.pdf_scenario import id_number, person_name, seal_png
    from trainer.db.migrate import open_database
    from trainer.db.models import Assessment, Attendance, Cohort, Enrolment, Lesson, Theme, Trainee
    from trainer.pdf.certificate_template import seal_version, set_seal
    from trainer.rules.pinyin import pinyin_initials
    from trainer.services.courses import CourseForm, create_course
    from trainer.services.enterprises import EnterpriseForm, create_enterprise
    from trainer.services.organizations import create_organization
    from trainer.services.uow import UnitOfWork

    db = open_database(url)
    uow = UnitOfWork(db)
    create_organization(uow, "秦皇岛市总工会", "秦皇岛总工会", "QHD")
    with uow:
        s = uow.session
        theme = s.scalar(select(Theme).where(Theme.name == "安全生产"))
        ent = create_enterprise(uow, EnterpriseForm("秦皇岛港口机械制造有限公司"))
        course = create_course(uow, CourseForm(theme.id, "安全生产法与岗位安全责任", "", 4, 120,
                                               30, 60, 75))
        cohort = Cohort(organization_id=uow.organization_id, course_id=course.id,
                        enterprise_id=ent.id, code="QHD-2026-AQ", name="2026年职工安全生产培训班",
                        capacity=trainees, status="done")
        s.add(cohort)
        s.flush()
        lessons = [Lesson(cohort_id=cohort.id, sequence=i + 1, date=dt.date(2026, 3, 2 + 7 * i),
                          start_time=dt.time(9), end_time=dt.time(11), status="held")
                   for i in range(4)]
        s.add_all(lessons)
        people = []
        for i in range(trainees):
            name = person_name(i)
            people.append(Trainee(organization_id=uow.organization_id, name=name,
                                  name_initials=pinyin_initials(name), gender="M",
                                  id_number=id_number(i, dt.date(1980 + i // 1000 % 20, 1 + i % 12, 1 + i % 28)),
                                  mobile="", enterprise_id=ent.id, post="装卸工"))
        s.add_all(people)
        s.flush()
        for t in people:
            s.add(Enrolment(cohort_id=cohort.id, trainee_id=t.id, enrolled_on=dt.date(2026, 3, 1)))
            s.add(Assessment(cohort_id=cohort.id, trainee_id=t.id, score=80, passed=True))
            for lesson in lessons:
                s.add(Attendance(lesson_id=lesson.id, trainee_id=t.id, status="present"))
        cohort_id = cohort.id
    set_seal(uow, seal_png(), seal_version(uow))
    return db, uow, cohort_id


def plain_reportlab(out, pages: list[dict], font: str, seal_png: bytes, qr: str = "paths") -> None:
    """The same page content with canvas calls and prepared strings only. `qr`: 'paths' draws
    the QR code as trainer.pdf.codes does (one path of dark runs), 'widget' with ReportLab's
    QrCodeWidget (a rectangle shape per module, and its slow mask scoring)."""
    from trainer.pdf.codes import draw_qr

    from reportlab.graphics import renderPDF
    from reportlab.graphics.barcode.qr import QrCodeWidget
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas
    from reportlab.platypus import Paragraph

    width, height = landscape(A4)
    red = colors.HexColor("#a61b1b")
    style = ParagraphStyle("b", fontName=font, fontSize=17, leading=17 * 1.85,
                           firstLineIndent=34, wordWrap="CJK")
    seal = ImageReader(io.BytesIO(seal_png))
    c = canvas.Canvas(out, pagesize=(width, height), initialFontName=font)
    for page in pages:
        c.setStrokeColor(red)
        c.setLineWidth(3.2)
        c.rect(18, 18, width - 36, height - 36)
        c.setLineWidth(0.9)
        c.rect(26, 26, width - 52, height - 52)
        c.setFont(font, 10)
        c.drawRightString(width - 48, height - 50, page["number_line"])
        c.setFillColor(red)
        c.setFont(font, 40)
        c.drawCentredString(width / 2, height - 125, "结 业 证 书")
        c.setFillColor(colors.black)
        y = height - 173
        for text in page["paragraphs"]:
            p = Paragraph(text, style)
            _w, h = p.wrap(width - 210, height)
            p.drawOn(c, 105, y - h)
            y -= h + 10
        c.setFont(font, 16)
        c.drawCentredString(width - 190, 144, page["office"])
        c.drawCentredString(width - 190, 118, page["date"])
        c.drawImage(seal, width - 249, 72, 118, 118, mask="auto")
        c.setFont(font, 14)
        c.drawString(205, 144, "负责人签字:")
        if qr == "widget":
            widget = QrCodeWidget(page["qr"], barLevel="M", barBorder=1)
            x0, y0, x1, y1 = widget.getBounds()
            d = Drawing(74, 74, transform=[74 / (x1 - x0), 0, 0, 74 / (y1 - y0), 0, 0])
            d.initialFontName = font
            d.add(widget)
            renderPDF.draw(d, c, 46, 44)
        else:
            draw_qr(c, page["qr"], 46, 44, 74)
        c.setFont(font, 9)
        c.drawString(128, 74, page["code_line"])
        c.showPage()
    c.save()


def plain_page(cert, template, office: str) -> dict:
    """A page's strings for the raw ReportLab script, prepared outside its timing."""
    from trainer.pdf.certificate_template import fill
    from trainer.pdf.certificates import certificate_qr_text, certificate_values
    from trainer.pdf.layout import escape

    values = certificate_values(cert, office)
    return {"number_line": f"证书编号:{cert.number}",
            "paragraphs": [escape(p) for p in fill(template.body, values).split("\n")],
            "office": office, "date": values["date"],
            "qr": certificate_qr_text(cert, SimpleNamespace(office=office, verify_phone="",
                                                            verify_url="")),
            "code_line": f"验证码:{cert.code_display}"}


def accelerated() -> str:
    from reportlab.lib import rl_accel

    return "C (rl_accel)" if not rl_accel._py_funcs else "pure Python (rl_accel missing)"


def rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def memory_child(kind: str, pages: int, out: str) -> None:
    """In a process of its own: write `pages` made-up certificates with `kind` ('ours':
    write_certificates, 'raw': the raw ReportLab script) and print one line of figures (the
    peak is Linux's VmHWM, reset before drawing)."""
    from tests.scenarios.pdf_scenario import person_name, seal_png
    from trainer.pdf.certificate_template import BUILT_IN
    from trainer.pdf.certificates import CertificateAssets, sample_certificate, write_certificates
    from trainer.pdf.fonts import document_fonts
    from reportlab.lib.utils import ImageReader

    fonts = document_fonts()
    template = BUILT_IN["completion"]
    certs = [sample_certificate("completion", trainee_name=person_name(i),
                                number=f"QHD-2026-AQ-{i + 1:05d}") for i in range(pages)]
    assets = CertificateAssets(template, fonts, "秦皇岛市总工会",
                               ImageReader(io.BytesIO(seal_png())))
    data = [plain_page(c, template, assets.office) for c in certs] if kind == "raw" else None
    with open("/proc/self/clear_refs", "w") as fh:  # the peak (VmHWM) restarts from now
        fh.write("5")
    before = rss_mb()
    wall, cpu = time.perf_counter(), time.process_time()
    if kind == "raw":
        plain_reportlab(out, data, fonts.certificate.name, seal_png())
    else:
        write_certificates(out, certs, assets)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    with open("/proc/self/status") as fh:
        peak = next(int(line.split()[1]) for line in fh if line.startswith("VmHWM:")) / 1000
    print(f"{before:.0f} {peak:.0f} {cpu:.2f} {wall:.2f} {os.path.getsize(out) / 1e6:.2f}")


def memory_runs(page_counts: list[int], folder: Path) -> None:
    import subprocess

    print("memory (a child process each; RSS before drawing → peak):")
    for kind, label in (("raw", "raw ReportLab (baseline)"), ("ours", "write_certificates")):
        for pages in page_counts:
            out = folder / f"memory-{kind}-{pages}.pdf"
            line = subprocess.run([sys.executable, __file__, "--child", kind, str(pages), str(out)],
                                  check=True, capture_output=True, text=True).stdout.split()
            before, peak, cpu, wall, size = (float(x) for x in line)
            print(f"  {label:<26} {pages:>6} pages: RSS {before:4.0f} → peak {peak:4.0f} MB "
                  f"(+{peak - before:.0f}); CPU {cpu:6.2f} s, wall {wall:6.2f} s; {size:.1f} MB")
            out.unlink()


def timed(run) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    run()
    return time.process_time() - cpu, time.perf_counter() - wall


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--trainees", type=int, default=1080)
    parser.add_argument("--small", action="store_true",
                        help="108 trainees; memory at 540 and 2,160 pages")
    parser.add_argument("--memory-pages", default="1080,10800",
                        help="page counts of the memory runs, comma-separated ('' for none)")
    parser.add_argument("--keep", metavar="DIR", help="keep the database and PDFs there")
    parser.add_argument("--widget", action="store_true",
                        help="also time plain ReportLab drawing the QR with its QrCodeWidget")
    parser.add_argument("--child", nargs=3, metavar=("KIND", "PAGES", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        memory_child(args.child[0], int(args.child[1]), args.child[2])
        return 0
    if args.small:
        args.trainees, args.memory_pages = 108, "540,2160"

    from trainer.pdf.certificate_template import load_seal, load_template
    from trainer.pdf.certificates import build_certificates
    from trainer.pdf.fonts import document_fonts
    from trainer.services.certificates import issue_certificates, list_certificates

    folder = Path(args.keep or tempfile.mkdtemp(prefix="bench-certificates-"))
    folder.mkdir(parents=True, exist_ok=True)
    db_path = folder / "bench.db"
    if db_path.exists():
        db_path.unlink()
    t0 = time.perf_counter()
    db, uow, cohort_id = make_database(f"sqlite:///{db_path}", args.trainees)
    from tests.scenarios.certificate_keys import make_signer

    os.environ.setdefault("TRAINER_DATA_DIR", str(folder / "data"))  # the key file goes there
    signer = make_signer(uow)
    t1 = time.perf_counter()
    issued = issue_certificates(uow, cohort_id, issued_on=dt.date(2026, 9, 30), signer=signer)
    t2 = time.perf_counter()
    assert len(issued.issued) == args.trainees, issued.not_eligible[:3]
    print(f"database with {args.trainees} trainees: {t1 - t0:.2f} s; issuing "
          f"{len(issued.issued)} certificates: {t2 - t1:.2f} s")
    print(f"ReportLab {__import__('reportlab').__version__}, its accelerated functions: "
          f"{accelerated()}; QR encoder: zxing-cpp {version('zxing-cpp')}")

    fonts = document_fonts(uow)  # registered once, as the GUI keeps them between documents
    # the raw run's prepared content, outside its timing
    template = load_template(uow, "completion")
    seal = load_seal(uow)
    pages = [plain_page(c, template, "秦皇岛市总工会")
             for c in list_certificates(uow, cohort_id=cohort_id, current_only=True)]
    ours, plain = folder / "certificates.pdf", folder / "plain.pdf"
    runs = []
    for _ in range(2):  # best of two: the machine is shared
        result = []
        mine = timed(lambda: result.append(build_certificates(uow, cohort_id, ours)))
        raw = timed(lambda: plain_reportlab(str(plain), pages, fonts.certificate.name, seal))
        runs.append((mine, raw))
    (ours_cpu, ours_wall), (raw_cpu, raw_wall) = min(r[0] for r in runs), min(r[1] for r in runs)
    result = result[0]
    ratio = ours_cpu / raw_cpu
    print(f"build_certificates:          {result.pages} pages, CPU {ours_cpu:.2f} s "
          f"({ours_cpu / result.pages * 1000:.2f} ms/page), wall {ours_wall:.2f} s, "
          f"{os.path.getsize(ours) / 1e6:.2f} MB")
    print(f"raw ReportLab (baseline):    {len(pages)} pages, CPU {raw_cpu:.2f} s, "
          f"wall {raw_wall:.2f} s, {os.path.getsize(plain) / 1e6:.2f} MB")
    print(f"ratio (CPU): {ratio:.2f}× (target ≤ {TARGET_RATIO}×) — "
          f"{'met' if ratio <= TARGET_RATIO else 'NOT met'}; wall ratio {ours_wall / raw_wall:.2f}×")
    if args.widget:
        widget = folder / "plain-widget.pdf"
        cpu, wall = timed(lambda: plain_reportlab(str(widget), pages, fonts.certificate.name,
                                                  seal, qr="widget"))
        print(f"raw ReportLab with its QrCodeWidget: CPU {cpu:.2f} s, wall {wall:.2f} s, "
              f"{os.path.getsize(widget) / 1e6:.2f} MB (ours is {ours_cpu / cpu:.2f}× that)")
    print(f"font: {result.font} (embedded: {result.embedded})")
    db.dispose()
    counts = [int(n) for n in args.memory_pages.split(",") if n.strip()]
    if counts:
        memory_runs(counts, folder)
    import resource

    print(f"this process's peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1000:.0f} MB")
    return 0 if ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
