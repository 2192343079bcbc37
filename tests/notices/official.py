"""Notices written the way the State Council writes them (国务院办公厅关于20XX年部分节假日安排的
通知), from chinesecalendar's data for 2016–2026, with the variations real notices have: full- or
half-width punctuation, 周六 or 星期六, ranges across months and years, "与周末连休", "补休",
"放假1天，不调休", two festivals in one item, lunar remarks, a 鼓励 sentence, one paragraph."""
from __future__ import annotations

import datetime as dt

import chinese_calendar.constants as cc

ZH = {"New Year's Day": "元旦", "Spring Festival": "春节", "Tomb-sweeping Day": "清明节",
      "Labour Day": "劳动节", "Dragon Boat Festival": "端午节", "Mid-autumn Festival": "中秋节",
      "National Day": "国庆节", "Anti-Fascist 70th Day": "抗战胜利70周年纪念日"}
NUMBERS = "一二三四五六七八九十"
D = dt.timedelta


def _groups(year: int) -> list[tuple[list[dt.date], list[str]]]:
    """Runs of consecutive holiday days whose last day is in `year`, with their names."""
    days = sorted(d for d in cc.holidays if dt.date(year - 1, 11, 1) <= d <= dt.date(year + 1, 1, 31))
    runs: list[list[dt.date]] = []
    for d in days:
        if runs and d - runs[-1][-1] == D(days=1):
            runs[-1].append(d)
        else:
            runs.append([d])
    out = []
    for run in runs:
        if run[-1].year != year:
            continue
        names: list[str] = []
        for d in run:
            if ZH[cc.holidays[d]] not in names:
                names.append(ZH[cc.holidays[d]])
        out.append((run, names))
    return out


def _working(year: int, groups) -> dict[int, list[dt.date]]:
    """Each adjusted working day (chinesecalendar.workdays) to the nearest group of its name."""
    out: dict[int, list[dt.date]] = {i: [] for i in range(len(groups))}
    for day, name in sorted(cc.workdays.items()):
        candidates = [i for i, (run, names) in enumerate(groups) if ZH[name] in names]
        if not candidates:
            continue
        best = min(candidates, key=lambda i: min(abs((d - day).days) for d in groups[i][0]))
        if abs((groups[best][0][0] - day).days) < 40:
            out[best].append(day)
    return out


def _weekday(day: dt.date, style: str) -> str:
    return style + "一二三四五六日"[day.weekday()]


def _lunar(day: dt.date) -> str:
    from tyme4py.solar import SolarDay
    lunar = SolarDay.from_ymd(day.year, day.month, day.day).get_lunar_day()
    return "农历" + lunar.get_lunar_month().get_name() + lunar.get_name()


def _date(day: dt.date, year: int, previous: dt.date | None = None) -> str:
    if previous is None or previous.year != day.year or day.year != year:
        text = f"{day.month}月{day.day}日"
        return f"{day.year}年{text}" if day.year != year or (previous and previous.year != day.year) \
            else text
    return f"{day.day}日" if previous.month == day.month else f"{day.month}月{day.day}日"


def official_notice(year: int) -> str:
    """The notice of `year` as the State Council writes it, varied by year."""
    style = "星期" if year <= 2021 else "周"
    remarks = year >= 2020  # newer notices put the weekday after every date
    groups = _groups(year)
    working = _working(year, groups)
    items = []
    for i, (run, names) in enumerate(groups):
        first, last = run[0], run[-1]

        def remark(day: dt.date, lunar: bool = False) -> str:
            if not remarks:
                return ""
            parts = ([_lunar(day)] if lunar else []) + [_weekday(day, style)]
            return "（" + "、".join(parts) + "）"
        lunar = "春节" in names and year >= 2024
        work = working[i]
        if len(run) == 1 and year >= 2025 and not work:
            text = f"{_date(first, year)}{remark(first)}放假1天，不调休。"
        elif len(run) == 1 and not work and year % 2 == 0:
            text = f"{_date(first, year)}放假，与周末连休。"
        elif len(run) == 2 and first.isoweekday() == 7 and not work:
            text = (f"{_date(first, year)}放假，{_date(last, year)}（{_weekday(last, style)}）"
                    f"补休。")
        elif len(run) == 1:
            text = f"{_date(first, year)}{remark(first)}放假{'调休' if work else ''}，共1天。"
        else:
            text = (f"{_date(first, year)}{remark(first, lunar)}至{_date(last, year, first)}"
                    f"{remark(last, lunar)}放假{'调休' if work else ''}，共{len(run)}天。")
        if work:
            text += "、".join(f"{_date(d, year)}（{_weekday(d, style)}）" for d in work) + "上班。"
        if "春节" in names and year == 2024:  # as the 2024 notice advises
            eve = first - D(days=1)
            text += f"鼓励各单位结合带薪年休假等制度落实，安排职工在除夕（{eve.month}月{eve.day}日）休息。"
        items.append(f"{NUMBERS[i]}、{'、'.join(names)}：{text}")
    festivals = "、".join(n for _r, names in groups for n in names)
    body = [f"国务院办公厅关于{year}年部分节假日安排的通知", f"国办发明电〔{year - 1}〕{year % 9 + 1}号", "",
            "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：",
            f"　　经国务院批准，现将{year}年{festivals}放假调休日期的具体安排通知如下。"]
    if year == 2018:  # pasted from a web page: the items in one paragraph
        body.append("　　" + "".join(items))
    else:
        body += ["　　" + item for item in items]
    body += ["　　节假日期间，各地区、各部门要妥善安排好值班和安全、保卫等工作，遇有重大突发事件，"
             "要按规定及时报告并妥善处置，确保人民群众祥和平安度过节日假期。", "",
             "　　　　　　　　　　　　　　　　　　　　　　　　国务院办公厅",
             f"　　　　　　　　　　　　　　　　　　　　　　{year - 1}年{11 + year % 2}月{year % 20 + 2}日"]
    text = "\n".join(body)
    if year % 3 == 0:  # typed again with half-width punctuation
        text = text.translate(str.maketrans("，：（）；", ",:();"))
    if year == 2021:  # CRLF line ends
        text = text.replace("\n", "\r\n")
    return text


# The 2027 notice is not published as this is written: an example in the official format, with
# the statutory days of 2027 and plausible bridge days, for the tests of saving a notice.
EXAMPLE_2027 = """国务院办公厅关于2027年部分节假日安排的通知
国办发明电〔2026〕8号

各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
　　经国务院批准，现将2027年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
　　一、元旦：1月1日（周五）至3日（周日）放假，共3天。
　　二、春节：2月5日（农历除夕、周五）至13日（农历正月初八、周六）放假调休，共9天。2月14日（周日）上班。
　　三、清明节：4月3日（周六）至5日（周一）放假，共3天。
　　四、劳动节：5月1日（周六）至5日（周三）放假调休，共5天。4月25日（周日）、5月8日（周六）上班。
　　五、端午节：6月9日（周三）放假1天，不调休。
　　六、中秋节：9月15日（周三）放假1天，不调休。
　　七、国庆节：10月1日（周五）至7日（周四）放假调休，共7天。9月26日（周日）、10月9日（周六）上班。
　　节假日期间，各地区、各部门要妥善安排好值班和安全、保卫等工作。

　　　　　　　　　　　　　　　　　　　　　　　　国务院办公厅
　　　　　　　　　　　　　　　　　　　　　　　　2026年11月5日
"""
