# The staged module as a user gets it: its layout, what it exports, and its dependency isolation.
BeforeAll {
    . (Join-Path $PSScriptRoot '_TestHelpers.ps1')
    $script:ManifestPath = Get-S365TestSetting S365_MODULE_PATH
    $script:ModuleRoot = Split-Path -Parent $ManifestPath
    $script:Dependencies = Join-Path $ModuleRoot 'dependencies'
    $script:Manifest = Import-PowerShellDataFile -LiteralPath $ManifestPath
    $script:Module = Import-S365TestModule
}

Describe 'Staged module layout' {
    It 'has Sync365.dll at the root and every other assembly in dependencies/' {
        $rootDlls = @(Get-ChildItem -LiteralPath $ModuleRoot -Filter '*.dll' -File).Name
        $rootDlls | Should -Be @('Sync365.dll')
        $dependencyDlls = @(Get-ChildItem -LiteralPath $Dependencies -Filter '*.dll' -File).Name
        $dependencyDlls | Should -Contain 'Sync365.Core.dll'
        $dependencyDlls | Should -Contain 'Polly.Core.dll'
        $dependencyDlls | Should -Contain 'System.Text.Json.dll'
    }

    It 'never ships System.Management.Automation' {
        @(Get-ChildItem -LiteralPath $ModuleRoot -Recurse -Filter 'System.Management.Automation.dll').Count | Should -Be 0
    }

    It 'has the version from Directory.Build.props in its manifest' {
        $props = [xml](Get-Content -Raw -LiteralPath (Join-Path (Get-S365TestSetting S365_REPO_ROOT) 'Directory.Build.props'))
        $expected = @($props.Project.PropertyGroup | ForEach-Object { $_['Sync365Version'] } | Where-Object { $_ })[0].InnerText
        $Module.Version.ToString() | Should -Be $expected
    }

    It 'has generated help and a merged format file' {
        Join-Path $ModuleRoot 'en-US/Sync365.dll-Help.xml' | Should -Exist
        Join-Path $ModuleRoot 'Sync365.format.ps1xml' | Should -Exist
    }
}

Describe 'Import' {
    It 'exports exactly the cmdlets the manifest lists' {
        $exported = @(Get-Command -Module Sync365 | ForEach-Object Name | Sort-Object)
        $exported | Should -Be @($Manifest.CmdletsToExport | Sort-Object)
    }

    It 'exports no function, alias or variable' {
        @(Get-Command -Module Sync365 -CommandType Function, Alias).Count | Should -Be 0
        $Module.ExportedVariables.Count | Should -Be 0
    }

    It 'registers a view for every type the format files describe' {
        $format = [xml](Get-Content -Raw -LiteralPath (Join-Path $ModuleRoot 'Sync365.format.ps1xml'))
        $typeNames = @($format.SelectNodes('//ViewDefinitions/View/ViewSelectedBy/TypeName') | ForEach-Object InnerText | Sort-Object -Unique)
        foreach ($typeName in $typeNames) {
            Get-FormatData -TypeName $typeName | Should -Not -BeNullOrEmpty -Because "$typeName has a view in Sync365.format.ps1xml"
        }
    }

    It 'imports in a fresh process with no error' {
        $result = Invoke-S365FreshSession -Script @'
$module = Import-Module $env:S365_MODULE_PATH -PassThru
[pscustomobject]@{ Name = $module.Name; Commands = @(Get-Command -Module Sync365).Count; Errors = $Error.Count }
'@
        $result[0].Name | Should -Be 'Sync365'
        $result[0].Commands | Should -Be @($Manifest.CmdletsToExport).Count
        $result[0].Errors | Should -Be 0
    }
}

Describe 'Dependency isolation' {
    It 'loads Polly.Core from dependencies/ into a non-default load context once a command has run' {
        Connect-S365Demo
        $company = Get-S365Company | Select-Object -First 1
        $company | Should -Not -BeNullOrEmpty

        $polly = @([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'Polly.Core' -and $_.Location -like "$Dependencies*" })
        $polly.Count | Should -Be 1
        $context = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($polly[0])
        $context | Should -Not -Be ([System.Runtime.Loader.AssemblyLoadContext]::Default)
        $context.Name | Should -Be 'Sync365'
    }

    It 'loads Sync365.Core into the same private context, not the default one' {
        $core = @([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'Sync365.Core' })
        $core.Count | Should -Be 1
        $core[0].Location | Should -BeLike "$Dependencies*"
        [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($core[0]).Name | Should -Be 'Sync365'
    }

    It 'works in a session where another Polly.Core version was loaded first' {
        $oldPolly = Join-Path (Get-S365TestPackagePath -Id 'Polly.Core' -Version '8.4.2') 'lib/netstandard2.0/Polly.Core.dll'
        $oldPolly | Should -Exist
        $env:S365_OLD_POLLY = $oldPolly
        try {
            $result = Invoke-S365FreshSession -Script @'
Add-Type -Path $env:S365_OLD_POLLY
. (Join-Path $env:S365_REPO_ROOT 'tests/pester/_TestHelpers.ps1')
$null = Import-S365TestModule
Connect-S365Demo
$companies = @(Get-S365Company | Select-Object -First 3)
[pscustomobject]@{
    Companies = $companies.Count
    Polly     = @([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'Polly.Core' } | ForEach-Object {
        [pscustomobject]@{
            Location = $_.Location
            Context  = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($_).Name
            Version  = $_.GetCustomAttributes([System.Reflection.AssemblyInformationalVersionAttribute], $false)[0].InformationalVersion
        } })
}
'@
        }
        finally {
            Remove-Item Env:S365_OLD_POLLY
        }
        $result[0].Companies | Should -BeGreaterThan 0
        $polly = @($result[0].Polly)
        $polly.Count | Should -Be 2
        ($polly | Where-Object Context -EQ 'Default').Location | Should -Be $oldPolly
        ($polly | Where-Object Context -EQ 'Sync365').Location | Should -BeLike "$Dependencies*"
        ($polly | Where-Object Context -EQ 'Sync365').Version | Should -Not -BeLike '8.4.2*'
    }

    It 'does not hand its private Polly.Core to code outside the module' {
        $result = Invoke-S365FreshSession -Script @'
. (Join-Path $env:S365_REPO_ROOT 'tests/pester/_TestHelpers.ps1')
$null = Import-S365TestModule
Connect-S365Demo
$null = Get-S365Company | Select-Object -First 1
$outside = try { [System.Reflection.Assembly]::Load('Polly.Core').Location } catch { 'not found' }
[pscustomobject]@{
    Outside = $outside
    Private = @([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'Polly.Core' }).Count
}
'@
        $result[0].Private | Should -Be 1 -Because 'Sync365 itself loaded its Polly.Core'
        $result[0].Outside | Should -Be 'not found' -Because 'a load by name from outside the module must not be answered with the private copy'
    }

    It 'still works after Remove-Module and a second Import-Module' {
        Remove-Module Sync365
        $null = Import-S365TestModule
        Connect-S365Demo
        @(Get-S365Company | Select-Object -First 1).Count | Should -Be 1
        @([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'Sync365.Core' }).Count | Should -Be 1
    }
}
