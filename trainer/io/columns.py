"""Which columns each kind of import takes, the header names enterprises use for them, and how
the header row is found below title rows ("XX公司职工培训报名表", "填报单位:…")."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from trainer.io.reading import Cell, Table, cell_text
from trainer.rules.text import clean_text
from trainer.texts import heading

HEADER_SEARCH_ROWS = 30  # a header lower than this is not a header


@dataclass(frozen=True)
class FieldSpec:
    """A target field of an import: its name in the service's form, the header written in
    templates (zh, en), the other headers that mean it, and an example value for templates."""

    name: str
    zh: str
    en: str
    synonyms: tuple[str, ...] = ()
    required: bool = False
    example: object = ""
    date: bool = False  # numbers in this column are Excel serial dates

    def label(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


_NOTES = FieldSpec("notes", "备注", "Notes", ("说明", "remarks", "note"), example="")
_MOBILE_WORDS = ("手机", "手机号", "手机号码", "移动电话", "联系电话", "电话", "电话号码",
                 "联系方式", "mobile", "phone", "mobile number", "tel")

KIND_FIELDS: dict[str, tuple[FieldSpec, ...]] = {
    "trainees": (
        FieldSpec("name", "姓名", "Name", ("名字", "学员姓名", "职工姓名", "员工姓名", "name"),
                  required=True, example="张三丽"),
        FieldSpec("gender", "性别", "Gender", ("gender", "sex"), example="女"),
        FieldSpec("id_number", "身份证号", "ID number",
                  ("身份证号码", "身份证", "证件号码", "证件号", "公民身份号码", "身份证件号码",
                   "居民身份证号码", "id number", "id no"), example="11010519491231002X"),
        FieldSpec("mobile", "手机", "Mobile", _MOBILE_WORDS, example="13800138000"),
        FieldSpec("enterprise", "企业", "Enterprise",
                  ("单位", "工作单位", "所在企业", "所在单位", "企业名称", "单位名称", "公司",
                   "enterprise", "company", "employer"), example="新余恒达钢铁"),
        FieldSpec("post", *heading("post"), ("工种", "职务", "岗位工种", "岗位(工种)", "post", "job"),
                  example="焊工"),
        FieldSpec("category", "人员类别", "Category",
                  ("类别", "职工类别", "人员类型", "身份类别", "category"), example="农民工"),
        FieldSpec("holds_certificate", "已持证", "Holds certificate",
                  ("是否持证", "持证情况", "已取得证书", "已有证书", "是否已取得证书", "持有证书",
                   "holds certificate", "certified"), example="否"),
        _NOTES,
    ),
    "enterprises": (
        FieldSpec("name", "企业名称", "Name", ("企业", "单位名称", "单位", "名称", "企业全称",
                                              "name", "enterprise"), required=True,
                  example="新余恒达钢铁有限公司"),
        FieldSpec("credit_code", "统一社会信用代码", "Credit code",
                  ("信用代码", "社会信用代码", "组织机构代码", "credit code"),
                  example="91360500MA35XXXX0H"),
        FieldSpec("district", "区县", "District", ("所在区县", "县区", "区", "district"),
                  example="渝水区"),
        FieldSpec("park", "园区", "Park", ("所在园区", "工业园区", "park"), example="高新区"),
        FieldSpec("industry", "行业", "Industry", ("所属行业", "industry"), example="钢铁"),
        FieldSpec("address", "地址", "Address", ("企业地址", "单位地址", "详细地址", "address"),
                  example="新余市渝水区钢城大道 1 号"),
        FieldSpec("contact_name", "联系人", "Contact", ("联系人姓名", "contact"), example="李四"),
        FieldSpec("contact_phone", "联系电话", "Phone",
                  ("联系人电话", "电话", "手机", "联系方式", "phone"), example="0790-6221234"),
        FieldSpec("headcount", "职工人数", "Headcount",
                  ("职工数", "人数", "员工人数", "在职人数", "headcount"), example=1200),
        _NOTES,
    ),
    "lecturers": (
        FieldSpec("name", "姓名", "Name", ("讲师姓名", "名字", "name"), required=True,
                  example="王老师"),
        FieldSpec("category", "类别", "Category", ("讲师类别", "category"), required=True,
                  example="国家高级专业讲师"),
        FieldSpec("gender", "性别", "Gender", ("gender",), example="女"),
        FieldSpec("employer", "工作单位", "Employer", ("单位", "所在单位", "employer"),
                  example="新余学院"),
        FieldSpec("title", "职称", "Title", ("职务", "职称职务", "title"), example="副教授"),
        FieldSpec("mobile", "手机", "Mobile", _MOBILE_WORDS, example="13900139000"),
        FieldSpec("hourly_fee", "课时费", "Fee/h", ("课时费(元)", "课酬", "讲课费", "fee"),
                  example=300),
        FieldSpec("themes", "授课主题", "Themes", ("主题", "授课方向", "课程主题", "themes"),
                  example="安全生产"),
        FieldSpec("max_hours_per_day", "每日最多学时", "Max hours/day", (), example=4),
        FieldSpec("max_hours_per_week", "每周最多学时", "Max hours/week", (), example=12),
        _NOTES,
    ),
    "requests": (
        FieldSpec("enterprise", "企业", "Enterprise", ("企业名称", "单位", "单位名称",
                                                      "enterprise"), required=True,
                  example="新余恒达钢铁"),
        FieldSpec("course", "课程", "Course", ("课程名称", "培训课程", "培训项目", "course"),
                  required=True, example="安全生产基础"),
        FieldSpec("workers", "人数", "Workers", ("培训人数", "参训人数", "计划人数", "workers"),
                  required=True, example=60),
        FieldSpec("window_start", "开始日期", "From", ("开始时间", "起始日期", "从", "from"),
                  required=True, example="2027-03-01", date=True),
        FieldSpec("window_end", "结束日期", "To", ("结束时间", "截止日期", "至", "to"),
                  required=True, example="2027-03-31", date=True),
        FieldSpec("weekdays", "星期", "Weekdays", ("可培训星期", "培训星期", "weekdays"),
                  example="135"),
        FieldSpec("periods", "时段", "Times", ("可培训时段", "培训时段", "times"),
                  example="上午、下午"),
        FieldSpec("blackout_dates", "不可培训日期", "Blackout dates", ("blackout dates",),
                  example=""),
        FieldSpec("priority", "优先级", "Priority", ("priority",), example=0),
        FieldSpec("status", "状态", "Status", ("status",), example="待安排"),
        _NOTES,
    ),
}

# 报名表 of an open-recruitment programme (services/applications.py): a trainee's columns plus
# the level applied for and whether the applicant already holds the certificate.
KIND_FIELDS["applicants"] = tuple(
    FieldSpec(s.name, s.zh, s.en, s.synonyms, True, s.example) if s.name == "id_number" else s
    for s in KIND_FIELDS["trainees"] if s.name not in ("enterprise", "post")) + (
    FieldSpec("level", "报名等级", "Level", ("等级", "申报等级", "报考等级", "培训等级", "申请等级",
                                           "报名级别", "级别", "level", "applied level"),
              example="初级"),
)

_PARENTHESES = re.compile(r"[((\[【<《].*?[))\]】>》]")
_NOISE = re.compile(r"[\s*※:_\-./、]")


def normalise_header(value: Cell) -> str:
    """'姓 名', '*身份证号码(必填)', '联系电话:' → '姓名', '身份证号码', '联系电话'."""
    text = clean_text(cell_text(value)).lower()
    stripped = _NOISE.sub("", _PARENTHESES.sub("", text))
    return stripped or _NOISE.sub("", text)


def _index(kind: str) -> dict[str, tuple[str, int]]:
    """normalised header → (field, preference: lower is a more exact word for the field)."""
    table: dict[str, tuple[str, int]] = {}
    for spec in fields_of(kind):
        words = (spec.zh, spec.en, spec.name) + spec.synonyms
        for rank, word in enumerate(words):
            key = normalise_header(word)
            if key and key not in table:
                table[key] = (spec.name, rank)
    return table


_INDEXES: dict[str, dict[str, tuple[str, int]]] = {}


def fields_of(kind: str) -> tuple[FieldSpec, ...]:
    if kind not in KIND_FIELDS:
        raise KeyError(kind)
    return KIND_FIELDS[kind]


def field_spec(kind: str, name: str) -> FieldSpec:
    for spec in fields_of(kind):
        if spec.name == name:
            return spec
    raise KeyError(name)


def match_header(kind: str, value: Cell) -> str | None:
    """The field a header cell names, or None."""
    index = _INDEXES.get(kind) or _INDEXES.setdefault(kind, _index(kind))
    found = index.get(normalise_header(value))
    return found[0] if found else None


def suggest_mapping(kind: str, header: Sequence[Cell]) -> dict[int, str]:
    """column index → field for the cells of a header row. When two columns name one field
    (手机 and 联系电话), the more exact word wins; the other stays unmapped."""
    index = _INDEXES.get(kind) or _INDEXES.setdefault(kind, _index(kind))
    best: dict[str, tuple[int, int]] = {}  # field → (rank, column)
    for col, value in enumerate(header):
        found = index.get(normalise_header(value))
        if found and (found[0] not in best or found[1] < best[found[0]][0]):
            best[found[0]] = (found[1], col)
    return {col: name for name, (_rank, col) in sorted(best.items(), key=lambda i: i[1][1])}


def find_header_row(kind: str, table: Table) -> int | None:
    """0-based index of the header row among the first rows: the row naming most fields (at
    least two, or the one required field of a one-column list); the first such row wins."""
    best, best_count = None, 0
    required = {s.name for s in fields_of(kind) if s.required}
    for index, row in enumerate(table.rows[:HEADER_SEARCH_ROWS]):
        mapped = set(suggest_mapping(kind, row).values())
        enough = len(mapped) >= 2 or (mapped and mapped <= required and len(required) == 1)
        if enough and len(mapped) > best_count:
            best, best_count = index, len(mapped)
    return best


def template_headers(kind: str, lang: str) -> list[str]:
    return [s.label(lang) + ("*" if s.required else "") for s in fields_of(kind)]
