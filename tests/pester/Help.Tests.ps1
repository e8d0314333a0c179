# Meta-test: no exported cmdlet ships without help. For each cmdlet of the staged module, Get-Help must give
# a real synopsis (not the syntax PowerShell falls back to), a description, a description for every
# parameter that is not a common one, and at least one example whose code parses.
BeforeDiscovery {
    . (Join-Path $PSScriptRoot '_TestHelpers.ps1')
    $module = Import-S365TestModule
    $common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
    $script:CommandCases = @(Get-Command -Module $module.Name -CommandType Cmdlet | Sort-Object Name | ForEach-Object {
            @{ Name = $_.Name }
        })
    $script:ParameterCases = @(Get-Command -Module $module.Name -CommandType Cmdlet | Sort-Object Name | ForEach-Object {
            $command = $_
            $command.Parameters.Keys | Where-Object { $_ -notin $common } | Sort-Object | ForEach-Object {
                @{ Name = $command.Name; Parameter = $_ }
            }
        })
}

BeforeAll {
    . (Join-Path $PSScriptRoot '_TestHelpers.ps1')
    $null = Import-S365TestModule
}

Describe 'The module has cmdlets to check' {
    It 'exports at least one cmdlet' {
        @(Get-Command -Module Sync365 -CommandType Cmdlet).Count | Should -BeGreaterThan 0
    }
}

Describe 'Help for <Name>' -ForEach $CommandCases {
    BeforeAll {
        $help = Get-Help -Name $Name -Full
    }

    It 'has a synopsis that is not the syntax' {
        $synopsis = ([string]$help.Synopsis).Trim()
        $synopsis | Should -Not -BeNullOrEmpty
        $synopsis | Should -Not -Match ('^' + [regex]::Escape($Name) + '(\s|$)')
    }

    It 'has a description' {
        ($help.Description | ForEach-Object Text) -join "`n" | Should -Not -BeNullOrEmpty
    }

    It 'has at least one example, each with code that parses' {
        $examples = @($help.Examples.Example)
        $examples.Count | Should -BeGreaterThan 0
        foreach ($example in $examples) {
            $code = [string]$example.Code
            $code.Trim() | Should -Not -BeNullOrEmpty
            $errors = $null
            $null = [System.Management.Automation.Language.Parser]::ParseInput($code, [ref]$null, [ref]$errors)
            @($errors).Count | Should -Be 0 -Because "example '$($example.Title)' of $Name must be valid PowerShell: $code"
        }
    }

    It 'describes no parameter the cmdlet lacks' {
        $real = (Get-Command -Name $Name).Parameters.Keys
        foreach ($documented in @($help.Parameters.Parameter | ForEach-Object Name)) {
            $real | Should -Contain $documented
        }
    }
}

Describe 'Related links of <Name>' -ForEach $CommandCases {
    It 'names only commands and help topics that exist' {
        $links = @((Get-Help -Name $Name -Full).relatedLinks.navigationLink | Where-Object { $_ -and -not $_.uri } | ForEach-Object linkText)
        foreach ($link in $links) {
            { Get-Help -Name $link -ErrorAction Stop } | Should -Not -Throw -Because "$Name links to '$link'"
        }
    }
}

Describe 'The about_Sync365 topic' {
    It 'is found by Get-Help' {
        (Get-Help -Name about_Sync365 | Out-String) | Should -Match 'about_Sync365'
    }
}

Describe 'Help for <Name> -<Parameter>' -ForEach $ParameterCases {
    It 'describes the parameter' {
        $parameterHelp = Get-Help -Name $Name -Parameter $Parameter
        ($parameterHelp.Description | ForEach-Object Text) -join "`n" | Should -Not -BeNullOrEmpty
    }
}

Describe 'The help generator' {
    BeforeAll {
        $repoRoot = Get-S365TestSetting S365_REPO_ROOT
        $generator = Join-Path $repoRoot 'tools/New-S365Help.ps1'
        $source = Join-Path $repoRoot 'src/Sync365/Help'
        $work = Join-Path ([System.IO.Path]::GetTempPath()) ("s365-help-{0}" -f [guid]::NewGuid().ToString('n'))
        $null = New-Item -ItemType Directory -Path $work
        # The cmdlet with the most parameters makes the best victim.
        $victim = Get-Command -Module Sync365 -CommandType Cmdlet | Sort-Object { $_.Parameters.Count } -Descending | Select-Object -First 1
        $victimParameter = @(Import-PowerShellDataFile (Join-Path $source "$($victim.Name).psd1")).Parameters.Keys | Sort-Object | Select-Object -First 1

        function ConvertTo-Psd1Text([object]$Value) {
            if ($Value -is [hashtable]) {
                $entries = foreach ($key in $Value.Keys) { "'{0}' = {1}" -f $key.Replace("'", "''"), (ConvertTo-Psd1Text $Value[$key]) }
                return "@{`n" + ($entries -join "`n") + "`n}"
            }
            if ($Value -is [array]) { return '@(' + ((@($Value) | ForEach-Object { ConvertTo-Psd1Text $_ }) -join ', ') + ')' }
            return "'" + ([string]$Value).Replace("'", "''") + "'"
        }

        # Copies the real help sources, lets $Damage change the victim's data, and runs the generator on them.
        function Invoke-Generator([scriptblock]$Damage) {
            $helpDirectory = Join-Path $work ([guid]::NewGuid().ToString('n'))
            Copy-Item -LiteralPath $source -Destination $helpDirectory -Recurse
            $file = Join-Path $helpDirectory "$($victim.Name).psd1"
            $data = Import-PowerShellDataFile -LiteralPath $file
            $data = & $Damage $data
            if ($null -eq $data) { Remove-Item -LiteralPath $file } else { Set-Content -LiteralPath $file -Value (ConvertTo-Psd1Text $data) }
            & $generator -ModuleManifest (Get-S365TestSetting S365_MODULE_PATH) -HelpSourceDirectory $helpDirectory -OutFile (Join-Path $helpDirectory 'out/help.xml')
        }
    }

    AfterAll {
        Remove-Item -LiteralPath $work -Recurse -Force -ErrorAction SilentlyContinue
    }

    It 'accepts the real help sources unchanged (so the failures below come from the damage alone)' {
        { Invoke-Generator { param($data) $data } } | Should -Not -Throw
    }

    It 'fails naming the cmdlet and parameter when a parameter is not described' {
        { Invoke-Generator { param($data) $data.Parameters.Remove($victimParameter); $data } } |
            Should -Throw -ExpectedMessage "*$($victim.Name): parameter -$victimParameter is not described*"
    }

    It 'fails naming the cmdlet when its help file is missing' {
        { Invoke-Generator { param($data) $null } } | Should -Throw -ExpectedMessage "*$($victim.Name): no help file*"
    }

    It 'fails naming the cmdlet when the synopsis or the examples are missing' {
        { Invoke-Generator { param($data) $data.Remove('Synopsis'); $data.Remove('Examples'); $data } } |
            Should -Throw -ExpectedMessage "*$($victim.Name): Synopsis is missing*$($victim.Name): no example*"
    }

    It 'fails when help describes a parameter that does not exist' {
        { Invoke-Generator { param($data) $data.Parameters['NoSuchParameter'] = 'Ghost.'; $data } } |
            Should -Throw -ExpectedMessage "*$($victim.Name): help describes parameter -NoSuchParameter*"
    }

    It 'writes MAML that Get-Help can read when the help is complete' {
        $helpDirectory = Join-Path $work 'complete'
        Copy-Item -LiteralPath $source -Destination $helpDirectory -Recurse
        $out = Join-Path $helpDirectory 'out/Sync365.dll-Help.xml'
        & $generator -ModuleManifest (Get-S365TestSetting S365_MODULE_PATH) -HelpSourceDirectory $helpDirectory -OutFile $out
        $maml = [xml](Get-Content -Raw -LiteralPath $out)
        $names = @($maml.helpItems.command | ForEach-Object { $_.details.name })
        $names | Sort-Object | Should -Be @(Get-Command -Module Sync365 -CommandType Cmdlet | ForEach-Object Name | Sort-Object)
    }
}
