<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AdminActions</name>
    <message>
        <source>Backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Saved a copy of the database:
%1</source>
        <translation>已保存数据库副本：
%1</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Backups (*.db *.sqlite *.dump *.backup);;All files (*)</source>
        <translation>备份文件 (*.db *.sqlite *.dump *.backup);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Restored from %1. The data before the restore is kept in %2.
Factory Classroom closes now; start it again to work on the restored data.</source>
        <translation>已从 %1 恢复。恢复前的数据保存在 %2。
程序现在关闭，请重新启动后使用恢复的数据。</translation>
    </message>
</context>
<context>
    <name>ApplicantsPreviewPage</name>
    <message>
        <source>Save refused rows…</source>
        <translation>保存未录取的行……</translation>
    </message>
    <message>
        <source>Save refused rows</source>
        <translation>保存未录取的行</translation>
    </message>
    <message>
        <source>-refused</source>
        <translation>-未录取</translation>
    </message>
    <message>
        <source>Enrolled %1, refused %2.</source>
        <translation>录取 %1 人，未录取 %2 人。</translation>
    </message>
    <message>
        <source>Check before enrolling</source>
        <translation>录取前核对</translation>
    </message>
    <message>
        <source>Nothing has been written yet. Each eligible applicant goes to the first class of their level with a free place, in the order of the list.</source>
        <translation>尚未写入任何数据。符合条件的报名人员按名单顺序编入所报等级中第一个有空位的班级。</translation>
    </message>
    <message>
        <source>Show only the refused rows</source>
        <translation>只看未录取的行</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>班级</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Enrol %1</source>
        <translation>录取 %1 人</translation>
    </message>
    <message>
        <source>Programme: %1</source>
        <translation>培训项目：%1</translation>
    </message>
    <message>
        <source>%1 rows: %2 to enrol (%3 new to the database), %4 refused.</source>
        <translation>共 %1 行：录取 %2 人（其中新建学员 %3 人），未录取 %4 人。</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>By level: %1</source>
        <translation>按等级：%1</translation>
    </message>
    <message>
        <source>By class: %1</source>
        <translation>按班级：%1</translation>
    </message>
    <message>
        <source>Next &gt;</source>
        <translation>下一步 &gt;</translation>
    </message>
</context>
<context>
    <name>AttendanceGridModel</name>
    <message>
        <source>Changed on another computer after you edited it: saving will refuse this cell; reload the class to see the new entry.</source>
        <translation>您修改此格后，另一台电脑也保存了此格：保存时此格将被拒绝；重新打开本班即可看到新的记录。</translation>
    </message>
    <message>
        <source>Trainee</source>
        <translation>学员</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
</context>
<context>
    <name>AttendancePage</name>
    <message>
        <source>Attendance</source>
        <translation>考勤</translation>
    </message>
    <message>
        <source>Enrol trainees…</source>
        <translation>报名学员…</translation>
    </message>
    <message>
        <source>Import online hours…</source>
        <translation>导入线上学时…</translation>
    </message>
    <message>
        <source>Sign-in grid</source>
        <translation>签到表录入</translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation>扫码签到</translation>
    </message>
    <message>
        <source>Completion and scores</source>
        <translation>结业与成绩</translation>
    </message>
    <message>
        <source>Mark all present (this lesson)</source>
        <translation>本课次全部出勤</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Arrows move · Space cycles · P present · L late · E excused · A absent · Delete clears</source>
        <translation>方向键移动 · 空格切换 · P 出勤 · L 迟到 · E 请假 · A 缺勤 · Delete 清除</translation>
    </message>
    <message>
        <source>Scan the code on the sign-in sheet, or type the last digits of the ID number, then Enter:</source>
        <translation>扫描签到表上的条码，或输入身份证号后几位，按回车：</translation>
    </message>
    <message>
        <source>Save scores</source>
        <translation>保存成绩</translation>
    </message>
    <message>
        <source>Trainee</source>
        <translation>学员</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>出勤</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>成绩</translation>
    </message>
    <message>
        <source>Completes</source>
        <translation>结业</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>%1 trainees · %2 unsaved changes</source>
        <translation>%1 名学员 · %2 处未保存</translation>
    </message>
    <message>
        <source>%1 of them changed on another computer meanwhile (red)</source>
        <translation>其中 %1 处已被另一台电脑修改（红色）</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Lesson %1 · %2 %3</source>
        <translation>第 %1 次课 · %2 %3</translation>
    </message>
    <message>
        <source>%1 of %2 complete · lessons held %3, to come %4</source>
        <translation>%2 人中 %1 人结业 · 已上 %3 次课，待上 %4 次</translation>
    </message>
    <message>
        <source> · online study needed: %1 h</source>
        <translation> · 线上学习要求 %1 学时</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>Audit trail</source>
        <translation>操作日志</translation>
    </message>
    <message>
        <source>user name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>All records</source>
        <translation>全部记录</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <source>words in the entry, e.g. 张三</source>
        <translation>查找内容，如 张三</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Check the chain</source>
        <translation>核对日志链</translation>
    </message>
    <message>
        <source>Each entry holds a fingerprint of the one before: checks that no entry was changed or removed</source>
        <translation>每条记录都含有上一条记录的指纹：核对是否有记录被改动或删除</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>Purge deleted trainees…</source>
        <translation>清除已删除学员的个人信息…</translation>
    </message>
    <message>
        <source>Blanks the personal data of trainees deleted longer ago than the retention period in the audit trail; what was done, by whom and when stays.</source>
        <translation>清除操作日志中已删除超过保留期限的学员的个人信息；谁在何时做了什么仍然保留。</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>The newest %1 entries are shown; narrow the filter to see older ones.</source>
        <translation>仅显示最新的 %1 条；请缩小查询范围以查看更早的记录。</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <source>Checking the audit trail…</source>
        <translation>正在核对操作日志…</translation>
    </message>
    <message>
        <source>The audit trail is whole: %1 entries checked, none changed or removed.</source>
        <translation>操作日志完整：已核对 %1 条记录，没有被改动或删除的。</translation>
    </message>
    <message>
        <source>The audit trail was tampered with: entry %1 (%2) does not follow from the one before — it was changed, or entries before it were removed.</source>
        <translation>操作日志被篡改过：第 %1 条记录（%2）与上一条接不上——它被改动过，或它之前的记录被删除了。</translation>
    </message>
    <message>
        <source>No trainee deleted more than %1 days ago has personal data left in the audit trail.</source>
        <translation>操作日志中没有已删除超过 %1 天的学员的个人信息需要清除。</translation>
    </message>
    <message>
        <source>Blank the personal data (name, ID number, mobile…) of %1 trainees deleted more than %2 days ago in %3 audit entries? This cannot be undone.</source>
        <translation>要清除 %1 名已删除超过 %2 天的学员在 %3 条操作日志中的个人信息（姓名、身份证号、手机号等）吗？清除后无法恢复。</translation>
    </message>
    <message>
        <source>Purged the personal data of %1 trainees from %2 audit entries; the chain still holds.</source>
        <translation>已清除 %1 名学员在 %2 条操作日志中的个人信息；哈希链仍然完整。</translation>
    </message>
    <message>
        <source>Purge personal data</source>
        <translation>清除个人信息</translation>
    </message>
    <message>
        <source>The audit trail was tampered with: entry %1, as this desk recorded it, is no longer there — the newest entries were removed and others written in their place.</source>
        <translation>操作日志被篡改过：本机记录的第 %1 条已不是原来那一条——最新的记录被删除后又写入了别的记录。</translation>
    </message>
    <message>
        <source>The audit trail was cut short: the entries after entry %1 are missing (this desk recorded up to entry %2) — the newest entries were removed.</source>
        <translation>操作日志被截断：第 %1 条之后的记录不见了（本机记录到第 %2 条）——最新的记录被删除了。</translation>
    </message>
</context>
<context>
    <name>CertificatesPage</name>
    <message>
        <source>Certificates</source>
        <translation>结业证书</translation>
    </message>
    <message>
        <source>Issue to all who qualify</source>
        <translation>为符合条件者发证</translation>
    </message>
    <message>
        <source>Preview and print…</source>
        <translation>预览和打印…</translation>
    </message>
    <message>
        <source>Print the selected one…</source>
        <translation>打印选中的一张…</translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation>作废…</translation>
    </message>
    <message>
        <source>Reissue…</source>
        <translation>补发…</translation>
    </message>
    <message>
        <source>Check a certificate…</source>
        <translation>查验证书…</translation>
    </message>
    <message>
        <source>Template…</source>
        <translation>证书模板…</translation>
    </message>
    <message>
        <source>Completion certificate (结业证书)</source>
        <translation>结业证书</translation>
    </message>
    <message>
        <source>Attendance certificate (培训证明)</source>
        <translation>培训证明</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>证书编号</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>验证码</translation>
    </message>
    <message>
        <source>Trainee</source>
        <translation>学员</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>发证日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>revoked: %1</source>
        <translation>已作废：%1</translation>
    </message>
    <message>
        <source>Issuing certificates…</source>
        <translation>正在发证…</translation>
    </message>
    <message>
        <source>Issued %1, already held %2, not qualified %3.</source>
        <translation>本次发证 %1 份，已持有 %2 人，不符合条件 %3 人。</translation>
    </message>
    <message>
        <source>Certificate %1</source>
        <translation>证书 %1</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>结业证书</translation>
    </message>
    <message>
        <source>Revoke %1</source>
        <translation>作废 %1</translation>
    </message>
    <message>
        <source>Reason (kept in the certificate&apos;s history):</source>
        <translation>原因（记入证书历史）：</translation>
    </message>
    <message>
        <source>Reissue %1</source>
        <translation>补发 %1</translation>
    </message>
    <message>
        <source>Reason (lost, name corrected…):</source>
        <translation>原因（遗失、更正姓名等）：</translation>
    </message>
    <message>
        <source>%1 replaces %2.</source>
        <translation>%1 取代 %2。</translation>
    </message>
</context>
<context>
    <name>ClassLevelsGrid</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID (last 4)</source>
        <translation>身份证后四位</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>人员类别</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Holds the certificate</source>
        <translation>已持证</translation>
    </message>
    <message>
        <source>Double-click to choose the level</source>
        <translation>双击选择等级</translation>
    </message>
    <message>
        <source>%1: level %2.</source>
        <translation>%1：等级改为%2。</translation>
    </message>
    <message>
        <source>%1 holds the certificate.</source>
        <translation>%1：已记为持证。</translation>
    </message>
    <message>
        <source>%1 does not hold the certificate.</source>
        <translation>%1：已记为未持证。</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>Venue (workshop)</source>
        <translation>培训地点（车间）</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>容量</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>From</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>To</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>CourseDialog</name>
    <message>
        <source>New course</source>
        <translation>新建课程</translation>
    </message>
    <message>
        <source>Edit course</source>
        <translation>编辑课程</translation>
    </message>
    <message>
        <source>T&amp;heme</source>
        <translation>课程主题(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>课程名称(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation>课次数(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Minutes per lesson</source>
        <translation>每课时长（分钟）(&amp;M)</translation>
    </message>
    <message>
        <source>Total &amp;hours</source>
        <translation>总学时(&amp;H)</translation>
    </message>
    <message>
        <source>from lessons × minutes when left blank</source>
        <translation>留空则按课次 × 时长计算</translation>
    </message>
    <message>
        <source>Theory &amp;share (%)</source>
        <translation>理论占比（%）(&amp;S)</translation>
    </message>
    <message>
        <source>Class &amp;size</source>
        <translation>班额(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Pass mark</source>
        <translation>合格分数(&amp;P)</translation>
    </message>
    <message>
        <source>blank: no assessment</source>
        <translation>留空：不考核</translation>
    </message>
    <message>
        <source>Required &amp;attendance (%)</source>
        <translation>出勤率要求（%）(&amp;A)</translation>
    </message>
    <message>
        <source>Excused leave counts as present</source>
        <translation>请假计为出勤</translation>
    </message>
    <message>
        <source>Required &amp;online study (hours)</source>
        <translation>线上学习要求（学时）(&amp;O)</translation>
    </message>
    <message>
        <source>blank: no online study required</source>
        <translation>留空：不要求线上学习</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>说明(&amp;D)</translation>
    </message>
</context>
<context>
    <name>CoursesPage</name>
    <message>
        <source>Courses &amp; themes</source>
        <translation>课程与主题</translation>
    </message>
    <message>
        <source>New course</source>
        <translation>新建课程</translation>
    </message>
    <message>
        <source>Search courses: title, theme (Ctrl+F)</source>
        <translation>搜索课程：标题、主题（Ctrl+F）</translation>
    </message>
    <message>
        <source>Themes</source>
        <translation>课程主题</translation>
    </message>
    <message>
        <source>New theme</source>
        <translation>新建主题</translation>
    </message>
    <message>
        <source>Edit theme</source>
        <translation>编辑主题</translation>
    </message>
    <message>
        <source>Delete theme</source>
        <translation>删除主题</translation>
    </message>
    <message>
        <source>Show the courses of every theme</source>
        <translation>显示全部主题的课程</translation>
    </message>
</context>
<context>
    <name>CreateAdminDialog</name>
    <message>
        <source>Create the administrator</source>
        <translation>创建管理员</translation>
    </message>
    <message>
        <source>Nobody can use this database yet. Create the administrator&apos;s account: the administrator adds the other users (training officers, clerks, viewers).</source>
        <translation>该数据库还没有用户。请创建管理员账号，再由管理员添加其他用户（培训干事、办事员、只读用户）。</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <source>Password again:</source>
        <translation>再次输入密码：</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>DaysOffBanner</name>
    <message>
        <source>Re-plan these</source>
        <translation>重新安排这些课次</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
    <message numerus="yes">
        <source>Now on a day off: %n lesson(s)</source>
        <translation>
            <numerusform>现在落在放假日的课次：%n 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>……另有 %n 个</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EligibilityDialog</name>
    <message>
        <source>Who may join: %1</source>
        <translation>招收范围：%1</translation>
    </message>
    <message>
        <source>Only the workers of %1</source>
        <translation>只招收%1的职工</translation>
    </message>
    <message>
        <source>Only one enterprise&apos;s workers (this class has none)</source>
        <translation>只招收一家企业的职工（本班没有所属企业）</translation>
    </message>
    <message>
        <source>Open recruitment</source>
        <translation>面向社会招收</translation>
    </message>
    <message>
        <source>No category ticked: anyone may join.</source>
        <translation>不勾选人员类别即不限类别。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <source>Enrol trainees: %1</source>
        <translation>报名学员：%1</translation>
    </message>
    <message>
        <source>Tick all shown</source>
        <translation>全选</translation>
    </message>
    <message>
        <source>Untick all</source>
        <translation>全不选</translation>
    </message>
    <message>
        <source>Everyone matching…</source>
        <translation>符合筛选条件的全部…</translation>
    </message>
    <message>
        <source>Whole enterprise roster…</source>
        <translation>整个单位名单…</translation>
    </message>
    <message>
        <source>From a list file…</source>
        <translation>从名单文件…</translation>
    </message>
    <message>
        <source>Enrol ticked…</source>
        <translation>报名勾选的学员…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Or enrol at once:</source>
        <translation>或一次报名：</translation>
    </message>
    <message>
        <source>%1 of %2 places taken</source>
        <translation>名额 %2 人，已报 %1 人</translation>
    </message>
    <message>
        <source>%1 ticked</source>
        <translation>已勾选 %1 人</translation>
    </message>
    <message>
        <source>Tick the trainees to enrol first.</source>
        <translation>请先勾选要报名的学员。</translation>
    </message>
    <message>
        <source>A list of ID numbers or names</source>
        <translation>身份证号或姓名名单</translation>
    </message>
    <message>
        <source>Lists (*.xlsx *.xls *.ods *.csv *.txt);;All files (*)</source>
        <translation>名单 (*.xlsx *.xls *.ods *.csv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Checking the choice…</source>
        <translation>正在核对报名名单…</translation>
    </message>
    <message>
        <source>Enrolling…</source>
        <translation>正在报名…</translation>
    </message>
    <message>
        <source>name, pinyin initials, ID or mobile digits</source>
        <translation>姓名、拼音首字母、身份证号或手机号</translation>
    </message>
    <message>
        <source>Who may join…</source>
        <translation>招收范围…</translation>
    </message>
    <message>
        <source>All enterprises and individuals</source>
        <translation>全部单位和个人</translation>
    </message>
    <message>
        <source>Trainee</source>
        <translation>学员</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>身份证</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>人员类别</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>in this class</source>
        <translation>已在本班</translation>
    </message>
</context>
<context>
    <name>EnrolSummaryDialog</name>
    <message>
        <source>Check the enrolment</source>
        <translation>报名核对</translation>
    </message>
    <message>
        <source>Not enrolled, and why:</source>
        <translation>未报名的人员及原因：</translation>
    </message>
    <message>
        <source>Everyone chosen gets a place.</source>
        <translation>所选人员全部可以报名。</translation>
    </message>
    <message>
        <source>Enrol %1</source>
        <translation>确认报名 %1 人</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
</context>
<context>
    <name>EnterpriseDialog</name>
    <message>
        <source>New enterprise</source>
        <translation>新建企业</translation>
    </message>
    <message>
        <source>Edit enterprise</source>
        <translation>编辑企业</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Credit code</source>
        <translation>统一社会信用代码(&amp;C)</translation>
    </message>
    <message>
        <source>18 characters, e.g. 91360500MA35XXXXXX</source>
        <translation>18 位，例如 91360500MA35XXXXXX</translation>
    </message>
    <message>
        <source>&amp;District</source>
        <translation>区县(&amp;D)</translation>
    </message>
    <message>
        <source>Industrial &amp;park</source>
        <translation>园区(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Industry</source>
        <translation>行业(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>地址(&amp;A)</translation>
    </message>
    <message>
        <source>C&amp;ontact</source>
        <translation>联系人(&amp;O)</translation>
    </message>
    <message>
        <source>Contact &amp;phone</source>
        <translation>联系电话(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Workers</source>
        <translation>职工人数(&amp;W)</translation>
    </message>
    <message>
        <source>No&amp;tes</source>
        <translation>备注(&amp;T)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Venues (workshops)&lt;/b&gt; where lessons can take place</source>
        <translation>&lt;b&gt;培训地点（车间）&lt;/b&gt;：可以上课的地方</translation>
    </message>
    <message>
        <source>Add venue</source>
        <translation>添加地点</translation>
    </message>
    <message>
        <source>Remove venue</source>
        <translation>移除地点</translation>
    </message>
</context>
<context>
    <name>EnterprisesPage</name>
    <message>
        <source>Enterprises</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>New enterprise</source>
        <translation>新建企业</translation>
    </message>
    <message>
        <source>Search: name, pinyin initials, district, credit code (Ctrl+F)</source>
        <translation>搜索：名称、拼音首字母、区县、信用代码（Ctrl+F）</translation>
    </message>
    <message>
        <source>Select an enterprise to see its venues (workshops).</source>
        <translation>选择一家企业，查看它的培训地点（车间）。</translation>
    </message>
    <message>
        <source>%1 seats</source>
        <translation>%1 座</translation>
    </message>
    <message>
        <source>Venues:</source>
        <translation>培训地点：</translation>
    </message>
    <message>
        <source>No venues yet: add workshops in the edit dialog (Enter).</source>
        <translation>尚无培训地点：请在编辑窗口（回车）中添加车间。</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <source>Something went wrong that the program did not expect: %1

What you were doing may not have been saved. The details are in the log file:
%2</source>
        <translation>程序遇到了意外错误：%1

刚才的操作可能没有保存。详细信息已记入日志文件：
%2</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Choose the file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <source>The applicants&apos; list as it came: an Excel (.xlsx, .xls), WPS or LibreOffice (.ods) or CSV file; title rows, blank rows and total rows are skipped.</source>
        <translation>报名表原样即可：Excel（.xlsx、.xls）、WPS 或 LibreOffice（.ods）表格或 CSV 文件，标题行、空行和合计行会自动跳过。</translation>
    </message>
    <message>
        <source>An Excel (.xlsx, .xls), WPS or LibreOffice (.ods) or CSV file, as the enterprise sent it: title rows, blank rows and total rows are skipped.</source>
        <translation>企业报来的 Excel（.xlsx、.xls）、WPS 或 LibreOffice（.ods）表格或 CSV 文件，原样即可：标题行、空行和合计行会自动跳过。</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>skip them</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>update them with the file&apos;s values</source>
        <translation>用文件中的内容更新</translation>
    </message>
    <message>
        <source>Save a blank template…</source>
        <translation>保存空白模板…</translation>
    </message>
    <message>
        <source>Programme:</source>
        <translation>培训项目：</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Enterprise:</source>
        <translation>所属企业：</translation>
    </message>
    <message>
        <source>Already in the database:</source>
        <translation>数据库中已有的：</translation>
    </message>
    <message>
        <source>— as given in the file —</source>
        <translation>— 以文件中填写的为准 —</translation>
    </message>
    <message>
        <source>Choose the file to import</source>
        <translation>选择要导入的文件</translation>
    </message>
    <message>
        <source>Save the template</source>
        <translation>保存模板</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to Factory Classroom</source>
        <translation>欢迎使用“课堂设在工厂”</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Welcome&lt;/h3&gt;&lt;p&gt;This database is empty. You can look around with the demo data of a city federation of trade unions (enterprises, lecturers, courses and trainees), or start with your own union&apos;s data.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;欢迎&lt;/h3&gt;&lt;p&gt;数据库还是空的。您可以先载入一个市总工会的示例数据（企业、讲师、课程和学员）熟悉软件，也可以直接录入本单位的数据。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Load the demo data</source>
        <translation>载入示例数据(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Start empty</source>
        <translation>从空白开始(&amp;S)</translation>
    </message>
    <message>
        <source>Your union&apos;s &amp;name</source>
        <translation>本工会名称(&amp;N)</translation>
    </message>
    <message>
        <source>e.g. 新余市总工会</source>
        <translation>例如：新余市总工会</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
</context>
<context>
    <name>Fonts</name>
    <message>
        <source>No Chinese font</source>
        <translation>缺少中文字体</translation>
    </message>
    <message>
        <source>No font on this computer can display Chinese characters, so names would show as empty boxes. Please install a Chinese font (on Debian or Ubuntu: fonts-wqy-microhei or fonts-noto-cjk) and restart.</source>
        <translation>本机没有能显示汉字的字体，姓名等会显示成方框。请安装中文字体（Debian/Ubuntu：fonts-wqy-microhei 或 fonts-noto-cjk）后重新启动。</translation>
    </message>
</context>
<context>
    <name>FontsDialog</name>
    <message>
        <source>Document fonts</source>
        <translation>文书字体</translation>
    </message>
    <message>
        <source>Tables and reports:</source>
        <translation>表格和报表：</translation>
    </message>
    <message>
        <source>Certificates:</source>
        <translation>证书：</translation>
    </message>
    <message>
        <source>Automatic (fonts shipped with the program)</source>
        <translation>自动（使用本软件自带的字体）</translation>
    </message>
    <message>
        <source>shipped</source>
        <translation>软件自带</translation>
    </message>
    <message>
        <source>this computer</source>
        <translation>本机字体</translation>
    </message>
    <message>
        <source>Another font file…</source>
        <translation>其他字体文件…</translation>
    </message>
    <message>
        <source>Characters a font lacks (rare characters in names) are taken from another font that has them.</source>
        <translation>所选字体中没有的字（如姓名中的生僻字）会自动从含有该字的其他字体中取用。</translation>
    </message>
    <message>
        <source>Choose a TrueType font</source>
        <translation>选择字体文件</translation>
    </message>
    <message>
        <source>TrueType fonts (*.ttf *.ttc)</source>
        <translation>字体文件 (*.ttf *.ttc)</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>HolidaysDialog</name>
    <message>
        <source>Holidays and adjusted working days</source>
        <translation>节假日与调休</translation>
    </message>
    <message>
        <source>State Council notice</source>
        <translation>国务院通知</translation>
    </message>
    <message>
        <source>Single days</source>
        <translation>单日调整</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Paste the text of the State Council&apos;s notice on next year&apos;s holidays (or open a .txt, .docx or .pdf copy), then read it: every item is checked and shown on the calendar before anything is saved.</source>
        <translation>粘贴国务院办公厅关于部分节假日安排的通知全文（或打开 .txt、.docx、.pdf 文件），然后点击“读取通知”：每一条都会核对并显示在日历上，确认后才保存。</translation>
    </message>
    <message>
        <source>国务院办公厅关于20XX年部分节假日安排的通知
一、元旦：…
二、春节：…</source>
        <translation>国务院办公厅关于20XX年部分节假日安排的通知
一、元旦：…
二、春节：…</translation>
    </message>
    <message>
        <source>Open a file…</source>
        <translation>打开文件…</translation>
    </message>
    <message>
        <source>Read the notice</source>
        <translation>读取通知</translation>
    </message>
    <message>
        <source>Save the notice</source>
        <translation>保存通知</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;background:#f4b6b6&apos;&gt;&amp;nbsp;holiday&amp;nbsp;&lt;/span&gt; &lt;span style=&apos;background:#b9e3bf&apos;&gt;&amp;nbsp;adjusted working day&amp;nbsp;&lt;/span&gt; &lt;span style=&apos;background:#ffe8b3&apos;&gt;&amp;nbsp;%1&amp;nbsp;&lt;/span&gt; &lt;span style=&apos;color:#1565c0&apos;&gt;&amp;nbsp;▢ blue outline: set by the notice&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;background:#f4b6b6&apos;&gt;&amp;nbsp;放假&amp;nbsp;&lt;/span&gt; &lt;span style=&apos;background:#b9e3bf&apos;&gt;&amp;nbsp;调休上班&amp;nbsp;&lt;/span&gt; &lt;span style=&apos;background:#ffe8b3&apos;&gt;&amp;nbsp;%1&amp;nbsp;&lt;/span&gt; &lt;span style=&apos;color:#1565c0&apos;&gt;&amp;nbsp;▢ 蓝框：通知所列日期&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>条目</translation>
    </message>
    <message>
        <source>Days off</source>
        <translation>放假日期</translation>
    </message>
    <message>
        <source>Days off, checked</source>
        <translation>放假天数核对</translation>
    </message>
    <message>
        <source>Working days</source>
        <translation>调休上班日</translation>
    </message>
    <message>
        <source>%1 as the calendar has it now</source>
        <translation>%1 年（当前日历）</translation>
    </message>
    <message>
        <source>%1 as the notice makes it (not saved yet)</source>
        <translation>%1 年（按通知，尚未保存）</translation>
    </message>
    <message>
        <source>Open the notice</source>
        <translation>打开通知</translation>
    </message>
    <message>
        <source>Notice (*.txt *.docx *.pdf)</source>
        <translation>通知文件 (*.txt *.docx *.pdf)</translation>
    </message>
    <message>
        <source>Read %1 items: %2 days off and %3 adjusted working days. Check them on the calendar, then save.</source>
        <translation>已读取 %1 条：放假 %2 天，调休上班 %3 天。请在日历上核对后保存。</translation>
    </message>
    <message>
        <source>%1 ✓ (the notice says %2)</source>
        <translation>%1 天 ✓（通知写明共 %2 天）</translation>
    </message>
    <message>
        <source>%1 (no count in the notice)</source>
        <translation>%1 天（通知未写天数）</translation>
    </message>
    <message>
        <source>Saved %1 days: the holidays of %2 are confirmed by the notice.</source>
        <translation>已保存 %1 天：%2 年的放假安排已按国务院通知确认。</translation>
    </message>
    <message>
        <source>A local holiday, or a day the office works: entered here it wins over the notice and the statutory days.</source>
        <translation>本地假日或单位加班日：在这里录入的日期优先于通知和法定节日。</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>adjusted working day (调休上班), not a holiday</source>
        <translation>调休上班日（不是放假）</translation>
    </message>
    <message>
        <source>e.g. 春节</source>
        <translation>如：春节</translation>
    </message>
    <message>
        <source>Save these days</source>
        <translation>保存这些日期</translation>
    </message>
    <message>
        <source>Remove the selected day</source>
        <translation>删除所选日期</translation>
    </message>
    <message>
        <source>From – to:</source>
        <translation>起止日期：</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>working day</source>
        <translation>调休上班</translation>
    </message>
    <message>
        <source>holiday</source>
        <translation>放假</translation>
    </message>
    <message>
        <source> (notice %1)</source>
        <translation>（%1 年通知）</translation>
    </message>
    <message>
        <source>The last day is before the first.</source>
        <translation>结束日期早于开始日期。</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Next &gt;</source>
        <translation>下一步 &gt;</translation>
    </message>
    <message>
        <source>&lt; Back</source>
        <translation>&lt; 上一步</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Import %1</source>
        <translation>导入%1</translation>
    </message>
    <message>
        <source>Done: %1 created, %2 updated, %3 skipped.</source>
        <translation>完成：新增 %1，更新 %2，跳过 %3。</translation>
    </message>
    <message>
        <source>trainees</source>
        <translation>学员</translation>
    </message>
    <message>
        <source>enterprises</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>lecturers</source>
        <translation>讲师</translation>
    </message>
    <message>
        <source>training requests</source>
        <translation>培训需求</translation>
    </message>
    <message>
        <source>applicants&apos; list</source>
        <translation>报名表</translation>
    </message>
</context>
<context>
    <name>LecturerDialog</name>
    <message>
        <source>New lecturer</source>
        <translation>新建讲师</translation>
    </message>
    <message>
        <source>Edit lecturer</source>
        <translation>编辑讲师</translation>
    </message>
    <message>
        <source>Full &amp;name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Category</source>
        <translation>类别(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Gender</source>
        <translation>性别(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Employer</source>
        <translation>工作单位(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>职称(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Mobile</source>
        <translation>手机号(&amp;M)</translation>
    </message>
    <message>
        <source>Hourly &amp;fee (yuan)</source>
        <translation>课时费（元/小时）(&amp;F)</translation>
    </message>
    <message>
        <source>T&amp;hemes taught</source>
        <translation>授课主题(&amp;H)</translation>
    </message>
    <message>
        <source>Hours a day, at most</source>
        <translation>每日最多学时</translation>
    </message>
    <message>
        <source>Hours a week, at most</source>
        <translation>每周最多学时</translation>
    </message>
    <message>
        <source>No&amp;tes</source>
        <translation>备注(&amp;T)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Unavailable dates&lt;/b&gt; (travel, illness, peak season at the lecturer&apos;s own factory)</source>
        <translation>&lt;b&gt;不可授课日期&lt;/b&gt;（出差、生病、讲师所在工厂的生产旺季）</translation>
    </message>
    <message>
        <source>Add dates</source>
        <translation>添加日期</translation>
    </message>
    <message>
        <source>Remove dates</source>
        <translation>移除日期</translation>
    </message>
</context>
<context>
    <name>LecturersPage</name>
    <message>
        <source>Lecturers</source>
        <translation>讲师</translation>
    </message>
    <message>
        <source>New lecturer</source>
        <translation>新建讲师</translation>
    </message>
    <message>
        <source>Search: name, pinyin initials, employer, mobile (Ctrl+F)</source>
        <translation>搜索：姓名、拼音首字母、工作单位、手机号（Ctrl+F）</translation>
    </message>
</context>
<context>
    <name>LessonDialog</name>
    <message>
        <source>New lesson</source>
        <translation>新建课次</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>课次</translation>
    </message>
    <message>
        <source>&amp;Class</source>
        <translation>培训班(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Half-day</source>
        <translation>时段(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Lecturer</source>
        <translation>讲师(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Venue</source>
        <translation>培训地点(&amp;V)</translation>
    </message>
    <message>
        <source>Locked: the planner leaves it where it is</source>
        <translation>锁定：自动排课时保持不动</translation>
    </message>
    <message>
        <source>Online or in a room…</source>
        <translation>线上课 / 线下课…</translation>
    </message>
    <message>
        <source>Delete lesson</source>
        <translation>删除课次</translation>
    </message>
    <message>
        <source>Online: %1</source>
        <translation>线上课：%1</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Factory Classroom keeps personal data and official records: please log in.</source>
        <translation>本系统保存个人信息和正式记录，请先登录。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Factory Classroom</source>
        <translation>课堂设在工厂</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>新建(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>回车</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Users…</source>
        <translation>用户管理(&amp;U)…</translation>
    </message>
    <message>
        <source>&amp;Audit trail…</source>
        <translation>操作日志(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Restore a backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>Certificate &amp;signing key…</source>
        <translation>证书签名密钥(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Factory Classroom</source>
        <translation>关于“课堂设在工厂”(&amp;A)</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>About Factory Classroom</source>
        <translation>关于“课堂设在工厂”</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Factory Classroom %1&lt;/h3&gt;&lt;p&gt;Training in the workshop: enterprises, lecturers, courses, trainees, schedules, attendance and certificates for trade-union training offices.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;课堂设在工厂 %1&lt;/h3&gt;&lt;p&gt;送教进企业，车间变课堂：为工会培训部门管理企业、讲师、课程、学员、排课、考勤和结业证书。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Match the columns</source>
        <translation>对应列</translation>
    </message>
    <message>
        <source>Known headers are matched already; choose the field for the others, or leave them out.</source>
        <translation>常见的表头已自动对应；其余列请选择对应的字段，或不导入。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation>工作表：</translation>
    </message>
    <message>
        <source>Header row (spreadsheet row number):</source>
        <translation>表头所在行（表格行号）：</translation>
    </message>
    <message>
        <source> (hidden)</source>
        <translation>（隐藏）</translation>
    </message>
    <message>
        <source>Import the %1 hidden rows too</source>
        <translation>同时导入 %1 个隐藏的行</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>正在读取文件……</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <source>Example values</source>
        <translation>示例内容</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>— not imported —</source>
        <translation>— 不导入 —</translation>
    </message>
    <message>
        <source>Each field may come from one column only: %1</source>
        <translation>每个字段只能对应一列：%1</translation>
    </message>
    <message>
        <source>Choose a column for: %1</source>
        <translation>请为以下字段选择一列：%1</translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>正在逐行检查…</translation>
    </message>
</context>
<context>
    <name>MasterPage</name>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Create a new one (Ctrl+N)</source>
        <translation>新建一条（Ctrl+N）</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Edit the selected row (Enter)</source>
        <translation>编辑选中的行（回车）</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete the selected row (Del)</source>
        <translation>删除选中的行（Del）</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Import a list from an Excel or CSV file</source>
        <translation>从 Excel 或 CSV 文件导入名单</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Save the rows shown to an Excel file</source>
        <translation>将显示的行保存为 Excel 文件</translation>
    </message>
    <message>
        <source>Search: name or pinyin initials (Ctrl+F)</source>
        <translation>搜索：名称或拼音首字母（Ctrl+F）</translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation>共 %1 条</translation>
    </message>
    <message>
        <source>%1 of %2 rows</source>
        <translation>%1 / 共 %2 条</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>导出到 Excel</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Saved %1 rows to %2</source>
        <translation>已将 %1 行保存到 %2</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete “%1”? This cannot be undone.</source>
        <translation>删除“%1”？删除后无法恢复。</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>恢复到备份</translation>
    </message>
    <message>
        <source>Restore the data from the backup “%1”?</source>
        <translation>恢复到备份“%1”？</translation>
    </message>
    <message>
        <source>The current data (%1) is saved as a copy in the backups folder first, so it can be restored again later. The program closes after the restore.</source>
        <translation>当前数据（%1）将先另存为备份文件夹中的一份副本，以后可以再恢复回来。恢复完成后程序会关闭。</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Cannot do that</source>
        <translation>无法完成此操作</translation>
    </message>
    <message>
        <source>Changed by someone else</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>Discard the changes not saved yet?</source>
        <translation>放弃尚未保存的更改吗？</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <source>Characters missing</source>
        <translation>缺字</translation>
    </message>
    <message>
        <source>These characters are in no font on this computer and will print blank:
%1

Print anyway?</source>
        <translation>以下字在本机所有字体中都没有，打印出来会是空白：
%1

仍然打印吗？</translation>
    </message>
    <message>
        <source>Print anyway</source>
        <translation>仍然打印</translation>
    </message>
    <message>
        <source>Cancel lesson</source>
        <translation>取消课次</translation>
    </message>
    <message>
        <source>Cancel the lesson “%1”?

It stays in the class as cancelled and takes no lecturer, venue or trainee time; the lecturer&apos;s and the enterprise&apos;s calendar files show it as cancelled. Ctrl+Z undoes it.</source>
        <translation>取消课次“%1”吗？

该课次在培训班中保留为“已取消”，不再占用讲师、场地和学员的时间；讲师和企业的日历文件会显示为已取消。按 Ctrl+Z 可撤销。</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>不取消</translation>
    </message>
</context>
<context>
    <name>OnlineHoursDialog</name>
    <message>
        <source>Import online study hours: %1</source>
        <translation>导入线上学时：%1</translation>
    </message>
    <message>
        <source>The learning platform&apos;s export (.csv, .xlsx or .xls) with a name or ID number column and a study-time column, e.g. 学习时长（分钟）, 时长（小时）, 学时, or cells such as 1小时30分 or 01:30:00. The hours replace those recorded for this class.</source>
        <translation>请选择学习平台导出的文件（.csv、.xlsx 或 .xls），须有“姓名”或“身份证号”列和学习时长列，如“学习时长（分钟）”“时长（小时）”“学时”，或写成“1小时30分”“01:30:00”的单元格。导入的学时将替换本班已记录的学时。</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Trainee</source>
        <translation>学员</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>学时</translation>
    </message>
    <message>
        <source>Recorded before</source>
        <translation>原记录学时</translation>
    </message>
    <message>
        <source>Record hours</source>
        <translation>记录学时</translation>
    </message>
    <message>
        <source>Refused rows:</source>
        <translation>未导入的行：</translation>
    </message>
    <message>
        <source>The platform&apos;s export</source>
        <translation>学习平台导出的文件</translation>
    </message>
    <message>
        <source>Spreadsheets and CSV (*.csv *.xlsx *.xls *.ods *.txt);;All files (*)</source>
        <translation>表格和 CSV 文件 (*.csv *.xlsx *.xls *.ods *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>%1 trainee(s) found, %2 row(s) refused; study time in %3</source>
        <translation>找到 %1 名学员，%2 行未导入；学习时长取自%3</translation>
    </message>
    <message>
        <source>Recording…</source>
        <translation>正在记录…</translation>
    </message>
</context>
<context>
    <name>OnlineLessonDialog</name>
    <message>
        <source>Online or in a room</source>
        <translation>线上课或线下课</translation>
    </message>
    <message>
        <source>In a room (offline)</source>
        <translation>线下（教室）</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>线上</translation>
    </message>
    <message>
        <source>Lesson given</source>
        <translation>授课方式</translation>
    </message>
    <message>
        <source>&amp;Platform</source>
        <translation>线上平台(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Link or meeting number</source>
        <translation>链接或会议号(&amp;L)</translation>
    </message>
    <message>
        <source>https://… or the meeting number</source>
        <translation>https://… 或会议号</translation>
    </message>
    <message>
        <source>&amp;Venue</source>
        <translation>培训地点(&amp;V)</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Passphrase:</source>
        <translation>口令：</translation>
    </message>
    <message>
        <source>Passphrase again:</source>
        <translation>再次输入口令：</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>两次输入的口令不一致。</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <source>%1 pages</source>
        <translation>共 %1 页</translation>
    </message>
    <message>
        <source>%1 pages; the first %2 are shown here, all are in the file</source>
        <translation>共 %1 页；此处显示前 %2 页，文件中包含全部页面</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Open in PDF viewer</source>
        <translation>用 PDF 阅读器打开</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Save the PDF</source>
        <translation>保存 PDF</translation>
    </message>
    <message>
        <source>Printing page %1 of %2…</source>
        <translation>正在打印第 %1 页，共 %2 页…</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>The printer cannot be used.</source>
        <translation>无法使用该打印机。</translation>
    </message>
    <message>
        <source>Preparing the document…</source>
        <translation>正在生成文档…</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <source>Re-plan for an absent lecturer</source>
        <translation>讲师缺勤时重新排课</translation>
    </message>
    <message>
        <source>Re-plan the lessons on days off</source>
        <translation>重新安排落在放假日的课次</translation>
    </message>
    <message>
        <source>Plan the programme&apos;s lessons</source>
        <translation>排定培训项目的课次</translation>
    </message>
    <message>
        <source>Plan automatically</source>
        <translation>自动排课</translation>
    </message>
    <message>
        <source>Lecturer:</source>
        <translation>讲师：</translation>
    </message>
    <message>
        <source>Away from:</source>
        <translation>缺勤开始：</translation>
    </message>
    <message>
        <source>Away until:</source>
        <translation>缺勤结束：</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>开始日期：</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>结束日期：</translation>
    </message>
    <message>
        <source>Make a proposal</source>
        <translation>生成方案</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变动</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>培训班</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>课次</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Lecturer</source>
        <translation>讲师</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>培训地点</translation>
    </message>
    <message>
        <source>Accept the proposal</source>
        <translation>采用此方案</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <source>Not placed, and why:</source>
        <translation>未能安排的课次及原因：</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止优化</translation>
    </message>
    <message>
        <source>Stop improving; the proposal shown stays</source>
        <translation>停止优化，保留当前显示的方案</translation>
    </message>
    <message>
        <source>Planning…</source>
        <translation>正在排课…</translation>
    </message>
    <message>
        <source>Placed %1 of %2 lessons: %3 new classes, %4 lessons added, %5 moved; %6 not placed (%7 s).</source>
        <translation>已安排 %2 次课中的 %1 次：新建培训班 %3 个，新增课次 %4 次，调整 %5 次；未安排 %6 次（用时 %7 秒）。</translation>
    </message>
    <message>
        <source>Placing the lessons: %1 of %2 placed…</source>
        <translation>正在安排课次：已安排 %1 个，共 %2 个…</translation>
    </message>
    <message>
        <source>Improving the plan (fewer moves, lecturers&apos; travel, preferred times)…</source>
        <translation>正在优化方案（减少调动、讲师往返和不合意的时段）…</translation>
    </message>
    <message>
        <source>new time</source>
        <translation>改时间</translation>
    </message>
    <message>
        <source>new lecturer</source>
        <translation>换讲师</translation>
    </message>
    <message>
        <source>new venue</source>
        <translation>换地点</translation>
    </message>
    <message>
        <source>move</source>
        <translation>调整</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新增</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>Check before importing</source>
        <translation>导入前检查</translation>
    </message>
    <message>
        <source>Nothing has been written yet. Rejected rows can be saved as an Excel file with the reasons, to send back.</source>
        <translation>尚未写入任何数据。未通过的行可连同原因保存为 Excel 文件，退回企业修改。</translation>
    </message>
    <message>
        <source>Save rejected rows…</source>
        <translation>保存未通过的行…</translation>
    </message>
    <message>
        <source>%1 rows will be imported (%2 new, %3 updated); %4 rejected; %5 already there and skipped; %6 blank or total rows ignored.</source>
        <translation>将导入 %1 行（新增 %2，更新 %3）；未通过 %4 行；已存在而跳过 %5 行；忽略空行或合计行 %6 行。</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Next &gt;</source>
        <translation>下一步 &gt;</translation>
    </message>
    <message>
        <source>-rejected</source>
        <translation>-退回</translation>
    </message>
    <message>
        <source>Save rejected rows</source>
        <translation>保存未通过的行</translation>
    </message>
</context>
<context>
    <name>ProgrammeDialog</name>
    <message>
        <source>Programme %1</source>
        <translation>培训项目：%1</translation>
    </message>
    <message>
        <source>New programme</source>
        <translation>新建培训项目</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>项目名称：</translation>
    </message>
    <message>
        <source>Course:</source>
        <translation>课程（初级）：</translation>
    </message>
    <message>
        <source>Level-raising course:</source>
        <translation>等级提升课程：</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Venue:</source>
        <translation>培训地点：</translation>
    </message>
    <message>
        <source>%1, %2 seats</source>
        <translation>%1，%2 座</translation>
    </message>
    <message>
        <source>Start month:</source>
        <translation>起始月份：</translation>
    </message>
    <message>
        <source>Months:</source>
        <translation>月数：</translation>
    </message>
    <message>
        <source>Classes a month:</source>
        <translation>每月班数：</translation>
    </message>
    <message>
        <source>Class size:</source>
        <translation>每班人数：</translation>
    </message>
    <message>
        <source>No category ticked: anyone may apply.</source>
        <translation>不勾选任何类别：任何人都可报名。</translation>
    </message>
    <message>
        <source>Open to:</source>
        <translation>招收对象：</translation>
    </message>
    <message>
        <source>course&apos;s</source>
        <translation>按课程</translation>
    </message>
    <message>
        <source>Pass mark:</source>
        <translation>合格线：</translation>
    </message>
    <message>
        <source>%1 people are enrolled: the courses, venue, start month, months and classes a month can no longer change. The class size can, down to the fullest class.</source>
        <translation>已有 %1 人报名：课程、地点、起始月份、月数和每月开班数不能再改；班级人数仍可修改，但不能少于报名最多的班级的人数。</translation>
    </message>
</context>
<context>
    <name>ProgrammesPage</name>
    <message>
        <source>Programmes</source>
        <translation>培训项目</translation>
    </message>
    <message>
        <source>New programme…</source>
        <translation>新建培训项目……</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>修改……</translation>
    </message>
    <message>
        <source>Import applicants…</source>
        <translation>导入报名表……</translation>
    </message>
    <message>
        <source>Plan lessons…</source>
        <translation>排课……</translation>
    </message>
    <message>
        <source>Sign-in sheets…</source>
        <translation>打印签到表……</translation>
    </message>
    <message>
        <source>Sign-in sheets</source>
        <translation>签到表</translation>
    </message>
    <message>
        <source>Issue graded certificates…</source>
        <translation>颁发等级证书……</translation>
    </message>
    <message>
        <source>Classes of the selected programme</source>
        <translation>所选项目的班级</translation>
    </message>
    <message>
        <source>Trainees of the selected class: level and certificate (double-click the level to change it)</source>
        <translation>所选班级的学员：等级与持证情况（双击等级可修改）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>项目名称</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>培训地点</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>起始月份</translation>
    </message>
    <message>
        <source>Months</source>
        <translation>月数</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>班数</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>名额</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>已报名</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>班级编号</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>名额</translation>
    </message>
    <message>
        <source>%1: %2 classes made.</source>
        <translation>%1：已建 %2 个班。</translation>
    </message>
    <message>
        <source>%1 saved: %2 classes, %3 places.</source>
        <translation>%1 已保存：%2 个班，名额 %3 个。</translation>
    </message>
    <message>
        <source>%1: %2 lessons planned.</source>
        <translation>%1：已排定 %2 节课。</translation>
    </message>
    <message>
        <source>Enrolled %1, refused %2.</source>
        <translation>录取 %1 人，未录取 %2 人。</translation>
    </message>
    <message>
        <source>Issuing certificates…</source>
        <translation>正在颁发证书……</translation>
    </message>
    <message>
        <source>Issued %1, already held %2, not qualified %3.</source>
        <translation>已颁发 %1 张，已有证书 %2 人，不符合条件 %3 人。</translation>
    </message>
</context>
<context>
    <name>QProgressDialog</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Reports</source>
        <translation>报表与打印</translation>
    </message>
    <message>
        <source>Schedule (timetable)</source>
        <translation>课程表</translation>
    </message>
    <message>
        <source>A month timetable for everyone, one lecturer (with the workshops&apos; addresses and contacts) or one enterprise; A4 landscape.</source>
        <translation>全部、某位讲师（附车间地址和联系人）或某家企业的月课程表，A4 横向。</translation>
    </message>
    <message>
        <source>Sign-in sheet</source>
        <translation>签到表</translation>
    </message>
    <message>
        <source>One lesson&apos;s sheet: every trainee with masked ID, a signature box and a code for the scanner.</source>
        <translation>一次课的签到表：每名学员（身份证号脱敏）、签名栏和扫码用的条码。</translation>
    </message>
    <message>
        <source>Attendance of a class</source>
        <translation>培训班考勤汇总</translation>
    </message>
    <message>
        <source>Each trainee&apos;s attendance and who completes.</source>
        <translation>每名学员的出勤情况及结业情况。</translation>
    </message>
    <message>
        <source>Attendance of an enterprise</source>
        <translation>企业考勤汇总</translation>
    </message>
    <message>
        <source>All classes of one enterprise in a period.</source>
        <translation>某家企业在一段时间内的全部培训班。</translation>
    </message>
    <message>
        <source>Statistics for a period</source>
        <translation>阶段统计报告</translation>
    </message>
    <message>
        <source>Trainees, lessons, hours, completion and attendance by theme, enterprise, district and month, with charts.</source>
        <translation>按主题、企业、区县和月份统计的学员、课次、学时、结业率和出勤率，附图表。</translation>
    </message>
    <message>
        <source>Lecturer hours and fees</source>
        <translation>讲师课时与讲课费</translation>
    </message>
    <message>
        <source>Hours × rate by category, with the withholding for labour remuneration.</source>
        <translation>按讲师类别的课时 × 标准，含劳务报酬代扣个税。</translation>
    </message>
    <message>
        <source>Class archive (一班一档)</source>
        <translation>一班一档</translation>
    </message>
    <message>
        <source>Schedule, sign-in sheets, attendance, results, certificates and feedback of one class in one PDF.</source>
        <translation>一个培训班的课表、签到表、考勤、成绩、证书和满意度，合为一个 PDF。</translation>
    </message>
    <message>
        <source>Trainee record (一人一档)</source>
        <translation>一人一档</translation>
    </message>
    <message>
        <source>Every class, attendance, result and certificate of one person.</source>
        <translation>一名学员参加的全部培训班、考勤、成绩和证书。</translation>
    </message>
    <message>
        <source>Class:</source>
        <translation>培训班：</translation>
    </message>
    <message>
        <source>Lesson:</source>
        <translation>课次：</translation>
    </message>
    <message>
        <source>Month:</source>
        <translation>月份：</translation>
    </message>
    <message>
        <source>For:</source>
        <translation>范围：</translation>
    </message>
    <message>
        <source>Enterprise:</source>
        <translation>企业：</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>开始日期：</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>结束日期：</translation>
    </message>
    <message>
        <source>Trainee (name or ID number):</source>
        <translation>学员（姓名或身份证号）：</translation>
    </message>
    <message>
        <source>name, pinyin initials or last digits of the ID</source>
        <translation>姓名、拼音首字母或身份证号后几位</translation>
    </message>
    <message>
        <source>everyone</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>a lecturer</source>
        <translation>某位讲师</translation>
    </message>
    <message>
        <source>an enterprise</source>
        <translation>某家企业</translation>
    </message>
    <message>
        <source>Preview…</source>
        <translation>预览…</translation>
    </message>
    <message>
        <source>Fonts…</source>
        <translation>字体…</translation>
    </message>
    <message>
        <source>lesson %1</source>
        <translation>第 %1 次课</translation>
    </message>
    <message>
        <source>No trainee matches “%1”: type a name, pinyin initials or the last digits of the ID number.</source>
        <translation>找不到与“%1”相符的学员，请输入姓名、拼音首字母或身份证号后几位。</translation>
    </message>
    <message>
        <source>Choose what the document is about first.</source>
        <translation>请先选择文档的对象。</translation>
    </message>
</context>
<context>
    <name>RequestDialog</name>
    <message>
        <source>New training request</source>
        <translation>新建培训需求</translation>
    </message>
    <message>
        <source>Edit training request</source>
        <translation>编辑培训需求</translation>
    </message>
    <message>
        <source>&amp;Enterprise</source>
        <translation>企业(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Course</source>
        <translation>课程(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Workers</source>
        <translation>培训人数(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>开始日期(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>结束日期(&amp;T)</translation>
    </message>
    <message>
        <source>Week&amp;days</source>
        <translation>可培训星期(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Half-days</source>
        <translation>可培训时段(&amp;H)</translation>
    </message>
    <message>
        <source>Ordinary weekends too (never statutory holidays)</source>
        <translation>也可安排普通周末（法定节假日除外）</translation>
    </message>
    <message>
        <source>&amp;Blackout dates</source>
        <translation>不可培训日期(&amp;B)</translation>
    </message>
    <message>
        <source>production peaks, e.g. 2026-10-12, 2026-10-19</source>
        <translation>生产高峰等，如 2026-10-12, 2026-10-19</translation>
    </message>
    <message>
        <source>&amp;Priority (0–9)</source>
        <translation>优先级 0–9(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>状态(&amp;S)</translation>
    </message>
    <message>
        <source>No&amp;tes</source>
        <translation>备注(&amp;T)</translation>
    </message>
</context>
<context>
    <name>RequestsPage</name>
    <message>
        <source>Training requests</source>
        <translation>培训需求</translation>
    </message>
    <message>
        <source>New request</source>
        <translation>新建需求</translation>
    </message>
    <message>
        <source>Search: enterprise, course, pinyin initials (Ctrl+F)</source>
        <translation>搜索：企业、课程、拼音首字母（Ctrl+F）</translation>
    </message>
    <message>
        <source>Split into classes</source>
        <translation>分班</translation>
    </message>
    <message>
        <source>Classes within the course&apos;s and the workshop&apos;s capacity, ready for the planner</source>
        <translation>按课程和场地容量分成培训班，供自动排课使用</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>“%1” is split into %2 classes, ready for the planner (Schedule → Plan automatically):</source>
        <translation>“%1”已分为 %2 个培训班，可以自动排课了（排课 → 自动排课）：</translation>
    </message>
    <message>
        <source>%1: %2 places</source>
        <translation>%1：%2 个名额</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <source>Importing</source>
        <translation>正在导入</translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>取消导入</translation>
    </message>
    <message>
        <source>Writing %1 rows in one transaction…</source>
        <translation>正在写入 %1 行（全部成功或全部不写入）…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>The import failed; nothing was written: %1</source>
        <translation>导入失败，未写入任何数据：%1</translation>
    </message>
</context>
<context>
    <name>SchedulePage</name>
    <message>
        <source>Schedule</source>
        <translation>排课</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Undo the last change (Ctrl+Z)</source>
        <translation>撤销上一步更改（Ctrl+Z）</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Redo (Ctrl+Y)</source>
        <translation>重做（Ctrl+Y）</translation>
    </message>
    <message>
        <source>Conflicts in view</source>
        <translation>当前视图中的冲突</translation>
    </message>
    <message>
        <source>Plan automatically…</source>
        <translation>自动排课…</translation>
    </message>
    <message>
        <source>Place the lessons of the open training requests</source>
        <translation>为待安排的培训需求排课</translation>
    </message>
    <message>
        <source>Lecturer absent…</source>
        <translation>讲师缺勤…</translation>
    </message>
    <message>
        <source>Re-plan only the lessons that must move</source>
        <translation>只调整必须调整的课次</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Holidays…</source>
        <translation>节假日…</translation>
    </message>
    <message>
        <source>Holidays and adjusted working days of a year chinesecalendar does not know yet</source>
        <translation>录入程序尚未收录年份的节假日和调休</translation>
    </message>
    <message>
        <source>The lessons shown, as an Excel file…</source>
        <translation>将显示的课次导出为 Excel 文件…</translation>
    </message>
    <message>
        <source>The chosen lecturer&apos;s or enterprise&apos;s lessons as a calendar file (.ics)…</source>
        <translation>将所选讲师或企业的课次导出为日历文件（.ics）…</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Lecturer</source>
        <translation>按讲师</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>按企业</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>按培训地点</translation>
    </message>
    <message>
        <source>Amber, hatched days: statutory holidays computed from the law, no lesson is placed on them.</source>
        <translation>琥珀色斜线日期：按法定节日推算，待国务院通知确认，不会排课。</translation>
    </message>
    <message>
        <source>Cannot undo</source>
        <translation>无法撤销</translation>
    </message>
    <message>
        <source>Cannot redo</source>
        <translation>无法重做</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Move %1</source>
        <translation>移动 %1</translation>
    </message>
    <message>
        <source>Move it again to %1?</source>
        <translation>再次移动到 %1？</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>修改 %1</translation>
    </message>
    <message>
        <source>Delete lesson</source>
        <translation>删除课次</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>打开……</translation>
    </message>
    <message>
        <source>Cancel lesson…</source>
        <translation>取消课次……</translation>
    </message>
    <message>
        <source>Cancel lesson</source>
        <translation>取消课次</translation>
    </message>
    <message>
        <source>New lesson</source>
        <translation>新建课次</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
</context>
<context>
    <name>SigningKeyDialog</name>
    <message>
        <source>Certificate signing key</source>
        <translation>证书签名密钥</translation>
    </message>
    <message>
        <source>Certificates are signed with this key. The private key stays in a passphrase-protected file on the issuing computer, never in the database; publish the fingerprint (or the public key) so anyone can check a certificate. Keep an exported copy of the key file in a safe place.</source>
        <translation>证书用此密钥签名。私钥保存在发证电脑上由口令保护的文件中，从不存入数据库；请公布密钥指纹（或公钥），以便任何人查验证书。请把导出的密钥文件备份妥善保管。</translation>
    </message>
    <message>
        <source>Fingerprint:</source>
        <translation>密钥指纹：</translation>
    </message>
    <message>
        <source>Made:</source>
        <translation>创建：</translation>
    </message>
    <message>
        <source>Key file on this computer:</source>
        <translation>本机密钥文件：</translation>
    </message>
    <message>
        <source>Export a backup…</source>
        <translation>导出备份…</translation>
    </message>
    <message>
        <source>Import a key file…</source>
        <translation>导入密钥文件…</translation>
    </message>
    <message>
        <source>Save the public key…</source>
        <translation>保存公钥…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>尚未创建</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Replace the key…</source>
        <translation>更换密钥…</translation>
    </message>
    <message>
        <source>Make the key…</source>
        <translation>创建密钥…</translation>
    </message>
    <message>
        <source>Replace the key</source>
        <translation>更换密钥</translation>
    </message>
    <message>
        <source>Certificates signed so far keep verifying with the old key. New ones will be signed with the new key. Replace it?</source>
        <translation>已签发的证书仍可用旧密钥查验，新证书将用新密钥签名。确定更换吗？</translation>
    </message>
    <message>
        <source>Make the signing key</source>
        <translation>创建签名密钥</translation>
    </message>
    <message>
        <source>Choose a passphrase of at least 8 characters. Whoever issues certificates needs it; nobody can recover it.</source>
        <translation>请设置至少 8 个字符的口令。发证人员需要使用该口令，口令遗失后无法找回。</translation>
    </message>
    <message>
        <source>Signing key</source>
        <translation>签名密钥</translation>
    </message>
    <message>
        <source>Import the signing key file</source>
        <translation>导入签名密钥文件</translation>
    </message>
    <message>
        <source>The key file&apos;s passphrase:</source>
        <translation>密钥文件的口令：</translation>
    </message>
    <message>
        <source>Sign certificates</source>
        <translation>证书签名</translation>
    </message>
    <message>
        <source>Certificates are signed with the office&apos;s key. Its passphrase:</source>
        <translation>证书须用本单位的签名密钥签名。请输入密钥口令：</translation>
    </message>
    <message>
        <source>Import the key file now?</source>
        <translation>现在导入密钥文件吗？</translation>
    </message>
    <message>
        <source>The key file is %1. Export a backup now and keep it safe.</source>
        <translation>密钥文件位于 %1。请立即导出备份并妥善保管。</translation>
    </message>
    <message>
        <source>Export a backup of the key file</source>
        <translation>导出密钥文件备份</translation>
    </message>
    <message>
        <source>The key&apos;s passphrase:</source>
        <translation>密钥口令：</translation>
    </message>
    <message>
        <source>Save the public key</source>
        <translation>保存公钥</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>示例数据</translation>
    </message>
    <message>
        <source>This version of the program has no demo data yet.</source>
        <translation>本版本程序还没有示例数据。</translation>
    </message>
    <message>
        <source>Loading the demo data…</source>
        <translation>正在载入示例数据…</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>备份</translation>
    </message>
</context>
<context>
    <name>TemplateDialog</name>
    <message>
        <source>Certificate template</source>
        <translation>证书模板</translation>
    </message>
    <message>
        <source>landscape</source>
        <translation>横向</translation>
    </message>
    <message>
        <source>portrait</source>
        <translation>纵向</translation>
    </message>
    <message>
        <source>double</source>
        <translation>双线</translation>
    </message>
    <message>
        <source>single</source>
        <translation>单线</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>QR code with number and verification code</source>
        <translation>印二维码（含编号和验证码）</translation>
    </message>
    <message>
        <source>Seal image (PNG)…</source>
        <translation>印章图片（PNG）…</translation>
    </message>
    <message>
        <source>Placeholders: %1. Text in [brackets] is left out when its placeholder is empty.</source>
        <translation>可用占位符：%1。方括号 [ ] 中的文字在其占位符为空时省略。</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>正文：</translation>
    </message>
    <message>
        <source>Issued by:</source>
        <translation>发证单位：</translation>
    </message>
    <message>
        <source>Signature line:</source>
        <translation>签字栏：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>注：</translation>
    </message>
    <message>
        <source>Paper:</source>
        <translation>纸张方向：</translation>
    </message>
    <message>
        <source>Border:</source>
        <translation>边框：</translation>
    </message>
    <message>
        <source>Colour:</source>
        <translation>颜色：</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Built-in text</source>
        <translation>恢复默认文字</translation>
    </message>
    <message>
        <source>Seal image</source>
        <translation>印章图片</translation>
    </message>
</context>
<context>
    <name>ThemeDialog</name>
    <message>
        <source>New theme</source>
        <translation>新建主题</translation>
    </message>
    <message>
        <source>Edit theme</source>
        <translation>编辑主题</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>&amp;Colour</source>
        <translation>颜色(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Order</source>
        <translation>排序(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>说明(&amp;D)</translation>
    </message>
</context>
<context>
    <name>TokensDialog</name>
    <message>
        <source>Login tokens of %1</source>
        <translation>%1 的登录令牌</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>电脑</translation>
    </message>
    <message>
        <source>Logged in</source>
        <translation>登录时间</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>注销</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Each computer where %1 ran “trainer login” keeps its own token. A new password ends them all.</source>
        <translation>%1 在哪台电脑上用命令行登录过（trainer login），那台电脑就保存一个令牌。修改密码后全部失效。</translation>
    </message>
    <message>
        <source> (expired)</source>
        <translation>（已过期）</translation>
    </message>
    <message>
        <source>No tokens: nobody is logged in as this user on the command line.</source>
        <translation>没有令牌：没有人以该用户在命令行登录。</translation>
    </message>
</context>
<context>
    <name>TraineeChooser</name>
    <message>
        <source>Which trainee?</source>
        <translation>选择学员</translation>
    </message>
    <message>
        <source>More than %1 trainees match “%2”; the first %1 are shown (type more of the name or ID number to narrow it). Choose one:</source>
        <translation>与“%2”相符的学员超过 %1 名，只列出前 %1 名（输入更完整的姓名或身份证号可缩小范围），请选择一人：</translation>
    </message>
    <message>
        <source>%1 trainees match “%2”. Choose one:</source>
        <translation>有 %1 名学员与“%2”相符，请选择一人：</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Choose</source>
        <translation>选择</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>TraineeDialog</name>
    <message>
        <source>New trainee</source>
        <translation>新建学员</translation>
    </message>
    <message>
        <source>Edit trainee</source>
        <translation>编辑学员</translation>
    </message>
    <message>
        <source>Full &amp;name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Gender</source>
        <translation>性别(&amp;G)</translation>
    </message>
    <message>
        <source>(from the ID number)</source>
        <translation>（按身份证号）</translation>
    </message>
    <message>
        <source>&amp;ID number</source>
        <translation>身份证号(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Mobile</source>
        <translation>手机号(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Enterprise</source>
        <translation>企业(&amp;E)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>&amp;Post</source>
        <translation>岗位(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Category</source>
        <translation>类别(&amp;C)</translation>
    </message>
    <message>
        <source>No&amp;tes</source>
        <translation>备注(&amp;T)</translation>
    </message>
</context>
<context>
    <name>TraineesPage</name>
    <message>
        <source>Trainees</source>
        <translation>学员</translation>
    </message>
    <message>
        <source>New trainee</source>
        <translation>新建学员</translation>
    </message>
    <message>
        <source>Search: pinyin initials, part of a name, ID number or mobile digits (Ctrl+F)</source>
        <translation>搜索：拼音首字母、姓名片段、身份证号或手机号数字（Ctrl+F）</translation>
    </message>
    <message>
        <source>Show full ID and mobile</source>
        <translation>显示完整证件号和手机号</translation>
    </message>
    <message>
        <source>Shown masked by default; showing them in full is recorded in the audit trail</source>
        <translation>默认脱敏显示；显示完整号码会记入操作日志</translation>
    </message>
    <message>
        <source>counting…</source>
        <translation>正在计数…</translation>
    </message>
    <message>
        <source>more than %1 trainees</source>
        <translation>超过 %1 名学员</translation>
    </message>
    <message>
        <source>%1 trainees</source>
        <translation>%1 名学员</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>Users</source>
        <translation>用户管理</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Last login</source>
        <translation>最近登录</translation>
    </message>
    <message>
        <source>Add user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <source>Change role…</source>
        <translation>更改角色…</translation>
    </message>
    <message>
        <source>Disable / enable</source>
        <translation>停用/启用</translation>
    </message>
    <message>
        <source>New password…</source>
        <translation>重设密码…</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Login tokens…</source>
        <translation>登录令牌…</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Role of %1</source>
        <translation>%1 的角色</translation>
    </message>
    <message>
        <source>New password for %1</source>
        <translation>%1 的新密码</translation>
    </message>
</context>
<context>
    <name>ValuesPage</name>
    <message>
        <source>Values we do not know</source>
        <translation>未识别的值</translation>
    </message>
    <message>
        <source>The file uses these words where we have a list of our own. No row is rejected for them: keep each as written, or choose one of ours. The choice applies to every row of this file.</source>
        <translation>文件中这些列用了本系统列表以外的写法。不会因此退回任何一行：可以按原样保留，也可以对应为本系统的某一项。所作选择适用于本文件的每一行。</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Written in the file</source>
        <translation>文件中的写法</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Becomes</source>
        <translation>导入为</translation>
    </message>
    <message>
        <source>taken from the ID number</source>
        <translation>按身份证号确定</translation>
    </message>
    <message>
        <source>keep as written</source>
        <translation>按原样保留</translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>正在逐行检查……</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <source>Check a certificate</source>
        <translation>查验证书</translation>
    </message>
    <message>
        <source>number, or scan the QR code here</source>
        <translation>证书编号，或在此扫描二维码</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>查验</translation>
    </message>
    <message>
        <source>Certificate number:</source>
        <translation>证书编号：</translation>
    </message>
    <message>
        <source>Verification code:</source>
        <translation>验证码：</translation>
    </message>
</context>
<context>
    <name>_AccountDialog</name>
    <message>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
</TS>
