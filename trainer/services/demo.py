"""Demo data: a believable quarter of the Xinyu federation's "课堂设在工厂" programme, so a new
user (and a tester) sees enterprises, workshops, courses, lecturers, trainees and the survey's
training requests at once. Every row goes through the public services, in one transaction.

The enterprises and people are fictional; districts, parks and region codes are Xinyu's real ones.
The same seed and start date always give the same data."""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from trainer.errors import TrainerError
from trainer.texts import ENTITIES, label, language
from trainer.rules.credit_code import credit_check_character
from trainer.rules.id_number import check_character
from trainer.rules.statuses import RequestStatus
from trainer.services.courses import (CourseForm, create_course, create_default_themes,
                                      list_courses)
from trainer.services.enterprises import (EnterpriseForm, VenueForm, count_enterprises,
                                          create_enterprise, create_venue, list_venues)
from trainer.services.lecturers import DateRange, LecturerForm, count_lecturers, create_lecturer
from trainer.services.organizations import create_organization, is_empty
from trainer.services.requests import TrainingRequestForm, count_requests, create_request
from trainer.services.trainees import TraineeForm, count_trainees, create_trainee
from trainer.services.uow import UnitOfWork

ORGANIZATION = ("新余市总工会", "新余总工会", "XYZGH")


@dataclass(frozen=True)
class DemoSummary:
    organization_id: int
    organization_created: bool
    quarter_start: dt.date
    quarter_end: dt.date
    themes: int
    courses: int
    enterprises: int
    workshops: int
    training_centres: int
    lecturers: int
    trainees: int
    requests: int


class DemoNotEmptyError(TrainerError):
    """Demo data is only loaded into an empty database, never mixed with real records."""

    def __init__(self, counts: dict[str, int]) -> None:
        super().__init__(counts)
        self.counts = counts

    def message(self, lang: str | None = None) -> str:
        lang = lang or language()
        found = [(label(ENTITIES, k, lang), n) for k, n in self.counts.items() if n]
        if lang == "zh":
            return ("数据库中已有数据（" + "、".join(f"{what} {n} 条" for what, n in found)
                    + "），演示数据只能载入空数据库。")
        return ("The database already holds data (" + ", ".join(f"{n} {what}(s)" for what, n
                                                                in found)
                + "); demo data can only be loaded into an empty database.")


# --- the scenario ---------------------------------------------------------------------------

COURSES = {  # theme → (title, lessons, minutes per lesson, theory %, pass mark, description)
    "职工心理健康": [
        ("职工压力管理与情绪调适", 4, 120, 40, 60, "识别压力来源，学习放松训练与情绪调节方法"),
        ("一线班组心理危机识别与干预", 3, 120, 50, 60, "班组长如何发现、陪伴和转介心理困扰的职工"),
        ("阳光心态与和谐人际关系", 2, 90, 40, None, "沟通技巧、团队协作与家庭关系"),
        ("新就业形态劳动者心理关爱", 2, 120, 40, None, "快递员、外卖配送员、网约车司机的压力与支持"),
    ],
    "安全生产": [
        ("安全生产法与岗位安全责任", 4, 120, 50, 70, "新《安全生产法》要点，全员安全生产责任制"),
        ("有限空间作业安全", 3, 120, 30, 70, "辨识、通风检测、监护与救援演练"),
        ("消防安全与应急疏散演练", 2, 180, 20, 60, "灭火器、消火栓实操和车间疏散演练"),
        ("危险化学品安全管理", 4, 120, 40, 70, "储存、使用、泄漏处置与个人防护"),
        ("特种设备安全操作", 6, 120, 30, 70, "起重机械、叉车、压力容器的规范操作"),
    ],
    "班组建设与管理": [
        ("班组长管理能力提升", 6, 120, 40, 60, "计划、沟通、激励与现场问题解决"),
        ("精益生产与现场5S管理", 4, 180, 30, 60, "在车间现场做整理、整顿、清扫、清洁、素养"),
        ("合理化建议与技术革新", 3, 120, 40, None, "从岗位练兵、技能比武到合理化建议和小发明"),
        ("班组安全文化建设", 3, 120, 40, 60, "班前会、隐患排查和安全积分"),
    ],
    "线上线下营销": [
        ("直播带货实务", 5, 120, 30, 60, "选品、脚本、直播间搭建与数据复盘"),
        ("网店运营与客户服务", 4, 120, 40, 60, "店铺装修、推广、售后与差评处理"),
        ("药品销售合规与沟通技巧", 4, 120, 50, 70, "药品经营规范、用药咨询与顾客沟通"),
        ("农特产品线上营销", 3, 120, 30, None, "新余蜜橘、夏布等本地产品的线上销售"),
    ],
}

# Courses only some industries ask for; the others suit every enterprise.
COURSE_INDUSTRIES = {
    "新就业形态劳动者心理关爱": "物流 电商 服务",
    "有限空间作业安全": "钢铁 化工 医药 建筑 纺织",
    "危险化学品安全管理": "化工 锂电 光伏 医药",
    "特种设备安全操作": "钢铁 机械 物流 建筑 化工",
    "直播带货实务": "电商 纺织 服务 医药",
    "网店运营与客户服务": "电商 纺织 服务 物流",
    "药品销售合规与沟通技巧": "医药",
    "农特产品线上营销": "电商 服务",
}

# name, industry, district, park
ENTERPRISES = [
    ("新余渝磐特钢制品有限公司", "钢铁", "渝水区", "袁河经济开发区"),
    ("江西袁川金属结构有限公司", "钢铁", "渝水区", "下村工业基地"),
    ("分宜钤峰铸锻有限公司", "钢铁", "分宜县", "分宜工业园"),
    ("新余鑫垣冷轧板带有限公司", "钢铁", "高新技术产业开发区", "新余经济开发区"),
    ("新余恒砺钢丝绳有限公司", "钢铁", "渝水区", "袁河经济开发区"),
    ("新余曜阳光伏科技有限公司", "光伏", "高新技术产业开发区", "新余经济开发区"),
    ("江西仙澜硅材料有限公司", "光伏", "高新技术产业开发区", "新余经济开发区"),
    ("分宜光拓新能源组件有限公司", "光伏", "分宜县", "分宜工业园"),
    ("新余澄光电池片有限公司", "光伏", "高新技术产业开发区", "新余经济开发区"),
    ("新余锂澜新材料科技有限公司", "锂电", "高新技术产业开发区", "新余经济开发区"),
    ("江西渝能动力电池有限公司", "锂电", "渝水区", "袁河经济开发区"),
    ("分宜锂星储能科技有限公司", "锂电", "分宜县", "分宜工业园"),
    ("新余恒锂电解液有限公司", "锂电", "高新技术产业开发区", "新余经济开发区"),
    ("江西仙湖康泰药业有限公司", "医药", "仙女湖区", ""),
    ("新余蒙山本草饮片有限公司", "医药", "渝水区", "下村工业基地"),
    ("江西孔江生物制药有限公司", "医药", "孔目江生态经济区", ""),
    ("新余济渝医药连锁有限公司", "医药", "渝水区", ""),
    ("新余袁绣纺织有限公司", "纺织", "渝水区", "下村工业基地"),
    ("分宜苎麻坊夏布织造有限公司", "纺织", "分宜县", "分宜工业园"),
    ("新余织韵服饰有限公司", "纺织", "高新技术产业开发区", "新余经济开发区"),
    ("新余棉舟纺纱有限公司", "纺织", "孔目江生态经济区", ""),
    ("新余渝工重型机械有限公司", "机械", "高新技术产业开发区", "新余经济开发区"),
    ("江西袁河液压件有限公司", "机械", "渝水区", "袁河经济开发区"),
    ("分宜百丈峰农机有限公司", "机械", "分宜县", "分宜工业园"),
    ("新余锐铣数控装备有限公司", "机械", "高新技术产业开发区", "新余经济开发区"),
    ("新余渝路通供应链有限公司", "物流", "渝水区", ""),
    ("江西仙湖冷链物流有限公司", "物流", "仙女湖区", ""),
    ("新余孔目江快运有限公司", "物流", "孔目江生态经济区", ""),
    ("分宜顺袁货运有限公司", "物流", "分宜县", ""),
    ("新余夏布优品电子商务有限公司", "电商", "孔目江生态经济区", ""),
    ("新余仙湖蜜橘电商有限公司", "电商", "仙女湖区", ""),
    ("江西云渝直播科技有限公司", "电商", "高新技术产业开发区", "新余经济开发区"),
    ("新余鲜到家网络科技有限公司", "电商", "渝水区", ""),
    ("分宜钤化精细化工有限公司", "化工", "分宜县", "分宜工业园"),
    ("新余渝建建筑工程有限公司", "建筑", "渝水区", ""),
    ("新余湖畔酒店管理有限公司", "服务", "仙女湖区", ""),
]

# industry → (headcount range, workshops, posts, themes asked for (weighted by repetition),
#             category weights regular/migrant/in_difficulty/gig, share of women)
INDUSTRIES = {
    "钢铁": ((800, 3000), "炼钢车间 轧钢车间 炼铁车间 动力车间 质检中心培训室",
           "炼钢工 轧钢工 天车工 点检员 电工 质检员 炉前工", "安全生产 安全生产 班组建设与管理 职工心理健康",
           (82, 10, 6, 2), 0.12),
    "光伏": ((500, 2500), "硅片车间 电池片车间 组件车间 职工培训室",
           "切片工 电池片操作工 组件层压工 设备维护员 质检员", "安全生产 班组建设与管理 职工心理健康",
           (80, 14, 4, 2), 0.40),
    "锂电": ((400, 2000), "正极材料车间 电芯车间 化成车间 职工培训室",
           "涂布工 卷绕工 化成工 设备维护员 品质检验员", "安全生产 安全生产 班组建设与管理 职工心理健康",
           (80, 14, 4, 2), 0.35),
    "医药": ((150, 800), "提取车间 制剂车间 多功能会议室",
           "制剂工 提取工 质检员 药品销售员 仓管员", "线上线下营销 安全生产 职工心理健康 班组建设与管理",
           (85, 6, 5, 4), 0.58),
    "纺织": ((200, 900), "纺纱车间 织布车间 成衣车间 职工之家",
           "挡车工 络筒工 保全工 缝纫工 整烫工", "职工心理健康 班组建设与管理 安全生产 线上线下营销",
           (70, 20, 8, 2), 0.70),
    "机械": ((120, 600), "机加工车间 装配车间 焊接车间 培训教室",
           "车工 钳工 焊工 数控操作工 装配工", "安全生产 班组建设与管理 班组建设与管理 职工心理健康",
           (80, 12, 5, 3), 0.15),
    "物流": ((60, 400), "分拣中心 仓储部培训室", "叉车司机 分拣员 货车司机 调度员 快递员",
           "安全生产 职工心理健康 职工心理健康 线上线下营销", (55, 10, 5, 30), 0.25),
    "电商": ((30, 200), "直播基地 客服中心培训室", "主播 客服专员 运营专员 打包员 配送员",
           "线上线下营销 线上线下营销 职工心理健康", (55, 8, 5, 32), 0.60),
    "化工": ((150, 500), "合成车间 罐区操作室 应急演练场", "化工操作工 仪表工 安全员 巡检工",
           "安全生产 安全生产 班组建设与管理", (80, 12, 6, 2), 0.20),
    "建筑": ((100, 600), "项目部会议室 钢筋加工场", "钢筋工 架子工 塔吊司机 安全员 木工",
           "安全生产 职工心理健康 班组建设与管理", (48, 44, 6, 2), 0.08),
    "服务": ((60, 200), "员工培训室", "前台接待 客房服务员 厨师 保安",
           "线上线下营销 职工心理健康 班组建设与管理", (70, 12, 8, 10), 0.60),
}
ROADS = ("工业大道", "科技大道", "创业路", "兴业大道", "园区一路", "园区二路", "迎宾大道")
CATEGORIES = ("regular", "migrant", "in_difficulty", "gig")

TRAINING_CENTRES = [("新余市职工服务中心培训教室", "渝水区劳动北路职工服务中心三楼", 120),
                    ("分宜县总工会职工培训基地", "分宜县城东新区", 80)]

SURNAMES = ("刘李王张陈黄胡罗吴钟彭邹傅曾周袁简晏黎敖熊廖谢郭杨徐朱何林龚肖欧阳辛习严付邓卢"
            "丁聂宋汤")
MALE = "伟强军勇明华建平志刚磊斌鹏涛超辉俊杰文斌林峰海波浩宇东亮晨阳鑫凯帅松顺胜"
FEMALE = "芳丽娟敏静燕霞玲红艳萍琴婷雪慧颖洁莉梅兰倩秀英春蓉雅雯欣怡思淑素莎"

# GB/T 2260 region codes: Xinyu first, then the places its migrant workers come from.
XINYU_REGIONS = ("360502", "360502", "360502", "360521", "360500")
OTHER_REGIONS = ("360902", "360981", "360983", "360982", "360822", "360825", "360821",
                 "360321", "360124", "360302", "360428", "361002", "430521", "431021")
MOBILE_PREFIXES = ("130 131 132 133 135 136 137 138 139 150 151 152 155 156 157 158 159 166 "
                   "173 177 180 181 182 183 185 186 187 188 189 191 198 199").split()

LECTURERS = [  # name, category, theme names, employer, title
    ("熊文华", "national_senior", "职工心理健康", "江西省职工教育讲师团", "国家二级心理咨询师"),
    ("欧阳慧", "national_senior", "职工心理健康 班组建设与管理", "江西省职工教育讲师团", "副教授"),
    ("黎建国", "national_senior", "安全生产", "新余市安全生产专家库", "注册安全工程师"),
    ("简明辉", "national_senior", "班组建设与管理", "江西省职工教育讲师团", "高级经济师"),
    ("辛雅雯", "national_senior", "线上线下营销", "江西省电子商务协会讲师团", "副教授"),
    ("袁志刚", "model_trainer", "安全生产 班组建设与管理", 0, "安全培训师"),
    ("晏丽", "model_trainer", "班组建设与管理", 5, "班组长培训师"),
    ("傅婷", "model_trainer", "线上线下营销", 31, "运营总监"),
    ("敖春蓉", "model_trainer", "线上线下营销 职工心理健康", 16, "销售培训经理"),
    ("邹海波", "model_trainer", "安全生产", 25, "安全主管"),
    ("钟强", "skilled_technician", "安全生产", 0, "首席技师"),
    ("廖俊杰", "skilled_technician", "安全生产 班组建设与管理", 9, "高级技师"),
    ("彭军", "skilled_technician", "班组建设与管理", 21, "高级技师"),
    ("曾秀英", "skilled_technician", "班组建设与管理 职工心理健康", 17, "全国技术能手"),
]
FEES = {"national_senior": 600, "model_trainer": 400, "skilled_technician": 300}  # yuan/hour
UNAVAILABLE_REASONS = ("外地授课", "年休假", "本企业生产旺季", "参加省技能大赛裁判工作", "出差")

WEEKDAY_PATTERNS = ("12345", "12345", "135", "246", "1234", "2345", "24", "35", "123456", "67")
DAY_SHIFT_PERIODS = (("morning", "afternoon"), ("morning",), ("afternoon",))
SHIFT_PERIODS = (("afternoon",), ("afternoon", "evening"), ("evening",), ("morning", "afternoon"))
SHIFT_INDUSTRIES = {"钢铁", "光伏", "锂电", "纺织", "化工"}
BLACKOUT_NOTES = ("设备检修日不能上课", "月底盘点，避开这几天", "迎接安全大检查", "客户验厂")
REQUEST_NOTES = ("新员工入职培训需求", "希望结合岗位练兵、技能比武",
                 "职工缺什么补什么，用什么学什么", "订单旺季，课时尽量集中", "请讲师带实操教具")


def quarter_after(today: dt.date) -> dt.date:
    """The first day of the calendar quarter after the one `today` is in."""
    month = (today.month - 1) // 3 * 3 + 4
    return dt.date(today.year + 1, 1, 1) if month > 12 else dt.date(today.year, month, 1)


def _three_months_later(start: dt.date) -> dt.date:
    month = start.month + 3
    year = start.year + (month - 1) // 12
    return dt.date(year, (month - 1) % 12 + 1, 1) if start.day == 1 else \
        start + dt.timedelta(days=91)


class _Maker:
    """Random but reproducible people, numbers and codes; never the same number twice."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def _unique(self, make) -> str:
        while True:
            value = make()
            if value not in self.used:
                self.used.add(value)
                return value

    def name(self, gender: str) -> str:
        pool = MALE if gender == "M" else FEMALE
        surname = "欧阳" if self.rng.random() < 0.01 else self.rng.choice(SURNAMES.replace("欧阳", ""))
        given = "".join(self.rng.choice(pool) for _ in range(self.rng.choice((1, 2, 2))))
        return surname + given

    def mobile(self) -> str:
        return self._unique(lambda: self.rng.choice(MOBILE_PREFIXES)
                            + f"{self.rng.randrange(10**8):08d}")

    def credit_code(self, region: str) -> str:
        alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"

        def make() -> str:
            body = "MA3" + "".join(self.rng.choice(alphabet) for _ in range(6)) \
                if self.rng.random() < 0.6 else "".join(self.rng.choice("0123456789")
                                                        for _ in range(9))
            first17 = "91" + region + body
            return first17 + credit_check_character(first17)
        return self._unique(make)

    def id_number(self, region: str, gender: str) -> str:
        def make() -> str:
            birth = dt.date(1966, 1, 1) + dt.timedelta(days=self.rng.randrange(14245))  # to 2004
            digit = self.rng.choice("13579" if gender == "M" else "02468")
            first17 = f"{region}{birth:%Y%m%d}{self.rng.randrange(100):02d}{digit}"
            return first17 + check_character(first17)
        return self._unique(make)


def _refuse_unless_empty(uow: UnitOfWork) -> None:
    counts = {"enterprise": count_enterprises(uow), "venue": len(list_venues(uow)),
              "course": len(list_courses(uow)), "lecturer": count_lecturers(uow),
              "trainee": count_trainees(uow), "training_request": count_requests(uow)}
    if any(counts.values()):
        raise DemoNotEmptyError(counts)


def load_demo(uow: UnitOfWork, *, seed: int = 2021, start: dt.date | None = None) -> DemoSummary:
    """Fills an empty database with the demo scenario for the quarter beginning `start` (by
    default the next calendar quarter). All or nothing: one transaction. Raises
    DemoNotEmptyError when the union office already has enterprises, courses, people…"""
    rng = random.Random(seed)
    make = _Maker(rng)
    start = start or quarter_after(dt.date.today())
    end = _three_months_later(start) - dt.timedelta(days=1)
    with uow:
        created = is_empty(uow)
        if created:
            create_organization(uow, *ORGANIZATION)
        _refuse_unless_empty(uow)
        themes = {t.name: t.id for t in create_default_themes(uow)}
        courses = _courses(uow, themes)
        enterprises, workshops = _enterprises(uow, make)
        for name, address, capacity in TRAINING_CENTRES:
            create_venue(uow, VenueForm(name, None, address, capacity))
        lecturers = _lecturers(uow, make, themes, enterprises, start, end)
        trainees = _trainees(uow, make, enterprises)
        requests = _requests(uow, make, courses, enterprises, start, end)
        return DemoSummary(uow.organization_id, created, start, end, len(themes),
                           sum(len(c) for c in courses.values()), len(enterprises), workshops,
                           len(TRAINING_CENTRES), lecturers, trainees, requests)


def _courses(uow: UnitOfWork, themes: dict[str, int]) -> dict[str, list[tuple[int, int, str]]]:
    """theme name → [(course id, lesson count, industries it suits or '')]"""
    out: dict[str, list[tuple[int, int, str]]] = {}
    for theme, rows in COURSES.items():
        for title, lessons, minutes, theory, pass_mark, description in rows:
            rec = create_course(uow, CourseForm(
                themes[theme], title, lesson_count=lessons, lesson_minutes=minutes,
                theory_percent=theory, pass_mark="" if pass_mark is None else pass_mark,
                capacity=60, description=description))
            out.setdefault(theme, []).append((rec.id, lessons, COURSE_INDUSTRIES.get(title, "")))
    return out


def _enterprises(uow: UnitOfWork, make: _Maker) -> tuple[list[tuple], int]:
    """[(id, name, industry, headcount)], number of workshops"""
    rng, out, workshops = make.rng, [], 0
    for name, industry, district, park in ENTERPRISES:
        (low, high), halls = INDUSTRIES[industry][:2]
        region = "360521" if district == "分宜县" else rng.choice(("360502", "360500"))
        headcount = rng.randrange(low, high) // 10 * 10
        contact_gender = rng.choice("MF")
        rec = create_enterprise(uow, EnterpriseForm(
            name, make.credit_code(region), district, park, industry,
            f"{district}{park}{rng.choice(ROADS)}{rng.randrange(1, 300)}号",
            make.name(contact_gender), make.mobile(), headcount))
        halls = halls.split()
        for hall in rng.sample(halls, min(len(halls), rng.randint(1, 3))):
            create_venue(uow, VenueForm(hall, rec.id, "厂区内", rng.randrange(30, 81, 5)))
            workshops += 1
        out.append((rec.id, name, industry, headcount))
    return out, workshops


def _lecturers(uow: UnitOfWork, make: _Maker, themes: dict[str, int], enterprises: list[tuple],
               start: dt.date, end: dt.date) -> int:
    rng = make.rng
    for i, (name, category, taught, employer, title) in enumerate(LECTURERS):
        away = ()
        if i % 3 == 0:  # every third lecturer has a few days away in the quarter
            first = start + dt.timedelta(days=rng.randrange((end - start).days - 10))
            away = (DateRange(first, first + dt.timedelta(days=rng.randint(2, 9)),
                              rng.choice(UNAVAILABLE_REASONS)),)
        create_lecturer(uow, LecturerForm(
            name, category, gender="F" if name[-1] in FEMALE else "M",
            employer=enterprises[employer][1] if isinstance(employer, int) else employer,
            title=title, mobile=make.mobile(), hourly_fee=FEES[category],
            theme_ids=tuple(themes[t] for t in taught.split()), unavailable=away,
            max_hours_per_day=rng.choice((4, 6, "")), max_hours_per_week=rng.choice((12, 16, ""))))
    return len(LECTURERS)


def _trainees(uow: UnitOfWork, make: _Maker, enterprises: list[tuple]) -> int:
    """About 660 trainees: a few from every enterprise, the rest by headcount."""
    rng = make.rng
    per = [6] * len(enterprises)
    for index in rng.choices(range(len(enterprises)), [e[3] ** 0.5 for e in enterprises], k=444):
        per[index] += 1
    total = 0
    for (enterprise_id, _name, industry, _headcount), n in zip(enterprises, per):
        *_, posts, _themes, weights, women = INDUSTRIES[industry]
        for _ in range(n):
            gender = "F" if rng.random() < women else "M"
            category = rng.choices(CATEGORIES, weights)[0]
            region = rng.choice(OTHER_REGIONS if category == "migrant" or rng.random() < 0.1
                                else XINYU_REGIONS)
            create_trainee(uow, TraineeForm(
                make.name(gender), make.id_number(region, gender), gender, make.mobile(),
                enterprise_id, rng.choice(posts.split()), category))
            total += 1
    return total


def _requests(uow: UnitOfWork, make: _Maker, courses: dict[str, list[tuple[int, int, str]]],
              enterprises: list[tuple], start: dt.date, end: dt.date) -> int:
    """The survey's orders for the quarter: one or two per enterprise, 40 in all."""
    rng, days, done = make.rng, (end - start).days + 1, set()
    askers = enterprises + rng.sample(enterprises, 4)
    for enterprise_id, _name, industry, headcount in askers:
        offered = courses[rng.choice(INDUSTRIES[industry][3].split())]
        suitable = [c for c in offered if not c[2] or industry in c[2].split()]
        course_id, lessons, _ = rng.choice(suitable)
        if (enterprise_id, course_id) in done:
            continue
        done.add((enterprise_id, course_id))
        length = min(days, rng.randint(max(21, lessons * 7), 56))
        first = start + dt.timedelta(days=rng.randrange(days - length + 1))
        last = first + dt.timedelta(days=length - 1)
        weekdays = rng.choice(WEEKDAY_PATTERNS)
        periods = rng.choice(SHIFT_PERIODS if industry in SHIFT_INDUSTRIES else DAY_SHIFT_PERIODS)
        candidates = [first + dt.timedelta(days=d) for d in range(length)
                      if str((first + dt.timedelta(days=d)).isoweekday()) in weekdays]
        blackout = tuple(rng.sample(candidates, min(len(candidates) // 4, rng.choice((0, 0, 1,
                                                                                      2, 3)))))
        notes = [rng.choice(BLACKOUT_NOTES)] if blackout else []
        if industry in SHIFT_INDUSTRIES and rng.random() < 0.3:
            notes.append("三班倒，请安排在交接班后")
        elif rng.random() < 0.4:
            notes.append(rng.choice(REQUEST_NOTES))
        workers = max(10, min(headcount, rng.randrange(20, 121)) // 5 * 5)
        status = RequestStatus.cancelled if rng.random() < 0.05 else RequestStatus.open
        weekend = "6" in weekdays or "7" in weekdays  # the factory trains on Saturdays too
        if weekend:
            notes.append("周末班组轮休，可安排在周六、周日")
        create_request(uow, TrainingRequestForm(
            enterprise_id, course_id, workers, first, last, weekdays, periods, blackout,
            rng.choices((0, 1, 2, 3), (5, 3, 2, 1))[0], status, ";".join(notes),
            allow_weekends=weekend))
    return len(done)
