"""The Chinese help of the programme, schedule, trust and audit commands: the second half of
trainer/texts/cli_help.HELP (English help text → Chinese), kept apart to keep modules short."""
from __future__ import annotations

HELP: dict[str, str] = {
    'Exit codes: 3 applicants refused (the others enrolled unless --dry-run); 2 bad arguments '
    'or an unreadable file.':
        '退出码：3 有报名人员未录取（除非 --dry-run，其他人已报名）；2 参数错误或文'
        '件无法读取。',
    'make a programme, its classes and lessons': '新建培训项目及其培训班和课次',
    'list programmes': '列出培训项目',
    'a programme, its levels and classes': '显示一个培训项目的等级和培训班',
    "enrol the applicants' list (报名表)": '导入报名表并报名',
    "set a trainee's level in a class": '设置学员在培训班中的等级',
    "the first level's course (title or id)": '第一个等级的课程（名称或编号）',
    "the first level's name (default 初级)": '第一个等级的名称（默认 初级）',
    'another level and its course, e.g. 等级提升=母婴护理师（等级提升）': '另一个等级及其课程，例如 等级提升=母婴护理师（等级提升）',
    'classes a month of a level (default: 1 for each further level, the rest for the first)':
        '某一等级每月开班数（默认：其后每个等级 1 个，其余归第一个等级）',
    "the exam's pass mark of a level (default: its course's)": '某一等级考试的合格分数（默认：其课程的合格分数）',
    "what the level's certificates show (default: the level's name)": '该等级证书上印的等级（默认：等级名称）',
    'venue or training centre (name or id)': '培训地点或培训中心（名称或编号）',
    'categories taken, comma-separated (下岗失业人员,困难职工,…); default anyone':
        '招收的人员类别，用逗号或顿号分隔（下岗失业人员、困难职工……）；默认不限',
    'make the classes only, no lessons': '只建培训班，不排课',
    'id or name': '编号或名称',
    '.xlsx/.xls/.ods/.csv': '.xlsx/.xls/.ods/.csv',
    'decide and print; write nothing': '判定并打印，不写入',
    'save the refused rows with reasons': '把未录取的行连同原因另存',
    'sheet name (default: the first with a header)': '工作表名称（默认：第一个有表头的工作表）',
    'class code or id': '班级代码或编号',
    'trainee id': '学员编号',
    "the enrolment's version you saw": '您看到的报名记录版本号',
    'change a programme (what is given)': '修改培训项目（只改给出的选项）',
    'the version `programme show` printed: refused (exit 1) when someone changed the programme '
    'since': 'trainer programme show 显示的版本号：若此后有人修改过该培训项目则拒绝（退出码 1）',
    'categories taken, comma-separated; "" for anyone': '招收的人员类别，用逗号或顿号分隔；给 "" 表示不限',
    'Scheduling: split a training request into classes, list and move lessons (every change '
    'goes through the conflict rules), check the whole schedule, export .ics calendars and '
    'the schedule workbook.':
        '排课：把培训需求分成培训班，列出和调整课次（每次改动都经过冲突规则检查），检查整个课表，'
        '导出 .ics 日历和课表工作簿。',
    'Exit codes: 4 when `check` finds a conflict or the rules refuse a `move`.':
        '退出码：trainer schedule check 发现冲突，或冲突规则拒绝调课时为 '
        '4。',
    'list every conflict; exit 4 if any': '列出所有冲突；有冲突时退出码为 4',
    'split a training request into classes': '把培训需求分成培训班',
    'list lessons, by date and time': '按日期和时间列出课次',
    'move a lesson to another date and period': '把课次调到另一天或另一时段',
    'cancel a lesson (kept; calendar files send it as cancelled)': '取消课次（保留记录；日历文件中标为已取消）',
    'write an .ics calendar file': '写出 .ics 日历文件',
    'write the schedule to Excel (.xlsx)': '把课表写入 Excel（.xlsx）',
    "place the open requests' lessons": '为尚未排课的培训需求安排课次',
    're-plan after a lecturer or venue becomes unavailable': '讲师或场地无法使用后重新排课',
    "the office's holidays and adjusted working days (for years chinesecalendar does not know)":
        '工会自定的节假日和调休上班日（用于程序内置节假日表尚未收录的年份）',
    'give a lesson online: platform and link, no room': '改为线上课：平台和链接，不占教室',
    'give an online lesson in a room again': '把线上课改回在教室上课',
    "venue whose capacity limits the class size (default: the enterprise's largest)":
        '其容量限制班级人数的培训地点（默认：企业最大的场地）',
    'name (or id) of a lecturer': '讲师姓名（或编号）',
    'name (or id) of an enterprise': '企业名称（或编号）',
    'lesson id': '课次编号',
    'morning / afternoon / evening (上午/下午/晚上)': '上午、下午或晚上（也可写英文“morning”“afternoon”“evening”）',
    'an irregular start instead': '改为非常规的开始时间',
    'also change the lecturer': '同时更换讲师',
    'save even when the rules object (the conflicts are still printed)': '即使冲突规则反对也保存（冲突仍会列出）',
    "the lesson's version as `schedule lessons` showed it: refused (exit 1) when someone "
    'changed the lesson since':
        '课次的版本号，即 trainer schedule lessons 显示的版本；如果此后'
        '有人改动了该课次，则拒绝（退出码 1）',
    'move it whatever changed since (instead of --version)': '不论此后有何改动都调整（代替 --version）',
    "the lesson's version as `schedule lessons` showed it":
        '课次的版本号，即 trainer schedule lessons 显示的版本',
    'cancel it whatever changed since (instead of --version)': '不论此后有何改动都取消（代替 --version）',
    'Plan the lessons of every open training request whose window meets the range (OR-Tools '
    'CP-SAT, after a greedy start), obeying every conflict rule; print placed/unplaced counts '
    'and why each lesson left out could not be placed; accept the plan unless --dry-run.':
        '为所有培训时间段与该范围相交的未排课培训需求安排课次（先用贪心法，再用 OR-Tools '
        'CP-SAT），遵守所有冲突规则；打印已排和未排的数量，以及每个未排课次无法安排的原因；'
        '除非 --dry-run，否则接受该方案。',
    'show the proposal; write nothing': '只显示方案，不写入',
    'CP-SAT search time in deterministic seconds (default: setting planner.time_limit_seconds); '
    'the same limit gives the same plan':
        'CP-SAT 搜索时间，单位为确定性秒数（默认：设置项 planner.time_limit_seconds）'
        '；同样的限制得到同样的方案',
    'also list every lesson added or moved': '同时列出每个新增或调整的课次',
    'Record that a lecturer cannot teach (or a workshop cannot be used) on some dates and '
    'move the lessons that must move, moving as few others as possible; print what moved.':
        '记录讲师在某些日期不能授课（或车间不能使用），并调整必须调整的课次，尽量少动其他课次；打'
        '印调整了什么。',
    'move only the lessons that now fall on a day off (after a holiday notice or override); '
    'range from --from/--to':
        '只调整现在落在放假日的课次（收到放假通知或自定节假日之后）；范围由 --from/--to '
        '给出',
    'name (or id) of the lecturer': '讲师姓名（或编号）',
    'name or id of the workshop (venue); its unavailability is not recorded (there is no '
    'table for it)':
        '车间（培训地点）的名称或编号；其不可用日期不会保存（没有相应的表）',
    'first and last unavailable date': '第一个和最后一个不可用日期',
    'with --days-off: first day (default today)': '与 --days-off 一起用：第一天（默认今天）',
    'with --days-off: last day (default a year from --from)':
        '与 --days-off 一起用：最后一天（默认 --from 之后一年）',
    'why (recorded with the lecturer)': '原因（与讲师一起记录）',
    'list them': '列出',
    'mark a day or a range of days': '标记一天或连续几天',
    "remove the office's entry again": '删除工会自定的这些日期',
    "read the State Council's holiday notice (.txt/.docx/.pdf, - for standard input) and "
    'save its days':
        '读取国务院的放假通知（.txt/.docx/.pdf，- 表示标准输入）并保存其中的日期',
    'last day (default: FROM)': '最后一天（默认：与开始日期相同）',
    'an adjusted working day (调休上班) instead of a holiday': '调休上班日，而不是放假',
    'e.g. 春节，国庆节调休上班': '例如 春节，国庆节调休上班',
    'Exit codes: 2 the text cannot be read as a notice (nothing saved); 4 lessons now fall '
    'on a day off (listed).':
        '退出码：2 该文本无法作为放假通知读取（未保存任何内容）；4 有课次现在落在放假日（已列'
        '出）。',
    'the notice; - reads standard input': '放假通知；- 表示从标准输入读取',
    'print `YYYY-MM-DD holiday|working NAME` per day; save nothing':
        '每天打印一行“YYYY-MM-DD holiday|working 名称”；不保存',
    'Exit codes: 4 the conflict rules refuse it (nothing saved).': '退出码：4 冲突规则拒绝（未保存任何内容）。',
    "the platform's name (腾讯会议 or 钉钉, say)": '平台名称（例如 腾讯会议 或 钉钉）',
    'the link or meeting number trainees join with': '学员加入课程用的链接或会议号',
    'change it whatever changed since (instead of --version)': '不论此后有何改动都更改（代替 --version）',
    'the venue (name, enterprise + name, or id); default: none yet':
        '培训地点（名称、企业名称加地点名称，或编号）；默认：暂不指定',
    'Users of the office. The first user must be an admin; afterwards only an admin manages '
    'users. New passwords: $TRAINER_NEW_PASSWORD, --password-stdin, or a prompt.':
        '本工会的用户。第一个用户必须是管理员；此后只有管理员可以管理用户。新密码：$TRAINER_NEW_PASSWORD、'
        '--password-stdin 或在终端输入。',
    'add a user': '新增用户',
    "list the office's users": '列出本工会的用户',
    'disable a user (cannot log in)': '停用用户（不能登录）',
    'enable a disabled user': '启用已停用的用户',
    'lift a lock after wrong passwords': '解除因密码输错而锁定的账号',
    "set a password (yours, or as admin anyone's)": '设置密码（自己的；管理员可设置任何人的）',
    "change a user's role": '更改用户的角色',
    "list a user's login tokens (one a desk): yours, or as admin anyone's":
        '列出用户的登录令牌（每台电脑一个）：自己的；管理员可查看任何人的',
    'revoke one login token (its number from `user tokens`)': '作废一个登录令牌（编号见 trainer user tokens）',
    'display name, e.g. 王芳': '显示名称，例如 王芳',
    'Checks the password ($TRAINER_PASSWORD or a prompt) and prints a token: export TRAINER_TOKEN=$(trainer '
    'login NAME)':
        '检查密码（$TRAINER_PASSWORD 或在终端输入）并打印令牌，供环境变量使用：'
        'TRAINER_TOKEN=$(trainer login 用户名)',
    'validity, at most the setting security.token_days (also the default)':
        '有效天数，最多为设置项 security.token_days（也是默认值）',
    "name of this desk in the token list (default: the computer's name)": '本电脑在令牌列表中的名称（默认：计算机名）',
    'SQLite: an online copy (backups/ beside the file, or --out). PostgreSQL: pg_dump in '
    'its custom format.':
        'SQLite：在线复制一份（放在数据库文件旁的 backups/ 中，或 --out 指'
        '定的位置）。PostgreSQL：用 pg_dump 的自定义格式。',
    'list the backups instead': '改为列出已有的备份',
    'Checks the copy (integrity, our schema) first; the current database is kept aside in '
    'backups/ (…-replaced-….db or .dump).':
        '先检查备份（完整性、数据库结构）；当前数据库另存在数据库旁的备份文件夹中。',
    "Run once with the database owner's URL (an account with CREATEROLE): creates fc_<db>_admin/officer/clerk/viewer "
    "with grants mirroring the app's permissions (audit_log insert-only for all) and makes "
    'the owner a member of all and each --login ACCOUNT:ROLE a member up to ROLE (without '
    'inheriting: it may SET ROLE to ROLE and those below, never above); every unit of work '
    "then runs under SET ROLE of the acting user's role.":
        '用数据库所有者的地址（有 CREATEROLE 权限的账号）运行一次：为管理员、培训干事'
        '、办事员、只读用户各建一个数据库角色，授权与本程序的权限一致（所有角色对操作日志只能插入'
        '），并使所有者成为这些角色的成员，每个 --login 给出的“账号：角色”成为不高于该'
        '角色的成员（不继承：只能切换为该角色及以下的角色，不能更高）；此后每个工作单元都以操作用'
        '户的角色运行。',
    "a desk's login account and the highest role of the people at that desk: admin, officer, "
    'clerk or viewer (repeatable)':
        '一台电脑的登录账号和该电脑使用者的最高角色：“admin”“officer”“clerk”'
        '或“viewer”（可重复）',
    'Lists the trail; `trainer audit verify` checks its hash chain and names the first entry '
    'changed or removed (exit 1); `trainer audit purge` blanks the personal values of trainees '
    'deleted more than audit.retention_days ago (--dry-run: only count them).':
        '列出操作日志；`trainer audit verify` 检查其哈希链并指出第一条被改'
        '动或删除的条目（退出码 1）；`trainer audit purge` 清除已删除超过'
        ' audit.retention_days 天的学员的个人信息（--dry-run：只计'
        '数）。',
    "verify: check the chain; purge: deleted trainees' personal values":
        'verify：检查哈希链；purge：清除已删除学员的个人信息',
    'purge: count, change nothing': 'purge：只计数，不改动',
    'only what USER did': '只看该用户做了什么',
    'up to and including this day': '截至并包括这一天',
    'e.g. trainee, certificate, users': '例如 “trainee”“certificate”“users”',
    'unmasked ID numbers and mobiles': '显示未遮蔽的身份证号和手机号',
    'the version `trainer show` showed: refused if the record changed since':
        '“trainer show”显示的版本号：此后记录被他人修改则拒绝',
}
