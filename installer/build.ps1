# Build the Windows installer: a virtual environment with the pinned packages, the bundle (PyInstaller,
# one folder, windowed), a self-test of the bundle, then the installer (NSIS).
#   powershell -ExecutionPolicy Bypass -File installer\build.ps1 [-Python py] [-PythonVersion 3.12]
# Needs Python 3.12 or later and NSIS 3 (makensis on PATH, or in "C:\Program Files (x86)\NSIS").
# Writes dist\TDKT-Desk-Setup-<version>.exe.
param([string]$Python = "py", [string]$PythonVersion = "3.12")
$ErrorActionPreference = "Stop"
Set-Location (Split-Path -Parent $PSScriptRoot)

if (-not (Test-Path .venv-build)) {
  if ($PythonVersion) { & $Python "-$PythonVersion" -m venv .venv-build } else { & $Python -m venv .venv-build }
  if ($LASTEXITCODE -ne 0) { throw "could not create the virtual environment" }
}
$py = Join-Path (Get-Location) ".venv-build\Scripts\python.exe"
& $py -m pip install --upgrade pip
& $py -m pip install -r requirements.txt
if ($LASTEXITCODE -ne 0) { throw "pip install failed" }

& $py installer\prepare.py
if ($LASTEXITCODE -ne 0) { throw "prepare failed" }
& $py -m PyInstaller --noconfirm --distpath dist --workpath build\pyinstaller installer\tdkt-desk.spec
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }

# The bundle checks itself on a fresh data folder before it is wrapped.
$data = Join-Path $env:TEMP ("tdkt-build-check-" + [guid]::NewGuid())
$env:TDKT_DATA_DIR = $data
$proc = Start-Process -FilePath "dist\tdkt-desk\TDKT-Desk.exe" -ArgumentList "--self-test" -Wait -PassThru
Get-Content (Join-Path $data "logs\self-test.log")
Remove-Item Env:\TDKT_DATA_DIR
if ($proc.ExitCode -ne 0) { throw "bundle self-test failed" }

$version = (& $py -c "import desktop; print(desktop.__version__)").Trim()
$makensis = (Get-Command makensis -ErrorAction SilentlyContinue).Source
if (-not $makensis) { $makensis = "${env:ProgramFiles(x86)}\NSIS\makensis.exe" }
& $makensis /WX "/DBUNDLE=$((Resolve-Path dist\tdkt-desk).Path)" "/DVERSION=$version" "/DOUTDIR=$((Resolve-Path dist).Path)" installer\tdkt-desk.nsi
if ($LASTEXITCODE -ne 0) { throw "makensis failed" }
Write-Output "dist\TDKT-Desk-Setup-$version.exe"
