"""Seconds and spool bytes per printed page: the print code (ui/printing.py) next to the code it
replaced (whole page rendered at ≤300 dpi on the GUI thread, fitted to a portrait sheet).

The pages: a landscape certificate (colour frame, seal-red title, QR) and a portrait sign-in-like
table (30 names). The printer: Qt's PDF engine writing a file (QPrinter PdfFormat) — on Linux that
is what Qt hands CUPS; a Windows driver receives the same images as GDI calls, so the image bytes
are the same order. `--cups QUEUE` also prints once through that CUPS queue and reports the spool
file CUPS received (needs `cupsctl PreserveJobFiles=yes`).

    QT_QPA_PLATFORM=offscreen python bench/bench_printing.py            # 8 pages of each
    QT_QPA_PLATFORM=offscreen python bench/bench_printing.py --small    # 2 pages of each
    QT_QPA_PLATFORM=offscreen python bench/bench_printing.py --cups OfficePDF
"""
from __future__ import annotations

import argparse
import glob
import os
import sys
import tempfile
import time
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def make_pages(folder: Path, pages: int) -> dict[str, str]:
    from trainer.pdf.certificate_template import BUILT_IN
    from trainer.pdf.certificates import CertificateAssets, sample_certificate, write_certificates
    from trainer.pdf.fonts import document_fonts
    from trainer.pdf.layout import PageInfo, data_table, make_styles, para, write_story

    fonts = document_fonts()
    template = BUILT_IN["completion"]
    certs = str(folder / "certificates.pdf")
    write_certificates(certs, [sample_certificate("completion", trainee_name=f"王晓明{i}")
                               for i in range(pages)],
                       CertificateAssets(template, fonts, "新余市总工会", None))
    styles = make_styles(fonts.body.name)
    story = []
    for page in range(pages):
        rows = [[str(i + 1), f"李{'𠮷' if i % 7 == 0 else '建'}国{i}", "新余钢铁有限公司",
                 f"3605021988****{1000 + i}", ""] for i in range(30)]
        story += [para("培训签到表", styles.title),
                  data_table(["序号", "姓名", "单位", "身份证号", "签名"], rows,
                             [40, 90, 170, 130, 90], styles)]
    tables = str(folder / "tables.pdf")
    write_story(tables, story, PageInfo(office="新余市总工会", title="签到表"), fonts)
    return {"certificate (landscape)": certs, "table (portrait)": tables}


def pdf_printer(out: str, dpi: int, grey: bool = False):
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(out)
    printer.setResolution(dpi)
    if grey:
        printer.setColorMode(QPrinter.ColorMode.GrayScale)
    return printer


def old_way(path: str, printer) -> None:
    """The code this replaced: whole page at ≤300 dpi, fitted into the printer's portrait page."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QPainter

    from ui.dialogs.pdf_preview import page_count, render_page

    dpi = min(printer.resolution(), 300)
    painter = QPainter()
    painter.begin(printer)
    for index in range(page_count(path)):
        if index:
            printer.newPage()
        image = render_page(path, index, dpi / 72)
        area = painter.viewport()
        size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
        painter.setViewport(area.x(), area.y(), size.width(), size.height())
        painter.setWindow(image.rect())
        painter.drawImage(0, 0, image)
        painter.setViewport(area)
    painter.end()


def rss_mb() -> float:
    """Resident memory now (Linux /proc; 0 elsewhere)."""
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6
    except OSError:
        return 0.0


def measure(label: str, run, out: str, pages: int) -> None:
    """Seconds and spool bytes per page, and how far resident memory rose while printing
    (sampled every 5 ms by a thread)."""
    start, peak, running = rss_mb(), [0.0], [True]

    def sample():
        while running[0]:
            peak[0] = max(peak[0], rss_mb())
            time.sleep(0.005)
    sampler = threading.Thread(target=sample)
    sampler.start()
    started = time.perf_counter()
    try:
        run()
    finally:
        seconds = time.perf_counter() - started
        running[0] = False
        sampler.join()
    size = os.path.getsize(out)
    print(f"  {label:<40} {seconds / pages:6.2f} s/page  {size / pages / 1e6:6.2f} MB/page"
          f"  memory +{max(0.0, peak[0] - start):.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=8)
    parser.add_argument("--small", action="store_true", help="2 pages of each")
    parser.add_argument("--cups", metavar="QUEUE", help="also print one certificate through CUPS")
    args = parser.parse_args()
    pages = 2 if args.small else args.pages
    from PySide6.QtWidgets import QApplication

    from ui.printing import print_pdf

    app = QApplication.instance() or QApplication([])  # noqa: F841 (Qt needs it)
    folder = Path(tempfile.mkdtemp(prefix="bench-printing-"))
    for kind, source in make_pages(folder, pages).items():
        print(f"{kind}, {pages} pages:")
        out = str(folder / "out.pdf")
        measure("baseline: old code, 300 dpi", lambda: old_way(source, pdf_printer(out, 300)),
                out, pages)
        for dpi, grey in ((300, False), (600, False), (1200, False), (600, True)):
            label = f"print_pdf, printer {dpi} dpi{', set to grey' if grey else ''}"
            measure(label, lambda: print_pdf(source, pdf_printer(out, dpi, grey)), out, pages)
    if args.cups:
        from PySide6.QtPrintSupport import QPrinter

        source = make_pages(folder, 1)["certificate (landscape)"]
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPrinterName(args.cups)
        before = set(glob.glob("/var/spool/cups/d*"))
        started = time.perf_counter()
        print_pdf(source, printer)
        seconds = time.perf_counter() - started
        time.sleep(2)
        spooled = sorted(set(glob.glob("/var/spool/cups/d*")) - before)
        sizes = ", ".join(f"{os.path.getsize(p) / 1e6:.2f} MB" for p in spooled) or "not kept"
        print(f"CUPS queue {args.cups}: 1 certificate at {printer.resolution()} dpi printer "
              f"resolution, {seconds:.2f} s; spool file {sizes}")


if __name__ == "__main__":
    main()
