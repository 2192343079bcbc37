"""Properties of the importer's pure parts: whatever a cell or a file holds, they return a value
or raise the importer's own typed error — never anything else."""
import datetime as dt
import gc
import re
import threading

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from trainer.errors import ValidationError
from trainer.io.columns import find_header_row, match_header, normalise_header, suggest_mapping
from trainer.io.importing import _skippable, collector_paused
from trainer.io.reading import (Table, UnreadableFileError, cell_text, decode_text,
                                excel_serial_to_date, read_table)
from trainer.rules.fields import date
from trainer.rules.id_number import parse_id_number
from trainer.rules.phone import normalise_mobile

cells = st.one_of(st.none(), st.text(), st.integers(), st.floats(), st.booleans(), st.dates(),
                  st.datetimes())
KINDS = ("trainees", "enterprises", "lecturers", "requests")


@given(cells)
def test_cell_text_and_header_never_raise(value):
    text = cell_text(value)
    assert isinstance(text, str)
    header = normalise_header(value)
    assert header == normalise_header(header) or header  # stable enough to match twice
    for kind in KINDS:
        match_header(kind, value)


@given(cells)
def test_normalisers_raise_only_validation_errors(value):
    for rule in (parse_id_number, normalise_mobile, lambda v: date(v, "window_start")):
        try:
            rule(cell_text(value))
        except ValidationError:
            pass


@given(st.one_of(st.integers(), st.floats(), st.booleans(), st.none()))
def test_serial_dates_are_dates_or_none(value):
    result = excel_serial_to_date(value)
    assert result is None or isinstance(result, dt.date)


@given(st.binary(max_size=300))
def test_decode_text_takes_any_bytes(data):
    text, encoding = decode_text(data)
    assert isinstance(text, str) and encoding


@given(st.lists(st.lists(cells, max_size=8), max_size=12))
def test_header_detection_on_any_table(rows):
    table = Table("x", "s", tuple(tuple(r) for r in rows))
    for kind in KINDS:
        index = find_header_row(kind, table)
        if index is not None:
            assert len(suggest_mapping(kind, table.rows[index])) >= 1


@given(st.binary(max_size=400), st.sampled_from([".xlsx", ".xls", ".csv", ".txt"]))
def test_any_file_reads_or_raises_unreadable(tmp_path_factory, data, suffix):
    path = tmp_path_factory.mktemp("f") / f"file{suffix}"
    for content in (data, b"PK\x03\x04" + data, b"\xd0\xcf\x11\xe0" + data):
        path.write_bytes(content)
        try:
            table = read_table(path)
        except UnreadableFileError:
            continue
        assert all(isinstance(r, tuple) for r in table.rows)


_TOTAL = re.compile(r"\s*(合\s*计|总\s*计|小\s*计|共\s*计|total\s*$)", re.IGNORECASE)
_FOOTNOTE = re.compile(r"(注[:：]|说明|填表说明|填表人|制表|审核|备注[:：])")


def plain_skippable(row, header):
    """The rule for rows an import passes over, written plainly (importing._skippable takes
    shortcuts because it runs for every row of a big file)."""
    filled = [c for c in row if c is not None and (type(c) is not str or c.strip())]
    if not filled:
        return True
    if any(type(c) is str and _TOTAL.match(c) for c in filled[:3]):
        return True
    if header and row[:len(header)] == header[:len(row)]:
        return True
    return len(filled) == 1 and type(filled[0]) is str and bool(_FOOTNOTE.match(filled[0].strip()))


row_cells = st.one_of(cells, st.sampled_from(["", " ", "合计", " 总 计", "Total", "注:见附表",
                                              "姓名", "身份证号", None, 0]))


@given(st.lists(row_cells, max_size=6), st.lists(row_cells, max_size=6),
       st.sampled_from(["none", "own", "prefix", "extended"]))
@example(row=[], header=[float("nan"), "姓名"], shape="own")  # NaN equals itself only as itself
def test_skippable_rows_follow_the_plain_rule(row, header, shape):
    if shape == "own":
        row = list(header)
    elif shape == "prefix":
        row = header[:len(row)]
    elif shape == "extended":
        row = header + row
    row, header = tuple(row), tuple(header)
    assert _skippable(row, header) == plain_skippable(row, header)


# --- the collector pause of the row checks ---------------------------------------------------

def test_collector_paused_restores_collection_however_blocks_end():
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():  # nested: still off when the inner block ends
            pass
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(KeyError):
        with collector_paused():
            raise KeyError("row")
    assert gc.isenabled()


def test_collector_paused_leaves_a_disabled_collector_disabled():
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_collector_paused_waits_for_the_last_thread():
    inside, release = threading.Event(), threading.Event()

    def other():
        with collector_paused():
            inside.set()
            release.wait(5)

    worker = threading.Thread(target=other)
    worker.start()
    assert inside.wait(5)
    with collector_paused():
        pass
    assert not gc.isenabled()  # the other thread is still checking rows
    release.set()
    worker.join(5)
    assert gc.isenabled()
