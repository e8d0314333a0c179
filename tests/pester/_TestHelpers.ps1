# Shared by tests/pester/*.Tests.ps1: dot-source it in BeforeAll (and in BeforeDiscovery when discovery needs it).
#   . (Join-Path $PSScriptRoot '_TestHelpers.ps1')
# build.ps1 Test runs Pester in a fresh pwsh with:
#   S365_MODULE_PATH  the staged artifacts/module/Sync365/Sync365.psd1
#   S365_SIM_URL      the simulator process (demo scenario), e.g. http://127.0.0.1:52365
#   S365_REPO_ROOT    the repository root
Set-StrictMode -Version Latest

$script:S365Demo = @{
    CompanyId      = 'sync365demo'
    PublicKey      = 'demopublic'
    PrivateKey     = 'demoprivate'
    LimitedPublic  = 'limitedpublic'
    LimitedPrivate = 'limitedprivate'
    ClientId       = '2f7e4bd1-365d-4c3a-9a1e-5e5e5e5e0365'
}

function Get-S365TestSetting {
    <# The value of one of the S365_* variables build.ps1 sets; throws (failing the test) when it is missing. #>
    param([Parameter(Mandatory)][ValidateSet('S365_MODULE_PATH', 'S365_SIM_URL', 'S365_REPO_ROOT')][string]$Name)
    $value = [Environment]::GetEnvironmentVariable($Name)
    if ([string]::IsNullOrWhiteSpace($value)) {
        throw "$Name is not set: run the Pester layer through 'dotnet pwsh ./build.ps1 Test'."
    }
    return $value
}

function Import-S365TestModule {
    <# Imports the staged module (once per session; -Force re-imports) and returns its PSModuleInfo. #>
    param([switch]$Force)
    $path = Get-S365TestSetting S365_MODULE_PATH
    Import-Module -Name $path -Force:$Force -PassThru -ErrorAction Stop
}

function Connect-S365Demo {
    <# Connects to the simulator with the demo API member (or the limited one with -Limited). #>
    param([switch]$Limited, [switch]$PassThru)
    $public = if ($Limited) { $S365Demo.LimitedPublic } else { $S365Demo.PublicKey }
    $private = if ($Limited) { $S365Demo.LimitedPrivate } else { $S365Demo.PrivateKey }
    Connect-S365Psa -Server (Get-S365TestSetting S365_SIM_URL) -CompanyId $S365Demo.CompanyId -PublicKey $public `
        -PrivateKey (ConvertTo-SecureString $private -AsPlainText -Force) -ClientId $S365Demo.ClientId -PassThru:$PassThru
}

function Reset-S365Simulator {
    <# Restores the simulator's data (POST /_sim/reset), for tests that change it. #>
    $null = Invoke-RestMethod -Method Post -Uri ((Get-S365TestSetting S365_SIM_URL) + '/_sim/reset')
}

function Get-S365TestPackagePath {
    <# The folder of a package restored by tests/TestAssets (e.g. Polly.Core 8.4.2), read from its assets file. #>
    param([Parameter(Mandatory)][string]$Id, [Parameter(Mandatory)][string]$Version)
    $assetsFile = Join-Path (Get-S365TestSetting S365_REPO_ROOT) 'tests/TestAssets/obj/project.assets.json'
    $assets = Get-Content -Raw -LiteralPath $assetsFile | ConvertFrom-Json -AsHashtable
    foreach ($folder in $assets['packageFolders'].Keys) {
        $candidate = Join-Path $folder $Id.ToLowerInvariant() $Version
        if (Test-Path -LiteralPath $candidate) { return $candidate }
    }
    throw "Package $Id $Version was not restored by tests/TestAssets."
}

function Invoke-S365FreshSession {
    <#
    .SYNOPSIS
        Runs a script in a NEW pwsh process (no profile, same environment) and returns what it wrote to the
        pipeline, converted from JSON. The script gets the S365_* variables like the tests do.
    .DESCRIPTION
        For what must happen in a clean process: assembly loading order, module import side effects.
        The script's output is converted with ConvertTo-Json -Depth 6; anything it writes to the host
        is kept for the failure message. A non-zero exit code throws with the whole output.
    #>
    param([Parameter(Mandatory)][string]$Script)
    $processPath = [System.Diagnostics.Process]::GetCurrentProcess().MainModule.FileName
    $prefix = @(if ([System.IO.Path]::GetFileNameWithoutExtension($processPath) -eq 'dotnet') { Join-Path $PSHOME 'pwsh.dll' })
    $file = Join-Path ([System.IO.Path]::GetTempPath()) ("s365-fresh-{0}.ps1" -f [guid]::NewGuid().ToString('n'))
    $marker = '::S365-RESULT::'
    $wrapped = @"
`$ErrorActionPreference = 'Stop'
`$ProgressPreference = 'SilentlyContinue'
`$PSStyle.OutputRendering = 'PlainText'
`$result = & { $Script }
'$marker' + (ConvertTo-Json -InputObject @(`$result) -Depth 6 -Compress)
"@
    Set-Content -LiteralPath $file -Value $wrapped -Encoding utf8NoBOM
    try {
        # Colour codes are dropped: they are noise in a failure message and invalid in XML test reports.
        $output = & $processPath @prefix -NoProfile -NonInteractive -File $file 2>&1 | ForEach-Object { "$_" -replace '\e\[[0-9;?]*[A-Za-z]', '' }
        $code = $LASTEXITCODE
    }
    finally {
        Remove-Item -LiteralPath $file -ErrorAction SilentlyContinue
    }
    $line = @($output | Where-Object { $_.StartsWith($marker) }) | Select-Object -Last 1
    if ($code -ne 0 -or -not $line) {
        throw "The fresh pwsh session failed (exit code $code):`n$($output -join "`n")"
    }
    return @($line.Substring($marker.Length) | ConvertFrom-Json)
}
