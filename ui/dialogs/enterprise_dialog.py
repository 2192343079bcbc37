"""Creating and editing an enterprise, with its venues (workshops) and their capacity."""
from __future__ import annotations

from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QPlainTextEdit, QPushButton, QTableView, QWidget)

from trainer.services import enterprises
from trainer.services.uow import UnitOfWork
from ui.dialogs.form_dialog import FormDialog
from ui.models.editable_lists import VenueColumn, VenueDraft, VenueDraftModel
from ui.resources import icon


class EnterpriseDialog(FormDialog):
    def __init__(self, parent: QWidget | None, uow: UnitOfWork,
                 record: enterprises.EnterpriseRecord | None = None) -> None:
        super().__init__(parent, self.tr("New enterprise") if record is None
                         else self.tr("Edit enterprise"))
        self.setObjectName("enterpriseDialog")
        self._uow = uow
        self._record = record
        self._removed: list[VenueDraft] = []
        self.name = self.add_field("name", self.tr("&Name"), QLineEdit())
        self.credit_code = self.add_field("credit_code", self.tr("&Credit code"), QLineEdit())
        self.credit_code.setPlaceholderText(self.tr("18 characters, e.g. 91360500MA35XXXXXX"))
        self.district = self.add_field("district", self.tr("&District"), QLineEdit())
        self.park = self.add_field("park", self.tr("Industrial &park"), QLineEdit())
        self.industry = self.add_field("industry", self.tr("&Industry"), QLineEdit())
        self.address = self.add_field("address", self.tr("&Address"), QLineEdit())
        self.contact_name = self.add_field("contact_name", self.tr("C&ontact"), QLineEdit())
        self.contact_phone = self.add_field("contact_phone", self.tr("Contact &phone"), QLineEdit())
        self.headcount = self.add_field("headcount", self.tr("&Workers"), QLineEdit())
        self.notes = self.add_field("notes", self.tr("No&tes"), QPlainTextEdit())
        self.notes.setFixedHeight(60)

        self.extra.addWidget(QLabel(self.tr("<b>Venues (workshops)</b> where lessons can take place")))
        self.venues = VenueDraftModel(self)
        self.venue_view = QTableView(self)
        self.venue_view.setObjectName("venues")
        self.venue_view.setModel(self.venues)
        self.venue_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.venue_view.horizontalHeader().setSectionResizeMode(
            VenueColumn.ADDRESS, QHeaderView.ResizeMode.Stretch)
        self.venue_view.setColumnWidth(VenueColumn.NAME, 180)
        self.venue_view.verticalHeader().hide()
        self.venue_view.setMinimumHeight(120)
        self.extra.addWidget(self.venue_view)
        row = QHBoxLayout()
        self.add_venue_button = QPushButton(icon("add"), self.tr("Add venue"))
        self.add_venue_button.setObjectName("addVenue")
        self.remove_venue_button = QPushButton(icon("delete"), self.tr("Remove venue"))
        self.add_venue_button.clicked.connect(lambda: self.add_venue())  # not clicked(checked)
        self.remove_venue_button.clicked.connect(self.remove_venue)
        row.addWidget(self.add_venue_button)
        row.addWidget(self.remove_venue_button)
        row.addStretch(1)
        self.extra.addLayout(row)
        self.add_error_place("venues", self.venue_view, self.extra)
        self.resize(620, 640)
        if record is not None:
            self._fill(record)

    def _fill(self, r: enterprises.EnterpriseRecord) -> None:
        self.name.setText(r.name)
        self.credit_code.setText(r.credit_code)
        self.district.setText(r.district)
        self.park.setText(r.park)
        self.industry.setText(r.industry)
        self.address.setText(r.address)
        self.contact_name.setText(r.contact_name)
        self.contact_phone.setText(r.contact_phone)
        self.headcount.setText(str(r.headcount) if r.headcount else "")
        self.notes.setPlainText(r.notes)
        self.venues.set_rows([VenueDraft(v.name, v.address, v.capacity, v.id, v.version)
                              for v in enterprises.list_venues(self._uow, r.id)])

    def add_venue(self, name: str = "", capacity: int = 0) -> None:
        row = self.venues.append(VenueDraft(name=name, capacity=capacity))
        index = self.venues.index(row, VenueColumn.NAME)
        self.venue_view.setCurrentIndex(index)
        if not name:
            self.venue_view.edit(index)

    def remove_venue(self) -> None:
        index = self.venue_view.currentIndex()
        if index.isValid():
            draft = self.venues.remove(index.row())
            if draft.id is not None:
                self._removed.append(draft)

    def to_form(self) -> enterprises.EnterpriseForm:
        return enterprises.EnterpriseForm(
            name=self.name.text(), credit_code=self.credit_code.text(),
            district=self.district.text(), park=self.park.text(), industry=self.industry.text(),
            address=self.address.text(), contact_name=self.contact_name.text(),
            contact_phone=self.contact_phone.text(), headcount=self.headcount.text(),
            notes=self.notes.toPlainText())

    def save(self) -> enterprises.EnterpriseRecord:
        self.venue_view.setCurrentIndex(self.venues.index(-1, -1))  # commits an open editor
        rows = [enterprises.VenueRow(d.name, d.address, d.capacity, d.id, d.version)
                for d in self.venues.rows]
        removed = [enterprises.VenueRow(d.name, id=d.id, version=d.version)
                   for d in self._removed]
        try:  # one transaction: a refused venue leaves the enterprise unchanged too
            return enterprises.save_enterprise(
                self._uow, self.to_form(), rows, removed,
                enterprise_id=None if self._record is None else self._record.id,
                expected_version=None if self._record is None else self._record.version)
        except enterprises.VenueRowError as exc:
            self.show_venue_error(exc)
            raise _Shown(exc) from exc

    def show_venue_error(self, error: enterprises.VenueRowError) -> None:
        self.show_error(error, place="venues")

    def accept(self) -> None:
        try:
            super().accept()
        except _Shown:
            pass  # already shown beside the venues

    @classmethod
    def ask(cls, parent: QWidget | None, uow: UnitOfWork,
            record: enterprises.EnterpriseRecord | None = None
            ) -> enterprises.EnterpriseRecord | None:
        return cls.run(cls(parent, uow, record))


class _Shown(Exception):
    """A venue error already displayed; unwinds the transaction without a second message."""
