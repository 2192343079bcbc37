"""Reading the State Council's yearly notice, 国务院办公厅关于20XX年部分节假日安排的通知, into named
holiday ranges and adjusted working days (调休上班) — pure functions, no database.

The office pastes the text or opens a .txt/.docx/.pdf copy (`notice_text`). `parse_notice`
reads every item ("一、元旦：…", "六、中秋节、国庆节：…") as the notices of 2016–2026 write them:
full- or half-width punctuation; ranges across months and years (2018年12月30日至2019年1月1日);
周六 or 星期六; remarks such as （农历腊月二十八、周日） — a weekday in a remark is checked against
the date; "放假调休" / "放假" / "放假，与周末连休" / "放假1天，不调休" / "…补休"; two festivals in
one item; "共N天" checked against the range; sentences beginning 鼓励 are advice, not days.
Anything it cannot read raises NoticeError naming the line and its text: nothing is half-read."""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from trainer.errors import TrainerError
from trainer.texts import language, pick

CN_DIGITS = "一二三四五六七八九十"
WEEKDAY_CHARS = "一二三四五六日"
ITEM = re.compile(rf"^\s*([{CN_DIGITS}]+)\s*[、.]\s*([^:,。\d]{{2,30}}?)\s*:\s*(.*)$")
ITEM_START = re.compile(rf"(?<=。)\s*(?=[{CN_DIGITS}]+、[^:,。\d]{{2,30}}:)")
YEAR = (re.compile(r"关于\s*(\d{4})\s*年\s*部分节假日安排"), re.compile(r"现将\s*(\d{4})\s*年"))
DATE = re.compile(r"(?:(\d{4})\s*年\s*)?(?:(\d{1,2})\s*月\s*)?(\d{1,2})\s*日")
REMARK = re.compile(r"\(([^()]*)\)")
WEEKDAY = re.compile(rf"(?:周|星期)([{WEEKDAY_CHARS}天])")
COUNT = re.compile(r"(?:共|放假)\s*(\d+)\s*天")
HOLIDAY_WORDS = ("放假", "补休")
WORK_WORD = "上班"

REASONS: dict[str, tuple[str, str]] = {
    "no_year": ("找不到通知的年份（标题应为“国务院办公厅关于20XX年部分节假日安排的通知”）",
                "no year found (the title reads 国务院办公厅关于20XX年部分节假日安排的通知)"),
    "no_items": ("找不到“一、元旦：……”这样的放假安排条目", "no item such as “一、元旦：…” found"),
    "unreadable": ("读不懂“{clause}”", "cannot read “{clause}”"),
    "bad_date": ("“{value}”不是有效日期", "“{value}” is not a valid date"),
    "no_month": ("“{value}”没有写月份", "“{value}” has no month"),
    "weekday": ("{date} 是{actual}，通知写的是{stated}", "{date} is a {actual}, the notice says {stated}"),
    "count": ("写明共 {stated} 天，但所列放假日期共 {counted} 天",
              "says {stated} days, but the dates given make {counted}"),
    "no_holiday": ("这一条没有放假日期", "this item gives no day off"),
    "both": ("{date} 既是放假又是上班", "{date} is both a day off and a working day"),
    "repeated": ("{date} 在第 {other} 行已出现", "{date} already appears on line {other}"),
    "unreadable_file": ("无法读取文件：{detail}", "cannot read the file: {detail}"),
}
WEEKDAY_NAMES = (("周一", "Monday"), ("周二", "Tuesday"), ("周三", "Wednesday"),
                 ("周四", "Thursday"), ("周五", "Friday"), ("周六", "Saturday"), ("周日", "Sunday"))


@dataclass(frozen=True)
class NoticeProblem:
    line: int  # 1-based line of the text; 0: the notice as a whole
    text: str  # the line as written
    reason: str
    params: tuple[tuple[str, object], ...] = ()

    def message(self, lang: str | None = None) -> str:
        lang = lang or language()
        params = dict(self.params)
        if "actual" in params:
            params["actual"] = pick(WEEKDAY_NAMES[int(params["actual"])], lang)
        reason = pick(REASONS[self.reason], lang).format(**params)
        if not self.line:
            return reason
        text = self.text.strip()
        text = text if len(text) <= 60 else text[:58] + "…"
        if lang == "zh":
            return f"第 {self.line} 行“{text}”：{reason}"
        return f"line {self.line} “{text}”: {reason}"


class NoticeError(TrainerError):
    """The text cannot be read as a notice: every problem found, each with its line."""

    def __init__(self, problems: list[NoticeProblem]) -> None:
        super().__init__(problems)
        self.problems = tuple(problems)

    def message(self, lang: str | None = None) -> str:
        sep = "；" if (lang or language()) == "zh" else "; "
        return sep.join(p.message(lang) for p in self.problems)


@dataclass(frozen=True)
class NoticeItem:
    number: str  # 一, 二 …
    line: int
    text: str
    names: tuple[str, ...]  # ("中秋节", "国庆节")
    holidays: tuple[dt.date, ...]
    working: tuple[dt.date, ...]  # 调休上班
    stated_days: int | None  # the 共N天 / 放假N天 it writes, None when it writes none

    @property
    def name(self) -> str:
        return "、".join(self.names)

    @property
    def count_checked(self) -> bool:
        """共N天 was written and matches the range (a mismatch never gets this far)."""
        return self.stated_days is not None


@dataclass(frozen=True)
class NoticeDay:
    date: dt.date
    working: bool  # True: 调休上班
    name: str  # the item's festival(s)


@dataclass(frozen=True)
class Notice:
    year: int
    items: tuple[NoticeItem, ...]

    def days(self) -> list[NoticeDay]:
        out = [NoticeDay(d, False, i.name) for i in self.items for d in i.holidays]
        out += [NoticeDay(d, True, i.name) for i in self.items for d in i.working]
        return sorted(out, key=lambda d: d.date)

    @property
    def first(self) -> dt.date:
        return self.days()[0].date

    @property
    def last(self) -> dt.date:
        return self.days()[-1].date

    def dry_run_lines(self) -> list[str]:
        """`YYYY-MM-DD holiday NAME` / `YYYY-MM-DD working NAME`, one per day."""
        return [f"{d.date.isoformat()} {'working' if d.working else 'holiday'} {d.name}"
                for d in self.days()]


# --- reading ----------------------------------------------------------------------------------

def _normal(text: str) -> str:
    """Full-width digits, letters and punctuation to half-width (：→: （→( ，→,), spaces kept."""
    return unicodedata.normalize("NFKC", text).replace("\u3000", " ")


class _Reader:
    def __init__(self, year: int) -> None:
        self.year = year
        self.problems: list[NoticeProblem] = []
        self.line, self.text = 0, ""

    def problem(self, reason: str, **params: object) -> None:
        self.problems.append(NoticeProblem(self.line, self.text, reason, tuple(params.items())))

    def dates(self, clause: str, quiet: bool = False) -> list[tuple[dt.date, bool]] | None:
        """The dates of a clause, each with "a range starts here" (…至…); None when one is bad.
        A date without a year is the notice's year, without a month the previous date's month;
        the end of a range before its start is in the next year."""
        out: list[tuple[dt.date, bool]] = []
        year, month = self.year, None
        for match in DATE.finditer(clause):
            y, m, d = match.groups()
            year = int(y) if y else year
            month = int(m) if m else month
            if month is None:
                if not quiet:
                    self.problem("no_month", value=match.group(0))
                return None
            try:
                date = dt.date(year, month, int(d))
            except ValueError:
                if not quiet:
                    self.problem("bad_date", value=match.group(0))
                return None
            ranged = clause[match.end():].lstrip().startswith("至")
            if out and out[-1][1] and date < out[-1][0] and y is None:
                date = date.replace(year=date.year + 1)
            out.append((date, ranged))
        return out

    def check_weekdays(self, sentence: str) -> str:
        """Checks each remark's weekday against the date before it; returns the sentence
        without remarks."""
        for match in REMARK.finditer(sentence):
            before = list(DATE.finditer(sentence[:match.start()]))
            weekday = WEEKDAY.search(match.group(1))
            if not before or not weekday or before[-1].end() != match.start():
                continue
            dates = self.dates(REMARK.sub("", sentence[:match.start()]), quiet=True)
            if not dates:
                continue
            date = dates[-1][0]
            stated = "一二三四五六日天".index(weekday.group(1)) % 7
            stated = 6 if weekday.group(1) in "日天" else stated
            if date.weekday() != stated:
                self.problem("weekday", date=date.isoformat(), stated=weekday.group(0),
                             actual=date.weekday())
        return REMARK.sub("", sentence)

    def item(self, number: str, names: str, body: str) -> NoticeItem | None:
        before = len(self.problems)
        holidays: list[dt.date] = []
        working: list[dt.date] = []
        stated = None
        for sentence in (s.strip() for s in body.split("。")):
            if not sentence or sentence.startswith("鼓励"):
                continue
            sentence = self.check_weekdays(sentence)
            for clause in (c.strip() for c in re.split(r"[,;]", sentence)):
                count = COUNT.search(clause)
                if count:
                    stated = int(count.group(1))
                dates = self.dates(clause)
                if dates is None or not dates:
                    continue
                if WORK_WORD in clause:
                    working += [d for d, _ in dates]
                elif any(w in clause for w in HOLIDAY_WORDS):
                    holidays += self._expand(dates)
                else:
                    self.problem("unreadable", clause=clause)
        if len(self.problems) > before:
            return None
        if not holidays:
            self.problem("no_holiday")
            return None
        if stated is not None and stated != len(set(holidays)):
            self.problem("count", stated=stated, counted=len(set(holidays)))
            return None
        for date in set(holidays) & set(working):
            self.problem("both", date=date.isoformat())
        split = tuple(n.strip() for n in re.split(r"[、和及]", names) if n.strip())
        return NoticeItem(number, self.line, self.text, split, tuple(sorted(set(holidays))),
                          tuple(sorted(set(working))), stated)

    @staticmethod
    def _expand(dates: list[tuple[dt.date, bool]]) -> list[dt.date]:
        out, i = [], 0
        while i < len(dates):
            date, ranged = dates[i]
            if ranged and i + 1 < len(dates):
                end = dates[i + 1][0]
                out += [date + dt.timedelta(days=n) for n in range((end - date).days + 1)]
                i += 2
            else:
                out.append(date)
                i += 1
        return out


def _segments(text: str) -> list[tuple[int, str, str]]:
    """(line number, line as written, normalised text) — an item starting after a 。 in the
    middle of a line (a notice pasted as one paragraph) begins a segment of its own."""
    out = []
    for number, raw in enumerate(text.splitlines(), 1):
        for part in ITEM_START.split(_normal(raw)):
            out.append((number, raw, part))
    return out


def parse_notice(text: str) -> Notice:
    """The notice in `text`, or NoticeError naming every line it cannot read."""
    normal = _normal(text)
    year = next((int(m.group(1)) for pattern in YEAR for m in [pattern.search(normal)] if m), None)
    if year is None:
        raise NoticeError([NoticeProblem(0, "", "no_year")])
    reader = _Reader(year)
    blocks: list[list] = []  # [line, raw, number, names, body]
    open_block = False
    for line, raw, part in _segments(text):
        match = ITEM.match(part)
        if match:
            blocks.append([line, raw.strip(), match.group(1), match.group(2), match.group(3)])
            open_block = True
        elif open_block and part.strip():
            body = blocks[-1][4]
            if not body.rstrip().endswith("。") or WORK_WORD in part or \
                    any(w in part for w in HOLIDAY_WORDS):
                blocks[-1][4] = body + part.strip()  # a line wrapped by a PDF or a web page
            else:
                open_block = False  # the paragraph after the items
    if not blocks:
        raise NoticeError([NoticeProblem(0, "", "no_items")])
    items, seen = [], {}
    for line, raw, number, names, body in blocks:
        reader.line, reader.text = line, raw
        item = reader.item(number, names, body)
        if item is None:
            continue
        for date in item.holidays + item.working:
            if date in seen and seen[date] != line:
                reader.problem("repeated", date=date.isoformat(), other=seen[date])
            seen.setdefault(date, line)
        items.append(item)
    if reader.problems:
        raise NoticeError(reader.problems)
    return Notice(year, tuple(items))


# --- files ------------------------------------------------------------------------------------

def notice_text(path: str | Path) -> str:
    """The text of a .txt (UTF-8, UTF-8 with BOM or GB18030), .docx or .pdf copy of a notice;
    NoticeError("unreadable_file") when it cannot be opened as one."""
    path = Path(path)
    suffix = path.suffix.lower()
    try:
        if suffix == ".docx":
            import docx  # python-docx, only when a .docx is opened
            document = docx.Document(str(path))
            return "\n".join(p.text for p in document.paragraphs)
        if suffix == ".pdf":
            from pypdf import PdfReader
            return "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)
        data = path.read_bytes()
    except Exception as exc:  # a damaged or foreign file: say so, located at the file
        raise NoticeError([NoticeProblem(0, "", "unreadable_file",
                                         (("detail", f"{path.name}: {exc}"),))]) from exc
    return decode_text(data)


def decode_text(data: bytes) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise NoticeError([NoticeProblem(0, "", "unreadable_file",
                                     (("detail", "not UTF-8 or GB18030 text"),))])
