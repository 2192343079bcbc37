"""What goes into the frozen folder besides the code, and what is left out (used by the spec).

Left out (packaging/build.py prints the folder's size):
- pandas: replaced by packaging/stubs/pandas (28 MB); OR-Tools' cp_model imports it, the
  planner never calls what uses it.
- The database drivers' dialects of MySQL, Oracle and SQL Server; syntax colouring (pygments).
- Shared libraries nothing left in the folder loads (those of the dropped plugins):
  elf_tools.drop_unreachable_libraries() after the build, from the ELF files' DT_NEEDED.
- Python modules no code path of the app imports: test frameworks, Tk, the unused solvers of
  OR-Tools (only ortools.sat and ortools.graph are used), numpy's random/fft/polynomial,
  Pillow's AVIF, WebP and colour-management parts, OpenSSL (no network: hashlib uses its
  built-in hashes; PostgreSQL's libpq has its own), Korean codecs.
  Kept: cryptography, which signs and verifies certificates (Ed25519). The Japanese codecs
  (0.3 MB) go: only ReportLab's QR encoder used them (it tried Shift-JIS on the Chinese
  sentence a certificate's QR holds); zxing-cpp's encoder (2 MB) replaced it (issue 21).
- Qt plugins the app does not need: QML/Quick, WebEngine, Wayland (the xcb plugin runs on
  XWayland too), virtual keyboard, network and TLS, PDF image format, SQL drivers, evdev input.
  The Qt libraries only those plugins load go with them.
- Qt's own translations but Chinese and English.
- lxml's parts python-docx and openpyxl never import (objectify, html, sax, builder); python-docx's
  unpacked default template (we only read .docx files; Document() with no file uses default.docx).
- On Linux, libraries every desktop has and the .deb depends on (see SYSTEM_LIBS): printing,
  D-Bus, X11, fontconfig/FreeType (the desktop's own copies read its own font configuration),
  GLib, zstd, the C++ runtime, OpenSSL and libpq (PostgreSQL: psycopg's pure-Python implementation loads the
  system's libpq5, so psycopg_binary and its OpenSSL/Kerberos/LDAP copies, 12 MB, stay out).
- On Linux, Qt's ICU data (32 MB) cut to the Chinese and English items: packaging/icu_data.py.
Kept although big: numpy with OpenBLAS and OR-Tools' SCIP/HiGHS/COIN libraries (libortools.so
links them all), cryptography (certificate signatures), the bundled fonts.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

LINUX = sys.platform.startswith("linux")

EXCLUDED_MODULES = [
    "tkinter", "_tkinter", "turtle", "idlelib", "lib2to3", "pydoc_data", "curses",
    "pytest", "_pytest", "hypothesis", "pytestqt", "pip", "setuptools", "distutils",
    "IPython", "matplotlib", "jinja2", "scipy", "pygments", "mako.ext.pygmentplugin",
    "sqlalchemy.dialects.mysql", "sqlalchemy.dialects.oracle", "sqlalchemy.dialects.mssql",
    "sqlalchemy.testing", "alembic.testing", "PIL.ImageQt", "PIL.ImageTk", "PIL._avif",
    "PIL.AvifImagePlugin",
    "numpy.tests", "numpy.f2py", "numpy.distutils",
    "numpy.random", "numpy.fft", "numpy.polynomial",  # numpy loads these only when asked
    # No network: hashlib falls back to its built-in hashes without OpenSSL (5 MB); on Linux
    # psycopg's pure-Python implementation imports ssl, on the system's OpenSSL (SYSTEM_LIBS)
    "_hashlib", "readline", "PIL._webp", "PIL.WebPImagePlugin",
    "PIL._imagingcms", "PIL.ImageCms",
    "_codecs_kr", "_codecs_iso2022", "_codecs_hk", "_codecs_tw", "_codecs_jp",
    "ortools.linear_solver", "ortools.math_opt", "ortools.constraint_solver",
    "ortools.routing", "ortools.pdlp", "ortools.set_cover", "ortools.bop", "ortools.glop",
    "ortools.packing", "ortools.scheduling", "ortools.algorithms", "ortools.service",
    "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtQuickWidgets", "PySide6.QtNetwork",
    "PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets", "PySide6.QtPdf",
    "PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets", "PySide6.QtDBus",
    "lxml.objectify", "lxml.html", "lxml.sax", "lxml.builder", "lxml.isoschematron",
] + (["psycopg_binary"] if LINUX else ["ssl", "_ssl"])

# Qt plugins kept, by folder: the file name without lib prefix and extension.
QT_PLUGINS = {
    "platforms": {"qxcb", "qoffscreen", "qminimal", "qwindows"},
    "platformthemes": {"qxdgdesktopportal"},  # not gtk3: it would bring the build PC's GTK
    "platforminputcontexts": {"composeplatforminputcontextplugin",
                              "ibusplatforminputcontextplugin"},   # Chinese input methods
    "imageformats": {"qsvg", "qjpeg", "qico", "qgif"},            # icons, seal images
    "iconengines": {"qsvgicon"},
    "printsupport": {"cupsprintersupport"},
    "xcbglintegrations": {"qxcb-glx-integration", "qxcb-egl-integration"},
    "styles": {"qmodernwindowsstyle"},
}
QT_TRANSLATIONS = {"qtbase_zh_CN.qm", "qtbase_en.qm"}
# Qt libraries that only the dropped plugins and modules load.
# (Qt6DBus stays: the ibus input method and the desktop portal use it.)
QT_LIBS_DROPPED = re.compile(
    r"Qt6(Qml|Quick|VirtualKeyboard|Pdf|Wayland|WlShell|EglFS|Network|OpenGL|SvgWidgets"
    r"|WebEngine)", re.I)

# Linux libraries taken from the system instead (packaging/deb.py DEPENDS names their packages):
# every desktop has them, and its own copy speaks to its own printing and session services and
# reads its own font configuration. Dropping them drops their dependencies too (GnuTLS,
# Kerberos, systemd, PCRE…).
SYSTEM_LIBS = {"libcups.so.2", "libdbus-1.so.3", "libX11.so.6", "libfontconfig.so.1",
               "libfreetype.so.6", "libglib-2.0.so.0", "libzstd.so.1", "libssl.so.3",
               "libcrypto.so.3", "libstdc++.so.6", "libgcc_s.so.1"} if LINUX else set()
# Data files no code path reads.
_UNUSED_DATA = re.compile(r"docx[/\\]templates[/\\]default-docx-template")

# Source-only files under resources/ (translation sources, the script that compiles them).
_SOURCE_ONLY = {".ts", ".py", ".pyc", ".pro"}


def data_files(root: Path) -> list[tuple[str, str]]:
    """(source file, destination folder) of everything the program reads at run time: resources/
    (icons, compiled translations, fonts and their licences, artwork), the Alembic migrations
    (read as files), any non-Python file in the packages, and the build stamp."""
    found: list[tuple[str, str]] = []
    for file in sorted((root / "resources").rglob("*")):
        if file.is_file() and file.suffix not in _SOURCE_ONLY and "__pycache__" not in file.parts:
            found.append((str(file), str(file.parent.relative_to(root))))
    for package in ("trainer", "ui"):
        for file in sorted((root / package).rglob("*")):
            if not file.is_file() or "__pycache__" in file.parts or file.suffix == ".pyc":
                continue
            if file.suffix == ".py" and "migrations" not in file.parts:
                continue
            found.append((str(file), str(file.parent.relative_to(root))))
    stamp = root / "build" / "build_info.json"
    if stamp.is_file():
        found.append((str(stamp), "trainer"))
    return found


def _keep_qt_file(dest: str) -> bool:
    parts = Path(dest).parts
    if dest in SYSTEM_LIBS or _UNUSED_DATA.search(dest):
        return False
    if "PySide6" not in parts:
        return True
    if "plugins" in parts:
        folder = parts[parts.index("plugins") + 1]
        stem = Path(dest).name.split(".")[0]
        stem = stem[3:] if stem.startswith("lib") else stem
        return stem in QT_PLUGINS.get(folder, ())
    if "translations" in parts:
        return Path(dest).name in QT_TRANSLATIONS
    if "qml" in parts or "qtwebengine" in dest.lower():
        return False
    return not QT_LIBS_DROPPED.search(Path(dest).name)


def prune(analysis) -> None:
    """Drops, in place, the Qt plugins, libraries and translations the app does not use."""
    analysis.binaries = [entry for entry in analysis.binaries if _keep_qt_file(entry[0])]
    analysis.datas = [entry for entry in analysis.datas if _keep_qt_file(entry[0])]
