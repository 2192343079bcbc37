; Inno Setup script of the Windows installer (Inno Setup 6). packaging/build.py runs it on
; Windows when ISCC.exe is installed:
;   ISCC /DAppVersion=0.1.0 /DSourceDir=dist\factory-classroom /Odist factory_classroom.iss
; Per user, without administrator rights: the program goes to %LOCALAPPDATA%\Programs\
; FactoryClassroom; the data (database, backups) stay in %LOCALAPPDATA%\FactoryClassroom and the
; settings in HKCU\Software\FactoryClassroom — neither is touched by an upgrade, and the
; uninstaller removes them only when the user says so.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\factory-classroom"
#endif
#define AppName "课堂设在工厂"
#define ExeName "factory-classroom.exe"

[Setup]
; The same AppId in every version: a new setup upgrades the installed copy in place.
AppId={{6A0F3C52-1D7E-4B8A-9C3E-FAC7C1A55E19}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Factory Classroom
DefaultDirName={localappdata}\Programs\FactoryClassroom
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputBaseFilename=factory-classroom-{#AppVersion}-setup
SetupIconFile=app.ico
UninstallDisplayIcon={app}\{#ExeName}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes
; Only Windows 10 and 11
MinVersion=10.0

[Languages]
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
Name: "chs"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#else
Name: "chs"; MessagesFile: "compiler:Default.isl"
#endif

[CustomMessages]
chs.DesktopIcon=在桌面创建快捷方式
chs.Uninstall=卸载 课堂设在工厂
chs.Launch=启动 课堂设在工厂
chs.DeleteData=是否同时删除数据文件夹（数据库和备份）和程序设置？%n%n%1%n%n选择“否”将保留这些数据，重新安装后可以继续使用。

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"

[InstallDelete]
; An upgrade replaces the program's own folder (old modules must not linger); data is elsewhere.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#ExeName}"
Name: "{group}\{cm:Uninstall}"; Filename: "{uninstallexe}"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\{#ExeName}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#ExeName}"; Description: "{cm:Launch}"; Flags: nowait postinstall skipifsilent

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: String;
begin
  if CurUninstallStep = usPostUninstall then
  begin
    DataDir := ExpandConstant('{localappdata}\FactoryClassroom');
    { A silent uninstall never deletes data; otherwise only when the user says yes. }
    if (not UninstallSilent) and DirExists(DataDir) and
       (MsgBox(FmtMessage(CustomMessage('DeleteData'), [DataDir]), mbConfirmation,
               MB_YESNO or MB_DEFBUTTON2) = IDYES) then
    begin
      DelTree(DataDir, True, True, True);
      RegDeleteKeyIncludingSubkeys(HKEY_CURRENT_USER, 'Software\FactoryClassroom');
    end;
  end;
end;
