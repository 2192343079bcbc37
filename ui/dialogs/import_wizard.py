"""The import wizard: choose a file → choose the sheet and map its columns → the values we do not
know (only when the file has some; import_pages.py) → see what will be accepted and rejected →
import with progress and cancel. Kind "applicants" (报名表 → 培训项目, applicants_pages.py) reads
the list the same way, then previews and enrols it into the programme chosen on the first
page. Every step calls trainer.io; reading and checking run off the GUI thread behind a
progress dialog, the import itself with a progress bar and Cancel."""
from __future__ import annotations

from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QComboBox, QFileDialog, QFormLayout,
                               QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton,
                               QRadioButton, QSpinBox, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget, QWizard, QWizardPage)

from trainer.errors import TrainerError
from trainer.io.columns import fields_of, find_header_row, suggest_mapping
from trainer.io.importing import (ImportPreview, ImportResult, field_label, preview_import,
                                  read_sheet_with_header, run_import)
from trainer.io.reading import Table, cell_text, read_table
from trainer.io.workbooks import write_template
from trainer.texts import language
from trainer.services import enterprises, programmes
from trainer.services.uow import UnitOfWork
from ui.dialogs import messages
from ui.dialogs import applicants_pages
from ui.dialogs.import_pages import PreviewPage, RunPage, ValuesPage
from ui.resources import app_icon
from ui.workers import run_with_progress, thread_uow

SAMPLE_ROWS = 3  # example values shown under each column on the mapping page
FILE_FILTER = "Excel / WPS / LibreOffice / CSV (*.xlsx *.xlsm *.xls *.ods *.csv *.txt);;* (*)"


class ImportWizard(QWizard):
    """`kind` is one of trainer.io.importing.KINDS, or "applicants" (into the programme
    `programme_id`, chosen again on the first page). After exec(), `result_` holds the
    ImportResult (ApplicationResult) when something was imported (enrolled)."""

    def __init__(self, parent: QWidget | None, uow: UnitOfWork, kind: str,
                 programme_id: int | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importWizard")
        self.setWindowIcon(app_icon())
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.uow, self.kind, self.programme_id = uow, kind, programme_id
        self.applicants = kind == "applicants"
        self.table: Table | None = None
        self.preview: ImportPreview | None = None
        self.preview_args: dict = {}  # what the preview was made with (the values page redoes it)
        self.result_: ImportResult | None = None
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.values_page = ValuesPage(self)
        self.preview_page = applicants_pages.ApplicantsPreviewPage(self) if self.applicants \
            else PreviewPage(self)
        self.run_page = RunPage(self)
        for page in (self.file_page, self.mapping_page, self.values_page, self.preview_page,
                     self.run_page):
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Next >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< Back"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Close"))
        self.setWindowTitle(self.tr("Import %1").replace("%1", kind_title(kind)))
        self.resize(820, 560)

    @classmethod
    def ask(cls, parent: QWidget | None, uow: UnitOfWork, kind: str,
            programme_id: int | None = None):
        wizard = cls(parent, uow, kind, programme_id)
        wizard.exec()
        return wizard.result_

    # --- what differs for the applicants' list (applicants_pages.py) ---------------------------
    def check(self, uow: UnitOfWork, args: dict, value_map=None):
        if self.applicants:
            return applicants_pages.check(uow, self.file_page.programme_id, args, value_map)
        return preview_import(uow, self.kind, value_map=value_map, **args)

    def to_write(self) -> tuple:
        return self.preview.enrolled if self.applicants else self.preview.accepted

    def write(self, uow: UnitOfWork, preview, report):
        if self.applicants:
            return applicants_pages.enrol(uow, preview, report)
        return run_import(uow, preview, report)

    def done_text(self, result) -> str:
        if self.applicants:
            return applicants_pages.done_text(result)
        return (self.tr("Done: %1 created, %2 updated, %3 skipped.")
                .replace("%1", f"{result.created:,}").replace("%2", f"{result.updated:,}")
                .replace("%3", f"{result.skipped:,}"))

    def in_background(self, label: str, function):
        """Runs function(uow) off the GUI thread with its own unit of work; shows a refusal and
        returns None when the core says no."""
        make_uow = thread_uow(self.uow)
        try:
            return run_with_progress(self, label, lambda _p: function(make_uow()),
                                     cancellable=False)
        except TrainerError as exc:
            messages.show_refusal(self, str(exc))
            return None

    def reject(self) -> None:
        if self.run_page.running:  # closing mid-import means cancel it; close when it has ended
            self.run_page.stop()
            return
        super().reject()


def kind_title(kind: str) -> str:
    from PySide6.QtCore import QCoreApplication
    titles = {"trainees": QCoreApplication.translate("ImportWizard", "trainees"),
              "enterprises": QCoreApplication.translate("ImportWizard", "enterprises"),
              "lecturers": QCoreApplication.translate("ImportWizard", "lecturers"),
              "requests": QCoreApplication.translate("ImportWizard", "training requests"),
              "applicants": QCoreApplication.translate("ImportWizard", "applicants' list")}
    return titles.get(kind, kind)


class FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(self.tr("Choose the file"))
        self.setSubTitle(self.tr("The applicants' list as it came: an Excel (.xlsx, .xls), WPS "
                                 "or LibreOffice (.ods) or CSV file; title rows, blank rows and "
                                 "total rows are skipped.") if wizard.applicants else
                         self.tr("An Excel (.xlsx, .xls), WPS or LibreOffice (.ods) or CSV file, "
                                 "as the enterprise sent it: title rows, blank rows and total "
                                 "rows are skipped."))
        self.path = QLineEdit(self)
        self.path.setObjectName("path")
        self.path.textChanged.connect(self.completeChanged)
        browse = QPushButton(self.tr("Browse…"), self)
        browse.setObjectName("browse")
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.enterprise = QComboBox(self)
        self.enterprise.setObjectName("enterprise")
        self.skip = QRadioButton(self.tr("skip them"), self)
        self.skip.setObjectName("skip")
        self.update = QRadioButton(self.tr("update them with the file's values"), self)
        self.update.setObjectName("update")
        self.skip.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.skip)
        group.addButton(self.update)
        duplicates = QVBoxLayout()
        duplicates.addWidget(self.skip)
        duplicates.addWidget(self.update)
        template = QPushButton(self.tr("Save a blank template…"), self)
        template.setObjectName("template")
        template.clicked.connect(self.save_template)
        template_row = QHBoxLayout()
        template_row.addWidget(template)
        template_row.addStretch(1)
        self.programme = QComboBox(self)
        self.programme.setObjectName("programme")
        self.programme.currentIndexChanged.connect(self.completeChanged)
        form = QFormLayout(self)
        if wizard.applicants:
            form.addRow(self.tr("Programme:"), self.programme)
        form.addRow(self.tr("File:"), row)
        if wizard.kind in ("trainees", "requests"):
            form.addRow(self.tr("Enterprise:"), self.enterprise)
        if not wizard.applicants:  # applicants: matched by ID number, their record left as is
            form.addRow(self.tr("Already in the database:"), duplicates)
        form.addRow("", template_row)
        hidden = [self.skip, self.update] if wizard.applicants else [self.programme]
        if wizard.kind not in ("trainees", "requests"):
            hidden.append(self.enterprise)
        for widget in hidden:  # out of the form: not shown
            widget.hide()

    def initializePage(self) -> None:
        self.enterprise.clear()
        self.enterprise.addItem(self.tr("— as given in the file —"), None)
        if self.wiz.kind in ("trainees", "requests"):
            for record in enterprises.list_enterprises(self.wiz.uow):
                self.enterprise.addItem(record.name, record.id)
        if self.wiz.applicants and not self.programme.count():
            for record in programmes.list_programmes(self.wiz.uow):
                self.programme.addItem(record.name, record.id)
            self.programme.setCurrentIndex(max(self.programme.findData(self.wiz.programme_id), 0))

    def browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the file to import"),
                                              self.path.text(), FILE_FILTER)
        if path:
            self.path.setText(path)

    def save_template(self) -> None:
        name = f"{kind_title(self.wiz.kind)}.xlsx"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the template"), name,
                                              "Excel (*.xlsx)")
        if path:
            try:
                write_template(self.wiz.kind, path, language())
            except (OSError, TrainerError) as exc:
                messages.show_error(self, self.tr("Save the template"), str(exc))

    def isComplete(self) -> bool:
        return bool(self.path.text().strip()) and (not self.wiz.applicants
                                                   or self.programme_id is not None)

    @property
    def programme_id(self) -> int | None:
        return self.programme.currentData()

    def validatePage(self) -> bool:
        path = self.path.text().strip()
        kind = self.wiz.kind
        table = self.wiz.in_background(self.tr("Reading the file…"),
                                       lambda _uow: read_sheet_with_header(kind, path))
        if table is None:
            return False
        self.wiz.table = table
        return True

    @property
    def enterprise_id(self) -> int | None:
        return self.enterprise.currentData()

    @property
    def on_duplicate(self) -> str:
        return "update" if self.update.isChecked() else "skip"


class MappingPage(QWizardPage):
    """One row per column of the file: its header, a few values, and the field it fills."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(self.tr("Match the columns"))
        self.setSubTitle(self.tr("Known headers are matched already; choose the field for the "
                                 "others, or leave them out."))
        self.header_row = QSpinBox(self)
        self.header_row.setObjectName("headerRow")
        self.header_row.setSpecialValueText(self.tr("none"))
        self.header_row.setMaximumWidth(120)
        self.header_row.valueChanged.connect(self.fill)
        self.sheet = QComboBox(self)
        self.sheet.setObjectName("sheet")
        self.sheet.activated.connect(self.choose_sheet)
        self.hidden = QCheckBox(self)
        self.hidden.setObjectName("importHidden")
        self.columns = QTableWidget(0, 3, self)
        self.columns.setObjectName("columns")
        self.columns.verticalHeader().hide()
        self.columns.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.problem = QLabel(self)
        self.problem.setObjectName("mappingProblem")
        self.problem.setStyleSheet("color: #c62828;")
        self.problem.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Sheet:"), self.sheet)
        form.addRow(self.tr("Header row (spreadsheet row number):"), self.header_row)
        form.addRow("", self.hidden)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.columns, 1)
        layout.addWidget(self.problem)

    def initializePage(self) -> None:
        table = self.wiz.table
        self.sheet.clear()
        for info in table.sheets or ():
            self.sheet.addItem(info.name + (self.tr(" (hidden)") if info.hidden else ""),
                               info.name)
        self.sheet.setCurrentIndex(max(self.sheet.findData(table.sheet), 0))
        self.sheet.setEnabled(self.sheet.count() > 1)
        self.hidden.setText(self.tr("Import the %1 hidden rows too").replace(
            "%1", str(len(table.hidden_rows))))
        self.hidden.setChecked(False)
        self.hidden.setVisible(bool(table.hidden_rows))
        found = find_header_row(self.wiz.kind, table)
        self.header_row.blockSignals(True)
        self.header_row.setRange(0, max(len(table.rows), 1))
        self.header_row.setValue(found + 1 if found is not None else 0)
        self.header_row.blockSignals(False)
        self.fill()

    def choose_sheet(self) -> None:
        name, path = self.sheet.currentData(), self.wiz.file_page.path.text().strip()
        if name is None or name == self.wiz.table.sheet:
            return
        table = self.wiz.in_background(self.tr("Reading the file…"),
                                       lambda _uow: read_table(path, name))
        if table is not None:
            self.wiz.table = table
            self.initializePage()

    def fill(self) -> None:
        table, kind = self.wiz.table, self.wiz.kind
        row_no = self.header_row.value()
        header = table.rows[row_no - 1] if row_no else ()
        samples = [r for r in table.rows[row_no:] if any(cell_text(c).strip() for c in r)]
        samples = samples[:SAMPLE_ROWS]
        width = max([len(header)] + [len(r) for r in samples] + [0])
        suggested = suggest_mapping(kind, header)
        self.columns.setHorizontalHeaderLabels([self.tr("Column in the file"),
                                                self.tr("Example values"), self.tr("Field")])
        self.columns.setRowCount(width)
        for col in range(width):
            title = cell_text(header[col]) if col < len(header) else ""
            letter = _column_letter(col)
            self.columns.setItem(col, 0, QTableWidgetItem(f"{letter}  {title}".strip()))
            values = [cell_text(r[col]) for r in samples if col < len(r)]
            self.columns.setItem(col, 1, QTableWidgetItem(" | ".join(v for v in values if v)))
            combo = QComboBox(self.columns)
            combo.addItem(self.tr("— not imported —"), None)
            for spec in fields_of(kind):
                combo.addItem(spec.label(language()) + (" *" if spec.required else ""), spec.name)
            combo.setCurrentIndex(max(combo.findData(suggested.get(col)), 0))
            combo.currentIndexChanged.connect(self.completeChanged)
            self.columns.setCellWidget(col, 2, combo)
        self.columns.resizeColumnToContents(0)
        self.columns.setColumnWidth(2, 180)
        self.completeChanged.emit()

    def mapping(self) -> dict[int, str]:
        chosen = {}
        for col in range(self.columns.rowCount()):
            name = self.columns.cellWidget(col, 2).currentData()
            if name:
                chosen[col] = name
        return chosen

    def isComplete(self) -> bool:
        chosen = list(self.mapping().values())
        twice = sorted({field_label(self.wiz.kind, n) for n in chosen if chosen.count(n) > 1})
        given = set(chosen) | ({"enterprise"} if self.wiz.file_page.enterprise_id else set())
        missing = [field_label(self.wiz.kind, s.name) for s in fields_of(self.wiz.kind)
                   if s.required and s.name not in given]
        text = ""
        if twice:
            text = self.tr("Each field may come from one column only: %1").replace(
                "%1", "、".join(twice))
        elif missing:
            text = self.tr("Choose a column for: %1").replace("%1", "、".join(missing))
        self.problem.setText(text)
        return not text

    def validatePage(self) -> bool:
        wiz, file_page = self.wiz, self.wiz.file_page
        path, mapping, header_row = file_page.path.text().strip(), self.mapping(), \
            self.header_row.value()
        args = dict(path=path, mapping=mapping, header_row=header_row,
                    enterprise=file_page.enterprise_id, on_duplicate=file_page.on_duplicate,
                    sheet=wiz.table.sheet if wiz.table.sheets else None,
                    include_hidden=self.hidden.isChecked())
        preview = wiz.in_background(self.tr("Checking every row…"),
                                    lambda uow: wiz.check(uow, args))
        if preview is None:
            return False
        wiz.preview, wiz.preview_args = preview, args
        return True

    def nextId(self) -> int:
        """The values page only when the file has values we do not know."""
        wiz = self.wiz
        skip = wiz.preview is not None and not wiz.preview.unknown_values
        target = wiz.preview_page if skip else wiz.values_page
        return next(i for i in wiz.pageIds() if wiz.page(i) is target)


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters

