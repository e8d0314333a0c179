<#
.SYNOPSIS
    Runs tests/pester in this (fresh) pwsh process and writes NUnit and JUnit results and a JSON summary.
.DESCRIPTION
    Started by build.ps1 Test with S365_MODULE_PATH, S365_SIM_URL and S365_REPO_ROOT set. Exits 0 only when
    every test passed and nothing was skipped or left unrun.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)][string]$PesterManifest,
    [Parameter(Mandatory)][string]$TestPath,
    [Parameter(Mandatory)][string]$ResultDirectory,
    [Parameter(Mandatory)][string]$SummaryPath
)
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
$PSStyle.OutputRendering = 'PlainText'
$ProgressPreference = 'SilentlyContinue'

foreach ($name in 'S365_MODULE_PATH', 'S365_SIM_URL', 'S365_REPO_ROOT') {
    if (-not [Environment]::GetEnvironmentVariable($name)) { throw "Environment variable $name is not set." }
}

Import-Module -Name $PesterManifest -Force
$configuration = New-PesterConfiguration
$configuration.Run.Path = $TestPath
$configuration.Run.PassThru = $true
$configuration.Run.Exit = $false
$configuration.Output.Verbosity = 'Detailed'
$configuration.Output.RenderMode = 'Plaintext'
# Results are exported after the summary is written, so that a report that cannot be written (it fails the
# run below) never hides the counts.
$configuration.TestResult.Enabled = $false
$configuration.Should.ErrorAction = 'Continue'

$result = Invoke-Pester -Configuration $configuration

$summary = [ordered]@{
    Result           = $result.Result
    Passed           = $result.PassedCount
    Failed           = $result.FailedCount
    Skipped          = $result.SkippedCount
    NotRun           = $result.NotRunCount
    FailedBlocks     = $result.FailedBlocksCount
    FailedContainers = $result.FailedContainersCount
    ReportErrors     = @()
}
$reports = @{
    'pester.nunit.xml' = { param($path) $result | Export-NUnitReport -Path $path }
    'pester.junit.xml' = { param($path) $result | Export-JUnitReport -Path $path }
}
foreach ($name in $reports.Keys) {
    try { & $reports[$name] (Join-Path $ResultDirectory $name) }
    catch { $summary.ReportErrors += "${name}: $($_.Exception.Message)" }
}
$summary | ConvertTo-Json | Set-Content -LiteralPath $SummaryPath -Encoding utf8NoBOM
$ok = $result.Result -eq 'Passed' -and $result.PassedCount -gt 0 -and $result.SkippedCount -eq 0 -and $result.NotRunCount -eq 0 -and $summary.ReportErrors.Count -eq 0
exit $(if ($ok) { 0 } else { 1 })
