"""How long does importing a big trainee list take, next to merely reading the file?

The importer reads with python-calamine (trainer/io/reading.py); the reader's own read here is
calamine loading the sheet into Python values, and openpyxl's read (what the importer used
before) is printed beside it with --openpyxl. --memory runs the import again in a child
process and prints its peak resident memory (VmHWM), to hold against the 400 MB bound.

Builds an .xlsx of N trainee rows (default 100,000) in the shape enterprises send — a title row
(not merged: openpyxl's write-only mode cannot merge; tests/io cover merged titles), a
填报单位 line, variant headers (姓 名, 身份证号码, 联系电话), the columns
clerks add that the import does not use (序号, 民族, 出生年月, 学历), full-width digits, lowercase
x, stray spaces, '+86 138-…' mobiles, about 1% bad rows, a few repeated rows, a 合计 row — then
times (1) calamine reading every cell of it and (2) the full import into
a fresh SQLite database: preview_import (read, map, validate, look up duplicates) plus run_import
(one transaction). Prints both and the ratio; the target is import ≤ 2 × read.

    python bench/bench_import.py                     # 100,000 rows
    python bench/bench_import.py --rows 20000
    python bench/bench_import.py --narrow            # only the 8 columns the import uses
    python bench/bench_import.py --keep /tmp/bench   # keep the .xlsx and the database there
    python bench/bench_import.py --excel-like        # the file as Excel/WPS save it (below)
    python bench/bench_import.py --existing 200000   # the office holds 200,000 others already

openpyxl writes every text cell inline and no <dimension>, and openpyxl reads such a file
slowly: it parses the whole sheet once at load to look for the dimension, and builds an object
per inline string. Excel and WPS write a shared-strings table and the dimension, which openpyxl
reads about twice as fast — so the ratio is higher on the files offices really send.
--excel-like rewrites the built file into that shape (same cells) to measure that case.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from import_stages import print_table  # noqa: E402

TARGET_RATIO = 2.0
SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶"
            "程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史黎贺顾毛郝龚邵万钱")
GIVEN = ("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力鹏飞宇浩凯健俊帆鑫斌波宁"
         "婷雪琳晨欣怡佳琪梅莉燕琴云春海峰亮林斌志新国庆东晓小永长德家金荣晶婧倩颖嘉思雨梓涵子轩博")
REGIONS = ("360502", "360521", "360102", "360103", "360111", "360402", "130302", "130303")
POSTS = ("操作工", "焊工", "电工", "质检员", "班组长", "仓管员", "叉车司机", "钳工", "车工", "装配工")
CATEGORIES = ("在岗职工", "在岗职工", "农民工", "农民工", "困难职工", "新就业形态劳动者", "")
NATIONS = ("汉族", "汉族", "汉族", "回族", "满族", "壮族")
EDUCATION = ("初中", "高中", "中专", "大专", "本科")
FIRMS = ("新余恒达钢铁", "江西新能源科技", "新余高新区电子厂", "赣西锂电材料")
FULLWIDTH = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def id_number(rng: random.Random, serial: int) -> tuple[str, dt.date]:
    birth = dt.date(1960, 1, 1) + dt.timedelta(days=rng.randrange(16000))
    first = f"{rng.choice(REGIONS)}{birth:%Y%m%d}{serial % 1000:03d}"
    return first + "10X98765432"[sum(int(d) * w for d, w in zip(first, _WEIGHTS)) % 11], birth


def messy_rows(n: int, seed: int = 4):
    rng = random.Random(seed)
    used: set[str] = set()
    previous = None
    for i in range(n):
        if previous and rng.random() < 0.002:  # a row typed twice
            yield [i + 1] + previous[1:]
            continue
        number, birth = id_number(rng, i)
        while number in used:
            number, birth = id_number(rng, rng.randrange(10**6))
        used.add(number)
        gender = "男" if int(number[16]) % 2 else "女"
        name = rng.choice(SURNAMES) + rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < .7 else "")
        mobile = f"1{rng.choice('3456789')}{rng.randrange(10**9):09d}"
        shape = rng.random()
        if shape < 0.05:
            number = number.lower()
        elif shape < 0.08:
            number = number.translate(FULLWIDTH)
        elif shape < 0.10:
            name = name[0] + " " + name[1:]  # 张 三
        elif shape < 0.13:
            mobile = f"+86 {mobile[:3]}-{mobile[3:7]}-{mobile[7:]}"
        elif shape < 0.15:
            mobile = f" {mobile} "
        elif shape < 0.16:
            number = number[:-1] + ("0" if number[-1] != "0" else "1")  # bad check digit
        elif shape < 0.165:
            mobile = mobile[:-1]  # 10 digits
        row = [i + 1, name, gender, rng.choice(NATIONS), f"{birth:%Y.%m}", number,
               rng.choice(EDUCATION), rng.choice(FIRMS), rng.choice(POSTS), mobile,
               rng.choice(CATEGORIES), ""]
        previous = row
        yield row


HEADER = ["序号", "姓 名", "性别", "民族", "出生年月", "身份证号码", "学历", "工作单位", "岗位",
          "联系电话", "人员类别", "备注"]
NARROW = [1, 2, 5, 7, 8, 9, 10, 11]  # the columns the import maps


def build_xlsx(path: Path, n: int, narrow: bool) -> None:
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("花名册")
    pick = (lambda row: [row[i] for i in NARROW]) if narrow else (lambda row: row)
    sheet.append(["2026 年职工技能培训报名汇总表"])
    sheet.append(["填报单位:新余市总工会", None, None, None, "填报日期:2026年3月5日"])
    sheet.append(pick(HEADER))
    for row in messy_rows(n):
        sheet.append(pick(row))
    sheet.append(pick(["合计", f"共 {n} 人"] + [None] * 10))
    book.save(path)


def make_excel_like(source: Path, target: Path) -> None:
    """The same cells as Excel and WPS store them: text in a shared-strings table (each
    distinct text once, cells refer to it by number) and the sheet's <dimension>."""
    import re
    import zipfile

    with zipfile.ZipFile(source) as old:
        parts = {name: old.read(name) for name in old.namelist()}
    sheet_name = "xl/worksheets/sheet1.xml"
    sheet = parts[sheet_name].decode("utf-8")
    strings: dict[str, int] = {}
    count = 0

    def shared(match: re.Match) -> str:
        nonlocal count
        if match.group(2) is None:  # an empty inline string: Excel writes no cell
            return ""
        count += 1
        index = strings.setdefault(match.group(2), len(strings))
        return f'<c r="{match.group(1)}" t="s"><v>{index}</v></c>'

    sheet = re.sub(r'<c r="([A-Z]+[0-9]+)" t="inlineStr"(?: />|><is><t[^>]*>(.*?)</t></is></c>)',
                   shared, sheet)
    cells = re.findall(r'<c r="([A-Z]+)([0-9]+)"', sheet)
    last_column = max((c for c, _ in cells), key=lambda c: (len(c), c))
    last_row = max(int(r) for _, r in cells)
    sheet = sheet.replace("<sheetViews>", f'<dimension ref="A1:{last_column}{last_row}" />'
                          "<sheetViews>", 1)
    parts[sheet_name] = sheet.encode("utf-8")
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    items = "".join(f'<si><t xml:space="preserve">{text}</t></si>' for text in strings)
    parts["xl/sharedStrings.xml"] = (
        f'<sst xmlns="{main}" count="{count}" uniqueCount="{len(strings)}">{items}</sst>'
    ).encode("utf-8")
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
        b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>", b'<Relationship Id="rIdSharedStrings" Type="http://schemas.'
        b'openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
        b'Target="/xl/sharedStrings.xml"/></Relationships>')
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for name, data in parts.items():
            new.writestr(name, data)


def time_read(path: Path) -> tuple[float, int, float]:
    """python-calamine, the importer's reader: every cell of the sheet as Python values."""
    from python_calamine import CalamineWorkbook

    start, cpu = time.perf_counter(), time.process_time()
    book = CalamineWorkbook.from_path(str(path))
    rows = book.get_sheet_by_index(0).to_python(skip_empty_area=False)
    cells = sum(len(r) for r in rows)
    book.close()
    return time.perf_counter() - start, cells, time.process_time() - cpu


def time_read_openpyxl(path: Path) -> tuple[float, int, float]:
    import openpyxl

    start, cpu = time.perf_counter(), time.process_time()
    book = openpyxl.load_workbook(path, read_only=True)
    cells = 0
    for row in book.active.iter_rows(values_only=True):
        cells += len(row)
    book.close()
    return time.perf_counter() - start, cells, time.process_time() - cpu


def fill_office(uow, n: int) -> None:
    """n other trainees of the office, written directly (not timed): ID numbers that no row
    of the file has, so every key of the file is looked for among them."""
    from sqlalchemy import insert

    from trainer.db.base import utcnow
    from trainer.db.models import Trainee

    now = utcnow()
    with uow:
        org = uow.organization_id
        for start in range(0, n, 10_000):
            uow.session.execute(insert(Trainee.__table__), [
                {"organization_id": org, "name": "在册职工", "name_initials": "zczg",
                 "gender": "", "id_number": f"E{i:017d}", "mobile": "", "post": "",
                 "category": "regular", "notes": "", "version": 1, "created_at": now,
                 "updated_at": now} for i in range(start, min(n, start + 10_000))])


def time_import(path: Path, folder: Path, existing: int = 0):
    from trainer.db.migrate import open_database
    from trainer.services.enterprises import EnterpriseForm, create_enterprise
    from trainer.services.organizations import create_organization
    from trainer.services.uow import UnitOfWork

    db_path = folder / "bench_import.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    db = open_database(f"sqlite:///{db_path}")
    uow = UnitOfWork(db)
    create_organization(uow, "新余市总工会", "新余总工会", "XYZGH")
    for firm in FIRMS:
        create_enterprise(uow, EnterpriseForm(name=firm))
    fill_office(uow, existing)
    from trainer.rules.pinyin import pinyin_initials
    pinyin_initials("张")  # load pypinyin's dictionaries outside the timing, as the app has
    from import_stages import stage_times

    import trainer.io.importing as importing

    with stage_times() as spent:
        start, cpu = time.perf_counter(), time.process_time()
        preview = importing.preview_import(uow, "trainees", path)
        middle = time.perf_counter()
        result = importing.run_import(uow, preview)
        end = time.perf_counter()
        cpu = time.process_time() - cpu
    db.dispose()
    return preview, result, middle - start, end - middle, cpu, spent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--narrow", action="store_true", help="only the 8 mapped columns")
    parser.add_argument("--keep", type=Path, help="folder for the .xlsx and the database")
    parser.add_argument("--excel-like", action="store_true",
                        help="shared strings and a dimension, as Excel and WPS save files")
    parser.add_argument("--existing", type=int, default=0, metavar="N",
                        help="the office holds N other trainees before the import")
    parser.add_argument("--openpyxl", action="store_true",
                        help="also time openpyxl's read of the file (slow)")
    parser.add_argument("--memory", action="store_true",
                        help="peak memory of the import, in a child process")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:  # --memory's child: import the file, print the peak
        time_import(args.child, args.child.parent / "child", args.existing)
        print(peak_mb())
        return 0
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench_import_"))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"trainees_{args.rows}{'_narrow' if args.narrow else ''}.xlsx"
    if not path.exists():
        start = time.perf_counter()
        build_xlsx(path, args.rows, args.narrow)
        print(f"built {path} ({path.stat().st_size / 1e6:.1f} MB) in "
              f"{time.perf_counter() - start:.1f} s")
    if args.excel_like:
        source, path = path, path.with_name(path.stem + "_excel.xlsx")
        if not path.exists():
            make_excel_like(source, path)
    read_s, cells, read_cpu = time_read(path)
    preview, result, preview_s, run_s, import_cpu, spent = time_import(path, folder,
                                                                       args.existing)
    total = preview_s + run_s
    shape = ("Excel-like: shared strings, dimension" if args.excel_like
             else "as openpyxl writes it: inline strings, no dimension")
    print(f"rows {args.rows}, cells read {cells}, python {sys.version.split()[0]}, "
          f"cpus {os.cpu_count()}; file {shape}; office holds {args.existing} others")
    print(f"calamine read only          : {read_s:8.2f} s   (cpu {read_cpu:.2f} s)")
    if args.openpyxl:
        op_s, _cells, op_cpu = time_read_openpyxl(path)
        print(f"openpyxl read only          : {op_s:8.2f} s   (cpu {op_cpu:.2f} s)")
    print(f"import: preview (read+check): {preview_s:8.2f} s")
    print(f"import: run (one transaction): {run_s:7.2f} s")
    print(f"import total                : {total:8.2f} s")
    print(f"accepted {len(preview.accepted)}, rejected {len(preview.rejected)}, "
          f"duplicates {len(preview.duplicates)}; created {result.created}")
    ratio = total / read_s
    print(f"ratio import/read: {ratio:.2f} (target ≤ {TARGET_RATIO:.1f}) "
          f"{'OK' if ratio <= TARGET_RATIO else 'OVER TARGET'}")
    # The same in CPU seconds of this process: steadier when others share the cores.
    print(f"cpu: read {read_cpu:.2f} s, import {import_cpu:.2f} s, "
          f"ratio {import_cpu / read_cpu:.2f} (target ≤ {TARGET_RATIO:.1f}: "
          f"{'OK' if import_cpu / read_cpu <= TARGET_RATIO else 'OVER TARGET'})")
    print_table(spent, import_cpu, read_cpu)
    print(f"peak memory of this process (VmHWM, read and import): {peak_mb():.0f} MB")
    if args.memory:
        import subprocess

        (folder / "child").mkdir(exist_ok=True)
        done = subprocess.run([sys.executable, __file__, "--child", str(path), "--existing",
                               str(args.existing)], capture_output=True, text=True, check=True)
        print(f"peak memory of the import (child process, VmHWM): "
              f"{float(done.stdout.split()[-1]):.0f} MB (bound 400 MB)")
    return 0


def peak_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


if __name__ == "__main__":
    sys.exit(main())
