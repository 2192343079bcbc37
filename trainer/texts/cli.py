"""What the command line prints (trainer/cli/): key → (Chinese, English)."""
from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # lists, imports, records
    "row": ("第 {row} 行：", "row {row}: "),
    "accepted_rejected": ("通过检查 {accepted} 行，退回 {rejected} 行",
                          "accepted {accepted}, rejected {rejected}"),
    "rejects_file": ("退回的行：{path}", "rejects: {path}"),
    "imported": ("新增 {created}，更新 {updated}，跳过 {skipped}",
                 "created {created}, updated {updated}, skipped {skipped}"),
    "attendance_imported": ("新增 {created}，更新 {updated}，未变 {unchanged}",
                            "created {created}, updated {updated}, unchanged {unchanged}"),
    "dry_run": ("试运行：未写入任何数据", "dry run: nothing written"),
    # online study hours (trainer/cli/online.py)
    "online_entry": ("第 {rows} 行 {name}：{hours} 学时{was}", "row {rows} {name}: {hours} h{was}"),
    "online_was": ("（原 {hours} 学时）", " (was {hours} h)"),
    "online_counts": ("接受 {accepted} 人，拒绝 {refused} 行",
                      "accepted {accepted}, refused {refused}"),
    "online_recorded": ("已记录 {count} 人的线上学习时长",
                        "recorded online study time of {count} trainee(s)"),
    "head_online": ("线上学时", "online h"),
    "deleted": ("已删除", "deleted"),
    "version": ("版本：{version}", "version: {version}"),
    "default_union": ("工会", "Trade union"),
    # enrolment
    "refused": ("未报名：", "refused: "),
    "list_enrolled": ("名单：新增学员 {created}，已有学员 {known}，退回 {rejected} 行",
                      "list: {created} new trainees, {known} known, {rejected} rows rejected"),
    "no_enterprise": ("企业“{name}”不存在", "no enterprise “{name}”"),
    "enrolled": ("{cohort}：报名 {enrolled} 人，已在班 {already} 人，未报名 {refused} 人，剩余名额 {left}",
                 "{cohort}: enrolled {enrolled}, already in {already}, refused {refused}, places "
                 "left {left}"),
    "transferred": ("{name}:{source} → {target}，{since} 起",
                    "{name}: {source} → {target} from {since}"),
    "withdrew": ("{name} 已退出 {cohort}", "{name} withdrew from {cohort}"),
    "no_trainee": ("找不到学员“{ref}”（可输入姓名、拼音首字母、身份证号后几位或编号）",
                   "no trainee matches “{ref}” (give a name, pinyin initials, the last digits "
                   "of the ID number or the id)"),
    "several_trainees": ("“{ref}”对应多名学员，请输入更完整的姓名或身份证号，或用编号（如 {example}）：\n"
                         "{names}{more}",
                         "“{ref}” matches several trainees; type more of the name or ID number, "
                         "or give the id (e.g. {example}):\n{names}{more}"),
    "more_trainees": ("\n  ……（还有更多）", "\n  … (and more)"),
    "not_enrolled": ("未报名：", "not enrolled: "),
    "all_matching_empty": ("--all-matching 需要查询词", "--all-matching needs a query"),
    "list_names_nobody": ("名单“{path}”中没有姓名或身份证号", "the list “{path}” names nobody"),
    "trainee_record": ("一人一档：{who}", "trainee record: {who}"),
    # attendance
    "filled_present": ("，全勤填充 {filled} 人", ", {filled} filled in present"),
    "roll": ("第 {sequence} 次课 {date}：出勤 {present}，迟到 {late}，请假 {excused}，缺勤 {absent}，"
             "未记录 {unrecorded}{extra}",
             "lesson {sequence} {date}: present {present}, late {late}, excused {excused}, "
             "absent {absent}, not recorded {unrecorded}{extra}"),
    "head_code": ("签到码", "code"),
    "head_name": ("姓名", "name"),
    "head_id": ("身份证", "ID"),
    # results
    "pass": ("合格", "pass"),
    "fail": ("不合格", "fail"),
    "yes": ("是", "yes"),
    "no": ("否", "no"),
    "head_enterprise": ("企业", "enterprise"),
    "head_attended": ("出勤", "attended"),
    "head_score": ("成绩", "score"),
    "head_completes": ("结业", "completes"),
    "head_why_not": ("原因", "why not"),
    "head_class": ("班级", "class"),
    "head_course": ("课程", "course"),
    "head_from": ("开班", "from"),
    "head_certificate": ("证书", "certificate"),
    "revoked_mark": ("（已作废）", " (revoked)"),
    "completion": ("{cohort}:{completing}/{trainees} 人结业；课次：已上 {held}，未上 {upcoming}，取消 "
                   "{cancelled}",
                   "{cohort}: {completing} of {trainees} complete; lessons: {held} held, "
                   "{upcoming} to come, {cancelled} cancelled"),
    "unrecorded": ("注意：第 {lessons} 次课尚未录入考勤",
                   "note: no attendance typed in for lesson(s) {lessons}"),
    "history_total": ("共 {classes} 个班，结业 {completed} 个，出勤 {hours:.1f} 小时",
                      "{classes} classes, {completed} completed, {hours:.1f} hours attended"),
    # schedule, planner
    "locked": ("锁定", "locked"),
    "conflicts_mark": ("冲突 {n}", "{n} conflict(s)"),
    "note": ("提示：", "note: "),
    "conflicts_found": ("发现 {n} 个冲突", "{n} conflict(s)"),
    "head_class_code": ("编号", "code"),
    "head_class_name": ("培训班", "class"),
    "head_size": ("人数", "size"),
    "head_lessons": ("课次", "lessons"),
    "head_lesson": ("课次", "lesson"),
    "head_version": ("版本", "version"),
    "head_date": ("日期", "date"),
    "head_period": ("时段", "period"),
    "head_time": ("时间", "time"),
    "head_lecturer": ("讲师", "lecturer"),
    "head_place": ("地点", "place"),
    "not_moved": ("未移动：", "Not moved:"),
    "not_changed": ("未更改：", "Not changed:"),
    "planned": ("已排 {placed}，未排 {unplaced}（共 {total} 个课次）；新建培训班 {classes}，新增课次 "
                "{new_lessons}，调整课次 {moved}",
                "placed {placed}, unplaced {unplaced} (of {total} lessons); new classes "
                "{classes}, new lessons {new_lessons}, moved {moved}"),
    "method": ("方法：{method}", "method: {method}"),
    "not_placed": ("未排课次：", "Not placed:"),
    "moved": ("调整：", "Moved:"),
    "added": ("新增：", "Added:"),
    "lesson_number": ("第{sequence}次", "#{sequence}"),
    "plan_saved": ("已保存：新建培训班 {classes}，新增课次 {added}，调整课次 {moved}，需求标记为已排班 "
                   "{requests}",
                   "saved: {classes} classes, {added} lessons added, {moved} moved, {requests} "
                   "requests marked planned"),
    # errors of the program itself
    "internal_error": ("程序内部错误（{kind}），不是数据的问题。", "internal error ({kind}), not a "
                       "problem of the data."),
    "internal_error_log": ("详情已记入 {path}", " The details are in {path}"),
    # open-recruitment programmes (trainer/cli/programmes.py)
    "programme_made": ("培训项目 {id}：{name}", "programme {id}: {name}"),
    "programme_classes": ("班级：{codes}", "classes: {codes}"),
    "programme_planned": ("已排课 {added} 次，未能安排 {unplaced} 次",
                          "lessons planned {added}, not placed {unplaced}"),
    "programme_heads": ("编号|名称|开始月份|月数|班数|每班人数|已报名/名额|等级",
                        "id|name|start|months|classes|size|enrolled/places|levels"),
    "programme_anyone": ("不限", "anyone"),
    "programme_where": ("地点：{venue}；{year}年{month}月起 {months} 个月，每月 {per_month} 个班，"
                        "每班 {size} 人；招收：{categories}",
                        "venue: {venue}; from {year}-{month:02d}, {months} months, {per_month} "
                        "classes a month of {size}; takes: {categories}"),
    "programme_level": ("  {level}：{course}，每月 {per_month} 班，合格线 {mark}，证书等级 {grade}",
                        "  {level}: {course}, {per_month} a month, pass mark {mark}, "
                        "certificate grade {grade}"),
    "programme_class_heads": ("班级|等级|月份|已报名/名额|课次", "class|level|month|enrolled/places|lessons"),
    "programme_total": ("合计：已报名 {enrolled} 人，名额 {places} 个",
                        "total: enrolled {enrolled} of {places} places"),
    "programme_enrolled_refused": ("报名 {enrolled} 人，未录取 {refused} 人",
                                   "enrolled {enrolled}, refused {refused}"),
    "programme_by_level": ("  {level}：{count} 人", "  {level}: {count}"),
    "programme_written": ("新建学员 {created} 人，编入 {classes} 个班",
                          "new trainees {created}, placed in {classes} classes"),
    "programme_level_set": ("{code} {name}：{level}", "{code} {name}: {level}"),
}
