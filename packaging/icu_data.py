"""Linux: Qt's ICU data library (libicudata.so.NN, 32 MB) cut down to what the app uses (5 MB).

Qt Core calls ICU for three things only (nm -D --undefined-only libQt6Core.so.6): the collator
(ucol_*: the Trainees page sorts names by pinyin with a Chinese QCollator), the calendar (ucal_*)
and the text converters (ucnv_*). Kept: every item that is not a locale (the root collation
table, time zones, likely subtags, normalisation, converter aliases…), the locales root, zh and
en in every tree, and the Chinese converters (GB18030, GBK, GB2312, Big5, Big5-HKSCS). Dropped:
the other ~800 locales, the other converters, word-break dictionaries, transliteration and
number spell-out rules, none of which Qt calls.

How: the data is one symbol, icudt<NN>_dat, filling .rodata (objcopy takes it out); ICU's own
icupkg removes the items (it checks that nothing kept depends on something removed); an
assembler file puts the smaller package back under the same symbol and soname. Needs binutils,
gcc and icupkg (Debian: icu-devtools). Without them the full library stays, with a warning.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

KEPT_LOCALES = {"root", "zh", "zh_CN", "zh_Hans", "zh_Hans_CN", "en", "en_US", "en_001", "en_GB"}
KEPT_CONVERTERS = {"gb18030.cnv", "windows-936-2000.cnv", "ibm-1383_P110-1999.cnv",
                   "ibm-1386_P100-2001.cnv", "windows-950-2000.cnv", "ibm-1373_P100-2002.cnv",
                   "ibm-5471_P100-2006.cnv"}
DROPPED_TREES = {"brkitr", "translit", "rbnf"}  # break dictionaries, transliterators, spell-out
# A locale bundle: language code of 2-3 letters, then optional _Script/_REGION/_variant parts.
_LOCALE = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]*)*\.res$")


def items_to_remove(items: list[str]) -> list[str]:
    """The package items (as icupkg -l lists them: "coll/zh.res", "gb18030.cnv") to drop."""
    removed = []
    for item in items:
        tree, _, name = item.rpartition("/")
        if tree in DROPPED_TREES:
            removed.append(item)
        elif name.endswith(".cnv"):
            if name not in KEPT_CONVERTERS:
                removed.append(item)
        elif _LOCALE.match(name) and name[:-len(".res")] not in KEPT_LOCALES:
            removed.append(item)
    return removed


def _data_symbol(library: Path) -> str:
    out = subprocess.run(["readelf", "-Ws", str(library)], capture_output=True, text=True,
                         check=True).stdout
    found = re.search(r"\b(icudt\d+_dat)\b", out)
    if not found:
        raise ValueError(f"{library}: no icudt*_dat symbol")
    return found.group(1)


def shrink_library(library: Path, out: Path) -> None:
    """Writes to `out` the library `library` holding only the kept items."""
    symbol = _data_symbol(library)
    package = symbol[:-len("_dat")] + "l"  # icudt73l: the items' prefix, little-endian
    soname = library.name
    with tempfile.TemporaryDirectory(prefix="fc-icu-") as tmp:
        full, small = Path(tmp) / "full" / f"{package}.dat", Path(tmp) / f"{package}.dat"
        full.parent.mkdir()
        subprocess.run(["objcopy", "-O", "binary", "--only-section=.rodata", str(library),
                        str(full)], check=True)
        items = subprocess.run(["icupkg", "-l", str(full)], capture_output=True, text=True,
                               check=True).stdout.split()
        removal = Path(tmp) / "remove.txt"
        removal.write_text("\n".join(items_to_remove(items)) + "\n", encoding="ascii")
        # the output's file name is the package name icupkg writes into every item's path
        subprocess.run(["icupkg", "-r", str(removal), str(full), str(small)], check=True,
                       capture_output=True)
        source = Path(tmp) / "icudata.S"
        source.write_text(
            f'    .section .rodata\n    .globl {symbol}\n    .type {symbol}, @object\n'
            f'    .balign 16\n{symbol}:\n    .incbin "{small}"\n'
            f'    .size {symbol}, . - {symbol}\n'
            '    .section .note.GNU-stack,"",@progbits\n', encoding="ascii")
        subprocess.run(["gcc", "-shared", "-nostdlib", f"-Wl,-soname,{soname}", "-o", str(out),
                        str(source)], check=True)


def shrink_icu_data(folder: Path) -> int:
    """Replaces the folder's libicudata.so.* by the cut-down one; returns the bytes saved."""
    missing = [tool for tool in ("objcopy", "readelf", "icupkg", "gcc") if not shutil.which(tool)]
    libraries = [p for p in folder.rglob("libicudata.so.*") if p.is_file() and not p.is_symlink()]
    if missing and libraries:
        print(f"ICU data kept whole: {', '.join(missing)} not installed", file=sys.stderr)
        return 0
    saved = 0
    for library in libraries:
        smaller = library.with_name(library.name + ".small")
        shrink_library(library, smaller)
        saved += library.stat().st_size - smaller.stat().st_size
        smaller.replace(library)
    return saved
