"""Builds the installers from a clean checkout, in one command:

    python -m pip install ".[packaging]" && python packaging/build.py

1. the frozen folder dist/factory-classroom/ (PyInstaller, packaging/factory_classroom.spec):
   the window `factory-classroom` and the command line `trainer` sharing one _internal/ folder
   (on Linux `trainer` is a link to the one executable);
2. on Linux, the Debian package dist/factory-classroom_<version>_<arch>.deb (packaging/deb.py);
   on Windows, dist/factory-classroom-<version>-setup.exe when Inno Setup's ISCC is installed
   (packaging/windows/factory_classroom.iss).

It prints the size of each against its budget (the folder 250 MB, the package 120 MB: issue 19);
--strict makes a missed budget fail the build (exit 1). --skip-installer stops after the folder.
--fast-package (the tests' build) compresses the .deb at xz level 0: xz -6 of the 250 MB folder
is ~165 s of CPU, level 0 ~16 s; the release build keeps level 6.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "packaging"))

from trainer import __version__  # noqa: E402

APP = "factory-classroom"
FOLDER_BUDGET_MB = 250
PACKAGE_BUDGET_MB = 120


def folder_size(path: Path) -> int:
    """Bytes of the regular files under `path` (symbolic links count nothing)."""
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def megabytes(size: int) -> str:
    return f"{size / 1e6:.1f} MB"


def write_stamp(work: Path) -> Path:
    """build/build_info.json: the version and build date shown by --version and About."""
    commit = ""
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, text=True,
                                capture_output=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        pass
    work.mkdir(parents=True, exist_ok=True)
    stamp = work / "build_info.json"
    today = dt.datetime.now(dt.timezone.utc).date().isoformat()
    stamp.write_text(json.dumps({"version": __version__, "build_date": today, "commit": commit}),
                     encoding="utf-8")
    return stamp


def freeze(dist: Path, work: Path) -> Path:
    write_stamp(ROOT / "build")
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--distpath", str(dist), "--workpath", str(work),
                    str(ROOT / "packaging" / "factory_classroom.spec")], cwd=ROOT, check=True)
    folder = dist / APP
    if not sys.platform.startswith("win"):  # one executable; launcher.py goes by the name
        (folder / "trainer").symlink_to("factory-classroom")
    if sys.platform.startswith("linux"):
        from elf_tools import drop_unreachable_libraries, strip_libraries
        from icu_data import shrink_icu_data

        dropped = drop_unreachable_libraries(folder)
        print(f"dropped {len(dropped)} libraries nothing loads: {' '.join(sorted(dropped))}")
        print(f"stripped symbol tables: {megabytes(strip_libraries(folder))} saved")
        print(f"ICU data cut to Chinese and English: {megabytes(shrink_icu_data(folder))} saved")
    return folder


def windows_installer(folder: Path, dist: Path) -> Path | None:
    iscc = shutil.which("iscc") or next(
        (str(p) for p in (Path(os.environ.get(v, "")) / "Inno Setup 6" / "ISCC.exe"
                          for v in ("ProgramFiles(x86)", "ProgramFiles", "LOCALAPPDATA"))
         if p.is_file()), None)
    if iscc is None:
        print("Inno Setup (ISCC.exe) not found: no setup.exe made", file=sys.stderr)
        return None
    script = ROOT / "packaging" / "windows" / "factory_classroom.iss"
    subprocess.run([iscc, f"/DAppVersion={__version__}", f"/DSourceDir={folder}",
                    f"/O{dist}", str(script)], check=True)
    return dist / f"{APP}-{__version__}-setup.exe"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller",
                        help="PyInstaller's work folder")
    parser.add_argument("--skip-installer", action="store_true",
                        help="only the frozen folder, no .deb / setup.exe")
    parser.add_argument("--strict", action="store_true", help="exit 1 when over a size budget")
    parser.add_argument("--fast-package", action="store_true",
                        help="a test build: the .deb compressed at xz level 0, not 6 (same "
                             "format and content, ~10x less CPU, ~20%% bigger)")
    args = parser.parse_args(argv)
    dist = args.dist.resolve()
    folder = freeze(dist, args.work.resolve())
    size = folder_size(folder)
    fonts = folder_size(folder / "_internal" / "resources" / "fonts")
    print(f"frozen folder {folder}: {megabytes(size)} (budget {FOLDER_BUDGET_MB} MB; "
          f"of which resources/fonts {megabytes(fonts)})")
    ok = size <= FOLDER_BUDGET_MB * 1e6
    package = None
    if not args.skip_installer:
        if sys.platform.startswith("linux"):
            from deb import build_deb

            package = build_deb(folder, dist, __version__, level=0 if args.fast_package else 6)
        elif sys.platform.startswith("win"):
            package = windows_installer(folder, dist)
    if package is not None:
        package_size = package.stat().st_size
        print(f"installer {package}: {megabytes(package_size)} (budget {PACKAGE_BUDGET_MB} MB)")
        ok = ok and package_size <= PACKAGE_BUDGET_MB * 1e6
    if not ok:
        print("OVER THE SIZE BUDGET", file=sys.stderr)
    return 1 if args.strict and not ok else 0


if __name__ == "__main__":
    sys.exit(main())
