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

Invoke-DemoStep -Title 'Prove the connection' -Narration 'Test-S365Connection checks every right of the seed''s security-role table, from /system/mySecurity and cheap probes.' -Action {
    Test-S365Connection
}

Invoke-DemoStep -Title 'What a limited API member lacks' -Narration 'The limited member''s role misses three rights; each failing row says what to change in System > Security Roles.' -Action {
    Connect-S365Psa -Server $SimulatorUrl -CompanyId sync365demo -PublicKey limitedpublic `
        -PrivateKey (ConvertTo-SecureString limitedprivate -AsPlainText -Force) `
        -ClientId 2f7e4bd1-365d-4c3a-9a1e-5e5e5e5e0365 -Name limited
    (Test-S365Connection -Connection limited).Permissions | Where-Object Status -ne 'Pass' |
        Format-List Module, Function, Required, Granted, Status, Fix
    Disconnect-S365Psa -Connection limited
}

Invoke-DemoStep -Title 'Awkward names are found exactly' -Narration 'Quotes, ampersands, plus signs, hashes, percent signs and umlauts: one quoting function builds the server-side condition.' -Action {
    Get-S365Company -Name "O'Brien & Sons", 'Zürich "Alpen" AG', 'Smith + Jones #1', '100% Pure (NZ) Ltd'
}

Invoke-DemoStep -Title 'Agreements and their additions' -Narration 'Companies pipe into agreements, agreements into additions; additions of many agreements are read in bundles.' -Action {
    Get-S365Company -Name "O'Brien & Sons" | Get-S365Agreement -Type 'Microsoft 365' | Get-S365Addition
}

Invoke-DemoStep -Title 'What CloudConsole still bills' -Narration 'Active additions left by CloudConsole, per product, across every agreement.' -Action {
    Get-S365Addition -SerialNumber CloudConsole | Group-Object Product | Sort-Object Count -Descending |
        Select-Object -First 8 Count, Name
}

$script:DemoJournal = Join-Path ([System.IO.Path]::GetTempPath()) ("sync365-demo-{0}.jsonl" -f [guid]::NewGuid().ToString('n').Substring(0, 8))

Invoke-DemoStep -Title 'Bulk cancel, rehearsed' -Narration 'Moving O''Brien & Sons off CloudConsole at the end of the month: -WhatIf lists what would be cancelled and sends nothing.' -Action {
    Get-S365Company -Name "O'Brien & Sons" |
        Invoke-S365BulkCancelAddition -SerialNumber CloudConsole -CancelDate 2026-12-31 -WhatIf |
        Group-Object Status | Select-Object Count, Name
}

Invoke-DemoStep -Title 'Bulk cancel, for real' -Narration 'Every change is journalled before it is sent; the summary counts each status.' -Action {
    $results = Get-S365Company -Name "O'Brien & Sons" |
        Invoke-S365BulkCancelAddition -SerialNumber CloudConsole -CancelDate 2026-12-31 -JournalPath $DemoJournal -Confirm:$false
    $results | Select-Object -First 5   # (collected first: Select-Object -First on the live pipeline would stop the run)
}

Invoke-DemoStep -Title 'Run it again' -Narration 'A second run changes nothing: the done ones are AlreadyCancelled.' -Action {
    Get-S365Company -Name "O'Brien & Sons" |
        Invoke-S365BulkCancelAddition -SerialNumber CloudConsole -CancelDate 2026-12-31 -JournalPath $DemoJournal -Confirm:$false |
        Group-Object Status | Select-Object Count, Name
}

Invoke-DemoStep -Title 'The journal, and undo' -Narration 'Get-S365Change reads the journal; Undo-S365Change puts back every record that still holds what the run wrote.' -Action {
    Get-S365Change -JournalPath $DemoJournal -Run
    $firstRun = (Get-S365Change -JournalPath $DemoJournal -Run | Select-Object -First 1).RunId
    Undo-S365Change -JournalPath $DemoJournal -RunId $firstRun -Confirm:$false | Group-Object Status | Select-Object Count, Name
}

Write-Host ''
Write-Host 'Demo complete.' -ForegroundColor Green
