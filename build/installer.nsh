; MM Tray's additions to electron-builder's NSIS script (nsis.include in electron-builder.yml).
;
; Uninstall asks whether to remove the user's data as well: settings, window state and
; logs (%APPDATA%\MM Tray, Electron's userData) and the API key saved in Windows Credential
; Manager. The default answer keeps everything, so reinstalling brings the setup back.
; No question when the uninstaller runs for an update, nor when run with /S; a silent
; uninstall removes the data only with --delete-app-data, electron-builder's own switch.
;
; The credential's name is keytar's "<service>/<account>": KEYCHAIN_SERVICE and
; DEFAULT_ACCOUNT in main/secrets/keytar-secret-store.ts (a test keeps them in step).

!define MM_TRAY_USER_DATA_DIR "$APPDATA\MM Tray"
; Start at login: Electron's app.setLoginItemSettings names its Run value after the
; AppUserModelID (APP_ID in common/app-id.ts; a test keeps them in step).
!define MM_TRAY_LOGIN_ITEM "com.fiftyfive.mmtray"
!define MM_TRAY_CREDENTIAL "MM Tray/default"
; CRED_TYPE_GENERIC
!define MM_TRAY_CRED_TYPE 1

!macro customUnInstall
  ${ifNot} ${isUpdated}
    ; Whatever the answer below: a start-at-login entry would point at a deleted program.
    DeleteRegValue HKCU "Software\Microsoft\Windows\CurrentVersion\Run" "${MM_TRAY_LOGIN_ITEM}"
    DeleteRegValue HKCU "Software\Microsoft\Windows\CurrentVersion\Explorer\StartupApproved\Run" "${MM_TRAY_LOGIN_ITEM}"
    ClearErrors
    ${GetParameters} $R0
    ${GetOptions} $R0 "/S" $R1
    ${if} ${Errors}
      ; Not a silent uninstall: the user is here, ask.
      MessageBox MB_YESNO|MB_ICONQUESTION|MB_DEFBUTTON2 \
        "Also remove MM Tray's settings, logs and saved API key from this computer?$\r$\n$\r$\nChoose No to keep them for a later installation." \
        IDNO mmTrayKeepUserData
      SetShellVarContext current
      RMDir /r "${MM_TRAY_USER_DATA_DIR}"
      System::Call 'advapi32::CredDeleteW(w "${MM_TRAY_CREDENTIAL}", i ${MM_TRAY_CRED_TYPE}, i 0) i .r0'
      mmTrayKeepUserData:
    ${else}
      ClearErrors
      ${GetOptions} $R0 "--delete-app-data" $R1
      ${ifNot} ${Errors}
        System::Call 'advapi32::CredDeleteW(w "${MM_TRAY_CREDENTIAL}", i ${MM_TRAY_CRED_TYPE}, i 0) i .r0'
      ${endIf}
    ${endIf}
  ${endIf}
!macroend
