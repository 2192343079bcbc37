"""Refreshes the translation catalogues from the source and compiles them.

    python resources/translations/update.py

Runs pyside6-lupdate over main.py and ui/ (keeping the translations already made), marks the
English catalogue as its own source text, then pyside6-lrelease writes the .qm files the app
loads. Source strings are English; Chinese translations are edited in factory_classroom_zh_CN.ts
(with Qt Linguist, pyside6-linguist, or any text editor)."""
from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
LANGUAGES = ("zh_CN", "en")


def tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).with_name(name))
    return found


def sources() -> list[str]:
    return [str(p.relative_to(ROOT)) for p in [ROOT / "main.py", *sorted((ROOT / "ui").rglob("*.py"))]]


def english_is_source(ts: Path) -> None:
    """The English catalogue translates each text to itself (plural forms: singular, plural)."""
    tree = ET.parse(ts)
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        translation.attrib.pop("type", None)
        if message.get("numerus") == "yes":
            for form in list(translation):
                translation.remove(form)
            for text in (source.replace("(s)", ""), source.replace("(s)", "s")):
                ET.SubElement(translation, "numerusform").text = text
        else:
            translation.text = source
    tree.write(ts, encoding="utf-8", xml_declaration=True)


def main() -> int:
    files = sources()
    for lang in LANGUAGES:
        ts = HERE / f"factory_classroom_{lang}.ts"
        subprocess.run([tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none", *files,
                        "-target-language", lang, "-ts", str(ts.relative_to(ROOT))],
                       cwd=ROOT, check=True)
        if lang == "en":
            english_is_source(ts)
        subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))],
                       check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
