<#
.SYNOPSIS
    Proves a published Sync365 .nupkg: Install-PSResource from its folder, then Import-Module it here.
.DESCRIPTION
    Run by build.ps1 Package in a fresh pwsh whose per-user folders (HOME and XDG_DATA_HOME, or LOCALAPPDATA
    and USERPROFILE on Windows) point to a temporary directory, so both the repository registration and the CurrentUser
    install land there and nothing of the user's own PowerShell setup is touched. Fails when the install
    finds nothing, when the installed module does not import, or when it exports no cmdlet.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)][string]$PackageDirectory,
    [Parameter(Mandatory)][string]$InstallRoot,
    [Parameter(Mandatory)][string]$Version
)
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'

$repository = "Sync365Proof$PID"
Register-PSResourceRepository -Name $repository -Uri $PackageDirectory -Trusted
try {
    Install-PSResource -Name Sync365 -Version $Version -Repository $repository -Scope CurrentUser -TrustRepository -SkipDependencyCheck -Reinstall
}
finally {
    Unregister-PSResourceRepository -Name $repository
}
$installed = Get-InstalledPSResource -Name Sync365 -Version $Version -Scope CurrentUser
$manifest = Get-ChildItem -LiteralPath $installed.InstalledLocation -Recurse -Filter 'Sync365.psd1' | Select-Object -First 1
if (-not $manifest -or -not $manifest.FullName.StartsWith($InstallRoot)) {
    throw "Sync365 $Version was not installed under the temporary root $InstallRoot (found: $($installed.InstalledLocation))."
}
$module = Import-Module -Name $manifest.FullName -PassThru
$commands = @(Get-Command -Module Sync365)
if ($commands.Count -eq 0) { throw 'The installed module exports no command.' }
Write-Host "Installed Sync365 $($module.Version) from the package: $($commands.Count) command(s) ($($commands.Name -join ', '))."
