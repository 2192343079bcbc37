"""Spreadsheet files written the way office suites store them, for the import tests.

- ods(): an OpenDocument spreadsheet as LibreOffice Calc 7 saves one — the mimetype stored first
  and uncompressed, numbers as office:value-type="float" with office:value in the form Calc
  writes (3.60502199001011E+17 for an 18-digit ID typed without text format), vertical merges as
  table:number-rows-spanned with table:covered-table-cell below, hidden rows as
  table:visibility="collapse", a hidden sheet through a table style with table:display="false",
  and the repeated empty rows and columns every Calc file ends with.
- typed_id(): what a spreadsheet keeps of an 18-digit number typed into a General cell: a double
  holding its first 15 significant digits."""
from __future__ import annotations

import zipfile
from xml.sax.saxutils import escape

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'office:version="1.3"')
MANIFEST = ('<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest xmlns:manifest='
            '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
            '<manifest:file-entry manifest:full-path="/" manifest:version="1.3" '
            'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
            '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
            '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>'
            '</manifest:manifest>')


def typed_id(number: str) -> float:
    """An 18-digit ID as a spreadsheet stores it when typed into a General cell."""
    return float(f"{int(number):.14e}")


def _cell(value, rows_spanned: int = 1) -> str:
    span = f' table:number-rows-spanned="{rows_spanned}" table:number-columns-spanned="1"' \
        if rows_spanned > 1 else ""
    if value is None:
        return f"<table:table-cell{span}/>"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        shown = f"{value:.15G}".replace("E+", "E+")
        return (f'<table:table-cell office:value-type="float" office:value="{shown}" '
                f'calcext:value-type="float"{span}><text:p>{shown}</text:p></table:table-cell>')
    return (f'<table:table-cell office:value-type="string" calcext:value-type="string"{span}>'
            f"<text:p>{escape(str(value))}</text:p></table:table-cell>")


def ods(path, sheets, *, hidden_sheets=(), merges=None, hidden_rows=None) -> str:
    """sheets: {name: rows}; merges: {name: [(first_row, last_row, column)]} (0-based, vertical);
    hidden_rows: {name: [row index, …]} (0-based)."""
    merges = merges or {}
    hidden_rows = hidden_rows or {}
    tables = []
    for name, rows in sheets.items():
        width = max(len(r) for r in rows)
        spans = {(first, col): last - first + 1 for first, last, col in merges.get(name, ())}
        covered = {(r, col) for first, last, col in merges.get(name, ())
                   for r in range(first + 1, last + 1)}
        body = [f'<table:table-column table:style-name="co1" '
                f'table:number-columns-repeated="{width}" '
                f'table:default-cell-style-name="Default"/>']
        for index, row in enumerate(rows):
            cells = []
            for col in range(width):
                value = row[col] if col < len(row) else None
                if (index, col) in covered:
                    cells.append("<table:covered-table-cell/>")
                else:
                    cells.append(_cell(value, spans.get((index, col), 1)))
            cells.append('<table:table-cell table:number-columns-repeated="1016"/>')
            visibility = ' table:visibility="collapse"' if index in hidden_rows.get(name, ()) \
                else ""
            body.append(f'<table:table-row table:style-name="ro1"{visibility}>'
                        + "".join(cells) + "</table:table-row>")
        body.append('<table:table-row table:style-name="ro1" table:number-rows-repeated='
                    f'"{1048576 - len(rows)}"><table:table-cell table:number-columns-repeated='
                    '"1024"/></table:table-row>')
        style = "ta2" if name in hidden_sheets else "ta1"
        tables.append(f'<table:table table:name="{escape(name)}" table:style-name="{style}">'
                      + "".join(body) + "</table:table>")
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<office:document-content {NS} '
        'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0">'
        "<office:automatic-styles>"
        '<style:style style:name="co1" style:family="table-column"><style:table-column-properties '
        'fo:break-before="auto" style:column-width="0.889in"/></style:style>'
        '<style:style style:name="ro1" style:family="table-row"><style:table-row-properties '
        'style:row-height="0.178in" fo:break-before="auto" style:use-optimal-row-height="true"/>'
        "</style:style>"
        '<style:style style:name="ta1" style:family="table" style:master-page-name="Default">'
        '<style:table-properties table:display="true" style:writing-mode="lr-tb"/></style:style>'
        '<style:style style:name="ta2" style:family="table" style:master-page-name="Default">'
        '<style:table-properties table:display="false" style:writing-mode="lr-tb"/></style:style>'
        "</office:automatic-styles><office:body><office:spreadsheet>"
        + "".join(tables) + "</office:spreadsheet></office:body></office:document-content>")
    styles = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-styles {NS}>'
              "</office:document-styles>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet",
                   compress_type=zipfile.ZIP_STORED)
        z.writestr("META-INF/manifest.xml", MANIFEST)
        z.writestr("content.xml", content)
        z.writestr("styles.xml", styles)
    return str(path)


# --- hand-made .xlsx parts: the hostile files of issue 20, finding 9 -------------------------

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def raw_xlsx(path, sheet_data: bytes, *, dimension: str = "A1:C3", shared: bytes | None = None,
             level: int = 9) -> str:
    """An .xlsx as Excel lays it out, with the sheet's <sheetData> body and the shared strings
    (<si> elements) given as bytes, so a test can make them as large or as false as it likes."""
    types = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://'
             b'schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" '
             b'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             b'<Default Extension="xml" ContentType="application/xml"/><Override PartName='
             b'"/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
             b'spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" '
             b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.'
             b'worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="'
             b'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
             b'</Types>')
    root_rels = ('<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="http://schemas.'
                 'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="'
                 f'{_RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    book = (f'<?xml version="1.0" encoding="UTF-8"?>\n<workbook xmlns="{_MAIN}" xmlns:r="{_RELS}">'
            '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>')
    book_rels = ('<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="http://schemas.'
                 'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="'
                 f'{_RELS}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" '
                 f'Type="{_RELS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
    head = (f'<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="{_MAIN}" '
            f'xmlns:r="{_RELS}"><dimension ref="{dimension}"/><sheetData>').encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as z:
        z.writestr("[Content_Types].xml", types)
        z.writestr("_rels/.rels", root_rels)
        z.writestr("xl/workbook.xml", book)
        z.writestr("xl/_rels/workbook.xml.rels", book_rels)
        z.writestr("xl/worksheets/sheet1.xml", head + sheet_data + b"</sheetData></worksheet>")
        z.writestr("xl/sharedStrings.xml", f'<sst xmlns="{_MAIN}">'.encode() + (shared or b"")
                   + b"</sst>")
    return str(path)


def shared_row(number: int, *indexes: int) -> bytes:
    cells = "".join(f'<c r="{chr(65 + i)}{number}" t="s"><v>{v}</v></c>'
                    for i, v in enumerate(indexes))
    return f'<row r="{number}">{cells}</row>'.encode()
