"""Per kind of import: how a row's cells become the service's form, which service rule cleans
it, which key finds a duplicate, and how accepted rows are written. Trainees (up to 100,000 in a
file) are written in bulk; the other kinds are short lists and go through their services."""
from __future__ import annotations

import dataclasses
import re
from typing import Any, Callable, Hashable, Iterable

from trainer.errors import ValidationError
from trainer.io.reading import Cell, cell_text, excel_serial_to_date
from trainer.rules.fields import FieldCheck
from trainer.rules.text import clean_code, clean_name, clean_text
from trainer.services import courses, enterprises, lecturers, requests, trainees
# The services' own cleaning rules (private there; one rule for forms and imports alike).
from trainer.services.enterprises import clean_enterprise
from trainer.services.lecturers import clean_lecturer
from trainer.services.requests import clean_request
from trainer.services.trainee_import import TraineeWriter, trainee_ids_by_number
from trainer.services.uow import UnitOfWork

CHUNK = 2000  # rows per INSERT batch and per progress report

# A service's error names a form field; the import reports it at the column of this field.
ERROR_FIELDS = {"person_name": "name", "enterprise_id": "enterprise", "course_id": "course",
                "theme_ids": "themes"}


def chunks(items: list, size: int) -> Iterable[list]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


IDENTIFIER_FIELDS = ("id_number", "credit_code")  # digits a spreadsheet number cannot hold
_SCIENTIFIC = re.compile(r"\s*\d(?:\.\d+)?[eE]\+?\d+\s*$")  # 3.60502E+17 from a CSV


def numeric_identifier(value: Cell) -> bool:
    """An identifier the spreadsheet stored as a number (a double keeps 15 digits): its last
    digits are gone, and no rule may guess them back."""
    if isinstance(value, bool):
        return False
    if isinstance(value, (int, float)):
        return True
    return type(value) is str and bool(_SCIENTIFIC.match(value))


def _text(value: Cell) -> str:
    """cell_text, without a call for what most cells are: text."""
    return value if type(value) is str else cell_text(value)


class Adapter:
    """What differs between kinds; the importer (importing.py) does the rest."""

    kind = ""
    form_type: type = object
    key_field = ""  # the field a duplicate is reported at
    clean: Callable[[Any], dict]
    # import field → the value columns it sets (for updates: only what the file gives)
    columns: dict[str, tuple[str, ...]] = {}
    keeps_form = True  # whether write() needs each accepted row's form (else: values only)

    def __init__(self, uow: UnitOfWork, enterprise_id: int | None, values=None) -> None:
        self.enterprise_id = enterprise_id
        self.values = values  # values.ValueMap of the descriptive fields, or None
        self.row = 0  # the spreadsheet row being read, set by the importer

    # --- per row ---
    def form(self, texts: dict[str, Cell], check: FieldCheck) -> Any:
        kwargs: dict[str, Any] = {}
        for fld in dataclasses.fields(self.form_type):
            if fld.name in IDENTIFIER_FIELDS and numeric_identifier(texts.get(fld.name)):
                check.add(ValidationError(fld.name, "numeric_identifier"))
                kwargs[fld.name] = ""
            elif fld.name in texts and cell_text(texts[fld.name]).strip():
                kwargs[fld.name] = self.convert(fld.name, texts[fld.name])
            elif fld.default is dataclasses.MISSING and fld.default_factory is dataclasses.MISSING:
                kwargs[fld.name] = ""
        kwargs.update(self.references(texts, check))
        return self.form_type(**kwargs)

    def convert(self, name: str, value: Cell) -> Any:
        return cell_text(value)

    def references(self, texts: dict[str, Cell], check: FieldCheck) -> dict[str, Any]:
        return {}

    def key(self, values: dict) -> Hashable | None:
        return None

    def row_errors(self, values: dict) -> list[ValidationError]:
        """Checks against the database beyond the key (e.g. a credit code of another firm)."""
        return []

    def key_text(self, values: dict) -> str:
        return ""

    def existing(self, uow: UnitOfWork, keys: list[Hashable]) -> dict[Hashable, int]:
        return {}

    # --- writing ---
    def write(self, uow: UnitOfWork, rows: list, on_duplicate: str,
              report: Callable[[int], None]) -> tuple[int, int, int]:
        """Through the services, row by row (short lists): created, updated, skipped."""
        created = updated = skipped = 0
        found = self.existing(uow, [self.key(r.values) for r in rows if r.existing_id is None
                                    and self.key(r.values) is not None])
        for done, row in enumerate(rows, 1):
            target = row.existing_id or found.get(self.key(row.values))
            if target is None:
                self.create(uow, row.form)
                created += 1
            elif on_duplicate == "update":
                self.update(uow, target, row)
                updated += 1
            else:
                skipped += 1
            if done % 100 == 0 or done == len(rows):
                report(done)
        return created, updated, skipped

    def create(self, uow: UnitOfWork, form: Any) -> None:
        raise NotImplementedError

    def update(self, uow: UnitOfWork, target: int, row) -> None:
        raise NotImplementedError

    def merged(self, record: Any, row) -> Any:
        """The form of an existing record with only the fields the file gives replaced."""
        base = {f.name: getattr(record, f.name) for f in dataclasses.fields(self.form_type)
                if hasattr(record, f.name)}
        given = {f.name: getattr(row.form, f.name) for f in dataclasses.fields(self.form_type)
                 if any(f.name in self.columns.get(g, (g,)) for g in row.given)}
        return self.form_type(**(base | given))


def _lookup_names(items: Iterable[tuple[str, int]]) -> dict[str, int]:
    table: dict[str, int] = {}
    for name, row_id in items:
        table.setdefault(clean_name(name), row_id)
    return table


def _reference(table: dict[str, int], value: Cell, field: str, check: FieldCheck) -> int | None:
    text = clean_name(cell_text(value))
    if not text:
        return None
    if text not in table:
        check.add(ValidationError(field, "unknown", value=text))
    return table.get(text)


class TraineeAdapter(Adapter):
    kind = "trainees"
    form_type = trainees.TraineeForm
    key_field = "id_number"
    keeps_form = False  # written in bulk from the values: 100,000 forms need not wait
    columns = {"name": ("name", "name_initials"), "id_number": ("id_number", "birth_date", "gender"),
               "enterprise": ("enterprise_id",)}

    def __init__(self, uow: UnitOfWork, enterprise_id: int | None, values=None) -> None:
        super().__init__(uow, enterprise_id, values)
        self.enterprises = _lookup_names((e.name, e.id) for e in enterprises.list_enterprises(uow))
        self.clean = trainees.TraineeCleaner(keep_unknown_category=True)
        # (type, cell) → (cleaned name, enterprise id): a file names a few firms many times.
        # The type is part of the key because 1 == 1.0 == True read as different texts.
        self._enterprise_cells: dict[tuple[type, Cell], tuple[str, int | None]] = {}

    def form(self, texts: dict[str, Cell], check: FieldCheck) -> Any:
        # Spelled out (not the generic loop): this runs 100,000 times in a big file.
        get = texts.get
        if self.enterprise_id is not None:
            enterprise_id = self.enterprise_id
        else:
            enterprise_id = self._enterprise(get("enterprise"), check)
        id_number = get("id_number")
        if type(id_number) is str:  # the usual case, without a regex per row
            lost = ("E" in id_number or "e" in id_number) and numeric_identifier(id_number)
        else:
            lost = id_number is not None and numeric_identifier(id_number)
        if lost:
            check.add(ValidationError("id_number", "numeric_identifier"))
            id_number = ""
        gender, category = get("gender"), get("category")
        if self.values is not None:
            if gender is not None:
                gender, known = self.values("gender", _text(gender), self.row)
                if not known:
                    gender = ""  # M/F only: the ID number's digit 17 gives it
            if category is not None:
                category = self.values("category", _text(category), self.row)[0]
        return trainees.TraineeForm(
            name=_text(get("name")), id_number=_text(id_number),
            gender=_text(gender), mobile=_text(get("mobile")),
            enterprise_id=enterprise_id, post=_text(get("post")),
            category=_text(category), notes=_text(get("notes")),
            # a mapped 已持证 column says yes or no on every row (blank: no)
            holds_certificate=_text(get("holds_certificate")) if "holds_certificate" in texts
            else None)

    def _enterprise(self, value: Cell, check: FieldCheck) -> int | None:
        """_reference, remembering what each distinct cell gave."""
        if value is None:
            return None
        cell = (type(value), value)
        known = self._enterprise_cells.get(cell)
        if known is None:
            text = clean_name(cell_text(value))
            known = self._enterprise_cells[cell] = (text, self.enterprises.get(text))
        text, enterprise_id = known
        if text and enterprise_id is None:
            check.add(ValidationError("enterprise", "unknown", value=text))
        return enterprise_id

    def key(self, values: dict) -> Hashable | None:
        return values["id_number"]

    def key_text(self, values: dict) -> str:
        return values["id_number"] or ""

    def existing(self, uow: UnitOfWork, keys: list[Hashable]) -> dict[Hashable, int]:
        return trainee_ids_by_number(uow, keys)

    def write(self, uow: UnitOfWork, rows: list, on_duplicate: str,
              report: Callable[[int], None]) -> tuple[int, int, int]:
        """In bulk (services/trainee_import.py): the new rows of each chunk inserted in one
        statement, the existing ones changed in place; progress reported per chunk."""
        # looked up again: someone may have added these people since the preview
        found = self.existing(uow, [r.values["id_number"] for r in rows if r.existing_id is None])
        with TraineeWriter(uow) as writer:
            return self._write(writer, rows, found, on_duplicate, report)

    def _write(self, writer, rows, found, on_duplicate, report) -> tuple[int, int, int]:
        created = updated = skipped = done = 0
        for part in chunks(rows, CHUNK):
            new, changes = [], {}
            for row in part:
                target = row.existing_id or found.get(row.values["id_number"])
                if target is None:
                    new.append(row.values)
                elif on_duplicate == "update":
                    changes[target] = {c: row.values[c] for g in row.given
                                       for c in self.columns.get(g, (g,)) if c in row.values}
                else:
                    skipped += 1
            created += writer.insert(new)
            updated += writer.update(changes)
            done += len(part)
            report(done)
        return created, updated, skipped


class EnterpriseAdapter(Adapter):
    kind = "enterprises"
    form_type = enterprises.EnterpriseForm
    key_field = "name"
    clean = staticmethod(clean_enterprise)

    def __init__(self, uow: UnitOfWork, enterprise_id: int | None, values=None) -> None:
        super().__init__(uow, enterprise_id, values)
        records = enterprises.list_enterprises(uow)
        self.by_name = {r.name: r.id for r in records}
        self.credit_codes = {r.credit_code: r.name for r in records if r.credit_code}

    def convert(self, name: str, value: Cell) -> Any:
        return clean_code(cell_text(value)) if name == "credit_code" else cell_text(value)

    def key(self, values: dict) -> Hashable | None:
        return values["name"]

    def key_text(self, values: dict) -> str:
        return values["name"]

    def row_errors(self, values: dict) -> list[ValidationError]:
        owner = self.credit_codes.get(values["credit_code"])
        if owner is not None and owner != values["name"]:
            return [ValidationError("credit_code", "duplicate", value=values["credit_code"])]
        return []

    def existing(self, uow: UnitOfWork, keys: list[Hashable]) -> dict[Hashable, int]:
        return {k: self.by_name[k] for k in keys if k in self.by_name}

    def create(self, uow: UnitOfWork, form: Any) -> None:
        enterprises.create_enterprise(uow, form)

    def update(self, uow: UnitOfWork, target: int, row) -> None:
        record = enterprises.get_enterprise(uow, target, reveal=True)
        enterprises.update_enterprise(uow, target, self.merged(record, row), record.version)


class LecturerAdapter(Adapter):
    kind = "lecturers"
    form_type = lecturers.LecturerForm
    key_field = "name"
    clean = staticmethod(clean_lecturer)
    columns = {"themes": ("theme_ids",)}

    def __init__(self, uow: UnitOfWork, enterprise_id: int | None, values=None) -> None:
        super().__init__(uow, enterprise_id, values)
        self.themes = _lookup_names((t.name, t.id) for t in courses.list_themes(uow))
        self.by_key = {(r.name, r.mobile): r.id
                       for r in lecturers.list_lecturers(uow, reveal=True)}

    def references(self, texts: dict[str, Cell], check: FieldCheck) -> dict[str, Any]:
        parts = [p for p in re.split(r"[,,、;;/\s]+", clean_text(cell_text(texts.get("themes"))))
                 if p]
        ids = [_reference(self.themes, p, "themes", check) for p in parts]
        return {"theme_ids": tuple(dict.fromkeys(i for i in ids if i is not None))}

    def key(self, values: dict) -> Hashable | None:
        return values["name"], values["mobile"]

    def key_text(self, values: dict) -> str:
        return " ".join(v for v in (values["name"], values["mobile"]) if v)

    def existing(self, uow: UnitOfWork, keys: list[Hashable]) -> dict[Hashable, int]:
        return {k: self.by_key[k] for k in keys if k in self.by_key}

    def create(self, uow: UnitOfWork, form: Any) -> None:
        lecturers.create_lecturer(uow, form)

    def update(self, uow: UnitOfWork, target: int, row) -> None:
        record = lecturers.get_lecturer(uow, target, reveal=True)
        lecturers.update_lecturer(uow, target, self.merged(record, row), record.version)


class RequestAdapter(Adapter):
    kind = "requests"
    form_type = requests.TrainingRequestForm
    key_field = "window_start"
    clean = staticmethod(clean_request)
    columns = {"enterprise": ("enterprise_id",), "course": ("course_id",)}

    def __init__(self, uow: UnitOfWork, enterprise_id: int | None, values=None) -> None:
        super().__init__(uow, enterprise_id, values)
        self.enterprises = _lookup_names((e.name, e.id) for e in enterprises.list_enterprises(uow))
        self.courses = _lookup_names((c.title, c.id) for c in courses.list_courses(uow))
        self.by_key = {(r.enterprise_id, r.course_id, r.window_start, r.window_end): r.id
                       for r in requests.list_requests(uow)}

    def convert(self, name: str, value: Cell) -> Any:
        if name in ("window_start", "window_end") and isinstance(value, (int, float)):
            return excel_serial_to_date(value) or cell_text(value)
        if name == "blackout_dates" and isinstance(value, (int, float)):
            day = excel_serial_to_date(value)
            return (day,) if day else cell_text(value)
        if hasattr(value, "year") and name in ("window_start", "window_end"):
            return value
        if hasattr(value, "year") and name == "blackout_dates":
            return (value,)
        return cell_text(value)

    def references(self, texts: dict[str, Cell], check: FieldCheck) -> dict[str, Any]:
        if self.enterprise_id is not None:
            enterprise = self.enterprise_id
        else:
            enterprise = _reference(self.enterprises, texts.get("enterprise"), "enterprise", check)
        return {"enterprise_id": enterprise,
                "course_id": _reference(self.courses, texts.get("course"), "course", check)}

    def key(self, values: dict) -> Hashable | None:
        return (values["enterprise_id"], values["course_id"], values["window_start"],
                values["window_end"])

    def key_text(self, values: dict) -> str:
        return f"{values['window_start']}~{values['window_end']}"

    def existing(self, uow: UnitOfWork, keys: list[Hashable]) -> dict[Hashable, int]:
        return {k: self.by_key[k] for k in keys if k in self.by_key}

    def create(self, uow: UnitOfWork, form: Any) -> None:
        requests.create_request(uow, form)

    def update(self, uow: UnitOfWork, target: int, row) -> None:
        record = requests.get_request(uow, target)
        requests.update_request(uow, target, self.merged(record, row), record.version)


ADAPTERS: dict[str, type[Adapter]] = {a.kind: a for a in (
    TraineeAdapter, EnterpriseAdapter, LecturerAdapter, RequestAdapter)}
