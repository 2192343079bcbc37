"""The sentences of the core's typed errors (trainer/errors.py): per error class, reason code →
(Chinese, English) template its parameters fill in. The errors keep only codes and parameters:
those of trainer/errors.py and, below, of the errors raised elsewhere in the core (files,
imports, attendance and online-study rows, scheduling fields, the planner)."""
from __future__ import annotations


DATABASE_ERROR = {
    "too_new": ("数据库由更新版本的“课堂设在工厂”创建（版本 {revision}），本程序无法打开。请升级程序。",
                "This database was made by a newer version of Factory Classroom (revision "
                "{revision}); this program cannot open it. Please upgrade the program."),
    "not_ours": ("该文件不是“课堂设在工厂”的数据库：{detail}",
                 "This is not a Factory Classroom database: {detail}"),
    "unreachable": ("无法连接数据库：{detail}", "Cannot reach the database: {detail}"),
    "roles_denied": ("设置数据库角色需要数据库所有者且有创建角色权限（CREATEROLE）的账号：{detail}",
                     "Setting up the database roles needs the database owner's account with "
                     "CREATEROLE: {detail}"),
    "roles_sqlite": ("数据库角色只适用于 PostgreSQL 服务器；SQLite 数据库文件由文件权限保护。",
                     "Database roles are for a PostgreSQL server; a SQLite file is protected "
                     "by its file permissions."),
    "no_database": ("找不到数据库“{path}”：请检查路径是否输错。要新建数据库，请用 trainer init"
                    "（或 trainer demo），或加上 --create。",
                    "There is no database at “{path}”: check the path for typing errors. To "
                    "make a new database use trainer init (or trainer demo), or add --create."),
    "connection_lost": ("与数据库的连接已断开，本次操作未保存（已撤销），请检查网络后重试：{detail}",
                        "The connection to the database was lost; nothing of this operation "
                        "was saved. Check the network and try again: {detail}"),
    "busy": ("数据库正被另一个程序写入，请稍后再试：{detail}",
             "Another program is writing to the database; try again in a moment: {detail}"),
    "bad_url": ("数据库地址无效：{detail}", "Invalid database URL: {detail}"),
    "read_only": ("数据库只能读取、不能写入（文件或磁盘是只读的），本次修改未保存；查看不受影响：{detail}",
                  "The database can be read but not written (a read-only file or disk); "
                  "this change was not saved, reading still works: {detail}"),
    "disk_full": ("数据库所在磁盘已满，本次修改未保存（已撤销）。请清理磁盘后重试：{detail}",
                  "The database's disk is full; this change was not saved (undone). Free "
                  "some space and try again: {detail}"),
}


PDF_ERROR = {
    "font_postscript": ("字体“{path}”是 PostScript 轮廓（CFF）的 OpenType 字体，本程序无法把这种字体嵌入 PDF。"
                        "请选择 TrueType 字体（.ttf 或 .ttc），例如宋体、黑体、楷体、文泉驿微米黑。",
                        "The font “{path}” is an OpenType font with PostScript (CFF) outlines, "
                        "which ReportLab cannot embed. Choose a TrueType font (.ttf or .ttc), "
                        "e.g. SimSun, SimHei, KaiTi or WenQuanYi Micro Hei."),
    "font_missing": ("找不到字体文件“{path}”。", "The font file “{path}” does not exist."),
    "font_unreadable": ("字体文件“{path}”无法读取：{detail}", "Cannot read the font file “{path}”: {detail}"),
    "font_no_chinese": ("字体“{path}”不含汉字，无法用于中文文档。",
                        "The font “{path}” has no Chinese characters."),
    "font_fallback": ("未找到可嵌入的中文 TrueType 字体，改用 PDF 标准字体 STSong-Light："
                      "该字体不嵌入 PDF，在没有该字体的电脑上可能显示或打印不正确。{detail}",
                      "No embeddable Chinese TrueType font was found; using ReportLab's built-in "
                      "STSong-Light, which is not embedded in the PDF and may not show or print "
                      "correctly on other computers. {detail}"),
    "font_setting_unusable": ("设置中的字体无法使用，已改用“{used}”：{detail}",
                              "The font in the settings cannot be used; using “{used}” "
                              "instead: {detail}"),
    "char_missing": ("“{text}”中的字 {chars} 在本机所有字体中都没有，打印出来会是空白。"
                     "请安装含该字的字体（如 Windows 的 SimSun-ExtB、Linux 的花园明朝 HanaMin），"
                     "或在设置中选择这样的字体。",
                     "“{text}”: the character {chars} is in no font on this computer and "
                     "prints blank. Install a font that has it (SimSun-ExtB on Windows, "
                     "HanaMin on Linux) or choose one in the settings."),
    "cancelled": ("已取消，未保存文件。", "Cancelled; no file was saved."),
    "image_unreadable": ("图片“{path}”无法读取：{detail}", "Cannot read the image “{path}”: {detail}"),
    "nothing_to_print": ("没有可打印的内容：{detail}", "Nothing to print: {detail}"),
    "online_no_signin": ("第 {sequence} 次课是线上课（{platform}），不用签到表：线上学习以平台导出的"
                         "学习时长为准（考勤页“导入线上学时”）。",
                         "Lesson {sequence} is an online lesson ({platform}) and has no "
                         "sign-in sheet: online study counts from the platform's export "
                         "(Attendance page, Import online hours)."),
}


CERTIFICATE_ERROR = {
    "no_one_eligible": ("培训班“{cohort}”没有符合条件的学员可发{kind}。",
                        "No trainee of class “{cohort}” qualifies for a {kind}."),
    "not_eligible": ("{name} 不符合发证条件：{reason}", "{name} does not qualify: {reason}"),
    "already_revoked": ("证书 {number} 已于 {when} 作废。", "Certificate {number} was revoked on {when}."),
    "revoked_by": ("证书 {number} 已于 {when} 被 {who} 作废（原因：{why}），未再次作废。",
                   "Certificate {number} was revoked by {who} on {when} (reason: {why}); "
                   "not revoked again."),
    "reason_required": ("请填写作废原因。", "Give a reason for revoking."),
    "template_placeholder": ("模板中的“{{{name}}}”不是可用的占位符；可用：{allowed}",
                             "“{{{name}}}” in the template is not a placeholder; use one of: {allowed}"),
    "number_format": ("证书编号格式无效：{detail}", "Invalid certificate number format: {detail}"),
    "seal_not_png": ("印章图片应为 PNG（最好带透明背景）：{detail}",
                     "The seal image must be a PNG (ideally with a transparent background): {detail}"),
    "busy": ("另一位同事正在为同一单位发证，本次未发出任何证书，请稍后再试。",
             "Someone else is issuing certificates for this office right now; nothing was "
             "issued. Try again in a moment."),
    "no_key": ("本单位还没有证书签名密钥。请管理员在“设置 → 证书签名密钥”中创建。",
               "The office has no certificate signing key yet. An administrator creates one "
               "in Settings → Certificate signing key."),
    "key_exists": ("本单位已有证书签名密钥（指纹 {fingerprint}）；更换密钥请选择“更换”。",
                   "The office already has a signing key (fingerprint {fingerprint}); choose "
                   "“replace” to change it."),
    "key_passphrase": ("签名密钥口令不正确。", "The signing key's passphrase is wrong."),
    "key_passphrase_short": ("签名密钥口令至少 {minimum} 个字符。",
                             "The signing key's passphrase needs at least {minimum} characters."),
    "key_file_missing": ("本机没有签名密钥文件（指纹 {fingerprint}）：{path}（{detail}）。"
                         "请导入管理员导出的密钥文件。",
                         "This computer has no key file for the signing key (fingerprint "
                         "{fingerprint}): {path} ({detail}). Import the key file the "
                         "administrator exported."),
    "key_mismatch": ("密钥文件 {path} 不是本单位当前的签名密钥（指纹应为 {fingerprint}）。",
                     "The key file {path} is not the office's current signing key (expected "
                     "fingerprint {fingerprint})."),
    "public_key_file": ("无法读取公钥文件 {path}：{detail}", "Cannot read the public key file {path}: {detail}"),
    "changed_since_issue": ("证书 {number} 签发后持证人信息已变更（{fields}），请先补发再打印。",
                            "The holder's record of certificate {number} changed after issue "
                            "({fields}); reissue it before printing."),
}


ENROLMENT_ERROR = {
    "class_full": ("培训班“{cohort}”名额不足：容量 {capacity} 人，已报名 {taken} 人，还剩 {free} 个"
                   "名额，本次要报名 {wanted} 人。",
                   "Class “{cohort}” has too few places: capacity {capacity}, {taken} enrolled, "
                   "{free} places left, {wanted} to enrol."),
    "class_cancelled": ("培训班“{cohort}”已取消，不能报名或转入。",
                        "Class “{cohort}” is cancelled; nobody can enrol or transfer into it."),
    "not_enrolled": ("{trainee}不在培训班“{cohort}”中。", "{trainee} is not in class “{cohort}”."),
    "not_active": ("{trainee}在培训班“{cohort}”中的状态为“{status}”，不能转班或退出。",
                   "{trainee} is “{status}” in class “{cohort}” and cannot transfer or withdraw."),
    "same_class": ("转出和转入的是同一个培训班“{cohort}”。",
                   "“{cohort}” is both the class to leave and the class to join."),
    "transfer_course": ("只能在同一课程的培训班之间转班：“{source}”是{source_course}，“{target}”"
                        "是{target_course}。",
                        "Transfers are between classes of one course: “{source}” is "
                        "{source_course}, “{target}” is {target_course}."),
    "refused": ("{trainee}不能转入培训班“{cohort}”：{why}",
                "{trainee} cannot join class “{cohort}”: {why}"),
}


ATTENDANCE_ERROR = {
    "lesson_cancelled": ("第 {sequence} 次课（{date}）已取消，不能记录考勤。",
                         "Lesson {sequence} ({date}) is cancelled; attendance cannot be recorded."),
    "lesson_in_future": ("第 {sequence} 次课在 {date}，尚未上课，不能记录考勤。",
                         "Lesson {sequence} is on {date}, not held yet; attendance cannot be "
                         "recorded."),
    "not_in_class": ("{trainee}不在培训班“{cohort}”中，不能记录其考勤。",
                     "{trainee} is not in class “{cohort}”; their attendance cannot be recorded."),
    "feedback_not_in_class": ("{trainee}不在培训班“{cohort}”中，不能以学员身份评价。",
                              "{trainee} is not in class “{cohort}” and cannot give trainee "
                              "feedback on it."),
}


AUTHENTICATION_ERROR = {
    "wrong_password": ("用户名或密码不正确。", "Wrong user name or password."),
    "wrong_password_locked": ("用户名或密码不正确。连续失败 {attempts} 次，账号已锁定到 {until}。",
                              "Wrong user name or password. After {attempts} failed attempts "
                              "the account is locked until {until}."),
    "locked": ("账号已锁定到 {until}（多次输错密码），请到时再试或请管理员解锁。",
               "The account is locked until {until} after repeated wrong passwords; try "
               "again then, or ask an administrator to unlock it."),
    "disabled": ("账号“{username}”已停用，请联系管理员。",
                 "The account “{username}” is disabled; ask an administrator."),
    "token_invalid": ("登录令牌无效或已被注销，请重新登录（trainer login）。",
                      "The login token is invalid or was revoked; log in again (trainer login)."),
    "token_expired": ("登录令牌已于 {when} 过期，请重新登录（trainer login）。",
                      "The login token expired at {when}; log in again (trainer login)."),
    "need_password": ("请为用户“{username}”提供密码（环境变量 TRAINER_PASSWORD）。",
                      "Give the password of “{username}” (environment variable "
                      "TRAINER_PASSWORD)."),
    "choose_office": ("多个工会都有用户“{username}”，请指定工会。",
                      "Several offices have a user “{username}”; choose the office."),
}


ACCOUNT_ERROR = {
    "password_short": ("密码至少需要 {min} 个字符。", "A password needs at least {min} characters."),
    "password_long": ("密码最多 {max} 个字符。", "A password may have at most {max} characters."),
    "username_invalid": ("用户名应为 1–50 个字符，不含空格。",
                         "A user name has 1–50 characters and no spaces."),
    "username_taken": ("用户名“{username}”已存在。", "The user name “{username}” is taken."),
    "unknown_role": ("角色应为以下之一：{roles}", "The role must be one of: {roles}"),
    "first_user_admin": ("第一个用户必须是管理员。", "The first user must be an administrator."),
    "last_admin": ("“{username}”是最后一个可用的管理员，不能停用或降级。",
                   "“{username}” is the last active administrator and cannot be disabled "
                   "or given another role."),
    "users_exist": ("已有用户，不能再创建初始管理员；请由管理员登录后添加用户。",
                    "Users exist already; an administrator adds further users after logging in."),
    "unknown_user": ("找不到用户“{username}”。", "No user “{username}”."),
    "token_days": ("令牌有效期应为 1–{max} 天（设置 security.token_days）。",
                   "A token is valid for 1–{max} days (setting security.token_days)."),
    "unknown_token": ("用户“{username}”没有编号为 {id} 的令牌。",
                      "The user “{username}” has no token {id}."),
    "not_locked": ("用户“{username}”没有被锁定，无需解锁。",
                   "The user “{username}” is not locked; there was nothing to unlock."),
}


BACKUP_ERROR = {
    "missing": ("找不到备份文件“{path}”。", "The backup file “{path}” does not exist."),
    "damaged": ("备份文件“{path}”已损坏，不能恢复：{detail}。当前数据库未改动。",
                "The backup file “{path}” is damaged and cannot be restored: {detail}. The "
                "current database was not touched."),
    "not_ours": ("文件“{path}”不是“课堂设在工厂”的数据库备份：{detail}。当前数据库未改动。",
                 "“{path}” is not a Factory Classroom backup: {detail}. The current database "
                 "was not touched."),
    "too_new": ("备份“{path}”由更新版本的程序创建（版本 {revision}），请先升级程序。",
                "The backup “{path}” was made by a newer version of the program (revision "
                "{revision}); upgrade the program first."),
    "not_a_file": ("只能备份数据库文件；当前数据库是 {what}。",
                   "Only database files can be backed up this way; this database is {what}."),
    "same_file": ("不能用数据库自身恢复自身：“{path}”。",
                  "A database cannot be restored from itself: “{path}”."),
    "pg_tools_missing": ("找不到 PostgreSQL 工具 {tool}。请安装 PostgreSQL 客户端（Debian/Ubuntu："
                         "安装 postgresql-client 软件包；Windows：安装 PostgreSQL 时选中"
                         "“Command Line Tools”），版本不低于服务器，并把它的 bin 目录加入 PATH。",
                         "The PostgreSQL tool {tool} was not found. Install the PostgreSQL "
                         "client (Debian/Ubuntu: sudo apt install postgresql-client; Windows: "
                         "the Command Line Tools of the PostgreSQL installer), at least the "
                         "server's version, and put its bin folder on PATH."),
    "pg_failed": ("{tool} 失败：{detail}", "{tool} failed: {detail}"),
    "no_users": ("备份“{path}”中没有任何用户，而当前数据库有 {current} 个用户：恢复它会取消所有权限控制，"
                 "因此不予恢复。当前数据库未改动。",
                 "The backup “{path}” has no users while the current database has {current}: "
                 "restoring it would lift every access control, so it is refused. The current "
                 "database was not touched."),
    "control_character": ("备份“{path}”中{what_zh}含控制字符（第 {place} 个字符，{code}），"
                          "不能恢复。当前数据库未改动。",
                          "The backup “{path}” holds a control character in {what_en} "
                          "(character {place}, {code}), so it cannot be restored. The current "
                          "database was not touched."),
    "superuser": ("恢复不能使用 PostgreSQL 超级用户连接（{user}）：请用数据库所有者的普通账号连接后再恢复"
                  "（该账号须是数据库的所有者，例如用 createdb -O 创建的数据库）。当前数据库未改动。",
                  "A restore does not run on a PostgreSQL superuser connection ({user}): connect "
                  "as the database's owner, an ordinary account (e.g. createdb -O union xinyu "
                  "and the user union in the URL), then restore. The current database was not "
                  "touched."),
}


PROGRAMME_ERROR = {
    "has_enrolments": ("培训项目“{name}”已有 {count} 人报名，不能再改变地点、起始月份、月数、开班数或等级。",
                       "Programme “{name}” has {count} enrolments: its venue, start month, "
                       "months, classes and levels can no longer change."),
    "over_size": ("班级 {code} 已有 {count} 人报名，培训项目“{name}”的班级人数不能改为 {size} 人。",
                  "Class {code} has {count} trainees enrolled: programme “{name}” cannot have "
                  "classes of {size}."),
    "level_unknown": ("培训项目“{name}”没有“{level}”等级（有：{levels}）。",
                      "Programme “{name}” has no level “{level}” (it has: {levels})."),
    "too_many_classes": ("各等级每月开班数之和（{given}）超过每月开班数（{total}）。",
                         "The levels' classes a month ({given}) exceed the programme's "
                         "classes a month ({total})."),
    "outdated": ("预览之后培训项目“{name}”的报名情况已有变动，请重新预览。",
                 "Programme “{name}” changed after the preview: preview again."),
}


# trainer/scheduling/proposal.py: ProposalOutdatedError
PROPOSAL_OUTDATED_ERROR = {
    "outdated": ("排课方案生成后数据已有变动（课次、培训需求、讲师或日历），请重新生成方案",
                 "the schedule changed after this proposal was made (lessons, requests, "
                 "lecturers or the calendar): make a new proposal"),
}


# trainer/services/online_study.py: OnlineRowError
ONLINE_ROW_ERROR = {
    "need_person": ("没有姓名也没有身份证号", "has neither a name nor an ID number"),
    "not_in_class": ("“{value}”不是本班学员", "“{value}” is not a trainee of this class"),
    "ambiguous_name": ("“{value}”在本班有 {count} 人（{tails}），请在文件中写明身份证号",
                       "“{value}” is the name of {count} trainees of this class ({tails}); "
                       "give the ID number in the file"),
    "ambiguous_id": ("“{value}”与本班 {count} 人的身份证号相符，请写明姓名或完整号码",
                     "“{value}” fits the ID numbers of {count} trainees of this class; give "
                     "the name or the whole number"),
    "name_mismatch": ("“{value}”与身份证号对应的学员“{expected}”不符",
                      "“{value}” is not {expected}, the trainee with that ID number"),
    "masked_id": ("“{value}”看不出是哪位学员（隐藏的位数太多）",
                  "“{value}” shows too few digits to tell the trainee"),
    "duration_format": ("“{value}”无法识别（应写成 90、1.5小时、1小时30分或 01:30:00）",
                        "“{value}” cannot be read (write 90, 1.5 h, 1小时30分 or "
                        "01:30:00)"),
    "duration_unit": ("“{value}”没有单位，列名“{header}”也没写明（小时）还是（分钟）",
                      "“{value}” has no unit, and the column “{header}” does not say "
                      "(hours) or (minutes)"),
    "duration_range": ("“{value}”超出范围（0 到 2000 小时）",
                       "“{value}” is out of range (0 to 2,000 hours)"),
}


# trainer/services/attendance_rows.py: AttendanceRowError
ATTENDANCE_ROW_ERROR = {
    "no_lesson": ("“{value}”不存在", "“{value}” does not exist"),
    "no_lesson_on_date": ("{date} 没有该学员所在班级的课", "has no lesson of the trainee's "
                          "classes on {date}"),
    "several_lessons": ("{date} 有多个课次（课次ID {lessons}），请写明课次ID或班级",
                        "{date} has several lessons (ids {lessons}); give the lesson id or "
                        "the class"),
    "unknown_class": ("培训班“{value}”不存在", "class “{value}” does not exist"),
    "unknown_trainee": ("找不到“{value}”对应的学员", "“{value}” matches no trainee"),
    "ambiguous_trainee": ("“{value}”对应多名学员：{names}", "“{value}” matches several "
                          "trainees: {names}"),
    "not_in_class": ("{trainee}不在培训班“{cohort}”中", "{trainee} is not in class “{cohort}”"),
    "name_mismatch": ("“{value}”与编号/身份证号对应的姓名“{expected}”不符",
                      "“{value}” is not {expected}, the name of that code/ID number"),
    "lesson_cancelled": ("第 {sequence} 次课（{date}）已取消", "lesson {sequence} ({date}) "
                         "is cancelled"),
    "need_class": ("只凭身份证后几位或姓名找人时，需写明课次ID或班级",
                   "to find a trainee by an ID tail or a name, give the lesson id or the "
                   "class"),
    "need_lesson": ("需写明课次ID，或班级加课次/日期，或日期",
                    "give the lesson id, or the class with the lesson number or date, or "
                    "the date"),
    "need_trainee": ("需写明签到码、身份证号或姓名", "give the code, ID number or name"),
    "repeats": ("与第 {row} 行重复", "repeats row {row}"),
}


# trainer/files.py: OutputError
OUTPUT_ERROR = {
    "disk_full": ("磁盘空间不足，无法写入“{path}”。原有文件未改动；请清理磁盘或换一个位置后重试。",
                  "The disk is full: “{path}” could not be written. Any existing file was "
                  "left as it was; free some space or choose another place and try again."),
    "read_only": ("“{path}”所在位置是只读的（或没有写入权限），无法写入。请换一个位置保存。",
                  "“{path}” is on a read-only disk or in a folder you may not write to. "
                  "Choose another place."),
    "locked": ("文件“{path}”正被另一个程序（例如 Excel 或 PDF 阅读器）打开，无法替换。请关闭它后重试。",
               "The file “{path}” is open in another program (such as Excel or a PDF "
               "reader) and cannot be replaced. Close it and try again."),
    "no_folder": ("文件夹“{path}”不存在，也无法创建。", "The folder “{path}” does not exist "
                  "and cannot be made."),
    "is_folder": ("“{path}”是一个文件夹，不是文件：请给出要写入的文件名。",
                  "“{path}” is a folder, not a file: give the name of the file to write."),
    "failed": ("无法写入“{path}”：{detail}", "Cannot write “{path}”: {detail}"),
}


# trainer/files.py: FileAccessError
FILE_ACCESS_ERROR = {
    "is_folder": ("“{path}”是一个文件夹，不是文件。", "“{path}” is a folder, not a file."),
    "not_folder": ("“{path}”中有一段不是文件夹。", "A part of “{path}” is not a folder."),
    "missing": ("找不到“{path}”。", "“{path}” does not exist."),
    "denied": ("没有读写“{path}”的权限。", "You may not read or write “{path}”."),
    "failed": ("无法使用“{path}”：{detail}", "Cannot use “{path}”: {detail}"),
    "system": ("系统错误：{detail}", "System error: {detail}"),
}


# trainer/rules/calendar.py: ScheduleFieldError
SCHEDULE_FIELD_ERROR = {
    "time_format": ("“{value}”不是有效时间（应为 HH:MM）", "“{value}” is not a valid time (HH:MM)"),
    "periods_overlap": ("中{first}和{second}时间重叠", "overlap: {first} and {second}"),
    "has_classes": ("已分成 {count} 个培训班，不能再分班", "already has {count} class(es)"),
    "cannot_change": ("不能更改", "cannot be changed"),
    "too_late": ("{value} 开始的课次会超过午夜", "{value} is too late: the lesson would pass midnight"),
    "online_venue": ("不能用于线上课（线上课不占教室）",
                     "cannot be given to an online lesson (it takes no room)"),
}


# trainer/io/bounds.py: FileTooBigError
ROW_ERROR = {"duplicate_in_file": ("与第 {row} 行重复", "repeats row {row}")}  # trainer/io/importing.py: RowError


FILE_TOO_BIG_ERROR = {
    "too_big": ("文件“{path}”超出导入上限：{what}为 {value}，上限为 {limit}。请把名单拆成几个文件"
                "分别导入。",
                "File “{path}” is beyond the import's limits: {what} is {value}, the limit "
                "is {limit}. Split the list into several files and import them one by one."),
    "ratio": ("文件“{path}”中的“{part}”解压后比压缩时大 {value} 倍以上（上限 {limit} 倍），不像"
              "办公软件保存的表格，已拒绝。",
              "Part “{part}” of file “{path}” inflates more than {value} times (limit "
              "{limit}): not a spreadsheet an office suite saved; refused."),
}


# trainer/io/reading.py: ImportFileError
IMPORT_FILE_ERROR = {
    "not_found": ("找不到文件“{path}”。", "File “{path}” not found."),
    "unreadable": ("无法读取文件“{path}”：{detail}", "Cannot read file “{path}”: {detail}"),
    "format": ("“{path}”不是 Excel（.xlsx/.xls）、WPS/LibreOffice（.ods）或 CSV 文件。",
               "“{path}” is not an Excel (.xlsx/.xls), OpenDocument (.ods) or CSV file."),
    "encrypted": ("文件“{path}”设有密码，请在 Excel 中取消密码后另存再导入。",
                  "File “{path}” is password-protected; remove the password in Excel, save "
                  "and import again."),
    "sheet": ("文件中没有工作表“{sheet}”。本文件的工作表：{sheets}。",
              "The file has no sheet “{sheet}”. Its sheets: {sheets}."),
    "empty": ("文件“{path}”中没有数据。", "File “{path}” holds no data."),
    "no_header": ("在前 {rows} 行中找不到表头（如“{example}”），请指定列的对应关系。"
                  "本文件的工作表：{sheets}；可以选择其他工作表（命令行用 --sheet）。",
                  "No header row (such as “{example}”) in the first {rows} rows; map the "
                  "columns by hand. The file's sheets: {sheets}; choose another sheet "
                  "(--sheet on the command line)."),
    "bad_mapping": ("列对应关系无效：{detail}", "Invalid column mapping: {detail}"),
    "unknown_enterprise": ("企业“{name}”不存在，请先添加该企业。",
                           "Enterprise “{name}” does not exist; add it first."),
    "write_failed": ("写入数据库失败，未导入任何数据：{detail}",
                     "Writing to the database failed; nothing was imported: {detail}"),
    "cancelled": ("导入已取消，未写入任何数据。", "Import cancelled; nothing was written."),
    "bad_value_map": ("值的对应关系无效：{detail}", "Invalid value mapping: {detail}"),
}
