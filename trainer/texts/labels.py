"""The core's labels, in Chinese and English: fields (form labels, column headings, validation
messages), entities, validation reasons, genders and the people's categories. "岗位/Post" and the
other field labels are defined here once; column headings come from texts.heading(field)."""
from __future__ import annotations

# Field labels, used in validation messages.
FIELDS: dict[str, tuple[str, str]] = {
    "name": ("名称", "name"),
    "person_name": ("姓名", "name"),
    "display_name": ("显示名称", "display name"),
    "title": ("标题", "title"),
    "credit_code": ("统一社会信用代码", "unified social credit code"),
    "district": ("区县", "district"),
    "park": ("园区", "industrial park"),
    "industry": ("行业", "industry"),
    "notes": ("备注", "notes"),
    "description": ("说明", "description"),
    "sort_order": ("排序", "order"),
    "max_hours_per_day": ("每日最多学时", "maximum hours a day"),
    "max_hours_per_week": ("每周最多学时", "maximum hours a week"),
    "reason": ("原因", "reason"),
    "start_date": ("开始日期", "start date"),
    "end_date": ("结束日期", "end date"),
    "short_name": ("简称", "short name"),
    "workers": ("培训人数", "number of workers"),
    "window": ("培训时间段", "date window"),
    "window_start": ("开始日期", "window start"),
    "window_end": ("结束日期", "window end"),
    "weekdays": ("可培训星期", "weekdays"),
    "periods": ("可培训时段", "times of day"),
    "blackout_dates": ("不可培训日期", "blackout dates"),
    "priority": ("优先级", "priority"),
    "status": ("状态", "status"),
    "course": ("课程", "course"),
    "phone": ("电话", "phone"),
    "certificate_prefix": ("证书编号前缀", "certificate number prefix"),
    "address": ("地址", "address"),
    "contact_name": ("联系人", "contact"),
    "contact_phone": ("联系电话", "contact phone"),
    "headcount": ("职工人数", "headcount"),
    "capacity": ("容量", "capacity"),
    "enterprise": ("企业", "enterprise"),
    "theme": ("课程主题", "theme"),
    "total_hours": ("总学时", "total hours"),
    "lesson_count": ("课次数", "number of lessons"),
    "lesson_minutes": ("每课时长（分钟）", "lesson length (minutes)"),
    "theory_percent": ("理论占比（%）", "theory share (%)"),
    "pass_mark": ("合格分数", "pass mark"),
    "min_attendance_percent": ("出勤率要求（%）", "required attendance (%)"),
    "min_online_hours": ("线上学习要求（学时）", "required online study (hours)"),
    "category": ("类别", "category"),
    "hourly_fee": ("课时费（元/小时）", "hourly fee (yuan)"),
    "themes": ("授课主题", "themes taught"),
    "unavailable": ("不可授课日期", "unavailable dates"),
    "unavailable_end": ("不可授课日期的结束日期", "End of an unavailable period"),
    "gender": ("性别", "gender"),
    "id_number": ("身份证号", "resident ID number"),
    "mobile": ("手机号", "mobile"),
    "post": ("岗位", "post"),
    "employer": ("工作单位", "employer"),
    "color": ("颜色", "colour"),
    "organization": ("工会", "union"),
    "version": ("版本", "version"),
    # open-recruitment programmes (issue 16: services/programmes.py, applications.py, levels.py)
    "programme": ("培训项目", "programme"),
    "start_month": ("开始月份", "start month"),
    "months": ("月数", "number of months"),
    "classes_per_month": ("每月开班数", "classes a month"),
    "class_size": ("每班人数", "class size"),
    "eligible_categories": ("招收人员类别", "eligible categories"),
    "levels": ("培训等级", "levels"),
    "level": ("等级", "level"),
    "grade": ("证书等级", "certificate grade"),
    "holds_certificate": ("已持证", "holds the certificate"),
}

# Entity names, for "still referenced by …" and "not found" messages.
ENTITIES: dict[str, tuple[str, str]] = {
    "organization": ("工会", "union"),
    "enterprise": ("企业", "enterprise"),
    "venue": ("培训地点", "venue"),
    "theme": ("课程主题", "theme"),
    "course": ("课程", "course"),
    "lecturer": ("讲师", "lecturer"),
    "trainee": ("学员", "trainee"),
    "training_request": ("培训需求", "training request"),
    "cohort": ("培训班", "class"),
    "lesson": ("课次", "lesson"),
    "enrolment": ("报名", "enrolment"),
    "attendance": ("考勤记录", "attendance record"),
    "assessment": ("考核记录", "assessment"),
    "certificate": ("结业证书", "certificate"),
    "feedback": ("满意度评价", "feedback"),
    "programme": ("培训项目", "programme"),
}

# Reasons: code -> (Chinese, English); templates use str.format with the error's params.
REASONS: dict[str, tuple[str, str]] = {
    "required": ("不能为空", "is required"),
    "too_long": ("过长（最多 {max} 个字符）", "is too long (at most {max} characters)"),
    "control_char": ("第 {position} 个字符是不可见的控制字符（{code}），请删除后重新输入",
                     "has an invisible control character ({code}) at character {position}; "
                     "delete it and type the text again"),
    "not_a_number": ("不是有效的数字", "is not a valid number"),
    "out_of_range": ("应在 {min} 到 {max} 之间", "must be between {min} and {max}"),
    "id_length": ("应为 18 位（当前 {length} 位）", "must have 18 characters (has {length})"),
    "id_characters": ("只能包含数字，最后一位可为 X", "may hold only digits, the last may be X"),
    "id_region": ("前 6 位地区码无效", "has an invalid region code in its first 6 digits"),
    "id_birth_date": ("出生日期 {value} 不存在", "has a birth date {value} that does not exist"),
    "id_birth_future": ("出生日期 {value} 晚于今天", "has a birth date {value} in the future"),
    "id_checksum": ("校验位应为 {expected}，实际为 {actual}",
                    "has check character {actual}, expected {expected}"),
    "id_gender": ("第 17 位表示{id_gender}，与性别“{gender}”不符",
                  "says {id_gender} in digit 17, but gender is {gender}"),
    "mobile_format": ("应为 11 位手机号，以 13–19 开头", "must be 11 digits starting 13–19"),
    "phone_format": ("不是有效的电话号码", "is not a valid phone number"),
    "credit_code_format": ("应为 18 位统一社会信用代码", "must be an 18-character credit code"),
    "credit_code_checksum": ("校验位应为 {expected}，实际为 {actual}",
                             "has check character {actual}, expected {expected}"),
    "gender_value": ("应为“男”或“女”", "must be male (男) or female (女)"),
    "numeric_identifier": ("被表格存成了数字，后几位已丢失，请把该列设为文本后重新填写",
                           "was stored by the spreadsheet as a number, so its last digits are "
                           "lost; format the column as text and type the numbers again"),
    "choice": ("应为以下之一：{choices}", "must be one of: {choices}"),
    "duplicate": ("“{value}”已存在", "“{value}” already exists"),
    "date_format": ("“{value}”不是有效日期（应为 YYYY-MM-DD）",
                    "“{value}” is not a valid date (YYYY-MM-DD)"),
    "date_order": ("早于开始日期", "is before the start date"),
    "unknown": ("“{value}”不存在", "“{value}” does not exist"),
    "colour_format": ("应为 #RRGGBB 形式", "must look like #RRGGBB"),
    "wrong_type": ("类型不对（应为{expected}）", "has the wrong type (expected {expected})"),
}

# The times of day lessons take (in the order of the day) and the weekdays (ISO digits): the
# calendar, the requests and every list say them with these words.
PERIODS: dict[str, tuple[str, str]] = {
    "morning": ("上午", "morning"),
    "afternoon": ("下午", "afternoon"),
    "evening": ("晚上", "evening"),
}
WEEKDAYS: dict[str, tuple[str, str]] = {
    "1": ("周一", "Mon"), "2": ("周二", "Tue"), "3": ("周三", "Wed"), "4": ("周四", "Thu"),
    "5": ("周五", "Fri"), "6": ("周六", "Sat"), "7": ("周日", "Sun"),
}

GENDERS: dict[str, tuple[str, str]] = {"M": ("男", "male"), "F": ("女", "female")}

LECTURER_CATEGORIES: dict[str, tuple[str, str]] = {
    "national_senior": ("国家高级专业讲师", "national senior lecturer"),
    "model_trainer": ("示范企业优秀培训师", "model-enterprise trainer"),
    "skilled_technician": ("高技能专业技术人才", "highly skilled technician"),
}

TRAINEE_CATEGORIES: dict[str, tuple[str, str]] = {
    "regular": ("在岗职工", "employed worker"),
    "migrant": ("农民工", "migrant worker"),
    "in_difficulty": ("困难职工", "worker in difficulty"),
    "gig": ("新就业形态劳动者", "new-form (gig) worker"),
    "laid_off": ("下岗失业人员", "laid-off / unemployed"),
    "school_leaver": ("应届初中毕业生", "school leaver"),
}
