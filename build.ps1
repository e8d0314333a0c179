<#
.SYNOPSIS
    Builds, stages, tests, packages and demonstrates the Sync365 module.
.DESCRIPTION
    Build      publish src/Sync365 and stage artifacts/module/Sync365 (manifest, Sync365.dll, merged formats,
               generated MAML help, every other DLL in dependencies/)
    Lint       parse every PowerShell file, Test-ModuleManifest the staged manifest, dotnet format --verify-no-changes
    Test       Lint (which builds), dotnet test (xunit, trx), then Pester in a fresh pwsh against the staged
               module and a simulator process; the last line is 'Total: <n> passed, <m> failed, <k> skipped'
    Demo       the narrated tour (tools/Demo.ps1) against a simulator
    Simulator  run the simulator in the foreground
    Package    .nupkg through a local PSResourceGet repository (installed and imported to prove it) and a .zip
    Bench      run tests/Sync365.Bench if it exists
.EXAMPLE
    dotnet tool restore; dotnet pwsh ./build.ps1 Test
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [ValidateSet('Build', 'Lint', 'Test', 'Demo', 'Simulator', 'Package', 'Bench')]
    [string]$Task = 'Build',

    [string]$Configuration = 'Release'
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
$PSNativeCommandUseErrorActionPreference = $false
if ($Host.UI.SupportsVirtualTerminal -eq $false -or [Console]::IsOutputRedirected) { $PSStyle.OutputRendering = 'PlainText' }
Import-Module (Join-Path $PSScriptRoot 'tools/BuildHelpers.psm1') -Force

$Root = $PSScriptRoot
$Artifacts = Join-Path $Root 'artifacts'
$StageRoot = Join-Path $Artifacts 'module'
$Stage = Join-Path $StageRoot 'Sync365'
$StagedManifest = Join-Path $Stage 'Sync365.psd1'
$TestResults = Join-Path $Artifacts 'test-results'
$Solution = Join-Path $Root 'Sync365.sln'
$SimulatorProject = Join-Path $Root 'src/Sync365.Simulator/Sync365.Simulator.csproj'
$SimulatorDll = Join-Path $Root "src/Sync365.Simulator/bin/$Configuration/net10.0/Sync365.Simulator.dll"
$TestAssetsProject = Join-Path $Root 'tests/TestAssets/TestAssets.csproj'
$DemoCredentials = [ordered]@{
    CompanyId  = 'sync365demo'
    PublicKey  = 'demopublic'
    PrivateKey = 'demoprivate'
    ClientId   = '2f7e4bd1-365d-4c3a-9a1e-5e5e5e5e0365'
    Limited    = 'limitedpublic / limitedprivate'
}
$script:Done = @{}

$script:Clock = [System.Diagnostics.Stopwatch]::StartNew()
function Write-Step([string]$Text) { Write-Host ('==> [{0,6:0.0}s] {1}' -f $script:Clock.Elapsed.TotalSeconds, $Text) }

function Get-S365Version {
    $props = [xml](Get-Content -Raw -LiteralPath (Join-Path $Root 'Directory.Build.props'))
    $version = @($props.Project.PropertyGroup | ForEach-Object { $_['Sync365Version'] } | Where-Object { $_ }) | Select-Object -First 1
    if (-not $version) { throw 'Directory.Build.props has no <Sync365Version>.' }
    return $version.InnerText.Trim()
}

function Invoke-Once([string]$Name, [scriptblock]$Action) {
    if ($script:Done.ContainsKey($Name)) { return }
    & $Action
    $script:Done[$Name] = $true
}

# --- Build ------------------------------------------------------------------------------------------------

function Invoke-Build {
    Invoke-Once 'Build' {
        $version = Get-S365Version
        $publish = Join-Path $Artifacts 'publish/Sync365'
        Write-Step "Publishing src/Sync365 ($Configuration, version $version)"
        Remove-Item -LiteralPath $publish -Recurse -Force -ErrorAction SilentlyContinue
        Invoke-S365Native dotnet @('publish', (Join-Path $Root 'src/Sync365/Sync365.csproj'), '-c', $Configuration, '-o', $publish, '--nologo', '-v', 'q')

        Write-Step "Staging $Stage"
        Remove-Item -LiteralPath $Stage -Recurse -Force -ErrorAction SilentlyContinue
        $dependencies = Join-Path $Stage 'dependencies'
        $null = New-Item -ItemType Directory -Force -Path $dependencies, (Join-Path $Stage 'en-US')

        $dlls = @(Get-ChildItem -LiteralPath $publish -Filter '*.dll' -File)
        if ($dlls.Name -contains 'System.Management.Automation.dll') {
            throw 'System.Management.Automation.dll is in the publish output: PowerShellStandard.Library must be referenced with PrivateAssets="all" ExcludeAssets="runtime".'
        }
        if ($dlls.Name -notcontains 'Sync365.dll') { throw "Sync365.dll is not in $publish." }
        # The rule: Sync365.dll (the module) at the root, every other assembly in dependencies/.
        foreach ($dll in $dlls) {
            $target = if ($dll.Name -eq 'Sync365.dll') { $Stage } else { $dependencies }
            Copy-Item -LiteralPath $dll.FullName -Destination $target
            $pdb = [System.IO.Path]::ChangeExtension($dll.FullName, '.pdb')
            if (Test-Path -LiteralPath $pdb) { Copy-Item -LiteralPath $pdb -Destination $target }
        }

        $manifestText = Get-Content -Raw -LiteralPath (Join-Path $Root 'Sync365.psd1')
        $pattern = "(?m)^(\s*ModuleVersion\s*=\s*)'[^']*'"
        if ([regex]::Matches($manifestText, $pattern).Count -ne 1) { throw "Sync365.psd1 must contain exactly one ModuleVersion = '...' line." }
        $manifestText = [regex]::Replace($manifestText, $pattern, "`${1}'$version'")
        Set-Content -LiteralPath $StagedManifest -Value $manifestText -NoNewline -Encoding utf8

        & (Join-Path $Root 'tools/Merge-S365Format.ps1') -SourceDirectory (Join-Path $Root 'src/Sync365/Formats') `
            -Destination (Join-Path $Stage 'Sync365.format.ps1xml')
        & (Join-Path $Root 'tools/New-S365Help.ps1') -ModuleManifest $StagedManifest `
            -HelpSourceDirectory (Join-Path $Root 'src/Sync365/Help') -OutFile (Join-Path $Stage 'en-US/Sync365.dll-Help.xml')

        if (Test-Path -LiteralPath (Join-Path $dependencies 'System.Management.Automation.dll')) {
            throw 'System.Management.Automation.dll must never be staged.'
        }
        Write-Host "Staged Sync365 $version with $(@(Get-ChildItem -LiteralPath $dependencies -Filter *.dll).Count) dependencies."
    }
}

# --- Lint -------------------------------------------------------------------------------------------------

function Invoke-Lint {
    Invoke-Once 'Lint' {
        Invoke-Build
        Write-Step 'Parsing PowerShell files'
        $excluded = '[\\/](artifacts|bin|obj|\.git|node_modules)[\\/]'
        $files = @(Get-ChildItem -LiteralPath $Root -Recurse -File -Include '*.ps1', '*.psm1', '*.psd1' |
                Where-Object { $_.FullName.Substring($Root.Length) -notmatch $excluded })
        $parseErrors = foreach ($file in $files) {
            $tokens = $null; $errors = $null
            $null = [System.Management.Automation.Language.Parser]::ParseFile($file.FullName, [ref]$tokens, [ref]$errors)
            foreach ($e in $errors) {
                '{0}:{1}:{2}: {3}' -f $file.FullName.Substring($Root.Length + 1), $e.Extent.StartLineNumber, $e.Extent.StartColumnNumber, $e.Message
            }
        }
        if ($parseErrors) { throw "PowerShell parse errors:`n  $($parseErrors -join "`n  ")" }
        Write-Host "Parsed $($files.Count) PowerShell file(s)."

        Write-Step 'Test-ModuleManifest (staged)'
        $manifest = Test-ModuleManifest -Path $StagedManifest
        if ($manifest.Version.ToString() -ne (Get-S365Version)) { throw "Staged manifest version $($manifest.Version) is not $(Get-S365Version)." }

        Write-Step 'dotnet format --verify-no-changes'
        # format loads every project of the solution: on a fresh clone they must be restored first.
        Invoke-S365Native dotnet @('restore', $Solution, '-v', 'q', '--nologo')
        Invoke-S365Native dotnet @('format', $Solution, '--verify-no-changes', '-v', 'q')
    }
}

# --- Test -------------------------------------------------------------------------------------------------

function Get-TrxSummary([string]$Path) {
    foreach ($trx in @(Get-Item -LiteralPath $Path -ErrorAction SilentlyContinue)) {
        $run = ([xml](Get-Content -Raw -LiteralPath $trx.FullName)).TestRun
        $counters = $run.ResultSummary.Counters
        $executed = [int]$counters.executed
        $total = [int]$counters.total
        [pscustomobject]@{
            Layer   = 'xunit ' + $trx.BaseName
            Passed  = [int]$counters.passed
            Failed  = [int]$counters.failed + [int]$counters.error + [int]$counters.timeout + [int]$counters.aborted
            Skipped = ($total - $executed) + [int]$counters.inconclusive + [int]$counters.notRunnable
            Outcome = $run.ResultSummary.outcome
        }
    }
}

function Get-PesterPath {
    Invoke-S365Native dotnet @('restore', $TestAssetsProject, '-v', 'q', '--nologo')
    $assets = Join-Path $Root 'tests/TestAssets/obj/project.assets.json'
    return Join-Path (Get-S365RestoredPackagePath -AssetsFile $assets -Id 'Pester' -Version '5.7.1') 'tools/Pester.psd1'
}

function Invoke-Test {
    Invoke-Lint
    Remove-Item -LiteralPath $TestResults -Recurse -Force -ErrorAction SilentlyContinue
    $null = New-Item -ItemType Directory -Force -Path $TestResults
    $layers = [System.Collections.Generic.List[object]]::new()
    $problems = [System.Collections.Generic.List[string]]::new()

    Write-Step 'Building the solution (once: dotnet test runs with --no-build)'
    Invoke-S365Native dotnet @('build', $Solution, '-c', $Configuration, '--nologo', '-v', 'q')

    # One dotnet test per project, each with its own trx file: a solution-wide run names its trx files by the
    # second, and two projects finishing in the same second would overwrite one another's results.
    $testProjects = @(Get-ChildItem -LiteralPath (Join-Path $Root 'tests') -Recurse -Filter '*.Tests.csproj' -File |
            Where-Object { $_.FullName -notmatch '[\\/](bin|obj)[\\/]' } | Sort-Object Name)
    foreach ($project in $testProjects) {
        Write-Step "xunit: $($project.BaseName)"
        $trx = "$($project.BaseName).trx"
        $code = Invoke-S365Native dotnet @('test', $project.FullName, '-c', $Configuration, '--no-build', '--nologo',
            '--logger', "trx;LogFileName=$trx", '--results-directory', $TestResults) -PassThruExitCode
        $summary = @(Get-TrxSummary -Path (Join-Path $TestResults $trx))
        if ($summary.Count -eq 0) {
            $layers.Add([pscustomobject]@{ Layer = "xunit $($project.BaseName) (no result)"; Passed = 0; Failed = 1; Skipped = 0; Outcome = 'Failed' })
            $problems.Add("dotnet test $($project.BaseName) wrote no trx result (exit code $code).")
            continue
        }
        $layers.Add($summary[0])
        if ($code -ne 0 -and $summary[0].Failed -eq 0) { $problems.Add("dotnet test $($project.BaseName) exited with $code but reported no failed test.") }
    }
    if ($testProjects.Count -eq 0) { $problems.Add('No xunit test project (tests/**/*.Tests.csproj) was found.') }

    Write-Step 'Pester (fresh pwsh, staged module, simulator process)'
    $summaryFile = Join-Path $TestResults 'pester-summary.json'
    $simulator = $null
    $saved = @{}
    $pesterExit = $null
    try {
        $pester = Get-PesterPath
        $simulator = Start-S365Simulator -SimulatorDll $SimulatorDll -LogDirectory (Join-Path $Artifacts 'logs')
        Write-Host "Simulator: $($simulator.Url) (pid $($simulator.Process.Id))"
        $environment = @{ S365_MODULE_PATH = $StagedManifest; S365_SIM_URL = $simulator.Url; S365_REPO_ROOT = $Root }
        foreach ($name in $environment.Keys) {
            $saved[$name] = [Environment]::GetEnvironmentVariable($name)
            [Environment]::SetEnvironmentVariable($name, $environment[$name])
        }
        $pesterExit = Invoke-S365FreshPwsh -File (Join-Path $Root 'tools/Invoke-S365Pester.ps1') -PassThruExitCode -ArgumentList @(
            '-PesterManifest', $pester, '-TestPath', (Join-Path $Root 'tests/pester'),
            '-ResultDirectory', $TestResults, '-SummaryPath', $summaryFile)
    }
    catch {
        # Recorded, not thrown: the xunit results above still get reported.
        $problems.Add("The Pester layer could not run: $($_.Exception.Message)")
    }
    finally {
        foreach ($name in $saved.Keys) {
            # A variable that was not set is removed again: passing $null to SetEnvironmentVariable from PowerShell
            # sets it to "" instead, and an empty XDG_DATA_HOME makes PSResourceGet write into the current folder.
            if ($null -eq $saved[$name]) { Remove-Item -LiteralPath "Env:$name" -ErrorAction SilentlyContinue }
            else { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
        }
        Stop-S365Simulator -Simulator $simulator
    }
    if (Test-Path -LiteralPath $summaryFile) {
        $p = Get-Content -Raw -LiteralPath $summaryFile | ConvertFrom-Json
        $layers.Add([pscustomobject]@{ Layer = 'Pester'; Passed = $p.Passed; Failed = $p.Failed + $p.FailedBlocks + $p.FailedContainers; Skipped = $p.Skipped + $p.NotRun; Outcome = $p.Result })
        if ($p.Passed + $p.Failed -eq 0) { $problems.Add('Pester ran no test.') }
        foreach ($reportError in @($p.ReportErrors)) { $problems.Add("Pester report not written: $reportError") }
        if ($pesterExit -ne 0 -and $p.Result -eq 'Passed' -and $p.Skipped + $p.NotRun -eq 0) { $problems.Add("Pester exited with $pesterExit although its tests passed.") }
    }
    else {
        # A layer that did not finish counts as one failure, so the Total line never reads as clean.
        $layers.Add([pscustomobject]@{ Layer = 'Pester (did not finish)'; Passed = 0; Failed = 1; Skipped = 0; Outcome = 'Failed' })
        $problems.Add('Pester wrote no summary (the run did not finish).')
    }

    Write-Host ''
    Write-Host 'Results per layer:'
    foreach ($layer in $layers) { Write-Host ('  {0,-32} {1,4} passed, {2,3} failed, {3,3} skipped' -f $layer.Layer, $layer.Passed, $layer.Failed, $layer.Skipped) }
    $passed = ($layers | Measure-Object Passed -Sum).Sum
    $failed = ($layers | Measure-Object Failed -Sum).Sum
    $skipped = ($layers | Measure-Object Skipped -Sum).Sum
    if ($passed + $failed -eq 0) { $problems.Add('No test ran at all.') }
    if ($skipped -gt 0) { $problems.Add("$skipped test(s) skipped or not run: a skipped test can hide a failure, so it fails the run.") }
    foreach ($problem in $problems) { Write-Host "  problem: $problem" }
    return [pscustomobject]@{ Passed = $passed; Failed = $failed; Skipped = $skipped; Ok = ($failed -eq 0 -and $problems.Count -eq 0) }
}

# --- Demo / Simulator ---------------------------------------------------------------------------------------

function Invoke-SimulatorBuild {
    Invoke-Once 'SimulatorBuild' {
        Write-Step 'Building the simulator'
        Invoke-S365Native dotnet @('build', $SimulatorProject, '-c', $Configuration, '--nologo', '-v', 'q')
    }
}

function Invoke-Demo {
    Invoke-Build
    Invoke-SimulatorBuild
    $simulator = $null
    try {
        $simulator = Start-S365Simulator -SimulatorDll $SimulatorDll -LogDirectory (Join-Path $Artifacts 'logs')
        Invoke-S365FreshPwsh -File (Join-Path $Root 'tools/Demo.ps1') -ArgumentList @('-SimulatorUrl', $simulator.Url, '-ModulePath', $StagedManifest)
    }
    finally {
        Stop-S365Simulator -Simulator $simulator
    }
}

function Invoke-Simulator {
    Invoke-SimulatorBuild
    $url = 'http://127.0.0.1:52365'
    Write-Host "Simulator on $url (scenario demo). Ctrl+C stops it."
    foreach ($key in $DemoCredentials.Keys) { Write-Host ('  {0,-10} {1}' -f $key, $DemoCredentials[$key]) }
    Invoke-S365Native dotnet @($SimulatorDll, '--urls', $url, '--scenario', 'demo')
}

# --- Package ------------------------------------------------------------------------------------------------

function Invoke-Package {
    Invoke-Build
    $version = Get-S365Version
    $packages = Join-Path $Artifacts 'packages'
    Remove-Item -LiteralPath $packages -Recurse -Force -ErrorAction SilentlyContinue
    $null = New-Item -ItemType Directory -Force -Path $packages

    $repository = "Sync365Build$PID"
    Write-Step "Publish-PSResource into $packages"
    Register-PSResourceRepository -Name $repository -Uri $packages -Trusted
    try {
        Publish-PSResource -Path $Stage -Repository $repository -SkipDependenciesCheck
    }
    finally {
        Unregister-PSResourceRepository -Name $repository
    }
    $nupkg = Get-ChildItem -LiteralPath $packages -Filter '*.nupkg' | Select-Object -First 1
    if (-not $nupkg) { throw "Publish-PSResource wrote no .nupkg into $packages." }

    Write-Step 'Proving the package: Install-PSResource into a temporary user folder, Import-Module in a fresh pwsh'
    $installRoot = Join-Path ([System.IO.Path]::GetTempPath()) "s365-install-$PID"
    # The child's per-user folders point into the temporary root, so the repository registration and the
    # CurrentUser install land there and the user's own PowerShell setup is never touched.
    $redirect = if ($IsWindows) { @{ LOCALAPPDATA = $installRoot; USERPROFILE = $installRoot } } else { @{ HOME = $installRoot; XDG_DATA_HOME = (Join-Path $installRoot '.local/share') } }
    $saved = @{}
    try {
        $null = New-Item -ItemType Directory -Force -Path $installRoot
        # .NET answers "" for a per-user folder that does not exist, and PSResourceGet would then write its
        # settings into the current folder: create the redirected folders first.
        foreach ($folder in $redirect.Values) { $null = New-Item -ItemType Directory -Force -Path $folder }
        foreach ($name in $redirect.Keys) {
            $saved[$name] = [Environment]::GetEnvironmentVariable($name)
            [Environment]::SetEnvironmentVariable($name, $redirect[$name])
        }
        Invoke-S365FreshPwsh -File (Join-Path $Root 'tools/Test-S365Package.ps1') -ArgumentList @(
            '-PackageDirectory', $packages, '-InstallRoot', $installRoot, '-Version', $version)
    }
    finally {
        foreach ($name in $saved.Keys) {
            # A variable that was not set is removed again: passing $null to SetEnvironmentVariable from PowerShell
            # sets it to "" instead, and an empty XDG_DATA_HOME makes PSResourceGet write into the current folder.
            if ($null -eq $saved[$name]) { Remove-Item -LiteralPath "Env:$name" -ErrorAction SilentlyContinue }
            else { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
        }
        Remove-Item -LiteralPath $installRoot -Recurse -Force -ErrorAction SilentlyContinue
    }

    $zip = Join-Path $packages "Sync365-$version.zip"
    Write-Step "Zip for Azure Automation: $zip"
    Compress-Archive -LiteralPath $Stage -DestinationPath $zip -Force
    Write-Host "Packages:`n  $($nupkg.FullName)`n  $zip"
}

# --- Bench --------------------------------------------------------------------------------------------------

function Invoke-Bench {
    $project = Join-Path $Root 'tests/Sync365.Bench'
    if (-not (Test-Path -LiteralPath $project)) {
        Write-Host 'No benchmarks exist yet (tests/Sync365.Bench is not there).'
        return
    }
    $out = Join-Path $Artifacts 'bench'
    Invoke-S365Native dotnet @('run', '-c', $Configuration, '--project', $project, '--', '--out', $out)
    foreach ($report in Get-ChildItem -LiteralPath $out -Recurse -File -Include '*.md', '*.txt' -ErrorAction SilentlyContinue) {
        Write-Host "--- $($report.Name)"
        Get-Content -LiteralPath $report.FullName | Write-Host
    }
}

# --- Dispatch -----------------------------------------------------------------------------------------------

Push-Location $Root
try {
    switch ($Task) {
        { $_ -ne 'Test' } {
            try {
                switch ($Task) {
                    'Build' { Invoke-Build }
                    'Lint' { Invoke-Lint }
                    'Demo' { Invoke-Demo }
                    'Simulator' { Invoke-Simulator }
                    'Package' { Invoke-Package }
                    'Bench' { Invoke-Bench }
                }
            }
            catch {
                # The whole message, line breaks kept (the concise error view would fold a list into one paragraph).
                Write-Host "$Task failed: $($_.Exception.Message)"
                Write-Host $_.ScriptStackTrace
                exit 1
            }
        }
        'Test' {
            $result = $null
            try { $result = Invoke-Test }
            catch {
                Write-Host "Test run failed before it finished: $($_.Exception.Message)"
                Write-Host ($_.ScriptStackTrace)
            }
            if ($null -eq $result) { $result = [pscustomobject]@{ Passed = 0; Failed = 1; Skipped = 0; Ok = $false } }
            Write-Host "Total: $($result.Passed) passed, $($result.Failed) failed, $($result.Skipped) skipped"
            exit $(if ($result.Ok) { 0 } else { 1 })
        }
    }
}
finally {
    Pop-Location
}
