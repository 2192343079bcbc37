"""Descriptive values an enterprise writes in its own words (人员类别 as 一线职工, 性别 as 男性):
known synonyms map to our values; the rest are "values we do not know", kept as written and
listed for the clerk, who may map each distinct value once per file (the wizard's step, the
CLI's --map-values). None of them rejects a row."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from trainer.io.reading import ImportFileError
from trainer.texts import GENDERS, TRAINEE_CATEGORIES
from trainer.rules.text import clean_text

# field → our code → the words enterprises use for it (besides our own labels)
SYNONYMS: dict[str, dict[str, tuple[str, ...]]] = {
    "category": {
        "regular": ("一线职工", "一线员工", "在职职工", "在职员工", "在岗员工", "正式职工",
                    "正式员工", "合同制职工", "合同工", "职工", "员工", "在职", "在岗"),
        "migrant": ("外来务工人员", "进城务工人员", "务工人员", "农村务工人员", "外出务工人员"),
        "in_difficulty": ("困难", "建档困难职工", "困难户职工", "特困职工"),
        "gig": ("新就业形态", "新业态劳动者", "新业态从业人员", "灵活就业人员", "平台劳动者"),
        "laid_off": ("下岗职工", "失业人员", "下岗人员", "待业人员", "失业"),
        "school_leaver": ("初中毕业生", "应届生", "应届毕业生"),
    },
    "gender": {
        "M": ("男性", "男士", "男生", "男的", "man", "m", "male", "先生"),
        "F": ("女性", "女士", "女生", "女的", "woman", "f", "female"),
    },
}
CHOICES: dict[str, dict[str, tuple[str, str]]] = {"category": TRAINEE_CATEGORIES,
                                                  "gender": GENDERS}
MAPPED_FIELDS = {"trainees": ("category", "gender"), "applicants": ("category", "gender")}


@dataclass(frozen=True)
class UnknownValue:
    """A descriptive value the file uses that is none of ours: where, and what it became."""

    field: str
    value: str  # as written (cleaned of stray spaces)
    rows: tuple[int, ...]  # spreadsheet row numbers


def _key(text: str) -> str:
    return clean_text(text).replace(" ", "").lower()


class ValueMap:
    """our code for a written value: the file's own mapping first, then our labels, codes and
    synonyms; None when unknown. `value_map` is {field: {written: code, label or '' to keep}}."""

    def __init__(self, kind: str, value_map: Mapping[str, Mapping[str, str]] | None = None):
        self.fields = MAPPED_FIELDS.get(kind, ())
        self.known: dict[str, dict[str, str]] = {}
        for name in self.fields:
            table = {}
            for code, labels in CHOICES[name].items():
                for word in (code, *labels, *SYNONYMS[name].get(code, ())):
                    table[_key(word)] = code
            self.known[name] = table
        self.chosen: dict[str, dict[str, str]] = {}
        for name, choices in (value_map or {}).items():
            if name not in self.fields:
                raise ImportFileError("bad_value_map", detail=name)
            for written, target in choices.items():
                self.chosen.setdefault(name, {})[_key(written)] = self._target(name, target)
        self.unknown: dict[tuple[str, str], list[int]] = {}
        self._seen: dict[tuple[str, str], tuple[str | None, str, str | None]] = {}

    def _target(self, name: str, target: str) -> str:
        if not clean_text(target):
            return ""  # keep as written
        code = self.known[name].get(_key(target))
        if code is None:
            raise ImportFileError("bad_value_map", detail=f"{target}")
        return code

    def __call__(self, name: str, text: str, row: int) -> tuple[str, bool]:
        """(value for the form, known). A value none of ours is remembered with its row, also
        when the file's mapping gives it one of ours (the clerk sees what was mapped)."""
        seen = self._seen.get((name, text))
        if seen is None:  # once per distinct text: a file writes a few values many times
            key = _key(text)
            code = self.known[name].get(key) if key else ""
            seen = self._seen[(name, text)] = (code, clean_text(text),
                                               self.chosen.get(name, {}).get(key))
        code, cleaned, chosen = seen
        if code is not None:
            return code, True
        self.unknown.setdefault((name, cleaned), []).append(row)
        if chosen:
            return chosen, True
        return text, False

    def unknown_values(self) -> tuple[UnknownValue, ...]:
        return tuple(UnknownValue(name, value, tuple(rows)) for (name, value), rows in sorted(
            self.unknown.items(), key=lambda item: (item[0][0], -len(item[1]), item[0][1])))


def all_targets(name: str) -> dict[str, tuple[str, str]]:
    """code → (zh, en) of the values a written one may be mapped to."""
    return CHOICES[name]


def parse_map_option(items: list[str] | None, lang_fields=("category", "gender")
                     ) -> dict[str, dict[str, str]]:
    """The CLI's --map-values: 'written=ours' pairs (ours: a code or label of category or
    gender, '' to keep as written), or the path of a text/CSV file holding one pair a line."""
    import csv
    import io
    from pathlib import Path

    pairs: list[tuple[str, str]] = []
    for item in items or []:
        path = Path(item)
        if "=" not in item and path.is_file():
            from trainer.io.reading import decode_text

            text, _encoding = decode_text(path.read_bytes())
            for row in csv.reader(io.StringIO(text)):
                if len(row) == 1 and "=" in row[0]:
                    row = row[0].split("=", 1)
                if len(row) >= 2 and clean_text(row[0]) and not row[0].startswith("#"):
                    pairs.append((row[0], row[1]))
        elif "=" in item:
            written, target = item.split("=", 1)
            pairs.append((written, target))
        else:
            raise ImportFileError("bad_value_map", detail=item)
    mapping: dict[str, dict[str, str]] = {}
    probe = ValueMap("trainees")
    for written, target in pairs:
        fields = [f for f in lang_fields if not clean_text(target)
                  or _key(target) in probe.known[f]]
        if not fields:
            raise ImportFileError("bad_value_map", detail=target)
        for name in fields:
            mapping.setdefault(name, {})[written] = target
    return mapping
