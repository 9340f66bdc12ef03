# Creates .venv with the console and its test tools (Windows, Python 3.11+ from python.org).
$Root = Split-Path -Parent $PSScriptRoot
$Venv = Join-Path $Root ".venv"

function Initialize-Console {
    if (-not (Test-Path "$Venv\Scripts\python.exe")) {
        py -3.11 -m venv $Venv
        if ($LASTEXITCODE) { throw "Python 3.11 is required: install it from python.org" }
    }
    $stamp = Join-Path $Venv ".setup-stamp"
    $want = (Get-FileHash (Join-Path $Root "pyproject.toml")).Hash
    if (-not (Test-Path $stamp) -or (Get-Content $stamp) -ne $want) {
        & "$Venv\Scripts\python.exe" -m pip install -q --upgrade pip
        & "$Venv\Scripts\python.exe" -m pip install -q -e "$Root[dev]"
        if ($LASTEXITCODE) { throw "pip install failed" }
        & "$Venv\Scripts\python.exe" -m pip install -q --no-deps "vnpy>=4.0,<5"
        if ($LASTEXITCODE) { throw "pip install vnpy failed" }
        Set-Content $stamp $want
    }
    # The UI translations: Qt Linguist sources compiled to .qm (build output, not committed).
    & "$Venv\Scripts\python.exe" (Join-Path $Root "scripts\translations.py") compile | Out-Null
    if ($LASTEXITCODE) { throw "compiling the translations failed" }
}
