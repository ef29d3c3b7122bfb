; TĐKT Desk — Windows installer (NSIS 3, Unicode). Wraps the PyInstaller one-folder bundle.
;   makensis /DBUNDLE=<bundle folder> /DVERSION=<x.y.z> installer\tdkt-desk.nsi
; Per-user by default (no administrator rights: %LOCALAPPDATA%\Programs\TDKT Desk); an administrator may
; choose all users. Upgrades in place (the same folder, the old program files replaced); the user's data
; (database, autosaves, backups, settings, logs in %LOCALAPPDATA%\TDKT\TDKT Desk) is never touched, except
; on uninstall when the user ticks its removal and confirms the warning.

Unicode true
!ifndef BUNDLE
  !error "BUNDLE is not defined: makensis /DBUNDLE=<folder of the PyInstaller bundle> /DVERSION=x.y.z"
!endif
!ifndef VERSION
  !error "VERSION is not defined: makensis /DBUNDLE=... /DVERSION=x.y.z"
!endif
!ifndef OUTDIR
  !define OUTDIR "."
!endif

!define APP_NAME "TĐKT Desk"
!define APP_DIR_NAME "TDKT Desk"
!define APP_EXE "TDKT-Desk.exe"
!define PUBLISHER "TDKT"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\TDKT-Desk"
!define SETTINGS_KEY "Software\TDKT\TDKT Desk"

Name "${APP_NAME} ${VERSION}"
OutFile "${OUTDIR}/TDKT-Desk-Setup-${VERSION}.exe"
!ifdef FAST
  SetCompress off  ; a check that the script compiles against a bundle (CI), not a release
!else
  SetCompressor /SOLID lzma
!endif
ShowInstDetails show
ShowUninstDetails show
BrandingText "${APP_NAME} ${VERSION}"

!define MULTIUSER_EXECUTIONLEVEL Highest
!define MULTIUSER_MUI
!define MULTIUSER_INSTALLMODE_COMMANDLINE
!define MULTIUSER_INSTALLMODE_DEFAULT_CURRENTUSER
!define MULTIUSER_INSTALLMODE_INSTDIR "${APP_DIR_NAME}"
!define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_KEY "${SETTINGS_KEY}"
!define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_VALUENAME "InstallLocation"
!include MultiUser.nsh
!include MUI2.nsh
!include FileFunc.nsh
!include LogicLib.nsh

!define MUI_ICON "${BUNDLE}/_internal/resources/icons/app.ico"
!define MUI_UNICON "${BUNDLE}/_internal/resources/icons/app.ico"
!define MUI_ABORTWARNING
!define MUI_LANGDLL_ALLLANGUAGES
!define MUI_LANGDLL_REGISTRY_ROOT SHCTX
!define MUI_LANGDLL_REGISTRY_KEY "${SETTINGS_KEY}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "InstallerLanguage"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MULTIUSER_PAGE_INSTALLMODE
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "Vietnamese"
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_RESERVEFILE_LANGDLL

LangString DESC_SHORTCUT ${LANG_VIETNAMESE} "Phần mềm công văn, sổ đăng ký và theo dõi nhiệm vụ thi đua - khen thưởng"
LangString DESC_SHORTCUT ${LANG_ENGLISH} "Dispatches, registers and task follow-up for an emulation and rewards office"
LangString SEC_PROGRAM ${LANG_VIETNAMESE} "Chương trình"
LangString SEC_PROGRAM ${LANG_ENGLISH} "Program"
LangString SEC_DATA ${LANG_VIETNAMESE} "Xóa cả dữ liệu người dùng (cơ sở dữ liệu, bản sao lưu, cài đặt)"
LangString SEC_DATA ${LANG_ENGLISH} "Also remove user data (database, backups, settings)"
LangString WARN_DATA ${LANG_VIETNAMESE} "Bạn đã chọn xóa cả dữ liệu: cơ sở dữ liệu công văn, nhiệm vụ, các bản sao lưu và cài đặt trong$\r$\n$LOCALAPPDATA\TDKT\${APP_DIR_NAME}$\r$\nsẽ bị xóa vĩnh viễn, không khôi phục được.$\r$\n$\r$\nTiếp tục xóa dữ liệu?"
LangString WARN_DATA ${LANG_ENGLISH} "You chose to remove the user data: the database of dispatches and tasks, the backups and the settings in$\r$\n$LOCALAPPDATA\TDKT\${APP_DIR_NAME}$\r$\nwill be deleted for good.$\r$\n$\r$\nRemove the data?"
LangString RUNNING ${LANG_VIETNAMESE} "${APP_NAME} đang chạy. Hãy đóng chương trình rồi bấm Thử lại."
LangString RUNNING ${LANG_ENGLISH} "${APP_NAME} is running. Close it, then press Retry."

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=${LANG_VIETNAMESE} "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=${LANG_VIETNAMESE} "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=${LANG_VIETNAMESE} "FileDescription" "Cài đặt ${APP_NAME}"
VIAddVersionKey /LANG=${LANG_VIETNAMESE} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_VIETNAMESE} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_VIETNAMESE} "LegalCopyright" "${PUBLISHER}"

Function .onInit
  !insertmacro MULTIUSER_INIT
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

Function un.onInit
  !insertmacro MULTIUSER_UNINIT
  !insertmacro MUI_UNGETLANGUAGE
FunctionEnd

Section "!$(SEC_PROGRAM)" SecProgram
  SectionIn RO
  ; Upgrade in place: the old program files go, the user's data (elsewhere) stays.
  ${If} ${FileExists} "$INSTDIR\${APP_EXE}"
    retry:
    ClearErrors
    Delete "$INSTDIR\${APP_EXE}"
    ${If} ${Errors}
      MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(RUNNING)" IDRETRY retry
      Abort
    ${EndIf}
    RMDir /r "$INSTDIR\_internal"
  ${EndIf}
  SetOutPath "$INSTDIR"
  File /r "${BUNDLE}/*.*"
  WriteUninstaller "$INSTDIR\Uninstall.exe"

  CreateDirectory "$SMPROGRAMS\${APP_NAME}"
  CreateShortcut "$SMPROGRAMS\${APP_NAME}\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0 SW_SHOWNORMAL "" "$(DESC_SHORTCUT)"
  CreateShortcut "$SMPROGRAMS\${APP_NAME}\Gỡ cài đặt ${APP_NAME}.lnk" "$INSTDIR\Uninstall.exe"
  CreateShortcut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0 SW_SHOWNORMAL "" "$(DESC_SHORTCUT)"

  WriteRegStr SHCTX "${SETTINGS_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr SHCTX "${SETTINGS_KEY}" "Version" "${VERSION}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\Uninstall.exe" /$MultiUser.InstallMode'
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\Uninstall.exe" /$MultiUser.InstallMode /S'
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "EstimatedSize" "$0"
SectionEnd

Section "un.$(SEC_PROGRAM)" UnSecProgram
  SectionIn RO
  Delete "$DESKTOP\${APP_NAME}.lnk"
  RMDir /r "$SMPROGRAMS\${APP_NAME}"
  Delete "$INSTDIR\Uninstall.exe"
  Delete "$INSTDIR\${APP_EXE}"
  RMDir /r "$INSTDIR\_internal"
  RMDir "$INSTDIR"
  DeleteRegKey SHCTX "${UNINSTALL_KEY}"
  DeleteRegKey SHCTX "${SETTINGS_KEY}"
SectionEnd

; Not selected by default: the database stays unless the user asks, and confirms the warning.
Section /o "un.$(SEC_DATA)" UnSecData
  MessageBox MB_YESNO|MB_ICONEXCLAMATION|MB_DEFBUTTON2 "$(WARN_DATA)" /SD IDNO IDYES remove
  Goto done
  remove:
  RMDir /r "$LOCALAPPDATA\TDKT\${APP_DIR_NAME}"
  RMDir "$LOCALAPPDATA\TDKT"
  done:
SectionEnd
