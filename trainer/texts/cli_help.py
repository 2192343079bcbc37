"""The command line's help in Chinese: argparse's own words (ARGPARSE: usage, the section
titles, its error messages) and every help, description and epilog text the commands give
(HELP), keyed by the English text the command modules write. trainer/cli/common.Parser shows
them when the language is Chinese; tests/cli/test_help_language.py checks that every help text
of the parser has its translation here."""
from __future__ import annotations

from typing import Callable

from trainer.texts import cli_help_more
from trainer.texts.current import language

ARGPARSE: dict[str, str] = {
    'usage: ': '用法：',
    'argument %(argument_name)s: %(message)s': '参数 %(argument_name)s：%(message)s',
    'positional arguments': '位置参数',
    'options': '选项',
    'show this help message and exit': '显示本帮助并退出',
    "show program's version number and exit": '显示程序版本并退出',
    'unrecognized arguments: %s': '无法识别的参数：%s',
    'not allowed with argument %s': '不能与参数 %s 同时使用',
    'ignored explicit argument %r': '忽略了多余的值 %r',
    'the following arguments are required: %s': '缺少以下必需的参数：%s',
    'one of the arguments %s is required': '参数 %s 中必须给出一个',
    'expected one argument': '需要一个值',
    'expected at most one argument': '最多需要一个值',
    'expected at least one argument': '至少需要一个值',
    'expected %s argument': '需要 %s 个值',
    'expected %s arguments': '需要 %s 个值',
    'ambiguous option: %(option)s could match %(matches)s': '选项不明确：%(option)s 可能是 %(matches)s',
    'unexpected option string: %s': '意外的选项：%s',
    'invalid %(type)s value: %(value)r': '无效的%(type)s值：%(value)r',
    'invalid choice: %(value)r (choose from %(choices)s)': '无效的选择：%(value)r（可选：%(choices)s）',
    '%(prog)s: error: %(message)s\n': '%(prog)s：错误：%(message)s\n',
    'unknown parser %(parser_name)r (choices: %(choices)s)':
        '未知的命令 %(parser_name)r（可选：%(choices)s）',
    "can't open '%(filename)s': %(error)s": '无法打开“%(filename)s”：%(error)s',
}

_GENERAL: dict[str, str] = {  # the program, records, lists, documents, enrolment, attendance
    'Factory Classroom (课堂设在工厂): in-factory training for trade-union offices.':
        '课堂设在工厂：工会在企业内开展职工培训的管理程序。',
    'Exit codes: 0 ok, 1 failure (refused, permission denied, database trouble), 2 bad arguments, '
    'invalid input or unreadable file, 3 some rows / codes / trainees rejected, 4 schedule '
    'conflicts, 5 certificate revoked, 6 certificate not genuine.':
        '退出码：0 成功；1 失败（被拒绝、无权限、数据库故障）；2 参数错误、输入无效或文件无'
        '法读取；3 部分行、签到码或学员被退回；4 排课冲突；5 证书已作废；6 证书不是真的。',
    'database URL or SQLite file path (default: $TRAINER_DATABASE_URL, else trainer.db in '
    'the user data folder)':
        '数据库地址或 SQLite 文件路径（默认：环境变量 $TRAINER_DATABASE_URL，'
        '否则为用户数据文件夹中的 trainer.db）',
    'make a new database if there is none at --db (init and demo always may)':
        '--db 处没有数据库时新建一个（trainer init 和 trainer demo '
        '总是可以新建）',
    'language of messages (default: system locale)': '提示信息的语言（默认：跟随系统区域设置）',
    'act as USER (default: $TRAINER_USER); password from $TRAINER_PASSWORD or a prompt; or '
    'a token in $TRAINER_TOKEN (trainer login)':
        '以该用户的身份操作（默认：$TRAINER_USER）；密码取自 $TRAINER_PASSWORD '
        '或在终端输入；也可用 $TRAINER_TOKEN 中的令牌（trainer login）',
    'create or upgrade the database and the union office': '新建或升级数据库和工会',
    'fill an empty database with the Xinyu demo scenario': '在空数据库中填入新余市的演示数据',
    'show the database in use and its contents': '显示正在使用的数据库及其内容',
    'list or search master data': '列出或查找基础数据',
    'show one record': '显示一条记录',
    'add a record': '新增一条记录',
    'change fields of a record': '修改一条记录的字段',
    'delete a record (refused while in use)': '删除一条记录（仍被使用时拒绝删除）',
    'import a list from .xlsx/.xls/.csv': '从 .xlsx/.xls/.csv 导入名单',
    'write a blank import template (.xlsx)': '生成空白导入模板（.xlsx）',
    'export a list to Excel (.xlsx)': '把名单导出为 Excel（.xlsx）',
    'print documents as PDF': '打印 PDF 文档',
    'issue, revoke, reissue, verify': '发证、作废、补发、验证证书',
    'enrol trainees in a class': '为培训班报名学员',
    'who may join a class (categories)': '谁可以报名培训班（人员类别）',
    'move a trainee to another class': '把学员转到另一个培训班',
    'take a trainee out of a class': '让学员退出培训班',
    'record, import, export attendance': '录入、导入、导出考勤',
    'enter assessment results': '录入考核成绩',
    'who completes a class, and why the others do not': '谁能结业，其他人为什么不能',
    'satisfaction of a class (1–5)': '培训班满意度（1–5）',
    "a trainee's classes and results (一人一档)": '学员参加过的培训班和成绩（一人一档）',
    'open-recruitment programmes (培训项目): classes, applicants': '公开招收的培训项目：培训班、报名人员',
    'classes, lessons, conflict check, calendar files': '培训班、课次、冲突检查、日历文件',
    'users and roles (administrators)': '用户和角色（管理员）',
    'log in and print a token for TRAINER_TOKEN': '登录并打印一个供 TRAINER_TOKEN 使用的令牌',
    'revoke the token in $TRAINER_TOKEN': '作废 $TRAINER_TOKEN 中的令牌',
    'back up the database now': '立即备份数据库',
    'restore the database from a backup': '从备份恢复数据库',
    "PostgreSQL: roles and grants that mirror the app's (administrators)":
        'PostgreSQL：与本程序权限一致的数据库角色和授权（管理员）',
    'the audit trail (administrators)': '操作日志（管理员）',
    'name of the union office, e.g. 新余市总工会': '工会名称，例如 新余市总工会',
    'prefix of certificate numbers': '证书编号前缀',
    'first day of the demo quarter (default: next quarter)': '演示季度的第一天（默认：下一季度）',
    'one of: enterprises, venues, themes, courses, lecturers, trainees, requests (singular '
    'or 中文 also)':
        '以下之一：“enterprises”“venues”“themes”“courses”“'
        'lecturers”“trainees”“requests”，也可用单数或中文：企业、地'
        '点、主题、课程、讲师、学员、需求',
    'substring, pinyin initials (zs finds 张三), ID or mobile digits':
        '名称的一部分、拼音首字母（输入“zs”可找到张三）、身份证号或手机号的数字',
    'show full ID numbers and mobiles (masked by default)': '显示完整的身份证号和手机号（默认遮蔽）',
    'add a record; `trainer add KIND --help` lists the fields of KIND':
        '新增一条记录；`trainer add 种类 --help` 列出该种类的字段',
    'add enterprises': '新增企业',
    'add venues': '新增培训地点',
    'add themes': '新增课程主题',
    'add courses': '新增课程',
    'add lecturers': '新增讲师',
    'add trainees': '新增学员',
    'add requests': '新增培训需求',
    'enterprise name or id (blank: union training centre)': '企业名称或编号（留空：工会培训中心）',
    'theme name or id': '课程主题名称或编号',
    'yes/no': '是/否',
    'themes taught: names or ids, comma-separated': '授课主题：名称或编号，用逗号分隔',
    'dates: START[:END[:REASON]],… (replaces the list)': '日期：开始[:结束[:原因]]，……（替换原有列表）',
    'enterprise name or id': '企业名称或编号',
    'course title or id': '课程名称或编号',
    'ISO weekday digits, e.g. 135 = Mon, Wed, Fri': '星期几的数字，例如 135 表示周一、周三、周五',
    'morning,afternoon,evening (or their Chinese names)':
        '上午、下午、晚上，用逗号分隔（也可写英文“morning”“afternoon”“evening”'
        '）',
    'dates without training, comma-separated': '不可培训的日期，用逗号分隔',
    'yes/no: ordinary Saturdays and Sundays too; never a statutory holiday':
        '是/否：普通的周六、周日也可培训；法定节假日除外',
    'change fields of a record; `trainer edit KIND --help` lists the fields of KIND':
        '修改一条记录的字段；`trainer edit 种类 --help` 列出该种类的字段',
    'edit enterprises': '修改企业',
    'edit venues': '修改培训地点',
    'edit themes': '修改课程主题',
    'edit courses': '修改课程',
    'edit lecturers': '修改讲师',
    'edit trainees': '修改学员',
    'edit requests': '修改培训需求',
    'Import trainees, enterprises, lecturers or training requests. Prints `accepted N, rejected '
    'M` and one line per rejected row; exit 0 when all rows were accepted, 3 when some were '
    'rejected, 2 when the file cannot be read.':
        '导入学员、企业、讲师或培训需求。打印“通过检查 N 行，退回 M 行”，每个退回的行一行'
        '说明；全部通过时退出码为 0，有退回的行时为 3，文件无法读取时为 2。',
    'one of: trainees, enterprises, lecturers, requests':
        '以下之一：“trainees”（学员）、“enterprises”（企业）、“lecturers”'
        '（讲师）、“requests”（培训需求）',
    'the enterprise of every row (trainee and request lists)': '每一行所属的企业（学员名单和培训需求）',
    'check only; write nothing': '只检查，不写入',
    'save the rejected rows with reasons': '把退回的行连同原因另存',
    'a person (ID number) or record already in the database: skip it (default) or update '
    "it with the file's values":
        '数据库中已有的人员（身份证号）或记录：跳过（默认）或用文件中的值更新',
    'sheet name (default: the first visible sheet with a header)': '工作表名称（默认：第一个有表头的可见工作表）',
    'rows hidden in the sheet: leave them out (default) or import them': '表格中隐藏的行：不导入（默认）或导入',
    'map a descriptive value the file writes in its own words to one of ours, e.g. 技术骨干=在'
    '岗职工 (OURS empty: keep as written); or a text/CSV file of such pairs, one a line; may '
    'be repeated':
        '把文件中的自定义说法对应到本程序的值，例如 技术骨干=在岗职工（等号后为空：保留原文）；'
        '也可给出一个每行一对的文本或 CSV 文件；可重复使用',
    'full ID numbers and mobiles (masked by default, as in `list`)':
        '完整的身份证号和手机号（默认遮蔽，与 trainer list 相同）',
    'Certificates, sign-in sheets, schedules, reports, fee statements and archives as PDF '
    '(A4, Chinese font embedded). Personal data is masked unless --reveal is given.':
        '证书、签到表、课表、统计报表、课时费清单和档案的 PDF 文档（A4，嵌入中文字体）。除'
        '非给出 --reveal，个人信息一律遮蔽。',
    'the fonts documents use; choose another': '文档使用的字体；选用其他字体',
    'the certificates of a class': '一个培训班的结业证书',
    'the sign-in sheet of a lesson': '一个课次的签到表',
    'the sign-in sheet of a lesson, or every sheet of a programme':
        '一个课次的签到表，或一个培训项目的全部签到表',
    "every lesson in a room of the programme's classes, in one PDF":
        '培训项目各班在教室上的每个课次，合成一个 PDF',
    'month or week timetable (A4 landscape)': '月课表或周课表（A4 横向）',
    'statistics of a period, with charts': '一段时间的统计报表，含图表',
    'attendance summary of a class, or of an enterprise over a period': '一个培训班的出勤汇总，或一个企业一段时间的出勤汇总',
    'lecturer hours and fee statement of a month': '一个月的讲师课时和课时费清单',
    'class archive （一班一档）': '培训班档案（一班一档）',
    "a trainee's record (一人一档)": '学员档案（一人一档）',
    'Without options: the fonts in use. --use FILE chooses a TrueType font (.ttf/.ttc) for '
    'tables and reports (with --certificate: for certificates); --automatic goes back to '
    'the fonts shipped.':
        '不加选项：显示正在使用的字体。--use 文件 为表格和报表选用 TrueType 字体'
        '（.ttf/.ttc）（加 --certificate：为证书选用）；--automatic '
        '恢复程序自带的字体。',
    'the fonts one can choose': '可以选用的字体',
    'a TrueType font file (.ttf or .ttc)': 'TrueType 字体文件（.ttf 或 .ttc）',
    'the font in a .ttc collection': '.ttc 字体集中的第几个字体',
    'the fonts shipped with the program': '程序自带的字体',
    "the certificates' font": '证书使用的字体',
    'one PDF with every certificate': '所有证书合成一个 PDF',
    'one PDF per trainee in this folder': '在此文件夹中为每名学员生成一个 PDF',
    'print only certificates already issued (default: issue missing ones first)':
        '只打印已发放的证书（默认：先补发缺少的证书）',
    'grade printed on completion certificates, e.g. 初级': '结业证书上印的等级，例如 初级',
    "the signing key file (default: the data folder's)": '签名密钥文件（默认：数据文件夹中的密钥）',
    "read the key's passphrase from standard input (else $TRAINER_KEY_PASSPHRASE or a prompt)":
        '从标准输入读取密钥口令（否则取自 $TRAINER_KEY_PASSPHRASE 或在终'
        '端输入）',
    'rows per page (default: setting pdf.signin_rows_per_page)':
        '每页行数（默认：设置项 pdf.signin_rows_per_page）',
    'a month, e.g. 2026-09': '月份，例如 2026-09',
    'the week holding this date': '包含该日期的那一周',
    'full mobiles of workshop contacts': '显示车间联系人的完整手机号',
    'full ID numbers': '显示完整的身份证号',
    'full mobiles': '显示完整的手机号',
    'name, pinyin initials, last digits or all of the ID number, or #id':
        '姓名、拼音首字母、身份证号后几位或全部，或 #编号',
    'full ID number and mobile': '显示完整的身份证号和手机号',
    'verify exits 0 genuine, 5 revoked, 6 not genuine.': 'verify 的退出码：0 真证书，5 已作废，6 不是真的。',
    'issue to everyone who qualifies in a class': '为培训班中符合条件的所有人发证',
    'revoke a certificate (kept, marked revoked)': '作废一张证书（保留，标记为已作废）',
    'replace a certificate by a new number': '用新编号补发一张证书',
    'genuine, revoked or not genuine?': '验证证书：真的、已作废还是不是真的？',
    'certificates of a class': '一个培训班的证书',
    "the office's signing key": '工会的证书签名密钥',
    'date of issue (default: today)': '发证日期（默认：今天）',
    'print the new certificate': '打印补发的新证书',
    "Give NUMBER CODE, or the QR code's text as one argument.": '给出 证书编号 验证码，或把扫描到的二维码文字作为一个参数。',
    "verify with the office's published public key": '用工会公布的公钥验证',
    'include revoked certificates': '包括已作废的证书',
    'create (administrator), show its fingerprint, export a backup of the private key file, '
    'import it on another desk, write the public key to publish.':
        'create（管理员）创建密钥，show 显示指纹，export 导出私钥文件备份，import '
        '在另一台电脑上导入，public 写出供公布的公钥。',
    'make the signing key (administrator)': '创建签名密钥（管理员）',
    'fingerprint and where the key file is': '显示指纹和密钥文件的位置',
    'copy the encrypted private key file (backup)': '复制加密的私钥文件（备份）',
    'install an exported key file on this desk': '在本机安装导出的密钥文件',
    'write the public key (PEM) to publish': '写出供公布的公钥文件',
    'retire the current key (it keeps verifying)': '停用当前密钥（仍可用于验证）',
    'Enrol trainees by id (or code, ID number, name), a whole enterprise roster, everyone '
    'a search finds, a list of ID numbers or names, or a trainee list file (new people are '
    'added to the trainees first). Capacity and eligibility are checked for the whole choice; '
    'exit 3 when some were not enrolled.':
        '按编号（或签到码、身份证号、姓名）、整个企业的花名册、查找到的所有人、身份证号或姓名列表'
        '、或学员名单文件为学员报名（新人员先加入学员库）。对整批人员检查名额和报名条件；有人未能'
        '报名时退出码为 3。',
    'class id or code': '培训班编号或班级代码',
    "everyone on the enterprise's roster": '企业花名册上的所有人',
    'everyone the trainee search finds (name, pinyin initials, digits)': '学员查找到的所有人（姓名、拼音首字母、数字）',
    'ID numbers and/or names of registered trainees (.xlsx/.xls/.csv/.txt)':
        '已登记学员的身份证号和/或姓名（.xlsx/.xls/.csv/.txt）',
    'a trainee list (.xlsx/.xls/.csv)': '学员名单（.xlsx/.xls/.csv）',
    'with --enterprise: only trainees of this category': '与 --enterprise 一起用：只报名该类别的学员',
    'with --file: enterprise of every row': '与 --file 一起用：每一行所属的企业',
    "day they joined (late joiners); default: the class's first lesson": '加入日期（插班学员）；默认：培训班的第一次课',
    'with --file: save rejected rows': '与 --file 一起用：另存退回的行',
    'Show or set who may join a class: anyone (open), only some trainee categories (open), '
    "or the enterprise's own workers.":
        '显示或设置谁可以报名培训班：任何人（公开）、仅某些人员类别（公开），或只限本企业职工。',
    'open to these categories, e.g. 下岗失业人员,困难职工,农民工': '向这些人员类别开放，例如 下岗失业人员、困难职工、农民工',
    'open to anyone': '向任何人开放',
    "only the workers of the class's enterprise": '只限培训班所属企业的职工',
    'default: today': '默认：今天',
    "type in a lesson's signed sheet": '录入一次课的签到表',
    'scanner mode: mark codes present': '扫码模式：把扫到的签到码记为出勤',
    'import attendance from .xlsx/.csv': '从 .xlsx/.csv 导入考勤',
    "a class's attendance and results to Excel": '把培训班的考勤和成绩导出为 Excel',
    "print a class's attendance grid": '打印培训班的考勤表',
    "import online study time from the learning platform's export": '从学习平台的导出文件导入线上学习时长',
    'everyone with nothing recorded yet is present': '尚未记录的人全部记为出勤',
    'codes or ID tails; none: read lines from stdin': '签到码或身份证号后几位；不给：从标准输入逐行读取',
    'class of rows naming none': '未写明培训班的行所属的培训班',
    "The platform's export (.csv in UTF-8/GBK, .xlsx, .xls): a name and/or ID number column "
    'and a study-time column (学习时长（分钟）, 时长（小时）, 学时, or cells such as 1小时30分 or 01:30:00). '
    'The figures replace what was recorded for the class.':
        '平台的导出文件（.csv、.xlsx 或 .xls）：有姓名和/或身份证号列，以及学习时'
        '长列（学习时长（分钟）、时长（小时）、学时，或 1小时30分、01:30:00 这样的单'
        '元格）。这些数字替换该班原有的记录。',
    'Exit codes: 3 some rows refused (listed); 2 unreadable file.': '退出码：3 部分行被拒绝（已列出）；2 文件无法读取。',
    'the class: code or id': '培训班：班级代码或编号',
    'check and print; record nothing': '检查并打印，不记录',
    "the workbook's sheet (default: the first)": '工作簿中的工作表（默认：第一个）',
    'a named trainee (default: anonymous)': '具名学员（默认：匿名）',
}

HELP: dict[str, str] = {**_GENERAL, **cli_help_more.HELP}


def help_text(english: str) -> str:
    """A help, description or epilog text of the command line in the current language."""
    if not english or language() != "zh":
        return english
    return HELP.get(english) or ARGPARSE.get(english, english)


def argparse_gettext() -> tuple[Callable, Callable] | None:
    """gettext and ngettext for argparse in the current language (None: its own English)."""
    if language() != "zh":
        return None
    return (lambda message: ARGPARSE.get(message, message),
            lambda one, many, n: ARGPARSE.get(one if n == 1 else many, one if n == 1 else many))
