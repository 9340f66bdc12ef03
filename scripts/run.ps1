# Set everything up, then open the console (each tab starts on its built-in simulator).
$ErrorActionPreference = "Stop"
. "$PSScriptRoot\setup.ps1"
Initialize-Console
& "$Venv\Scripts\broker-console.exe" @args
exit $LASTEXITCODE
