# Set everything up, then run the linters and the whole test suite (Qt offscreen).
$ErrorActionPreference = "Stop"
. "$PSScriptRoot\setup.ps1"
Initialize-Console
Set-Location $Root
& "$Venv\Scripts\ruff.exe" check gui tests; if ($LASTEXITCODE) { exit $LASTEXITCODE }
& "$Venv\Scripts\ruff.exe" format --check gui tests; if ($LASTEXITCODE) { exit $LASTEXITCODE }
& "$Venv\Scripts\mypy.exe"; if ($LASTEXITCODE) { exit $LASTEXITCODE }
$env:QT_QPA_PLATFORM = "offscreen"
& "$Venv\Scripts\python.exe" -m pytest @args
exit $LASTEXITCODE
