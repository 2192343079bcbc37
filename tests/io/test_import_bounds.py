"""Bounded reading (issue 20, finding 9): hostile spreadsheets are refused with a sentence, or
read in little memory; never a traceback, a MemoryError or a machine brought down. Each attack
runs in a child process under an address-space cap (resource.setrlimit) and reports its peak
resident memory; nothing is written to the database by a refused file."""
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.sheet_files import raw_xlsx, shared_row

ROOT = Path(__file__).resolve().parents[2]
CAP_MB = 2048  # address space: Python, SQLAlchemy and calamine's mappings need some
PEAK_MB = 400

CHILD = textwrap.dedent("""
    import json, resource, sys
    cap = int(sys.argv[3]) * 2**20
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    from trainer.db.migrate import open_database
    from trainer.io.importing import preview_import, run_import
    from trainer.services.organizations import create_organization
    from trainer.services.trainees import count_trainees
    from trainer.services.uow import UnitOfWork
    from trainer.errors import TrainerError
    from trainer.texts import set_language
    set_language("zh")
    uow = UnitOfWork(open_database(sys.argv[2]))
    create_organization(uow, "新余市总工会", "新余总工会", "XYZGH")
    result = {}
    try:
        preview = preview_import(uow, "trainees", sys.argv[1])
        run_import(uow, preview)
        result["accepted"] = len(preview.accepted)
    except TrainerError as exc:
        result["refused"] = str(exc)
    result["stored"] = count_trainees(uow)
    # VmHWM: this process's own peak (ru_maxrss would carry the parent's over exec)
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            result["peak_mb"] = int(line.split()[1]) / 1024
    print(json.dumps(result, ensure_ascii=False))
""")


def _import_capped(path, tmp_path) -> dict:
    done = subprocess.run([sys.executable, "-c", CHILD, str(path),
                           f"sqlite:///{tmp_path / Path(path).stem}.db", str(CAP_MB)],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Traceback" not in done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


HEADER = b'<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
STRINGS = "<si><t>姓名</t></si><si><t>身份证号</t></si>".encode()


def test_lying_dimension_is_read_in_little_memory(tmp_path):
    body = HEADER + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>张三</t></is></c></row>".encode()
    path = raw_xlsx(tmp_path / "dim.xlsx", body, dimension="A1:XFD1048576", shared=STRINGS)
    result = _import_capped(path, tmp_path)
    assert result["accepted"] == 1 and result["stored"] == 1
    assert result["peak_mb"] < PEAK_MB


def test_one_cell_far_away_is_refused(tmp_path):
    body = HEADER + b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    result = _import_capped(raw_xlsx(tmp_path / "far.xlsx", body, shared=STRINGS), tmp_path)
    assert "超出导入上限" in result["refused"] and result["stored"] == 0
    assert result["peak_mb"] < PEAK_MB


def test_shared_strings_bomb_is_refused(tmp_path):
    # 600 KB on disk: one string of a million characters, repeated in 2,000 cells — the
    # pattern that took 1.3 GB — and a table that inflates ~1000 times
    big = b"<si><t>" + b"A" * 10**6 + b"</t></si>"
    rows = b"".join(shared_row(n, 2, 2) for n in range(2, 1002))
    result = _import_capped(raw_xlsx(tmp_path / "bomb.xlsx", HEADER + rows,
                                     shared=STRINGS + big), tmp_path)
    assert "超出导入上限" in result["refused"] and result["stored"] == 0
    assert result["peak_mb"] < PEAK_MB
    inflated = STRINGS + b"<si><t>" + b"B" * (300 * 2**20) + b"</t></si>"
    path = raw_xlsx(tmp_path / "zip.xlsx", HEADER, shared=inflated)
    assert Path(path).stat().st_size < 1_000_000
    result = _import_capped(path, tmp_path)
    assert "不像办公软件保存的表格" in result["refused"] or "超出导入上限" in result["refused"]
    assert result["peak_mb"] < PEAK_MB and result["stored"] == 0


def test_a_million_rows_is_refused_quickly(tmp_path):
    rows = b"".join(b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>x</t></is></c></row>' % (n, n)
                    for n in range(2, 1_048_577))
    path = raw_xlsx(tmp_path / "rows.xlsx", HEADER + rows, dimension="A1:B1048576",
                    shared=STRINGS, level=1)
    result = _import_capped(path, tmp_path)
    assert "行数" in result["refused"] and result["stored"] == 0
    assert result["peak_mb"] < PEAK_MB


@pytest.mark.parametrize("limit", ["rows", "cells"])
def test_limits_name_what_is_over(tmp_path, limit):
    from trainer.io.bounds import FileTooBigError, Limits
    from trainer.io.reading import read_table
    from trainer.texts import set_language

    set_language("zh")

    rows = b"".join(shared_row(n, 0, 1) for n in range(2, 60))
    path = raw_xlsx(tmp_path / "l.xlsx", HEADER + rows, shared=STRINGS)
    small = Limits(rows=50) if limit == "rows" else Limits(cells=100)
    with pytest.raises(FileTooBigError) as info:
        read_table(path, limits=small)
    assert ("行数" if limit == "rows" else "单元格范围") in str(info.value)
    assert len(read_table(path).rows) == 59
    set_language("en")
