"""The sentences of the core's typed errors (trainer/errors.py): per error class, reason code →
(Chinese, English) template its parameters fill in. The errors keep only codes and parameters."""
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
