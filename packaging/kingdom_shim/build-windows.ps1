# Build the Kingdom shim on Windows with MSVC, from a "Developer PowerShell for VS" prompt.
#   build-windows.ps1 -IncludeDir C:\Kingdom\include -LibDir C:\Kingdom\lib [-LibName LBM_Plugin]
#                     [-Out lbm_shim.dll] [-Header LBM_Plugin.h]
# Build for the plugin's bitness (x86 plugin: x86 prompt). Ship lbm_shim.dll next to the
# vendor's plugin DLL and point the Kingdom tab's "Plugin shim" at it.
param(
    [Parameter(Mandatory = $true)] [string] $IncludeDir,
    [Parameter(Mandatory = $true)] [string] $LibDir,
    [string] $LibName = "LBM_Plugin",
    [string] $Out = "lbm_shim.dll",
    [string] $Header = "LBM_Plugin.h"
)
$ErrorActionPreference = "Stop"
$Source = Join-Path $PSScriptRoot "lbm_shim.cpp"
cl /nologo /O2 /EHsc /LD /std:c++17 "/DLBM_PLUGIN_HEADER=\`"$Header\`"" /I $IncludeDir $Source `
    /Fe:$Out /link /LIBPATH:$LibDir "$LibName.lib"
if ($LASTEXITCODE) { throw "cl failed" }
"built $Out"
