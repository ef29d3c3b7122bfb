# After a silent install: start the installed program with --self-test on a fresh profile (a new, empty
# data folder) and fail when any step fails. Used by .github/workflows/windows-installer.yml.
param([string]$InstallDir = (Join-Path $env:LOCALAPPDATA "Programs\TDKT Desk"))
$ErrorActionPreference = "Stop"
$exe = Join-Path $InstallDir "TDKT-Desk.exe"
if (-not (Test-Path $exe)) { throw "not installed: $exe" }
$data = Join-Path $env:TEMP ("tdkt-fresh-profile-" + [guid]::NewGuid())
$env:TDKT_DATA_DIR = $data
$env:QT_QPA_PLATFORM = "offscreen"
foreach ($arg in @("--self-test", "--smoke")) {
  $proc = Start-Process -FilePath $exe -ArgumentList $arg -Wait -PassThru
  Write-Output "$arg exited $($proc.ExitCode)"
  if ($arg -eq "--self-test") { Get-Content (Join-Path $data "logs\self-test.log") }
  if ($proc.ExitCode -ne 0) { throw "$arg failed" }
}
