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
$configuration.TestResult.Enabled = $true
$configuration.TestResult.OutputFormat = 'NUnitXml'
$configuration.TestResult.OutputPath = Join-Path $ResultDirectory 'pester.nunit.xml'
$configuration.Should.ErrorAction = 'Continue'

$result = Invoke-Pester -Configuration $configuration
$result | Export-JUnitReport -Path (Join-Path $ResultDirectory 'pester.junit.xml')

$summary = [ordered]@{
    Result           = $result.Result
    Passed           = $result.PassedCount
    Failed           = $result.FailedCount
    Skipped          = $result.SkippedCount
    NotRun           = $result.NotRunCount
    FailedBlocks     = $result.FailedBlocksCount
    FailedContainers = $result.FailedContainersCount
}
$summary | ConvertTo-Json | Set-Content -LiteralPath $SummaryPath -Encoding utf8NoBOM
$ok = $result.Result -eq 'Passed' -and $result.PassedCount -gt 0 -and $result.SkippedCount -eq 0 -and $result.NotRunCount -eq 0
exit $(if ($ok) { 0 } else { 1 })
