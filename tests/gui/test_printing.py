"""Printing through the app's print code (ui/printing.py, the preview dialog's Print) to a PDF
printer — QPrinter with PdfFormat and an output file — and reading the printed file back: each
sheet has the size and orientation of its source page, the page range and copies are honoured,
progress is reported, Cancel stops the job, and the window keeps responding meanwhile."""
from __future__ import annotations

import time

import pypdf
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtPrintSupport import QPrinter
from reportlab.lib.pagesizes import A4, A5, landscape
from reportlab.pdfgen import canvas

from ui.printing import PrintCancelled, chosen_pages, print_pdf, sheet_order

SIZES = [A4, landscape(A4), A4, landscape(A4), A5]


def mixed_pdf(path, sizes=SIZES):
    c = canvas.Canvas(str(path))
    for number, size in enumerate(sizes, 1):
        c.setPageSize(size)
        c.rect(8 * 2.835, 8 * 2.835, size[0] - 16 * 2.835, size[1] - 16 * 2.835)
        c.drawString(60, 60, f"page {number}")
        c.showPage()
    c.save()
    return str(path)


def pdf_printer(out, dpi=150) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    printer.setResolution(dpi)
    return printer


def sheet_sizes(path):
    return [(round(float(p.mediabox.width)), round(float(p.mediabox.height)))
            for p in pypdf.PdfReader(str(path)).pages]


def rounded(sizes):
    return [(round(w), round(h)) for w, h in sizes]


def test_each_sheet_takes_its_page_size_and_orientation(qapp, tmp_path):
    source = mixed_pdf(tmp_path / "mixed.pdf")
    seen = []
    summary = print_pdf(source, pdf_printer(tmp_path / "out.pdf"), lambda d, t: seen.append((d, t)))
    assert sheet_sizes(tmp_path / "out.pdf") == rounded(SIZES)
    assert seen == [(n, 5) for n in range(1, 6)]
    assert summary.pages == (1, 2, 3, 4, 5) and summary.sheets == 5


def test_the_sheet_is_the_page_full_size_not_shrunk(qapp, tmp_path):
    """The frame 8 mm from the edge of a landscape page is 8 mm from the sheet's edge."""
    import pypdfium2 as pdfium

    source = mixed_pdf(tmp_path / "mixed.pdf", [landscape(A4)])
    print_pdf(source, pdf_printer(tmp_path / "out.pdf", dpi=72), None)
    bitmap = pdfium.PdfDocument(str(tmp_path / "out.pdf"))[0].render(scale=1, grayscale=True)
    image = bitmap.to_pil()
    width, height = image.size
    dark_columns = [x for x in range(width) if image.getpixel((x, height // 2)) < 128]
    assert (width, height) == (842, 595)
    assert abs(dark_columns[0] - 22.7) < 2 and abs(dark_columns[-1] - (842 - 22.7)) < 2


def test_a_page_range_prints_only_those_pages(qapp, tmp_path):
    source = mixed_pdf(tmp_path / "mixed.pdf")
    printer = pdf_printer(tmp_path / "out.pdf")
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    summary = print_pdf(source, printer)
    assert summary.pages == (2, 3)
    assert sheet_sizes(tmp_path / "out.pdf") == rounded(SIZES[1:3])
    assert "page 2" in pypdf.PdfReader(str(source)).pages[1].extract_text()


def test_page_list_and_copies(qapp, tmp_path):
    source = mixed_pdf(tmp_path / "mixed.pdf")
    printer = pdf_printer(tmp_path / "out.pdf")
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    ranges = printer.pageRanges()
    ranges.addPage(2)
    ranges.addRange(4, 5)
    printer.setPageRanges(ranges)
    assert chosen_pages(printer, 5) == [1, 3, 4]
    printer.setCopyCount(2)
    printer.setCollateCopies(True)
    summary = print_pdf(source, printer)
    assert summary.copies == 2 and summary.sheets == 6
    assert sheet_sizes(tmp_path / "out.pdf") == rounded([SIZES[i] for i in (1, 3, 4)] * 2)
    assert sheet_order([0, 1], 2, collate=False) == [0, 0, 1, 1]


def test_cancel_stops_the_job(qapp, tmp_path):
    source = mixed_pdf(tmp_path / "mixed.pdf", [A4] * 20)
    done = []
    with pytest.raises(PrintCancelled):
        print_pdf(source, pdf_printer(tmp_path / "out.pdf"), lambda d, t: done.append(d),
                  lambda: len(done) >= 3)
    assert done == [1, 2, 3]


def test_window_responds_while_a_200_page_job_prints(qtbot, qapp, tmp_path, monkeypatch):
    """The preview dialog's Print runs page by page in a worker thread: the GUI thread's timer
    keeps ticking, and the progress dialog is told each page ("page n of 200")."""
    import threading

    import ui.dialogs.pdf_preview as preview
    from ui.dialogs.pdf_preview import PdfPreviewDialog

    reports, real = [], preview.run_with_progress

    def spy(parent, label, work, **kwargs):
        def recording(progress):
            report = progress.report
            progress.report = lambda done, total=0, text="": (
                reports.append((done, total, text, threading.current_thread())),
                report(done, total, text))
            return work(progress)
        return real(parent, label, recording, **kwargs)
    monkeypatch.setattr(preview, "run_with_progress", spy)

    source = mixed_pdf(tmp_path / "long.pdf", [A4, landscape(A4)] * 100)
    dialog = PdfPreviewDialog(None, "long", source, "long.pdf")
    qtbot.addWidget(dialog)
    dialog.show()
    ticks = []
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    started = time.monotonic()
    assert dialog.print_to(pdf_printer(tmp_path / "out.pdf", dpi=36))
    elapsed = time.monotonic() - started
    timer.stop()
    assert dialog.printed.sheets == 200
    assert len(sheet_sizes(tmp_path / "out.pdf")) == 200
    gaps = [b - a for a, b in zip(ticks, ticks[1:])]
    assert len(ticks) > elapsed / 0.25  # the event loop ran all along …
    assert max(gaps) < 1.0              # … never blocked for long (a busy 2-core CI)
    assert [r[:2] for r in reports] == [(n, 200) for n in range(1, 201)]
    assert reports[99][2] == "Printing page 100 of 200…"
    assert all(r[3] is not threading.main_thread() for r in reports)


def test_preview_fits_a_1024_by_768_screen(qtbot, qapp, tmp_path, monkeypatch):
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QPushButton

    from ui.dialogs.pdf_preview import PdfPreviewDialog

    screen = qapp.primaryScreen()
    monkeypatch.setattr(type(screen), "availableGeometry", lambda self: QRect(0, 0, 1024, 728))
    source = mixed_pdf(tmp_path / "mixed.pdf")
    dialog = PdfPreviewDialog(None, "mixed", source, "mixed.pdf")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    geometry = dialog.frameGeometry()
    assert geometry.width() <= 1024 and dialog.geometry().bottom() <= 728
    for button in dialog.findChildren(QPushButton):
        corner = button.mapTo(dialog, button.rect().bottomRight())
        assert dialog.rect().contains(corner), button.text()


def test_the_fonts_dialog_chooses_a_system_font_and_goes_back(qtbot, uow, tmp_path):
    """System fonts remain a choice: the office picks one for tables, then Automatic again."""
    from ui.dialogs.fonts_dialog import FontsDialog
    from trainer.pdf.fonts import document_fonts

    dialog = FontsDialog(None, uow)
    qtbot.addWidget(dialog)
    body = dialog.combos["body"]
    systems = [i for i in range(body.count()) if "/usr/share/fonts" in str(body.itemData(i)[0])]
    assert systems, [body.itemText(i) for i in range(body.count())]
    body.setCurrentIndex(systems[0])
    dialog.save()
    chosen = document_fonts(uow).body
    assert chosen.source == "setting" and chosen.path == body.itemData(systems[0])[0]
    again = FontsDialog(None, uow)
    qtbot.addWidget(again)
    assert again.combos["body"].currentIndex() == systems[0]
    again.combos["body"].setCurrentIndex(0)
    again.save()
    assert document_fonts(uow).body.source == "shipped"


def test_missing_characters_are_said_before_the_print_dialog(qtbot, qapp, tmp_path, answer):
    """A name with a character no font has: the warning shows in the preview, and Print asks
    first, naming the person and the character; Cancel prints nothing."""
    from PySide6.QtWidgets import QMessageBox

    from trainer.errors import PdfError
    from ui.dialogs.pdf_preview import PdfPreviewDialog

    warning = PdfError("char_missing", text="李𠮷祥", chars="𠮷(U+20BB7)")
    dialog = PdfPreviewDialog(None, "sheet", mixed_pdf(tmp_path / "m.pdf"), "m.pdf", (warning,))
    qtbot.addWidget(dialog)
    assert "李𠮷祥" in dialog.warning.text() and not dialog.warning.isHidden()
    seen = {}

    def cancel(box):
        seen["name"], seen["text"] = box.objectName(), box.text()
        box.button(QMessageBox.StandardButton.Cancel).click()

    answer(dialog.print_document, cancel)
    assert seen["name"] == "confirmMissingCharacters"
    assert "李𠮷祥" in seen["text"] and "𠮷(U+20BB7)" in seen["text"]
    assert dialog.printed is None
