"""ELF work on the frozen folder (Linux), after PyInstaller: strip the symbol tables safely and
drop the libraries nothing loads. Needs binutils (readelf, strip)."""
from __future__ import annotations

import re
import shutil
import struct
import subprocess
import tempfile
from pathlib import Path

PT_LOAD = 1


def is_elf(path: Path) -> bool:
    with open(path, "rb") as fh:
        return fh.read(4) == b"\x7fELF"


def elf_files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink() and is_elf(p)]


def loadable(path: Path) -> bool:
    """True when every PT_LOAD segment of a 64-bit little-endian ELF file is aligned the way the
    dynamic loader checks ("ELF load command address/offset not page-aligned" otherwise)."""
    data = path.read_bytes()
    if data[4] != 2 or data[5] != 1:  # not ELFCLASS64 / little-endian: not judged, kept as is
        return False
    phoff, = struct.unpack_from("<Q", data, 0x20)
    phentsize, phnum = struct.unpack_from("<HH", data, 0x36)
    for i in range(phnum):
        p_type, _flags, offset, vaddr, _paddr, _filesz, _memsz, align = struct.unpack_from(
            "<IIQQQQQQ", data, phoff + i * phentsize)
        if p_type == PT_LOAD and align > 1 and (vaddr - offset) % align:
            return False
    return True


def strip_libraries(folder: Path) -> int:
    """Strips the symbol tables (strip --strip-unneeded) of the folder's ELF files, keeping the
    original of any file the stripped copy of which would not load: strip rewrites the layout,
    which breaks some libraries that wheels repaired with patchelf (numpy's OpenBLAS). Returns
    the bytes saved."""
    saved = 0
    with tempfile.TemporaryDirectory(prefix="fc-strip-") as tmp:
        for path in elf_files(folder):
            copy = Path(tmp) / "stripped"
            shutil.copy2(path, copy)
            done = subprocess.run(["strip", "--strip-unneeded", str(copy)], capture_output=True)
            smaller = path.stat().st_size - copy.stat().st_size
            if done.returncode == 0 and smaller > 0 and loadable(copy):
                shutil.copy2(copy, path)
                saved += smaller
    return saved


def _needed(path: Path) -> list[str]:
    """The DT_NEEDED names of an ELF file (readelf)."""
    out = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True).stdout
    return re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", out)


def drop_unreachable_libraries(folder: Path) -> list[str]:
    """Linux: removes the shared libraries at the top of _internal/ that no program, Python
    extension or Qt plugin in the folder loads, directly or through another library (PyInstaller
    collected them for plugins prune() dropped), and links left pointing nowhere."""
    internal = folder / "_internal"
    top = {p.name: p for p in internal.iterdir() if p.is_file() and ".so" in p.name}
    elf = elf_files(folder)
    by_name = {p.name: p for p in elf}
    # Roots: the bootloader opens libpython; Python imports extension modules (_cffi_backend…).
    keep = {name for name in top if name.startswith("libpython")
            or re.search(r"\.(cpython-\d+.*|abi3)\.so$", name)}
    todo = [p for p in elf if p.parent != internal or p.name in keep]
    seen: set[Path] = set()
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        for name in _needed(current):
            target = by_name.get(name) or (internal / name if (internal / name).exists() else None)
            if target is not None:
                target = target.resolve()
                keep.add(name)
                todo.append(target)
    removed = []
    for name, path in top.items():
        if name not in keep and not path.is_symlink():
            path.unlink()
            removed.append(name)
    for link in list(folder.rglob("*")):
        if link.is_symlink() and not link.exists():
            link.unlink()
            removed.append(link.name)
    return removed
