"""The sentence of each conflict (trainer/rules/conflicts.py), in Chinese and English: what a
training officer reads in the form, the calendar's tooltip and `trainer schedule check`.
rules/conflict_texts.py fills them in with the people, places and dates of the lessons."""
from __future__ import annotations

# code → (Chinese, English) title, for lists and filters
CONFLICT_TITLES: dict[str, tuple[str, str]] = {
    "lecturer_busy": ("讲师时间冲突", "lecturer double-booked"),
    "venue_busy": ("场地时间冲突", "venue double-booked"),
    "trainee_clash": ("学员时间冲突", "trainee in two lessons at once"),
    "not_qualified": ("讲师不讲授该主题", "lecturer not qualified for the theme"),
    "lecturer_unavailable": ("讲师不可授课", "lecturer unavailable"),
    "lecturer_not_offered": ("讲师该时段不授课", "lecturer does not teach then"),
    "outside_window": ("超出培训时间段", "outside the request's window"),
    "wrong_weekday": ("星期不符合需求", "weekday not requested"),
    "wrong_period": ("时段不符合需求", "time of day not requested"),
    "blackout_date": ("企业不可培训日期", "enterprise's blackout date"),
    "non_working_day": ("节假日或周末", "holiday or weekend"),
    "year_unknown": ("放假安排未确认", "holidays provisional"),
    "daily_hours": ("讲师超过每日学时", "lecturer over daily hours"),
    "weekly_hours": ("讲师超过每周学时", "lecturer over weekly hours"),
    "travel_gap": ("讲师转场时间不足", "not enough travel time"),
    "class_order": ("课次顺序颠倒", "lessons out of order"),
    "class_gap": ("同班课次间隔太近", "lessons of a class too close"),
    "venue_capacity": ("场地容量不足", "venue too small"),
}

# the pieces a sentence is made of
PIECES: dict[str, tuple[str, str]] = {
    "ref": ("{class_name}第{sequence}次课", "lesson {sequence} of {class_name}"),
    "ref_id": ("（课次 {id}）", " (#{id})"),
    "when_period": ("{day}{period}", "{day} {period}"),
    "when_time": ("{day}{time}", "{day} at {time}"),
    "unset_place": ("未定地点", "an unset place"),
    "the_class": ("该班", "the class"),
    "separator": ("、", ", "),
    "weekday_period": ("{weekday}{period}", "{weekday} {period}"),
    "trainees_named": ("学员{names}{more} {count} 人", "{count} trainee(s) ({names}{more})"),
    "trainees": ("{count} 名学员", "{count} trainee(s)"),
    "more_names": ("等", ", …"),
    "because": ("（{reason}）", " ({reason})"),
}

# code → (Chinese, English) sentence; the parameters are named in rules/conflict_texts.py
SENTENCES: dict[str, tuple[str, str]] = {
    "lecturer_busy": (
        "讲师{lecturer} {other_when}已在{other_place}上{other_ref}，不能同时在{place}上{ref}。",
        "Lecturer {lecturer} already teaches {other_ref} at {other_place} on {other_when}, so "
        "cannot teach {ref} at {place} at the same time."),
    "venue_busy": (
        "{other_place} {other_when}已安排{other_ref}，不能同时安排{ref}。",
        "{other_place} is already taken {other_when} by {other_ref}; {ref} cannot be held there "
        "at the same time."),
    "trainee_clash": (
        "{who}同时在{class_name}和{other_class}，两班 {when}都有课：{ref}与{other_ref}。",
        "{who} are in both {class_name} and {other_class}, which both have a lesson {when} "
        "({ref} and {other_ref})."),
    "not_qualified": (
        "讲师{lecturer}不讲授“{theme}”主题，不能上课程“{course}”的{ref}。",
        "Lecturer {lecturer} does not teach the theme “{theme}” and cannot take {ref}, course "
        "“{course}”."),
    "lecturer_unavailable": (
        "讲师{lecturer} {start} 至 {end} 不能授课{reason}，{ref}却安排在{when}。",
        "Lecturer {lecturer} cannot teach from {start} to {end}{reason}, but {ref} is on {when}."),
    "lecturer_not_offered": (
        "讲师{lecturer}只在{offered}授课，{ref}却安排在{when}。",
        "Lecturer {lecturer} teaches only on {offered}, but {ref} is on {when}."),
    "outside_window": (
        "{ref}安排在{date}，不在{who}培训需求的时间段 {start} 至 {end} 内。",
        "{ref} is on {date}, outside {who}'s requested window {start} to {end}."),
    "wrong_weekday": (
        "{ref}安排在{date}，{who}只能在{days}培训。",
        "{ref} is on {date}, but {who} can train only on {days}."),
    "wrong_period": (
        "{ref}安排在{when}，{who}只能在{periods}培训。",
        "{ref} is on {when}, but {who} can train only in the {periods}."),
    "blackout_date": (
        "{ref}安排在{date}，这一天{who}不能培训（已列为不可培训日期）。",
        "{ref} is on {date}, a day {who} cannot train (a blackout date)."),
    "non_working_day": (
        "{ref}安排在{date}，这一天是{day_name}，不是工作日。",
        "{ref} is on {date} ({day_name}), not a working day."),
    "year_unknown": (
        "{count} 个课次在此期间。{warning}",
        "{count} lesson(s) in that year. {warning}"),
    "daily_hours": (
        "讲师{lecturer} {date}共有 {hours} 小时课，超过每日最多 {limit} 小时。",
        "Lecturer {lecturer} has {hours} hours of lessons on {date}, more than the daily maximum "
        "of {limit}."),
    "weekly_hours": (
        "讲师{lecturer}在 {monday} 开始的一周共有 {hours} 小时课，超过每周最多 {limit} 小时。",
        "Lecturer {lecturer} has {hours} hours of lessons in the week of {monday}, more than the "
        "weekly maximum of {limit}."),
    "travel_gap": (
        "讲师{lecturer} {date} {end} 在{place}下课（{ref}），{start} 就要在{other_place}上课"
        "（{other_ref}），间隔 {gap} 分钟，少于路程所需的 {needed} 分钟。",
        "Lecturer {lecturer} finishes at {place} at {end} on {date} ({ref}) and must start at "
        "{other_place} at {start} ({other_ref}): {gap} minutes, less than the {needed} minutes "
        "the journey needs."),
    "class_order": (
        "{class_name}第{high}次课（{high_date}）排在第{low}次课（{low_date}）之前，课次顺序颠倒。",
        "Lesson {high} of {class_name} ({high_date}) comes before lesson {low} ({low_date}): out "
        "of order."),
    "class_gap_same_day": (
        "{class_name}第{low}次课和第{high}次课都在{date}，同一个班一天只能上一次课。",
        "Lessons {low} and {high} of {class_name} are both on {date}; a class has at most one "
        "lesson a day."),
    "class_gap": (
        "{class_name}第{low}次课（{low_date}）和第{high}次课（{high_date}）只相隔 {days} 天，"
        "至少应相隔 {minimum} 天。",
        "Lessons {low} ({low_date}) and {high} ({high_date}) of {class_name} are only {days} "
        "day(s) apart; they must be at least {minimum}."),
    "venue_capacity": (
        "{ref}：{class_name}有 {size} 人，{place}只能容纳 {capacity} 人。",
        "{ref}: {class_name} has {size} trainees but {place} holds only {capacity}."),
}
