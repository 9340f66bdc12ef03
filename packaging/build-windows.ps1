# Build BrokerLoginConsole.exe (one folder) on Windows and zip it.
#   powershell -ExecutionPolicy Bypass -File packaging\build-windows.ps1
# Output: dist\BrokerLoginConsole\ (BrokerLoginConsole.exe, BrokerLoginConsole-debug.exe)
#         dist\BrokerLoginConsole-windows-x64.zip
# Uses a build venv with PySide6 only: PyInstaller >= 6.5 refuses a build with two Qt bindings.
$ErrorActionPreference = "Stop"
$Root = Split-Path -Parent $PSScriptRoot
$BuildVenv = Join-Path $Root "build\venv"
if (-not (Test-Path "$BuildVenv\Scripts\python.exe")) {
    py -3.11 -m venv $BuildVenv
    if ($LASTEXITCODE) { throw "Python 3.11 is required: install it from python.org" }
    & "$BuildVenv\Scripts\python.exe" -m pip install -q --upgrade pip
}
& "$BuildVenv\Scripts\python.exe" -m pip install -q $Root "pyinstaller>=6.5"
if ($LASTEXITCODE) { throw "pip install failed" }
& "$BuildVenv\Scripts\python.exe" -m pip install -q --no-deps --force-reinstall $Root
Set-Location $Root
Remove-Item -Recurse -Force dist\BrokerLoginConsole -ErrorAction SilentlyContinue
& "$BuildVenv\Scripts\python.exe" scripts\translations.py compile  # the .qm files it ships
if ($LASTEXITCODE) { throw "compiling the translations failed" }
& "$BuildVenv\Scripts\pyinstaller.exe" --noconfirm --clean --log-level WARN `
    --distpath "$Root\dist" --workpath "$Root\build\pyinstaller" packaging\broker_console.spec
if ($LASTEXITCODE) { throw "PyInstaller failed" }
$env:QT_QPA_PLATFORM = "offscreen"
& "$Root\dist\BrokerLoginConsole\BrokerLoginConsole-debug.exe" --self-test
if ($LASTEXITCODE) { throw "the packaged self-test failed" }
Remove-Item Env:\QT_QPA_PLATFORM
$Zip = "$Root\dist\BrokerLoginConsole-windows-x64.zip"
Remove-Item $Zip -ErrorAction SilentlyContinue
Compress-Archive -Path "$Root\dist\BrokerLoginConsole" -DestinationPath $Zip
$Size = (Get-ChildItem -Recurse "$Root\dist\BrokerLoginConsole" | Measure-Object Length -Sum).Sum
"built dist\BrokerLoginConsole ({0:N0} MiB) and {1}" -f ($Size / 1MB), $Zip
