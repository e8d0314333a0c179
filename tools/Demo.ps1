<#
.SYNOPSIS
    A narrated tour of Sync365 against the simulator, for people (hence Write-Host).
.DESCRIPTION
    Run through 'dotnet pwsh ./build.ps1 Demo', which builds and stages the module, starts the simulator with
    the demo scenario, runs this script in a fresh pwsh and stops the simulator afterwards.
    To add a step: append an Invoke-DemoStep call with a title, one or two sentences of narration and a
    script block; whatever the block outputs is shown as PowerShell would show it.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)][string]$SimulatorUrl,
    [string]$ModulePath = (Join-Path $PSScriptRoot '../artifacts/module/Sync365/Sync365.psd1')
)
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
if ([Console]::IsOutputRedirected) { $PSStyle.OutputRendering = 'PlainText' }

$script:StepNumber = 0
function Invoke-DemoStep {
    param(
        [Parameter(Mandatory)][string]$Title,
        [Parameter(Mandatory)][string]$Narration,
        [Parameter(Mandatory)][scriptblock]$Action
    )
    $script:StepNumber++
    Write-Host ''
    Write-Host ("=== Step {0}: {1} ===" -f $script:StepNumber, $Title) -ForegroundColor Cyan
    Write-Host $Narration
    Write-Host ('PS> ' + $Action.ToString().Trim()) -ForegroundColor DarkGray
    # Rendered at a fixed, generous width: a log or a narrow terminal would otherwise squeeze the tables.
    & $Action | Out-String -Width 160 | Write-Host -NoNewline
}

Invoke-DemoStep -Title 'Import the module' -Narration 'The staged module, exactly as it will ship: Sync365.dll plus its isolated dependencies.' -Action {
    Import-Module $ModulePath -PassThru | Select-Object Name, Version, ModuleBase
}

Invoke-DemoStep -Title 'Connect to ConnectWise (the simulator)' -Narration 'API keys of the demo member; the private key is a SecureString, never a plain parameter.' -Action {
    Connect-S365Psa -Server $SimulatorUrl -CompanyId sync365demo -PublicKey demopublic `
        -PrivateKey (ConvertTo-SecureString demoprivate -AsPlainText -Force) `
        -ClientId 2f7e4bd1-365d-4c3a-9a1e-5e5e5e5e0365 -PassThru
}

Invoke-DemoStep -Title 'Companies' -Narration 'Companies stream page by page; Select-Object -First 5 stops after the first request.' -Action {
    Get-S365Company | Select-Object -First 5
}

Write-Host ''
Write-Host 'Demo complete.' -ForegroundColor Green
