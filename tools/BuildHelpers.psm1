# Helpers shared by build.ps1 and the scripts in tools/: native calls that must succeed, fresh pwsh
# processes, and the simulator process the Pester layer and the demo talk to.
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

function Invoke-S365Native {
    <#
    .SYNOPSIS
        Runs a native command and throws when it exits non-zero (unless -PassThruExitCode).
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)][string]$FilePath,
        [string[]]$ArgumentList = @(),
        [switch]$PassThruExitCode
    )
    $PSNativeCommandUseErrorActionPreference = $false
    Write-Verbose "> $FilePath $($ArgumentList -join ' ')"
    & $FilePath @ArgumentList | Out-Host
    $code = $LASTEXITCODE
    if ($PassThruExitCode) { return $code }
    if ($code -ne 0) {
        throw "'$FilePath $($ArgumentList -join ' ')' failed with exit code $code."
    }
}

function Get-S365PwshCommand {
    <#
    .SYNOPSIS
        The executable (and leading arguments) that start a fresh pwsh like the running one.
    .DESCRIPTION
        Under the local dotnet tool, pwsh runs as 'dotnet <PSHOME>/pwsh.dll'; otherwise as the pwsh executable.
    #>
    $processPath = [System.Diagnostics.Process]::GetCurrentProcess().MainModule.FileName
    if ([System.IO.Path]::GetFileNameWithoutExtension($processPath) -eq 'dotnet') {
        return [pscustomobject]@{ FilePath = $processPath; Prefix = @((Join-Path $PSHOME 'pwsh.dll')) }
    }
    return [pscustomobject]@{ FilePath = $processPath; Prefix = @() }
}

function Invoke-S365FreshPwsh {
    <#
    .SYNOPSIS
        Runs a script file in a new pwsh process (no profile) and returns its exit code, or throws on failure.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)][string]$File,
        [string[]]$ArgumentList = @(),
        [switch]$PassThruExitCode
    )
    $pwsh = Get-S365PwshCommand
    $arguments = @($pwsh.Prefix) + @('-NoProfile', '-NonInteractive', '-File', $File) + $ArgumentList
    Invoke-S365Native -FilePath $pwsh.FilePath -ArgumentList $arguments -PassThruExitCode:$PassThruExitCode
}

function Get-S365FreeTcpPort {
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    try {
        $listener.Start()
        return ([System.Net.IPEndPoint]$listener.LocalEndpoint).Port
    }
    finally {
        $listener.Stop()
    }
}

function Start-S365Simulator {
    <#
    .SYNOPSIS
        Starts the built simulator on a free loopback port and waits until GET /_sim/stats answers 200.
    .OUTPUTS
        An object with Url and Process (stop it with Stop-S365Simulator).
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)][string]$SimulatorDll,
        [Parameter(Mandatory)][string]$LogDirectory,
        [string]$Scenario = 'demo',
        [int]$Port = 0,
        [int]$StartupTimeoutSeconds = 90
    )
    if (-not (Test-Path -LiteralPath $SimulatorDll)) {
        throw "The simulator is not built: '$SimulatorDll' does not exist."
    }
    if ($Port -eq 0) { $Port = Get-S365FreeTcpPort }
    $url = "http://127.0.0.1:$Port"
    $null = New-Item -ItemType Directory -Force -Path $LogDirectory
    $stdout = Join-Path $LogDirectory "simulator-$Port.out.log"
    $stderr = Join-Path $LogDirectory "simulator-$Port.err.log"
    $dotnet = (Get-Command dotnet -CommandType Application | Select-Object -First 1).Source
    $process = Start-Process -FilePath $dotnet -PassThru -RedirectStandardOutput $stdout -RedirectStandardError $stderr `
        -ArgumentList @("`"$SimulatorDll`"", '--urls', $url, '--scenario', $Scenario)
    $simulator = [pscustomobject]@{ Url = $url; Process = $process; StdOut = $stdout; StdErr = $stderr }

    # A readiness bound, not a test assertion: a simulator that never answers fails the run with its log.
    $deadline = [DateTime]::UtcNow.AddSeconds($StartupTimeoutSeconds)
    while ($true) {
        if ($process.HasExited) {
            $log = (Get-Content -Raw -LiteralPath $stdout, $stderr -ErrorAction SilentlyContinue) -join "`n"
            throw "The simulator exited with code $($process.ExitCode) before it answered on $url.`n$log"
        }
        try {
            $response = Invoke-WebRequest -Uri "$url/_sim/stats" -TimeoutSec 5 -SkipHttpErrorCheck
            if ($response.StatusCode -eq 200) { return $simulator }
        }
        catch [System.Net.Http.HttpRequestException] {
            Write-Verbose "Simulator not up yet: $($_.Exception.Message)"
        }
        if ([DateTime]::UtcNow -gt $deadline) {
            Stop-S365Simulator -Simulator $simulator
            throw "The simulator did not answer GET $url/_sim/stats with 200 within $StartupTimeoutSeconds s. See $stdout and $stderr."
        }
        Start-Sleep -Milliseconds 250
    }
}

function Stop-S365Simulator {
    [CmdletBinding()]
    param([Parameter(Mandatory)][AllowNull()][object]$Simulator)
    if ($null -eq $Simulator) { return }
    $process = $Simulator.Process
    if (-not $process.HasExited) {
        $process.Kill($true)
        $null = $process.WaitForExit(30000)
    }
}

function Get-S365RestoredPackagePath {
    <#
    .SYNOPSIS
        The folder of a package restored by a project (read from its obj/project.assets.json).
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)][string]$AssetsFile,
        [Parameter(Mandatory)][string]$Id,
        [Parameter(Mandatory)][string]$Version
    )
    if (-not (Test-Path -LiteralPath $AssetsFile)) { throw "'$AssetsFile' does not exist: restore the project first." }
    $assets = Get-Content -Raw -LiteralPath $AssetsFile | ConvertFrom-Json -AsHashtable
    foreach ($folder in $assets['packageFolders'].Keys) {
        $candidate = Join-Path $folder $Id.ToLowerInvariant() $Version
        if (Test-Path -LiteralPath $candidate) { return $candidate }
    }
    throw "Package $Id $Version is not in the package folders of '$AssetsFile'."
}

Export-ModuleMember -Function *-S365*
