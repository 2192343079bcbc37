<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>AdminActions</name>
    <message>
        <source>Backup</source>
        <translation>Backup</translation>
    </message>
    <message>
        <source>Saved a copy of the database:
%1</source>
        <translation>Saved a copy of the database:
%1</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Restore a backup</translation>
    </message>
    <message>
        <source>Backups (*.db *.sqlite *.dump *.backup);;All files (*)</source>
        <translation>Backups (*.db *.sqlite *.dump *.backup);;All files (*)</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Restored from %1. The data before the restore is kept in %2.
Factory Classroom closes now; start it again to work on the restored data.</source>
        <translation>Restored from %1. The data before the restore is kept in %2.
Factory Classroom closes now; start it again to work on the restored data.</translation>
    </message>
</context>
<context>
    <name>ApplicantsPreviewPage</name>
    <message>
        <source>Enrolled %1, refused %2.</source>
        <translation>Enrolled %1, refused %2.</translation>
    </message>
    <message>
        <source>Check before enrolling</source>
        <translation>Check before enrolling</translation>
    </message>
    <message>
        <source>Nothing has been written yet. Each eligible applicant goes to the first class of their level with a free place, in the order of the list.</source>
        <translation>Nothing has been written yet. Each eligible applicant goes to the first class of their level with a free place, in the order of the list.</translation>
    </message>
    <message>
        <source>Show only the refused rows</source>
        <translation>Show only the refused rows</translation>
    </message>
    <message>
        <source>Save refused rows…</source>
        <translation>Save refused rows…</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Enrol %1</source>
        <translation>Enrol %1</translation>
    </message>
    <message>
        <source>Programme: %1</source>
        <translation>Programme: %1</translation>
    </message>
    <message>
        <source>%1 rows: %2 to enrol (%3 new to the database), %4 refused.</source>
        <translation>%1 rows: %2 to enrol (%3 new to the database), %4 refused.</translation>
    </message>
    <message>
        <source>; </source>
        <translation>; </translation>
    </message>
    <message>
        <source>By level: %1</source>
        <translation>By level: %1</translation>
    </message>
    <message>
        <source>By class: %1</source>
        <translation>By class: %1</translation>
    </message>
    <message>
        <source>-refused</source>
        <translation>-refused</translation>
    </message>
    <message>
        <source>Save refused rows</source>
        <translation>Save refused rows</translation>
    </message>
    <message>
        <source>Next &gt;</source>
        <translation>Next &gt;</translation>
    </message>
</context>
<context>
    <name>AttendanceGridModel</name>
    <message>
        <source>Changed on another computer after you edited it: saving will refuse this cell; reload the class to see the new entry.</source>
        <translation>Changed on another computer after you edited it: saving will refuse this cell; reload the class to see the new entry.</translation>
    </message>
    <message>
        <source>Trainee</source>
        <translation>Trainee</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>Enterprise</translation>
    </message>
</context>
<context>
    <name>AttendancePage</name>
    <message>
        <source>Attendance</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <source>Enrol trainees…</source>
        <translation>Enrol trainees…</translation>
    </message>
    <message>
        <source>Import online hours…</source>
        <translation>Import online hours…</translation>
    </message>
    <message>
        <source>Sign-in grid</source>
        <translation>Sign-in grid</translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <source>Completion and scores</source>
        <translation>Completion and scores</translation>
    </message>
    <message>
        <source>Mark all present (this lesson)</source>
        <translation>Mark all present (this lesson)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Arrows move · Space cycles · P present · L late · E excused · A absent · Delete clears</source>
        <translation>Arrows move · Space cycles · P present · L late · E excused · A absent · Delete clears</translation>
    </message>
    <message>
        <source>Scan the code on the sign-in sheet, or type the last digits of the ID number, then Enter:</source>
        <translation>Scan the code on the sign-in sheet, or type the last digits of the ID number, then Enter:</translation>
    </message>
    <message>
        <source>Save scores</source>
        <translation>Save scores</translation>
    </message>
    <message>
        <source>Trainee</source>
        <translation>Trainee</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>Attended</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Completes</source>
        <translation>Completes</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>%1 trainees · %2 unsaved changes</source>
        <translation>%1 trainees · %2 unsaved changes</translation>
    </message>
    <message>
        <source>%1 of them changed on another computer meanwhile (red)</source>
        <translation>%1 of them changed on another computer meanwhile (red)</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>Lesson %1 · %2 %3</source>
        <translation>Lesson %1 · %2 %3</translation>
    </message>
    <message>
        <source>%1 of %2 complete · lessons held %3, to come %4</source>
        <translation>%1 of %2 complete · lessons held %3, to come %4</translation>
    </message>
    <message>
        <source> · online study needed: %1 h</source>
        <translation> · online study needed: %1 h</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>Audit trail</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <source>user name</source>
        <translation>user name</translation>
    </message>
    <message>
        <source>All records</source>
        <translation>All records</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>All actions</translation>
    </message>
    <message>
        <source>words in the entry, e.g. 张三</source>
        <translation>words in the entry, e.g. 张三</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Check the chain</source>
        <translation>Check the chain</translation>
    </message>
    <message>
        <source>Each entry holds a fingerprint of the one before: checks that no entry was changed or removed</source>
        <translation>Each entry holds a fingerprint of the one before: checks that no entry was changed or removed</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>What happened</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <source>Purge deleted trainees…</source>
        <translation>Purge deleted trainees…</translation>
    </message>
    <message>
        <source>Blanks the personal data of trainees deleted longer ago than the retention period in the audit trail; what was done, by whom and when stays.</source>
        <translation>Blanks the personal data of trainees deleted longer ago than the retention period in the audit trail; what was done, by whom and when stays.</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <source>Checking the audit trail…</source>
        <translation>Checking the audit trail…</translation>
    </message>
    <message>
        <source>The audit trail is whole: %1 entries checked, none changed or removed.</source>
        <translation>The audit trail is whole: %1 entries checked, none changed or removed.</translation>
    </message>
    <message>
        <source>The audit trail was tampered with: entry %1 (%2) does not follow from the one before — it was changed, or entries before it were removed.</source>
        <translation>The audit trail was tampered with: entry %1 (%2) does not follow from the one before — it was changed, or entries before it were removed.</translation>
    </message>
    <message>
        <source>No trainee deleted more than %1 days ago has personal data left in the audit trail.</source>
        <translation>No trainee deleted more than %1 days ago has personal data left in the audit trail.</translation>
    </message>
    <message>
        <source>Blank the personal data (name, ID number, mobile…) of %1 trainees deleted more than %2 days ago in %3 audit entries? This cannot be undone.</source>
        <translation>Blank the personal data (name, ID number, mobile…) of %1 trainees deleted more than %2 days ago in %3 audit entries? This cannot be undone.</translation>
    </message>
    <message>
        <source>Purged the personal data of %1 trainees from %2 audit entries; the chain still holds.</source>
        <translation>Purged the personal data of %1 trainees from %2 audit entries; the chain still holds.</translation>
    </message>
    <message>
        <source>Purge personal data</source>
        <translation>Purge personal data</translation>
    </message>
    <message>
        <source>The audit trail was tampered with: entry %1, as this desk recorded it, is no longer there — the newest entries were removed and others written in their place.</source>
        <translation>The audit trail was tampered with: entry %1, as this desk recorded it, is no longer there — the newest entries were removed and others written in their place.</translation>
    </message>
    <message>
        <source>The audit trail was cut short: the entries after entry %1 are missing (this desk recorded up to entry %2) — the newest entries were removed.</source>
        <translation>The audit trail was cut short: the entries after entry %1 are missing (this desk recorded up to entry %2) — the newest entries were removed.</translation>
    </message>
    <message>
        <source>The newest %1 entries are shown; narrow the filter to see older ones.</source>
        <translation>The newest %1 entries are shown; narrow the filter to see older ones.</translation>
    </message>
</context>
<context>
    <name>CertificatesPage</name>
    <message>
        <source>Certificates</source>
        <translation>Certificates</translation>
    </message>
    <message>
        <source>Issue to all who qualify</source>
        <translation>Issue to all who qualify</translation>
    </message>
    <message>
        <source>Preview and print…</source>
        <translation>Preview and print…</translation>
    </message>
    <message>
        <source>Print the selected one…</source>
        <translation>Print the selected one…</translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation>Revoke…</translation>
    </message>
    <message>
        <source>Reissue…</source>
        <translation>Reissue…</translation>
    </message>
    <message>
        <source>Check a certificate…</source>
        <translation>Check a certificate…</translation>
    </message>
    <message>
        <source>Template…</source>
        <translation>Template…</translation>
    </message>
    <message>
        <source>Completion certificate (结业证书)</source>
        <translation>Completion certificate (结业证书)</translation>
    </message>
    <message>
        <source>Attendance certificate (培训证明)</source>
        <translation>Attendance certificate (培训证明)</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Trainee</source>
        <translation>Trainee</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Issued</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>valid</translation>
    </message>
    <message>
        <source>revoked: %1</source>
        <translation>revoked: %1</translation>
    </message>
    <message>
        <source>Issuing certificates…</source>
        <translation>Issuing certificates…</translation>
    </message>
    <message>
        <source>Issued %1, already held %2, not qualified %3.</source>
        <translation>Issued %1, already held %2, not qualified %3.</translation>
    </message>
    <message>
        <source>Certificate %1</source>
        <translation>Certificate %1</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <source>Revoke %1</source>
        <translation>Revoke %1</translation>
    </message>
    <message>
        <source>Reason (kept in the certificate's history):</source>
        <translation>Reason (kept in the certificate's history):</translation>
    </message>
    <message>
        <source>Reissue %1</source>
        <translation>Reissue %1</translation>
    </message>
    <message>
        <source>Reason (lost, name corrected…):</source>
        <translation>Reason (lost, name corrected…):</translation>
    </message>
    <message>
        <source>%1 replaces %2.</source>
        <translation>%1 replaces %2.</translation>
    </message>
</context>
<context>
    <name>ClassLevelsGrid</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>ID (last 4)</source>
        <translation>ID (last 4)</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Holds the certificate</source>
        <translation>Holds the certificate</translation>
    </message>
    <message>
        <source>Double-click to choose the level</source>
        <translation>Double-click to choose the level</translation>
    </message>
    <message>
        <source>%1: level %2.</source>
        <translation>%1: level %2.</translation>
    </message>
    <message>
        <source>%1 holds the certificate.</source>
        <translation>%1 holds the certificate.</translation>
    </message>
    <message>
        <source>%1 does not hold the certificate.</source>
        <translation>%1 does not hold the certificate.</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>Venue (workshop)</source>
        <translation>Venue (workshop)</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Capacity</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>CourseDialog</name>
    <message>
        <source>New course</source>
        <translation>New course</translation>
    </message>
    <message>
        <source>Edit course</source>
        <translation>Edit course</translation>
    </message>
    <message>
        <source>T&amp;heme</source>
        <translation>T&amp;heme</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Title</translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation>&amp;Lessons</translation>
    </message>
    <message>
        <source>&amp;Minutes per lesson</source>
        <translation>&amp;Minutes per lesson</translation>
    </message>
    <message>
        <source>Total &amp;hours</source>
        <translation>Total &amp;hours</translation>
    </message>
    <message>
        <source>from lessons × minutes when left blank</source>
        <translation>from lessons × minutes when left blank</translation>
    </message>
    <message>
        <source>Theory &amp;share (%)</source>
        <translation>Theory &amp;share (%)</translation>
    </message>
    <message>
        <source>Class &amp;size</source>
        <translation>Class &amp;size</translation>
    </message>
    <message>
        <source>&amp;Pass mark</source>
        <translation>&amp;Pass mark</translation>
    </message>
    <message>
        <source>blank: no assessment</source>
        <translation>blank: no assessment</translation>
    </message>
    <message>
        <source>Required &amp;attendance (%)</source>
        <translation>Required &amp;attendance (%)</translation>
    </message>
    <message>
        <source>Excused leave counts as present</source>
        <translation>Excused leave counts as present</translation>
    </message>
    <message>
        <source>Required &amp;online study (hours)</source>
        <translation>Required &amp;online study (hours)</translation>
    </message>
    <message>
        <source>blank: no online study required</source>
        <translation>blank: no online study required</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Description</translation>
    </message>
</context>
<context>
    <name>CoursesPage</name>
    <message>
        <source>Courses &amp; themes</source>
        <translation>Courses &amp; themes</translation>
    </message>
    <message>
        <source>New course</source>
        <translation>New course</translation>
    </message>
    <message>
        <source>Search courses: title, theme (Ctrl+F)</source>
        <translation>Search courses: title, theme (Ctrl+F)</translation>
    </message>
    <message>
        <source>Themes</source>
        <translation>Themes</translation>
    </message>
    <message>
        <source>New theme</source>
        <translation>New theme</translation>
    </message>
    <message>
        <source>Edit theme</source>
        <translation>Edit theme</translation>
    </message>
    <message>
        <source>Delete theme</source>
        <translation>Delete theme</translation>
    </message>
    <message>
        <source>Show the courses of every theme</source>
        <translation>Show the courses of every theme</translation>
    </message>
</context>
<context>
    <name>CreateAdminDialog</name>
    <message>
        <source>Create the administrator</source>
        <translation>Create the administrator</translation>
    </message>
    <message>
        <source>Nobody can use this database yet. Create the administrator's account: the administrator adds the other users (training officers, clerks, viewers).</source>
        <translation>Nobody can use this database yet. Create the administrator's account: the administrator adds the other users (training officers, clerks, viewers).</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Create</translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation>Full name:</translation>
    </message>
    <message>
        <source>Password again:</source>
        <translation>Password again:</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>The two passwords differ.</translation>
    </message>
</context>
<context>
    <name>DaysOffBanner</name>
    <message>
        <source>Re-plan these</source>
        <translation>Re-plan these</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Hide</translation>
    </message>
    <message numerus="yes">
        <source>Now on a day off: %n lesson(s)</source>
        <translation>
            <numerusform>Now on a day off: %n lesson</numerusform><numerusform>Now on a day off: %n lessons</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform><numerusform>… and %n more</numerusform></translation>
    </message>
</context>
<context>
    <name>EligibilityDialog</name>
    <message>
        <source>Who may join: %1</source>
        <translation>Who may join: %1</translation>
    </message>
    <message>
        <source>Only the workers of %1</source>
        <translation>Only the workers of %1</translation>
    </message>
    <message>
        <source>Only one enterprise's workers (this class has none)</source>
        <translation>Only one enterprise's workers (this class has none)</translation>
    </message>
    <message>
        <source>Open recruitment</source>
        <translation>Open recruitment</translation>
    </message>
    <message>
        <source>No category ticked: anyone may join.</source>
        <translation>No category ticked: anyone may join.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <source>Enrol trainees: %1</source>
        <translation>Enrol trainees: %1</translation>
    </message>
    <message>
        <source>Tick all shown</source>
        <translation>Tick all shown</translation>
    </message>
    <message>
        <source>Untick all</source>
        <translation>Untick all</translation>
    </message>
    <message>
        <source>Everyone matching…</source>
        <translation>Everyone matching…</translation>
    </message>
    <message>
        <source>Whole enterprise roster…</source>
        <translation>Whole enterprise roster…</translation>
    </message>
    <message>
        <source>From a list file…</source>
        <translation>From a list file…</translation>
    </message>
    <message>
        <source>Enrol ticked…</source>
        <translation>Enrol ticked…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Or enrol at once:</source>
        <translation>Or enrol at once:</translation>
    </message>
    <message>
        <source>%1 of %2 places taken</source>
        <translation>%1 of %2 places taken</translation>
    </message>
    <message>
        <source>%1 ticked</source>
        <translation>%1 ticked</translation>
    </message>
    <message>
        <source>Tick the trainees to enrol first.</source>
        <translation>Tick the trainees to enrol first.</translation>
    </message>
    <message>
        <source>A list of ID numbers or names</source>
        <translation>A list of ID numbers or names</translation>
    </message>
    <message>
        <source>Lists (*.xlsx *.xls *.ods *.csv *.txt);;All files (*)</source>
        <translation>Lists (*.xlsx *.xls *.ods *.csv *.txt);;All files (*)</translation>
    </message>
    <message>
        <source>Checking the choice…</source>
        <translation>Checking the choice…</translation>
    </message>
    <message>
        <source>Enrolling…</source>
        <translation>Enrolling…</translation>
    </message>
    <message>
        <source>name, pinyin initials, ID or mobile digits</source>
        <translation>name, pinyin initials, ID or mobile digits</translation>
    </message>
    <message>
        <source>Who may join…</source>
        <translation>Who may join…</translation>
    </message>
    <message>
        <source>All enterprises and individuals</source>
        <translation>All enterprises and individuals</translation>
    </message>
    <message>
        <source>Trainee</source>
        <translation>Trainee</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>in this class</source>
        <translation>in this class</translation>
    </message>
</context>
<context>
    <name>EnrolSummaryDialog</name>
    <message>
        <source>Check the enrolment</source>
        <translation>Check the enrolment</translation>
    </message>
    <message>
        <source>Not enrolled, and why:</source>
        <translation>Not enrolled, and why:</translation>
    </message>
    <message>
        <source>Everyone chosen gets a place.</source>
        <translation>Everyone chosen gets a place.</translation>
    </message>
    <message>
        <source>Enrol %1</source>
        <translation>Enrol %1</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
</context>
<context>
    <name>EnterpriseDialog</name>
    <message>
        <source>New enterprise</source>
        <translation>New enterprise</translation>
    </message>
    <message>
        <source>Edit enterprise</source>
        <translation>Edit enterprise</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Credit code</source>
        <translation>&amp;Credit code</translation>
    </message>
    <message>
        <source>18 characters, e.g. 91360500MA35XXXXXX</source>
        <translation>18 characters, e.g. 91360500MA35XXXXXX</translation>
    </message>
    <message>
        <source>&amp;District</source>
        <translation>&amp;District</translation>
    </message>
    <message>
        <source>Industrial &amp;park</source>
        <translation>Industrial &amp;park</translation>
    </message>
    <message>
        <source>&amp;Industry</source>
        <translation>&amp;Industry</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>&amp;Address</translation>
    </message>
    <message>
        <source>C&amp;ontact</source>
        <translation>C&amp;ontact</translation>
    </message>
    <message>
        <source>Contact &amp;phone</source>
        <translation>Contact &amp;phone</translation>
    </message>
    <message>
        <source>&amp;Workers</source>
        <translation>&amp;Workers</translation>
    </message>
    <message>
        <source>No&amp;tes</source>
        <translation>No&amp;tes</translation>
    </message>
    <message>
        <source>&lt;b&gt;Venues (workshops)&lt;/b&gt; where lessons can take place</source>
        <translation>&lt;b&gt;Venues (workshops)&lt;/b&gt; where lessons can take place</translation>
    </message>
    <message>
        <source>Add venue</source>
        <translation>Add venue</translation>
    </message>
    <message>
        <source>Remove venue</source>
        <translation>Remove venue</translation>
    </message>
</context>
<context>
    <name>EnterprisesPage</name>
    <message>
        <source>Enterprises</source>
        <translation>Enterprises</translation>
    </message>
    <message>
        <source>New enterprise</source>
        <translation>New enterprise</translation>
    </message>
    <message>
        <source>Search: name, pinyin initials, district, credit code (Ctrl+F)</source>
        <translation>Search: name, pinyin initials, district, credit code (Ctrl+F)</translation>
    </message>
    <message>
        <source>Select an enterprise to see its venues (workshops).</source>
        <translation>Select an enterprise to see its venues (workshops).</translation>
    </message>
    <message>
        <source>%1 seats</source>
        <translation>%1 seats</translation>
    </message>
    <message>
        <source>Venues:</source>
        <translation>Venues:</translation>
    </message>
    <message>
        <source>No venues yet: add workshops in the edit dialog (Enter).</source>
        <translation>No venues yet: add workshops in the edit dialog (Enter).</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Unexpected error</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <source>Something went wrong that the program did not expect: %1

What you were doing may not have been saved. The details are in the log file:
%2</source>
        <translation>Something went wrong that the program did not expect: %1

What you were doing may not have been saved. The details are in the log file:
%2</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Copy details</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Choose the file</source>
        <translation>Choose the file</translation>
    </message>
    <message>
        <source>The applicants' list as it came: an Excel (.xlsx, .xls), WPS or LibreOffice (.ods) or CSV file; title rows, blank rows and total rows are skipped.</source>
        <translation>The applicants' list as it came: an Excel (.xlsx, .xls), WPS or LibreOffice (.ods) or CSV file; title rows, blank rows and total rows are skipped.</translation>
    </message>
    <message>
        <source>An Excel (.xlsx, .xls), WPS or LibreOffice (.ods) or CSV file, as the enterprise sent it: title rows, blank rows and total rows are skipped.</source>
        <translation>An Excel (.xlsx, .xls), WPS or LibreOffice (.ods) or CSV file, as the enterprise sent it: title rows, blank rows and total rows are skipped.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>skip them</source>
        <translation>skip them</translation>
    </message>
    <message>
        <source>update them with the file's values</source>
        <translation>update them with the file's values</translation>
    </message>
    <message>
        <source>Save a blank template…</source>
        <translation>Save a blank template…</translation>
    </message>
    <message>
        <source>Programme:</source>
        <translation>Programme:</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>File:</translation>
    </message>
    <message>
        <source>Enterprise:</source>
        <translation>Enterprise:</translation>
    </message>
    <message>
        <source>Already in the database:</source>
        <translation>Already in the database:</translation>
    </message>
    <message>
        <source>— as given in the file —</source>
        <translation>— as given in the file —</translation>
    </message>
    <message>
        <source>Choose the file to import</source>
        <translation>Choose the file to import</translation>
    </message>
    <message>
        <source>Save the template</source>
        <translation>Save the template</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Reading the file…</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to Factory Classroom</source>
        <translation>Welcome to Factory Classroom</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Welcome&lt;/h3&gt;&lt;p&gt;This database is empty. You can look around with the demo data of a city federation of trade unions (enterprises, lecturers, courses and trainees), or start with your own union's data.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Welcome&lt;/h3&gt;&lt;p&gt;This database is empty. You can look around with the demo data of a city federation of trade unions (enterprises, lecturers, courses and trainees), or start with your own union's data.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Load the demo data</source>
        <translation>&amp;Load the demo data</translation>
    </message>
    <message>
        <source>&amp;Start empty</source>
        <translation>&amp;Start empty</translation>
    </message>
    <message>
        <source>Your union's &amp;name</source>
        <translation>Your union's &amp;name</translation>
    </message>
    <message>
        <source>e.g. 新余市总工会</source>
        <translation>e.g. 新余市总工会</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
</context>
<context>
    <name>Fonts</name>
    <message>
        <source>No Chinese font</source>
        <translation>No Chinese font</translation>
    </message>
    <message>
        <source>No font on this computer can display Chinese characters, so names would show as empty boxes. Please install a Chinese font (on Debian or Ubuntu: fonts-wqy-microhei or fonts-noto-cjk) and restart.</source>
        <translation>No font on this computer can display Chinese characters, so names would show as empty boxes. Please install a Chinese font (on Debian or Ubuntu: fonts-wqy-microhei or fonts-noto-cjk) and restart.</translation>
    </message>
</context>
<context>
    <name>FontsDialog</name>
    <message>
        <source>Document fonts</source>
        <translation>Document fonts</translation>
    </message>
    <message>
        <source>Tables and reports:</source>
        <translation>Tables and reports:</translation>
    </message>
    <message>
        <source>Certificates:</source>
        <translation>Certificates:</translation>
    </message>
    <message>
        <source>Automatic (fonts shipped with the program)</source>
        <translation>Automatic (fonts shipped with the program)</translation>
    </message>
    <message>
        <source>shipped</source>
        <translation>shipped</translation>
    </message>
    <message>
        <source>this computer</source>
        <translation>this computer</translation>
    </message>
    <message>
        <source>Another font file…</source>
        <translation>Another font file…</translation>
    </message>
    <message>
        <source>Characters a font lacks (rare characters in names) are taken from another font that has them.</source>
        <translation>Characters a font lacks (rare characters in names) are taken from another font that has them.</translation>
    </message>
    <message>
        <source>Choose a TrueType font</source>
        <translation>Choose a TrueType font</translation>
    </message>
    <message>
        <source>TrueType fonts (*.ttf *.ttc)</source>
        <translation>TrueType fonts (*.ttf *.ttc)</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>HolidaysDialog</name>
    <message>
        <source>Holidays and adjusted working days</source>
        <translation>Holidays and adjusted working days</translation>
    </message>
    <message>
        <source>State Council notice</source>
        <translation>State Council notice</translation>
    </message>
    <message>
        <source>Single days</source>
        <translation>Single days</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Paste the text of the State Council's notice on next year's holidays (or open a .txt, .docx or .pdf copy), then read it: every item is checked and shown on the calendar before anything is saved.</source>
        <translation>Paste the text of the State Council's notice on next year's holidays (or open a .txt, .docx or .pdf copy), then read it: every item is checked and shown on the calendar before anything is saved.</translation>
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
        <translation>Open a file…</translation>
    </message>
    <message>
        <source>Read the notice</source>
        <translation>Read the notice</translation>
    </message>
    <message>
        <source>Save the notice</source>
        <translation>Save the notice</translation>
    </message>
    <message>
        <source>&lt;span style='background:#f4b6b6'&gt;&amp;nbsp;holiday&amp;nbsp;&lt;/span&gt; &lt;span style='background:#b9e3bf'&gt;&amp;nbsp;adjusted working day&amp;nbsp;&lt;/span&gt; &lt;span style='background:#ffe8b3'&gt;&amp;nbsp;%1&amp;nbsp;&lt;/span&gt; &lt;span style='color:#1565c0'&gt;&amp;nbsp;▢ blue outline: set by the notice&lt;/span&gt;</source>
        <translation>&lt;span style='background:#f4b6b6'&gt;&amp;nbsp;holiday&amp;nbsp;&lt;/span&gt; &lt;span style='background:#b9e3bf'&gt;&amp;nbsp;adjusted working day&amp;nbsp;&lt;/span&gt; &lt;span style='background:#ffe8b3'&gt;&amp;nbsp;%1&amp;nbsp;&lt;/span&gt; &lt;span style='color:#1565c0'&gt;&amp;nbsp;▢ blue outline: set by the notice&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Days off</source>
        <translation>Days off</translation>
    </message>
    <message>
        <source>Days off, checked</source>
        <translation>Days off, checked</translation>
    </message>
    <message>
        <source>Working days</source>
        <translation>Working days</translation>
    </message>
    <message>
        <source>%1 as the calendar has it now</source>
        <translation>%1 as the calendar has it now</translation>
    </message>
    <message>
        <source>%1 as the notice makes it (not saved yet)</source>
        <translation>%1 as the notice makes it (not saved yet)</translation>
    </message>
    <message>
        <source>Open the notice</source>
        <translation>Open the notice</translation>
    </message>
    <message>
        <source>Notice (*.txt *.docx *.pdf)</source>
        <translation>Notice (*.txt *.docx *.pdf)</translation>
    </message>
    <message>
        <source>Read %1 items: %2 days off and %3 adjusted working days. Check them on the calendar, then save.</source>
        <translation>Read %1 items: %2 days off and %3 adjusted working days. Check them on the calendar, then save.</translation>
    </message>
    <message>
        <source>%1 ✓ (the notice says %2)</source>
        <translation>%1 ✓ (the notice says %2)</translation>
    </message>
    <message>
        <source>%1 (no count in the notice)</source>
        <translation>%1 (no count in the notice)</translation>
    </message>
    <message>
        <source>Saved %1 days: the holidays of %2 are confirmed by the notice.</source>
        <translation>Saved %1 days: the holidays of %2 are confirmed by the notice.</translation>
    </message>
    <message>
        <source>A local holiday, or a day the office works: entered here it wins over the notice and the statutory days.</source>
        <translation>A local holiday, or a day the office works: entered here it wins over the notice and the statutory days.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>adjusted working day (调休上班), not a holiday</source>
        <translation>adjusted working day (调休上班), not a holiday</translation>
    </message>
    <message>
        <source>e.g. 春节</source>
        <translation>e.g. 春节</translation>
    </message>
    <message>
        <source>Save these days</source>
        <translation>Save these days</translation>
    </message>
    <message>
        <source>Remove the selected day</source>
        <translation>Remove the selected day</translation>
    </message>
    <message>
        <source>From – to:</source>
        <translation>From – to:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>working day</source>
        <translation>working day</translation>
    </message>
    <message>
        <source>holiday</source>
        <translation>holiday</translation>
    </message>
    <message>
        <source> (notice %1)</source>
        <translation> (notice %1)</translation>
    </message>
    <message>
        <source>The last day is before the first.</source>
        <translation>The last day is before the first.</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Next &gt;</source>
        <translation>Next &gt;</translation>
    </message>
    <message>
        <source>&lt; Back</source>
        <translation>&lt; Back</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Import %1</source>
        <translation>Import %1</translation>
    </message>
    <message>
        <source>Done: %1 created, %2 updated, %3 skipped.</source>
        <translation>Done: %1 created, %2 updated, %3 skipped.</translation>
    </message>
    <message>
        <source>trainees</source>
        <translation>trainees</translation>
    </message>
    <message>
        <source>enterprises</source>
        <translation>enterprises</translation>
    </message>
    <message>
        <source>lecturers</source>
        <translation>lecturers</translation>
    </message>
    <message>
        <source>training requests</source>
        <translation>training requests</translation>
    </message>
    <message>
        <source>applicants' list</source>
        <translation>applicants' list</translation>
    </message>
</context>
<context>
    <name>LecturerDialog</name>
    <message>
        <source>New lecturer</source>
        <translation>New lecturer</translation>
    </message>
    <message>
        <source>Edit lecturer</source>
        <translation>Edit lecturer</translation>
    </message>
    <message>
        <source>Full &amp;name</source>
        <translation>Full &amp;name</translation>
    </message>
    <message>
        <source>&amp;Category</source>
        <translation>&amp;Category</translation>
    </message>
    <message>
        <source>&amp;Gender</source>
        <translation>&amp;Gender</translation>
    </message>
    <message>
        <source>&amp;Employer</source>
        <translation>&amp;Employer</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Title</translation>
    </message>
    <message>
        <source>&amp;Mobile</source>
        <translation>&amp;Mobile</translation>
    </message>
    <message>
        <source>Hourly &amp;fee (yuan)</source>
        <translation>Hourly &amp;fee (yuan)</translation>
    </message>
    <message>
        <source>T&amp;hemes taught</source>
        <translation>T&amp;hemes taught</translation>
    </message>
    <message>
        <source>Hours a day, at most</source>
        <translation>Hours a day, at most</translation>
    </message>
    <message>
        <source>Hours a week, at most</source>
        <translation>Hours a week, at most</translation>
    </message>
    <message>
        <source>No&amp;tes</source>
        <translation>No&amp;tes</translation>
    </message>
    <message>
        <source>&lt;b&gt;Unavailable dates&lt;/b&gt; (travel, illness, peak season at the lecturer's own factory)</source>
        <translation>&lt;b&gt;Unavailable dates&lt;/b&gt; (travel, illness, peak season at the lecturer's own factory)</translation>
    </message>
    <message>
        <source>Add dates</source>
        <translation>Add dates</translation>
    </message>
    <message>
        <source>Remove dates</source>
        <translation>Remove dates</translation>
    </message>
</context>
<context>
    <name>LecturersPage</name>
    <message>
        <source>Lecturers</source>
        <translation>Lecturers</translation>
    </message>
    <message>
        <source>New lecturer</source>
        <translation>New lecturer</translation>
    </message>
    <message>
        <source>Search: name, pinyin initials, employer, mobile (Ctrl+F)</source>
        <translation>Search: name, pinyin initials, employer, mobile (Ctrl+F)</translation>
    </message>
</context>
<context>
    <name>LessonDialog</name>
    <message>
        <source>New lesson</source>
        <translation>New lesson</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>Lesson</translation>
    </message>
    <message>
        <source>&amp;Class</source>
        <translation>&amp;Class</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>&amp;Half-day</source>
        <translation>&amp;Half-day</translation>
    </message>
    <message>
        <source>&amp;Lecturer</source>
        <translation>&amp;Lecturer</translation>
    </message>
    <message>
        <source>&amp;Venue</source>
        <translation>&amp;Venue</translation>
    </message>
    <message>
        <source>Locked: the planner leaves it where it is</source>
        <translation>Locked: the planner leaves it where it is</translation>
    </message>
    <message>
        <source>Online or in a room…</source>
        <translation>Online or in a room…</translation>
    </message>
    <message>
        <source>Delete lesson</source>
        <translation>Delete lesson</translation>
    </message>
    <message>
        <source>Online: %1</source>
        <translation>Online: %1</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log in</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>Factory Classroom keeps personal data and official records: please log in.</source>
        <translation>Factory Classroom keeps personal data and official records: please log in.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Factory Classroom</source>
        <translation>Factory Classroom</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;New…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Find</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <source>&amp;Users…</source>
        <translation>&amp;Users…</translation>
    </message>
    <message>
        <source>&amp;Audit trail…</source>
        <translation>&amp;Audit trail…</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>&amp;Back up now</translation>
    </message>
    <message>
        <source>&amp;Restore a backup…</source>
        <translation>&amp;Restore a backup…</translation>
    </message>
    <message>
        <source>Certificate &amp;signing key…</source>
        <translation>Certificate &amp;signing key…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;About Factory Classroom</source>
        <translation>&amp;About Factory Classroom</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <source>About Factory Classroom</source>
        <translation>About Factory Classroom</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Factory Classroom %1&lt;/h3&gt;&lt;p&gt;Training in the workshop: enterprises, lecturers, courses, trainees, schedules, attendance and certificates for trade-union training offices.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Factory Classroom %1&lt;/h3&gt;&lt;p&gt;Training in the workshop: enterprises, lecturers, courses, trainees, schedules, attendance and certificates for trade-union training offices.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Match the columns</source>
        <translation>Match the columns</translation>
    </message>
    <message>
        <source>Known headers are matched already; choose the field for the others, or leave them out.</source>
        <translation>Known headers are matched already; choose the field for the others, or leave them out.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation>Sheet:</translation>
    </message>
    <message>
        <source>Header row (spreadsheet row number):</source>
        <translation>Header row (spreadsheet row number):</translation>
    </message>
    <message>
        <source> (hidden)</source>
        <translation> (hidden)</translation>
    </message>
    <message>
        <source>Import the %1 hidden rows too</source>
        <translation>Import the %1 hidden rows too</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Reading the file…</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>Column in the file</translation>
    </message>
    <message>
        <source>Example values</source>
        <translation>Example values</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>— not imported —</source>
        <translation>— not imported —</translation>
    </message>
    <message>
        <source>Each field may come from one column only: %1</source>
        <translation>Each field may come from one column only: %1</translation>
    </message>
    <message>
        <source>Choose a column for: %1</source>
        <translation>Choose a column for: %1</translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>Checking every row…</translation>
    </message>
</context>
<context>
    <name>MasterPage</name>
    <message>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Create a new one (Ctrl+N)</source>
        <translation>Create a new one (Ctrl+N)</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Edit the selected row (Enter)</source>
        <translation>Edit the selected row (Enter)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Delete the selected row (Del)</source>
        <translation>Delete the selected row (Del)</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <source>Import a list from an Excel or CSV file</source>
        <translation>Import a list from an Excel or CSV file</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Save the rows shown to an Excel file</source>
        <translation>Save the rows shown to an Excel file</translation>
    </message>
    <message>
        <source>Search: name or pinyin initials (Ctrl+F)</source>
        <translation>Search: name or pinyin initials (Ctrl+F)</translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation>%1 rows</translation>
    </message>
    <message>
        <source>%1 of %2 rows</source>
        <translation>%1 of %2 rows</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>Saved %1 rows to %2</source>
        <translation>Saved %1 rows to %2</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Delete “%1”? This cannot be undone.</source>
        <translation>Delete “%1”? This cannot be undone.</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Restore a backup</translation>
    </message>
    <message>
        <source>Restore the data from the backup “%1”?</source>
        <translation>Restore the data from the backup “%1”?</translation>
    </message>
    <message>
        <source>The current data (%1) is saved as a copy in the backups folder first, so it can be restored again later. The program closes after the restore.</source>
        <translation>The current data (%1) is saved as a copy in the backups folder first, so it can be restored again later. The program closes after the restore.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Cannot do that</source>
        <translation>Cannot do that</translation>
    </message>
    <message>
        <source>Changed by someone else</source>
        <translation>Changed by someone else</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>Discard the changes not saved yet?</source>
        <translation>Discard the changes not saved yet?</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>Characters missing</source>
        <translation>Characters missing</translation>
    </message>
    <message>
        <source>These characters are in no font on this computer and will print blank:
%1

Print anyway?</source>
        <translation>These characters are in no font on this computer and will print blank:
%1

Print anyway?</translation>
    </message>
    <message>
        <source>Print anyway</source>
        <translation>Print anyway</translation>
    </message>
    <message>
        <source>Cancel lesson</source>
        <translation>Cancel lesson</translation>
    </message>
    <message>
        <source>Cancel the lesson “%1”?

It stays in the class as cancelled and takes no lecturer, venue or trainee time; the lecturer's and the enterprise's calendar files show it as cancelled. Ctrl+Z undoes it.</source>
        <translation>Cancel the lesson “%1”?

It stays in the class as cancelled and takes no lecturer, venue or trainee time; the lecturer's and the enterprise's calendar files show it as cancelled. Ctrl+Z undoes it.</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Keep it</translation>
    </message>
</context>
<context>
    <name>OnlineHoursDialog</name>
    <message>
        <source>Import online study hours: %1</source>
        <translation>Import online study hours: %1</translation>
    </message>
    <message>
        <source>The learning platform's export (.csv, .xlsx or .xls) with a name or ID number column and a study-time column, e.g. 学习时长（分钟）, 时长（小时）, 学时, or cells such as 1小时30分 or 01:30:00. The hours replace those recorded for this class.</source>
        <translation>The learning platform's export (.csv, .xlsx or .xls) with a name or ID number column and a study-time column, e.g. 学习时长（分钟）, 时长（小时）, 学时, or cells such as 1小时30分 or 01:30:00. The hours replace those recorded for this class.</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Trainee</source>
        <translation>Trainee</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>Recorded before</source>
        <translation>Recorded before</translation>
    </message>
    <message>
        <source>Record hours</source>
        <translation>Record hours</translation>
    </message>
    <message>
        <source>Refused rows:</source>
        <translation>Refused rows:</translation>
    </message>
    <message>
        <source>The platform's export</source>
        <translation>The platform's export</translation>
    </message>
    <message>
        <source>Spreadsheets and CSV (*.csv *.xlsx *.xls *.ods *.txt);;All files (*)</source>
        <translation>Spreadsheets and CSV (*.csv *.xlsx *.xls *.ods *.txt);;All files (*)</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation>Row %1: %2</translation>
    </message>
    <message>
        <source>%1 trainee(s) found, %2 row(s) refused; study time in %3</source>
        <translation>%1 trainee(s) found, %2 row(s) refused; study time in %3</translation>
    </message>
    <message>
        <source>Recording…</source>
        <translation>Recording…</translation>
    </message>
</context>
<context>
    <name>OnlineLessonDialog</name>
    <message>
        <source>Online or in a room</source>
        <translation>Online or in a room</translation>
    </message>
    <message>
        <source>In a room (offline)</source>
        <translation>In a room (offline)</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Lesson given</source>
        <translation>Lesson given</translation>
    </message>
    <message>
        <source>&amp;Platform</source>
        <translation>&amp;Platform</translation>
    </message>
    <message>
        <source>&amp;Link or meeting number</source>
        <translation>&amp;Link or meeting number</translation>
    </message>
    <message>
        <source>https://… or the meeting number</source>
        <translation>https://… or the meeting number</translation>
    </message>
    <message>
        <source>&amp;Venue</source>
        <translation>&amp;Venue</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Passphrase:</source>
        <translation>Passphrase:</translation>
    </message>
    <message>
        <source>Passphrase again:</source>
        <translation>Passphrase again:</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>The two passphrases differ.</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <source>%1 pages</source>
        <translation>%1 pages</translation>
    </message>
    <message>
        <source>%1 pages; the first %2 are shown here, all are in the file</source>
        <translation>%1 pages; the first %2 are shown here, all are in the file</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>Open in PDF viewer</source>
        <translation>Open in PDF viewer</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Save the PDF</source>
        <translation>Save the PDF</translation>
    </message>
    <message>
        <source>Printing page %1 of %2…</source>
        <translation>Printing page %1 of %2…</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>The printer cannot be used.</source>
        <translation>The printer cannot be used.</translation>
    </message>
    <message>
        <source>Preparing the document…</source>
        <translation>Preparing the document…</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <source>Re-plan for an absent lecturer</source>
        <translation>Re-plan for an absent lecturer</translation>
    </message>
    <message>
        <source>Re-plan the lessons on days off</source>
        <translation>Re-plan the lessons on days off</translation>
    </message>
    <message>
        <source>Plan the programme's lessons</source>
        <translation>Plan the programme's lessons</translation>
    </message>
    <message>
        <source>Plan automatically</source>
        <translation>Plan automatically</translation>
    </message>
    <message>
        <source>Lecturer:</source>
        <translation>Lecturer:</translation>
    </message>
    <message>
        <source>Away from:</source>
        <translation>Away from:</translation>
    </message>
    <message>
        <source>Away until:</source>
        <translation>Away until:</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>From:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>To:</translation>
    </message>
    <message>
        <source>Make a proposal</source>
        <translation>Make a proposal</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>Lesson</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Lecturer</source>
        <translation>Lecturer</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Venue</translation>
    </message>
    <message>
        <source>Accept the proposal</source>
        <translation>Accept the proposal</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>Not placed, and why:</source>
        <translation>Not placed, and why:</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Stop improving; the proposal shown stays</source>
        <translation>Stop improving; the proposal shown stays</translation>
    </message>
    <message>
        <source>Planning…</source>
        <translation>Planning…</translation>
    </message>
    <message>
        <source>Placed %1 of %2 lessons: %3 new classes, %4 lessons added, %5 moved; %6 not placed (%7 s).</source>
        <translation>Placed %1 of %2 lessons: %3 new classes, %4 lessons added, %5 moved; %6 not placed (%7 s).</translation>
    </message>
    <message>
        <source>Placing the lessons: %1 of %2 placed…</source>
        <translation>Placing the lessons: %1 of %2 placed…</translation>
    </message>
    <message>
        <source>Improving the plan (fewer moves, lecturers' travel, preferred times)…</source>
        <translation>Improving the plan (fewer moves, lecturers' travel, preferred times)…</translation>
    </message>
    <message>
        <source>new time</source>
        <translation>new time</translation>
    </message>
    <message>
        <source>new lecturer</source>
        <translation>new lecturer</translation>
    </message>
    <message>
        <source>new venue</source>
        <translation>new venue</translation>
    </message>
    <message>
        <source>move</source>
        <translation>move</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>new</source>
        <translation>new</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>Check before importing</source>
        <translation>Check before importing</translation>
    </message>
    <message>
        <source>Nothing has been written yet. Rejected rows can be saved as an Excel file with the reasons, to send back.</source>
        <translation>Nothing has been written yet. Rejected rows can be saved as an Excel file with the reasons, to send back.</translation>
    </message>
    <message>
        <source>Save rejected rows…</source>
        <translation>Save rejected rows…</translation>
    </message>
    <message>
        <source>%1 rows will be imported (%2 new, %3 updated); %4 rejected; %5 already there and skipped; %6 blank or total rows ignored.</source>
        <translation>%1 rows will be imported (%2 new, %3 updated); %4 rejected; %5 already there and skipped; %6 blank or total rows ignored.</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Next &gt;</source>
        <translation>Next &gt;</translation>
    </message>
    <message>
        <source>-rejected</source>
        <translation>-rejected</translation>
    </message>
    <message>
        <source>Save rejected rows</source>
        <translation>Save rejected rows</translation>
    </message>
</context>
<context>
    <name>ProgrammeDialog</name>
    <message>
        <source>Programme %1</source>
        <translation>Programme %1</translation>
    </message>
    <message>
        <source>New programme</source>
        <translation>New programme</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Course:</source>
        <translation>Course:</translation>
    </message>
    <message>
        <source>Level-raising course:</source>
        <translation>Level-raising course:</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>Venue:</source>
        <translation>Venue:</translation>
    </message>
    <message>
        <source>%1, %2 seats</source>
        <translation>%1, %2 seats</translation>
    </message>
    <message>
        <source>Start month:</source>
        <translation>Start month:</translation>
    </message>
    <message>
        <source>Months:</source>
        <translation>Months:</translation>
    </message>
    <message>
        <source>Classes a month:</source>
        <translation>Classes a month:</translation>
    </message>
    <message>
        <source>Class size:</source>
        <translation>Class size:</translation>
    </message>
    <message>
        <source>No category ticked: anyone may apply.</source>
        <translation>No category ticked: anyone may apply.</translation>
    </message>
    <message>
        <source>Open to:</source>
        <translation>Open to:</translation>
    </message>
    <message>
        <source>course's</source>
        <translation>course's</translation>
    </message>
    <message>
        <source>Pass mark:</source>
        <translation>Pass mark:</translation>
    </message>
    <message>
        <source>%1 people are enrolled: the courses, venue, start month, months and classes a month can no longer change. The class size can, down to the fullest class.</source>
        <translation>%1 people are enrolled: the courses, venue, start month, months and classes a month can no longer change. The class size can, down to the fullest class.</translation>
    </message>
</context>
<context>
    <name>ProgrammesPage</name>
    <message>
        <source>Programmes</source>
        <translation>Programmes</translation>
    </message>
    <message>
        <source>New programme…</source>
        <translation>New programme…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Import applicants…</source>
        <translation>Import applicants…</translation>
    </message>
    <message>
        <source>Plan lessons…</source>
        <translation>Plan lessons…</translation>
    </message>
    <message>
        <source>Sign-in sheets…</source>
        <translation>Sign-in sheets…</translation>
    </message>
    <message>
        <source>Issue graded certificates…</source>
        <translation>Issue graded certificates…</translation>
    </message>
    <message>
        <source>Classes of the selected programme</source>
        <translation>Classes of the selected programme</translation>
    </message>
    <message>
        <source>Trainees of the selected class: level and certificate (double-click the level to change it)</source>
        <translation>Trainees of the selected class: level and certificate (double-click the level to change it)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Venue</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Months</source>
        <translation>Months</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>Classes</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Places</translation>
    </message>
    <message>
        <source>Enrolled</source>
        <translation>Enrolled</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Capacity</translation>
    </message>
    <message>
        <source>%1: %2 classes made.</source>
        <translation>%1: %2 classes made.</translation>
    </message>
    <message>
        <source>%1 saved: %2 classes, %3 places.</source>
        <translation>%1 saved: %2 classes, %3 places.</translation>
    </message>
    <message>
        <source>%1: %2 lessons planned.</source>
        <translation>%1: %2 lessons planned.</translation>
    </message>
    <message>
        <source>Sign-in sheets</source>
        <translation>Sign-in sheets</translation>
    </message>
    <message>
        <source>Enrolled %1, refused %2.</source>
        <translation>Enrolled %1, refused %2.</translation>
    </message>
    <message>
        <source>Issuing certificates…</source>
        <translation>Issuing certificates…</translation>
    </message>
    <message>
        <source>Issued %1, already held %2, not qualified %3.</source>
        <translation>Issued %1, already held %2, not qualified %3.</translation>
    </message>
</context>
<context>
    <name>QProgressDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Reports</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Schedule (timetable)</source>
        <translation>Schedule (timetable)</translation>
    </message>
    <message>
        <source>A month timetable for everyone, one lecturer (with the workshops' addresses and contacts) or one enterprise; A4 landscape.</source>
        <translation>A month timetable for everyone, one lecturer (with the workshops' addresses and contacts) or one enterprise; A4 landscape.</translation>
    </message>
    <message>
        <source>Sign-in sheet</source>
        <translation>Sign-in sheet</translation>
    </message>
    <message>
        <source>One lesson's sheet: every trainee with masked ID, a signature box and a code for the scanner.</source>
        <translation>One lesson's sheet: every trainee with masked ID, a signature box and a code for the scanner.</translation>
    </message>
    <message>
        <source>Attendance of a class</source>
        <translation>Attendance of a class</translation>
    </message>
    <message>
        <source>Each trainee's attendance and who completes.</source>
        <translation>Each trainee's attendance and who completes.</translation>
    </message>
    <message>
        <source>Attendance of an enterprise</source>
        <translation>Attendance of an enterprise</translation>
    </message>
    <message>
        <source>All classes of one enterprise in a period.</source>
        <translation>All classes of one enterprise in a period.</translation>
    </message>
    <message>
        <source>Statistics for a period</source>
        <translation>Statistics for a period</translation>
    </message>
    <message>
        <source>Trainees, lessons, hours, completion and attendance by theme, enterprise, district and month, with charts.</source>
        <translation>Trainees, lessons, hours, completion and attendance by theme, enterprise, district and month, with charts.</translation>
    </message>
    <message>
        <source>Lecturer hours and fees</source>
        <translation>Lecturer hours and fees</translation>
    </message>
    <message>
        <source>Hours × rate by category, with the withholding for labour remuneration.</source>
        <translation>Hours × rate by category, with the withholding for labour remuneration.</translation>
    </message>
    <message>
        <source>Class archive (一班一档)</source>
        <translation>Class archive (一班一档)</translation>
    </message>
    <message>
        <source>Schedule, sign-in sheets, attendance, results, certificates and feedback of one class in one PDF.</source>
        <translation>Schedule, sign-in sheets, attendance, results, certificates and feedback of one class in one PDF.</translation>
    </message>
    <message>
        <source>Trainee record (一人一档)</source>
        <translation>Trainee record (一人一档)</translation>
    </message>
    <message>
        <source>Every class, attendance, result and certificate of one person.</source>
        <translation>Every class, attendance, result and certificate of one person.</translation>
    </message>
    <message>
        <source>Class:</source>
        <translation>Class:</translation>
    </message>
    <message>
        <source>Lesson:</source>
        <translation>Lesson:</translation>
    </message>
    <message>
        <source>Month:</source>
        <translation>Month:</translation>
    </message>
    <message>
        <source>For:</source>
        <translation>For:</translation>
    </message>
    <message>
        <source>Enterprise:</source>
        <translation>Enterprise:</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>From:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>To:</translation>
    </message>
    <message>
        <source>Trainee (name or ID number):</source>
        <translation>Trainee (name or ID number):</translation>
    </message>
    <message>
        <source>name, pinyin initials or last digits of the ID</source>
        <translation>name, pinyin initials or last digits of the ID</translation>
    </message>
    <message>
        <source>everyone</source>
        <translation>everyone</translation>
    </message>
    <message>
        <source>a lecturer</source>
        <translation>a lecturer</translation>
    </message>
    <message>
        <source>an enterprise</source>
        <translation>an enterprise</translation>
    </message>
    <message>
        <source>Preview…</source>
        <translation>Preview…</translation>
    </message>
    <message>
        <source>Fonts…</source>
        <translation>Fonts…</translation>
    </message>
    <message>
        <source>lesson %1</source>
        <translation>lesson %1</translation>
    </message>
    <message>
        <source>No trainee matches “%1”: type a name, pinyin initials or the last digits of the ID number.</source>
        <translation>No trainee matches “%1”: type a name, pinyin initials or the last digits of the ID number.</translation>
    </message>
    <message>
        <source>Choose what the document is about first.</source>
        <translation>Choose what the document is about first.</translation>
    </message>
</context>
<context>
    <name>RequestDialog</name>
    <message>
        <source>New training request</source>
        <translation>New training request</translation>
    </message>
    <message>
        <source>Edit training request</source>
        <translation>Edit training request</translation>
    </message>
    <message>
        <source>&amp;Enterprise</source>
        <translation>&amp;Enterprise</translation>
    </message>
    <message>
        <source>&amp;Course</source>
        <translation>&amp;Course</translation>
    </message>
    <message>
        <source>&amp;Workers</source>
        <translation>&amp;Workers</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;From</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;To</translation>
    </message>
    <message>
        <source>Week&amp;days</source>
        <translation>Week&amp;days</translation>
    </message>
    <message>
        <source>&amp;Half-days</source>
        <translation>&amp;Half-days</translation>
    </message>
    <message>
        <source>Ordinary weekends too (never statutory holidays)</source>
        <translation>Ordinary weekends too (never statutory holidays)</translation>
    </message>
    <message>
        <source>&amp;Blackout dates</source>
        <translation>&amp;Blackout dates</translation>
    </message>
    <message>
        <source>production peaks, e.g. 2026-10-12, 2026-10-19</source>
        <translation>production peaks, e.g. 2026-10-12, 2026-10-19</translation>
    </message>
    <message>
        <source>&amp;Priority (0–9)</source>
        <translation>&amp;Priority (0–9)</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>&amp;Status</translation>
    </message>
    <message>
        <source>No&amp;tes</source>
        <translation>No&amp;tes</translation>
    </message>
</context>
<context>
    <name>RequestsPage</name>
    <message>
        <source>Training requests</source>
        <translation>Training requests</translation>
    </message>
    <message>
        <source>New request</source>
        <translation>New request</translation>
    </message>
    <message>
        <source>Search: enterprise, course, pinyin initials (Ctrl+F)</source>
        <translation>Search: enterprise, course, pinyin initials (Ctrl+F)</translation>
    </message>
    <message>
        <source>Split into classes</source>
        <translation>Split into classes</translation>
    </message>
    <message>
        <source>Classes within the course's and the workshop's capacity, ready for the planner</source>
        <translation>Classes within the course's and the workshop's capacity, ready for the planner</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>“%1” is split into %2 classes, ready for the planner (Schedule → Plan automatically):</source>
        <translation>“%1” is split into %2 classes, ready for the planner (Schedule → Plan automatically):</translation>
    </message>
    <message>
        <source>%1: %2 places</source>
        <translation>%1: %2 places</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <source>Importing</source>
        <translation>Importing</translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>Cancel import</translation>
    </message>
    <message>
        <source>Writing %1 rows in one transaction…</source>
        <translation>Writing %1 rows in one transaction…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>The import failed; nothing was written: %1</source>
        <translation>The import failed; nothing was written: %1</translation>
    </message>
</context>
<context>
    <name>SchedulePage</name>
    <message>
        <source>Schedule</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Week</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Undo the last change (Ctrl+Z)</source>
        <translation>Undo the last change (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>Redo (Ctrl+Y)</source>
        <translation>Redo (Ctrl+Y)</translation>
    </message>
    <message>
        <source>Conflicts in view</source>
        <translation>Conflicts in view</translation>
    </message>
    <message>
        <source>Plan automatically…</source>
        <translation>Plan automatically…</translation>
    </message>
    <message>
        <source>Place the lessons of the open training requests</source>
        <translation>Place the lessons of the open training requests</translation>
    </message>
    <message>
        <source>Lecturer absent…</source>
        <translation>Lecturer absent…</translation>
    </message>
    <message>
        <source>Re-plan only the lessons that must move</source>
        <translation>Re-plan only the lessons that must move</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Holidays…</source>
        <translation>Holidays…</translation>
    </message>
    <message>
        <source>Holidays and adjusted working days of a year chinesecalendar does not know yet</source>
        <translation>Holidays and adjusted working days of a year chinesecalendar does not know yet</translation>
    </message>
    <message>
        <source>The lessons shown, as an Excel file…</source>
        <translation>The lessons shown, as an Excel file…</translation>
    </message>
    <message>
        <source>The chosen lecturer's or enterprise's lessons as a calendar file (.ics)…</source>
        <translation>The chosen lecturer's or enterprise's lessons as a calendar file (.ics)…</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Everyone</translation>
    </message>
    <message>
        <source>Lecturer</source>
        <translation>Lecturer</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Venue</translation>
    </message>
    <message>
        <source>Amber, hatched days: statutory holidays computed from the law, no lesson is placed on them.</source>
        <translation>Amber, hatched days: statutory holidays computed from the law, no lesson is placed on them.</translation>
    </message>
    <message>
        <source>Cannot undo</source>
        <translation>Cannot undo</translation>
    </message>
    <message>
        <source>Cannot redo</source>
        <translation>Cannot redo</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Move %1</source>
        <translation>Move %1</translation>
    </message>
    <message>
        <source>Move it again to %1?</source>
        <translation>Move it again to %1?</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>Edit %1</translation>
    </message>
    <message>
        <source>Delete lesson</source>
        <translation>Delete lesson</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <source>Cancel lesson…</source>
        <translation>Cancel lesson…</translation>
    </message>
    <message>
        <source>Cancel lesson</source>
        <translation>Cancel lesson</translation>
    </message>
    <message>
        <source>New lesson</source>
        <translation>New lesson</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Saved %1</translation>
    </message>
</context>
<context>
    <name>SigningKeyDialog</name>
    <message>
        <source>Certificate signing key</source>
        <translation>Certificate signing key</translation>
    </message>
    <message>
        <source>Certificates are signed with this key. The private key stays in a passphrase-protected file on the issuing computer, never in the database; publish the fingerprint (or the public key) so anyone can check a certificate. Keep an exported copy of the key file in a safe place.</source>
        <translation>Certificates are signed with this key. The private key stays in a passphrase-protected file on the issuing computer, never in the database; publish the fingerprint (or the public key) so anyone can check a certificate. Keep an exported copy of the key file in a safe place.</translation>
    </message>
    <message>
        <source>Fingerprint:</source>
        <translation>Fingerprint:</translation>
    </message>
    <message>
        <source>Made:</source>
        <translation>Made:</translation>
    </message>
    <message>
        <source>Key file on this computer:</source>
        <translation>Key file on this computer:</translation>
    </message>
    <message>
        <source>Export a backup…</source>
        <translation>Export a backup…</translation>
    </message>
    <message>
        <source>Import a key file…</source>
        <translation>Import a key file…</translation>
    </message>
    <message>
        <source>Save the public key…</source>
        <translation>Save the public key…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>none yet</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Replace the key…</source>
        <translation>Replace the key…</translation>
    </message>
    <message>
        <source>Make the key…</source>
        <translation>Make the key…</translation>
    </message>
    <message>
        <source>Replace the key</source>
        <translation>Replace the key</translation>
    </message>
    <message>
        <source>Certificates signed so far keep verifying with the old key. New ones will be signed with the new key. Replace it?</source>
        <translation>Certificates signed so far keep verifying with the old key. New ones will be signed with the new key. Replace it?</translation>
    </message>
    <message>
        <source>Make the signing key</source>
        <translation>Make the signing key</translation>
    </message>
    <message>
        <source>Choose a passphrase of at least 8 characters. Whoever issues certificates needs it; nobody can recover it.</source>
        <translation>Choose a passphrase of at least 8 characters. Whoever issues certificates needs it; nobody can recover it.</translation>
    </message>
    <message>
        <source>Signing key</source>
        <translation>Signing key</translation>
    </message>
    <message>
        <source>Import the signing key file</source>
        <translation>Import the signing key file</translation>
    </message>
    <message>
        <source>The key file's passphrase:</source>
        <translation>The key file's passphrase:</translation>
    </message>
    <message>
        <source>Sign certificates</source>
        <translation>Sign certificates</translation>
    </message>
    <message>
        <source>Certificates are signed with the office's key. Its passphrase:</source>
        <translation>Certificates are signed with the office's key. Its passphrase:</translation>
    </message>
    <message>
        <source>Import the key file now?</source>
        <translation>Import the key file now?</translation>
    </message>
    <message>
        <source>The key file is %1. Export a backup now and keep it safe.</source>
        <translation>The key file is %1. Export a backup now and keep it safe.</translation>
    </message>
    <message>
        <source>Export a backup of the key file</source>
        <translation>Export a backup of the key file</translation>
    </message>
    <message>
        <source>The key's passphrase:</source>
        <translation>The key's passphrase:</translation>
    </message>
    <message>
        <source>Save the public key</source>
        <translation>Save the public key</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Cannot open the database</source>
        <translation>Cannot open the database</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>Demo data</translation>
    </message>
    <message>
        <source>This version of the program has no demo data yet.</source>
        <translation>This version of the program has no demo data yet.</translation>
    </message>
    <message>
        <source>Loading the demo data…</source>
        <translation>Loading the demo data…</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Backup</translation>
    </message>
</context>
<context>
    <name>TemplateDialog</name>
    <message>
        <source>Certificate template</source>
        <translation>Certificate template</translation>
    </message>
    <message>
        <source>landscape</source>
        <translation>landscape</translation>
    </message>
    <message>
        <source>portrait</source>
        <translation>portrait</translation>
    </message>
    <message>
        <source>double</source>
        <translation>double</translation>
    </message>
    <message>
        <source>single</source>
        <translation>single</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>QR code with number and verification code</source>
        <translation>QR code with number and verification code</translation>
    </message>
    <message>
        <source>Seal image (PNG)…</source>
        <translation>Seal image (PNG)…</translation>
    </message>
    <message>
        <source>Placeholders: %1. Text in [brackets] is left out when its placeholder is empty.</source>
        <translation>Placeholders: %1. Text in [brackets] is left out when its placeholder is empty.</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Title:</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>Text:</translation>
    </message>
    <message>
        <source>Issued by:</source>
        <translation>Issued by:</translation>
    </message>
    <message>
        <source>Signature line:</source>
        <translation>Signature line:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <source>Paper:</source>
        <translation>Paper:</translation>
    </message>
    <message>
        <source>Border:</source>
        <translation>Border:</translation>
    </message>
    <message>
        <source>Colour:</source>
        <translation>Colour:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Built-in text</source>
        <translation>Built-in text</translation>
    </message>
    <message>
        <source>Seal image</source>
        <translation>Seal image</translation>
    </message>
</context>
<context>
    <name>ThemeDialog</name>
    <message>
        <source>New theme</source>
        <translation>New theme</translation>
    </message>
    <message>
        <source>Edit theme</source>
        <translation>Edit theme</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>&amp;Colour</source>
        <translation>&amp;Colour</translation>
    </message>
    <message>
        <source>&amp;Order</source>
        <translation>&amp;Order</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Description</translation>
    </message>
</context>
<context>
    <name>TokensDialog</name>
    <message>
        <source>Login tokens of %1</source>
        <translation>Login tokens of %1</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>Computer</translation>
    </message>
    <message>
        <source>Logged in</source>
        <translation>Logged in</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Revoke</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Each computer where %1 ran “trainer login” keeps its own token. A new password ends them all.</source>
        <translation>Each computer where %1 ran “trainer login” keeps its own token. A new password ends them all.</translation>
    </message>
    <message>
        <source> (expired)</source>
        <translation> (expired)</translation>
    </message>
    <message>
        <source>No tokens: nobody is logged in as this user on the command line.</source>
        <translation>No tokens: nobody is logged in as this user on the command line.</translation>
    </message>
</context>
<context>
    <name>TraineeChooser</name>
    <message>
        <source>Which trainee?</source>
        <translation>Which trainee?</translation>
    </message>
    <message>
        <source>More than %1 trainees match “%2”; the first %1 are shown (type more of the name or ID number to narrow it). Choose one:</source>
        <translation>More than %1 trainees match “%2”; the first %1 are shown (type more of the name or ID number to narrow it). Choose one:</translation>
    </message>
    <message>
        <source>%1 trainees match “%2”. Choose one:</source>
        <translation>%1 trainees match “%2”. Choose one:</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>Choose</source>
        <translation>Choose</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>TraineeDialog</name>
    <message>
        <source>New trainee</source>
        <translation>New trainee</translation>
    </message>
    <message>
        <source>Edit trainee</source>
        <translation>Edit trainee</translation>
    </message>
    <message>
        <source>Full &amp;name</source>
        <translation>Full &amp;name</translation>
    </message>
    <message>
        <source>&amp;Gender</source>
        <translation>&amp;Gender</translation>
    </message>
    <message>
        <source>(from the ID number)</source>
        <translation>(from the ID number)</translation>
    </message>
    <message>
        <source>&amp;ID number</source>
        <translation>&amp;ID number</translation>
    </message>
    <message>
        <source>&amp;Mobile</source>
        <translation>&amp;Mobile</translation>
    </message>
    <message>
        <source>&amp;Enterprise</source>
        <translation>&amp;Enterprise</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>&amp;Post</source>
        <translation>&amp;Post</translation>
    </message>
    <message>
        <source>&amp;Category</source>
        <translation>&amp;Category</translation>
    </message>
    <message>
        <source>No&amp;tes</source>
        <translation>No&amp;tes</translation>
    </message>
</context>
<context>
    <name>TraineesPage</name>
    <message>
        <source>Trainees</source>
        <translation>Trainees</translation>
    </message>
    <message>
        <source>New trainee</source>
        <translation>New trainee</translation>
    </message>
    <message>
        <source>Search: pinyin initials, part of a name, ID number or mobile digits (Ctrl+F)</source>
        <translation>Search: pinyin initials, part of a name, ID number or mobile digits (Ctrl+F)</translation>
    </message>
    <message>
        <source>Show full ID and mobile</source>
        <translation>Show full ID and mobile</translation>
    </message>
    <message>
        <source>Shown masked by default; showing them in full is recorded in the audit trail</source>
        <translation>Shown masked by default; showing them in full is recorded in the audit trail</translation>
    </message>
    <message>
        <source>counting…</source>
        <translation>counting…</translation>
    </message>
    <message>
        <source>more than %1 trainees</source>
        <translation>more than %1 trainees</translation>
    </message>
    <message>
        <source>%1 trainees</source>
        <translation>%1 trainees</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>Users</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Last login</source>
        <translation>Last login</translation>
    </message>
    <message>
        <source>Add user</source>
        <translation>Add user</translation>
    </message>
    <message>
        <source>Change role…</source>
        <translation>Change role…</translation>
    </message>
    <message>
        <source>Disable / enable</source>
        <translation>Disable / enable</translation>
    </message>
    <message>
        <source>New password…</source>
        <translation>New password…</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Login tokens…</source>
        <translation>Login tokens…</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>User name:</translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation>Full name:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Role:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>disabled</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>locked</translation>
    </message>
    <message>
        <source>active</source>
        <translation>active</translation>
    </message>
    <message>
        <source>Role of %1</source>
        <translation>Role of %1</translation>
    </message>
    <message>
        <source>New password for %1</source>
        <translation>New password for %1</translation>
    </message>
</context>
<context>
    <name>ValuesPage</name>
    <message>
        <source>Values we do not know</source>
        <translation>Values we do not know</translation>
    </message>
    <message>
        <source>The file uses these words where we have a list of our own. No row is rejected for them: keep each as written, or choose one of ours. The choice applies to every row of this file.</source>
        <translation>The file uses these words where we have a list of our own. No row is rejected for them: keep each as written, or choose one of ours. The choice applies to every row of this file.</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>Written in the file</source>
        <translation>Written in the file</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Rows</translation>
    </message>
    <message>
        <source>Becomes</source>
        <translation>Becomes</translation>
    </message>
    <message>
        <source>taken from the ID number</source>
        <translation>taken from the ID number</translation>
    </message>
    <message>
        <source>keep as written</source>
        <translation>keep as written</translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>Checking every row…</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <source>Check a certificate</source>
        <translation>Check a certificate</translation>
    </message>
    <message>
        <source>number, or scan the QR code here</source>
        <translation>number, or scan the QR code here</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>Certificate number:</source>
        <translation>Certificate number:</translation>
    </message>
    <message>
        <source>Verification code:</source>
        <translation>Verification code:</translation>
    </message>
</context>
<context>
    <name>_AccountDialog</name>
    <message>
        <source>User name:</source>
        <translation>User name:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
</context>
</TS>