"""What a clerk should know about a file before importing it, in sentences the CLI prints and
the wizard shows: which sheet (and which are hidden), hidden rows left out or imported, merged
cells filled down, IDs the spreadsheet stored as numbers (how many, how to fix the file), and
the values we do not know (kept as written, or as mapped)."""
from __future__ import annotations

from trainer.io.values import all_targets
from trainer.texts import FIELDS, label, language

SHOWN_ROWS = 6  # row numbers listed before "…"


def row_list(rows, lang: str) -> str:
    shown = [str(r) for r in rows[:SHOWN_ROWS]]
    more = len(rows) > SHOWN_ROWS
    if lang == "zh":
        return "第 " + "、".join(shown) + (" 等" if more else "") + " 行"
    return "row" + ("s " if len(rows) > 1 else " ") + ", ".join(shown) + (", …" if more else "")


def row_count(rows, lang: str) -> str:
    """'3 行(第 2、4、6 行)' / '3 (rows 2, 4, 6)'."""
    if lang == "zh":
        return f"{len(rows)} 行（{row_list(rows, lang)}）"
    return f"{len(rows)} ({row_list(rows, lang)})"


def numeric_id_hint(count: int, lang: str | None = None) -> str:
    if lang == "en" or (lang is None and language() == "en"):
        return (f"{count} row(s): the ID number was stored by the spreadsheet as a number and its "
                "last digits are lost; these rows are not imported. Select the column in the "
                "spreadsheet, set its cell format to Text, type these numbers again and import "
                "the file again (the import template has the column as text already).")
    return (f"有 {count} 行的身份证号被表格存成了数字，后几位已丢失，这些行未导入。请在表格中选中"
            "该列，把单元格格式设为“文本”，重新填写这些号码后再导入（导入模板已把该列设为文本）。")


def preview_notes(preview, lang: str | None = None) -> list[str]:
    lang = lang or language()
    zh = lang == "zh"
    notes = []
    if len(preview.sheets) > 1:
        names = [s.name + (("（隐藏）" if zh else " (hidden)") if s.hidden else "")
                 for s in preview.sheets]
        notes.append(f"工作表：“{preview.sheet}”（本文件的工作表：{'、'.join(names)}）" if zh else
                     f"Sheet “{preview.sheet}” (the file's sheets: {', '.join(names)})")
    if preview.hidden_rows:
        rows = row_list(preview.hidden_rows, lang)
        if zh:
            notes.append(f"隐藏的行：{rows}，共 {len(preview.hidden_rows)} 行，" +
                         ("已导入。" if preview.hidden_imported else "未导入（可选择导入）。"))
        else:
            notes.append(f"Hidden {rows} ({len(preview.hidden_rows)}): " +
                         ("imported." if preview.hidden_imported else
                          "left out (you may choose to import them)."))
    if preview.merges:
        notes.append(f"合并单元格：{preview.merges} 处，合并的值已填入其下每一行。" if zh else
                     f"Merged cells: {preview.merges} range(s); each row under a merge has its "
                     "value.")
    if preview.numeric_identifiers:
        notes.append(numeric_id_hint(preview.numeric_identifiers, lang))
    for unknown in preview.unknown_values:
        chosen = preview.value_map.get(unknown.field, {}).get(unknown.value)
        if chosen:
            pair = all_targets(unknown.field).get(chosen) or next(
                (p for p in all_targets(unknown.field).values() if chosen in p), None)
            chosen = (pair[0] if zh else pair[1]) if pair else chosen
        name = label(FIELDS, unknown.field, lang)
        if zh:
            what = ("按身份证号确定" if unknown.field == "gender" and not chosen else
                    f"对应为“{chosen}”" if chosen else "按原样保留")
            notes.append(f"未识别的{name}“{unknown.value}”：{row_count(unknown.rows, lang)}，"
                         f"{what}。")
        else:
            what = ("taken from the ID number" if unknown.field == "gender" and not chosen else
                    f"mapped to “{chosen}”" if chosen else "kept as written")
            notes.append(f"Unknown {name} “{unknown.value}”: {row_count(unknown.rows, lang)}, "
                         f"{what}.")
    return notes
