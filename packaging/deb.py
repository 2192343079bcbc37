"""The Debian package (Debian 12, 统信UOS, 银河麒麟/Kylin) of the frozen folder.

Layout: the folder under /opt/factory-classroom, `factory-classroom` and `trainer` in /usr/bin
(links into it), the desktop entry and icon under /usr/share. Nothing is written to the user's
folders, so removing the package (`apt remove` or `apt purge`) leaves the data, settings and
backups in ~/.local/share/FactoryClassroom and ~/.config/FactoryClassroom as they were.

Compressed with xz: the older dpkg of UOS 20 and Kylin V10 cannot read zstd."""
from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

PACKAGE = "factory-classroom"
HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
INSTALL_DIR = Path("opt") / PACKAGE

# What the frozen folder leaves to the system: the C library (the version its files need, see
# required_glibc), libxcb, OpenGL/EGL (machine-specific drivers), fontconfig's configuration,
# and the libraries of freeze_filter.SYSTEM_LIBS: CUPS, D-Bus, X11, fontconfig, FreeType, GLib,
# zstd, the C++ runtime, OpenSSL and libpq (PostgreSQL desks; psycopg's pure-Python implementation loads it).
DEPENDS = ("libc6 (>= {glibc}), libxcb1, libgl1, libegl1, fontconfig-config, "
           "libcups2 | libcups2t64, libdbus-1-3, libx11-6, libfontconfig1, libfreetype6, "
           "libglib2.0-0 | libglib2.0-0t64, libzstd1, libstdc++6, libgcc-s1, libssl3 | libssl3t64, "
           "libpq5")

CONTROL = """\
Package: {package}
Version: {version}
Architecture: {arch}
Maintainer: Factory Classroom <factory-classroom@localhost>
Installed-Size: {installed_kb}
Depends: {depends}
Section: education
Priority: optional
Homepage: https://localhost/factory-classroom
Description: Factory Classroom (课堂设在工厂): in-factory training for trade unions
 Trade-union offices plan training in the workshops of enterprises: trainee
 lists from Excel, automatic scheduling, attendance, certificates that can be
 verified, sign-in sheets and reports. Includes the `trainer` command line.
"""

# Refresh the menus after install and removal where the desktop has the tools; never fail.
MAINTAINER_SCRIPT = """\
#!/bin/sh
set -e
if command -v update-desktop-database >/dev/null 2>&1; then
  update-desktop-database -q /usr/share/applications || true
fi
if command -v gtk-update-icon-cache >/dev/null 2>&1; then
  gtk-update-icon-cache -q -t /usr/share/icons/hicolor || true
fi
exit 0
"""


def architecture() -> str:
    return subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True,
                          check=True).stdout.strip()


def required_glibc(folder: Path) -> str:
    """The newest GLIBC_x.y symbol version any file of the folder asks for (objdump -T): the
    oldest C library the package runs on. dpkg then refuses older systems with a clear message."""
    newest = (2, 17)
    for path in folder.rglob("*"):
        if not path.is_file() or path.is_symlink():
            continue
        with open(path, "rb") as fh:
            if fh.read(4) != b"\x7fELF":
                continue
        out = subprocess.run(["objdump", "-T", str(path)], capture_output=True, text=True).stdout
        for major, minor in re.findall(r"GLIBC_(\d+)\.(\d+)", out):
            newest = max(newest, (int(major), int(minor)))
    return f"{newest[0]}.{newest[1]}"


def stage(folder: Path, root: Path, version: str) -> None:
    """Lays out the package's files under `root` (the future /)."""
    shutil.copytree(folder, root / INSTALL_DIR, symlinks=True)
    bin_dir = root / "usr" / "bin"
    bin_dir.mkdir(parents=True)
    for program in ("factory-classroom", "trainer"):
        (bin_dir / program).symlink_to(Path("/") / INSTALL_DIR / program)
    apps = root / "usr" / "share" / "applications"
    apps.mkdir(parents=True)
    shutil.copy2(HERE / "linux" / f"{PACKAGE}.desktop", apps / f"{PACKAGE}.desktop")
    icons = root / "usr" / "share" / "icons" / "hicolor" / "scalable" / "apps"
    icons.mkdir(parents=True)
    shutil.copy2(ROOT / "resources" / "icons" / "app.svg", icons / f"{PACKAGE}.svg")
    installed_kb = sum(f.stat().st_size for f in root.rglob("*")
                       if f.is_file() and not f.is_symlink()) // 1024
    debian = root / "DEBIAN"
    debian.mkdir()
    (debian / "control").write_text(CONTROL.format(
        package=PACKAGE, version=version, arch=architecture(), installed_kb=installed_kb,
        depends=DEPENDS.format(glibc=required_glibc(folder))), encoding="utf-8")
    for script in ("postinst", "postrm"):
        path = debian / script
        path.write_text(MAINTAINER_SCRIPT, encoding="utf-8")
        path.chmod(0o755)


def build_deb(folder: Path, dist: Path, version: str, level: int = 6) -> Path:
    """dist/factory-classroom_<version>_<arch>.deb from the frozen folder, xz at `level` (6, the
    release's; 0 for a test build: the same format and content, a tenth of the compressing time,
    about a fifth bigger)."""
    out = dist / f"{PACKAGE}_{version}_{architecture()}.deb"
    with tempfile.TemporaryDirectory(prefix="fc-deb-") as tmp:
        root = Path(tmp) / "root"
        stage(folder, root, version)
        subprocess.run(["dpkg-deb", "--root-owner-group", "-Zxz", f"-z{level}", "--build", str(root), str(out)],
                       check=True, stdout=subprocess.DEVNULL)
    return out
