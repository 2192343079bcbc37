"""Chinese as a union office writes it (issue 17): in the zh_CN catalogue and in every Chinese
text of the core (messages, errors, conflict texts, CLI output, PDFs), no half-width punctuation
beside Chinese characters and no English words or library names — except a short list of words
Chinese office text really uses (PDF, Excel…). The role names are the design's."""
from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "resources" / "translations" / "factory_classroom_zh_CN.ts"

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef"
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# A half-width , ; : ? ! ( ) with a Chinese character right beside it.
NEAR = HAN + "\u3000-\u303f\uff01-\uff5e“”‘’…"  # Chinese characters and full-width punctuation
HALF_WIDTH = re.compile(rf"[{NEAR}][,;:?!()]|[,;:?!()][{NEAR}]")
WORD = re.compile(r"[A-Za-z][A-Za-z]+")
ALLOWED_WORDS = {
    "PDF", "Excel", "CSV", "xlsx", "xls", "csv", "pdf", "ics", "txt", "ttf", "ttc", "otf",
    "ID", "QR", "Ctrl", "Shift", "Alt", "Enter", "Esc", "Tab", "Del", "Delete", "Home", "End",
    "PageUp", "PageDown", "Windows", "SQLite", "PostgreSQL", "URL", "WAL", "TrueType", "OK",
    "AM", "PM", "UTC", "HMAC", "SHA", "VIP", "PNG", "JPG", "JPEG", "SVG", "Debian", "Ubuntu",
    "UOS", "Linux", "YYYY", "MM", "DD", "HH", "RRGGBB", "XX", "PATH", "bin", "TrueType",
    "OpenType", "PostScript", "CFF", "ZH", "HanaMin", "WPS", "LibreOffice", "ods", "xlsm", "docx",
    "CREATEROLE",
}
# What a text carries that is not words: placeholders, markup, accelerators, format fields.
NOT_WORDS = re.compile(
    r"\([^()]*\*[^()]*\)|;;|\b[A-Za-z]+(?:-[A-Za-z]+)+\b|“[A-Za-z ]+”|\b[A-Z]+_[A-Z_]+\b"
    r"|\b(?:trainer|createdb) [^，。；）]*|\b[0-9A-Z]{15,18}\b|%L?\d+|%[sdrf]|%\([a-z_]+\)[sdr]|\{[^{}]*\}|<[^<>]+>|&[a-z]+;|\(&\w\)|&\w"
    r"|[A-Za-z0-9._-]+\.(?:pdf|xlsx|xls|csv|ics|db|log)\b|https?://\S+"
    r"|\b[A-Z]\d+(?:-\d+)?\b|--[a-z-]+|\b[a-z_]+\.[a-z_.]+\b")

REGEX_LIKE = re.compile(r"\\[dsSwWbB]|\(\?|\[[^\]]*\]|\|")  # patterns, not texts
# Header synonyms: matched against what enterprises type, half-width or not (after rules.text).
MATCHING_DATA = {"trainer/io/columns.py"}

ROLE_WORDS = {"培训专员": "培训干事", "录入员": "办事员", "查看者": "只读用户"}


def chinese(text: str) -> bool:
    """A Chinese text: its first letter, placeholders aside, is a Chinese character (an English
    sentence quoting a Chinese example, 'no year found (国务院…)', is English)."""
    first = re.search(f"[A-Za-z{HAN}]", NOT_WORDS.sub(" ", text))
    return first is not None and not first.group().isascii()


def problems(text: str) -> list[str]:
    found = []
    bare = NOT_WORDS.sub(" ", text)
    for match in HALF_WIDTH.finditer(bare):
        found.append(f"half-width “{match.group()}”")
    for word in WORD.findall(bare):
        if word not in ALLOWED_WORDS:
            found.append(f"English “{word}”")
    for wrong, right in ROLE_WORDS.items():
        if wrong in text:
            found.append(f"role “{wrong}” (the design says {right})")
    return found


def catalogue_texts():
    for message in ET.parse(CATALOGUE).iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("obsolete", "vanished"):
            continue
        forms = [f.text or "" for f in translation] or [translation.text or ""]
        for text in forms:
            if chinese(text):
                yield message.findtext("source") or "", text


def core_texts():
    """Every string constant with a Chinese character in trainer/ (f-strings piece by piece)."""
    for path in sorted((ROOT / "trainer").rglob("*.py")):
        if path.relative_to(ROOT).as_posix() in MATCHING_DATA:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                      if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef))
                      and node.body and isinstance(node.body[0], ast.Expr)}
        for node in ast.walk(tree):
            if isinstance(node, ast.JoinedStr):
                text = "".join(v.value if isinstance(v, ast.Constant) else "{}"
                               for v in node.values)
            elif isinstance(node, ast.Constant) and isinstance(node.value, str) \
                    and id(node) not in docstrings:
                text = node.value
            else:
                continue
            if chinese(text) and not REGEX_LIKE.search(text):
                yield f"{path.relative_to(ROOT)}:{node.lineno}", text


def test_the_checker_finds_what_it_should():
    assert problems("应为 7,实际为 0") and problems("排课算法(greedy)")
    assert problems("请联系培训专员") and problems("删除“%1”?")
    assert not problems("应为 7，实际为 0。文件：%1（PDF、Excel）")
    assert not problems("学员名单.xlsx：第 3 行（身份证号 ID）")


def test_the_chinese_catalogue_is_clean():
    bad = [f"{source!r} → {text!r}: {', '.join(found)}"
           for source, text in catalogue_texts() if (found := problems(text))]
    assert not bad, f"{len(bad)} translations to correct:\n" + "\n".join(bad)


def test_the_cores_chinese_texts_are_clean():
    bad = [f"{where}: {text!r}: {', '.join(found)}"
           for where, text in core_texts() if (found := problems(text))]
    assert not bad, f"{len(bad)} texts to correct:\n" + "\n".join(bad)
