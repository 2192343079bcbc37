"""See a document before it leaves the office: built in the background (progress, cancel) into a
temporary file, its pages shown, then saved, printed or opened in the system's PDF viewer.

Pages are drawn with PDFium (pypdfium2): the Qt PDF module is not part of the PySide6 wheels we
install, and PDFium renders the embedded Chinese fonts exactly as printed."""
from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QCoreApplication, QUrl, Qt
from PySide6.QtGui import QDesktopServices, QImage, QPixmap
from PySide6.QtWidgets import (QDialog, QHBoxLayout, QLabel, QPushButton,
                               QScrollArea, QVBoxLayout, QWidget)

from trainer.errors import TrainerError
from trainer.services.uow import UnitOfWork
from ui import save_location
from ui.dialogs import messages
from ui.resources import app_icon
from ui.workers import Cancelled, run_with_progress, thread_uow

PREVIEW_PREFIX = "factory-classroom-"  # a preview's temporary folder (tempfile.mkdtemp)
VIEWER_FOLDER = "factory-classroom"  # copies opened in the system's PDF viewer
PREVIEW_PAGES = 12  # pages drawn in the dialog; the file holds them all
PREVIEW_SCALE = 1.3  # 72 dpi × 1.3: an A4 page about 770 pixels high …
PREVIEW_WIDTH = 820  # … and no wider than this (landscape pages fit the dialog)
Build = Callable[[UnitOfWork, str, Callable, Callable], object]  # (uow, path, progress, cancel)


def render_page(source: str | bytes, index: int, scale: float,
                max_width: int | None = None) -> QImage:
    """Page `index` of a PDF file (or of PDF bytes) as an image, at most `max_width` pixels wide."""
    import pypdfium2 as pdfium  # a few MB: loaded when a preview is first shown

    document = pdfium.PdfDocument(source)
    try:
        page = document[index]
        if max_width:
            scale = min(scale, max_width / page.get_width())
        image = page.render(scale=scale).to_pil().convert("RGB")
    finally:
        document.close()
    data = image.tobytes()
    return QImage(data, image.width, image.height, 3 * image.width,
                  QImage.Format.Format_RGB888).copy()


def page_count(path: str) -> int:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(path)
    try:
        return len(document)
    finally:
        document.close()


class PdfPreviewDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str, path: str, file_name: str,
                 warnings: tuple = ()) -> None:
        super().__init__(parent)
        self.setObjectName("pdfPreview")
        self.setWindowIcon(app_icon())
        self.setWindowTitle(title)
        self.path, self.file_name = path, file_name
        self.pages = page_count(path)
        self.saved_to: str | None = None
        self.printed = None  # ui.printing.PrintSummary of the last print
        self.missing_characters = [str(w) for w in warnings
                                   if getattr(w, "reason", "") == "char_missing"]
        self.info = QLabel(self)
        self.info.setObjectName("pageInfo")
        shown = min(self.pages, PREVIEW_PAGES)
        self.info.setText(self.tr("%1 pages").replace("%1", str(self.pages)) if shown == self.pages
                          else self.tr("%1 pages; the first %2 are shown here, all are in the file")
                          .replace("%1", str(self.pages)).replace("%2", str(shown)))
        self.warning = QLabel("\n".join(str(w) for w in warnings), self)
        self.warning.setObjectName("fontWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("background: #fff3c4; padding: 4px;")
        self.warning.setVisible(bool(warnings))
        body = QWidget(self)
        column = QVBoxLayout(body)
        column.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.page_labels: list[QLabel] = []
        for index in range(shown):
            label = QLabel(body)
            label.setPixmap(QPixmap.fromImage(render_page(path, index, PREVIEW_SCALE,
                                                          PREVIEW_WIDTH)))
            label.setStyleSheet("border: 1px solid #b0bec5; background: white;")
            column.addWidget(label)
            self.page_labels.append(label)
        scroll = QScrollArea(self)
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setStyleSheet("background: #78909c;")
        save = QPushButton(self.tr("Save as…"), self)
        save.setObjectName("savePdf")
        save.clicked.connect(self.save_as)
        print_ = QPushButton(self.tr("Print…"), self)
        print_.setObjectName("printPdf")
        print_.clicked.connect(self.print_document)
        open_ = QPushButton(self.tr("Open in PDF viewer"), self)
        open_.setObjectName("openPdf")
        open_.clicked.connect(self.open_in_viewer)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.info, 1)
        for button in (save, print_, open_, close):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.warning)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        self.fit_to_screen()

    def fit_to_screen(self) -> None:
        """900 × 860 where the screen has room; within the available area otherwise (a 1024 × 768
        screen less its task bar), so Save, Print and Close stay on the screen."""
        screen = (self.parentWidget().screen() if self.parentWidget() else None) or self.screen()
        area = screen.availableGeometry()
        frame = 40  # title bar and borders drawn by the window manager
        width, height = min(900, area.width() - 16), min(860, area.height() - frame)
        self.resize(width, height)
        self.move(area.x() + (area.width() - width) // 2,
                  area.y() + max(0, (area.height() - height - frame) // 2))

    def save_as(self, path: str | None = None) -> str | None:
        if not path:
            path = save_location.ask_save_path(self, self.tr("Save the PDF"), self.file_name,
                                               "PDF (*.pdf)")
        if not path:
            return None
        try:
            shutil.copyfile(self.path, path)
        except OSError as exc:
            messages.show_error(self, self.tr("Save the PDF"), str(exc))
            return None
        self.saved_to = path
        return path

    def print_document(self) -> None:
        """The print dialog (printer, page range, copies), then the pages printed in the
        background with progress and Cancel. A character that no font has is said first."""
        from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter

        if self.missing_characters and not messages.confirm_missing_characters(
                self, self.missing_characters):
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.file_name)
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, self.pages)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintCollateCopies, True)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer) -> bool:
        """Prints on `printer` off the GUI thread, page by page, each in its own orientation
        (ui/printing.py). Returns False when cancelled or refused (the reason was shown)."""
        from ui.printing import PrintCancelled, print_pdf

        label = self.tr("Printing page %1 of %2…")
        path = self.path

        def work(progress):
            return print_pdf(path, printer,
                             lambda done, total: progress.report(
                                 done, total, label.replace("%1", str(done))
                                 .replace("%2", str(total))),
                             lambda: progress.cancelled)

        try:
            self.printed = run_with_progress(self, self.tr("Printing…"), work)
        except (PrintCancelled, Cancelled):
            return False
        except OSError as exc:
            messages.show_error(self, self.tr("Print"),
                                self.tr("The printer cannot be used.") + f"\n{exc}")
            return False
        return True

    def open_in_viewer(self) -> None:
        folder = Path(tempfile.gettempdir()) / VIEWER_FOLDER  # emptied at the next start
        folder.mkdir(mode=0o700, exist_ok=True)
        target = folder / self.file_name
        shutil.copyfile(self.path, target)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))


def preview_document(parent: QWidget | None, uow: UnitOfWork, title: str, file_name: str,
                     build: Build) -> str | None:
    """Builds the document in the background (progress and Cancel), then shows it. Returns where
    the user saved it (None when not saved, cancelled, or refused: the reason was shown)."""
    folder = tempfile.mkdtemp(prefix=PREVIEW_PREFIX)  # owner-only; removed when it closes
    try:
        return _preview_in(folder, parent, uow, title, file_name, build)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _preview_in(folder: str, parent: QWidget | None, uow: UnitOfWork, title: str,
                file_name: str, build: Build) -> str | None:
    path = str(Path(folder) / file_name)
    make_uow = thread_uow(uow)

    def work(progress):
        return build(make_uow(), path,
                     lambda done, total: progress.report(done, total),
                     lambda: progress.cancelled)

    try:
        result = run_with_progress(
            parent, QCoreApplication.translate("PdfPreviewDialog", "Preparing the document…"), work)
    except Cancelled:
        return None
    except TrainerError as exc:
        if getattr(exc, "reason", "") != "cancelled":
            messages.show_refusal(parent, str(exc))
        return None
    dialog = PdfPreviewDialog(parent, title, path, file_name, getattr(result, "warnings", ()))
    dialog.exec()
    saved = dialog.saved_to
    dialog.deleteLater()
    return saved


def remove_stale_previews(min_age_seconds: float = 3600.0) -> int:
    """At start: deletes the preview folders and the copies opened in the system viewer that an
    earlier run left in the temporary folder (a crash, or a viewer still open at exit) — once
    older than `min_age_seconds`, so another running copy of the program keeps its own.
    Returns how many were removed."""
    now, removed = time.time(), 0
    base = Path(tempfile.gettempdir())
    stale = [p for p in base.glob(PREVIEW_PREFIX + "*") if p.is_dir()]
    viewer = base / VIEWER_FOLDER
    if viewer.is_dir():
        stale += list(viewer.iterdir())
    for path in stale:
        try:
            if now - path.stat().st_mtime < min_age_seconds:
                continue
            if path.is_dir():
                shutil.rmtree(path)
            else:
                path.unlink()
            removed += 1
        except OSError:  # another user's, or open in a viewer on Windows: next time
            continue
    return removed
